"""Every reader: feeds, WARC (plain, gzipped, truncated), JSON Lines, HTML, scraped and plain text."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warclaims import read
from warclaims.ingest.detect import sniff
from warclaims.model import Document, Rejection

PARAS = (
    "Fighting continued overnight near the eastern town of Kostiantynivka, where regional officials "
    "said three civilians were wounded when a guided bomb hit a residential block on Wednesday.",
    "The regional governor said rescue teams worked through the night and that the building's upper "
    "floors had collapsed, trapping several residents who were later freed by emergency crews.",
    "Military analysts said the town has come under growing pressure in recent weeks as Russian "
    "forces pressed their offensive from the south and east of the industrial area.",
)
BODY_HTML = "".join(f"<p>{p}</p>" for p in PARAS)


def page(title: str, head: str = "", extra_body: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>"
            f"<article><h1>{title}</h1>{BODY_HTML}</article>{extra_body}</body></html>")


def read_all(*paths: Path | str) -> list[Document | Rejection]:
    return list(read([str(p) for p in paths]))


def one_doc(path: Path) -> Document:
    (doc,) = read_all(path)
    assert isinstance(doc, Document), doc
    return doc


# --- RSS / Atom -------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Frontline Dispatch</title><link>https://d.example.net</link>
<item><title>Drone strike cuts power to 40,000 homes in Odesa region</title>
<link>https://d.example.net/a1</link><guid>https://d.example.net/a1</guid>
<pubDate>Tue, 14 Jan 2025 08:15:00 +0000</pubDate><author>Ines Duarte</author>
<description><![CDATA[<p>A Russian drone strike on energy infrastructure in the Odesa region overnight
cut power to about 40,000 homes, the regional administration said on Tuesday.</p>
<p>Repair crews were working to restore supply by the evening, officials said.</p>]]></description>
</item>
<item><title>Parliament extends martial law &amp; mobilisation for 90 days</title>
<link>https://d.example.net/a2</link><pubDate>Wed, 15 Jan 2025 10:00:00 +0000</pubDate>
<description>Lawmakers voted on Wednesday to extend martial law and general mobilisation for
another 90 days, the parliament's press service said.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Border Wire</title><id>urn:bw</id>
<updated>2025-02-02T00:00:00Z</updated>
<entry><title>Shelling damages school in border village</title><id>urn:bw:1</id>
<link href="https://bw.example.com/1"/><published>2025-02-01T09:00:00Z</published>
<updated>2025-02-01T09:00:00Z</updated><author><name>Tomas Berg</name></author>
<content type="html">&lt;p&gt;Artillery shelling damaged a school in a border village on Saturday
morning, local authorities said, adding that no one was hurt.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_each_item_is_a_document(tmp_path: Path) -> None:
    f = tmp_path / "feed.xml"
    f.write_text(RSS, encoding="utf-8")
    first, second = read_all(f)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.title == "Drone strike cuts power to 40,000 homes in Odesa region"
    assert first.authors == ("Ines Duarte",)
    assert first.published == "2025-01-14"
    assert first.url == "https://d.example.net/a1"
    assert first.source == f"{f}#https://d.example.net/a1"
    assert first.text.startswith("A Russian drone strike")
    assert "Repair crews were working" in first.text
    assert len(first.doc_id) == 16 and first.doc_id != second.doc_id


def test_rss_plain_text_description_is_the_body(tmp_path: Path) -> None:
    """An item whose description has no HTML blocks still gives its text (and an escaped title)."""
    f = tmp_path / "feed.xml"
    f.write_text(RSS, encoding="utf-8")
    second = read_all(f)[1]
    assert isinstance(second, Document), second
    assert second.title == "Parliament extends martial law & mobilisation for 90 days"
    assert second.text.startswith("Lawmakers voted on Wednesday")
    assert second.published == "2025-01-15"


def test_atom_entry(tmp_path: Path) -> None:
    f = tmp_path / "border"
    f.write_text(ATOM, encoding="utf-8")
    doc = one_doc(f)
    assert doc.title == "Shelling damages school in border village"
    assert doc.authors == ("Tomas Berg",)
    assert doc.published == "2025-02-01"
    assert "no one was hurt" in doc.text


def test_unreadable_feed_is_rejected(tmp_path: Path) -> None:
    f = tmp_path / "bad.rss"
    f.write_text('<?xml version="1.0"?><rss version="2.0"><channel><item><title>x', encoding="utf-8")
    results = read_all(f)
    assert results and all(isinstance(r, Rejection) for r in results)
    assert str(f) in results[0].source


# --- WARC -------------------------------------------------------------------------------------


def make_warc(gz: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    records = [
        ("https://news.example.org/one", "text/html; charset=utf-8",
         page("Guided bomb wounds three in eastern town").encode()),
        ("https://news.example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n0000"),
        ("https://news.example.org/two", "text/html",
         page("Кількість поранених зросла до п'яти: updated toll").encode("cp1251")),
    ]
    for url, ctype, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers))
    writer.write_record(writer.create_warc_record(
        "https://news.example.org/one", "request", payload=io.BytesIO(b"GET /one HTTP/1.1\r\n\r\n")))
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzipped"])
def test_warc_html_responses_become_documents(tmp_path: Path, gz: bool) -> None:
    f = tmp_path / "crawl.data"  # no .warc suffix: told from content
    f.write_bytes(make_warc(gz))
    docs = read_all(f)
    assert [type(d) for d in docs] == [Document, Document]
    one, two = docs
    assert one.url == "https://news.example.org/one"
    assert one.source == f"{f}#https://news.example.org/one"
    assert one.title == "Guided bomb wounds three in eastern town"
    assert PARAS[1] in one.text
    assert two.title == "Кількість поранених зросла до п'яти: updated toll"  # cp1251 record


def test_warc_doc_ids_are_stable_hashes_of_the_url(tmp_path: Path) -> None:
    a, b = tmp_path / "a.warc", tmp_path / "b.warc.gz"
    a.write_bytes(make_warc(False))
    b.write_bytes(make_warc(True))
    ids_a = [d.doc_id for d in read_all(a)]
    assert ids_a == [d.doc_id for d in read_all(b)]
    assert len(set(ids_a)) == 2


def test_truncated_gzipped_warc_keeps_earlier_records(tmp_path: Path) -> None:
    data = make_warc(True)
    f = tmp_path / "cut.warc.gz"
    f.write_bytes(data[: len(data) * 2 // 3])
    results = read_all(f)
    assert isinstance(results[0], Document)
    assert results[0].url == "https://news.example.org/one"
    assert isinstance(results[-1], Rejection)
    assert "truncated" in results[-1].error
    assert results[-1].source.startswith(str(f))


def test_warc_record_cut_off_mid_payload_is_rejected(tmp_path: Path) -> None:
    data = make_warc(False)
    cut = data.index(b"news.example.org/two") + 900
    f = tmp_path / "cut.warc"
    f.write_bytes(data[:cut])
    results = read_all(f)
    assert isinstance(results[0], Document)
    assert isinstance(results[1], Rejection)
    assert results[1].source.endswith("#https://news.example.org/two")
    assert "cut off" in results[1].error


def test_warc_record_over_the_size_limit(tmp_path: Path) -> None:
    from warclaims.ingest.sources import iter_documents

    f = tmp_path / "a.warc"
    f.write_bytes(make_warc(False))
    results = list(iter_documents([f], max_bytes=200))
    assert results and all(isinstance(r, Rejection) and r.reason == "too_large" for r in results)


# --- JSON Lines -------------------------------------------------------------------------------


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        {"id": "j1", "text": "Air defence units shot down 12 of 15 drones launched overnight at the "
         "capital region, the air force said on Monday.", "date": "2025-03-03T07:00:00Z",
         "url": "https://x.example/j1", "title": "Air defence downs 12 drones"},
        "not json at all",
        {"id": "j3", "url": "https://x.example/j3"},
        "",
        {"url": "https://x.example/j5", "date": "2025-03-07",
         "html": page("Port city hit by missiles")},
        '{"id": "j6", "text": "cut off in the mid',
    ]
    f = tmp_path / "batch.txt"
    f.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n",
                 encoding="utf-8")
    results = read_all(f)
    kinds = [(type(r).__name__, r.source) for r in results]
    assert kinds == [
        ("Document", f"{f}:1"), ("Rejection", f"{f}:2"), ("Rejection", f"{f}:3"),
        ("Document", f"{f}:5"), ("Rejection", f"{f}:6"),
    ]
    j1, j5 = results[0], results[3]
    assert j1.doc_id == "j1" and j1.published == "2025-03-03" and j1.url == "https://x.example/j1"
    assert j1.title == "Air defence downs 12 drones"
    assert j5.title == "Port city hit by missiles" and PARAS[0] in j5.text
    assert j5.published == "2025-03-07"  # the record's date when the page gives none
    assert len(j5.doc_id) == 16
    assert "'text' or 'html'" in results[2].error


# --- HTML -------------------------------------------------------------------------------------

JSON_LD = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
{"@type": "WebSite", "name": "EFM"},
{"@type": "NewsArticle", "headline": "Guided bomb wounds three in Kostiantynivka",
 "datePublished": "2025-05-21T19:40:00+03:00",
 "author": [{"@type": "Person", "name": "Priya Raman"}, {"@type": "Person", "name": "Lukas Becker"}],
 "publisher": {"@type": "Organization", "name": "Eastern Front Monitor"}}]}</script>"""

