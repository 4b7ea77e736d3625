"""Parties, office holders and organisations (SPEC sections 4 and 6).

Three packaged data files drive this module:

- ``parties.json``: who is who in a conflict (codes, names, adjectives, force words,
  adversaries), used to code ``subject`` and to resolve "the enemy";
- ``roster.json``: dated office holders, used to give claimants their full names and
  to resolve a role ("Ukraine's top commander") to a person on a date;
- ``organisations.json``: canonical organisation names for claimants and cited sources.

Matching runs on a same-length, diacritic- and punctuation-folded copy of the text, so
offsets always point into the original. Phrases are compiled into prefix-sharing regular
expressions (one case-insensitive, one case-sensitive for acronyms such as "US" or "HUR"),
and overlapping matches are resolved leftmost, then longest.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any, Generic, TypeVar

from warclaims.errors import DataError

MENTION_KINDS = ("adjective", "name", "force", "enemy")
ORG_KINDS = (
    "government", "military", "intelligence", "armed_group", "media", "ngo",
    "international", "research",
)

V = TypeVar("V")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class PartyMention:
    """A span of text that names or implies a party; ``code`` is None for an unresolved
    "enemy" (no speaker side given)."""

    start: int
    end: int
    code: str | None
    kind: str  # "adjective" | "name" | "force" | "enemy"
    text: str = ""


@dataclass(frozen=True)
class PartyInfo:
    """One party to a conflict: a state (ISO alpha-3 code) or a non-state group (slug)."""

    code: str
    kind: str  # "state" | "group"
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    adversaries: tuple[str, ...]


@dataclass(frozen=True)
class Officeholder:
    """One term of one person in one office. ``start`` and ``end`` are ISO dates (``end``
    None: in office as of 2026); both None for an undated term, which serves name
    resolution only. ``side`` is the claimant side (None for non-state groups), ``party``
    the party code the office belongs to."""

    name: str
    aliases: tuple[str, ...]
    role: str
    role_aliases: tuple[str, ...]
    side: str | None
    start: str | None
    end: str | None
    party: str | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None

    def active_on(self, on: str) -> bool:
        """Whether this term covers the ISO date ``on`` (bounds included)."""
        if self.start is None:
            return False
        return self.start <= on and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class Organisation:
    """A canonical organisation claimant or cited source."""

    name: str
    side: str | None
    party: str | None
    kind: str
    aliases: tuple[str, ...]
    role: str | None = None


# --------------------------------------------------------------------------- text folding

_CHAR_MAP = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00a0": " ", "\u202f": " ",
}


@cache
def _fold_char(ch: str) -> str:
    if ch in _CHAR_MAP:
        return _CHAR_MAP[ch]
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base if len(base) == 1 else ch


def fold(text: str) -> str:
    """Same-length copy of ``text`` without diacritics, with straight quotes and hyphens."""
    if text.isascii():
        return text
    return _fold_cached(text) if len(text) < 200 else "".join(_fold_char(c) for c in text)


@lru_cache(maxsize=65536)
def _fold_cached(text: str) -> str:
    return "".join(_fold_char(c) for c in text)


@lru_cache(maxsize=65536)
def _key(phrase: str) -> str:
    """Lookup key of a phrase as written (case kept)."""
    return re.sub(r"[\s\-]+", " ", fold(phrase)).strip()


@lru_cache(maxsize=65536)
def _ikey(phrase: str) -> str:
    return _key(phrase).casefold()


def _is_acronym(term: str) -> bool:
    """Short terms with two or more capitals ("US", "U.S.", "HUR", "MoD") match as written."""
    letters = [c for c in term if c.isalpha()]
    return len(letters) <= 7 and sum(c.isupper() for c in letters) >= 2


# --------------------------------------------------------------------------- phrase matcher


def _atoms(term: str) -> list[str]:
    out: list[str] = []
    for ch in fold(term):
        if ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        elif ch == "-":
            out.append(r"[\-\s]")
        else:
            out.append(re.escape(ch))
    return out


def _trie_regex(terms: Iterable[list[str]]) -> str:
    trie: dict[str, Any] = {}
    for atoms in terms:
        node = trie
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[""] = True
    return _node_regex(trie)


def _node_regex(node: dict[str, Any]) -> str:
    branches = [atom + _node_regex(child) for atom, child in node.items() if atom]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return "(?:" + body + ")?"
    return body


class _PhraseMatcher(Generic[V]):
    """Finds known phrases in text; acronyms (or terms marked so) match case-sensitively."""

    def __init__(self, entries: Iterable[tuple[str, V, bool]], lookbehind: str = "") -> None:
        self.exact: dict[str, V] = {}
        self.loose: dict[str, V] = {}
        cs_terms: list[list[str]] = []
        ci_terms: list[list[str]] = []
        for term, value, case_sensitive in entries:
            if case_sensitive:
                self.exact[_key(term)] = value
                cs_terms.append(_atoms(term))
            else:
                self.loose[_ikey(term)] = value
                ci_terms.append(_atoms(term.casefold()))
        head, tail = r"(?<!\w)" + lookbehind, r"(?!\w)"
        self._regexes = []
        if ci_terms:
            self._regexes.append(re.compile(head + _trie_regex(ci_terms) + tail, re.I))
        if cs_terms:
            self._regexes.append(re.compile(head + _trie_regex(cs_terms) + tail))

    def lookup(self, phrase: str) -> V | None:
        """The value of a phrase given whole, or None."""
        found = self.exact.get(_key(phrase))
        return found if found is not None else self.loose.get(_ikey(phrase))

    def find(self, folded: str) -> list[tuple[int, int, V]]:
        """Non-overlapping matches in already folded text, leftmost then longest."""
        cands: list[tuple[int, int, V]] = []
        for rx in self._regexes:
            for m in rx.finditer(folded):
                value = self.lookup(m.group())
                if value is not None:
                    cands.append((m.start(), m.end(), value))
        return _resolve(cands)


def _resolve(cands: list[tuple[int, int, V]]) -> list[tuple[int, int, V]]:
    cands.sort(key=lambda c: (c[0], c[0] - c[1]))
    out: list[tuple[int, int, V]] = []
    last = -1
    for c in cands:
        if c[0] >= last:
            out.append(c)
            last = c[1]
    return out


# --------------------------------------------------------------------------- data loading


def _load_json(name: str) -> dict[str, Any]:
    try:
        raw = (files("warclaims") / "data" / name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise DataError(f"data file {name} is missing: {exc}") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DataError(f"data file {name} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise DataError(f"data file {name}: top level must be an object")
    return data


def _strs(obj: dict[str, Any], key: str, where: str, required: bool = True) -> list[str]:
    val = obj.get(key, [] if not required else None)
    if not isinstance(val, list) or not all(isinstance(x, str) and x.strip() for x in val):
        raise DataError(f"{where}: '{key}' must be a list of non-empty strings")
    return val


def _str(obj: dict[str, Any], key: str, where: str, nullable: bool = False) -> str | None:
    val = obj.get(key)
    if val is None and nullable:
        return None
    if not isinstance(val, str) or not val.strip():
        raise DataError(f"{where}: '{key}' must be a non-empty string")
    return val


def _iso(val: Any, where: str) -> str:
    if not isinstance(val, str):
        raise DataError(f"{where}: date must be an ISO string, got {val!r}")
    try:
        date.fromisoformat(val)
    except ValueError as exc:
        raise DataError(f"{where}: invalid ISO date {val!r}") from exc
    if len(val) != 10:
        raise DataError(f"{where}: date must be YYYY-MM-DD, got {val!r}")
    return val


# --------------------------------------------------------------------------- parties


@dataclass(frozen=True)
class _PartyData:
    parties: dict[str, PartyInfo]
    matcher: _PhraseMatcher[tuple[str | None, str]]  # (code, kind); kind "metonym" filtered
    tail_force: re.Pattern[str]
    tail_poss: re.Pattern[str]
    stem_rx: re.Pattern[str] | None
    stem_word_rx: re.Pattern[str] | None
    stems: dict[str, str]
    blockers: frozenset[str]
    place_preps: frozenset[str]


def _party_terms(party: dict[str, Any], where: str) -> list[tuple[str, str]]:
    terms = [(t, "name") for t in _strs(party, "names", where)]
    terms += [(t, "adjective") for t in _strs(party, "adjectives", where)]
    terms += [(t, "metonym") for t in _strs(party, "metonyms", where, required=False)]
    terms += [(t, "force") for t in _strs(party, "forces", where)]
    return terms


def _check_unique(seen: dict[str, str], term: str, owner: str, where: str) -> None:
    k = _key(term) if _is_acronym(term) else _ikey(term)
    if seen.get(k, owner) != owner:
        raise DataError(f"{where}: term {term!r} belongs to both {seen[k]} and {owner}")
    seen[k] = owner


def _alt(words: list[str]) -> str:
    return "|".join(
        "".join(_atoms(w.casefold())) for w in sorted(words, key=len, reverse=True)
    )


@cache
def _party_data() -> _PartyData:
    data = _load_json("parties.json")
    raw = data.get("parties")
    if not isinstance(raw, list) or not raw:
        raise DataError("parties.json: 'parties' must be a non-empty list")
    parties: dict[str, PartyInfo] = {}
    entries: list[tuple[str, tuple[str | None, str], bool]] = []
    seen: dict[str, str] = {}
    stems: dict[str, str] = {}
    for i, party in enumerate(raw):
        where = f"parties.json: party #{i}"
        code = _str(party, "code", where)
        kind = _str(party, "kind", where)
        assert code is not None and kind is not None
        if kind not in ("state", "group"):
            raise DataError(f"{where}: kind must be 'state' or 'group', got {kind!r}")
        if kind == "state" and not re.fullmatch(r"[A-Z]{3}", code):
            raise DataError(f"{where}: state code {code!r} is not ISO alpha-3")
        if kind == "group" and not re.fullmatch(r"[a-z][a-z0-9_]*", code):
            raise DataError(f"{where}: group code {code!r} is not a lowercase slug")
        if code in parties:
            raise DataError(f"{where}: duplicate code {code}")
        for term, tkind in _party_terms(party, where):
            _check_unique(seen, term, code, where)
            entries.append((term, (code, tkind), _is_acronym(term)))
        for stem in _strs(party, "stems", where, required=False):
            stems[_ikey(stem)] = code
        parties[code] = PartyInfo(
            code=code, kind=kind, names=tuple(_strs(party, "names", where)),
            adjectives=tuple(_strs(party, "adjectives", where)),
            adversaries=tuple(_strs(party, "adversaries", where, required=False)),
        )
    for code, info in parties.items():
        for adv in info.adversaries:
            if adv not in parties:
                raise DataError(f"parties.json: {code} names unknown adversary {adv!r}")
    for term in _strs(data, "enemy_words", "parties.json"):
        _check_unique(seen, term, "<enemy>", "parties.json enemy_words")
        entries.append((term, (None, "enemy"), False))
    nouns = _alt(_strs(data, "force_nouns", "parties.json"))
    heads = _alt(_strs(data, "stem_heads", "parties.json"))
    stem_alt = _alt(list(stems)) if stems else ""
    stem_rx = stem_word_rx = None
    if stem_alt:
        stem_word_rx = re.compile(rf"(?<!\w)(?:{stem_alt})(?!\w)", re.I)
        stem_rx = re.compile(
            rf"(?<!\w)(?:{stem_alt})(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)(?:{stem_alt}))*"
            rf"\s+[\"']?(?:{heads})(?!\w)", re.I,
        )
    return _PartyData(
        parties=parties,
        matcher=_PhraseMatcher(entries, lookbehind=r"(?<!pro-)(?<!anti-)"),
        tail_force=re.compile(rf"\s+(?:{nouns})(?!\w)", re.I),
        tail_poss=re.compile(rf"'s?\s+(?:{nouns})(?!\w)", re.I),
        stem_rx=stem_rx, stem_word_rx=stem_word_rx, stems=stems,
        blockers=frozenset(w.casefold() for w in _strs(data, "metonym_blockers", "parties.json")),
        place_preps=frozenset(
            w.casefold() for w in _strs(data, "place_prepositions", "parties.json")
        ),
    )


def party_codes() -> frozenset[str]:
    """Every known party code."""
    return frozenset(_party_data().parties)


def party_info(code: str) -> PartyInfo | None:
    """The party with this code, or None."""
    return _party_data().parties.get(code)


def _metonym_is_place(folded: str, start: int, end: int, pd: _PartyData) -> bool:
    """A capital used as a place ("in Kyiv", "Moscow region", a "MOSCOW" dateline)."""
    word = folded[start:end]
    if word.isupper() and len(word) > 3:
        return True
    nxt = re.match(r"\s+([\w'-]+)", folded[end:])
    if nxt and (nxt.group(1).casefold() in pd.blockers or nxt.group(1)[:1].isupper()):
        return True
    prev = re.search(r"([\w'-]+)\s+(?:the\s+)?$", folded[max(0, start - 40):start])
    return bool(prev and prev.group(1).casefold() in pd.place_preps)


def _scan(text: str, tails: bool, speaker_side: str | None = None) -> list[PartyMention]:
    pd = _party_data()
    folded = fold(text)
    out: list[PartyMention] = []
    for start, end, (code, kind) in pd.matcher.find(folded):
        if kind == "metonym":
            if _metonym_is_place(folded, start, end, pd):
                continue
            kind = "name"
        if kind == "enemy":
            code = adversary(speaker_side) if speaker_side else None
        elif tails and kind in ("adjective", "name"):
            rx = pd.tail_force if kind == "adjective" else pd.tail_poss
            m = rx.match(folded, end)
            if m:
                end, kind = m.end(), "force"
        out.append(PartyMention(start, end, code, kind, text[start:end]))
    out = _add_stems(text, folded, out, pd)
    return _drop_overlaps(out)


def _add_stems(
    text: str, folded: str, found: list[PartyMention], pd: _PartyData
) -> list[PartyMention]:
    """'Donetsk and Luhansk people's republics' names both self-proclaimed entities."""
    if pd.stem_rx is None or pd.stem_word_rx is None:
        return found
    extra: list[PartyMention] = []
    for m in pd.stem_rx.finditer(folded):
        for s in pd.stem_word_rx.finditer(folded, m.start(), m.end()):
            code = pd.stems[_ikey(s.group())]
            extra.append(PartyMention(s.start(), s.end(), code, "name", text[s.start():s.end()]))
    return found + extra


