"""Idempotent, incremental ingest: one transaction per document.

A document whose ``doc_id`` and text are already stored is skipped without extraction; a
document whose text changed has its rows replaced in the same transaction that writes the new
ones; a killed process loses at most the document it was writing.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from warclaims.analyze import copies
from warclaims.analyze.merge import claim_kind, find_group, party_key, running_total
from warclaims.model import Claim, Document, Location, Party, Rejection
from warclaims.store import schema
from warclaims.store.db import Store

Extractor = Callable[[Document], list[Claim]]
BatchExtractor = Callable[[list[Document]], Iterable[list[Claim]]]
BATCH = 16  # documents read before their new or changed ones are extracted together


@dataclass(frozen=True)
class DocOutcome:
    """What ingest did with one input: added, replaced, unchanged or rejected."""

    doc_id: str
    status: str
    claims: int = 0
    copy_of: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class IngestReport:
    run_id: str
    added: int
    replaced: int
    unchanged: int
    rejected: int
    copies: int
    claims: int

    @property
    def documents(self) -> int:
        return self.added + self.replaced + self.unchanged


def sha1(*parts: str) -> str:
    h = hashlib.sha1()
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def content_sha1(doc: Document) -> str:
    return sha1(doc.doc_id, doc.text)


def ingest_documents(
    store: Store,
    items: Iterable[Document | Rejection],
    extractor: Extractor,
    *,
    inputs: str = "",
    detect_copies: bool = True,
    on_document: Callable[[DocOutcome], None] | None = None,
    batch_extractor: BatchExtractor | None = None,
) -> IngestReport:
    """Store every document of ``items`` with the claims ``extractor`` finds in it.

    With ``batch_extractor`` (claims of several documents at once, in order), the new or
    changed documents of every BATCH items are extracted together."""
    run_id = _start_run(store, inputs)
    counts = {"added": 0, "replaced": 0, "unchanged": 0, "rejected": 0, "copies": 0, "claims": 0}
    for chunk in _chunks(items, BATCH):
        found = _extract_changed(store, chunk, extractor, batch_extractor)
        for item in chunk:
            if isinstance(item, Rejection):
                outcome = _reject(store, run_id, item)
            else:
                outcome = _ingest_one(store, run_id, item, found.get(id(item)), extractor,
                                      detect_copies)
            counts[outcome.status] += 1
            counts["claims"] += outcome.claims
            counts["copies"] += outcome.copy_of is not None
            if on_document is not None:
                on_document(outcome)
    with store.write() as conn:
        conn.execute(schema.ingest_runs.update().where(schema.ingest_runs.c.run_id == run_id)
                     .values(finished_at=_now(), added=counts["added"],
                             replaced=counts["replaced"], unchanged=counts["unchanged"],
                             rejected=counts["rejected"]))
    return IngestReport(run_id=run_id, **counts)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _start_run(store: Store, inputs: str) -> str:
    started = datetime.now(UTC).isoformat()
    run_id = sha1(started, inputs)
    with store.write() as conn:
        conn.execute(schema.ingest_runs.insert().values(
            run_id=run_id, started_at=started[:25], inputs=inputs,
            added=0, replaced=0, unchanged=0, rejected=0))
    return run_id


def _reject(store: Store, run_id: str, rej: Rejection) -> DocOutcome:
    with store.write() as conn:
        _upsert(conn, schema.rejected_inputs, [{
            "rejection_id": sha1(rej.source, rej.reason, rej.error), "run_id": run_id,
            "source": rej.source, "reason": rej.reason, "error": rej.error}],
            ["rejection_id"], update=("run_id",))
    return DocOutcome(doc_id=rej.source, status="rejected", reason=f"{rej.error} ({rej.reason})")


def _chunks(items: Iterable[Document | Rejection], size: int) -> Iterator[list[Document | Rejection]]:
    chunk: list[Document | Rejection] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _stored_digest(store: Store, doc_id: str) -> str | None:
    d = schema.documents
    with store.read() as conn:
        return conn.execute(sa.select(d.c.content_sha1).where(d.c.doc_id == doc_id)).scalar()


def _extract_changed(store: Store, chunk: list[Document | Rejection], extractor: Extractor,
                     batch_extractor: BatchExtractor | None) -> dict[int, list[Claim]]:
    """Claims of the chunk's new or changed documents, by id(), extracted together."""
    if batch_extractor is None:
        return {}
    todo = [d for d in chunk if isinstance(d, Document)
            and _stored_digest(store, d.doc_id) != content_sha1(d)]
    return {id(d): claims for d, claims in zip(todo, batch_extractor(todo), strict=True)}


