"""Consistency flags over merged claims.

- ``cumulative_falls``: a claimant's running total (same metric, object, subject and start)
  is below one it gave earlier: its upper bound is under the earlier lower bound.
- ``outlier``: a figure more than ``OUTLIER_FACTOR`` times above or below the median of what
  other claimants say for the same period (same kind and start, ends within ``SAME_END_DAYS``).
- ``period_after_statement``: the period ends after the claim was made.
"""

from __future__ import annotations

import bisect
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from warclaims.store.query import StoredClaim

OUTLIER_FACTOR = 3.0
SAME_END_DAYS = 7
START_SLACK_DAYS = 3


@dataclass(frozen=True)
class Flag:
    kind: str
    group_id: str
    claim_id: str
    claimant_key: str
    detail: str


def _day(s: str | None) -> date | None:
    try:
        return date.fromisoformat(s) if s else None
    except ValueError:
        return None


def _end(s: StoredClaim) -> date | None:
    return _day(s.claim.period.end) or _day(s.claim.statement_date)


def _topic(s: StoredClaim) -> tuple[str, str, tuple[str, ...], str]:
    c = s.claim
    return (c.metric, c.object, c.subject, c.quantity.unit)


def period_after_statement(items: list[StoredClaim]) -> list[Flag]:
    out = []
    for s in items:
        end, said = _day(s.claim.period.end), _day(s.claim.statement_date)
        if end and said and end > said:
            out.append(Flag("period_after_statement", s.group_id, s.claim.claim_id,
                            s.claimant_key, f"period ends {end} after statement {said}"))
    return out


def cumulative_falls(items: list[StoredClaim]) -> list[Flag]:
    series: dict[tuple, list[StoredClaim]] = {}
    for s in items:
        if s.kind == "cumulative" and s.claim.statement_date:
            key = (s.claimant_key, _topic(s), s.claim.period.start)
            series.setdefault(key, []).append(s)
    out = []
    for pts in series.values():
        pts.sort(key=lambda s: s.claim.statement_date or "")
        best: StoredClaim | None = None  # the earlier claim with the highest lower bound
        for s in pts:
            q = s.claim.quantity
            upper = q.high if q.high is not None else q.low
            if best is not None and upper is not None:
                bq = best.claim.quantity
                floor = bq.low if bq.low is not None else bq.high
                earlier = best.claim.statement_date or ""
                if floor is not None and upper < floor and earlier < s.claim.statement_date:
                    out.append(Flag("cumulative_falls", s.group_id, s.claim.claim_id,
                                    s.claimant_key,
                                    f"{upper:g} on {s.claim.statement_date} is below "
                                    f"{floor:g} claimed on {earlier}"))
            low = q.low if q.low is not None else q.high
            if low is not None:
                bl = None
                if best is not None:
                    bq = best.claim.quantity
                    bl = bq.low if bq.low is not None else bq.high
                if bl is None or low > bl:
                    best = s
    return out


def _same_period(a: StoredClaim, b: StoredClaim) -> bool:
    if a.kind != b.kind:
        return False
    sa_, sb = _day(a.claim.period.start), _day(b.claim.period.start)
    if (sa_ is None) != (sb is None):
        return False
    if sa_ and sb and abs((sa_ - sb).days) > START_SLACK_DAYS:
        return False
    ea, eb = _end(a), _end(b)
    return bool(ea and eb and abs((ea - eb).days) <= SAME_END_DAYS)


def outliers(items: list[StoredClaim]) -> list[Flag]:
    by_topic: dict[tuple, list[tuple[int, StoredClaim]]] = {}
    for s in items:
        end = _end(s)
        if s.value is not None and s.value > 0 and end is not None:
            by_topic.setdefault(_topic(s), []).append((end.toordinal(), s))
    out = []
    for group in by_topic.values():
        group.sort(key=lambda es: es[0])
        ends = [e for e, _ in group]
        for e, s in group:
            lo = bisect.bisect_left(ends, e - SAME_END_DAYS)
            hi = bisect.bisect_right(ends, e + SAME_END_DAYS)
            others = [o.value for _, o in group[lo:hi]
                      if o.claimant_key != s.claimant_key and _same_period(s, o)]
            if not others:
                continue
            med = statistics.median(others)  # type: ignore[type-var]
            v = s.value or 0.0
            if med > 0 and (v > OUTLIER_FACTOR * med or v * OUTLIER_FACTOR < med):
                out.append(Flag("outlier", s.group_id, s.claim.claim_id, s.claimant_key,
                                f"{v:g} against a median of {med:g} from {len(others)} "
                                "other claim(s) for the same period"))
    return out


def check(items: Iterable[StoredClaim]) -> list[Flag]:
    """Every flag raised by ``items`` (merged claims)."""
    items = list(items)
    return period_after_statement(items) + cumulative_falls(items) + outliers(items)


def by_group(flags: Iterable[Flag]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for f in flags:
        out[f.group_id] = out.get(f.group_id, ()) + (f.kind,)
    return out
