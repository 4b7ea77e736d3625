"""Places: a packaged GeoNames gazetteer and the resolver that finds where a claim happened.

The gazetteer (data/gazetteer.tsv.gz, built by scripts/build_gazetteer.py; GeoNames, CC BY 4.0)
maps normalised names to places. The resolver scans the capitalised token runs of a sentence,
looks them up, gives each mention a role from its context (after a locative preposition,
bare, after "from", an actor such as "Russia said", or not a place at all as in "the cruiser
Moskva" or "Kharkiv officials") and returns the most specific place of the strongest role,
following SPEC section 6 "Places". Word lists live in data/admin1_aliases.json.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from warclaims.errors import DataError
from warclaims.model import Location

GAZETTEER_FILE = "gazetteer.tsv.gz"
LEXICON_FILE = "admin1_aliases.json"
GAZETTEER_COLUMNS = (
    "id", "name", "kind", "fcode", "country", "admin1", "lat", "lon", "population", "frontline",
    "alternates",
)
KINDS = ("country", "territory", "water", "region", "admin1", "feature", "city", "village")
# How specific a kind is, and how much a name lookup prefers it over a namesake of another kind.
SPECIFICITY = {"country": 1, "territory": 1, "water": 1, "region": 2, "admin1": 2,
               "feature": 3, "city": 3, "village": 3}
KIND_BONUS = {"country": 4.0, "territory": 5.0, "water": 5.0, "region": 3.0, "admin1": 2.0,
              "feature": 1.0, "city": 0.0, "village": 0.0}
BARE_VILLAGE_POPULATION = 5000
MAX_NGRAM = 6
APOSTROPHES = "'’ʼʹ`"
TOKEN_RE = re.compile(r"\w+(?:[-'’.&]\w+)*\.?|[^\w\s]")
ED_VERB_RE = re.compile(r"^[a-z]+ed$")
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z])|\n+")

# Roles, strongest first.
PREP, BARE, LABEL, REF, FROM, ACTOR, SKIP = "prep", "bare", "label", "ref", "from", "actor", "skip"
TIER = {PREP: 3, BARE: 2, LABEL: 2, REF: 1, FROM: 1}


@dataclass(frozen=True)
class Place:
    """One gazetteer entry. country is ISO alpha-3; admin1 the English first-level name."""

    name: str
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    kind: str
    population: int
    frontline: bool = False


def normalise(text: str) -> str:
    """Lookup key: ASCII-folded, lower case, no apostrophes or dots, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c) and c not in APOSTROPHES)
    text = text.lower().replace(".", "").replace("-", " ")
    return " ".join(text.split())


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class Lexicon:
    """The resolver's word lists (data/admin1_aliases.json), normalised."""

    demonyms: dict[str, str]
    stop_names: frozenset[str]
    function_words: frozenset[str]
    region_words: frozenset[str]
    direction_words: frozenset[str]
    type_words: tuple[str, ...]
    run_extra_words: frozenset[str]
    locative: frozenset[str]
    weak: frozenset[str]
    skippable: frozenset[str]
    reference: frozenset[str]
    actor_verbs: frozenset[str]
    attack_verbs: frozenset[str]
    not_after: frozenset[str]
    not_before: frozenset[str]
    demonym_nouns: frozenset[str]
    settlement_nouns: frozenset[str]
    country_phrases: tuple[str, ...]
    capital_phrases: tuple[str, ...]


_LEXICON_KEYS = {
    "demonyms": dict, "stop_names": list, "function_words": list, "region_words": list,
    "direction_words": list, "admin1_type_words": list, "run_extra_words": list,
    "locative_prepositions": list, "weak_prepositions": list, "skippable_modifiers": list,
    "reference_words": list, "actor_verbs": list, "attack_verbs": list, "not_place_after": list,
    "not_place_before": list, "demonym_place_nouns": list, "settlement_nouns": list,
    "country_phrases": list, "capital_phrases": list,
}


