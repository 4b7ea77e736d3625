"""Claimants side by side on one subject, metric and period, with the spread between them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from warclaims.analyze.timeline import claimant_label
from warclaims.store.query import StoredClaim


@dataclass(frozen=True)
class CompareRow:
    claimant: str
    side: str | None
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    statement_date: str | None
    period_start: str | None
    period_end: str | None
    kind: str
    reports: int
    group_id: str
    claims: int  # how many of this claimant's claims fell in the window


@dataclass(frozen=True)
class Comparison:
    metric: str
    subject: tuple[str, ...]
    object: str | None
    start: str | None
    end: str | None
    rows: tuple[CompareRow, ...]

    @property
    def spread(self) -> float | None:
        """Largest over smallest figure among claimants (None with fewer than two figures)."""
        vals = [r.value for r in self.rows if r.value is not None and r.value > 0]
        if len(vals) < 2:
            return None
        return max(vals) / min(vals)

    @property
    def difference(self) -> float | None:
        vals = [r.value for r in self.rows if r.value is not None]
        return max(vals) - min(vals) if len(vals) >= 2 else None


def in_window(s: StoredClaim, start: str | None, end: str | None) -> bool:
    """A per-period figure counts when its period overlaps [start, end]; a running total or a
    stock when the day it holds for (period end, else statement date) falls inside."""
    c = s.claim
    as_of = c.period.end or c.statement_date
    if s.kind == "period":
        return (not start or (as_of or "9999") >= start) and (
            not end or (c.period.start or "") <= end)
    if as_of is None:
        return not start and not end
    return (not start or as_of >= start) and (not end or as_of <= end)


def build(items: Iterable[StoredClaim], metric: str, subject: tuple[str, ...],
          obj: str | None, start: str | None, end: str | None) -> Comparison:
    """One row per claimant: its latest claim in the window (see ``in_window``)."""
    best: dict[str, StoredClaim] = {}
    n: dict[str, int] = {}
    for s in items:
        if not in_window(s, start, end):
            continue
        n[s.claimant_key] = n.get(s.claimant_key, 0) + 1
        cur = best.get(s.claimant_key)
        if cur is None or (s.claim.statement_date or "") > (cur.claim.statement_date or ""):
            best[s.claimant_key] = s
    rows = []
    for key, s in best.items():
        c, q = s.claim, s.claim.quantity
        rows.append(CompareRow(
            claimant=claimant_label(c.claimant), side=c.claimant.side if c.claimant else None,
            value=s.value, low=q.low, high=q.high, qualifier=q.qualifier,
            statement_date=c.statement_date, period_start=c.period.start,
            period_end=c.period.end, kind=s.kind, reports=s.reports, group_id=s.group_id,
            claims=n[key]))
    rows.sort(key=lambda r: (-(r.value or 0), r.claimant))
    return Comparison(metric=metric, subject=subject, object=obj, start=start, end=end,
                      rows=tuple(rows))
