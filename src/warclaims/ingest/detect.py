"""Tell an input's format from its content, not its file name."""

from __future__ import annotations

import json
import re
import zlib

from warclaims.ingest.decode import utf16_order

_HTML = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*(?:<!doctype html|<html|<head|<body|<meta|<div|<article|<p\b)",
    re.I | re.S,
)
_FEED = re.compile(rb"<rss\b|<feed\b[^>]*xmlns|<rdf:RDF\b", re.I)
_HEADER = re.compile(rb"^\s*date \d{4}-\d{2}-\d{2}\b")


def sniff(head: bytes) -> str:
    """One of 'warc', 'feed', 'html', 'jsonl', 'scraped', 'text' from the first bytes."""
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        try:
            inner = _gunzip_head(head)
        except zlib.error:
            return "binary"
        return "warc" if inner.startswith(b"WARC/") else "binary"
    head = _utf16_to_utf8(head)
    stripped = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if stripped.startswith(b"<?xml") or stripped.startswith(b"<rss") or stripped.startswith(b"<feed"):
        if _FEED.search(head[:4096]):
            return "feed"
    if _HTML.search(head[:4096]):
        return "html"
    if stripped.startswith(b"{") and _json_record(stripped.split(b"\n", 1)[0]):
        return "jsonl"
    if _HEADER.match(head.lstrip(b"\xef\xbb\xbf")):
        return "scraped"
    if re.search(rb"<html\b|<body\b|</p>", head[:8192], re.I):
        return "html"
    return "text"


def _json_record(first_line: bytes) -> bool:
    """True when the line is a JSON object with a 'text' or 'html' field."""
    try:
        obj = json.loads(first_line)
    except ValueError:
        return False
    return isinstance(obj, dict) and ("text" in obj or "html" in obj)


def _utf16_to_utf8(head: bytes) -> bytes:
    """UTF-16 bytes (with or without BOM) re-encoded as UTF-8, so the patterns below apply."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = "utf-16"
    else:
        enc = utf16_order(head[:4096])
        if enc is None:
            return head
    return head[: len(head) // 2 * 2].decode(enc, errors="ignore").lstrip("\ufeff").encode("utf-8")


def _gunzip_head(head: bytes) -> bytes:
    d = zlib.decompressobj(16 + 15)
    return d.decompress(head, 64)
