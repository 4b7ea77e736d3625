"""Merging claims across reports: who a claimant is for matching, what kind a figure is, and
which stored claim group a new claim joins.

Two claims are the same claim reported twice when their claimant keys, metric, object, subject
and bounds are equal and their statement dates are at most ``DATE_WINDOW_DAYS`` apart.
"""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from warclaims.model import Claim, Party
from warclaims.store import schema

DATE_WINDOW_DAYS = 3
CUMULATIVE_MIN_DAYS = 30
STOCK_METRICS = frozenset({"deployed"})
KINDS = ("cumulative", "period", "stock")


def party_key(party: Party | None, root_doc: str) -> str:
    """The matching key of a claimant: a person's surname, an organisation's or a group's name.

    A person is a party with both a name and a role (organisations carry no role, SPEC 6); an
    unnamed group is keyed by its role. A figure in the article's own voice belongs to its
    document (``root_doc``: the original of a syndicated copy), so it merges only with copies.
    """
    if party is None or (party.name is None and party.role is None):
        return f"self:{root_doc}"
    if party.name and party.role:
        return party.name.split()[-1].lower()
    return (party.name or party.role or "").strip().lower()


def claim_kind(claim: Claim) -> str:
    """``stock`` (a strength), ``cumulative`` (a running total) or ``period`` (one span).

    A figure is cumulative when its period starts more than ``CUMULATIVE_MIN_DAYS`` before it
    ends, or when the start is unknown: SPEC 6 gives event counts a start and leaves it null
    only for stocks and running totals whose origin the text does not give.
    """
    if claim.metric in STOCK_METRICS:
        return "stock"
    start = _day(claim.period.start)
    if start is None:
        return "cumulative"
    end = _day(claim.period.end) or _day(claim.statement_date)
    if end is not None and (end - start).days > CUMULATIVE_MIN_DAYS:
        return "cumulative"
    return "period"


def find_group(conn: Connection, row: dict[str, object]) -> str | None:
    """The group id of a stored claim that ``row`` (a claims-table row) repeats, if any."""
    c = schema.claims
    cond = [
        c.c.claimant_key == row["claimant_key"],
        c.c.metric == row["metric"],
        c.c.object == row["object"],
        c.c.subject == row["subject"],
        c.c.low.is_not_distinct_from(row["low"]),
        c.c.high.is_not_distinct_from(row["high"]),
    ]
    day = _day(row["statement_date"])  # type: ignore[arg-type]
    if day is None:
        cond.append(c.c.statement_date.is_(None))
    else:
        lo = (day - timedelta(days=DATE_WINDOW_DAYS)).isoformat()
        hi = (day + timedelta(days=DATE_WINDOW_DAYS)).isoformat()
        cond.append(c.c.statement_date.between(lo, hi))
    stmt = sa.select(c.c.group_id).where(*cond).order_by(c.c.statement_date, c.c.claim_id)
    return conn.execute(stmt.limit(1)).scalar()


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
