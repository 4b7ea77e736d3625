"""HTML pages: main text and metadata through trafilatura, completed by the page's own tags."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from warclaims.clean.lines import is_headline
from warclaims.clean.metadata import tidy_authors
from warclaims.clean.rules import rules
from warclaims.errors import InputError
from warclaims.util.dates import find_date

_BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li ul ol figcaption figure caption blockquote td tr table dt dd dl div "
    "section article aside nav header footer main form br hr address pre".split()
)
_TEASER_CONTAINER = re.compile(r"related|teaser|more|recommend|read-?next|most-read|popular|aside", re.I)


@dataclass(frozen=True)
class HtmlPage:
    """What an HTML page gives: body paragraphs, all visible lines, metadata and teaser lines."""

    body: tuple[str, ...]
    lines: tuple[str, ...]
    teasers: tuple[str, ...]
    title: str | None
    authors: tuple[str, ...]
    published: str | None
    publisher: str | None
    url: str | None


def parse_html(text: str, source: str) -> HtmlPage:
    """Extract the article from an HTML page, or raise an InputError naming ``source``."""
    try:
        tree = lxml_html.fromstring(text)
    except (ValueError, etree.ParserError, etree.XMLSyntaxError) as exc:
        raise InputError(source, f"unparseable HTML: {exc}") from exc
    body_xml = trafilatura.extract(
        text, output_format="txt", include_comments=False, include_tables=False,
        favor_precision=True, deduplicate=False,
    )
    meta = trafilatura.extract_metadata(text)
    ld = _json_ld(tree)
    paragraphs = [ln.strip() for ln in (body_xml or "").split("\n") if ln.strip()]
    title = ld.get("headline") or (meta.title if meta else None) or _og(tree, "og:title")
    if title:
        title = title.strip()
    paragraphs = [p for p in paragraphs if p != title]
    authors = tidy_authors(
        _ld_authors(ld) or _meta_authors(tree) or _split_authors(meta.author if meta else None),
        " ".join(paragraphs))
    published = _date_of(ld.get("datePublished")) or _date_of(
        _og(tree, "article:published_time")
    ) or (meta.date if meta and meta.date else None)
    publisher = _ld_publisher(ld) or _og(tree, "og:site_name") or (meta.sitename if meta else None)
    url = _og(tree, "og:url") or (meta.url if meta else None)
    lines, teasers = _visible_lines(tree)
    return HtmlPage(
        body=tuple(paragraphs), lines=tuple(lines), teasers=tuple(teasers), title=title,
        authors=tuple(authors), published=published, publisher=publisher, url=url,
    )


def _og(tree, prop: str) -> str | None:
    found = tree.xpath(f'//meta[@property="{prop}" or @name="{prop}"]/@content')
    return found[0].strip() if found and found[0].strip() else None


def _json_ld(tree) -> dict:
    """The first NewsArticle-like JSON-LD object of the page ({} when none)."""
    for node in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(node)
        except json.JSONDecodeError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data])
        for item in items:
            if isinstance(item, dict) and "Article" in str(item.get("@type", "")):
                return item
    return {}


def _ld_authors(ld: dict) -> list[str]:
    author = ld.get("author")
    if not author:
        return []
    items = author if isinstance(author, list) else [author]
    names = [a.get("name") if isinstance(a, dict) else str(a) for a in items]
    return [n.strip() for n in names if n and n.strip()]


def _ld_publisher(ld: dict) -> str | None:
    pub = ld.get("publisher")
    if isinstance(pub, dict):
        return pub.get("name")
    return pub if isinstance(pub, str) else None


def _meta_authors(tree) -> list[str]:
    found = tree.xpath('//meta[@name="author" or @property="article:author"]/@content')
    names: list[str] = []
    for f in found:
        names.extend(_split_authors(f))
    return [n for n in names if not n.startswith("http")]


def _split_authors(text: str | None) -> list[str]:
    if not text:
        return []
    return [p.strip() for p in re.split(r"\s*(?:;|,|\band\b|&)\s*", text) if p.strip()]


def _date_of(value) -> str | None:
    if not value or not isinstance(value, str):
        return None
    m = re.match(r"(\d{4}-\d{2}-\d{2})", value.strip())
    if m:
        return m.group(1)
    found = find_date(value, None, need_year=True)
    return found[0].isoformat() if found else None


def _visible_lines(tree) -> tuple[list[str], list[str]]:
    """Every visible text block of the page, and the blocks that sit in teaser containers."""
    for bad in tree.xpath("//script|//style|//noscript|//template|//svg|//head"):
        bad.drop_tree()
    lines: list[str] = []
    teasers: list[str] = []
    seen: set[str] = set()

    def flush(buf: list[str], el) -> None:
        txt = " ".join(" ".join(buf).split())
        buf.clear()
        if not txt or txt in seen:
            return
        seen.add(txt)
        lines.append(txt)
        if _in_teaser_container(el) and is_headline(txt) and not rules().classify(txt):
            teasers.append(txt)

    def walk(el) -> None:
        buf: list[str] = [el.text or ""]
        for child in el:
            if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS:
                flush(buf, el)
                if child.tag not in ("br", "hr"):
                    walk(child)
            elif isinstance(child.tag, str):
                buf.append(child.text_content())
            buf.append(child.tail or "")
        flush(buf, el)

    body = tree.find("body")
    walk(body if body is not None else tree)
    return lines, teasers


def _in_teaser_container(el) -> bool:
    for anc in el.iterancestors():
        if anc.tag == "aside":
            return True
        cls = f"{anc.get('class', '')} {anc.get('id', '')}"
        if _TEASER_CONTAINER.search(cls):
            return True
    return False