@cache
def load_lexicon() -> Lexicon:
    """Load and check the resolver word lists."""
    try:
        raw = json.loads((resources.files("warclaims") / "data" / LEXICON_FILE).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"{LEXICON_FILE}: cannot be read as JSON ({exc})") from exc
    for key, kind in _LEXICON_KEYS.items():
        if not isinstance(raw.get(key), kind):
            raise DataError(f"{LEXICON_FILE}: '{key}' must be a {kind.__name__}")

    def words(key: str) -> frozenset[str]:
        return frozenset(normalise(w) for w in raw[key])

    return Lexicon(
        demonyms={normalise(k): v for k, v in raw["demonyms"].items()},
        stop_names=words("stop_names"), function_words=words("function_words"),
        region_words=words("region_words"), direction_words=words("direction_words"),
        type_words=tuple(normalise(w) for w in raw["admin1_type_words"]),
        run_extra_words=words("run_extra_words"), locative=words("locative_prepositions"),
        weak=words("weak_prepositions"), skippable=words("skippable_modifiers"),
        reference=words("reference_words"), actor_verbs=words("actor_verbs"),
        attack_verbs=words("attack_verbs"), not_after=words("not_place_after"),
        not_before=words("not_place_before"), demonym_nouns=words("demonym_place_nouns"),
        settlement_nouns=words("settlement_nouns"),
        country_phrases=tuple(raw["country_phrases"]), capital_phrases=tuple(raw["capital_phrases"]),
    )


# --------------------------------------------------------------------------- gazetteer


class Gazetteer:
    """Places by normalised name (primary names, English alternates, admin1 region phrases)."""

    def __init__(self, places: list[Place], keys: dict[str, list[tuple[int, bool]]],
                 capitals: dict[str, Place]) -> None:
        self._places = places
        self._keys = keys
        self._capitals = capitals
        self._countries = {p.country: p for p in places if p.kind == "country"}
        self._admin1 = {(p.country, p.name): p for p in places if p.kind == "admin1"}

    @classmethod
    def load(cls) -> Gazetteer:
        """The packaged gazetteer, read once."""
        return _load_gazetteer()

    def lookup(self, name: str, country: str | None = None) -> list[Place]:
        """Places called `name` (any spelling), best first: primary names, then by population."""
        hits = self._keys.get(normalise(name), [])
        out = [(self._places[i], primary) for i, primary in hits
               if country is None or self._places[i].country == country]
        out.sort(key=lambda h: (-KIND_BONUS[h[0].kind], not h[1], -h[0].population))
        return [p for p, _ in out]

    def candidates(self, key: str) -> list[tuple[Place, bool]]:
        """(place, matched on its primary name) for an already normalised key."""
        return [(self._places[i], primary) for i, primary in self._keys.get(key, [])]

    def country(self, iso3: str | None) -> Place | None:
        return self._countries.get(iso3) if iso3 else None

    def admin1(self, country: str | None, name: str | None) -> Place | None:
        return self._admin1.get((country, name)) if name else None

    def capital(self, iso3: str | None) -> Place | None:
        return self._capitals.get(iso3) if iso3 else None

    def __len__(self) -> int:
        return len(self._places)


def _optional_float(text: str) -> float | None:
    return float(text) if text else None


def _parse_row(cells: list[str], line_no: int) -> tuple[Place, str, list[str]]:
    if len(cells) != len(GAZETTEER_COLUMNS):
        raise DataError(f"{GAZETTEER_FILE}: line {line_no} has {len(cells)} columns")
    _, name, kind, fcode, country, admin1, lat, lon, pop, frontline, alternates = cells
    if kind not in SPECIFICITY:
        raise DataError(f"{GAZETTEER_FILE}: line {line_no}: unknown kind {kind!r}")
    try:
        place = Place(name, admin1 or None, country or None, _optional_float(lat),
                      _optional_float(lon), kind, int(pop), frontline == "1")
    except ValueError as exc:
        raise DataError(f"{GAZETTEER_FILE}: line {line_no}: {exc}") from exc
    return place, fcode, alternates.split("|") if alternates else []


