"""Time resolution: when a claim was made and which days it covers (SPEC sections 4 and 6).

``resolve_time`` reads one evidence sentence and returns a :class:`TimeInfo`:

* the statement date, from a time cue attached to a reporting verb ("said on Jan. 1",
  "in his evening address on Jan. 4", "On Sunday, X wrote"), else the document's date
  (``None`` for a vague cue such as "last month", or a relative cue in an undated document);
* the period, from range, window, month, year and "since ..." cues, resolved against the
  statement date; "since the start of the incursion" goes through :func:`find_anchor_date`,
  which looks for the date the document gives for that event, then in ``key_dates.json``.

Common date formats are parsed with local regular expressions; ``dateparser`` is only used
on short "N days ago" spans.

What the caller should pass (the sentence alone cannot tell): ``event_date`` for a count tied
to the article's dated event ("41 people had been killed" in a report on Tuesday's strike);
``is_stock`` for strengths and holdings; ``section_date`` for a teaser; ``quantity_text`` when
the sentence holds several figures; ``context_date`` (the day the previous sentence is about)
and ``context_period`` (the previous claim's period) for "that day", "in the same interview",
"over the same period", "50 of them".
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from importlib.resources import files

from warclaims.clean.metadata import dateline_end
from warclaims.errors import DataError
from warclaims.model import Period

__all__ = ["KeyDate", "TimeInfo", "find_anchor_date", "key_dates", "parse_date", "resolve_time"]


@dataclass(frozen=True)
class TimeInfo:
    """The statement date (ISO) with its cue, and the period the claim covers."""

    statement_date: str | None
    statement_text: str | None
    period: Period


@dataclass(frozen=True)
class KeyDate:
    """A well-known event that periods are counted from (``data/key_dates.json``)."""

    id: str
    name: str
    date: str
    end: str | None
    aliases: tuple[str, ...]
    nouns: tuple[str, ...]
    context: tuple[str, ...]
    note: str


# --------------------------------------------------------------------------- data


def _iso_ok(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _key_date(raw: object, idx: int) -> KeyDate:
    if not isinstance(raw, dict):
        raise DataError(f"key_dates.json: anchor #{idx} is not an object")
    for name in ("id", "name", "date", "aliases", "note"):
        if name not in raw:
            raise DataError(f"key_dates.json: anchor #{idx} lacks '{name}'")
    if not _iso_ok(raw["date"]) or (raw.get("end") is not None and not _iso_ok(raw["end"])):
        raise DataError(f"key_dates.json: anchor {raw['id']!r} has a bad date or end")
    lists = {k: raw.get(k, []) for k in ("aliases", "nouns", "context")}
    for key, val in lists.items():
        if not isinstance(val, list) or not all(isinstance(x, str) and x for x in val):
            raise DataError(f"key_dates.json: anchor {raw['id']!r}: '{key}' must list strings")
    if not lists["aliases"]:
        raise DataError(f"key_dates.json: anchor {raw['id']!r} has no aliases")
    return KeyDate(
        id=raw["id"], name=raw["name"], date=raw["date"], end=raw.get("end"),
        aliases=tuple(a.lower() for a in lists["aliases"]), nouns=tuple(lists["nouns"]),
        context=tuple(lists["context"]), note=raw["note"],
    )


@cache
def key_dates() -> tuple[KeyDate, ...]:
    """The packaged anchors, loaded and checked once."""
    try:
        text = (files("warclaims") / "data" / "key_dates.json").read_text(encoding="utf-8")
        raw = json.loads(text)
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(f"key_dates.json cannot be read: {exc}") from exc
    anchors = raw.get("anchors") if isinstance(raw, dict) else None
    if not isinstance(anchors, list) or not anchors:
        raise DataError("key_dates.json: 'anchors' must be a non-empty list")
    return tuple(_key_date(a, i) for i, a in enumerate(anchors))


# --------------------------------------------------------------------------- date mentions

_MONTH_NUM = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MON = (r"(?:january|february|march|april|may|june|july|august|september|october|november|"
        r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![a-z])\.?")
_FULL_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|"
             r"November|December)")
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"

_I = re.IGNORECASE
_RX_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_RX_MDY = re.compile(rf"\b(?P<mon>{_MON})\s+(?P<d>{_DAYNUM})\b(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?", _I)
_RX_DMY = re.compile(rf"\b(?P<d>{_DAYNUM})\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?",
                     _I)
_RX_MY = re.compile(rf"\b(?P<mon>{_MON}),?\s+(?P<y>(?:19|20)\d\d)\b", _I)
_RX_BARE_MONTH = re.compile(
    rf"(?:\b(?P<prep>in|since|during|of|from|until|through|by|for)\s+(?:(?:early|late|mid)[- ])?)?"
    rf"\b(?P<mon>{_FULL_MON})\b")
_RX_YEAR = re.compile(r"\b(?P<prep>in|during|since|for|throughout|of)\s+(?P<y>(?:19|20)\d\d)\b(?!-)",
                      _I)
_RX_WEEKDAY = re.compile(
    rf"\b(?:(?P<lateearly>late|early)\s+)?(?:on\s+)?(?:(?P<mod>last|this|past|next)\s+)?"
    rf"(?P<wd>{_WD})(?P<part>{_PART})\b", _I)
_RX_RELDAY = re.compile(
    r"\b(?P<rel>the day before yesterday|yesterday|today|tonight|last night|this morning|"
    r"this afternoon|this evening|earlier today|early in the morning|in the early hours)\b", _I)
_RX_VAGUE = re.compile(
    r"\b(?:(?:earlier|later)\s+)?(?:this|last|past|previous)\s+(?:week|month|weekend)\b|"
    r"\b(?:earlier|later)\s+this\s+year\b|\blast\s+year\b|\brecently\b|\bin recent (?:days|weeks)\b|"
    r"\b(?:earlier|later) (?:in|this) the (?:week|month)\b", _I)
_RX_ANAPHOR = re.compile(
    r"\b(?P<a>that day|the same day|the following day|the next day|a day later|the day before|"
    r"(?:in|at) the same (?:briefing|statement|interview|report|update|address|speech|post)|"
    r"(?P<n>two|three|four|five|six|seven|\d+) days (?P<dir>later|earlier|before|after))\b", _I)

_NUM_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
              "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14,
              "thirty": 30, "a": 1, "an": 1}


@dataclass(frozen=True)
class _Mention:
    """A time expression in the sentence, before resolution."""

    start: int
    end: int
    text: str
    kind: str  # day | month | year | weekday | relday | vague | anaphor
    year: int | None = None
    month: int | None = None
    day: int | None = None
    mod: str | None = None  # weekday modifier (last/this/next) or relday word


def _month(token: str) -> int:
    return _MONTH_NUM[token.lower().rstrip(".")[:3]]


def _day(token: str) -> int:
    return int(re.sub(r"\D", "", token))


def new_document() -> None:
    """Forget what was remembered about the previous document's text."""
    for memo in (_scan, _sentences, _anchor):
        memo.cache_clear()