def _drop_overlaps(mentions: list[PartyMention]) -> list[PartyMention]:
    resolved = _resolve([(m.start, m.end, m) for m in mentions])
    return [m for _, _, m in resolved]


def parties_in(text: str, speaker_side: str | None = None) -> list[PartyMention]:
    """Party mentions in ``text``, in order, longest match first ("North Korean" beats
    "Korean"). An adjective plus a force noun ("Russian paratroopers") is one "force"
    mention. "the enemy" resolves to the speaker's adversary when ``speaker_side`` is given,
    else its code is None."""
    return _scan(text, tails=True, speaker_side=speaker_side)


def party_code(phrase: str) -> str | None:
    """The party a phrase names ("North Korean" -> "PRK", "the IDF" -> "ISR"), or None."""
    pd = _party_data()
    phrase = phrase.strip()
    if phrase in pd.parties:
        return phrase
    for cand in (phrase, re.sub(r"^(?i:the)\s+", "", phrase), re.sub(r"'s?$", "", phrase)):
        hit = pd.matcher.lookup(cand)
        if hit is not None and hit[0] is not None:
            return hit[0]
    codes = {m.code for m in parties_in(phrase) if m.code is not None and m.kind != "enemy"}
    return codes.pop() if len(codes) == 1 else None


def adversaries(code: str | None) -> tuple[str, ...]:
    """All adversaries of a party, primary first."""
    info = _party_data().parties.get(code or "")
    return info.adversaries if info else ()


