"""Expand paths (files, folders, globs, '-') and read each input with the reader its content needs."""

from __future__ import annotations

import glob
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from warclaims.errors import InputError, MissingInput, TooLarge
from warclaims.ingest import build
from warclaims.ingest.decode import decode
from warclaims.ingest.detect import sniff
from warclaims.ingest.records import read_feed, read_jsonl, read_warc
from warclaims.model import Document, Rejection
from warclaims.settings import default

_SKIP_SUFFIXES = (".gold.json",)


def expand(paths: Iterable[str | Path]) -> Iterator[Path | Rejection | str]:
    """Each input file under ``paths`` in a stable order, '-' for stdin, Rejections for misses."""
    for raw in paths:
        p = str(raw)
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and _wanted(f))
            if not files:
                yield Rejection(p, "folder holds no documents", "empty_folder")
            yield from files
        elif path.is_file():
            yield path
        elif any(ch in p for ch in "*?["):
            matches = sorted(Path(m) for m in glob.glob(p, recursive=True))
            files = [m for m in matches if m.is_file() and _wanted(m)]
            if not files:
                yield Rejection(p, "no file matches this pattern", MissingInput.reason)
            yield from files
        else:
            yield Rejection(p, "no such file or folder", MissingInput.reason)


def _wanted(path: Path) -> bool:
    name = path.name
    return not name.startswith(".") and not name.endswith(_SKIP_SUFFIXES)


def iter_documents(
    paths: Iterable[str | Path], *, strict: bool = False, max_bytes: int | None = None
) -> Iterator[Document | Rejection]:
    """Every document under ``paths``; with ``strict`` the first failure raises InputError."""
    limit = int(max_bytes or default("max_bytes"))
    for item in expand(paths):
        results = [item] if isinstance(item, Rejection) else read_path(item, limit)
        for res in results:
            if strict and isinstance(res, Rejection):
                raise InputError(res.source, res.error)
            yield res


def read_path(path: Path | str, max_bytes: int) -> Iterator[Document | Rejection]:
    """The documents of one file (or '-' for stdin)."""
    source = "<stdin>" if path == "-" else str(path)
    doc_id = "stdin" if path == "-" else _doc_id(Path(path))
    try:
        if path == "-":
            stream = io.BytesIO(sys.stdin.buffer.read())
            size = len(stream.getvalue())
        else:
            stream = open(path, "rb")  # noqa: SIM115 - closed below
            size = Path(path).stat().st_size
    except OSError as exc:
        yield Rejection(source, f"cannot open: {exc.strerror or exc}", "unreadable")
        return
    with stream:
        head = stream.read(65536)
        kind = sniff(head)
        stream.seek(0)
        if kind == "warc":
            yield from read_warc(stream, source, max_bytes)
            return
        if kind == "jsonl":
            yield from read_jsonl(stream, source, max_bytes)
            return
        if size > max_bytes:
            yield Rejection(source, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit "
                            "(raise --max-bytes to read it)", TooLarge.reason)
            return
        data = stream.read()
    try:
        if kind == "feed":
            yield from read_feed(data, source)
            return
        text = decode(data, source)
        sha = build.sha1(text)
        if kind == "html":
            yield build.from_html(text, doc_id=doc_id, source=source, raw_sha1=sha)
        else:
            yield build.from_text(text, doc_id=doc_id, source=source, raw_sha1=sha)
    except InputError as exc:
        yield Rejection(exc.source, exc.message, exc.reason)
    except RecursionError:
        yield Rejection(source, "document too deeply nested to parse", "corrupt")


def _doc_id(path: Path) -> str:
    name = path.name
    for suffix in (".txt", ".html", ".htm", ".xhtml", ".text", ".md"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem
