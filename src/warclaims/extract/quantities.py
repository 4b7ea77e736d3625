"""The quantity grammar: every number-like expression of an English sentence as a Quantity.

``find_quantities`` finds digits ("38,000", "1.5 million", "10.5k"), number words
("thirty-eight thousand", "a dozen"), vague phrases ("tens of thousands"), military unit
words ("up to a battalion") and ranges ("between 10,000 and 12,000"), reads the hedges
around them (SPEC section 4 quantity table and section 6 "Quantities") and labels the
numbers that cannot be claim quantities (dates, years, times, money, ages, ordinals and
names, phone numbers, article numbers, distances, durations, unit-size explanations).
All word lists live in ``data/quantities.json``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from warclaims.errors import DataError
from warclaims.model import Quantity
from warclaims.util.resources import load_json

DATA_FILE = "quantities.json"
EXCLUSION_REASONS = (
    "date", "year", "time", "money", "age", "ordinal", "phone", "distance", "duration",
    "article_number", "unit_size", "other",
)
_PRE_WINDOW = 48  # characters looked at before an expression for hedges and cues
_RATE_WINDOW = 60  # characters looked at after an expression for "a day", "every day"
_DIGIT = re.compile(r"\d")
_WORD_START = re.compile(r"(?<![\w.,])[^\W_]+")
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class QuantitySpan:
    """One number-like expression of a text, with its reading and, if any, why it is no claim."""

    start: int
    end: int
    num_start: int
    num_end: int
    quantity: Quantity
    excluded: str | None


@dataclass
class _Expr:
    """Working state of one expression while the grammar reads it (module-internal)."""

    start: int
    end: int
    num_start: int
    num_end: int
    kind: str  # number | vague | unit | ordinal | again
    low: float | None
    high: float | None
    qualifier: str = "exact"
    unit: str = "count"
    unit_word: str | None = None
    per: str | None = None
    excluded: str | None = None
    plain: bool = False  # bare digits without separators, scale or decimals
    words: bool = False  # spelled-out number


# --------------------------------------------------------------------------- lexicon


def _alt(phrases: list[str] | tuple[str, ...], flexible_space: bool = True) -> str:
    """A regex alternation of literal phrases, longest first."""
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        esc = re.escape(p)
        if flexible_space:
            esc = esc.replace(r"\ ", r"\s+")
        parts.append(esc)
    return "(?:" + "|".join(parts) + ")"


def _words(data: dict[str, Any], key: str, sub: str | None = None) -> list[str]:
    value = data.get(key)
    if sub is not None and isinstance(value, dict):
        value = value.get(sub)
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        where = f"{key}.{sub}" if sub else key
        raise DataError(f"{DATA_FILE}: {where!r} must be a list of non-empty strings")
    return value


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise DataError(f"{DATA_FILE}: {key!r} must be an object")
    return {k: v for k, v in value.items() if not k.startswith("_")}


def _ranges(data: dict[str, Any], key: str) -> dict[str, tuple[float, float]]:
    out = {}
    for k, v in _table(data, key).items():
        ok = isinstance(v, list) and len(v) == 2 and all(isinstance(x, int | float) for x in v)
        if not ok or v[0] > v[1]:
            raise DataError(f"{DATA_FILE}: {key}.{k} must be [low, high] with low <= high")
        out[k.lower()] = (float(v[0]), float(v[1]))
    return out


def _numbers(data: dict[str, Any], key: str) -> dict[str, float]:
    out = {}
    for k, v in _table(data, key).items():
        if not isinstance(v, int | float) or isinstance(v, bool):
            raise DataError(f"{DATA_FILE}: {key}.{k} must be a number")
        out[k] = float(v)
    return out


@dataclass(frozen=True)
class _Lexicon:
    """The data file, validated, with every regex compiled once."""

    word_values: dict[str, float]  # units and tens
    scales: dict[str, float]
    multipliers: dict[str, float]
    abbreviations: dict[str, float]
    vague: dict[str, tuple[float, float]]
    units: dict[str, tuple[float, float]]
    unit_counts: dict[str, tuple[float, float]]
    unit_needs_context: frozenset[str]
    hedges_before: dict[str, str]
    hedges_after: dict[str, str]
    not_before_one: frozenset[str]
    master: re.Pattern[str]
    number_only: re.Pattern[str]
    protected: tuple[tuple[str, re.Pattern[str]], ...]
    hedge_before_re: re.Pattern[str]
    hedge_after_re: re.Pattern[str]
    range_sep: re.Pattern[str]
    between_re: re.Pattern[str]
    from_re: re.Pattern[str]
    percent_re: re.Pattern[str]
    after_rules: tuple[tuple[str, re.Pattern[str]], ...]
    before_rules: tuple[tuple[str, re.Pattern[str]], ...]
    compound_re: re.Pattern[str]
    unit_of_re: re.Pattern[str]
    unit_blocked_re: re.Pattern[str]
    unit_size_re: re.Pattern[str]
    year_cue_re: re.Pattern[str]
    rate_after: tuple[tuple[str, re.Pattern[str]], ...]
    rate_before: tuple[tuple[str, re.Pattern[str]], ...]
    rate_stop_re: re.Pattern[str]
    cue_words: frozenset[str]  # words without which ``master`` finds nothing in digit-free text
    first_words: frozenset[str]  # words that can open a match of ``master``


def _qualifiers(table: dict[str, Any], key: str) -> dict[str, str]:
    allowed = ("approx", "more_than", "at_least", "up_to")
    for k, v in table.items():
        if v not in allowed:
            raise DataError(f"{DATA_FILE}: {key}.{k} must be one of {allowed}, not {v!r}")
    return {k.lower(): v for k, v in table.items()}


def _master_regex(lex: dict[str, Any]) -> tuple[str, str]:
    """The alternation that finds the numeric core of every expression."""
    numtok = _alt(list(lex["word_values"]) + list(lex["scales"]) + list(lex["multipliers"]))
    numtok = rf"{numtok}\b"
    scale_alt = _alt(list(lex["scales"]) + list(lex["multipliers"]))
    words = (
        rf"(?:(?:half\s+)?(?:an?\s+(?={scale_alt}\b))?{numtok}"
        rf"(?:(?:\s+|-)(?:and\s+)?{numtok}){{0,8}})"
    )
    digits = (
        r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?![\d,.])"
        r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d,.])|\d+(?:\.\d+)?)"
    )
    abbr = _alt(list(lex["abbreviations"]), flexible_space=False)
    big = _alt([k for k in lex["scales"] if k != "hundred"])
    digit_num = (
        rf"{digits}(?:\s*(?:{scale_alt})\b(?:\s+{big}\b)?|(?-i:{abbr})(?![\w]))?(?!\d)"
    )
    vague_alt = _alt(list(lex["vague"]))
    counts = _alt(list(lex["unit_counts"]))
    unit_alt = _alt(list(lex["units"]))
    intens = _alt(lex["intensifiers"])
    unit = (
        rf"(?P<ucount>{counts}|{words}|\d{{1,3}})\s+(?:{intens}\s+)?"
        rf"(?P<uword>{unit_alt})(?:-sized?|-strength|-strong)?\b"
    )
    ords = _alt(lex["ordinals"])
    tens = _alt(list(k for k, v in lex["word_values"].items() if v >= 20 and v % 10 == 0))
    ordinal = rf"\d+(?:st|nd|rd|th)\b|(?:{tens}-)?{ords}\b"
    again = _alt(lex["again"])
    master = (
        rf"(?<![\w.,])(?:(?P<vague>{vague_alt})\b|(?P<unit>{unit})|(?P<ord>{ordinal})"
        rf"|(?P<again>{again})\b|(?P<digits>{digit_num})|(?P<words>{words}))"
    )
    number_only = rf"(?<![\w.,])(?:(?P<digits>{digit_num})|(?P<words>{words}))"
    return master, number_only


def _protected_regexes(data: dict[str, Any]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    months = _alt(_words(data, "months", "names"), flexible_space=False)
    mon = rf"(?-i:{months})\.?"
    day = r"\d{1,2}(?:st|nd|rd|th)?(?![\d,]\d)"
    year = r"(?:,?\s+(?:1[89]|20|21)\d\d\b)?"
    ampm = r"(?:a\.m\.|p\.m\.|A\.M\.|P\.M\.|am\b|pm\b|AM\b|PM\b)"
    zone = (
        r"(?:\s*(?:(?:GMT|UTC)(?:\s?[+-]\s?\d{1,2}(?::\d\d)?)?|CET|EET|EEST|MSK"
        r"|local\s+time|Kyiv\s+time|Moscow\s+time)\b)?"
    )
    date = (
        rf"\b(?:(?:19|20)\d\d-\d\d-\d\d\b|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?(?![\d/])"
        rf"|\d{{1,2}}\.\d{{1,2}}\.(?:19|20)\d\d\b"
        rf"|{mon}\s+{day}\b(?:\s*(?:-|–|and|to)\s*[0-3]?\d\b(?![,.]\d))?{year}"
        rf"|(?:{day}\s*(?:-|–|to|and)\s*)?{day}\s+(?:of\s+)?{mon}\b{year}"  # "25 to 27 July"
        rf"|{mon}\s+(?:1[89]|20)\d\d\b)"
    )
    time = (
        rf"\b\d{{1,2}}:\d\d(?::\d\d)?(?:\s*{ampm})?{zone}"
        rf"|\b\d{{1,2}}(?:[.:]\d\d)?\s*{ampm}{zone}|\b\d{{1,2}}\s+o'clock\b"
    )
    phone = (
        r"(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}(?!\d|,\d)"
        r"|\(\d{3}\)\s?\d{3}[-.\s]\d{4}\b|(?<![\d,.-])\d{3}[-.]\d{3}[-.]\d{4}(?![\d-])"
    )
    name = (
        r"(?<![\w-])(?:[A-Z][A-Za-z]{0,5}-?\d+[A-Za-z\d]*(?:-[A-Za-z\d]+)*"
        r"|\d+[A-Za-z]+\d[\w-]*)(?![\w])"
    )
    return (
        ("phone", re.compile(phone)),
        ("date", re.compile(date, re.I)),
        ("time", re.compile(time)),
        ("ordinal", re.compile(name)),
    )


def _after_rules(data: dict[str, Any]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Patterns matched right after an expression that make it a non-claim."""
    cur = _alt(_words(data, "currency_words") + _words(data, "currency_codes"))
    dist = _alt(_words(data, "distance_words"))
    dur = _alt(_words(data, "duration_words"))
    fill = _alt(_words(data, "duration_fillers"))
    other = _alt(_words(data, "other_unit_words", "words"))
    age = _alt(_words(data, "age_after"))
    tsuf = _alt(_words(data, "time_suffixes"))
    names = _alt(_words(data, "name_suffixes", "words"))
    end = r"(?![\w])"
    return (
        ("year", re.compile(r"'?s\b")),
        ("age", re.compile(rf"\s*{age}{end}", re.I)),
        ("time", re.compile(rf"\s*(?-i:{tsuf}){end}")),
        ("money", re.compile(rf"\s*{cur}{end}", re.I)),
        ("distance", re.compile(rf"\s*-?\s*{dist}{end}", re.I)),
        ("duration", re.compile(rf"\s*-?\s*(?:{fill}\s+)?{dur}{end}", re.I)),
        ("other", re.compile(rf"\s*-?\s*{other}{end}", re.I)),
        ("ordinal", re.compile(rf"\s+{names}\b")),
    )