def adversary(code: str | None) -> str | None:
    """The primary adversary of a party ("UKR" -> "RUS"), or None."""
    advs = adversaries(code)
    return advs[0] if advs else None


# --------------------------------------------------------------------------- roster

_SKELETON_STEPS = (
    ("yy", "y"), ("iy", "y"), ("yi", "y"), ("ii", "i"), ("ey", "ei"), ("ia", "ya"),
    ("iu", "yu"), ("ie", "ye"), ("ck", "k"),
)


def _name_key(name: str) -> str:
    s = fold(name).casefold().replace("'", "")
    return re.sub(r"[^\w]+", " ", s).strip()


def _skeleton(key: str) -> str:
    """Transliteration-insensitive form of a name key (Zelenskyy ~ Zelenskiy ~ Zelensky)."""
    words = []
    for w in key.split():
        for a, b in _SKELETON_STEPS:
            w = w.replace(a, b)
        words.append(re.sub(r"i$", "y", w))
    return " ".join(words)


def _role_key(phrase: str) -> str:
    s = fold(phrase).casefold()
    s = re.sub(r"\bdefense\b", "defence", s).replace("&", " and ")
    s = re.sub(r"[^\w']+", " ", s)
    s = re.sub(r"(?:^|\s)'s\b", " ", s)  # "chief of [Russia]'s General Staff"
    s = re.sub(r"^(?:\s*(?:the|'s|s|of|a|an)\b)+", "", s.strip())
    s = re.sub(r"(?:\b(?:of|the)\s*)+$", "", s.strip())
    return re.sub(r"\s+", " ", s).strip()


