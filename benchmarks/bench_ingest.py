"""Ingest benchmark: N documents (the dev corpus repeated with varied ids) into SQLite.

    PYTHONPATH=src python3 benchmarks/bench_ingest.py [--n 10000] [--reader plain|api]
        [--extractor gold|api]

Prints documents/second and peak resident memory (resource.getrusage), plus the peak after
the first tenth of the documents, to show that memory does not grow with the document count.
``--extractor gold`` stores the dev corpus's gold claims (store throughput alone);
``--extractor api`` runs the real extractor as well. Each copy gets its own doc_id and
outlet, so all but the first copy of each article are recognised as syndicated copies.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests" / "store")]

from corpus import DEV, GoldExtractor, read_plain  # noqa: E402

from warclaims import store_api  # noqa: E402
from warclaims.store import query  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_corpus(folder: Path, n: int) -> dict[str, str]:
    """Write n documents; return test doc_id -> dev doc_id."""
    sources = sorted(DEV.glob("*.txt"))
    base = {}
    for i in range(n):
        src = sources[i % len(sources)]
        doc_id = f"{src.stem}__{i:05d}"
        (folder / f"{doc_id}.txt").write_bytes(src.read_bytes())
        base[doc_id] = src.stem
    return base


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--reader", choices=["plain", "api"], default="plain")
    ap.add_argument("--extractor", choices=["gold", "api"], default="gold")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        base = write_corpus(folder, args.n)
        db = Path(tmp) / "bench.db"
        gold = GoldExtractor(base=base)
        extractor = gold if args.extractor == "gold" else None
        paths = sorted(folder.glob("*.txt"))
        if args.reader == "api":
            from warclaims.api import read
            items = read([str(folder)])
        else:
            items = (read_plain(p, publisher=f"Outlet {i % 50}") for i, p in enumerate(paths))
        marks: dict[str, float] = {}
        done = 0

        def tick(_outcome: store_api.DocOutcome) -> None:
            nonlocal done
            done += 1
            if done == max(1, args.n // 10):
                marks["rss_tenth"] = peak_rss_mb()
                marks["t_tenth"] = time.perf_counter()

        t0 = time.perf_counter()
        report = store_api.ingest_documents(items, db, extractor=extractor, on_document=tick)
        elapsed = time.perf_counter() - t0
        with store_api.open_store(db) as s:
            n_docs, n_claims = query.count(s, "documents"), query.count(s, "claims")
            n_groups = query.count(s, "claim_groups")
        size = db.stat().st_size / 2**20
    print(f"documents        {report.documents} ({report.added} added, "
          f"{report.copies} syndicated copies, {report.rejected} rejected)")
    print(f"stored           {n_docs} documents, {n_claims} claim reports, "
          f"{n_groups} merged claims, {size:.1f} MB")
    print(f"time             {elapsed:.1f} s, {report.documents / elapsed:.0f} documents/s")
    print(f"peak RSS         {peak_rss_mb():.0f} MB (after first tenth: "
          f"{marks.get('rss_tenth', 0):.0f} MB)")


if __name__ == "__main__":
    main()