def _admin1_keys(name: str, type_words: tuple[str, ...], region_words: frozenset[str]) -> set[str]:
    """'Kursk Oblast' -> kursk oblast, kursk region, kursk province, ..."""
    key = normalise(name)
    keys = {key}
    for word in type_words:
        if key.endswith(" " + word):
            root = key[: -len(word) - 1]
            keys.update(f"{root} {w}" for w in region_words if not w.endswith("s"))
    return keys


@cache
def _load_gazetteer() -> Gazetteer:
    lex = load_lexicon()
    path = resources.files("warclaims") / "data" / GAZETTEER_FILE
    try:
        with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except OSError as exc:
        raise DataError(f"{GAZETTEER_FILE}: cannot be read ({exc})") from exc
    if not lines or tuple(lines[0].split("\t")) != GAZETTEER_COLUMNS:
        raise DataError(f"{GAZETTEER_FILE}: missing or wrong header")
    places: list[Place] = []
    keys: dict[str, list[tuple[int, bool]]] = {}
    capitals: dict[str, Place] = {}
    for line_no, line in enumerate(lines[1:], start=2):
        place, fcode, alternates = _parse_row(line.split("\t"), line_no)
        idx = len(places)
        places.append(place)
        if fcode == "PPLC" and place.country:
            capitals.setdefault(place.country, place)
        primary = {normalise(place.name)}
        if place.kind == "admin1":
            primary = _admin1_keys(place.name, lex.type_words, lex.region_words)
        secondary: set[str] = set()
        for alt in alternates:
            alt_keys = (_admin1_keys(alt, lex.type_words, lex.region_words)
                        if place.kind == "admin1" else {normalise(alt)})
            secondary.update(alt_keys - primary)
        for key in primary:
            keys.setdefault(key, []).append((idx, True))
        for key in secondary:
            keys.setdefault(key, []).append((idx, False))
    if len(places) < 1000:
        raise DataError(f"{GAZETTEER_FILE}: only {len(places)} places")
    return Gazetteer(places, keys, capitals)


# --------------------------------------------------------------------------- tokens and runs


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int
    norm: str
    lower: str
    cap: bool
    poss: bool


def _tokenise(sentence: str) -> list[_Token]:
    tokens = []
    for m in TOKEN_RE.finditer(sentence):
        text, start = m.group(), m.start()
        if text.endswith(".") and text.count(".") == 1 and len(text) > 1:
            text = text[:-1]
        poss = len(text) > 2 and text[-2] in "'’" and text[-1] in "sS"
        base = text[:-2] if poss else text
        cap = base[:1].isupper() or bool(re.match(r"^(?:al|el|ad|as|ar|an)-[A-Z]", base))
        tokens.append(_Token(base, start, start + len(base), normalise(base), base.lower(), cap,
                             poss))
    return tokens


@dataclass(frozen=True)
class _Run:
    """A maximal sequence of capitalised tokens (with 'of'/'of the' inside): [first, last]."""

    first: int
    last: int


def _runs(tokens: list[_Token], lex: Lexicon) -> list[_Run]:
    runs, i, n = [], 0, len(tokens)
    while i < n:
        t = tokens[i]
        if not t.cap or t.norm in lex.function_words:
            i += 1
            continue
        j = i
        while not tokens[j].poss and j + 1 < n:
            nxt = tokens[j + 1]
            if nxt.cap and nxt.norm not in lex.function_words:
                j += 1
                continue
            if nxt.lower == "of":
                k = j + 2 + (j + 2 < n and tokens[j + 2].lower == "the")
                if k < n and tokens[k].cap and tokens[k].norm not in lex.function_words:
                    j = k
                    continue
            break
        runs.append(_Run(i, j))
        i = j + 1
    return runs