@dataclass(frozen=True)
class _Office:
    id: str
    role: str
    side: str | None
    party: str | None
    aliases: tuple[str, ...]


class Roster:
    """Dated office holders; resolves names and roles to canonical people."""

    def __init__(self, holders: tuple[Officeholder, ...], offices: tuple[_Office, ...]) -> None:
        self.holders = holders
        self._offices = offices
        self._by_office: dict[str, list[Officeholder]] = {}
        self._names: dict[str, list[Officeholder]] = {}
        self._skeletons: dict[str, list[Officeholder]] = {}
        self._roles: dict[str, list[_Office]] = {}
        self._index(holders, offices)

    @classmethod
    @cache
    def load(cls) -> Roster:
        """The packaged roster (loaded and validated once)."""
        return _load_roster()

    def _index(self, holders: tuple[Officeholder, ...], offices: tuple[_Office, ...]) -> None:
        office_by_role = {o.role: o for o in offices}
        for h in holders:
            self._by_office.setdefault(office_by_role[h.role].id, []).append(h)
            for alias in (h.name, *h.aliases):
                self._add(self._names, _name_key(alias), h)
                self._add(self._skeletons, _skeleton(_name_key(alias)), h)
        for o in offices:
            for alias in (o.role, *o.aliases):
                bucket = self._roles.setdefault(_role_key(alias), [])
                if o not in bucket:
                    bucket.append(o)

    @staticmethod
    def _add(index: dict[str, list[Officeholder]], key: str, h: Officeholder) -> None:
        bucket = index.setdefault(key, [])
        if h not in bucket:
            bucket.append(h)

    # ---- names

    def by_name(self, name: str, on: str | None = None) -> Officeholder | None:
        """The person a name refers to ("Zelenskyy", "Gen. Oleksandr Syrsky", "Yoon"), with
        the term held on ``on`` (ISO date) where there is one; None if unknown or
        ambiguous."""
        on = on[:10] if on else None
        words = _name_key(name).split()
        for i in range(len(words)):
            key = " ".join(words[i:])
            for index, k in ((self._names, key), (self._skeletons, _skeleton(key))):
                hit = self._choose_person(index.get(k, []), on)
                if hit is not None:
                    return hit
        return None

    def _choose_person(self, cands: list[Officeholder], on: str | None) -> Officeholder | None:
        people: dict[str, list[Officeholder]] = {}
        for h in cands:
            people.setdefault(h.name, []).append(h)
        if len(people) > 1 and on:
            people = {n: hs for n, hs in people.items() if any(h.active_on(on) for h in hs)}
        if len(people) != 1:
            return None
        return _pick_term(self._all_terms(next(iter(people))), on)

    def _all_terms(self, name: str) -> list[Officeholder]:
        return [h for h in self.holders if h.name == name]

    # ---- roles

    def by_role(
        self, role_phrase: str, side: str | None = None, on: str | None = None
    ) -> Officeholder | None:
        """The holder of the office a role phrase names ("Ukraine's top commander", "the
        Russian defence minister") on ``on`` (ISO date; None: today's holder). ``side`` (a
        party code) narrows the office when the phrase names no country. Only dated terms
        are used."""
        on = on[:10] if on else None
        side_code, rests = _split_role(role_phrase)
        side = side or side_code
        for key in dict.fromkeys(_role_key(p) for p in (role_phrase, *rests)):
            offices = [o for o in self._roles.get(key, []) if side in (None, o.side, o.party)]
            if side is None and len({(o.side, o.party) for o in offices}) > 1:
                return None
            for office in offices:
                hit = self._holder(office, on)
                if hit is not None:
                    return hit
        return None

    def _holder(self, office: _Office, on: str | None) -> Officeholder | None:
        terms = [h for h in self._by_office.get(office.id, []) if h.dated]
        if on:
            active = [h for h in terms if h.active_on(on)]
            # on a hand-over day, the incoming holder
            active.sort(key=lambda h: h.start or "", reverse=True)
            return active[0] if active else None
        current = [h for h in terms if h.end is None]
        return current[0] if current else None


