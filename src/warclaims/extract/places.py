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
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

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
KIND_BONUS = {"country": 4.0, "territory": 8.0, "water": 8.0, "region": 3.0, "admin1": 2.0,
              "feature": 1.0, "city": 0.0, "village": 0.0}
BARE_VILLAGE_POPULATION = 5000
MAX_NGRAM = 6
APOSTROPHES = "'’ʼʹ`"
_ASCII_KEY = str.maketrans({".": None, "'": None, "`": None, "-": " "})
TOKEN_RE = re.compile(r"\w+(?:[-'’.&]\w+)*\.?|[^\w\s]")
_ARTICLE_PREFIX = re.compile(r"(?:al|el|ad|as|ar|an)-[A-Z]")  # "al-Shifa": a name all the same
ED_VERB_RE = re.compile(r"^[a-z]+ed$")
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z])|\n+")

# Roles, strongest first.
PREP, BARE, LABEL, REF, FROM, ACTOR, SKIP = "prep", "bare", "label", "ref", "from", "actor", "skip"
PART = "part"  # in a clause naming part of a count ("..., including near Nova Kakhovka")
PART_N = "part_n"  # in a clause that counts a part itself ("..., 21 of them over X")
CLAUSE_BREAKS = frozenset(",;:—–(")
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
    if text.isascii():
        text = text.lower().translate(_ASCII_KEY)
        return " ".join(text.split()) if "  " in text or text[:1] == " " else text.rstrip()
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
    part_cues: tuple[str, ...]  # a clause opening "including ..." names a part of the count
    destination_verbs: frozenset[str]  # "taken to X": where people went, not where it happened
    destination_preps: frozenset[str]
    title_nouns: frozenset[str]  # "the ambassador to X": an office, not a place
    unknown_place_nouns: frozenset[str]  # "the village of X": X is a place, known or not
    display_names: dict[str, str]  # formal region name -> the name a location takes


_LEXICON_KEYS = {
    "demonyms": dict, "stop_names": list, "function_words": list, "region_words": list,
    "direction_words": list, "admin1_type_words": list, "run_extra_words": list,
    "locative_prepositions": list, "weak_prepositions": list, "skippable_modifiers": list,
    "reference_words": list, "actor_verbs": list, "attack_verbs": list, "not_place_after": list,
    "not_place_before": list, "demonym_place_nouns": list, "settlement_nouns": list,
    "country_phrases": list, "capital_phrases": list, "part_clause_cues": list,
    "destination_verbs": list, "destination_prepositions": list, "title_nouns": list,
    "unknown_place_nouns": list, "display_names": dict,
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
        part_cues=tuple(normalise(w) for w in raw["part_clause_cues"]),
        destination_verbs=words("destination_verbs"),
        destination_preps=words("destination_prepositions"), title_nouns=words("title_nouns"),
        unknown_place_nouns=words("unknown_place_nouns"),
        display_names={k: v for k, v in raw["display_names"].items() if not k.startswith("_")},
    )


# --------------------------------------------------------------------------- gazetteer