@lru_cache(maxsize=1024)
def _scan(sentence: str) -> tuple[_Mention, ...]:
    """All time expressions, longest first where they overlap. Remembered within a document
    (see new_document): the same text is scanned for each claim and for the anchors."""
    found: list[_Mention] = []
    for m in _RX_ISO.finditer(sentence):
        found.append(_Mention(m.start(), m.end(), m.group(), "day", int(m["y"]), int(m["m"]),
                              int(m["d"])))
    for rx in (_RX_MDY, _RX_DMY):
        for m in rx.finditer(sentence):
            if m["mon"].lower().startswith(("may", "mar")) and not m["mon"][0].isupper():
                continue
            year = int(m["y"]) if m["y"] else None
            found.append(_Mention(m.start(), m.end(), m.group(), "day", year, _month(m["mon"]),
                                  _day(m["d"])))
    for m in _RX_MY.finditer(sentence):
        found.append(_Mention(m.start(), m.end(), m.group(), "month", int(m["y"]),
                              _month(m["mon"])))
    for m in _RX_BARE_MONTH.finditer(sentence):
        if m["mon"] in ("May", "March") and not m["prep"]:
            continue
        s = m.start("mon") if not m["prep"] else m.start()
        found.append(_Mention(s, m.end(), sentence[s:m.end()], "month", None, _month(m["mon"])))
    for m in _RX_YEAR.finditer(sentence):
        found.append(_Mention(m.start("y"), m.end(), m["y"], "year", int(m["y"])))
    for m in _RX_WEEKDAY.finditer(sentence):
        mod = (m["mod"] or "").lower() or None
        found.append(_Mention(m.start(), m.end(), m.group(), "weekday",
                              day=_WEEKDAYS.index(m["wd"].lower()), mod=mod))
    for m in _RX_RELDAY.finditer(sentence):
        found.append(_Mention(m.start(), m.end(), m.group(), "relday", mod=m["rel"].lower()))
    for m in _RX_VAGUE.finditer(sentence):
        found.append(_Mention(m.start(), m.end(), m.group(), "vague"))
    for m in _RX_ANAPHOR.finditer(sentence):
        found.append(_Mention(m.start(), m.end(), m.group(), "anaphor", mod=m["a"].lower()))
    return _drop_overlaps(found)


def _drop_overlaps(found: list[_Mention]) -> tuple[_Mention, ...]:
    found.sort(key=lambda x: (-(x.end - x.start), x.start))
    kept: list[_Mention] = []
    for m in found:
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return tuple(sorted(kept, key=lambda x: x.start))


def _to_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _past_year(month: int, day: int, base: date) -> date | None:
    """The most recent (month, day) on or before ``base``."""
    d = _safe_date(base.year, month, day)
    if d is None or d > base:
        d = _safe_date(base.year - 1, month, day)
    return d


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _weekday_on_or_before(base: date, weekday: int, strict: bool = False) -> date:
    back = (base.weekday() - weekday) % 7
    if strict and back == 0:
        back = 7
    return base - timedelta(days=back)


def _resolve(m: _Mention, base: date | None) -> tuple[date, date] | None:
    """First and last day a mention denotes, relative to ``base`` (None if it cannot)."""
    if m.kind == "day" and m.month and m.day:
        if m.year:
            d = _safe_date(m.year, m.month, m.day)
        else:
            d = _past_year(m.month, m.day, base) if base else None
        return (d, d) if d else None
    if m.kind == "month" and m.month:
        if m.year:
            return _month_span(m.year, m.month)
        if base is None:
            return None
        year = base.year if m.month <= base.month else base.year - 1
        first, last = _month_span(year, m.month)
        return first, min(last, base)
    if m.kind == "year" and m.year:
        first, last = date(m.year, 1, 1), date(m.year, 12, 31)
        if base and base.year == m.year:
            last = base
        return first, last
    if base is None:
        return None
    if m.kind == "weekday" and m.day is not None:
        if m.mod == "next":
            return None
        d = _weekday_on_or_before(base, m.day, strict=m.mod in ("last", "past"))
        return d, d
    if m.kind == "relday":
        back = {"yesterday": 1, "last night": 1, "the day before yesterday": 2}.get(m.mod or "", 0)
        d = base - timedelta(days=back)
        return d, d
    return None