def _split_role(phrase: str) -> tuple[str | None, list[str]]:
    """The party a role phrase names, and the phrase without it: once without the bare party
    word ("Ukrainian army chief" -> "army chief"), once without a whole force phrase
    ("commander-in-chief of Ukraine's armed forces" -> "commander-in-chief of")."""
    code, rests = None, []
    for tails in (False, True):
        mentions = [m for m in _scan(phrase, tails=tails) if m.code is not None]
        code = code or (mentions[0].code if mentions else None)
        rest, last = [], 0
        for m in mentions:
            rest.append(phrase[last:m.start])
            last = m.end
        rest.append(phrase[last:])
        rests.append(" ".join(rest))
    return code, rests


def _pick_term(terms: list[Officeholder], on: str | None) -> Officeholder | None:
    """The term to report for a person: the one held on ``on`` (or now), else an undated
    one, else the latest past term, else the earliest future one."""
    dated = [h for h in terms if h.dated]
    if on:
        active = [h for h in dated if h.active_on(on)]
        not_ending = [h for h in active if h.end != on]
        if not_ending or active:
            return (not_ending or active)[0]
    else:
        current = [h for h in dated if h.end is None]
        if current:
            return current[0]
    undated = [h for h in terms if not h.dated]
    if undated:
        return undated[0]
    past = [h for h in dated if h.end is not None and (on is None or h.end < on)]
    if past:
        return max(past, key=lambda h: h.end or "")
    return min(dated, key=lambda h: h.start or "") if dated else None