class Gazetteer:
    """Places by normalised name (primary names, English alternates, admin1 region phrases)."""

    def __init__(self, rows: list[list[str]], keys: dict[str, list[int]]) -> None:
        self._rows = rows
        self._cache: dict[int, Place] = {}
        self._found: dict[str, list[tuple[Place, bool]]] = {}
        self._keys = keys
        self._countries: dict[str, Place] = {}
        self._admin1: dict[tuple[str | None, str], Place] = {}
        self._capitals: dict[str, Place] = {}
        for i, row in enumerate(rows):
            kind, fcode = row[2], row[3]
            if kind == "country":
                self._countries[row[4]] = self._place(i)
            elif kind == "admin1":
                self._admin1[(row[4], row[1])] = self._place(i)
            elif fcode == "PPLC":
                self._capitals.setdefault(row[4], self._place(i))

    def _place(self, i: int) -> Place:
        place = self._cache.get(i)
        if place is None:
            place = self._cache[i] = _parse_row(self._rows[i], i + 2)
        return place

    @classmethod
    def load(cls) -> Gazetteer:
        """The packaged gazetteer, read once."""
        return _load_gazetteer()

    def lookup(self, name: str, country: str | None = None) -> list[Place]:
        """Places called `name` (any spelling), best first: primary names, then by population."""
        out = [h for h in self.candidates(normalise(name))
               if country is None or h[0].country == country]
        out.sort(key=lambda h: (-KIND_BONUS[h[0].kind], not h[1], -h[0].population))
        return [p for p, _ in out]

    def candidates(self, key: str) -> list[tuple[Place, bool]]:
        """(place, matched on its primary name) for an already normalised key."""
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = [
                (self._place(i), True) if i >= 0 else (self._place(-1 - i), False)
                for i in self._keys.get(key, ())
            ]
        return list(found)

    def country(self, iso3: str | None) -> Place | None:
        return self._countries.get(iso3) if iso3 else None

    def admin1(self, country: str | None, name: str | None) -> Place | None:
        return self._admin1.get((country, name)) if name else None

    def capital(self, iso3: str | None) -> Place | None:
        return self._capitals.get(iso3) if iso3 else None

    def __len__(self) -> int:
        return len(self._rows)


def _optional_float(text: str) -> float | None:
    return float(text) if text else None


def _parse_row(cells: list[str], line_no: int) -> Place:
    _, name, kind, _, country, admin1, lat, lon, pop, frontline, _ = cells
    try:
        return Place(name, admin1 or None, country or None, _optional_float(lat),
                     _optional_float(lon), kind, int(pop), frontline == "1")
    except ValueError as exc:
        raise DataError(f"{GAZETTEER_FILE}: line {line_no}: {exc}") from exc


def _bulk_normalise(texts: list[str]) -> list[str]:
    """normalise() over many strings at once; '|' separators survive."""
    out = "\n".join(texts).lower().translate(_ASCII_KEY).split("\n")
    for i, (text, key) in enumerate(zip(texts, out, strict=True)):
        if not text.isascii() or "  " in key or " |" in key or "| " in key or key[-1:] == " ":
            out[i] = normalise_list(text)
    return out


def normalise_list(text: str) -> str:
    """normalise() each '|'-separated item."""
    return "|".join(normalise(t) for t in text.split("|"))


def _admin1_keys(name: str, type_words: tuple[str, ...], region_words: frozenset[str]) -> set[str]:
    """'Kursk Oblast' -> kursk oblast, kursk region, kursk province, ..."""
    key = normalise(name)
    keys = {key}
    for word in type_words:
        if key.endswith(" " + word):
            root = key[: -len(word) - 1]
            keys.update(f"{root} {w}" for w in region_words if not w.endswith("s"))
    return keys


def _untyped_admin1_keys(name: str, type_words: tuple[str, ...],
                         region_words: frozenset[str]) -> set[str]:
    """'Kidal' (an admin1 named without a type word): 'Kidal region', 'Kidal province'."""
    key = normalise(name)
    if any(key.endswith(" " + w) for w in type_words):
        return set()
    return {f"{key} {w}" for w in region_words if not w.endswith("s")}


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
    rows = [line.split("\t") for line in lines[1:]]
    n_columns = len(GAZETTEER_COLUMNS)
    for idx, cells in enumerate(rows):
        if len(cells) != n_columns or cells[2] not in SPECIFICITY:
            raise DataError(f"{GAZETTEER_FILE}: line {idx + 2} is malformed: {cells[:3]!r}")
    # normalise all names in one pass over one big string (much faster than one by one)
    names = _bulk_normalise([f"{c[1]}|{c[10]}" for c in rows])
    # key -> row indices; an alternate-spelling hit is stored as -1 - index
    keys: dict[str, list[int]] = {}
    untyped: list[tuple[str, int]] = []
    for idx, spellings in enumerate(names):
        parts = spellings.split("|")
        if rows[idx][2] == "admin1":
            found = [_admin1_keys(n, lex.type_words, lex.region_words) for n in parts]
            own = found[0]
            for key in own:
                keys.setdefault(key, []).append(idx)
            for key in set().union(*found[1:]) - own:
                keys.setdefault(key, []).append(-1 - idx)
            untyped.extend((key, idx) for key in _untyped_admin1_keys(
                parts[0], lex.type_words, lex.region_words))
            continue
        primary = parts[0]
        hits = keys.get(primary)
        if hits is None:
            keys[primary] = [idx]
        else:
            hits.append(idx)
        for key in parts[1:]:
            if key and key != primary:
                hits = keys.get(key)
                if hits is None:
                    keys[key] = [-1 - idx]
                else:
                    hits.append(-1 - idx)
    for key, idx in untyped:  # only where no typed name ("Moscow Oblast") claims the phrase
        if not any(rows[i if i >= 0 else -1 - i][2] == "admin1" for i in keys.get(key, ())):
            keys.setdefault(key, []).append(idx)
    if len(rows) < 1000:
        raise DataError(f"{GAZETTEER_FILE}: only {len(rows)} places")
    return Gazetteer(rows, keys)