OG = """<meta property="og:title" content="Three wounded as guided bomb hits apartment block">
<meta property="og:site_name" content="Steppe Courier">
<meta property="article:published_time" content="2025-05-22T06:00:00Z">
<meta name="author" content="Anna Kowalski">
<meta property="og:url" content="https://steppe.example.org/news/3-wounded">"""


def test_html_json_ld_metadata(tmp_path: Path) -> None:
    f = tmp_path / "efm-story.html"
    f.write_text(page("Guided bomb wounds three | EFM", JSON_LD,
                      "<footer>© 2025 Eastern Front Monitor. All rights reserved.</footer>"))
    doc = one_doc(f)
    assert doc.doc_id == "efm-story"
    assert doc.title == "Guided bomb wounds three in Kostiantynivka"
    assert doc.authors == ("Priya Raman", "Lukas Becker")
    assert doc.published == "2025-05-21"
    assert doc.publisher == "Eastern Front Monitor"
    assert doc.language == "en"
    assert all(p in doc.text for p in PARAS)
    assert "All rights reserved" not in doc.text
    assert any("All rights reserved" in r.text for r in doc.removed)


def test_html_open_graph_metadata(tmp_path: Path) -> None:
    f = tmp_path / "og.htm"
    f.write_text(f"<html><head>{OG}</head><body><div class='content'>"
                 f"<h1>Three wounded as guided bomb hits apartment block</h1>{BODY_HTML}</div></body></html>")
    doc = one_doc(f)
    assert doc.title == "Three wounded as guided bomb hits apartment block"
    assert doc.authors == ("Anna Kowalski",)
    assert doc.published == "2025-05-22"
    assert doc.publisher == "Steppe Courier"
    assert doc.url == "https://steppe.example.org/news/3-wounded"


