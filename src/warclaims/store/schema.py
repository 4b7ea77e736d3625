"""The tables of the claim store (SQLAlchemy Core), one schema for SQLite and PostgreSQL.

Ids are content hashes: a document is keyed by its ``doc_id`` and carries the sha1 of
``doc_id + text`` (``content_sha1``) to tell a changed document from an unchanged one; claims
keep the extractor's ``claim_id``; parties, places and outlets are keyed by a hash of their
fields. Dates are ISO ``YYYY-MM-DD`` strings, which sort and compare the same on both back ends.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

ID = sa.String(40)
DATE = sa.String(10)

schema_migrations = sa.Table(
    "schema_migrations", metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("applied_at", sa.String(32), nullable=False),
)

sources = sa.Table(
    "sources", metadata,
    sa.Column("source_id", ID, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
)

ingest_runs = sa.Table(
    "ingest_runs", metadata,
    sa.Column("run_id", ID, primary_key=True),
    sa.Column("started_at", sa.String(32), nullable=False),
    sa.Column("finished_at", sa.String(32)),
    sa.Column("inputs", sa.Text, nullable=False),
    sa.Column("added", sa.Integer, nullable=False, default=0),
    sa.Column("replaced", sa.Integer, nullable=False, default=0),
    sa.Column("unchanged", sa.Integer, nullable=False, default=0),
    sa.Column("rejected", sa.Integer, nullable=False, default=0),
)

rejected_inputs = sa.Table(
    "rejected_inputs", metadata,
    sa.Column("rejection_id", ID, primary_key=True),
    sa.Column("run_id", ID, sa.ForeignKey("ingest_runs.run_id"), nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("reason", sa.String(40), nullable=False),
    sa.Column("error", sa.Text, nullable=False),
)

documents = sa.Table(
    "documents", metadata,
    sa.Column("doc_id", sa.String(300), primary_key=True),
    sa.Column("content_sha1", ID, nullable=False),
    sa.Column("raw_sha1", ID),
    sa.Column("title", sa.Text),
    sa.Column("authors", sa.Text, nullable=False, default=""),  # newline-separated
    sa.Column("published", DATE),
    sa.Column("publisher", sa.Text),
    sa.Column("source_id", ID, sa.ForeignKey("sources.source_id")),
    sa.Column("language", sa.String(16)),
    sa.Column("url", sa.Text),
    sa.Column("origin", sa.Text),  # where it was read from (Document.source)
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("copy_of", sa.String(300)),  # doc_id of the original of a syndicated copy
    sa.Column("minhash", sa.LargeBinary),
    sa.Column("run_id", ID, sa.ForeignKey("ingest_runs.run_id")),
    sa.Index("ix_documents_copy_of", "copy_of"),
    sa.Index("ix_documents_source_id", "source_id"),
)

removed_parts = sa.Table(
    "removed_parts", metadata,
    sa.Column("doc_id", sa.String(300), sa.ForeignKey("documents.doc_id"), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)

doc_sections = sa.Table(
    "doc_sections", metadata,
    sa.Column("doc_id", sa.String(300), sa.ForeignKey("documents.doc_id"), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("date", DATE),
)

doc_bands = sa.Table(  # MinHash LSH bands of original (non-copy) documents
    "doc_bands", metadata,
    sa.Column("band", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("hash", sa.String(16), primary_key=True),
    sa.Column("doc_id", sa.String(300), sa.ForeignKey("documents.doc_id"), primary_key=True),
    sa.Index("ix_doc_bands_doc_id", "doc_id"),
)

parties = sa.Table(  # claimants and cited sources
    "parties", metadata,
    sa.Column("party_id", ID, primary_key=True),
    sa.Column("name", sa.Text),
    sa.Column("role", sa.Text),
    sa.Column("side", sa.String(40)),
    sa.Column("key", sa.Text, nullable=False),  # surname of a person, name of an organisation
)

places = sa.Table(
    "places", metadata,
    sa.Column("place_id", ID, primary_key=True),
    sa.Column("text", sa.Text),
    sa.Column("name", sa.Text),
    sa.Column("admin1", sa.Text),
    sa.Column("country", sa.String(3)),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
)

claims = sa.Table(
    "claims", metadata,
    sa.Column("claim_id", sa.String(64), primary_key=True),
    sa.Column("doc_id", sa.String(300), sa.ForeignKey("documents.doc_id"), nullable=False),
    sa.Column("group_id", sa.String(64), nullable=False),  # merged claim across reports
    sa.Column("metric", sa.String(32), nullable=False),
    sa.Column("population", sa.String(16)),
    sa.Column("object", sa.String(32), nullable=False),
    sa.Column("subject", sa.Text, nullable=False),  # sorted codes joined by ","
    sa.Column("q_text", sa.Text, nullable=False),
    sa.Column("low", sa.Float),
    sa.Column("high", sa.Float),
    sa.Column("qualifier", sa.String(16), nullable=False),
    sa.Column("unit", sa.String(16), nullable=False),
    sa.Column("unit_word", sa.Text),
    sa.Column("per", sa.String(16)),
    sa.Column("claimant_id", ID, sa.ForeignKey("parties.party_id")),
    sa.Column("claimant_key", sa.Text, nullable=False),
    sa.Column("cited_source_id", ID, sa.ForeignKey("parties.party_id")),
    sa.Column("statement_date", DATE),
    sa.Column("period_start", DATE),
    sa.Column("period_end", DATE),
    sa.Column("period_text", sa.Text),
    sa.Column("kind", sa.String(16), nullable=False),  # cumulative | period | stock
    sa.Column("place_id", ID, sa.ForeignKey("places.place_id")),
    sa.Column("section", sa.String(32), nullable=False),
    sa.Column("evidence_text", sa.Text, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Index("ix_claims_doc_id", "doc_id"),
    sa.Index("ix_claims_group_id", "group_id"),
    sa.Index("ix_claims_merge", "claimant_key", "metric", "object", "subject",
             "statement_date"),
    sa.Index("ix_claims_series", "claimant_key", "metric", "object", "subject",
             "period_start", "kind"),
    sa.Index("ix_claims_metric_subject", "metric", "subject", "object"),
    sa.Index("ix_claims_statement_date", "statement_date"),
)

mentions = sa.Table(
    "mentions", metadata,
    sa.Column("claim_id", sa.String(64), sa.ForeignKey("claims.claim_id"), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("section", sa.String(32), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
)

V1_TABLES = (
    schema_migrations, sources, ingest_runs, rejected_inputs, documents, removed_parts,
    doc_sections, doc_bands, parties, places, claims, mentions,
)