# --------------------------------------------------------------------------- statement date

_RX_REPORT = re.compile(
    r"\b(?:said|says|say|told|tells|reported|reports|announced|announces|stated|states|claimed|"
    r"claims|wrote|writes|added|estimated|estimates|confirmed|confirms|published|broadcast|"
    r"posted|tweeted|declared|noted|insisted|warned|briefed|speaking|stood at|put|gave|given|"
    r"address|statement|interview|speech|post|report|update|briefing|hearing|meeting|"
    r"message|video|estimate|count|figure|tally)\b", _I)
_RX_NUMERIC = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|sixty|hundred|hundreds|thousand|thousands|dozen|dozens|million|"
    r"squad|platoon|company|battalion|regiment|brigade|division)\b", _I)
_RX_PERIOD_PREP = re.compile(
    r"\b(?:since|between|from|until|till|through|by|as of|during|before|after|to|and|"
    r"began|begun|started|launched|flared|broke out|erupted)\s+(?:(?:on|in|at)\s+)?(?:the\s+)?$",
    _I)
_RX_BLOCK = re.compile(r"\bthat\b|[\"“”;:]", _I)
_RX_SUPERLATIVE = re.compile(
    r"\b(?:\w+est|most|first|worst|biggest|largest|highest|deadliest|record|ever)\b", _I)


def _is_period_bound(sentence: str, m: _Mention) -> bool:
    """A mention that starts, bounds or ranges a period ("since Jan. 1", "between X and Y")."""
    before = sentence[max(0, m.start - 30):m.start]
    if m.text.lower().startswith(("since", "from", "until", "by")):
        return True
    return bool(_RX_PERIOD_PREP.search(before))


def _trailing_attribution(sentence: str, verb_end: int) -> bool:
    """True when nothing numeric follows the reporting verb: the claim came before it."""
    rest = sentence[verb_end:]
    if rest.lstrip().startswith(","):
        return True
    rest_wo_dates = rest
    for m in _scan(rest):
        rest_wo_dates = rest_wo_dates.replace(m.text, " ")
    return not _RX_NUMERIC.search(rest_wo_dates)


def _post_verb_cue(sentence: str, m: _Mention) -> bool:
    """'said on Monday', 'told reporters on Jan. 4', 'in a post on X early on Wednesday'."""
    for v in _RX_REPORT.finditer(sentence[:m.start]):
        between = sentence[v.end():m.start]
        if len(between) > 70 or _RX_BLOCK.search(between) or re.search(r"\d", between):
            continue
        if re.search(r"\b(?:when|since|after|before|while|as)\b", between, _I):
            continue
        return True
    return False


def _pre_verb_cue(sentence: str, m: _Mention) -> bool:
    """'On July 22 the ministry said ...', 'Yesterday afternoon, the minister said ...'."""
    head = sentence[:m.start]
    head_wo_dates = head
    for other in _scan(head):
        head_wo_dates = head_wo_dates.replace(other.text, " ")
    if _RX_NUMERIC.search(head_wo_dates) and not re.search(r":\s*$|:\s*\w+\s*$", head):
        return False
    for v in _RX_REPORT.finditer(sentence, m.end):
        between = sentence[m.end:v.start()]
        if len(between) > 90 or _RX_BLOCK.search(between) or re.search(r"\d", between):
            return False
        if not _trailing_attribution(sentence, v.end()):
            return True
    return False


def _leading_event_cue(sentence: str, m: _Mention) -> bool:
    """'On Dec. 31, X sank three boats, Central Command said.': same-day report."""
    if m.kind != "day" or sentence[:m.start].strip(" ,").lower() not in ("on", "late on", ""):
        return False
    last = list(_RX_REPORT.finditer(sentence))
    if not last or last[-1].start() < m.end:
        return False
    v = last[-1]
    tail = sentence[v.end():]
    return not _RX_NUMERIC.search(tail) and re.search(r",\s*[^,]{2,80}$", sentence[:v.end()]) is not None


_RX_TRAILING_DATE = re.compile(r"\((?P<d>[^()]{3,30})\)\s*\.?\s*$")


def _teaser_date(sentence: str, base: date | None) -> tuple[date, str] | None:
    """A teaser's own date printed at its end: '... (Nov. 26)', '(7 October 2024)'."""
    m = _RX_TRAILING_DATE.search(sentence)
    if not m:
        return None
    for mention in _scan(m["d"]):
        if mention.kind == "day":
            span = _resolve(mention, base)
            if span:
                return span[0], m.group().strip()
    return None


def _anaphor_date(m: _Mention, context: date | None) -> date | None:
    if context is None or not m.mod:
        return None
    word = m.mod
    if word in ("that day", "the same day") or word.startswith(("in the same", "at the same")):
        return context
    if word in ("the following day", "the next day", "a day later"):
        return context + timedelta(days=1)
    if word == "the day before":
        return context - timedelta(days=1)
    n_match = re.match(r"(\w+) days (\w+)", word)
    if n_match:
        n = int(n_match[1]) if n_match[1].isdigit() else _NUM_WORDS.get(n_match[1], 0)
        sign = 1 if n_match[2] in ("later", "after") else -1
        return context + timedelta(days=sign * n)
    return None


@dataclass(frozen=True)
class _Statement:
    when: date | None
    text: str | None
    mention: _Mention | None
    known: bool  # False when the cue was vague or unresolvable
    cues: tuple[_Mention, ...] = ()