def test_broken_html_still_gives_its_text(tmp_path: Path) -> None:
    f = tmp_path / "broken.html"
    f.write_text(f"<html><body><div><p>{PARAS[0]}<p>{PARAS[1][:60]} <b>and <i>the</b> rest</i> "
                 f"{PARAS[1][60:]}</span></div></td><p>{PARAS[2]}")
    doc = one_doc(f)
    assert PARAS[0] in doc.text and PARAS[2] in doc.text
    assert "<" not in doc.text


def test_truncated_html_keeps_what_arrived(tmp_path: Path) -> None:
    full = page("Guided bomb wounds three in Kostiantynivka")
    f = tmp_path / "cut.html"
    f.write_text(full[: full.index(PARAS[2]) + 40])
    doc = one_doc(f)
    assert doc.title == "Guided bomb wounds three in Kostiantynivka"
    assert PARAS[0] in doc.text and PARAS[1] in doc.text


@pytest.mark.parametrize(
    "markup",
    ["<html><head><title>x</title></head><body><div></div><script>var a=1;</script></body></html>",
     "<<<<>>>>><html <<<< >>> </></></>"],
    ids=["no-text", "markup-garbage"],
)
def test_html_without_article_text_is_rejected(tmp_path: Path, markup: str) -> None:
    f = tmp_path / "empty.html"
    f.write_text(markup)
    (rej,) = read_all(f)
    assert isinstance(rej, Rejection) and rej.source == str(f)
    assert "no article text" in rej.error