def _load_offices(data: dict[str, Any], codes: frozenset[str]) -> dict[str, _Office]:
    sets = data.get("alias_sets")
    if not isinstance(sets, dict):
        raise DataError("roster.json: 'alias_sets' must be an object")
    offices: dict[str, _Office] = {}
    raw = data.get("offices")
    if not isinstance(raw, list) or not raw:
        raise DataError("roster.json: 'offices' must be a non-empty list")
    for i, o in enumerate(raw):
        where = f"roster.json: office #{i}"
        oid, role = _str(o, "id", where), _str(o, "role", where)
        assert oid is not None and role is not None
        side, party = _str(o, "side", where, True), _str(o, "party", where, True)
        for code in (side, party):
            if code is not None and code not in codes:
                raise DataError(f"{where} ({oid}): unknown party code {code!r}")
        aliases = list(_strs(o, "aliases", where))
        for set_name in _strs(o, "alias_sets", where):
            if set_name not in sets:
                raise DataError(f"{where} ({oid}): unknown alias set {set_name!r}")
            aliases += sets[set_name]
        if oid in offices:
            raise DataError(f"{where}: duplicate office id {oid}")
        offices[oid] = _Office(oid, role, side, party, tuple(dict.fromkeys(aliases)))
    return offices


def _load_terms(
    person: dict[str, Any], offices: dict[str, _Office], where: str
) -> list[Officeholder]:
    name = _str(person, "name", where)
    assert name is not None
    aliases = tuple(_strs(person, "aliases", where))
    surname = _str(person, "surname", where, nullable=True)
    if surname:
        aliases += (surname,)
    else:
        aliases += (name.split()[-1],)
    terms = person.get("terms")
    if not isinstance(terms, list) or not terms:
        raise DataError(f"{where} ({name}): 'terms' must be a non-empty list")
    out = []
    for t in terms:
        office = offices.get(t.get("office", ""))
        if office is None:
            raise DataError(f"{where} ({name}): unknown office {t.get('office')!r}")
        if t.get("undated") is True:
            start = end = None
        else:
            start = _iso(t.get("start"), f"{where} ({name}) start")
            end = None if t.get("end") is None else _iso(t["end"], f"{where} ({name}) end")
            if end is not None and end < start:
                raise DataError(f"{where} ({name}): term ends {end} before it starts {start}")
        out.append(Officeholder(
            name=name, aliases=aliases, role=office.role, role_aliases=office.aliases,
            side=office.side, start=start, end=end, party=office.party,
        ))
    return out