# --------------------------------------------------------------------------- mentions


@dataclass(frozen=True)
class _Match:
    """A gazetteer hit on tokens [first, last]; tail is the index of a following region word."""

    first: int
    last: int
    key: str
    forced: str | None  # "admin1" after a region word, "direction" after "direction"/"front"
    group: int


@dataclass(frozen=True)
class _Mention:
    place: Place
    role: str
    start: int  # character offsets of the phrase (from its preposition)
    end: int
    name_start: int
    group: int


def _run_matches(run: _Run, tokens: list[_Token], gaz: Gazetteer, lex: Lexicon,
                 group: int) -> list[_Match]:
    """Longest-first lookups inside a run; a run with leftover words is a name, not a place."""
    matches, i, leftovers = [], run.first, False
    while i <= run.last:
        for length in range(min(MAX_NGRAM, run.last - i + 1), 0, -1):
            key = " ".join(t.norm for t in tokens[i:i + length])
            if key in lex.stop_names or key in lex.demonyms or not gaz.candidates(key):
                continue
            matches.append(_Match(i, i + length - 1, key, None, group))
            i += length
            break
        else:
            t = tokens[i]
            if t.norm not in lex.run_extra_words and not _is_modifier(t) and t.lower != "of" \
                    and t.lower != "the":
                leftovers = True
            i += 1
    return [] if leftovers else matches


def _is_modifier(token: _Token) -> bool:
    """'Russian-occupied', 'Hamas-run': a hyphenated word ending in lower case."""
    return "-" in token.text and token.text.rsplit("-", 1)[1][:1].islower()


def _groups(runs: list[_Run], tokens: list[_Token]) -> list[int]:
    """Group ids: runs joined by ',' / 'and' / ', and' form one coordinated list."""
    ids, gid = [], 0
    for k, run in enumerate(runs):
        if k:
            between = [t.lower for t in tokens[runs[k - 1].last + 1:run.first]]
            if not between or between not in ([","], ["and"], [",", "and"], ["or"]):
                gid += 1
        ids.append(gid)
    return ids


def _region_tail(tokens: list[_Token], last: int, lex: Lexicon) -> tuple[str | None, int]:
    """('admin1' | 'direction' | None, index of the tail word) right after a run."""
    if last + 1 >= len(tokens):
        return None, last
    word = tokens[last + 1].norm
    if word in lex.region_words:
        return "admin1", last + 1
    if word in lex.direction_words:
        return "direction", last + 1
    return None, last


def _find_matches(tokens: list[_Token], gaz: Gazetteer, lex: Lexicon) -> list[tuple[_Match, int]]:
    """(match, index of the group's last token incl. region word) for every place-like run."""
    runs = _runs(tokens, lex)
    gids = _groups(runs, tokens)
    group_tail: dict[int, tuple[str | None, int]] = {}
    for run, gid in zip(runs, gids, strict=True):
        group_tail[gid] = _region_tail(tokens, run.last, lex)
    out = []
    for run, gid in zip(runs, gids, strict=True):
        forced, tail = group_tail[gid]
        own_forced, own_tail = _region_tail(tokens, run.last, lex)
        if own_forced:
            forced, tail = own_forced, own_tail
        name = " ".join(t.norm for t in tokens[run.first:run.last + 1])
        if forced == "admin1" and _admin1_for(name, gaz, lex):
            out.append((_Match(run.first, run.last, name, "admin1", gid), tail))
            continue
        if forced == "direction" and _admin1_for(name, gaz, lex):
            out.append((_Match(run.first, run.last, name, "admin1", gid), tail))
            continue
        for m in _run_matches(run, tokens, gaz, lex, gid):
            out.append((m, tail if m.last == run.last else m.last))
    return out


