"""Merging claims across reports: who a claimant is for matching, what kind a figure is, and
which stored claim group a new claim joins.

Two claims are the same claim reported twice when their claimant keys, metric, object, subject
and bounds are equal and their statement dates are at most ``DATE_WINDOW_DAYS`` apart.
"""

from __future__ import annotations

import functools
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
    only for stocks and running totals whose origin the text does not give. A short running
    total is recognised later, in the store, by ``running_total``.
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


def _same_topic() -> list[sa.ColumnElement]:
    c = schema.claims
    return [c.c.claimant_key == sa.bindparam("p_claimant_key"),
            c.c.metric == sa.bindparam("p_metric"), c.c.object == sa.bindparam("p_object"),
            c.c.subject == sa.bindparam("p_subject")]


@functools.cache
def _statements() -> dict[str, sa.Executable]:
    """Statements built once with bound parameters (compiled once, cheap to run)."""
    c = schema.claims
    series = [*_same_topic(), c.c.period_start == sa.bindparam("p_period_start"),
              c.c.period_end.is_distinct_from(sa.bindparam("p_period_end"))]
    bounds = [*_same_topic(), c.c.low.is_not_distinct_from(sa.bindparam("p_low")),
              c.c.high.is_not_distinct_from(sa.bindparam("p_high"))]
    order = (c.c.statement_date, c.c.claim_id)
    return {
        "series": sa.select(c.c.claim_id).where(*series).limit(1),
        "promote": c.update().where(*series, c.c.kind == "period").values(kind="cumulative"),
        "group_dated": sa.select(c.c.group_id).where(
            *bounds, c.c.statement_date.between(sa.bindparam("p_lo"), sa.bindparam("p_hi")))
        .order_by(*order).limit(1),
        "group_undated": sa.select(c.c.group_id).where(*bounds, c.c.statement_date.is_(None))
        .order_by(*order).limit(1),
    }


def running_total(conn: Connection, row: dict[str, object]) -> bool:
    """Whether a ``period`` claim is in fact a running total: the same claimant gave the same
    figure (metric, object, subject) from the same start to another end. When so, the earlier
    claims of that series are marked ``cumulative`` too."""
    if row["kind"] != "period" or row["period_start"] is None:
        return False
    st = _statements()
    params = {f"p_{k}": row[k] for k in ("claimant_key", "metric", "object", "subject",
                                         "period_start", "period_end")}
    if conn.execute(st["series"], params).first() is None:
        return False
    conn.execute(st["promote"], params)
    return True


def find_group(conn: Connection, row: dict[str, object]) -> str | None:
    """The group id of a stored claim that ``row`` (a claims-table row) repeats, if any."""
    st = _statements()
    params = {f"p_{k}": row[k]
              for k in ("claimant_key", "metric", "object", "subject", "low", "high")}
    day = _day(row["statement_date"])  # type: ignore[arg-type]
    if day is None:
        return conn.execute(st["group_undated"], params).scalar()
    params["p_lo"] = (day - timedelta(days=DATE_WINDOW_DAYS)).isoformat()
    params["p_hi"] = (day + timedelta(days=DATE_WINDOW_DAYS)).isoformat()
    return conn.execute(st["group_dated"], params).scalar()


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
