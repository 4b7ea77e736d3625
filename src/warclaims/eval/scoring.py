"""Score extracted documents and claims against gold files (SPEC section 5).

A pure library: :func:`score` takes parsed gold dicts, predicted documents (SPEC section 3
dicts) and predicted claims (SPEC section 4 dicts) and returns a frozen :class:`EvalReport`.

Text normalisation (:func:`normalise_text`): Unicode NFKC, typographic single quotes and
apostrophes to ``'``, double quotes and guillemets to ``"``, every dash and minus to ``-``,
runs of whitespace to one space, ends stripped. Body snippets are compared case-sensitively
after it; titles, publishers and names also ignore case (and names ignore diacritics).

Claim matching: a prediction is a candidate for a gold claim of the same document when the
metrics are equal and either the evidence sentences overlap (one contains the other and the
longer is at most 2.5 times as long in characters, or the two share at least half of the
distinct words of the longer one) or the quantity texts overlap (one contains the other).
Candidates are assigned by a maximum-cardinality, maximum-weight assignment (Hungarian
algorithm): as many gold claims as possible are matched, and among such assignments the one
with the highest total overlap score wins. Each gold claim takes at most one prediction; an
unassigned prediction (a duplicate, say) is a false alarm. Predicted claims of documents
absent from the gold are ignored.

Party rule (``claimant``, ``cited_source``): both null is right, one null is wrong. Two names
are compared whole (normalised, leading "the" dropped) when either looks like an
organisation (more than three tokens, a digit, or an organisation word such as Ministry,
Staff, Forces, Service, Army, Agency ...); otherwise on the surname (last token, an Arabic
``al-``/``el-`` article dropped). Two unnamed parties (name null on both sides) are compared
on their roles: right when both roles are null, or when one role's content words (stop words
dropped, a plural "s" dropped) contain the other's, or they share at least half of the union.
A named party never equals an unnamed one. ``claimant_side`` compares the sides (null for a
null claimant).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

FIELDS: tuple[str, ...] = (
    "population", "object", "subject", "low", "high", "qualifier", "claimant",
    "claimant_side", "cited_source", "statement_date", "period_start", "period_end",
    "location", "section",
)
META_FIELDS: tuple[str, ...] = ("title", "authors", "published", "publisher")
MAX_LENGTH_RATIO = 2.5
MIN_SHARED_WORDS = 0.5

# Words that mark a name as an organisation for the party rule (scoring-only, not extraction).
_ORG_WORDS = frozenset(
    """ministry staff force forces service intelligence army office committee council agency
    group command administration alliance organization organisation brigade battalion
    regiment division corps directorate department police guard guards navy government
    authority commission centre center institute project news times journal post press
    media cross crescent union nations movement party front military defence defense
    health emergency security operation operations republic""".split()
)
_ROLE_STOPWORDS = frozenset("a an the of in on for and to at from with".split())
_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    }
)
_WORD_RE = re.compile(r"\w+")


# --- result records -------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """``hit`` of ``total`` items right; ``share`` is 0.0 when there is nothing to count."""

    hit: int
    total: int

    @property
    def share(self) -> float:
        return _ratio(self.hit, self.total)


@dataclass(frozen=True)
class DocScore:
    """Per-document breakdown: body snippets, metadata fields (hit, total) and claim counts."""

    doc_id: str
    predicted: bool  # False when the document was missing from the predictions
    include_total: int
    include_hit: int
    exclude_total: int
    exclude_hit: int  # exclude snippets honoured, i.e. absent from the predicted text
    meta: dict[str, tuple[int, int]]
    gold_claims: int = 0
    predicted_claims: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fully_right: int = 0


@dataclass(frozen=True)
class ClaimMatch:
    """A gold claim paired with a prediction, with each scored field right or wrong."""

    doc_id: str
    gold_index: int
    pred_index: int
    score: float
    fields: dict[str, bool]

    @property
    def fully_right(self) -> bool:
        return all(self.fields.values())


@dataclass(frozen=True)
class ClaimError:
    """A gold claim that no prediction matched (``miss``) or an unmatched prediction."""

    kind: str  # "miss" | "false_alarm"
    doc_id: str
    index: int  # position of the claim in its document's gold or prediction list
    metric: str | None
    quantity_text: str | None
    evidence: str
    claimant: str | None


@dataclass(frozen=True)
class FieldMiss:
    """One wrong field of a matched claim, with both values as JSON-like data."""

    doc_id: str
    field: str
    gold: Any
    predicted: Any
    evidence: str
    metric: str | None = None
    quantity_text: str | None = None


@dataclass(frozen=True)
class DocumentsSummary:
    """Document-level aggregates over all gold documents (snippet counts are pooled)."""

    count: int
    include: Tally
    exclude: Tally
    meta: dict[str, Tally]

    @property
    def include_share(self) -> float:
        return self.include.share

    @property
    def exclude_share(self) -> float:
        return self.exclude.share

    def meta_share(self, name: str) -> float:
        return self.meta[name].share


@dataclass(frozen=True)
class ClaimsSummary:
    """Claim detection and per-field accuracy over matched claims."""

    gold: int
    predicted: int
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float
    fully_right: float  # share of matched claims with every scored field right
    fully_right_count: int
    fields: dict[str, float]  # field -> share of matched claims with it right
    field_counts: dict[str, Tally]


@dataclass(frozen=True)
class EvalReport:
    """Everything :func:`score` measures."""

    documents: DocumentsSummary
    claims: ClaimsSummary
    errors: tuple[ClaimError, ...]
    field_misses: tuple[FieldMiss, ...]
    matches: tuple[ClaimMatch, ...]
    per_document: tuple[DocScore, ...]


# --- normalisation ----------------------------------------------------------------------------


def normalise_text(text: str | None) -> str:
    """NFKC, typographic quotes/apostrophes/dashes made plain, whitespace collapsed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    return " ".join(text.split())