def test_utf16_html_is_read_as_html(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_bytes(page("Обстріл Харкова: three wounded overnight").encode("utf-16"))
    doc = one_doc(f)
    assert doc.title == "Обстріл Харкова: three wounded overnight"
    assert PARAS[0] in doc.text


# --- scraped text and plain text --------------------------------------------------------------

SCRAPED = """ date 2025-04-09 Skip to content
Prairie Observer | World
Drone debris sets fire to warehouse in Dnipro suburb
By Maya Lindqvist | April 9, 2025 | 4 min read
Firefighters at the scene on Wednesday. (Photo: Regional emergency service)
Debris from a downed drone set fire to a warehouse in a suburb of Dnipro early on Wednesday, the \
regional military administration said.
No one was hurt, but the fire spread over 1,200 square metres before it was contained, officials said.
Subscribe to the Prairie Observer morning briefing, delivered to your inbox.
"""


def test_scraped_page_with_date_header(tmp_path: Path) -> None:
    f = tmp_path / "scrape-0001.txt"
    f.write_text(SCRAPED)
    doc = one_doc(f)
    assert doc.doc_id == "scrape-0001"
    assert doc.published == "2025-04-09"
    assert doc.title == "Drone debris sets fire to warehouse in Dnipro suburb"
    assert doc.authors == ("Maya Lindqvist",)
    assert doc.text.startswith("Debris from a downed drone")
    assert doc.text.endswith("before it was contained, officials said.")
    kinds = {r.kind for r in doc.removed}
    assert {"navigation", "byline", "caption", "newsletter"} <= kinds


def test_plain_article_text(tmp_path: Path) -> None:
    f = tmp_path / "note.md"
    f.write_text("Ceasefire talks resume in Geneva\n\nThe ceasefire talks resumed in Geneva on Monday, "
                 "diplomats said, after a pause of three weeks.\n\nBoth delegations said they "
                 "expected a long session.\n")
    doc = one_doc(f)
    assert doc.doc_id == "note"
    assert doc.title == "Ceasefire talks resume in Geneva"
    assert doc.published is None
    assert doc.text == ("The ceasefire talks resumed in Geneva on Monday, diplomats said, after a "
                        "pause of three weeks.\n\nBoth delegations said they expected a long session.")


# --- content-based detection ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("story.txt", page("Guided bomb wounds three").encode(), "html"),
        ("story.json", b"\n\n  <div class='x'><p>Text</p></div>", "html"),
        ("page.html", SCRAPED.encode("utf-8-sig"), "scraped"),
        ("feed.html", RSS.encode(), "feed"),
        ("feed.txt", ATOM.encode(), "feed"),
        ("batch.html", (json.dumps({"id": 1, "html": "<p>x</p>"}) + "\n").encode(), "jsonl"),
        ("a.txt", make_warc(False), "warc"),
        ("a.html", make_warc(True), "warc"),
        ("a.warc", b"Just a plain line of text about the war.\n", "text"),
        ("utf16.txt", page("Title of the page").encode("utf-16-le"), "html"),
    ],
)
def test_detection_ignores_the_file_name(name: str, content: bytes, kind: str) -> None:
    assert sniff(content[:65536]) == kind


def test_same_content_same_document_whatever_the_name(tmp_path: Path) -> None:
    a, b = tmp_path / "a.html", tmp_path / "a.dat"
    for f in (a, b):
        f.write_text(page("Guided bomb wounds three in Kostiantynivka", JSON_LD))
    da, db = one_doc(a), one_doc(b)
    assert (da.title, da.text, da.authors) == (db.title, db.text, db.authors)


def test_related_link_with_a_bare_date_is_a_dated_teaser(tmp_path: Path) -> None:
    related = ('<aside class="related"><ul><li><a href="/a">Army says 12 drones downed over '
               'the port city overnight</a> <span class="date">March 4, 2022</span></li>'
               '</ul></aside>')
    f = tmp_path / "page.html"
    f.write_text(page("Port city hit by missiles", extra_body=related), encoding="utf-8")
    [doc] = read([f])
    teasers = [s for s in doc.sections if s.kind == "teaser"]
    assert [(s.text, s.date) for s in teasers] == [
        ("Army says 12 drones downed over the port city overnight", "2022-03-04")]