def _admin1_for(name_key: str, gaz: Gazetteer, lex: Lexicon) -> list[Place]:
    for word in ("oblast", "region", "province", "governorate", "krai"):
        hits = [p for p, _ in gaz.candidates(f"{name_key} {word}") if p.kind == "admin1"]
        if hits:
            return hits
    return []


def _role(tokens: list[_Token], m: _Match, tail: int, lex: Lexicon) -> tuple[str, int]:
    """The mention's role and the token index where its phrase starts."""
    nxt = _next_word(tokens, tail)
    if nxt is not None and nxt.lower in lex.not_after:
        return SKIP, m.first
    if m.first > 0 and tokens[m.first - 1].lower in lex.not_before:
        return SKIP, m.first
    role, start = _preposition(tokens, m.first, lex)
    if role:
        return role, start
    if tokens[m.last].poss or tokens[tail].poss:
        return ACTOR, m.first
    if nxt is not None and not nxt.cap and (nxt.lower in lex.actor_verbs
                                            or ED_VERB_RE.match(nxt.lower)):
        return ACTOR, m.first
    if m.first == 0 and tail + 1 < len(tokens) and tokens[tail + 1].text == ":":
        return LABEL, m.first
    return BARE, m.first


def _next_word(tokens: list[_Token], tail: int) -> _Token | None:
    for t in tokens[tail + 1:tail + 3]:
        if t.text not in "\"“”'‘’":
            return t
    return None


def _preposition(tokens: list[_Token], first: int, lex: Lexicon) -> tuple[str | None, int]:
    """Look back over modifiers ('the', 'northern', "Russia's", 'village,') for a preposition."""
    j, steps = first - 1, 0
    while j >= 0 and steps < 6:
        t = tokens[j]
        if t.lower in lex.locative:
            if t.lower == "of" and j > 0 and tokens[j - 1].lower in lex.reference:
                return REF, j - 1
            return PREP, j
        if t.lower in lex.weak:
            return FROM, j
        skippable = (t.lower in lex.skippable or t.lower in lex.settlement_nouns or t.poss
                     or t.text == "," or _is_modifier(t) or t.norm in lex.demonyms
                     or t.text.isdigit())
        if not skippable:
            break
        j -= 1
        steps += 1
    return None, first


def _attacked(tokens: list[_Token], first: int, lex: Lexicon) -> bool:
    """A bare country right after an attack verb ('Russia attacked Ukraine')."""
    return first > 0 and tokens[first - 1].lower in lex.attack_verbs


def _score(place: Place, primary: bool, ctx_admin1: set[str], ctx_countries: set[str],
           weak_countries: set[str], hint: str | None) -> float:
    score = KIND_BONUS[place.kind] + 0.5 * math.log10(place.population + 1) + primary
    score += place.frontline
    if place.admin1 and place.admin1 in ctx_admin1 and place.kind not in ("admin1",):
        score += 4
    if place.country in ctx_countries:
        score += 3
    if place.country in weak_countries:
        score += 1
    if hint and place.country == hint:
        score += 2
    return score


def _best(cands: list[tuple[Place, bool]], ctx: tuple[set[str], set[str], set[str]],
          hint: str | None) -> Place | None:
    if not cands:
        return None
    return max(cands, key=lambda c: _score(c[0], c[1], *ctx, hint))[0]


def _accepted(place: Place, role: str, attacked: bool) -> bool:
    if role in (ACTOR, SKIP):
        return False
    if place.kind == "country":
        return role in (PREP, REF, FROM) or (role == BARE and attacked)
    if place.kind == "water":
        return role in (PREP, REF, FROM)
    small = place.kind == "village" and place.population < BARE_VILLAGE_POPULATION
    if small and not place.frontline:
        return role in (PREP, REF, FROM)
    return True