def _fold(text: str | None) -> str:
    """:func:`normalise_text`, case-folded, diacritics removed."""
    decomposed = unicodedata.normalize("NFKD", normalise_text(text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(text: str | None) -> list[str]:
    return _WORD_RE.findall(_fold(text))


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _get(d: Mapping[str, Any] | None, *path: str) -> Any:
    """Nested ``.get`` that tolerates missing keys and null intermediate values."""
    cur: Any = d
    for key in path:
        if not isinstance(cur, Mapping):
            return None
        cur = cur.get(key)
    return cur


# --- documents --------------------------------------------------------------------------------


def _meta_right(name: str, gold: Any, pred: Any) -> bool:
    if name == "authors":
        return {_fold(a) for a in gold or ()} == {_fold(a) for a in pred or ()}
    if gold is None or pred is None:
        return gold is None and pred is None
    if name == "published":
        return str(gold).strip() == str(pred).strip()
    return _fold(gold) == _fold(pred)


def _score_document(gold: Mapping[str, Any], pred: Mapping[str, Any] | None) -> DocScore:
    text = normalise_text(_get(pred, "text"))
    include = [normalise_text(s) for s in _get(gold, "body", "include") or ()]
    exclude = [normalise_text(s) for s in _get(gold, "body", "exclude") or ()]
    meta = {
        name: (int(_meta_right(name, _get(gold, "meta", name), _get(pred, name))), 1)
        for name in META_FIELDS
    }
    return DocScore(
        doc_id=str(gold.get("doc_id")),
        predicted=pred is not None,
        include_total=len(include),
        include_hit=sum(1 for s in include if s in text),
        exclude_total=len(exclude),
        exclude_hit=sum(1 for s in exclude if s not in text),
        meta=meta,
    )


# --- claim matching ---------------------------------------------------------------------------


def evidence_overlap(a: str | None, b: str | None) -> bool:
    """SPEC section 5 evidence rule: containment within 2.5x length, or half the words shared."""
    na, nb = _fold(a), _fold(b)
    if not na or not nb:
        return False
    short, long_ = sorted((na, nb), key=len)
    if short in long_ and len(long_) <= MAX_LENGTH_RATIO * len(short):
        return True
    long_words = set(_WORD_RE.findall(long_))
    shared = long_words & set(_WORD_RE.findall(short))
    return bool(long_words) and len(shared) >= MIN_SHARED_WORDS * len(long_words)


def quantity_overlap(a: str | None, b: str | None) -> bool:
    """Quantity texts overlap when one (normalised, case-folded) contains the other."""
    na, nb = _fold(a), _fold(b)
    return bool(na and nb) and (na in nb or nb in na)


def _evidence_similarity(a: str | None, b: str | None) -> float:
    wa, wb = set(_words(a)), set(_words(b))
    return _ratio(len(wa & wb), max(len(wa), len(wb)))


def _pair_score(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> float | None:
    """Overlap score of a candidate pair (higher is better), or None if they cannot match."""
    if gold.get("metric") != pred.get("metric"):
        return None
    g_ev, p_ev = _get(gold, "evidence", "text"), _get(pred, "evidence", "text")
    g_q, p_q = _get(gold, "quantity", "text"), _get(pred, "quantity", "text")
    ev_ok, q_ok = evidence_overlap(g_ev, p_ev), quantity_overlap(g_q, p_q)
    if not (ev_ok or q_ok):
        return None
    q_score = 0.0
    if q_ok:
        q_score = 1.0 if _fold(g_q) == _fold(p_q) else 0.5
    bounds = sum(
        0.25 for key in ("low", "high")
        if _number_equal(_get(gold, "quantity", key), _get(pred, "quantity", key))
    )
    return _evidence_similarity(g_ev, p_ev) + q_score + bounds


def _hungarian_min(cost: list[list[float]]) -> list[int]:
    """Min-cost assignment for an n x m matrix with n <= m: column index of each row."""
    n, m = len(cost), len(cost[0])
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j], way[j] = cur, j0
                if minv[j] < delta:
                    delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    rows = [0] * n
    for j in range(1, m + 1):
        if p[j]:
            rows[p[j] - 1] = j - 1
    return rows


def assign(weights: Sequence[Sequence[float | None]]) -> list[tuple[int, int]]:
    """Maximum-cardinality, maximum-weight assignment; ``None`` marks a forbidden pair.

    Returns (row, column) pairs sorted by row.
    """
    if not weights or not weights[0]:
        return []
    rows, cols = len(weights), len(weights[0])
    top = max((w for row in weights for w in row if w is not None), default=0.0)
    big = (abs(top) + 1.0) * (min(rows, cols) + 1)  # one more pair always beats any weights
    transpose = rows > cols
    grid = [list(col) for col in zip(*weights, strict=True)] if transpose else weights
    cost = [[0.0 if w is None else -(big + w) for w in row] for row in grid]
    pairs = []
    for r, c in enumerate(_hungarian_min(cost)):
        if grid[r][c] is not None:
            pairs.append((c, r) if transpose else (r, c))
    return sorted(pairs)


# --- field rules ------------------------------------------------------------------------------


def _number_equal(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return False


def _name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s,]+", _fold(name).replace(".", " ")) if t]


def _is_organisation(tokens: Sequence[str]) -> bool:
    return (
        len(tokens) > 3
        or any(ch.isdigit() for t in tokens for ch in t)
        or any(t.strip("'\"()") in _ORG_WORDS for t in tokens)
    )


def _surname(tokens: Sequence[str]) -> str:
    last = tokens[-1].strip("'\"()")
    return re.sub(r"^(al|el)-", "", last)


def _drop_article(tokens: list[str]) -> list[str]:
    return tokens[1:] if len(tokens) > 1 and tokens[0] == "the" else tokens


def names_match(gold: str, pred: str) -> bool:
    """Surname match for persons, whole-name match for organisations (see module doc)."""
    g, p = _name_tokens(gold), _name_tokens(pred)
    if not g or not p:
        return g == p
    if _is_organisation(g) or _is_organisation(p):
        return _drop_article(g) == _drop_article(p)
    return _surname(g) == _surname(p)


def _role_words(role: str | None) -> set[str]:
    words = _words((role or "").replace(".", ""))
    return {
        w[:-1] if len(w) > 3 and w.endswith("s") else w
        for w in words if w not in _ROLE_STOPWORDS
    }


def roles_match(gold: str | None, pred: str | None) -> bool:
    """Loose role match for unnamed parties: word-set containment or Jaccard >= 0.5."""
    g, p = _role_words(gold), _role_words(pred)
    if not g or not p:
        return not g and not p
    return g <= p or p <= g or len(g & p) >= MIN_SHARED_WORDS * len(g | p)


def parties_match(gold: Mapping[str, Any] | None, pred: Mapping[str, Any] | None) -> bool:
    """The ``claimant`` / ``cited_source`` rule (see module doc)."""
    if not gold or not pred:
        return not gold and not pred
    g_name, p_name = gold.get("name"), pred.get("name")
    if g_name and p_name:
        return names_match(g_name, p_name)
    if g_name or p_name:
        return False
    return roles_match(gold.get("role"), pred.get("role"))


def _location_match(gold: Mapping[str, Any] | None, pred: Mapping[str, Any] | None) -> bool:
    if not gold or not pred:
        return not gold and not pred
    return all(_fold(gold.get(k)) == _fold(pred.get(k)) for k in ("name", "country"))


def _subject_set(value: Any) -> frozenset[str]:
    if isinstance(value, str):
        value = [value]
    return frozenset(_fold(v) for v in value or () if v)


def _same(a: Any, b: Any) -> bool:
    return a == b


def _date_equal(a: Any, b: Any) -> bool:
    return (a or None) == (b or None)


_FieldRule = tuple[Callable[[Mapping[str, Any]], Any], Callable[[Any, Any], bool]]
_FIELD_RULES: dict[str, _FieldRule] = {
    "population": (lambda c: c.get("population"), _same),
    "object": (lambda c: c.get("object"), _same),
    "subject": (lambda c: c.get("subject"), lambda a, b: _subject_set(a) == _subject_set(b)),
    "low": (lambda c: _get(c, "quantity", "low"), _number_equal),
    "high": (lambda c: _get(c, "quantity", "high"), _number_equal),
    "qualifier": (lambda c: _get(c, "quantity", "qualifier"), _same),
    "claimant": (lambda c: c.get("claimant"), parties_match),
    "claimant_side": (lambda c: _get(c, "claimant", "side"), _same),
    "cited_source": (lambda c: c.get("cited_source"), parties_match),
    "statement_date": (lambda c: c.get("statement_date"), _date_equal),
    "period_start": (lambda c: _get(c, "period", "start"), _date_equal),
    "period_end": (lambda c: _get(c, "period", "end"), _date_equal),
    "location": (lambda c: c.get("location"), _location_match),
    "section": (lambda c: c.get("section"), _same),
}


def field_results(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> dict[str, bool]:
    """Each scored field (:data:`FIELDS`) of a matched pair: right or wrong."""
    return {
        name: bool(rule(get(gold), get(pred)))
        for name, (get, rule) in _FIELD_RULES.items()
    }


def field_value(claim: Mapping[str, Any], name: str) -> Any:
    """The value of scored field ``name`` in a claim dict (as it is compared)."""
    return _FIELD_RULES[name][0](claim)


# --- claims -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _DocClaims:
    matches: tuple[ClaimMatch, ...]
    errors: tuple[ClaimError, ...]
    field_misses: tuple[FieldMiss, ...]


def _claim_error(kind: str, doc_id: str, index: int, claim: Mapping[str, Any]) -> ClaimError:
    claimant = claim.get("claimant")
    who = None
    if isinstance(claimant, Mapping):
        who = claimant.get("name") or claimant.get("role")
    return ClaimError(
        kind=kind,
        doc_id=doc_id,
        index=index,
        metric=claim.get("metric"),
        quantity_text=_get(claim, "quantity", "text"),
        evidence=str(_get(claim, "evidence", "text") or ""),
        claimant=who,
    )


def match_claims(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]
) -> list[tuple[int, int, float]]:
    """(gold index, prediction index, score) of the assignment for one document."""
    by_metric: dict[Any, tuple[list[int], list[int]]] = {}
    for i, claim in enumerate(gold):
        by_metric.setdefault(claim.get("metric"), ([], []))[0].append(i)
    for j, claim in enumerate(pred):
        if claim.get("metric") in by_metric:
            by_metric[claim.get("metric")][1].append(j)
    result = []
    for g_idx, p_idx in by_metric.values():
        if not p_idx:
            continue
        weights = [[_pair_score(gold[i], pred[j]) for j in p_idx] for i in g_idx]
        for r, c in assign(weights):
            result.append((g_idx[r], p_idx[c], float(weights[r][c] or 0.0)))
    return sorted(result)


def _score_claims(
    doc_id: str, gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]
) -> _DocClaims:
    pairs = match_claims(gold, pred)
    matches, misses = [], []
    for i, j, pair_score in pairs:
        fields = field_results(gold[i], pred[j])
        matches.append(ClaimMatch(doc_id, i, j, pair_score, fields))
        evidence = str(_get(gold[i], "evidence", "text") or "")
        for name, ok in fields.items():
            if not ok:
                misses.append(FieldMiss(
                    doc_id, name, field_value(gold[i], name), field_value(pred[j], name),
                    evidence, gold[i].get("metric"), _get(gold[i], "quantity", "text"),
                ))
    found_gold = {i for i, _, _ in pairs}
    found_pred = {j for _, j, _ in pairs}
    errors = [
        _claim_error("miss", doc_id, i, c) for i, c in enumerate(gold) if i not in found_gold
    ] + [
        _claim_error("false_alarm", doc_id, j, c)
        for j, c in enumerate(pred) if j not in found_pred
    ]
    return _DocClaims(tuple(matches), tuple(errors), tuple(misses))


# --- aggregation ------------------------------------------------------------------------------


def _f1(precision: float, recall: float) -> float:
    return _ratio(2 * precision * recall, precision + recall)


def _summarise_documents(docs: Sequence[DocScore]) -> DocumentsSummary:
    return DocumentsSummary(
        count=len(docs),
        include=Tally(sum(d.include_hit for d in docs), sum(d.include_total for d in docs)),
        exclude=Tally(sum(d.exclude_hit for d in docs), sum(d.exclude_total for d in docs)),
        meta={
            name: Tally(sum(d.meta[name][0] for d in docs), sum(d.meta[name][1] for d in docs))
            for name in META_FIELDS
        },
    )


def _summarise_claims(
    n_gold: int, n_pred: int, matches: Sequence[ClaimMatch]
) -> ClaimsSummary:
    tp = len(matches)
    precision, recall = _ratio(tp, n_pred), _ratio(tp, n_gold)
    counts = {
        name: Tally(sum(1 for m in matches if m.fields[name]), tp) for name in FIELDS
    }
    fully = sum(1 for m in matches if m.fully_right)
    return ClaimsSummary(
        gold=n_gold, predicted=n_pred, tp=tp, fp=n_pred - tp, fn=n_gold - tp,
        precision=precision, recall=recall, f1=_f1(precision, recall),
        fully_right=_ratio(fully, tp), fully_right_count=fully,
        fields={name: t.share for name, t in counts.items()}, field_counts=counts,
    )


def _with_claims(doc: DocScore, n_gold: int, n_pred: int, result: _DocClaims) -> DocScore:
    tp = len(result.matches)
    return DocScore(
        doc_id=doc.doc_id, predicted=doc.predicted,
        include_total=doc.include_total, include_hit=doc.include_hit,
        exclude_total=doc.exclude_total, exclude_hit=doc.exclude_hit, meta=doc.meta,
        gold_claims=n_gold, predicted_claims=n_pred, tp=tp, fp=n_pred - tp, fn=n_gold - tp,
        fully_right=sum(1 for m in result.matches if m.fully_right),
    )


def _unique_gold(gold: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    seen: dict[str, Mapping[str, Any]] = {}
    for g in gold:
        seen.setdefault(str(g.get("doc_id")), g)
    return list(seen.values())


def score(
    gold: list[dict],
    predicted_docs: dict[str, dict],
    predicted_claims: dict[str, list[dict]],
) -> EvalReport:
    """Score predictions against gold documents (SPEC section 5); see the module doc."""
    per_doc, matches, errors, misses = [], [], [], []
    n_gold = n_pred = 0
    for g in _unique_gold(gold):
        doc_id = str(g.get("doc_id"))
        g_claims = list(g.get("claims") or ())
        p_claims = list(predicted_claims.get(doc_id) or ())
        result = _score_claims(doc_id, g_claims, p_claims)
        doc = _score_document(g, predicted_docs.get(doc_id))
        per_doc.append(_with_claims(doc, len(g_claims), len(p_claims), result))
        matches.extend(result.matches)
        errors.extend(result.errors)
        misses.extend(result.field_misses)
        n_gold += len(g_claims)
        n_pred += len(p_claims)
    return EvalReport(
        documents=_summarise_documents(per_doc),
        claims=_summarise_claims(n_gold, n_pred, matches),
        errors=tuple(errors),
        field_misses=tuple(misses),
        matches=tuple(matches),
        per_document=tuple(per_doc),
    )