# --------------------------------------------------------------------------- tokens and runs


class _Token(NamedTuple):
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
        start = m.start()
        base, norm, lower, cap, poss = _word_features(m.group())
        tokens.append(_Token(base, start, start + len(base), norm, lower, cap, poss))
    return tokens


@lru_cache(maxsize=65536)
def _word_features(text: str) -> tuple[str, str, str, bool, bool]:
    """(text without a final dot or possessive, lookup key, lower case, capitalised,
    possessive) of a token; remembered, since words repeat from document to document."""
    if text.endswith(".") and text.count(".") == 1 and len(text) > 1:
        text = text[:-1]
    poss = len(text) > 2 and text[-2] in "'’" and text[-1] in "sS"
    base = text[:-2] if poss else text
    cap = base[:1].isupper() or (base[2:3] == "-" and _ARTICLE_PREFIX.match(base) is not None)
    return base, normalise(base), base.lower(), cap, poss


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
    """A gazetteer hit on tokens [first, last] of a list (group) of place names."""

    first: int
    last: int
    key: str
    forced: str | None  # "admin1": the run is an admin1 root ("Kursk" + "region"/"direction")
    group: int


@dataclass(frozen=True)
class _Mention:
    place: Place
    role: str
    start: int  # character offsets of the phrase (from its preposition)
    end: int
    name_start: int
    group: int
    clause: int = -1  # PART mentions: offset of their clause (the count may stand inside it)


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


def _groups(runs: list[_Run], tokens: list[_Token], placelike: list[bool]) -> list[int]:
    """Group ids: place-like runs joined by ',' / 'and' / ', and' form one coordinated list."""
    ids, gid = [], 0
    for k, run in enumerate(runs):
        if k:
            between = [t.lower for t in tokens[runs[k - 1].last + 1:run.first]]
            joined = between in ([","], ["and"], [",", "and"], ["or"])
            if not (joined and placelike[k] and placelike[k - 1]):
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
    """(match, index of its phrase's last token incl. a region word) for place-like runs.

    Runs joined by ',' / 'and' form a list; a region word after the list ("Oryol and Bryansk
    regions") applies to every member, as does its role (set later from the first member).
    """
    runs = [_with_lowercase_tail(r, tokens, gaz) for r in _runs(tokens, lex)]
    own = [_run_matches(run, tokens, gaz, lex, 0) for run in runs]
    names = [" ".join(t.norm for t in tokens[r.first:r.last + 1]) for r in runs]
    placelike = [bool(m) or bool(_admin1_for(n, gaz)) for m, n in zip(own, names, strict=True)]
    gids = _groups(runs, tokens, placelike)
    group_tail: dict[int, tuple[str | None, int]] = {}
    for run, gid, ok in zip(runs, gids, placelike, strict=True):
        if ok:
            group_tail[gid] = _region_tail(tokens, run.last, lex)
    out = []
    for run, gid, name, matches, ok in zip(runs, gids, names, own, placelike, strict=True):
        if not ok:
            continue
        forced, tail = group_tail[gid]
        own_forced, own_tail = _region_tail(tokens, run.last, lex)
        if own_forced:
            forced, tail = own_forced, own_tail
        if forced and _admin1_for(name, gaz):
            out.append((_Match(run.first, run.last, name, "admin1", gid), tail))
            continue
        if len(matches) > 1:  # "Ivan Fedorov": two place names side by side make a person
            continue
        for m in matches:
            m = _Match(m.first, m.last, m.key, None, gid)
            out.append((m, tail if m.last == run.last else m.last))
    return out


