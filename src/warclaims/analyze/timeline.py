"""A metric for a subject over time: one series per claimant, cumulative totals kept apart."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from warclaims.model import Party
from warclaims.store.query import StoredClaim


@dataclass(frozen=True)
class Point:
    date: str | None
    low: float | None
    high: float | None
    value: float | None
    qualifier: str
    period_start: str | None
    period_end: str | None
    reports: int
    group_id: str
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Series:
    claimant: str
    side: str | None
    kind: str  # cumulative | period | stock
    points: tuple[Point, ...]


@dataclass(frozen=True)
class Timeline:
    metric: str
    subject: tuple[str, ...]
    object: str | None
    series: tuple[Series, ...]

    def get(self, claimant: str, kind: str) -> Series | None:
        """The series of a claimant (substring of its label, case-insensitive) and kind."""
        for s in self.series:
            if claimant.lower() in s.claimant.lower() and s.kind == kind:
                return s
        return None


def claimant_label(party: Party | None) -> str:
    if party is None:
        return "(reported in the outlet's own voice)"
    return party.name or party.role or "(unnamed)"


def build(items: Iterable[StoredClaim], metric: str, subject: tuple[str, ...],
          obj: str | None, flags: dict[str, tuple[str, ...]] | None = None) -> Timeline:
    """Group merged claims into series keyed by claimant and kind, each sorted by date."""
    flags = flags or {}
    series: dict[tuple[str, str], list[tuple[StoredClaim, Point]]] = {}
    for s in items:
        c = s.claim
        q = c.quantity
        point = Point(date=c.statement_date, low=q.low, high=q.high, value=s.value,
                      qualifier=q.qualifier, period_start=c.period.start,
                      period_end=c.period.end, reports=s.reports, group_id=s.group_id,
                      flags=flags.get(s.group_id, ()))
        series.setdefault((s.claimant_key, s.kind), []).append((s, point))
    out = []
    for (_key, kind), pts in series.items():
        pts.sort(key=lambda sp: (sp[1].date or "", sp[1].group_id))
        first = pts[0][0].claim.claimant
        out.append(Series(claimant=claimant_label(first), side=first.side if first else None,
                          kind=kind, points=tuple(p for _, p in pts)))
    out.sort(key=lambda s: (s.kind, s.claimant))
    return Timeline(metric=metric, subject=subject, object=obj, series=tuple(out))