def _ingest_one(store: Store, run_id: str, doc: Document, found: list[Claim] | None,
                extractor: Extractor, detect_copies: bool) -> DocOutcome:
    digest = content_sha1(doc)
    old = _stored_digest(store, doc.doc_id)
    if old == digest:
        return DocOutcome(doc_id=doc.doc_id, status="unchanged")
    if found is None:
        found = extractor(doc)  # slow part, outside any transaction
    mh = copies.signature(doc.text) if detect_copies else None
    with store.write(f"store document {doc.doc_id} in") as conn:
        _delete_document(conn, doc.doc_id)
        copy_of = _find_original(conn, mh) if mh is not None else None
        _insert_document(conn, doc, digest, run_id, mh, copy_of)
        n = _insert_claims(conn, doc, found, copy_of or doc.doc_id)
    status = "added" if old is None else "replaced"
    return DocOutcome(doc_id=doc.doc_id, status=status, claims=n, copy_of=copy_of)


def _delete_document(conn: Connection, doc_id: str) -> None:
    c = schema.claims
    ids = sa.select(c.c.claim_id).where(c.c.doc_id == doc_id).scalar_subquery()
    conn.execute(schema.mentions.delete().where(schema.mentions.c.claim_id.in_(ids)))
    conn.execute(c.delete().where(c.c.doc_id == doc_id))
    for t in (schema.removed_parts, schema.doc_sections, schema.doc_bands):
        conn.execute(t.delete().where(t.c.doc_id == doc_id))
    conn.execute(schema.documents.delete().where(schema.documents.c.doc_id == doc_id))


def _find_original(conn: Connection, mh: copies.MinHash) -> str | None:
    b, d = schema.doc_bands, schema.documents
    conds = [sa.and_(b.c.band == n, b.c.hash == h) for n, h in copies.bands(mh)]
    stmt = (sa.select(d.c.doc_id, d.c.minhash).join(b, b.c.doc_id == d.c.doc_id)
            .where(sa.or_(*conds)).distinct().order_by(d.c.doc_id).limit(50))
    for doc_id, data in conn.execute(stmt):
        if data and copies.is_copy(mh, copies.from_bytes(data)):
            return doc_id
    return None


def _insert_document(conn: Connection, doc: Document, digest: str, run_id: str,
                     mh: copies.MinHash | None, copy_of: str | None) -> None:
    source_id = None
    if doc.publisher:
        source_id = sha1("source", doc.publisher.strip().lower())[:16]
        _upsert(conn, schema.sources, [{"source_id": source_id, "name": doc.publisher}],
                ["source_id"])
    conn.execute(schema.documents.insert(), dict(
        doc_id=doc.doc_id, content_sha1=digest, raw_sha1=doc.raw_sha1, title=doc.title,
        authors="\n".join(doc.authors), published=doc.published, publisher=doc.publisher,
        source_id=source_id, language=doc.language, url=doc.url, origin=doc.source,
        text=doc.text, copy_of=copy_of, minhash=copies.to_bytes(mh) if mh else None,
        run_id=run_id))
    if doc.removed:
        conn.execute(schema.removed_parts.insert(), [
            {"doc_id": doc.doc_id, "seq": i, "kind": r.kind, "text": r.text}
            for i, r in enumerate(doc.removed)])
    if doc.sections:
        conn.execute(schema.doc_sections.insert(), [
            {"doc_id": doc.doc_id, "seq": i, "kind": s.kind, "text": s.text, "date": s.date}
            for i, s in enumerate(doc.sections)])
    if mh is not None and copy_of is None:
        conn.execute(schema.doc_bands.insert(), [
            {"band": n, "hash": h, "doc_id": doc.doc_id} for n, h in copies.bands(mh)])


