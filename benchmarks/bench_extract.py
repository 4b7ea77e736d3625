"""Benchmark: claim extraction throughput on one core.

    python benchmarks/bench_extract.py [CORPUS_DIR] [--docs N]

Reads the dev corpus once (reading is measured by bench_read.py), then extracts claims from
(a) the seed page repeated N times and (b) the whole corpus repeated to N documents, in this
single process pinned to one CPU core, once with one extract_claims call per document and once
with extract_claims_many (the candidate sentences of 16 documents parsed in one spaCy call).
Prints documents/second (CPU time and wall time) and the machine. The spaCy model is loaded
before timing starts. Per-document memos are cleared for every document, so repeating a
document does not make it cheaper.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import machine  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
SEED = "000_31431fc50040e6e5"


def run(docs, extract) -> tuple[float, float, int]:
    cpu, wall = time.process_time(), time.perf_counter()
    claims = extract(docs)
    return time.process_time() - cpu, time.perf_counter() - wall, claims


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--docs", type=int, default=1000)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from warclaims import extract_claims, read
    from warclaims.model import Document

    docs = [d for d in read([args.corpus]) if isinstance(d, Document)]
    if not docs:
        print(f"no documents in {args.corpus}", file=sys.stderr)
        return 1
    for d in docs:  # warm up: model, lexicons, gazetteer
        extract_claims(d)
    seed = [d for d in docs if d.doc_id == SEED]
    print(f"machine: {machine()}, Python {platform.python_version()}, 1 core")
    mix = (docs * (args.docs // len(docs) + 1))[: args.docs]
    words = sum(len(d.text.split()) for d in docs) / len(docs)
    runs = [(f"seed page ({len(seed[0].text.split())} words)", seed * args.docs)] if seed else []
    runs.append((f"dev corpus mix ({len(docs)} docs, mean {words:.0f} words)", mix))
    for label, batch in runs:
        for mode, extract in (("one call per document", one_by_one),
                              ("extract_claims_many (batched parse)", batched)):
            cpu, wall, n = run(batch, extract)
            print(f"{label} x {args.docs}, {mode}: {args.docs / cpu:.1f} docs/s CPU, "
                  f"{args.docs / wall:.1f} docs/s wall, {n} claims")
    return 0


def one_by_one(docs) -> int:
    from warclaims import extract_claims

    return sum(len(extract_claims(d)) for d in docs)


def batched(docs) -> int:
    from warclaims import extract_claims_many

    return sum(len(claims) for claims in extract_claims_many(docs))


if __name__ == "__main__":
    sys.exit(main())