def _statement(sentence: str, mentions: Sequence[_Mention], base: date | None,
               context: date | None) -> _Statement:
    cues: list[_Mention] = []
    for m in mentions:
        if m.kind in ("year",):
            continue
        if _is_period_bound(sentence, m) and not _since_when(sentence, m):
            continue
        if _post_verb_cue(sentence, m) or _pre_verb_cue(sentence, m) or _since_when(sentence, m):
            cues.append(m)
    specific = [m for m in cues if m.kind not in ("vague", "month")]
    for m in specific:
        if m.kind == "anaphor":
            when = _anaphor_date(m, context)
        else:
            span = _resolve(m, base)
            when = span[0] if span else None
        return _Statement(when, m.text, m, when is not None, tuple(cues))
    if cues:
        return _Statement(None, cues[0].text, cues[0], False, tuple(cues))
    for m in mentions:
        if _leading_event_cue(sentence, m):
            span = _resolve(m, base)
            if span:
                return _Statement(span[0], m.text, m, True)
    return _Statement(base, None, None, base is not None)


def _since_when(sentence: str, m: _Mention) -> bool:
    """'since Sept. 21, 2022, when X said 5,937 ...': the date is the statement's."""
    before = sentence[max(0, m.start - 12):m.start].lower()
    after = sentence[m.end:m.end + 90]
    return "since" in before and bool(re.match(r",?\s+when\b", after)) and bool(
        _RX_REPORT.search(after))


# --------------------------------------------------------------------------- periods


@dataclass(frozen=True)
class _Cue:
    """A period cue: its span in the sentence and the days it resolves to."""

    start: int
    end: int
    text: str
    first: date | None
    last: date | None
    kind: str  # range | since | window | month | year | event | end | anchor


_RX_RANGE = re.compile(
    rf"\b(?:between|from)\s+(?P<a>.{{1,24}}?)\s+(?:and|to|until|till|through)\s+(?P<b>"
    rf"(?:{_MON}\s+{_DAYNUM}(?:,?\s+\d{{4}})?|{_DAYNUM}(?:\s+(?:of\s+)?{_MON}(?:,?\s+\d{{4}})?)?))",
    _I)
_RX_SINCE = re.compile(r"\bsince\b(?P<body>[^,;:.]*(?:[.,](?=\s*\d)[^,;:.]*)*)", _I)
_RX_WINDOW = re.compile(
    r"\b(?P<w>overnight|over the (?:past|last|previous) (?:day|24 hours)|"
    r"(?:in|during|over|for) the (?:past|last|previous) (?:24 hours|day)|"
    r"yesterday and today|"
    r"(?:(?:in|over|during|for) (?:the )?(?:past|last|previous)|within(?: the (?:past|last))?)\s+"
    r"(?P<n>\d+|[a-z]+)\s+(?P<unit>days|weeks|months)|"
    r"(?:(?:in|over|during|for) (?:the )?(?:past|last|previous)|(?:the )?(?:past|previous)|"
    r"(?:during|over|across|throughout) the) "
    r"(?P<u1>week|seven days|month|"
    r"fortnight|two weeks)|"
    r"(?<!earlier )(?<!later )(?:this week|this month|this year)|last year|last month|last week|"
    r"before this week)\b", _I)
_RX_FIRST_OF = re.compile(
    r"\b(?:in|during|over)\s+(?:the\s+)?(?:(?P<poss>[\w-]+(?:'s|’s))\s+)?first\s+"
    r"(?:(?P<n>\w+)\s+)?(?P<unit>days?|weeks?|months?|hours?)(?P<of>\s+of\s+(?:the\s+)?"
    r"(?P<noun>[\w-]+(?:\s+[\w-]+)?))?", _I)
_RX_YEARS_OF = re.compile(
    r"\b(?:in|over|during|after)\s+(?:the\s+)?(?:(?:almost|nearly|more than|over|about)\s+)?"
    r"(?P<n>\w+)\s+years\s+of\s+(?:the\s+)?(?P<noun>war|fighting|conflict|invasion)\b", _I)
_RX_BEGAN_ON = re.compile(
    r"\b(?:began|begun|started|launched|flared|erupted|broke out)\s+(?:on\s+)?$", _I)
_RX_END_BY = re.compile(r"\b(?:by|as of|up to|until|through)\s+(?:the\s+end\s+of\s+)?$", _I)
_RX_ANCHOR_NOUN = re.compile(
    r"\b(?:war|invasion|incursion|offensive|operation|campaign|conflict|fighting|attack|"
    r"assault|hostilities|siege|battle|aggression|annexation|coup|mobili[sz]ation|"
    r"cross-border fire)\b", _I)


def _num(token: str | None) -> int | None:
    if not token:
        return None
    if token.isdigit():
        return int(token)
    return _NUM_WORDS.get(token.lower())


def _window(m: re.Match[str], base: date | None) -> tuple[date | None, date | None]:
    """Resolve an 'overnight' / 'past week' / 'in the past N days' window to days."""
    if base is None:
        return None, None
    w = m["w"].lower()
    if m["unit"]:
        n = _num(m["n"])
        if n is None:
            return None, None
        days = n * {"days": 1, "weeks": 7, "months": 30}[m["unit"].lower()]
        return base - timedelta(days=days), base
    if "week" in w and "this" in w and "before" not in w:
        return base - timedelta(days=base.weekday()), base
    if w == "before this week":
        return None, base - timedelta(days=base.weekday() + 1)
    if w == "last week":  # the previous calendar week, Monday to Sunday
        monday = base - timedelta(days=base.weekday() + 7)
        return monday, monday + timedelta(days=6)
    if m["u1"] and m["u1"].lower() in ("week", "seven days"):
        return base - timedelta(days=7), base
    if m["u1"] and m["u1"].lower() in ("fortnight", "two weeks"):
        return base - timedelta(days=14), base
    if w == "this month":
        return base.replace(day=1), base
    if w in ("last month",) or (m["u1"] and m["u1"].lower() == "month"):
        prev = base.replace(day=1) - timedelta(days=1)
        return _month_span(prev.year, prev.month) if w == "last month" else (
            base - timedelta(days=30), base)
    if w == "this year":
        return date(base.year, 1, 1), base
    if w == "last year":
        return date(base.year - 1, 1, 1), date(base.year - 1, 12, 31)
    return base - timedelta(days=1), base


