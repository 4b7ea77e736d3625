"""Validate the gold files of tests/corpus against SPEC sections 4-6.

Run with ``python3 tests/corpus/check_gold.py [DIR]``; prints one line per problem and
exits 1 when there is any. Checks: JSON shape and field sets, vocabularies, ISO dates,
quantity bounds per qualifier and unit word, evidence found in the document's visible
text, quantity text found in the evidence, location and period texts in the document,
body snippets present in the page, document length.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

METRICS = {"casualties", "killed", "wounded", "captured", "missing", "deployed",
           "equipment_lost", "launched", "intercepted"}
POPULATIONS = {"military", "civilian", None}
OBJECTS = {"personnel", "tank", "armored_vehicle", "artillery", "air_defense", "aircraft",
           "helicopter", "drone", "missile", "ship", "vehicle", "equipment"}
QUALIFIERS = {"exact", "approx", "more_than", "at_least", "up_to", "range", "vague"}
UNITS = {"count", "percent"}
PERS = {"day", "week", "month"}
SECTIONS = {"body", "teaser"}
UNIT_WORDS = {"squad": (8, 14), "platoon": (20, 50), "company": (80, 250),
              "battalion": (300, 1000), "regiment": (1000, 3000), "brigade": (3000, 5000),
              "division": (10000, 20000)}
CLAIM_KEYS = {"metric", "population", "object", "subject", "quantity", "claimant",
              "cited_source", "statement_date", "period", "location", "section", "evidence"}
QUANTITY_KEYS = {"text", "low", "high", "qualifier", "unit", "unit_word"}
PARTY_KEYS = {"name", "role", "side"}
LOCATION_KEYS = {"text", "name", "admin1", "country"}
PERIOD_KEYS = {"start", "end", "text"}
META_KEYS = {"title", "authors", "published", "publisher"}
ISO3 = re.compile(r"^[A-Z]{3}$")
SLUG = re.compile(r"^[a-z][a-z0-9_]*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
SKIP_TAGS = {"script", "style", "head", "title", "noscript", "template"}
BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "figcaption",
              "section", "article", "aside", "header", "footer", "nav", "ul", "ol", "form"}
MIN_WORDS, MAX_WORDS = 250, 700


class _Visible(HTMLParser):
    """Collects the text a browser would show, one block per line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in SKIP_TAGS:
            self._skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def norm(text: str) -> str:
    """Whitespace-normalised text."""
    return " ".join(text.split())