def _mentions(sentence: str, gaz: Gazetteer, lex: Lexicon, hint: str | None) -> list[_Mention]:
    """Every place mention of the sentence with its chosen place and role (ACTOR/SKIP kept)."""
    tokens = _tokenise(sentence)
    found = _find_matches(tokens, gaz, lex)
    weak = {lex.demonyms[t.norm] for t in tokens if t.norm in lex.demonyms}
    for a, b in zip(tokens, tokens[1:], strict=False):
        two = f"{a.norm} {b.norm}"
        if two in lex.demonyms:
            weak.add(lex.demonyms[two])
    ctx: tuple[set[str], set[str], set[str]] = (set(), set(), weak)
    resolved: list[tuple[_Match, int, Place]] = []
    # first admin1 phrases and countries (they give context), then everything else
    for pass_no in (0, 1):
        for m, tail in found:
            cands = _candidates(m, gaz, lex)
            is_context = m.forced == "admin1" or any(
                p.kind in ("country", "admin1") for p, _ in cands)
            if is_context != (pass_no == 0):
                continue
            place = _best(cands, ctx, hint)
            if place is None:
                continue
            if place.kind == "admin1":
                ctx[0].add(place.name)
            if place.kind == "country" and place.country:
                ctx[1].add(place.country)
            resolved.append((m, tail, place))
    out = []
    for m, tail, place in sorted(resolved, key=lambda r: r[0].first):
        role, start = _role(tokens, m, tail, lex)
        if not _accepted(place, role, _attacked(tokens, m.first, lex)):
            role = SKIP if role == SKIP else ACTOR
        out.append(_Mention(place, role, tokens[start].start, tokens[tail].end,
                            tokens[m.first].start, m.group))
    return out + _demonym_mentions(sentence, tokens, gaz, lex)


def _candidates(m: _Match, gaz: Gazetteer, lex: Lexicon) -> list[tuple[Place, bool]]:
    if m.forced == "admin1":
        return [(p, True) for p in _admin1_for(m.key, gaz, lex)]
    return gaz.candidates(m.key)


def _demonym_mentions(sentence: str, tokens: list[_Token], gaz: Gazetteer,
                      lex: Lexicon) -> list[_Mention]:
    """'over Russian regions', 'at 11 Israeli military sites' -> the country."""
    out = []
    for i, t in enumerate(tokens):
        iso3 = lex.demonyms.get(t.norm)
        if not iso3:
            continue
        nouns = [w.lower for w in tokens[i + 1:i + 3]]
        if not nouns or not (nouns[0] in lex.demonym_nouns or nouns[-1] in lex.demonym_nouns):
            continue
        role, start = _preposition(tokens, i, lex)
        place = gaz.country(iso3)
        if role == PREP and place:
            out.append(_Mention(place, PREP, tokens[start].start, tokens[i].end, t.start, -1 - i))
    return out


# --------------------------------------------------------------------------- choosing


def _aggregate(places: list[Place], gaz: Gazetteer) -> Place:
    """Several places: one of them if all the same, else their common admin1, else country."""
    first = places[0]
    if all(p == first for p in places):
        return first
    admin1s = {(p.country, p.admin1) for p in places}
    if len(admin1s) == 1 and first.admin1:
        return gaz.admin1(first.country, first.admin1) or first
    countries = {p.country for p in places}
    if len(countries) == 1:
        return gaz.country(first.country) or first
    return first


def _contained(inner: Place, outer: Place) -> bool:
    if SPECIFICITY[inner.kind] <= SPECIFICITY[outer.kind] or inner.country != outer.country:
        return False
    return outer.kind in ("country", "territory") or inner.admin1 == outer.name


def _distance(m: _Mention, anchor: int | None) -> int:
    if anchor is None:
        return m.start
    return m.start - anchor if m.start >= anchor else 3 * (anchor - m.end) + 1