def _range_cues(sentence: str, base: date | None) -> list[_Cue]:
    cues: list[_Cue] = []
    for m in _RX_RANGE.finditer(sentence):
        a_m = _scan(m["a"])
        b_m = _scan(m["b"])
        b_day = b_m[0] if b_m and b_m[0].kind == "day" else None
        a_txt = m["a"].strip()
        if b_day is None and re.fullmatch(_DAYNUM, m["b"].strip(), _I):
            a_day = a_m[0] if a_m and a_m[0].kind == "day" else None
            if a_day is None:
                continue
            b_day = _Mention(0, 0, m["b"], "day", a_day.year, a_day.month, _day(m["b"]))
        if b_day is None:
            continue
        if a_m and a_m[0].kind == "day":
            a_day = a_m[0]
        elif re.fullmatch(_DAYNUM, a_txt, _I):
            a_day = _Mention(0, 0, a_txt, "day", b_day.year, b_day.month, _day(a_txt))
        else:
            continue
        b_span = _resolve(b_day, base)
        if b_span is None:
            cues.append(_Cue(m.start(), m.end(), m.group(), None, None, "range"))
            continue
        if a_day.year is None:
            a_day = _Mention(0, 0, a_day.text, "day", None, a_day.month, a_day.day)
        a_span = _resolve(a_day, b_span[1])
        cues.append(_Cue(m.start(), m.end(), m.group(), a_span[0] if a_span else None,
                         b_span[1], "range"))
    return cues


def _since_cues(sentence: str, ref: date | None, doc_text: str,
                doc_date: date | None) -> list[_Cue]:
    cues: list[_Cue] = []
    for m in _RX_SINCE.finditer(sentence):
        pre = sentence[max(0, m.start() - 60):m.start()]
        if _RX_SUPERLATIVE.search(pre) and re.search(r"\b(?:first|\w+est|most|record)\b\W+"
                                                     r"(?:\S+\s+){0,6}$", pre, _I):
            continue
        body = m["body"]
        if re.match(r"\s+(?:then|the end of|its end)\b", body, _I):
            continue
        text = m.group().strip()
        scanned = _scan(body)
        mentions = [x for x in scanned if x.kind in ("day", "month", "year", "weekday", "relday")]
        first: date | None = None
        if _since_is_vague(body, scanned):  # "since early October", "since ... this month"
            cues.append(_Cue(m.start(), m.end(), text, None, None, "since"))
            continue
        if mentions and not _since_is_statement(sentence, m):
            # a named day wins over "in the early hours" of it
            mm = next((x for x in mentions if x.kind in ("day", "weekday")), mentions[0])
            span = _resolve(mm, ref or doc_date)
            if mm.kind == "month" and mm.year:
                first = _snap_to_anchor(mm, doc_text) or (span[0] if span else None)
            elif mm.kind == "day" or mm.kind in ("weekday", "relday"):
                first = span[0] if span else None
            elif span:
                first = span[0]
        elif _since_is_statement(sentence, m):
            continue
        else:
            first = _anchor(text, doc_text, doc_date, ref)
            if first is None and not _RX_ANCHOR_NOUN.search(body):
                continue
        cues.append(_Cue(m.start(), m.end(), text, first, None, "since"))
    return cues


def _since_is_vague(body: str, scanned: Sequence[_Mention]) -> bool:
    if any(x.kind == "vague" for x in scanned) and not any(
            x.kind in ("day", "weekday", "relday") for x in scanned):
        return True  # "since early October"; not "since ... the early hours of Tuesday"
    return bool(re.match(r"\s*(?:the\s+)?(?:early|mid|late|end of|middle of)[- ]", body, _I))


def _since_is_statement(sentence: str, m: re.Match[str]) -> bool:
    after = sentence[m.end():m.end() + 90]
    return bool(re.match(r",?\s+when\b", after)) and bool(_RX_REPORT.search(after))


def _snap_to_anchor(mention: _Mention, doc_text: str) -> date | None:
    """'since February 2022' -> the well-known anchor in that month, if the document's war."""
    best: tuple[int, KeyDate] | None = None
    for kd in key_dates():
        d = date.fromisoformat(kd.date)
        if (d.year, d.month) != (mention.year, mention.month):
            continue
        score = _context_score(kd, doc_text)
        if best is None or score > best[0]:
            best = (score, kd)
    return date.fromisoformat(best[1].date) if best else None


def _first_of_cues(sentence: str, ref: date | None, doc_text: str,
                   doc_date: date | None) -> list[_Cue]:
    """'in the first week of fighting', "in the operation's first days"."""
    cues: list[_Cue] = []
    for m in _RX_FIRST_OF.finditer(sentence):
        phrase = " ".join(x for x in (m["poss"], m["noun"]) if x)
        if not phrase or not _RX_ANCHOR_NOUN.search(phrase):
            continue
        first = _anchor(phrase, doc_text, doc_date, ref)
        last = ref
        n = _num(m["n"]) if m["n"] else None
        if first and n and ref:
            unit = m["unit"].lower().rstrip("s")
            span_days = {"day": 1, "week": 7, "month": 31, "hour": 1}[unit] * n
            last = min(ref, first + timedelta(days=span_days))
            last = ref if last == ref else None
        cues.append(_Cue(m.start(), m.end(), m.group(), first, last, "anchor"))
    return cues