def _insert_claims(conn: Connection, doc: Document, found: list[Claim], root: str) -> int:
    seen: set[str] = set()
    n = 0
    for claim in found:
        claim = replace(claim, doc_id=doc.doc_id, claim_id=claim.claim_id or _claim_hash(
            doc.doc_id, claim))
        if claim.claim_id in seen:
            continue
        seen.add(claim.claim_id)
        row = _claim_row(conn, claim, root)
        if running_total(conn, row):
            row["kind"] = "cumulative"
        row["group_id"] = find_group(conn, row) or claim.claim_id
        conn.execute(schema.claims.insert(), row)
        if claim.mentions:
            conn.execute(schema.mentions.insert(), [
                {"claim_id": claim.claim_id, "seq": i, "section": m.section,
                 "text": m.evidence.text, "start": m.evidence.start, "end": m.evidence.end}
                for i, m in enumerate(claim.mentions)])
        n += 1
    return n


def _claim_hash(doc_id: str, claim: Claim) -> str:
    ev = claim.evidence
    return sha1(doc_id, str(ev.start), str(ev.end), ev.text, claim.metric, claim.object)


def _claim_row(conn: Connection, claim: Claim, root: str) -> dict[str, object]:
    q, p = claim.quantity, claim.period
    return {
        "claim_id": claim.claim_id, "doc_id": claim.doc_id, "metric": claim.metric,
        "population": claim.population, "object": claim.object,
        "subject": ",".join(sorted(claim.subject)),
        "q_text": q.text, "low": q.low, "high": q.high, "qualifier": q.qualifier,
        "unit": q.unit, "unit_word": q.unit_word, "per": q.per,
        "claimant_id": _party(conn, claim.claimant),
        "claimant_key": party_key(claim.claimant, root),
        "cited_source_id": _party(conn, claim.cited_source),
        "statement_date": claim.statement_date, "period_start": p.start,
        "period_end": p.end, "period_text": p.text, "kind": claim_kind(claim),
        "place_id": _place(conn, claim.location), "section": claim.section,
        "evidence_text": claim.evidence.text, "evidence_start": claim.evidence.start,
        "evidence_end": claim.evidence.end, "confidence": float(claim.confidence),
    }


def _party(conn: Connection, party: Party | None) -> str | None:
    if party is None:
        return None
    pid = sha1("party", json.dumps([party.name, party.role, party.side]))[:20]
    _upsert(conn, schema.parties, [{
        "party_id": pid, "name": party.name, "role": party.role, "side": party.side,
        "key": party_key(party, "")}], ["party_id"])
    return pid


def _place(conn: Connection, loc: Location | None) -> str | None:
    if loc is None:
        return None
    fields = [loc.text, loc.name, loc.admin1, loc.country, loc.lat, loc.lon]
    pid = sha1("place", json.dumps(fields))[:20]
    _upsert(conn, schema.places, [{
        "place_id": pid, "text": loc.text, "name": loc.name, "admin1": loc.admin1,
        "country": loc.country, "lat": loc.lat, "lon": loc.lon}], ["place_id"])
    return pid


@functools.cache
def _upsert_statement(dialect: str, table: sa.Table, keys: tuple[str, ...],
                      update: tuple[str, ...]) -> sa.Executable:
    mod = sqlite if dialect == "sqlite" else postgresql
    stmt = mod.insert(table)
    if update:
        return stmt.on_conflict_do_update(
            index_elements=list(keys), set_={c: stmt.excluded[c] for c in update})
    return stmt.on_conflict_do_nothing(index_elements=list(keys))


def _upsert(conn: Connection, table: sa.Table, rows: list[dict[str, object]],
            keys: list[str], update: tuple[str, ...] = ()) -> None:
    """Insert rows, ignoring (or updating ``update`` columns of) rows whose keys exist."""
    conn.execute(_upsert_statement(conn.dialect.name, table, tuple(keys), update), rows)
