"""Fast parsing of the common English date forms of news pages ("Jan. 4, 2025", "4 January 2025")."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MDY = re.compile(
    rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.I
)
_DMY = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON}(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.I
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<day>\d\d)\b")
# '20.05.2025', '20/05/2025', '20-05-2025': read day first, month first only when that is invalid
_NUMERIC = re.compile(
    r"(?<![\w./-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d)(?![\d])"
)


def _build(year: int | None, month: int, day: int, ref: date | None) -> date | None:
    if year is None:
        if ref is None:
            return None
        year = ref.year
        try:
            cand = date(year, month, day)
        except ValueError:
            return None
        if cand > ref:  # news dates point to the past
            year -= 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_date(
    text: str, ref: date | None = None, *, need_year: bool = False
) -> tuple[date, re.Match] | None:
    """The first date written in ``text``; a date without a year takes it from ``ref``."""
    best: tuple[date, re.Match] | None = None
    for rx in (_ISO, _NUMERIC, _MDY, _DMY):
        m = rx.search(text)
        if not m:
            continue
        if rx is _ISO:
            d = _build(int(m["year"]), int(m["m"]), int(m["day"]), ref)
        elif rx is _NUMERIC:
            d = numeric_date(int(m["a"]), int(m["b"]), int(m["year"]))
        else:
            if need_year and not m["year"]:
                continue
            year = int(m["year"]) if m["year"] else None
            d = _build(year, MONTHS[m["mon"].lower()[:3]], int(m["day"]), ref)
        if d and (best is None or m.start() < best[1].start()):
            best = (d, m)
    return best


def numeric_date(first: int, second: int, year: int) -> date | None:
    """The date of an all-number form: day first ('05.02.2025' is 5 February), month first only
    when the day-first reading is impossible ('02/25/2025')."""
    for day, month in ((first, second), (second, first)):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


def to_date(iso: str | None) -> date | None:
    """``date`` of an ISO ``YYYY-MM-DD`` prefix, or None."""
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None