def _years_of_cues(sentence: str, ref: date | None, doc_text: str,
                   doc_date: date | None) -> list[_Cue]:
    """'over almost three years of war', 'in the two years of war'."""
    cues: list[_Cue] = []
    for m in _RX_YEARS_OF.finditer(sentence):
        if _num(m["n"]) is None:
            continue
        first = _anchor(m["noun"], doc_text, doc_date, ref)
        last = ref
        kd = _key_for(first, doc_text) if first else None
        if kd and kd.end and ref and date.fromisoformat(kd.end) <= ref:
            last = date.fromisoformat(kd.end)
        cues.append(_Cue(m.start(), m.end(), m.group(), first, last, "anchor"))
    return cues


def _key_for(day: date, doc_text: str) -> KeyDate | None:
    """The key event dated within a few days of ``day`` that the document is about."""
    near = [kd for kd in key_dates()
            if abs((date.fromisoformat(kd.date) - day).days) <= 3 and _context_score(kd, doc_text)]
    return near[0] if near else None


def _window_cues(sentence: str, base: date | None) -> list[_Cue]:
    cues: list[_Cue] = []
    for m in _RX_WINDOW.finditer(sentence):
        first, last = _window(m, base)
        kind = "before" if first is None and last is not None else "window"
        cues.append(_Cue(m.start(), m.end(), m.group().strip(), first, last, kind))
    for m in re.finditer(r"\b(?P<n>\w+) (?P<u>days|weeks) ago\b", sentence, _I):
        d = _dateparser_span(m.group(), base)
        if d:
            cues.append(_Cue(m.start(), m.end(), m.group(), d, d, "event"))
    return cues


def _dateparser_span(span: str, base: date | None) -> date | None:
    """Parse one short relative span ('three days ago') with dateparser."""
    if base is None:
        return None
    import dateparser  # slow to import; only for rare spans

    settings = {"PREFER_DATES_FROM": "past",
                "RELATIVE_BASE": datetime(base.year, base.month, base.day)}
    parsed = dateparser.parse(span, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _mention_cues(sentence: str, mentions: Sequence[_Mention], taken: list[tuple[int, int]],
                  base: date | None, doc_date: date | None) -> list[_Cue]:
    """Months, years, 'by DATE' ends, 'began on DATE' starts and single event days."""
    cues: list[_Cue] = []
    for m in mentions:
        if any(m.start < e and m.end > s for s, e in taken):
            continue
        before = sentence[max(0, m.start - 40):m.start]
        span = _resolve(m, base if m.kind != "day" or m.year else (base or doc_date))
        if m.kind in ("vague", "anaphor") or span is None:
            continue
        if _RX_END_BY.search(before) or m.text.lower().startswith("by "):
            cues.append(_Cue(m.start, m.end, m.text, None, span[1], "end"))
        elif _RX_BEGAN_ON.search(before):
            cues.append(_Cue(m.start, m.end, m.text, span[0], None, "began"))
        elif m.kind == "month":
            cues.append(_Cue(m.start, m.end, m.text, span[0], span[1], "month"))
        elif m.kind == "year":
            cues.append(_Cue(m.start, m.end, m.text, span[0], span[1], "year"))
        else:
            cues.append(_Cue(m.start, m.end, m.text, span[0], span[1], "event"))
    return cues


def _anaphor_event_day(stmt: _Statement) -> date | None:
    """The day of the event the sentence before told of, when the statement refers to it."""
    if not stmt.known or stmt.when is None or stmt.mention is None:
        return None
    if stmt.mention.kind != "anaphor":
        return None
    word = (stmt.mention.mod or "").lower()
    if word in ("that day", "the same day"):
        return stmt.when
    if word in ("the following day", "the next day", "a day later"):
        return stmt.when - timedelta(days=1)
    return None


def _nearest(cues: list[_Cue], focus: tuple[int, int] | None) -> _Cue:
    if focus is None:
        order = {"range": 0, "since": 1, "anchor": 1, "window": 2, "month": 2, "year": 3,
                 "event": 4, "end": 5, "began": 6}
        return min(cues, key=lambda c: (order.get(c.kind, 9), c.start))

    def dist(c: _Cue) -> tuple[int, int]:
        if c.start >= focus[1]:
            return c.start - focus[1], 0
        if c.end <= focus[0]:
            return focus[0] - c.end, 1
        return 0, 0

    return min(cues, key=dist)


# ", which has been held by rebels since 2015", ", which entered service in 2022": about a noun
_RX_RELATIVE = re.compile(r",\s*(?:which|who|whose)\b[^,;]*", _I)


def _outside_relative_clauses(cues: list[_Cue], sentence: str,
                              focus: tuple[int, int] | None) -> list[_Cue]:
    """Time cues of a relative clause describe its noun, not the count (unless it holds it)."""
    spans = [(m.start(), m.end()) for m in _RX_RELATIVE.finditer(sentence)]
    if not spans:
        return cues
    return [c for c in cues if not any(
        a <= c.start < b and not (focus and a <= focus[0] < b) for a, b in spans)]


def _focus(sentence: str, quantity_text: str | None) -> tuple[int, int] | None:
    if not quantity_text:
        return None
    i = sentence.find(quantity_text)
    if i < 0:
        i = sentence.lower().find(quantity_text.lower())
    return (i, i + len(quantity_text)) if i >= 0 else None


# --------------------------------------------------------------------------- anchors

_RX_PRESENT_STOCK = re.compile(r"\b(?:still|currently|now|remain|remains)\b", _I)
_RX_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")
_RX_ABBREV_END = re.compile(rf"\b(?:{_MON}|[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|U\.S)\.$", _I)
_RX_BEGIN = re.compile(
    r"\b(?:began|begun|begin|begins|beginning|start|started|starts|launched|launch|flared|"
    r"erupted|broke out|outbreak|crossed into|crossed the border|invaded|entered)\b", _I)
_STOP = {"the", "of", "its", "their", "a", "an", "in", "into", "on", "since", "start",
         "beginning", "began", "begun", "started", "launched", "outbreak", "russia", "russia's",
         "ukraine", "ukraine's", "s", "what", "calls", "moscow", "and", "to", "by", "it", "this",
         "first", "surprise", "last", "when", "that", "with", "his", "her"}


@lru_cache(maxsize=4)
def _sentences(doc_text: str) -> tuple[str, ...]:
    parts = _RX_SENT_SPLIT.split(doc_text)
    out: list[str] = []
    for p in parts:
        if out and _RX_ABBREV_END.search(out[-1]):
            out[-1] = out[-1] + " " + p
        else:
            out.append(p)
    return tuple(s.strip() for s in out if s.strip())


def _words(text: str) -> set[str]:
    text = text.lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    return set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text))


