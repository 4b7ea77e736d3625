"""Benchmark: read and clean the dev corpus repeated to 5,000 documents, on one core.

    python benchmarks/bench_read.py [CORPUS_DIR] [--docs N]

CORPUS_DIR defaults to ../shared/corpus/dev relative to the repository root. The documents
(not the .gold.json files) are copied under varied names into a temporary folder, then
``warclaims.read`` reads and cleans them in this single process, pinned to one CPU core.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import machine  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def corpus_files(corpus: Path) -> list[Path]:
    files = sorted(p for p in corpus.iterdir()
                   if p.is_file() and not p.name.endswith(".json") and not p.name.startswith("."))
    if not files:
        sys.exit(f"no documents in {corpus}")
    return files


def fill(folder: Path, files: list[Path], n: int) -> None:
    """Copy ``files`` round-robin into ``folder`` until it holds ``n`` documents."""
    for i in range(n):
        src = files[i % len(files)]
        shutil.copyfile(src, folder / f"copy{i:05d}_{src.stem[:12]}{src.suffix}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--docs", type=int, default=5000, help="documents to read (default 5000)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    from warclaims import read
    from warclaims.model import Document

    files = corpus_files(args.corpus)
    with tempfile.TemporaryDirectory(prefix="warclaims-bench-") as tmp:
        folder = Path(tmp)
        fill(folder, files, args.docs)
        list(read([files[0]]))  # warm-up: load data files and libraries outside the timing
        start = time.perf_counter()
        results = list(read([folder]))
        elapsed = time.perf_counter() - start
    docs = sum(isinstance(r, Document) for r in results)
    failed = len(results) - docs
    rate = docs / elapsed
    print(f"corpus      {args.corpus} ({len(files)} documents, repeated)")
    print(f"documents   {docs} read and cleaned, {failed} failed")
    print(f"time        {elapsed:.1f} s (one process, one core)")
    print(f"throughput  {rate:.0f} documents/second = {rate:.0f} documents/second per core")
    print(f"machine     {machine()}; Python {platform.python_version()}; {platform.system()}")


if __name__ == "__main__":
    main()
