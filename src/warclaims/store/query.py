"""Searching stored claims: filters, full-text search over evidence, merged results."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from warclaims.model import Claim, Evidence, Location, Mention, Party, Period, Quantity
from warclaims.store import schema
from warclaims.store.db import Store


@dataclass(frozen=True)
class ClaimFilter:
    """What to select; every field is optional and they combine with AND.

    ``claimant`` and ``cited_source`` match a substring of the name or role, case-insensitively;
    ``subject`` holds codes that must all be in the claim's subject (``exact_subject`` asks for
    that set exactly); ``place`` matches the place name or the location text; ``start``/``end``
    bound the statement date; ``overlaps`` is a (start, end) pair the claim's period must
    overlap; ``text`` is a full-text query over evidence (all words, stemmed).
    """

    claimant: str | None = None
    side: str | None = None
    cited_source: str | None = None
    subject: tuple[str, ...] = ()
    exact_subject: bool = False
    metric: str | None = None
    object: str | None = None
    population: str | None = None
    kind: str | None = None
    place: str | None = None
    admin1: str | None = None
    country: str | None = None
    start: str | None = None
    end: str | None = None
    overlaps: tuple[str | None, str | None] | None = None
    outlet: str | None = None
    text: str | None = None
    doc_id: str | None = None


@dataclass(frozen=True)
class StoredClaim:
    """A merged claim: its first report as a Claim, with every report of it."""

    claim: Claim
    group_id: str
    kind: str
    reports: int  # documents reporting it, syndicated copies counted once
    doc_ids: tuple[str, ...]
    outlets: tuple[str, ...]
    claimant_key: str = field(default="", compare=False)

    @property
    def value(self) -> float | None:
        return value_of(self.claim.quantity.low, self.claim.quantity.high)

    def to_dict(self) -> dict[str, object]:
        d = self.claim.to_dict()
        d.update(group_id=self.group_id, kind=self.kind, reports=self.reports,
                 doc_ids=list(self.doc_ids), outlets=list(self.outlets))
        return d


def value_of(low: float | None, high: float | None) -> float | None:
    """One figure for a bounded quantity: the middle of a range, else the bound given."""
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high


_c, _d = schema.claims, schema.documents
_cl = schema.parties.alias("claimant")
_cs = schema.parties.alias("cited")
_pl = schema.places


def _base() -> sa.Select:
    return (
        sa.select(_c, _d.c.publisher, _d.c.copy_of,
                  _cl.c.name.label("cl_name"), _cl.c.role.label("cl_role"),
                  _cl.c.side.label("cl_side"),
                  _cs.c.name.label("cs_name"), _cs.c.role.label("cs_role"),
                  _cs.c.side.label("cs_side"),
                  _pl.c.text.label("pl_text"), _pl.c.name.label("pl_name"),
                  _pl.c.admin1.label("pl_admin1"), _pl.c.country.label("pl_country"),
                  _pl.c.lat.label("pl_lat"), _pl.c.lon.label("pl_lon"))
        .join(_d, _d.c.doc_id == _c.c.doc_id)
        .outerjoin(_cl, _cl.c.party_id == _c.c.claimant_id)
        .outerjoin(_cs, _cs.c.party_id == _c.c.cited_source_id)
        .outerjoin(_pl, _pl.c.place_id == _c.c.place_id)
    )


def _like(col: sa.ColumnElement, text: str) -> sa.ColumnElement:
    return sa.func.lower(col).contains(text.lower(), autoescape=True)


def _fts_words(text: str) -> list[str]:
    return re.findall(r"\w+", text, re.UNICODE)


def _fulltext(dialect: str, text: str) -> sa.ColumnElement:
    words = _fts_words(text)
    if not words:
        return sa.true()
    if dialect == "sqlite":
        match = " AND ".join(f'"{w}"' for w in words)
        sub = sa.text("SELECT claim_id FROM claims_fts WHERE claims_fts MATCH :q").bindparams(
            q=match).columns(claim_id=sa.String)
        return _c.c.claim_id.in_(sa.select(sub.subquery().c.claim_id))
    return sa.literal_column("claims.evidence_tsv").op("@@")(
        sa.func.plainto_tsquery("english", " ".join(words)))


def conditions(f: ClaimFilter, dialect: str) -> list[sa.ColumnElement]:
    """The WHERE conditions of a filter."""
    w: list[sa.ColumnElement] = []
    eq = {"metric": _c.c.metric, "object": _c.c.object, "population": _c.c.population,
          "kind": _c.c.kind, "doc_id": _c.c.doc_id}
    for name, col in eq.items():
        if getattr(f, name) is not None:
            w.append(col == getattr(f, name))
    if f.claimant:
        w.append(sa.or_(_like(_cl.c.name, f.claimant), _like(_cl.c.role, f.claimant)))
    if f.cited_source:
        w.append(sa.or_(_like(_cs.c.name, f.cited_source), _like(_cs.c.role, f.cited_source)))
    if f.side:
        w.append(sa.func.upper(_cl.c.side) == f.side.upper())
    if f.subject:
        codes = sorted(f.subject)
        if f.exact_subject:
            w.append(_c.c.subject == ",".join(codes))
        else:
            padded = sa.literal(",") + _c.c.subject + sa.literal(",")
            w.extend(padded.contains(f",{s},", autoescape=True) for s in codes)
    if f.place:
        w.append(sa.or_(_like(_pl.c.name, f.place), _like(_pl.c.text, f.place)))
    if f.admin1:
        w.append(_like(_pl.c.admin1, f.admin1))
    if f.country:
        w.append(sa.func.upper(_pl.c.country) == f.country.upper())
    if f.start:
        w.append(_c.c.statement_date >= f.start)
    if f.end:
        w.append(_c.c.statement_date <= f.end)
    if f.overlaps:
        w.extend(overlap_conditions(*f.overlaps))
    if f.outlet:
        w.append(_like(_d.c.publisher, f.outlet))
    if f.text:
        w.append(_fulltext(dialect, f.text))
    return w


def overlap_conditions(start: str | None, end: str | None) -> list[sa.ColumnElement]:
    """A claim's period [start or -inf, end or statement date] overlaps [start, end]."""
    w = []
    claim_end = sa.func.coalesce(_c.c.period_end, _c.c.statement_date)
    if start:
        w.append(claim_end >= start)
    if end:
        w.append(sa.or_(_c.c.period_start.is_(None), _c.c.period_start <= end))
    return w