def _qualifiers(phrase: str) -> set[str]:
    """Capitalised names in the phrase (Kursk, Oblast), without the belligerents' names."""
    caps = re.findall(r"\b[A-Z][\w-]+", phrase.replace("’", "'"))
    return {c.lower().removesuffix("'s") for c in caps} - _STOP - {"since", "the"}


def _doc_anchor(phrase: str, doc_text: str, base: date | None,
                ceiling: date | None) -> date | None:
    """The day the document itself gives for the event the phrase names."""
    nouns = {n.lower() for n in _RX_ANCHOR_NOUN.findall(phrase)}
    if not nouns or not doc_text:
        return None
    quals = _qualifiers(phrase)
    group = nouns | ({"incursion", "operation", "offensive", "attack", "assault", "fighting",
                      "crossed", "invasion", "war"} if quals else set())
    if nouns & {"war", "fighting", "conflict"}:
        group |= {"war", "fighting", "conflict"}
    sentences = _sentences(doc_text)
    for nouns_now in (nouns, group - nouns):
        found = _doc_anchor_in(sentences, nouns_now, quals, base, ceiling)
        if found:
            return found
    return None


def _doc_anchor_in(sentences: Sequence[str], group: set[str], quals: set[str], base: date | None,
                   ceiling: date | None) -> date | None:
    for sent in sentences:
        low = sent.lower()
        if not any(re.search(rf"\b{re.escape(n)}\b", low) for n in group):
            continue
        if quals and len(quals & _words(sent)) * 2 < len(quals):
            continue
        verb = _RX_BEGIN.search(sent)
        if not verb:
            continue
        for m in _scan(sent[verb.start():]):
            if m.kind != "day":
                continue
            span = _resolve(m, base)
            if span and (ceiling is None or span[0] <= ceiling):
                return span[0]
            break
    return None


def _context_score(kd: KeyDate, doc_text: str) -> int:
    return sum(len(re.findall(rf"\b{re.escape(w)}\b", doc_text)) for w in kd.context)


def _key_anchor(phrase: str, doc_text: str, ceiling: date | None) -> date | None:
    """An anchor from key_dates.json: by alias, else by generic noun and the document's war."""
    words = _words(phrase)
    usable = [kd for kd in key_dates()
              if ceiling is None or date.fromisoformat(kd.date) <= ceiling]
    for kd in usable:
        if any(_words(alias) <= words for alias in kd.aliases):
            return date.fromisoformat(kd.date)
    nouns = {n.lower() for n in _RX_ANCHOR_NOUN.findall(phrase)}
    ranked = sorted(
        ((_context_score(kd, doc_text), kd.date, kd) for kd in usable
         if nouns & {n.lower() for n in kd.nouns}),
        key=lambda t: (t[0] >= 2, t[0], t[1]), reverse=True)
    if ranked and ranked[0][0] >= 2:
        return date.fromisoformat(ranked[0][2].date)
    return None


@lru_cache(maxsize=256)
def _anchor(phrase: str, doc_text: str, doc_date: date | None, ceiling: date | None) -> date | None:
    ceiling = ceiling or doc_date
    base = doc_date or ceiling
    for m in _scan(phrase):
        if m.kind == "day":
            span = _resolve(m, ceiling)
            if span:
                return span[0]
        if m.kind == "month" and m.year:
            snapped = _snap_to_anchor(m, doc_text)
            return snapped or date(m.year, m.month, 1)
    return _doc_anchor(phrase, doc_text, base, ceiling) or _key_anchor(phrase, doc_text, ceiling)


def find_anchor_date(phrase: str, doc_text: str, doc_date: str | None) -> str | None:
    """The first day of the event a 'since the start of X' phrase names.

    A date in the phrase itself wins; then a date the document gives for that event
    ("Ukraine first began its surprise incursion into Kursk Oblast on Aug. 6.", year from
    ``doc_date``, preferring the past); then ``key_dates.json`` (by alias, or by a generic
    noun such as "the war" and the document's theatre).
    """
    return _iso(_anchor(phrase, doc_text, _to_date(doc_date), None))


# --------------------------------------------------------------------------- entry point


