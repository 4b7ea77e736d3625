"""Assemble Documents from decoded text or HTML: cleaning, metadata, removed parts, sections."""

from __future__ import annotations

import hashlib
import re

from warclaims.clean.page import clean_page
from warclaims.clean.rules import rules
from warclaims.errors import EmptyInput
from warclaims.ingest.html import parse_html
from warclaims.model import Document, Removed, Section
from warclaims.util.dates import find_date, to_date

_LETTERS = re.compile(r"[^\W\d_]{2,}")
_EN_WORDS = frozenset("the of and to in a is that said for on was with by as were has".split())


def guess_language(text: str) -> str | None:
    """'en' when the text reads as English, else None (warclaims extracts English only)."""
    ws = re.findall(r"[a-zA-Z]+", text[:5000].lower())
    if len(ws) < 5:
        return None
    share = sum(w in _EN_WORDS for w in ws) / len(ws)
    return "en" if share > 0.12 else None


def has_words(text: str) -> bool:
    """True when ``text`` holds at least one word of two letters (not only marks or digits)."""
    return bool(_LETTERS.search(text))


def from_text(
    text: str, *, doc_id: str, source: str, url: str | None = None,
    published: str | None = None, title: str | None = None, raw_sha1: str | None = None,
) -> Document:
    """A Document from scraped page text or plain article text."""
    page = clean_page(text, published=published)
    if not has_words(page.text):
        raise EmptyInput(source, "no article text found after cleaning")
    return Document(
        doc_id=doc_id, text=page.text, title=title or page.title, authors=tuple(page.authors),
        published=page.published, publisher=page.publisher, language=guess_language(page.text),
        url=url, source=source, removed=tuple(page.removed), sections=tuple(page.sections),
        raw_sha1=raw_sha1 or sha1(text),
    )


def from_html(
    text: str, *, doc_id: str, source: str, url: str | None = None, raw_sha1: str | None = None,
    published: str | None = None,
) -> Document:
    """A Document from an HTML page; ``published`` is used when the page gives no date."""
    page = parse_html(text, source)
    r = rules()
    body: list[str] = []
    removed: list[Removed] = []
    for para in page.body:
        kind = r.classify(para)
        if kind:
            removed.append(Removed(kind, para))
        else:
            body.append(para)
    if not has_words(" ".join(body)):
        raise EmptyInput(source, "no article text found in the HTML page")
    in_body = set(body)
    teaser_set = set(page.teasers)
    published = page.published or published
    ref = to_date(published)
    sections = [_teaser(t, ref) for t in page.teasers]
    for line in page.lines:
        if line in in_body or any(line in b for b in body) or line == page.title:
            continue
        kind = "teaser" if line in teaser_set else (r.classify(line) or "other")
        removed.append(Removed(kind, line))
    return Document(
        doc_id=doc_id, text="\n\n".join(body), title=page.title, authors=page.authors,
        published=published, publisher=page.publisher,
        language=guess_language(" ".join(body)), url=url or page.url, source=source,
        removed=tuple(removed), sections=tuple(sections), raw_sha1=raw_sha1 or sha1(text),
    )


def _date_in(text: str, ref) -> str | None:
    m = re.search(r"\(([A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)\)\s*$", text)
    found = find_date(m.group(1), ref) if m else None
    return found[0].isoformat() if found else None


# A teaser link followed by its date with a year: "... on the road to Brovary March 4, 2022".
_BARE_TRAILING_DATE = re.compile(
    r"\s+((?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})|(?:\d{1,2} [A-Z][a-z]{2,8}\.? \d{4})"
    r"|(?:\d{4}-\d\d-\d\d))\s*$")


def _teaser(text: str, ref) -> Section:
    """A teaser section dated by the date printed at its end (a bare date is cut off)."""
    day = _date_in(text, ref)
    if day is None and (m := _BARE_TRAILING_DATE.search(text)):
        found = find_date(m.group(1), ref)
        if found:
            return Section("teaser", text[:m.start()], found[0].isoformat())
    return Section("teaser", text, day)


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()