def select_rows(f: ClaimFilter, dialect: str) -> sa.Select:
    return _base().where(*conditions(f, dialect))


def search(store: Store, f: ClaimFilter | None = None, *, merged: bool = True,
           limit: int | None = None) -> list[StoredClaim]:
    """Claims matching ``f``, one per merged claim (``merged``) or one per report."""
    f = f or ClaimFilter()
    with store.read() as conn:
        stmt = select_rows(f, store.dialect).order_by(_c.c.group_id, _c.c.statement_date,
                                                      _c.c.doc_id)
        out = list(_collapse(conn, conn.execute(stmt), merged))
    out.sort(key=lambda s: (s.claim.statement_date or "", s.group_id))
    return out[:limit] if limit is not None else out


def _collapse(conn: Connection, rows: Iterator[Row], merged: bool) -> Iterator[StoredClaim]:
    group: list[Row] = []
    for row in rows:
        if group and (not merged or row.group_id != group[0].group_id):
            yield _stored(conn, group)
            group = []
        group.append(row)
    if group:
        yield _stored(conn, group)


def _stored(conn: Connection, group: list[Row]) -> StoredClaim:
    first = group[0]
    docs = tuple(dict.fromkeys(r.doc_id for r in group))
    roots = {r.copy_of or r.doc_id for r in group}
    outlets = tuple(dict.fromkeys(r.publisher for r in group if r.publisher))
    return StoredClaim(claim=row_to_claim(conn, first), group_id=first.group_id,
                       kind=first.kind, reports=len(roots), doc_ids=docs, outlets=outlets,
                       claimant_key=first.claimant_key)


def _party(name: str | None, role: str | None, side: str | None, present: bool) -> Party | None:
    return Party(name=name, role=role, side=side) if present else None


def row_to_claim(conn: Connection, r: Row) -> Claim:
    """Rebuild the Claim of a claims row (with its mentions)."""
    m = schema.mentions
    mentions = tuple(
        Mention(section=x.section, evidence=Evidence(text=x.text, start=x.start, end=x.end))
        for x in conn.execute(sa.select(m).where(m.c.claim_id == r.claim_id).order_by(m.c.seq))
    )
    location = None
    if r.place_id is not None:
        location = Location(text=r.pl_text, name=r.pl_name, admin1=r.pl_admin1,
                            country=r.pl_country, lat=r.pl_lat, lon=r.pl_lon)
    return Claim(
        doc_id=r.doc_id, claim_id=r.claim_id, metric=r.metric, population=r.population,
        object=r.object, subject=tuple(s for s in r.subject.split(",") if s),
        quantity=Quantity(text=r.q_text, low=r.low, high=r.high, qualifier=r.qualifier,
                          unit=r.unit, unit_word=r.unit_word, per=r.per),
        claimant=_party(r.cl_name, r.cl_role, r.cl_side, r.claimant_id is not None),
        cited_source=_party(r.cs_name, r.cs_role, r.cs_side, r.cited_source_id is not None),
        statement_date=r.statement_date,
        period=Period(start=r.period_start, end=r.period_end, text=r.period_text),
        location=location, section=r.section,
        evidence=Evidence(text=r.evidence_text, start=r.evidence_start, end=r.evidence_end),
        confidence=r.confidence, mentions=mentions,
    )


def count(store: Store, table: str) -> int:
    """Rows in a store table (``claims``, ``documents``, ``claim_groups``...)."""
    with store.read() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(sa.table(table)))
                   .scalar() or 0)