def _choose(mentions: list[_Mention], gaz: Gazetteer, anchor: int | None) -> _Mention | None:
    live = [m for m in mentions if m.role in TIER]
    if not live:
        return None
    tier = max(TIER[m.role] for m in live)
    top = [m for m in live if TIER[m.role] == tier]
    spec = max(SPECIFICITY[m.place.kind] for m in top)
    top = [m for m in top if SPECIFICITY[m.place.kind] == spec]
    pick = _pick(top, gaz, anchor)
    inner = [m for m in live if TIER[m.role] >= 2 and _contained(m.place, pick.place)]
    if inner:
        spec = max(SPECIFICITY[m.place.kind] for m in inner)
        pick = _pick([m for m in inner if SPECIFICITY[m.place.kind] == spec], gaz, anchor)
    return pick


def _pick(top: list[_Mention], gaz: Gazetteer, anchor: int | None) -> _Mention:
    nearest = min(top, key=lambda m: _distance(m, anchor))
    same_group = [m for m in top if m.group == nearest.group]
    if len(same_group) == 1:
        return nearest
    place = _aggregate([m.place for m in same_group], gaz)
    return _Mention(place, nearest.role, min(m.start for m in same_group),
                    max(m.end for m in same_group), nearest.name_start, nearest.group)


def _generic(sentence: str, gaz: Gazetteer, lex: Lexicon, hint: str | None) -> Location | None:
    """'the capital', 'across the country' -> the hinted country's capital or the country."""
    low = sentence.lower()
    for phrase in lex.capital_phrases:
        at = _phrase_at(low, phrase)
        capital = gaz.capital(hint)
        if at >= 0 and capital:
            return _location(capital, sentence[at:at + len(phrase)])
    for phrase in lex.country_phrases:
        at = _phrase_at(low, phrase)
        country = gaz.country(hint)
        if at >= 0 and country:
            return _location(country, sentence[at:at + len(phrase)])
    return None


def _phrase_at(low: str, phrase: str) -> int:
    m = re.search(rf"\b{re.escape(phrase)}\b", low)
    return m.start() if m else -1


def _location(place: Place, text: str) -> Location:
    admin1 = place.admin1 if place.kind not in ("country", "territory", "water") else None
    return Location(text=text, name=place.name, admin1=admin1, country=place.country,
                    lat=place.lat, lon=place.lon)


def resolve_location(sentence: str, *, country_hint: str | None = None,
                     gazetteer: Gazetteer | None = None,
                     anchor: int | None = None) -> Location | None:
    """The place of the claim stated in `sentence`, or None.

    country_hint: ISO3 of the document's country (see country_from_text); it breaks ties
    between namesakes and resolves "the capital" / "the country". anchor: character offset of
    the claim's quantity in the sentence, used to choose between places of separate phrases.
    """
    gaz = gazetteer or Gazetteer.load()
    lex = load_lexicon()
    pick = _choose(_mentions(sentence, gaz, lex, country_hint), gaz, anchor)
    if pick is None:
        return _generic(sentence, gaz, lex, country_hint)
    return _location(pick.place, sentence[pick.start:pick.end])


def place_mentions(sentence: str, *, country_hint: str | None = None,
                   gazetteer: Gazetteer | None = None) -> list[tuple[Place, str]]:
    """Every place mention of a sentence with its role (prep, bare, label, ref, from, actor)."""
    gaz = gazetteer or Gazetteer.load()
    found = _mentions(sentence, gaz, load_lexicon(), country_hint)
    return [(m.place, m.role) for m in found if m.role != SKIP]


def country_from_text(text: str, *, gazetteer: Gazetteer | None = None) -> str | None:
    """The most likely country of a document: places count twice, country names once."""
    gaz = gazetteer or Gazetteer.load()
    lex = load_lexicon()
    votes: Counter[str] = Counter()
    for sentence in SENTENCE_RE.split(text):
        for m in _mentions(sentence, gaz, lex, None):
            if m.role == SKIP or not m.place.country:
                continue
            weight = 1.0 if m.place.kind == "country" else 2.0 if m.role in TIER else 0.0
            votes[m.place.country] += weight
    if not votes:
        return None
    country, score = votes.most_common(1)[0]
    return country if score > 0 else None
