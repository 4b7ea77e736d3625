"""Benchmark: claim extraction throughput on one core.

    python benchmarks/bench_extract.py [CORPUS_DIR] [--docs N]

Reads the dev corpus once (reading is measured by bench_read.py), then extracts claims from
(a) the seed page repeated N times and (b) the whole corpus repeated to N documents, in this
single process pinned to one CPU core. Prints documents/second (CPU time and wall time) and
the machine. The spaCy model is loaded before timing starts.
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
    claims = sum(len(extract(d)) for d in docs)
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
    if seed:
        cpu, wall, n = run(seed * args.docs, extract_claims)
        words = len(seed[0].text.split())
        print(f"seed page ({words} words) x {args.docs}: {args.docs / cpu:.1f} docs/s CPU, "
              f"{args.docs / wall:.1f} docs/s wall, {n} claims")
    mix = (docs * (args.docs // len(docs) + 1))[: args.docs]
    cpu, wall, n = run(mix, extract_claims)
    words = sum(len(d.text.split()) for d in docs) / len(docs)
    print(f"dev corpus mix ({len(docs)} docs, mean {words:.0f} words) x {args.docs}: "
          f"{args.docs / cpu:.1f} docs/s CPU, {args.docs / wall:.1f} docs/s wall, {n} claims")
    return 0


if __name__ == "__main__":
    sys.exit(main())
