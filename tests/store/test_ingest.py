"""Ingest: idempotent, incremental, per-document transactions, syndicated copies, rejections."""

from __future__ import annotations

import dataclasses

import sqlalchemy as sa
from corpus import FixedExtractor, GoldExtractor, dev_documents, gold_count, make_claim, make_doc

from warclaims import store_api
from warclaims.model import Party, Rejection, Removed
from warclaims.store import query
from warclaims.store.migrations import MIGRATIONS


def test_migrations_recorded_once(db_url: str) -> None:
    with store_api.open_store(db_url) as s:
        with s.read() as conn:
            rows = conn.execute(sa.text("SELECT version FROM schema_migrations")).scalars().all()
    assert sorted(rows) == [m.version for m in MIGRATIONS]
    with store_api.open_store(db_url) as s:  # reopening applies nothing twice
        assert query.count(s, "schema_migrations") == len(MIGRATIONS)


def test_dev_corpus_twice_changes_nothing(db_url: str) -> None:
    docs = dev_documents()
    ex = GoldExtractor()
    with store_api.open_store(db_url) as s:
        first = store_api.ingest_documents(docs, s, extractor=ex)
        n_claims = query.count(s, "claims")
        n_groups = query.count(s, "claim_groups")
        second = store_api.ingest_documents(docs, s, extractor=ex)
        assert query.count(s, "claims") == n_claims
        assert query.count(s, "claim_groups") == n_groups
        assert query.count(s, "documents") == len(docs)
    assert first.added == len(docs) and first.claims == sum(gold_count(d.doc_id) for d in docs)
    assert second.unchanged == len(docs) and second.added == second.claims == 0
    assert ex.calls == len(docs)  # unchanged documents are not extracted again


def test_syndicated_copy_adds_report_not_claim(db_url: str) -> None:
    docs = dev_documents()
    seed = next(d for d in docs if d.doc_id.startswith("000_"))
    ex = GoldExtractor(base={"syndicated": seed.doc_id})
    copy = dataclasses.replace(seed, doc_id="syndicated", publisher="Another Outlet",
                               title="Other header: " + (seed.title or ""))
    with store_api.open_store(db_url) as s:
        store_api.ingest_documents(docs, s, extractor=ex)
        before = len(store_api.claims(s))
        report = store_api.ingest_documents([copy], s, extractor=ex)
        after = store_api.claims(s)
    assert report.copies == 1
    assert len(after) == before
    seed_claims = [c for c in after if seed.doc_id in c.doc_ids]
    assert seed_claims and all(c.doc_ids == (seed.doc_id, "syndicated") for c in seed_claims)
    assert all(c.reports == 1 for c in seed_claims)  # a copy is counted once
    assert all(set(c.outlets) == {"The Kyiv Independent", "Another Outlet"}
               for c in seed_claims)


def test_same_claim_other_outlet_is_merged_with_two_reports(db_url: str) -> None:
    zel = Party("Volodymyr Zelensky", "President of Ukraine", "UKR")
    zel2 = Party("Zelensky", "Ukraine's president", "UKR")
    ex = FixedExtractor({
        "a": [make_claim("a", 1, low=3000, claimant=zel, date="2025-01-10")],
        "b": [make_claim("b", 1, low=3000, claimant=zel2, date="2025-01-12")],
        "c": [make_claim("c", 1, low=3000, claimant=zel, date="2025-01-20")],  # too late
        "d": [make_claim("d", 1, low=3100, claimant=zel, date="2025-01-10")],  # other figure
    })
    docs = [make_doc("a"), make_doc("b", publisher="Outlet B"), make_doc("c"), make_doc("d")]
    with store_api.open_store(db_url) as s:
        store_api.ingest_documents(docs, s, extractor=ex)
        merged = store_api.claims(s)
        per_report = store_api.claims(s, merged=False)
    assert len(per_report) == 4
    assert sorted(c.reports for c in merged) == [1, 1, 2]
    two = next(c for c in merged if c.reports == 2)
    assert two.doc_ids == ("a", "b") and two.outlets == ("Outlet A", "Outlet B")


def test_changed_document_replaces_its_claims(db_url: str) -> None:
    ex = FixedExtractor({"a": [make_claim("a", 1), make_claim("a", 2, low=7)]})
    doc = dataclasses.replace(make_doc("a"), removed=(Removed("caption", "A photo"),))
    with store_api.open_store(db_url) as s:
        store_api.ingest_documents([doc], s, extractor=ex)
        ex.claims["a"] = [make_claim("a", 3, low=42)]
        report = store_api.ingest_documents([dataclasses.replace(doc, text=doc.text + " more")],
                                            s, extractor=ex)
        got = store_api.claims(s)
        with s.read() as conn:
            removed = conn.execute(sa.text("SELECT kind FROM removed_parts")).scalars().all()
    assert report.replaced == 1
    assert [c.claim.quantity.low for c in got] == [42]
    assert removed == ["caption"]


def test_rejections_are_recorded(db_url: str) -> None:
    with store_api.open_store(db_url) as s:
        r = store_api.ingest_documents(
            [Rejection(source="bad.pdf", error="bad.pdf: binary input", reason="binary")], s,
            extractor=FixedExtractor())
        with s.read() as conn:
            row = conn.execute(sa.text("SELECT source, reason FROM rejected_inputs")).one()
    assert r.rejected == 1 and tuple(row) == ("bad.pdf", "binary")


def test_claim_round_trips(db_url: str) -> None:
    docs = dev_documents()
    seed = next(d for d in docs if d.doc_id.startswith("000_"))
    ex = GoldExtractor()
    expected = {c.claim_id: c for c in ex(seed)}
    with store_api.open_store(db_url) as s:
        store_api.ingest_documents([seed], s, extractor=ex)
        got = store_api.claims(s, merged=False)
    assert {g.claim.claim_id: g.claim for g in got} == expected


def test_default_extraction_is_batched_and_keeps_order_and_skips_unchanged(db_url: str) -> None:
    """With the built-in extractor, documents are extracted in batches: the outcomes keep the
    input order, rejections between documents included, and a second run extracts nothing."""
    from warclaims import extract_claims

    docs = dev_documents()[:20]
    items = [*docs[:3], Rejection(source="bad.pdf", error="bad.pdf: binary", reason="binary"),
             *docs[3:]]
    seen: list[str] = []
    with store_api.open_store(db_url) as s:
        first = store_api.ingest_documents(items, s, on_document=lambda o: seen.append(o.doc_id))
        second = store_api.ingest_documents(items, s)
    assert seen == [*(d.doc_id for d in docs[:3]), "bad.pdf", *(d.doc_id for d in docs[3:])]
    assert first.claims == sum(len(extract_claims(d)) for d in docs)
    assert second.unchanged == len(docs) and second.claims == 0
