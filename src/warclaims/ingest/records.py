"""Multi-document containers: RSS/Atom feeds, WARC archives (streamed) and JSON Lines."""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterator
from typing import BinaryIO

import feedparser

from warclaims.errors import InputError, TooLarge
from warclaims.ingest import build
from warclaims.ingest.decode import decode
from warclaims.model import Document, Rejection


def stable_id(key: str) -> str:
    """A stable document id for a URL or record id."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _guard(fn) -> Document | Rejection:
    """Run a reader; an input error becomes a Rejection naming the input."""
    try:
        return fn()
    except InputError as exc:
        return Rejection(source=exc.source, error=exc.message, reason=exc.reason)


def read_feed(data: bytes, source: str) -> Iterator[Document | Rejection]:
    """Each entry of an RSS or Atom feed becomes a document."""
    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        yield Rejection(source, f"unreadable feed: {parsed.get('bozo_exception')}", "feed")
        return
    for i, entry in enumerate(parsed.entries):
        key = entry.get("id") or entry.get("link") or f"{source}#{i}"
        where = f"{source}#{entry.get('link') or i}"
        content = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
        published = None
        if entry.get("published_parsed"):
            t = entry.published_parsed
            published = f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}"

        def make(content=content, key=key, where=where, entry=entry, published=published):
            text = _entry_text(entry.get("title", ""), content)
            doc = build.from_text(text, doc_id=stable_id(key), source=where,
                                  url=entry.get("link"), published=published,
                                  title=entry.get("title"))
            author = entry.get("author")
            return Document(**{**doc.__dict__, "authors": (author,) if author else doc.authors})

        yield _guard(make)


_ENTRY_BLOCKS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote")


def _entry_text(title: str, content: str) -> str:
    """A feed entry as page text: its title line, then one line per block of its content.

    Content without block elements (a plain-text summary) is kept whole.
    """
    from lxml import html as lxml_html

    blocks: list[str] = []
    if content.strip():
        tree = lxml_html.fragment_fromstring(content, create_parent="div")
        blocks = [" ".join(el.text_content().split()) for el in tree.iter(*_ENTRY_BLOCKS)]
        blocks = [b for b in blocks if b] or [" ".join(tree.text_content().split())]
    return "\n".join(line for line in (" ".join(title.split()), *blocks) if line)


def read_warc(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Document | Rejection]:
    """Each HTML response record of a WARC (plain or gzipped) becomes a document; streamed."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    # warcio fails on a cut-off record in several ways (a missing header gives AttributeError)
    broken = (ArchiveLoadFailed, StatusAndHeadersParserException, OSError, EOFError, ValueError,
              AttributeError, zlib.error)

    n = 0
    try:
        for n, record in enumerate(ArchiveIterator(stream), start=1):
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if ctype and "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI") or f"record-{n}"
            where = f"{source}#{url}"
            data = record.content_stream().read(max_bytes + 1)
            if len(data) > max_bytes:
                yield Rejection(where, f"record larger than {max_bytes} bytes", TooLarge.reason)
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than the record declares
                yield Rejection(where, "WARC record is cut off (truncated archive)", "corrupt")
                continue
            yield _guard(lambda data=data, url=url, where=where: build.from_html(
                decode(data, where), doc_id=stable_id(url), source=where, url=url))
    except broken as exc:
        detail = "" if isinstance(exc, AttributeError) else f": {exc}"
        yield Rejection(source, f"truncated or corrupt WARC archive after record {n}{detail}",
                        "corrupt")


def read_jsonl(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Document | Rejection]:
    """One document per line: {"id", "text" or "html", "date", "url", "title"}."""
    for n, raw in enumerate(stream, start=1):
        where = f"{source}:{n}"
        if not raw.strip():
            continue
        if len(raw) > max_bytes:
            yield Rejection(where, f"line longer than {max_bytes} bytes", TooLarge.reason)
            continue
        try:
            obj = json.loads(raw)
        except ValueError as exc:
            yield Rejection(where, f"not a JSON object: {exc}", "json")
            continue
        if not isinstance(obj, dict) or not (obj.get("text") or obj.get("html")):
            yield Rejection(where, "JSON line has no 'text' or 'html' field", "json")
            continue
        key = str(obj.get("id") or obj.get("url") or where)
        doc_id = str(obj["id"]) if obj.get("id") else stable_id(key)
        published = str(obj["date"])[:10] if obj.get("date") else None
        if obj.get("html"):
            yield _guard(lambda obj=obj, doc_id=doc_id, where=where, day=published:
                         build.from_html(str(obj["html"]), doc_id=doc_id, source=where,
                                         url=obj.get("url"), published=day))
        else:
            yield _guard(lambda obj=obj, doc_id=doc_id, where=where, day=published:
                         build.from_text(str(obj["text"]), doc_id=doc_id, source=where,
                                         url=obj.get("url"), published=day,
                                         title=obj.get("title")))


__all__ = ["read_feed", "read_jsonl", "read_warc", "stable_id"]