def _load_roster() -> Roster:
    data = _load_json("roster.json")
    offices = _load_offices(data, party_codes())
    people = data.get("people")
    if not isinstance(people, list) or not people:
        raise DataError("roster.json: 'people' must be a non-empty list")
    holders: list[Officeholder] = []
    for i, person in enumerate(people):
        holders += _load_terms(person, offices, f"roster.json: person #{i}")
    return Roster(tuple(holders), tuple(offices.values()))


# --------------------------------------------------------------------------- organisations


@dataclass(frozen=True)
class _OrgData:
    orgs: tuple[Organisation, ...]
    matcher: _PhraseMatcher[Organisation]


def _org_entries(o: dict[str, Any], where: str, codes: frozenset[str]) -> Organisation:
    name = _str(o, "name", where)
    kind = _str(o, "kind", where)
    assert name is not None and kind is not None
    if kind not in ORG_KINDS:
        raise DataError(f"{where} ({name}): unknown kind {kind!r}")
    side, party = _str(o, "side", where, True), _str(o, "party", where, True)
    for code in (side, party):
        if code is not None and code not in codes:
            raise DataError(f"{where} ({name}): unknown party code {code!r}")
    return Organisation(
        name=name, side=side, party=party, kind=kind,
        aliases=tuple(_strs(o, "aliases", where)), role=_str(o, "role", where, True),
    )