def _with_lowercase_tail(run: _Run, tokens: list[_Token], gaz: Gazetteer) -> _Run:
    """'the Crimean peninsula', 'the Kerch strait': a lower-case word that completes a name."""
    last = run.last
    for k in (run.last + 1, run.last + 2):
        if k >= len(tokens) or not tokens[k].text.isalpha() or not tokens[k].text.islower():
            break
        if gaz.candidates(" ".join(t.norm for t in tokens[run.first:k + 1])):
            last = k
    return _Run(run.first, last) if last != run.last else run


def _admin1_for(name_key: str, gaz: Gazetteer) -> list[Place]:
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
    if role == PREP and start > 0 and tokens[start].lower in lex.destination_preps and (
        tokens[start - 1].norm in lex.title_nouns
        or any(t.norm in lex.destination_verbs for t in tokens[_clause_start(tokens, start):start])
    ):
        return SKIP, m.first  # "taken to Olenivka", "the ambassador to Ukraine"
    part = _in_part_clause(tokens, start, lex)
    if part:
        return part, start
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


def _clause_start(tokens: list[_Token], i: int) -> int:
    """Index of the first token of the clause holding token i (after a comma, colon, dash)."""
    j = i - 1
    while j >= 0 and (tokens[j].text not in CLAUSE_BREAKS or _in_number(tokens, j)):
        j -= 1
    return j + 1


def _in_number(tokens: list[_Token], j: int) -> bool:
    """A comma inside '12,000' (tokenised as 12 , 000)."""
    return 0 < j < len(tokens) - 1 and tokens[j - 1].end == tokens[j].start \
        and tokens[j].end == tokens[j + 1].start and tokens[j - 1].text.isdigit() \
        and tokens[j + 1].text.isdigit()


def _in_part_clause(tokens: list[_Token], i: int, lex: Lexicon) -> str | None:
    """A clause that names part of a count: 'including ...', '21 of them over X', or after a
    colon or comma '28 over the Kursk region, 16 over ...'."""
    c = _clause_start(tokens, i)
    opening = " ".join(t.norm for t in tokens[c:c + 4])
    if any(opening == cue or opening.startswith(cue + " ") for cue in lex.part_cues):
        return PART
    if c > 0 and c < i and _NUMBER_WORD.fullmatch(tokens[c].lower) is not None and not (
            re.fullmatch(r"(?:19|20)\d\d", tokens[c].text)):  # "Nov. 20, 2023 Houthis seize"
        return PART_N
    return None