def decode(raw: bytes) -> str:
    """Decode a page by its declared charset, else UTF-8, else cp1251."""
    m = CHARSET.search(raw[:4096])
    if m:
        return raw.decode(m.group(1).decode("ascii"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1251")


def visible_text(path: Path) -> str:
    """The document's text: plain text as is, HTML with tags, scripts and head removed."""
    raw = decode(path.read_bytes())
    if path.suffix != ".html":
        return raw
    parser = _Visible()
    parser.feed(raw)
    return html.unescape("".join(parser.parts))


def is_date(value: object) -> bool:
    if not isinstance(value, str) or not ISO_DATE.match(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def check_party(party: object, where: str) -> list[str]:
    if party is None:
        return []
    if not isinstance(party, dict) or set(party) != PARTY_KEYS:
        return [f"{where}: party must have exactly {sorted(PARTY_KEYS)}"]
    errs = []
    if party["name"] is None and party["role"] is None:
        errs.append(f"{where}: party needs a name or a role")
    if party["side"] is not None and not ISO3.match(party["side"]):
        errs.append(f"{where}: side {party['side']!r} is not ISO alpha-3")
    return errs


def check_quantity(q: object, where: str) -> list[str]:
    if not isinstance(q, dict) or not QUANTITY_KEYS <= set(q) <= QUANTITY_KEYS | {"per"}:
        return [f"{where}: quantity keys {sorted(q) if isinstance(q, dict) else q}"]
    errs = []
    low, high, qual = q["low"], q["high"], q["qualifier"]
    for name, v in (("low", low), ("high", high)):
        if v is not None and (isinstance(v, bool) or not isinstance(v, int | float)):
            errs.append(f"{where}: {name} {v!r} is not a number")
    if errs:
        return errs
    if qual not in QUALIFIERS:
        errs.append(f"{where}: qualifier {qual!r}")
    if q["unit"] not in UNITS:
        errs.append(f"{where}: unit {q['unit']!r}")
    if "per" in q and q["per"] not in PERS:
        errs.append(f"{where}: per {q['per']!r}")
    if low is not None and high is not None and low > high:
        errs.append(f"{where}: low {low} > high {high}")
    shape = {"exact": (True, True), "approx": (True, True), "more_than": (True, False),
             "at_least": (True, False), "up_to": (False, True), "range": (True, True),
             "vague": (True, True)}.get(qual)
    if shape and ((low is not None, high is not None) != shape):
        errs.append(f"{where}: {qual} needs low set={shape[0]}, high set={shape[1]}")
    if qual in ("exact", "approx") and low != high:
        errs.append(f"{where}: {qual} needs low == high")
    if qual == "range" and low is not None and high is not None and low >= high:
        errs.append(f"{where}: range needs low < high")
    uw = q["unit_word"]
    if uw is not None:
        if uw not in UNIT_WORDS:
            errs.append(f"{where}: unit_word {uw!r}")
        else:
            bot, top = UNIT_WORDS[uw]
            want = {"vague": (bot, top), "up_to": (None, top), "at_least": (bot, None),
                    "more_than": (bot, None)}.get(qual)
            if want and (low, high) != want:
                errs.append(f"{where}: {qual} {uw} should be {want}, got {(low, high)}")
    return errs


def check_claim(c: dict, ev_text: str, doc_text: str, published: str | None,
                where: str) -> list[str]:
    if set(c) != CLAIM_KEYS:
        return [f"{where}: claim keys differ: {sorted(set(c) ^ CLAIM_KEYS)}"]
    errs = []
    if c["metric"] not in METRICS:
        errs.append(f"{where}: metric {c['metric']!r}")
    if c["population"] not in POPULATIONS:
        errs.append(f"{where}: population {c['population']!r}")
    if c["object"] not in OBJECTS:
        errs.append(f"{where}: object {c['object']!r}")
    subj = c["subject"]
    if not isinstance(subj, list) or subj != sorted(subj) or len(set(subj)) != len(subj):
        errs.append(f"{where}: subject must be a sorted list without repeats")
    else:
        errs += [f"{where}: subject {s!r}" for s in subj if not (ISO3.match(s) or SLUG.match(s))]
    if c["section"] not in SECTIONS:
        errs.append(f"{where}: section {c['section']!r}")
    errs += check_quantity(c["quantity"], where)
    errs += check_party(c["claimant"], where + " claimant")
    errs += check_party(c["cited_source"], where + " cited_source")
    sd = c["statement_date"]
    if sd is not None and not is_date(sd):
        errs.append(f"{where}: statement_date {sd!r}")
    per = c["period"]
    if not isinstance(per, dict) or set(per) != PERIOD_KEYS:
        return errs + [f"{where}: period keys"]
    for k in ("start", "end"):
        if per[k] is not None and not is_date(per[k]):
            errs.append(f"{where}: period.{k} {per[k]!r}")
    if is_date(per["start"]) and is_date(per["end"]) and per["start"] > per["end"]:
        errs.append(f"{where}: period start after end")
    if c["metric"] == "deployed" and per["start"] is not None:
        errs.append(f"{where}: a strength (deployed) has period.start null")
    for k, v in (("statement_date", sd), ("period.end", per["end"])):
        if published and is_date(v) and v > published:
            errs.append(f"{where}: {k} {v} after the document date {published}")
    loc = c["location"]
    if loc is not None:
        if not isinstance(loc, dict) or set(loc) != LOCATION_KEYS:
            errs.append(f"{where}: location keys")
        elif loc["country"] is not None and not ISO3.match(loc["country"]):
            errs.append(f"{where}: location country {loc['country']!r}")
        elif loc["text"] is not None and norm(loc["text"]) not in doc_text:
            errs.append(f"{where}: location text {loc['text']!r} not in the document")
    if not isinstance(c["evidence"], dict) or set(c["evidence"]) != {"text"}:
        return errs + [f"{where}: evidence must be {{'text': ...}}"]
    if ev_text not in doc_text:
        errs.append(f"{where}: evidence not found in document: {ev_text[:80]!r}")
    if norm(c["quantity"]["text"]) not in ev_text:
        errs.append(f"{where}: quantity text {c['quantity']['text']!r} not in evidence")
    if per["text"] is not None and norm(per["text"]) not in doc_text:
        errs.append(f"{where}: period text {per['text']!r} not in the document")
    return errs


def find_document(gold_path: Path) -> Path | None:
    stem = gold_path.name[: -len(".gold.json")]
    for ext in (".txt", ".html"):
        p = gold_path.with_name(stem + ext)
        if p.exists():
            return p
    return None


def check_file(gold_path: Path) -> tuple[list[str], int]:
    """Problems found in one gold file, and its number of claims."""
    name = gold_path.name
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return [f"{name}: not valid JSON: {exc}"], 0
    if set(gold) != {"doc_id", "meta", "body", "claims"}:
        return [f"{name}: top-level keys {sorted(gold)}"], 0
    doc = find_document(gold_path)
    if doc is None:
        return [f"{name}: no .txt or .html document beside it"], 0
    errs = []
    if gold["doc_id"] != doc.stem:
        errs.append(f"{name}: doc_id {gold['doc_id']!r} != file name {doc.stem!r}")
    meta = gold["meta"]
    published = None
    if set(meta) != META_KEYS:
        errs.append(f"{name}: meta keys {sorted(meta)}")
    else:
        published = meta["published"]
        if published is not None and not is_date(published):
            errs.append(f"{name}: meta.published {published!r}")
        if not isinstance(meta["authors"], list):
            errs.append(f"{name}: meta.authors must be a list")
    text = norm(visible_text(doc))
    body = gold["body"]
    if set(body) != {"include", "exclude"}:
        errs.append(f"{name}: body keys {sorted(body)}")
    else:
        if not 4 <= len(body["include"]) <= 6 or not 4 <= len(body["exclude"]) <= 7:
            errs.append(f"{name}: want 4-6 include and 4-7 exclude snippets")
        errs += [f"{name}: snippet not in page: {s!r}" for s in body["include"] + body["exclude"]
                 if norm(s) not in text]
    words = len(text.split())
    if not MIN_WORDS <= words <= MAX_WORDS + 150:  # boilerplate counts too
        errs.append(f"{name}: {words} words in the page, want about {MIN_WORDS}-{MAX_WORDS}")
    seen = set()
    for i, c in enumerate(gold["claims"]):
        where = f"{name} claim {i}"
        ev = norm(c.get("evidence", {}).get("text", "")) if isinstance(c, dict) else ""
        errs += check_claim(c, ev, text, published, where) if isinstance(c, dict) else [where]
        key = json.dumps({k: c.get(k) for k in ("metric", "object", "subject", "quantity",
                                                "claimant", "period", "evidence")}, sort_keys=True)
        if key in seen:
            errs.append(f"{where}: duplicate claim")
        seen.add(key)
    return errs, len(gold["claims"])


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    files = sorted(folder.glob("*.gold.json"))
    if not files:
        print(f"no gold files in {folder}")
        return 1
    problems, total = [], 0
    for f in files:
        errs, n = check_file(f)
        problems += errs
        total += n
    for p in problems:
        print(p)
    print(f"{len(files)} gold files, {total} claims, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