def _expand_templates(data: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for i, t in enumerate(data.get("templates", [])):
        where = f"organisations.json: template #{i}"
        places = t.get("places")
        if not isinstance(places, list) or "{place}" not in str(t.get("name")):
            raise DataError(f"{where}: needs a '{{place}}' name and a list of places")
        for p in places:
            pname = _str(p, "name", where)
            assert pname is not None
            spellings = [pname, *_strs(p, "variants", where, required=False)]
            aliases = [a.replace("{place}", s) for s in spellings
                       for a in [t["name"], *_strs(t, "aliases", where)]]
            out.append({**t, "name": t["name"].replace("{place}", pname), "aliases": aliases})
    return out


def _national_institutions(data: dict[str, Any], explicit: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Defence and health ministries, general staffs and armed forces of every state party
    that has no explicit organisation of the kind (organisations.json 'national_institutions')."""
    spec = data.get("national_institutions")
    if spec is None:
        return []
    where = "organisations.json: national_institutions"
    article = set(_strs(spec, "country_article", where, required=False))
    out = []
    for inst in spec.get("institutions", []):
        name, pattern = _str(inst, "name", where), _str(inst, "explicit", where)
        assert name is not None and pattern is not None
        taken = re.compile(pattern)
        for info in _party_data().parties.values():
            if info.kind != "state" or not info.names or not info.adjectives:
                continue
            if any(o.get("side") == info.code and taken.search(str(o.get("name"))) for o in explicit):
                continue
            country = f"the {info.names[0]}" if info.names[0] in article else info.names[0]
            fill = {"{country}": country, "{adjective}": info.adjectives[0]}

            def filled(text: str, fill: dict[str, str] = fill) -> str:
                for key, value in fill.items():
                    text = text.replace(key, value)
                return text

            out.append({"name": filled(name), "side": info.code, "party": info.code,
                        "kind": inst.get("kind", "government"),
                        "aliases": [filled(a) for a in _strs(inst, "aliases", where)]})
    return out


def _dotted(alias: str) -> str:
    """'UN humanitarian office' -> 'U.N. humanitarian office' (both spellings are common)."""
    return re.sub(r"\b(UN|US|UK|EU)\b", lambda m: ".".join(m.group(1)) + ".", alias)


def _org_terms(org: Organisation, match_case: bool) -> Iterable[tuple[str, bool]]:
    names = (org.name, *org.aliases)
    for alias in dict.fromkeys((*names, *(_dotted(a) for a in names if not a.startswith("=")))):
        if alias.startswith("="):
            yield alias[1:], True
        else:
            yield alias, match_case or _is_acronym(alias)


@cache
def _org_data() -> _OrgData:
    data = _load_json("organisations.json")
    raw = data.get("organisations")
    if not isinstance(raw, list) or not raw:
        raise DataError("organisations.json: 'organisations' must be a non-empty list")
    codes = party_codes()
    orgs: list[Organisation] = []
    entries: dict[tuple[str, bool], tuple[str, Organisation]] = {}
    explicit = len(raw)
    for i, o in enumerate(raw + _expand_templates(data) + _national_institutions(data, raw)):
        where = f"organisations.json: organisation #{i}"
        org = _org_entries(o, where, codes)
        orgs.append(org)
        for term, cs in _org_terms(org, bool(o.get("match_case"))):
            k = (_key(term) if cs else _ikey(term), cs)
            prev = entries.get(k)
            if prev and prev[1].name != org.name:
                if i >= explicit:  # a generated alias yields to an explicit one
                    continue
                raise DataError(f"{where}: alias {term!r} names both {prev[1].name} and {org.name}")
            entries[k] = (term, org)
    matcher = _PhraseMatcher((t, org, cs) for (_, cs), (t, org) in entries.items())
    return _OrgData(tuple(orgs), matcher)


def organisations() -> tuple[Organisation, ...]:
    """Every known organisation."""
    return _org_data().orgs


def organisation_info(phrase: str) -> Organisation | None:
    """The organisation a whole phrase names ("Russia's defence ministry"), or None."""
    matcher = _org_data().matcher
    phrase = phrase.strip().strip(".,;:\"'")
    for cand in (phrase, re.sub(r"^(?i:the)\s+", "", phrase)):
        hit = matcher.lookup(cand)
        if hit is not None:
            return hit
    return None


def organisation(phrase: str) -> tuple[str, str | None] | None:
    """(canonical name, side) of the organisation a phrase names, or None."""
    org = organisation_info(phrase)
    return (org.name, org.side) if org else None


def find_organisations(text: str) -> list[tuple[int, int, str, str | None]]:
    """Spans of known organisations in ``text``: (start, end, canonical name, side)."""
    return [(s, e, org.name, org.side) for s, e, org in _org_data().matcher.find(fold(text))]


def find_organisation_mentions(text: str) -> list[tuple[int, int, Organisation]]:
    """Like :func:`find_organisations`, with the full :class:`Organisation` record."""
    return _org_data().matcher.find(fold(text))


__all__ = [
    "MENTION_KINDS", "Officeholder", "Organisation", "PartyInfo", "PartyMention", "Roster",
    "adversaries", "adversary", "find_organisation_mentions", "find_organisations", "fold",
    "organisation", "organisation_info", "organisations", "parties_in", "party_code",
    "party_codes", "party_info",
]