def _before_rules(data: dict[str, Any]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Patterns matched right before an expression (anchored at its start) that exclude it."""
    sym = _alt(_words(data, "currency_symbols"), flexible_space=False)
    codes = _alt(_words(data, "currency_codes"), flexible_space=False)
    age = _alt(_words(data, "age_before"))
    art = _alt(_words(data, "article_prefixes", "words"))
    names = _alt(_words(data, "name_prefixes", "words"))
    one = data["one_not_a_count"]
    one_before = _alt(_words(data, "one_not_a_count", "before"))
    if not isinstance(one, dict):
        raise DataError(f"{DATA_FILE}: one_not_a_count must be an object")
    start = r"(?:^|(?<=[^\w.]))"
    return (
        ("money", re.compile(rf"(?:{sym}|\b{codes}\s?)\s*$")),
        ("age", re.compile(rf"\b{age}\s+$", re.I)),
        ("article_number", re.compile(rf"{start}{art}\s*(?:No\.?\s*)?$")),
        ("ordinal", re.compile(rf"{start}{names}\s*$")),
        ("one", re.compile(rf"\b{one_before}[\s-]$", re.I)),
    )


def _rate_patterns(
    data: dict[str, Any],
) -> tuple[tuple[tuple[str, re.Pattern[str]], ...], tuple[tuple[str, re.Pattern[str]], ...]]:
    after = _table(data, "rate_after")
    before = _table(data, "rate_before")
    nouns = _alt(_words(data, "rate_before", "nouns"))
    rate_after = []
    for per, phrases in after.items():
        alt = _alt(phrases)
        rate_after.append((per, re.compile(rf"(?<!\bin )(?<!single )\b{alt}\b", re.I)))
    rate_before = []
    for per, phrases in before.items():
        if per in ("nouns", "stop_words"):
            continue
        alt = _alt(phrases)
        pat = rf"\b{alt}\s+(?:[\w-]+\s+)?{nouns}\b|\b{nouns}\s+{alt}\b"
        rate_before.append((per, re.compile(pat, re.I)))
    return tuple(rate_after), tuple(rate_before)


@cache
def _lexicon() -> _Lexicon:
    data = load_json(DATA_FILE)
    if not isinstance(data, dict):
        raise DataError(f"{DATA_FILE}: top level must be an object")
    lex: dict[str, Any] = {
        "word_values": {**_numbers(data, "units"), **_numbers(data, "tens")},
        "scales": _numbers(data, "scales"),
        "multipliers": _numbers(data, "multipliers"),
        "abbreviations": _numbers(data, "scale_abbreviations"),
        "units": _ranges(data, "military_units"),
        "unit_counts": _ranges(data, "unit_determiners"),
        "intensifiers": _words(data, "unit_intensifiers"),
        "ordinals": _words(data, "ordinals"),
        "again": _words(data, "as_many_again"),
    }
    vague = _ranges(data, "vague")
    bases = _numbers(data, "vague_bases")
    for mult, (lo, hi) in _ranges(data, "vague_multipliers").items():
        for base, value in bases.items():
            vague[f"{mult} {base}"] = (lo * value, hi * value)
    lex["vague"] = vague
    master, number_only = _master_regex(lex)
    # every match of ``master`` without a digit holds the last word of one of these phrases
    # (a unit word ends "a battalion", "hundred" ends "a few hundred")
    first_words = frozenset(
        _WORD.findall(phrase.lower())[0]
        for key in ("word_values", "scales", "multipliers", "vague", "units", "unit_counts",
                    "ordinals", "again")
        for phrase in lex[key] if _WORD.search(phrase.lower())
    ) | {"a", "an", "half"}
    cue_words = frozenset(
        _WORD.findall(phrase.lower())[-1]
        for key in ("word_values", "scales", "multipliers", "vague", "units", "ordinals", "again")
        for phrase in lex[key] if _WORD.search(phrase.lower())
    )
    hb = _qualifiers(_table(data, "hedges_before"), "hedges_before")
    ha = _qualifiers(_table(data, "hedges_after"), "hedges_after")
    size_of = _alt(_words(data, "size_of", "phrases"))
    stop = _alt(_words(data, "rate_before", "stop_words"))
    unit_words = _alt(list(lex["units"]))
    us_verbs = _alt(_words(data, "unit_size_cues", "verbs"))
    us_adv = _alt(_words(data, "unit_size_cues", "adverbs"))
    us_subj = _alt(list(lex["units"]) + _words(data, "unit_size_cues", "subjects"))
    blocked = _alt(_words(data, "unit_not_followed_by"))
    rate_after, rate_before = _rate_patterns(data)
    needs = frozenset(w.lower() for w in _words(data, "unit_needs_context", "words"))
    flags = re.I
    return _Lexicon(
        word_values=lex["word_values"], scales=lex["scales"], multipliers=lex["multipliers"],
        abbreviations=lex["abbreviations"], vague=vague, units=lex["units"],
        unit_counts=lex["unit_counts"], unit_needs_context=needs,
        hedges_before=hb, hedges_after=ha,
        not_before_one=frozenset(w.lower() for w in _words(data, "hedges_not_before_one")),
        master=re.compile(master, flags), number_only=re.compile(number_only, flags),
        protected=_protected_regexes(data),
        hedge_before_re=re.compile(
            rf"(?<![\w])(?P<h>{_alt(list(hb))})\s+(?P<size>{size_of}\s+)?$", flags
        ),
        hedge_after_re=re.compile(
            rf"(?:\s*(?P<h>{_alt([h for h in ha if h[0] in '-+'], False)})"
            rf"|\s+(?P<w>{_alt([h for h in ha if h[0] not in '-+'])}))(?![\w])",
            flags,
        ),
        range_sep=re.compile(r"(?P<pct>\s*%)?(?:\s?[-–—]\s?|\s+(?P<w>to|or|and)\s+)", flags),
        between_re=re.compile(r"(?<![\w])between\s+$", flags),
        from_re=re.compile(r"(?<![\w])from\s+$", flags),
        percent_re=re.compile(r"\s*(?:%|percent\b|per\s+cent\b|pct\b)", flags),
        after_rules=_after_rules(data),
        before_rules=_before_rules(data),
        compound_re=re.compile(r"-(?!(?:strong|plus|odd|sized?)\b)[A-Za-z]+"),
        unit_of_re=re.compile(r"\s+of\b", flags),
        unit_blocked_re=re.compile(rf"\s+{blocked}\b", flags),
        unit_size_re=re.compile(
            rf"(?<![\w])(?:(?:an?|each|every|one|a\s+single)\s+(?:{us_adv}\s+)?{unit_words}"
            rf"|{unit_words})\s+(?:{us_adv}\s+)?{us_verbs}\s+"
            rf"|(?<![\w]){us_subj}\b[^.;!?]{{0,60}}?\b{us_adv}\s+{us_verbs}\s+",
            flags,
        ),
        year_cue_re=re.compile(
            rf"(?<![\w])(?:{_alt(_words(data, 'year_cues', 'words'))})[\s-]+$", flags
        ),
        rate_after=rate_after, rate_before=rate_before,
        rate_stop_re=re.compile(rf"[;.!?](?:\s|$)|\b{stop}\b", flags),
        cue_words=cue_words, first_words=first_words,
    )


# --------------------------------------------------------------------------- numbers


def _parse_words(tokens: list[str], lex: _Lexicon) -> tuple[float | None, int]:
    """Value of spelled-out number tokens and how many tokens form a valid number."""
    total = current = 0.0
    used = 0
    last = None  # "unit" | "tens" | "hundred" | "scale" | "a" | "and"
    seen = False
    for i, raw in enumerate(tokens):
        tok = raw.lower()
        if tok in ("a", "an") and i == 0:
            last = "a"
            continue
        if tok == "and":
            if last not in ("hundred", "scale"):
                break
            last = "and"
            continue
        if tok in lex.word_values:
            v = lex.word_values[tok]
            kind = "tens" if v >= 20 else "unit"
            if last in ("unit", "a") or (last == "tens" and kind == "tens"):
                break
            if last == "tens" and current % 10:
                break
            current += v
            last = kind
        elif tok in lex.multipliers:
            current = (current or 1) * lex.multipliers[tok]
            last = "scale"
        elif tok == "hundred":
            if last == "hundred" or (current >= 100):
                break
            current = (current or 1) * 100
            last = "hundred"
        elif tok in lex.scales:
            total += (current or 1) * lex.scales[tok]
            current = 0
            last = "scale"
        else:
            break
        seen = True
        used = i + 1
    if not seen:
        return None, 0
    return total + current, used


_TOKEN = re.compile(r"[A-Za-z]+")


def _digits_value(text: str, lex: _Lexicon) -> float | None:
    """Value of a digit expression with optional scale word or abbreviation."""
    m = re.match(r"([\d,. \u00a0\u202f\u2009]*\d)\s*([A-Za-z]*(?:\s+[A-Za-z]+)?)$", text)
    if not m:
        return None
    num, scale = m.group(1), m.group(2)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", num):
        num = num.replace(".", "")
    num = re.sub(r"[, \u00a0\u202f\u2009]", "", num)
    try:
        value = float(num)
    except ValueError:
        return None
    if not scale:
        return value
    if scale in lex.abbreviations:
        return value * lex.abbreviations[scale]
    for word in scale.lower().split():
        factor = lex.scales.get(word) or lex.multipliers.get(word)
        if factor is None:
            return None
        value *= factor
    return value


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words ("38,000", "1.5 million", "a dozen")."""
    lex = _lexicon()
    s = text.strip()
    m = lex.number_only.fullmatch(s)
    if m is None:
        return None
    if m.group("digits"):
        return _digits_value(s, lex)
    tokens = _TOKEN.findall(s)
    half = tokens[0].lower() == "half"
    value, used = _parse_words(tokens[1:] if half else tokens, lex)
    if value is None or used != len(tokens) - half:
        return None
    return value / 2 if half else value


# --------------------------------------------------------------------------- cores


def _word_expr(text: str, start: int, end: int, lex: _Lexicon) -> _Expr | None:
    """A spelled-out number, cut back to its longest valid prefix."""
    toks = list(_TOKEN.finditer(text[start:end]))
    half = toks[0].group().lower() == "half"
    value, used = _parse_words([t.group() for t in toks[half:]], lex)
    if value is None:
        return None
    if half:
        if used < len(toks) - 1:  # "half" only halves a whole phrase: "half a million"
            return None
        value /= 2
    end = start + toks[used + half - 1].end()
    return _Expr(start, end, start, end, "number", value, value, words=True)


def _core(m: re.Match[str], text: str, lex: _Lexicon) -> _Expr | None:
    s, e = m.span()
    if m.group("vague"):
        lo, hi = lex.vague[re.sub(r"\s+", " ", m.group("vague").lower())]
        return _Expr(s, e, s, e, "vague", lo, hi, qualifier="vague")
    if m.group("ord"):
        return _Expr(s, e, s, e, "ordinal", None, None, excluded="ordinal")
    if m.group("again"):
        return _Expr(s, e, s, e, "again", None, None)
    if m.group("unit"):
        return _unit_core(m, text, lex)
    if m.group("digits"):
        value = _digits_value(m.group("digits"), lex)
        if value is None:
            return None
        plain = re.fullmatch(r"\d+", m.group("digits")) is not None
        return _Expr(s, e, s, e, "number", value, value, plain=plain)
    return _word_expr(text, s, e, lex)


def _unit_core(m: re.Match[str], text: str, lex: _Lexicon) -> _Expr | None:
    s, e = m.span()
    word = m.group("uword").lower()
    if lex.unit_blocked_re.match(text, e):
        return None
    count_text = re.sub(r"\s+", " ", m.group("ucount").lower())
    if count_text in lex.unit_counts:
        c_lo, c_hi = lex.unit_counts[count_text]
    else:
        n = parse_number(count_text)
        if n is None:
            return None
        c_lo = c_hi = n
    lo, hi = lex.units[word]
    singular = word[:-3] + "y" if word.endswith("ies") else word.rstrip("s")
    expr = _Expr(s, e, s, e, "unit", lo * c_lo, hi * c_hi, qualifier="vague",
                 unit_word=singular)
    if word in lex.unit_needs_context and not lex.unit_of_re.match(text, e):
        expr.kind = "unit?"  # kept only if hedged
    return expr


def _scan(text: str, lex: _Lexicon, blocked: list[tuple[int, int]]) -> list[_Expr]:
    """All numeric cores outside protected spans, in order."""
    out: list[_Expr] = []
    pos = 0
    starts = _starts(text, lex)
    while True:
        m = _next_match(text, pos, starts, lex)
        if m is None:
            return out
        expr = _core(m, text, lex)
        if expr is None and m.group("unit"):
            n = lex.number_only.match(text, m.start())
            expr = _core(n, text, lex) if n else None
            pos = n.end() if n else m.start("uword")
        else:
            pos = max(m.end(), m.start() + 1) if expr is None else expr.end
        if expr is not None and not _overlaps(expr, blocked):
            out.append(expr)


def _starts(text: str, lex: _Lexicon) -> list[int]:
    """Offsets where ``master`` can match: word starts with a digit or a word that opens one
    of its alternatives (matching there only is much faster than searching everywhere)."""
    return [m.start() for m in _WORD_START.finditer(text)
            if m.group()[0].isdigit() or m.group().lower() in lex.first_words]


def _next_match(text: str, pos: int, starts: list[int], lex: _Lexicon) -> re.Match[str] | None:
    """The same match as ``lex.master.search(text, pos)``."""
    for i in starts[bisect.bisect_left(starts, pos):]:
        m = lex.master.match(text, i)
        if m is not None:
            return m
    return None


def _overlaps(expr: _Expr, blocked: list[tuple[int, int]]) -> bool:
    """Whether ``expr`` overlaps one of the sorted, disjoint ``blocked`` spans."""
    i = bisect.bisect_left(blocked, (expr.end, expr.end))
    return i > 0 and blocked[i - 1][1] > expr.start


# --------------------------------------------------------------------------- grammar


def _merge_ranges(exprs: list[_Expr], text: str, lex: _Lexicon) -> list[_Expr]:
    """Join "A to B", "A-B", "A or B", "between A and B", "from A to B" into one range."""
    out: list[_Expr] = []
    i = 0
    while i < len(exprs):
        a = exprs[i]
        b = exprs[i + 1] if i + 1 < len(exprs) else None
        merged = _try_range(a, b, text, lex) if b else None
        if merged:
            out.append(merged)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _try_range(a: _Expr, b: _Expr, text: str, lex: _Lexicon) -> _Expr | None:
    if a.kind != "number" or b.kind != "number":
        return None
    sep = lex.range_sep.match(text, a.end)
    if not sep or sep.end() != b.start:
        return None
    word = (sep.group("w") or "").lower()
    before = text[max(0, a.start - 12):a.start]
    between = lex.between_re.search(before)
    if word == "and" and not between:
        return None
    lo = a.low or 0.0
    hi = b.low or 0.0
    lo = _scale_like(a, b, text, lo, hi)
    if not lo < hi:
        return None
    start = a.start
    if between and word == "and":
        start = a.start - len(between.group())
    elif word == "to" and (f := lex.from_re.search(before)):
        start = a.start - len(f.group())
    expr = _Expr(start, b.end, a.start, b.end, "number", lo, hi, qualifier="range",
                 words=a.words or b.words, plain=a.plain and b.plain)
    if sep.group("pct"):
        expr.unit = "percent"
    return expr


def _scale_like(a: _Expr, b: _Expr, text: str, lo: float, hi: float) -> float:
    """ "10-12,000" and "three or four thousand": the first number borrows the second's scale."""
    a_text = text[a.num_start:a.num_end]
    b_text = text[b.num_start:b.num_end]
    if not re.fullmatch(r"\d+|[A-Za-z]+(?:-[A-Za-z]+)?", a_text):
        return lo
    m = re.fullmatch(r"(\d{1,3})((?:,000)+)", b_text)
    if m:
        lead, factor = float(m.group(1)), 1000.0 ** (len(m.group(2)) // 4)
    else:
        m = re.fullmatch(r"(.+?)\s+(hundred|thousand|million|billion)", b_text, re.I)
        if not m:
            return lo
        lead = parse_number(m.group(1)) or 0.0
        factor = hi / lead if lead else 1.0
    if lo < lead and lo * factor <= hi:
        return lo * factor
    return lo


def _apply_hedges(expr: _Expr, text: str, lex: _Lexicon) -> None:
    """Read the hedge before (and, failing that, after) an expression."""
    window = text[max(0, expr.start - _PRE_WINDOW):expr.start]
    m = lex.hedge_before_re.search(window)
    qualifier = None
    hedge = re.sub(r"\s+", " ", m.group("h").lower()) if m else ""
    is_one = text[expr.num_start:expr.num_end].lower() == "one"
    if m and is_one and hedge in lex.not_before_one:
        m = None
    if m and (not m.group("size") or expr.kind.startswith("unit")):
        qualifier = lex.hedges_before[hedge]
        expr.start -= len(m.group())
    else:
        a = lex.hedge_after_re.match(text, expr.end)
        if a and expr.kind == "number":
            h = (a.group("h") or a.group("w")).lower()
            qualifier = lex.hedges_after[re.sub(r"\s+", " ", h)]
            expr.end = a.end()
    if qualifier is None:
        if expr.kind == "unit?":
            expr.kind = "drop"
        return
    if expr.kind == "unit?":
        expr.kind = "unit"
    _hedge_value(expr, qualifier)


def _hedge_value(expr: _Expr, qualifier: str) -> None:
    if expr.qualifier == "range" or expr.kind in ("ordinal", "again"):
        return
    if expr.kind == "number":
        v = expr.low
        expr.low, expr.high = {
            "approx": (v, v), "more_than": (v, None), "at_least": (v, None), "up_to": (None, v),
        }[qualifier]
        expr.qualifier = qualifier
    elif qualifier == "up_to":
        expr.low, expr.qualifier = None, "up_to"
    elif qualifier in ("more_than", "at_least"):
        expr.high, expr.qualifier = None, qualifier


def _classify(expr: _Expr, text: str, lex: _Lexicon) -> None:
    """Set ``excluded`` (and extend the span) for numbers that are not claim quantities."""
    if expr.excluded or expr.kind not in ("number", "vague"):
        return
    p = lex.percent_re.match(text, expr.end)
    if p and expr.kind == "number":
        expr.unit, expr.end = "percent", p.end()
        return
    if expr.unit == "percent":
        return
    for reason, pat in lex.after_rules:
        m = pat.match(text, expr.end)
        if m and not (reason == "year" and not expr.plain):
            expr.excluded = reason
            expr.end = m.end()
            return
    before = text[max(0, expr.start - _PRE_WINDOW):expr.start]
    for reason, pat in lex.before_rules:
        m = pat.search(before)
        if not m:
            continue
        if reason == "one":
            if text[expr.num_start:expr.num_end].lower() == "one":
                expr.excluded = "other"
                return
            continue
        expr.excluded = reason
        if reason == "money":
            expr.start -= len(m.group())
        return
    if _is_year(expr, text, lex):
        expr.excluded = "year"
    elif lex.compound_re.match(text, expr.end):
        expr.excluded = "other"
    elif text[expr.num_start:expr.num_end].lower() == "one" and _one_idiom(text, expr.end):
        expr.excluded = "other"


def _one_idiom(text: str, end: int) -> bool:
    """'one of the deadliest', 'one another': 'one' that counts nothing."""
    return re.match(r"\s+(?:of\s+the\s+(?:most\s|\w+est\b)|another\b|by\s+one\b)", text[end:]) \
        is not None


def _is_year(expr: _Expr, text: str, lex: _Lexicon) -> bool:
    if not expr.plain:
        return False
    span = text[expr.num_start:expr.num_end]
    parts = re.findall(r"\d+", span)
    if not all(len(p) == 4 and 1900 <= int(p) <= 2100 for p in parts):
        return False
    if expr.qualifier in ("exact", "range"):
        return True
    before = text[max(0, expr.start - _PRE_WINDOW):expr.start]
    return lex.year_cue_re.search(before) is not None


def _unit_size(exprs: list[_Expr], text: str, lex: _Lexicon) -> None:
    """'a battalion typically consists of several hundred troops': both are background."""
    if not exprs:
        return
    for m in lex.unit_size_re.finditer(text):
        for e in exprs:
            if e.start < m.end() and m.start() < e.end:
                e.excluded = "unit_size"
            elif e.start == m.end():
                e.excluded = "unit_size"


def _rates(exprs: list[_Expr], text: str, lex: _Lexicon) -> None:
    """'1,500 a day', 'every day', 'daily losses ... 20 killed': per-day (week, month) figures."""
    live = [e for e in exprs if e.excluded is None and e.unit == "count"]
    if not live:
        return
    cues = [(m.end(), per) for per, pat in lex.rate_before for m in pat.finditer(text)]
    for i, e in enumerate(live):
        limit = min(e.end + _RATE_WINDOW, live[i + 1].start if i + 1 < len(live) else len(text))
        after = text[e.end:limit]
        after = re.split(r"[,;:()\n]|\.(?:\s|$)", after, maxsplit=1)[0]
        for per, pat in lex.rate_after:
            if pat.search(after):
                e.per = per
                break
        if e.per:
            continue
        for cue_end, per in cues:
            gap = text[cue_end:e.start]
            if cue_end <= e.start and not lex.rate_stop_re.search(gap):
                e.per = per


def _resolve_again(exprs: list[_Expr]) -> None:
    """'killed 10,000 ... and wounded as many again': the same figure as the one before."""
    prev: _Expr | None = None
    for e in exprs:
        if e.kind == "again":
            if prev is None:
                e.kind = "drop"
                continue
            e.low, e.high, e.qualifier = prev.low, prev.high, prev.qualifier
            e.unit, e.unit_word = prev.unit, prev.unit_word
            e.kind = "number"
        elif e.excluded is None and e.kind in ("number", "vague", "unit"):
            prev = e


def _protected(text: str, lex: _Lexicon) -> list[_Expr]:
    out: list[_Expr] = []
    taken: list[tuple[int, int]] = []
    for reason, pat in lex.protected:
        for m in pat.finditer(text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken):
                continue
            if reason == "phone" and len(re.findall(r"\d", m.group())) < 8:
                continue
            num = re.search(r"\d+", m.group())
            value = None
            if num:
                value = float(num.group())
            ns, ne = (s + num.start(), s + num.end()) if num else (s, e)
            out.append(_Expr(s, e, ns, ne, "number", value, value, excluded=reason))
            taken.append((s, e))
    return out


def _to_span(e: _Expr, text: str) -> QuantitySpan:
    q = Quantity(
        text=text[e.start:e.end], low=e.low, high=e.high, qualifier=e.qualifier, unit=e.unit,
        unit_word=e.unit_word, per=e.per if e.excluded is None else None,
    )
    return QuantitySpan(e.start, e.end, e.num_start, e.num_end, q, e.excluded)


def find_quantities(text: str) -> list[QuantitySpan]:
    """Every number-like expression of ``text``, sorted by start and non-overlapping."""
    lex = _lexicon()
    if not _DIGIT.search(text) and lex.cue_words.isdisjoint(_WORD.findall(text.lower())):
        return []  # no digit and no number word: nothing for the grammar (a cheap exact test)
    protected = _protected(text, lex)
    exprs = _scan(text, lex, sorted((p.start, p.end) for p in protected))
    exprs = _merge_ranges(exprs, text, lex)
    for e in exprs:
        _apply_hedges(e, text, lex)
        _classify(e, text, lex)
    exprs = [e for e in exprs if e.kind != "drop"]
    _unit_size(exprs, text, lex)
    _resolve_again(exprs)
    exprs = [e for e in exprs if e.kind != "drop"]
    _rates(exprs, text, lex)
    result: list[_Expr] = []
    for e in sorted(exprs + protected, key=lambda x: (x.start, -x.end)):
        if result and e.start < result[-1].end:
            continue
        result.append(e)
    return [_to_span(e, text) for e in result]


__all__ = ["EXCLUSION_REASONS", "QuantitySpan", "find_quantities", "parse_number"]