_NUMBER_WORD = re.compile(
    r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds")


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
            if t.lower == "of" and j > 0 and tokens[j - 1].lower in lex.settlement_nouns:
                earlier, at = _preposition(tokens, j - 1, lex)
                if earlier == PREP:
                    return PREP, at
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


def _score(place: Place, primary: bool, scene: _Scene, siblings: set[str | None]) -> float:
    """Namesake choice: kind, population, own name, then what the sentence and hint say."""
    score = KIND_BONUS[place.kind] + math.log10(place.population + 1) + 0.8 * primary
    score += place.frontline
    if place.admin1 and place.kind != "admin1" and place.admin1 in scene.admin1s:
        score += 4
    if place.admin1 and place.admin1 in siblings:
        score += 3
    if place.country in scene.countries:
        score += 3
    if place.country in scene.demonyms:
        score += 1
    if scene.hint and place.country == scene.hint:
        score += 2
    return score


def _best(cands: list[tuple[Place, bool]], scene: _Scene,
          siblings: set[str | None]) -> tuple[Place, bool] | None:
    if not cands:
        return None
    return max(cands, key=lambda c: _score(c[0], c[1], scene, siblings))


@dataclass(frozen=True)
class _Context:
    """What the acceptance rules need to know about a mention beyond its role."""

    primary: bool  # matched on the place's own name, not an alternate spelling
    home: bool  # in the hinted country or a country the sentence names
    attacked: bool  # right after an attack verb
    adjectival: bool  # "the U.S. network"
    passive: bool  # "Kyiv was hit"
    capital: bool  # a national capital, often standing for its government


def _accepted(place: Place, role: str, c: _Context) -> bool:
    if role in (ACTOR, SKIP):
        return False
    if not c.home and not c.primary and place.kind in ("city", "village") \
            and place.population < 1_000_000:
        return False  # "Hamas" is an old spelling of Hamm, Germany
    if place.kind == "country":
        return not c.adjectival and (role in (PREP, REF, FROM) or (role == BARE and c.attacked))
    if place.kind == "city" and role == BARE and c.capital:
        return c.attacked or c.passive  # "a figure Kyiv rejected", "the war for Moscow"
    if role == BARE and not c.home and place.kind in ("city", "village") \
            and place.population < 100_000:
        return False
    if place.kind == "water":
        return role in (PREP, REF, FROM)
    small = place.kind == "village" and place.population < BARE_VILLAGE_POPULATION
    if small and not place.frontline:
        return role in (PREP, REF, FROM)
    return True


@dataclass
class _Scene:
    """What a sentence says around its mentions: admin1s and countries it names, demonyms."""

    admin1s: set[str]
    countries: set[str]
    demonyms: set[str]
    hint: str | None


def _sentence_demonyms(tokens: list[_Token], lex: Lexicon) -> set[str]:
    found = {lex.demonyms[t.norm] for t in tokens if t.norm in lex.demonyms}
    for a, b in zip(tokens, tokens[1:], strict=False):
        found.add(lex.demonyms.get(f"{a.norm} {b.norm}", ""))
    return found - {""}


def _gives_context(tokens: list[_Token], m: _Match, role: str) -> bool:
    """A country named as a location or as the owner of the next place ("Russia's Kursk")."""
    if role in (PREP, REF, FROM):
        return True
    nxt = tokens[m.last + 1] if m.last + 1 < len(tokens) else None
    return tokens[m.last].poss and nxt is not None and nxt.cap


_MEMO: dict[tuple[str, str | None], tuple[_Mention, ...]] = {}
_MEMO_LIMIT = 4096


def new_document() -> None:
    """Forget the place mentions remembered for the previous document's sentences."""
    _MEMO.clear()
    _TOKENS.clear()


def _mentions_of(sentence: str, gaz: Gazetteer, lex: Lexicon,
                 hint: str | None) -> tuple[_Mention, ...]:
    """_mentions, remembered within a document for the packaged gazetteer (each claim of a
    sentence and each scene lookup resolve the same text again)."""
    if gaz is not Gazetteer.load():
        return tuple(_mentions(sentence, gaz, lex, hint))
    key = (sentence, hint)
    hit = _MEMO.get(key)
    if hit is None:
        if len(_MEMO) > _MEMO_LIMIT:
            _MEMO.clear()
        hit = _MEMO[key] = tuple(_mentions(sentence, gaz, lex, hint))
    return hit


_TOKENS: dict[str, tuple[list[_Token], list[tuple[_Match, int]]]] = {}


def _analysed(sentence: str, gaz: Gazetteer,
              lex: Lexicon) -> tuple[list[_Token], list[tuple[_Match, int]]]:
    """Tokens and gazetteer matches of a sentence (they do not depend on the country hint),
    remembered within a document for the packaged gazetteer."""
    if gaz is not Gazetteer.load():
        tokens = _tokenise(sentence)
        return tokens, _find_matches(tokens, gaz, lex)
    hit = _TOKENS.get(sentence)
    if hit is None:
        if len(_TOKENS) > _MEMO_LIMIT:
            _TOKENS.clear()
        tokens = _tokenise(sentence)
        hit = _TOKENS[sentence] = (tokens, _find_matches(tokens, gaz, lex))
    return hit


def _mentions(sentence: str, gaz: Gazetteer, lex: Lexicon, hint: str | None) -> list[_Mention]:
    """Every place mention of the sentence with its chosen place and role (ACTOR/SKIP kept)."""
    tokens, matches = _analysed(sentence, gaz, lex)
    found = []
    group_role: dict[int, tuple[str, int]] = {}
    for m, tail in matches:
        role, start = _role(tokens, m, tail, lex)
        if m.group in group_role and role not in (SKIP, ACTOR):
            role, start = group_role[m.group]
        group_role.setdefault(m.group, (role, start))
        found.append((m, tail, role, start, _candidates(m, gaz)))
    scene = _Scene(set(), set(), _sentence_demonyms(tokens, lex), hint)
    chosen: dict[int, tuple[Place, bool]] = {}
    # first admin1 phrases and countries (they give context), then the rest, then list
    # members again so that namesakes agree with the rest of their list
    for pass_no in (0, 1, 2):
        for k, (m, _, role, _, cands) in enumerate(found):
            is_context = any(p.kind in ("country", "admin1") for p, _ in cands)
            if (pass_no == 0) != is_context or (pass_no == 2 and not _in_list(found, k)):
                continue
            siblings = {chosen[j][0].admin1 for j, f in enumerate(found)
                        if j != k and j in chosen and f[0].group == m.group}
            best = _best(cands, scene, siblings)
            if best is None:
                continue
            chosen[k] = best
            if best[0].kind == "admin1":
                scene.admin1s.add(best[0].name)
            if best[0].kind == "country" and _gives_context(tokens, m, role):
                scene.countries.add(best[0].country or "")
    homes = scene.countries | ({hint} if hint else set())
    out = []
    for k, (m, tail, role, start, _) in enumerate(found):
        if k not in chosen:
            continue
        place, primary = chosen[k]
        nxt = _next_word(tokens, tail)
        c = _Context(
            primary=primary, home=not homes or place.country in homes,
            attacked=_attacked(tokens, m.first, lex),
            adjectival=m.first > 0 and tokens[m.first - 1].lower == "the" and nxt is not None
            and nxt.text.isalpha() and nxt.text.islower() and nxt.lower not in lex.function_words,
            passive=nxt is not None and nxt.lower in ("was", "were"),
            capital=gaz.capital(place.country) == place,
        )
        if not _accepted(place, PREP if role in (PART, PART_N) else role, c):
            role = SKIP if role == SKIP else ACTOR
        clause = tokens[_clause_start(tokens, start)].start if role in (PART, PART_N) else -1
        out.append(_Mention(place, role, tokens[start].start, tokens[tail].end,
                            tokens[m.first].start, m.group, clause))
    named = out + _demonym_mentions(tokens, gaz, lex)
    return named + _unknown_settlements(tokens, named, found, scene, lex)


def _unknown_settlements(tokens: list[_Token], named: list[_Mention], found: list,
                         scene: _Scene, lex: Lexicon) -> list[_Mention]:
    """Places the gazetteer lacks that the text introduces as places: 'the village of X',
    'X, a town on the border'. The country is that of an admin1 named after it in the
    sentence, else the one country the sentence names, else the document's."""
    covered = {i for m, *_ in found for i in range(m.first, m.last + 1)}
    out = []
    for run in _runs(tokens, lex):
        if covered & set(range(run.first, run.last + 1)) or tokens[run.last].poss:
            continue
        words = tokens[run.first:run.last + 1]
        if len(words) > 3 or any(t.norm in lex.stop_names or t.norm in lex.demonyms for t in words):
            continue
        before = [t.lower for t in tokens[max(0, run.first - 2):run.first]]
        after = [t.lower for t in tokens[run.last + 1:run.last + 5]]
        end = tokens[run.last].end
        introduced = (len(before) == 2 and before[1] == "of" and before[0] in lex.unknown_place_nouns) \
            or (after[:1] == [","] and after[1:2] in (["a"], ["an"])
                and any(w in lex.unknown_place_nouns for w in after[2:4])) \
            or (after[:2] == [",", "in"] and any(  # "at Mansila, in Burkina Faso's Sahel region"
                m.place.kind in ("admin1", "country") and 0 < m.name_start - end < 30 for m in named)) \
            or (before[-1:] in (["near"], ["outside"]) and len(words) <= 2 and not (
                after[:1] and after[0].isalpha() and after[0] not in lex.function_words))
        if not introduced:
            continue
        role, start = _preposition(tokens, run.first, lex)
        if role is None:
            continue
        admin1 = next((m.place for m in named if m.place.kind == "admin1" and m.start > tokens[
            run.last].end), None)
        country = admin1.country if admin1 else (
            next(iter(scene.countries)) if len(scene.countries) == 1 else
            next(iter(scene.demonyms)) if len(scene.demonyms) == 1 else scene.hint)
        if country is None:
            continue
        name = " ".join(t.text for t in words)
        place = Place(name, admin1.name if admin1 else None, country, None, None, "village", 0)
        out.append(_Mention(place, role, tokens[start].start, tokens[run.last].end,
                            tokens[run.first].start, -1000 - run.first))
    return out


def _in_list(found: list, k: int) -> bool:
    return sum(f[0].group == found[k][0].group for f in found) > 1


def _candidates(m: _Match, gaz: Gazetteer) -> list[tuple[Place, bool]]:
    if m.forced == "admin1":
        return [(p, True) for p in _admin1_for(m.key, gaz)]
    return gaz.candidates(m.key)


def _demonym_mentions(tokens: list[_Token], gaz: Gazetteer, lex: Lexicon) -> list[_Mention]:
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
    return outer.kind in ("country", "territory", "region") or inner.admin1 == outer.name


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
    """A Location; a town keeps the spelling the text uses ('Huliaipole', not 'Hulyaypole')."""
    admin1 = place.admin1 if place.kind not in ("country", "territory", "water") else None
    name = load_lexicon().display_names.get(place.name, place.name)
    written = re.sub(r"^(?:in|near|at|around|outside|over|from|across|on)\s+", "", text.strip(), flags=re.I)
    if place.kind in ("city", "village") and written != name and re.fullmatch(
        r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*", written
    ):
        name = written
    return Location(text=text, name=name, admin1=admin1, country=place.country,
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
    found = _mentions_of(sentence, gaz, lex, country_hint)
    mentions = [_part_role(m, anchor, sentence) for m in found]
    pick = _choose(mentions, gaz, anchor)
    if pick is None:
        return _of_parts(found, sentence, gaz, anchor) or _generic(sentence, gaz, lex, country_hint)
    end = pick.end
    tail = _ADMIN_TAIL.match(sentence, end)
    if tail and pick.place.admin1 and tail.group(1).split()[0] in pick.place.admin1:
        end = tail.end()
    text = sentence[pick.start:end]
    if sentence[end:end + 2] in ("’s", "'s") and ", " in text:  # "Oblast, Ukraine’s chief"
        text = text.rsplit(", ", 1)[0]
    text = re.sub(r"^(?:into|onto|to)\s+", "", text, flags=re.I)
    return _location(pick.place, text)


def _part_role(m: _Mention, anchor: int | None, sentence: str) -> _Mention:
    """A place in an 'including ...' clause places only a count that stands in that clause
    or in a 'where' clause about it ('including Gaza, where more than 34,000 ...')."""
    if m.role not in (PART, PART_N):
        return m
    if anchor is None:  # the sentence's place in general: a counted part places it, 'including' not
        return replace(m, role=PREP if m.role == PART_N else SKIP)
    inside = m.clause <= anchor < m.end or (
        anchor >= m.end and _WHERE.match(sentence, m.end) is not None)
    return replace(m, role=PREP if inside else SKIP)


_WHERE = re.compile(r",?\s+where\b", re.I)


def _of_parts(found: Sequence[_Mention], sentence: str, gaz: Gazetteer,
              anchor: int | None) -> Location | None:
    """'59 drones: 28 over the Kursk region, 16 over the Belgorod region': the places of the
    parts together (one oblast for its villages, one country for its oblasts)."""
    parts = [m for m in found if m.role == PART_N and m.place.kind in ("admin1", "city", "village")]
    if anchor is None or len({m.place.name for m in parts}) < 2 or min(m.clause for m in parts) < anchor:
        return None
    whole = _aggregate([m.place for m in parts], gaz)
    if whole.kind not in ("country", "admin1"):
        return None
    return _location(whole, sentence[parts[0].start:parts[-1].end])


def place_in_name(name: str, *, country_hint: str | None = None,
                  gazetteer: Gazetteer | None = None) -> Location | None:
    """The place an organisation is named after ('Gaza Health Ministry', 'Kharkiv Regional
    Military Administration'): its first one or two words, when they name a place."""
    gaz = gazetteer or Gazetteer.load()
    words = name.split()
    for n in (2, 1):
        if len(words) <= n:
            continue
        hits = gaz.lookup(" ".join(words[:n]))
        if country_hint:
            hits = sorted(hits, key=lambda p: p.country != country_hint)
        if hits and hits[0].kind != "country":
            return _location(hits[0], " ".join(words[:n]))
    return None


def parts_location(sentence: str, *, anchor: int, country_hint: str | None = None,
                   gazetteer: Gazetteer | None = None) -> Location | None:
    """The place of a count given only by the places of its parts later in the sentence."""
    gaz = gazetteer or Gazetteer.load()
    return _of_parts(_mentions_of(sentence, gaz, load_lexicon(), country_hint), sentence, gaz,
                     anchor)


# ", in Kursk region" after a town: the oblast that places it, part of the location phrase.
_ADMIN_TAIL = re.compile(
    r",? (?:in|of) (?:the )?((?:[A-Z][\w'’-]+ )+)(?:region|oblast|province|governorate|state)\b",
    re.I,
)


def place_mentions(sentence: str, *, country_hint: str | None = None,
                   gazetteer: Gazetteer | None = None) -> list[tuple[Place, str]]:
    """Every place mention of a sentence with its role (prep, bare, label, ref, from, actor)."""
    gaz = gazetteer or Gazetteer.load()
    found = _mentions_of(sentence, gaz, load_lexicon(), country_hint)
    return [(m.place, m.role) for m in found if m.role != SKIP]


MAX_HINT_SENTENCES = 8


def country_from_text(text: str, *, gazetteer: Gazetteer | None = None) -> str | None:
    """The most likely country of a document: places count twice, country names once."""
    # the lede names the main place: the first sentences decide (and keep this cheap)
    return country_from_sentences(SENTENCE_RE.split(text)[:MAX_HINT_SENTENCES], gazetteer=gazetteer)


def country_from_sentences(sentences: list[str], *,
                           gazetteer: Gazetteer | None = None) -> str | None:
    """country_from_text over sentences already split (the first MAX_HINT_SENTENCES count)."""
    gaz = gazetteer or Gazetteer.load()
    lex = load_lexicon()
    votes: Counter[str] = Counter()
    for sentence in sentences[:MAX_HINT_SENTENCES]:
        for m in _mentions_of(sentence, gaz, lex, None):
            if m.role == SKIP or not m.place.country:
                continue
            weight = 1.0 if m.place.kind == "country" else 2.0 if m.role in TIER else 0.0
            votes[m.place.country] += weight
    if not votes:
        return None
    country, score = votes.most_common(1)[0]
    return country if score > 0 else None