def parse_date(text: str, ref_date: str | None = None) -> str | None:
    """The first calendar day written in ``text`` ("Jan. 23, 2024", "25 Aug 2024", "Nov. 26").

    A day without a year takes the most recent such day on or before ``ref_date``.
    For teaser date lines and other short spans.
    """
    base = _to_date(ref_date)
    for m in _scan(text):
        if m.kind == "day":
            span = _resolve(m, base)
            if span:
                return _iso(span[0])
    return None


def resolve_time(sentence: str, doc_date: str | None, *, doc_text: str = "",
                 is_stock: bool = False, event_date: str | None = None,
                 section_date: str | None = None, quantity_text: str | None = None,
                 context_date: str | None = None,
                 context_period: Period | None = None) -> TimeInfo:
    """Statement date and period of a claim stated in ``sentence`` (SPEC section 6 "Dates").

    Hints: ``section_date`` (a teaser's own date) replaces ``doc_date`` as the reference day;
    ``event_date`` ties the count to one dated event (start = end = that day); ``is_stock``
    marks a strength or holding (start None); ``quantity_text`` picks, among several period
    cues, the one nearest the number; ``context_date`` resolves "that day" / "the following
    day" / "in the same interview" against the date of the sentence before; ``context_period``
    (the period of the claim before) is taken over when the sentence refers back to it
    ("over the same period", "50 of them", "59 of the missiles").
    """
    ref = _to_date(section_date) or _to_date(doc_date)
    cut = dateline_end(sentence)  # a wire dateline is the dispatch's day, not the count's
    sentence = " " * cut + sentence[cut:]  # offsets kept
    teaser = _teaser_date(sentence, ref)
    body = sentence
    if teaser:
        ref = teaser[0]
        body = sentence[: _RX_TRAILING_DATE.search(sentence).start()]  # type: ignore[union-attr]
    mentions = _scan(body)
    stmt = _statement(body, mentions, ref, _to_date(context_date))
    if teaser and stmt.mention is None:
        stmt = _Statement(teaser[0], teaser[1], None, True)
    s_day = stmt.when if stmt.known else None
    period = _period(body, mentions, stmt, s_day, ref, doc_text, _to_date(doc_date) or ref,
                     is_stock, _to_date(event_date), quantity_text)
    backref = _backref(body)
    if context_period is not None and period.text is None and backref and event_date is None:
        start = None if is_stock else context_period.start
        period = Period(start, context_period.end, backref)
    return TimeInfo(_iso(s_day), stmt.text, period)


def _backref(sentence: str) -> str | None:
    """A phrase that takes its period from the claim before ('over the same period')."""
    for m in _RX_BACKREF.finditer(sentence):
        head = sentence[:m.start()]
        if m.group().lower().startswith(("over", "in", "during", "for", "within", "of that")):
            return m.group()
        if head.rstrip().endswith(",") or re.search(r"\d", head):
            continue  # "12 people, two of them children": the whole is in the sentence
        return m.group()
    return None


_RX_BACKREF = re.compile(
    r"\b(?:over|in|during|for|within) the same (?:period|time|timeframe|span|days?|week|month)\b|"
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds)\s+of\s+"
    r"(?:them|those|these|the (?:[A-Za-z-]+\s+){0,2}(?:missiles|drones|rockets|projectiles|"
    r"shells|bombs|troops|soldiers|servicemen|people|victims|casualties))\b|"
    r"\bof that (?:total|number|figure)\b", _I)


def _period(sentence: str, mentions: Sequence[_Mention], stmt: _Statement, s_day: date | None,
            ref: date | None, doc_text: str, doc_date: date | None, is_stock: bool,
            event_day: date | None, quantity_text: str | None) -> Period:
    if event_day is not None:
        return Period(None if is_stock else _iso(event_day), _iso(event_day), None)
    rel_base = s_day if stmt.known else None
    cues = (_range_cues(sentence, ref) + _since_cues(sentence, s_day or ref, doc_text,
                                                     doc_date)
            + _first_of_cues(sentence, s_day or ref, doc_text, doc_date)
            + _years_of_cues(sentence, s_day or ref, doc_text, doc_date)
            + _window_cues(sentence, rel_base))
    said = [(m.start, m.end) for m in stmt.cues]
    cues = [c for c in cues if not any(c.start < e and c.end > s for s, e in said)]
    taken = [(c.start, c.end) for c in cues] + said
    cues += _mention_cues(sentence, mentions, taken, rel_base, doc_date)
    cues = _outside_relative_clauses(cues, sentence, _focus(sentence, quantity_text))
    began = [c for c in cues if c.kind == "began"]
    cues = [c for c in cues if c.kind != "began"]
    if began and not any(c.first for c in cues):
        b = began[0]
        cues.append(_Cue(b.start, b.end, b.text, b.first, None, "since"))
    if not cues:
        day = _anaphor_event_day(stmt)
        if day is not None:  # "said that day that 10 fighters had been killed": same event
            return Period(None if is_stock else _iso(day), _iso(day), None)
        return Period(None, _iso(s_day), None)
    cue = _nearest(cues, _focus(sentence, quantity_text))
    before = [c for c in cues if c.kind == "before"]
    if before:  # "Before this week, the fire that began on Oct. 8, 2023, had killed ..."
        cue = before[0]
        return Period(_iso(began[0].first) if began else None, _iso(cue.last), cue.text)
    last = s_day if cue.kind == "since" else cue.last
    if is_stock:
        if _RX_PRESENT_STOCK.search(sentence):
            return Period(None, _iso(s_day), None)
        return Period(None, _iso(last if cue.kind in ("event", "end") else s_day), cue.text)
    return Period(_iso(cue.first), _iso(last), cue.text)
