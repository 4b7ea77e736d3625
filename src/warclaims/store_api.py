"""The Python API of the claim store: everything the store commands do, one call each.

``db`` is a SQLite path (default ``./warclaims.db`` or $WARCLAIMS_DB), a database URL
(``postgresql://user@host/name``) or an open :class:`Store`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from warclaims.analyze import compare as _compare
from warclaims.analyze import flags as _flags
from warclaims.analyze import timeline as _timeline
from warclaims.analyze.compare import Comparison
from warclaims.analyze.flags import Flag
from warclaims.analyze.timeline import Timeline
from warclaims.model import Claim, Document, Rejection
from warclaims.store.db import Store
from warclaims.store.ingest import DocOutcome, IngestReport
from warclaims.store.ingest import ingest_documents as _ingest_docs
from warclaims.store.query import ClaimFilter, StoredClaim, search

DB = str | os.PathLike[str] | Store | None
Extractor = Callable[[Document], list[Claim]]

__all__ = [
    "ClaimFilter", "Comparison", "DocOutcome", "Flag", "IngestReport", "Store", "StoredClaim",
    "Timeline", "claims", "compare", "export", "flags", "import_tallies", "ingest",
    "ingest_documents", "open_store", "timeline",
]


def open_store(db: DB = None, *, timeout: float = 10.0) -> Store:
    """Open the store at ``db``, creating it and applying pending migrations."""
    return Store.open(db, timeout=timeout)


@contextmanager
def _store(db: DB) -> Iterator[Store]:
    if isinstance(db, Store):
        yield db
        return
    store = Store.open(db)
    try:
        yield store
    finally:
        store.close()


def ingest_documents(documents: Iterable[Document | Rejection], db: DB = None, *,
                     extractor: Extractor | None = None, detect_copies: bool = True,
                     on_document: Callable[[DocOutcome], None] | None = None,
                     inputs: str = "") -> IngestReport:
    """Store documents (and rejections) with their claims, one transaction per document."""
    batch = None
    if extractor is None:
        from warclaims.api import extract_claims as extractor
        from warclaims.api import extract_claims_many as batch
    with _store(db) as store:
        return _ingest_docs(store, documents, extractor, inputs=inputs,
                            detect_copies=detect_copies, on_document=on_document,
                            batch_extractor=batch)


def ingest(paths: Iterable[str | Path], db: DB = None, *, extractor: Extractor | None = None,
           on_document: Callable[[DocOutcome], None] | None = None) -> IngestReport:
    """Read, extract and store every document under ``paths``; unchanged ones are skipped."""
    from warclaims.api import read

    paths = [str(p) for p in paths]
    return ingest_documents(read(paths), db, extractor=extractor, on_document=on_document,
                            inputs="\n".join(paths))


def _filter(where: ClaimFilter | None, filters: dict[str, object]) -> ClaimFilter:
    if where is not None and filters:
        raise TypeError("pass either a ClaimFilter or keyword filters, not both")
    if where is not None:
        return where
    if isinstance(filters.get("subject"), str):
        filters["subject"] = tuple(str(filters["subject"]).split(","))
    return ClaimFilter(**filters)  # type: ignore[arg-type]


def claims(db: DB = None, where: ClaimFilter | None = None, *, merged: bool = True,
           limit: int | None = None, **filters: object) -> list[StoredClaim]:
    """Stored claims matching a ClaimFilter or its fields as keywords, e.g.
    ``claims(claimant="Zelensky", metric="killed", text="North Korean")``.

    With ``merged`` (the default) each claim reported by several outlets comes once.
    """
    with _store(db) as store:
        return search(store, _filter(where, filters), merged=merged, limit=limit)


def _subject(subject: str | Iterable[str]) -> tuple[str, ...]:
    codes = subject.split(",") if isinstance(subject, str) else subject
    return tuple(sorted(c.strip() for c in codes if c.strip()))


def timeline(metric: str, subject: str | Iterable[str], db: DB = None, *,
             object: str | None = "personnel", claimant: str | None = None) -> Timeline:
    """A metric for a subject (exactly that set of parties) over statement dates, one series
    per claimant, cumulative figures apart from per-period ones; points carry their flags."""
    subj = _subject(subject)
    f = ClaimFilter(metric=metric, subject=subj, exact_subject=True, object=object,
                    claimant=claimant)
    with _store(db) as store:
        items = search(store, f)
    return _timeline.build(items, metric, subj, object, _flags.by_group(_flags.check(items)))


def compare(metric: str, subject: str | Iterable[str], db: DB = None, *,
            object: str | None = "personnel", start: str | None = None,
            end: str | None = None, kind: str | None = None) -> Comparison:
    """Claimants side by side: each one's latest claim for the window [start, end] (a running
    total or stock as of a day inside it, a per-period figure whose period overlaps it)."""
    subj = _subject(subject)
    f = ClaimFilter(metric=metric, subject=subj, exact_subject=True, object=object, kind=kind,
                    overlaps=(start, end) if start or end else None)
    with _store(db) as store:
        items = search(store, f)
    return _compare.build(items, metric, subj, object, start, end)


def flags(db: DB = None, where: ClaimFilter | None = None, **filters: object) -> list[Flag]:
    """Consistency flags over the stored claims matching the filter."""
    return _flags.check(claims(db, where, **filters))


def import_tallies(paths: Iterable[str | Path], db: DB = None, *,
                   on_document: Callable[[DocOutcome], None] | None = None) -> IngestReport:
    """Import daily loss tallies (a folder of the General Staff dataset, or JSON/CSV files in
    its shape) as claims of the General Staff of the Armed Forces of Ukraine."""
    from warclaims.tallies import tally_documents

    paths = [Path(p) for p in paths]
    found: dict[str, list[Claim]] = {}

    def docs() -> Iterator[Document]:
        for doc, cl in tally_documents(paths):
            found[doc.doc_id] = cl  # kept: ingestion reads a few documents ahead
            yield doc

    return ingest_documents(docs(), db, extractor=lambda d: found.get(d.doc_id, []),
                            detect_copies=False, on_document=on_document,
                            inputs="\n".join(str(p) for p in paths))


def export(path: str | Path, fmt: str, db: DB = None, where: ClaimFilter | None = None,
           **filters: object) -> int:
    """Write the merged claims matching the filter to ``path`` as csv, jsonl, geojson,
    parquet or datasette (an SQLite file plus ``PATH.metadata.json``); return the row count."""
    from warclaims.export.writers import write

    return write(claims(db, where, **filters), path, fmt)
