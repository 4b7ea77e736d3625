"""Ordered, recorded schema migrations (table ``schema_migrations``).

Each migration runs once, in order, inside the one transaction that records it, so a store is
never left half-upgraded (DDL is transactional on SQLite and PostgreSQL). Migrations are never
edited once released: a schema change is a new migration appended to ``MIGRATIONS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from warclaims.errors import StoreError
from warclaims.store import schema
from warclaims.store.db import Store


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _v1_tables(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=list(schema.V1_TABLES))


_SQLITE_FTS = (
    "CREATE VIRTUAL TABLE claims_fts USING fts5("
    "claim_id UNINDEXED, evidence, tokenize='porter unicode61')",
    "CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims BEGIN "
    "INSERT INTO claims_fts(claim_id, evidence) VALUES (new.claim_id, new.evidence_text); END",
    "CREATE TRIGGER claims_fts_ad AFTER DELETE ON claims BEGIN "
    "DELETE FROM claims_fts WHERE claim_id = old.claim_id; END",
)
_PG_FTS = (
    "ALTER TABLE claims ADD COLUMN evidence_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', evidence_text)) STORED",
    "CREATE INDEX ix_claims_evidence_tsv ON claims USING GIN (evidence_tsv)",
)


def _v2_fulltext(conn: Connection) -> None:
    for stmt in _SQLITE_FTS if conn.dialect.name == "sqlite" else _PG_FTS:
        conn.exec_driver_sql(stmt)


def _v3_group_view(conn: Connection) -> None:
    conn.exec_driver_sql(
        "CREATE VIEW claim_groups AS SELECT c.group_id AS group_id, "
        "MIN(c.statement_date) AS first_statement_date, "
        "MAX(c.statement_date) AS last_statement_date, "
        "COUNT(*) AS n_claims, "
        "COUNT(DISTINCT COALESCE(d.copy_of, d.doc_id)) AS n_reports "
        "FROM claims c JOIN documents d ON d.doc_id = c.doc_id GROUP BY c.group_id"
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, claims, parties, places, sources, runs", _v1_tables),
    Migration(2, "full-text search over evidence", _v2_fulltext),
    Migration(3, "claim_groups view", _v3_group_view),
)


def applied(conn: Connection) -> set[int]:
    if not sa.inspect(conn).has_table("schema_migrations"):
        return set()
    return set(conn.execute(sa.select(schema.schema_migrations.c.version)).scalars())


def migrate(store: Store) -> list[int]:
    """Apply pending migrations; return the versions applied now."""
    with store.read() as conn:
        if applied(conn) == {m.version for m in MIGRATIONS}:
            return []
    with store.write("upgrade the schema of") as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4242)")  # one migrator at a time
        done = applied(conn)
        known = {m.version for m in MIGRATIONS}
        if done - known:
            raise StoreError(
                f"{store.name} has schema versions {sorted(done - known)} newer than this "
                "warclaims knows; upgrade warclaims"
            )
        new = [m for m in MIGRATIONS if m.version not in done]
        for m in new:
            m.apply(conn)
            conn.execute(schema.schema_migrations.insert().values(
                version=m.version, name=m.name,
                applied_at=datetime.now(UTC).isoformat(timespec="seconds"),
            ))
    return [m.version for m in new]
