"""Clean scraped page text down to the article body, keeping what was removed and why."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from warclaims.clean import metadata as meta
from warclaims.clean.lines import (
    ends_sentence,
    is_headline,
    is_masthead,
    is_menu,
    is_prose,
    numbers_in,
    words,
)
from warclaims.clean.rules import rules
from warclaims.errors import DataError
from warclaims.model import Removed, Section
from warclaims.util.dates import find_date, to_date
from warclaims.util.resources import load_json

HEADER = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\b[ \t]*(.*)$")
_TEASER_DATE = re.compile(
    r"(?:\(|[·|•]\s*)(?P<d>[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?|\d{1,2} [A-Z][a-z]+(?: \d{4})?)"
    r"\)?\s*$"
    r"|^(?P<d2>[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})\s*(?:[-–—|·•]\s*|$)"
)
_LISTED_DATE = re.compile(r"^(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})\s*[|·•]")
# the verb after an author's name that opens an author box
_AUTHOR_VERB = re.compile(r"^\s+(?:is|was|has|had|covers|reports|writes|monitors|tracks|edits|"
                          r"leads|joined|previously|currently|also|lives|works|holds)\b")
_GLUED_CREDIT = re.compile(r"[a-z][A-Z][a-z]+ [A-Z][a-z]+$")
# a bare day label opens teasers only this close to the end of the page
_SOFT_MARKER_REACH = 12
# the subject line of a release or memo: 'Subject: Situation along the border'
_SUBJECT = re.compile(r"^(?:subject|subj\.|re|regarding)\s*:\s*", re.I)


@dataclass
class Page:
    """The result of cleaning: body paragraphs, removed parts, sections and metadata."""

    body: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    publisher: str | None = None
    front: list[str] = field(default_factory=list)  # short lines before the body: mastheads

    @property
    def text(self) -> str:
        return "\n\n".join(self.body)


def clean_page(text: str, *, published: str | None = None) -> Page:
    """Split a scraped page (with or without the ` date` header) into body and removed parts."""
    page = Page(published=published)
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    m = HEADER.match(raw[0]) if raw else None
    if m:
        page.published = page.published or m.group(1)
        raw[0] = m.group(2)
    lines = [ln.strip() for ln in raw if ln.strip()]
    ref = to_date(page.published)
    subject = _find_subject(lines)
    title_at = subject if subject is not None else _find_title(lines)
    pre = lines[:title_at] if title_at is not None else []
    for ln in pre:
        _pre_title_line(ln, page, ref)
    if title_at is not None:
        page.title = _SUBJECT.sub("", lines[title_at]) if subject is not None else lines[title_at]
        page.removed.append(Removed("other", lines[title_at]))
    start = (title_at + 1) if title_at is not None else 0
    _walk(lines[start:], page, ref)
    _trailing_signature(page)
    text = "\n".join(lines)
    page.authors = meta.tidy_authors(page.authors, text)
    release = any(meta.is_release_label(ln) for ln in pre)
    if release:  # an issuing body's own release: no byline, the issuer publishes it
        page.authors = []
        page.publisher = meta.issuer(pre, text) or page.publisher
        if page.publisher:
            return page
    votes = meta.publisher_candidates(lines, pre + page.front)
    page.publisher = meta.best_publisher(votes) or page.publisher
    return page


def _find_subject(lines: list[str]) -> int | None:
    """Index of a 'Subject: ...' line heading a release or memo, when only short front-matter
    lines (or boilerplate) come before it."""
    for i, ln in enumerate(lines[:15]):
        if _SUBJECT.match(ln) and 2 <= len(words(_SUBJECT.sub("", ln))) <= 40:
            return i
        if is_prose(ln) and not rules().classify(ln):
            return None
    return None


def _pre_title_line(ln: str, page: Page, ref: date | None) -> None:
    """A line above the headline: boilerplate, a date line (which dates the page) or a masthead."""
    kind = rules().classify(ln)
    if kind in (None, "byline") and not page.published:
        found = find_date(ln, ref, need_year=True)
        if found and found[1].start() <= 20 and len(words(ln)) <= 12:
            page.published = found[0].isoformat()
            page.removed.append(Removed("byline", ln))
            return
    page.removed.append(Removed(kind or "navigation", ln))


def _find_title(lines: list[str]) -> int | None:
    """Index of the headline: the first headline-shaped line among the first ones."""
    for i, ln in enumerate(lines[:15]):
        if rules().classify(ln) or is_menu(ln) or is_masthead(ln):
            continue
        if meta.authors_from_line(ln) or meta.dateline(ln, None):
            return None
        if is_headline(ln) or (len(words(ln)) <= 30 and not is_prose(ln)):
            return i
        return None
    return None


def _walk(lines: list[str], page: Page, ref: date | None) -> None:
    r = rules()
    body_started = False
    in_teasers = False
    teaser_day: str | None = None  # a bare date line inside a teaser block dates the next teaser
    in_tail = False
    key_points = False
    after_timestamp = False
    dek_taken = False  # a standfirst under the headline, taken once
    for i, ln in enumerate(lines):
        kind = r.classify(ln)
        if r.timestamp.match(ln):
            page.removed.append(Removed("other", ln))
            after_timestamp = True
            key_points = False
            continue
        if re.match(r"^key (points|events|takeaways)\s*:?$", ln, re.I):
            page.removed.append(Removed("navigation", ln))
            key_points = True
            continue
        if key_points and re.match(r"^[-–•*]\s+", ln):
            page.removed.append(Removed("other", ln))
            page.sections.append(Section("key_points", ln.lstrip("-–•* ").strip()))
            continue
        key_points = False
        if r.teaser_marker.match(ln) or (
            body_started and len(lines) - i <= _SOFT_MARKER_REACH
            and _soft_teaser_marker(ln, lines[i + 1:i + 2])
        ):
            page.removed.append(Removed("navigation", ln))
            in_teasers = True
            continue
        ref = ref or to_date(page.published)  # a byline or dateline may have dated the page
        if r.inline_teaser.match(ln):
            teaser = re.sub(r"^[^:–—]{2,20}(?::|\s[–—-])\s*", "", ln)
            page.removed.append(Removed("teaser", ln))
            page.sections.append(Section("teaser", teaser, _teaser_date(teaser, ref)))
            continue
        if after_timestamp and not kind and not ends_sentence(ln) and 2 <= len(words(ln)) <= 30:
            page.removed.append(Removed("other", ln))
            page.sections.append(Section("headline", ln))
            after_timestamp = False
            continue
        after_timestamp = False
        if not kind and _is_link_row(ln):
            kind = "navigation"
        if not kind and body_started and _about_author(ln, page.authors):
            kind = "author_box"
        if kind:
            if not body_started:
                _front_matter(ln, kind, page, ref)
                if kind == "navigation":
                    page.front.append(ln)
            page.removed.append(Removed(kind, ln))
            if r.end_marker.match(ln) and body_started:
                in_tail = True
            if kind in ("newsletter", "author_box", "other") and in_teasers:
                in_teasers = False
            if in_teasers and kind == "byline":
                teaser_day = _bare_date(ln, ref) or teaser_day
            continue
        if in_teasers:
            _add_teaser(ln, page, ref, teaser_day)
            teaser_day = None
            continue
        if not body_started:
            if _front_matter(ln, None, page, ref):
                continue
            if not is_prose(ln) and not page.body and len(words(ln)) < 8:
                page.removed.append(Removed("navigation", ln))
                page.front.append(ln)
                continue
            if not dek_taken and page.title and not page.authors and _is_dek(
                ln, lines[i + 1:i + 3], ref
            ):
                dek_taken = True
                page.removed.append(Removed("other", ln))
                page.sections.append(Section("headline", ln))
                continue
        if in_tail:
            page.removed.append(Removed("other", ln))
            continue
        body_started = True
        page.body.append(ln)
    _trailing_teasers(page, ref)


def _front_matter(ln: str, kind: str | None, page: Page, ref: date | None) -> bool:
    """Take authors and dates from byline-zone lines; True when the line was used up."""
    names = meta.authors_from_line(ln)
    if not names and kind in (None, "byline") and not page.authors:
        names = meta.segmented_byline(ln)
        if names and kind is None:
            page.authors = names
            page.removed.append(Removed("byline", ln))
            return True
    if not names and kind is None and page.title and not page.authors:
        names = meta.name_line(ln)
        if names and not meta.is_outlet_name(ln):
            page.authors = names
            page.removed.append(Removed("byline", ln))
            return True
        names = []
    if names and not page.authors:
        page.authors = names
    if kind in ("byline", None) and not page.published:
        found = find_date(ln, ref, need_year=True)
        if found and (kind == "byline" or len(words(ln)) <= 12):
            page.published = found[0].isoformat()
            if kind is None:
                page.removed.append(Removed("byline", ln))
                return True
    if kind is None:
        dl = meta.dateline(ln, ref)
        if dl:
            d, agency = dl
            if d and not page.published:
                page.published = d.isoformat()
            if agency and not page.publisher and len(agency.split()) >= 2:
                page.publisher = agency
    return False


def _is_dek(line: str, following: list[str], ref: date | None) -> bool:
    """A standfirst under the headline: a summary line right above the byline or the date line
    ('Both armies fought ...' then 'By A B'; or then 'A B and C D' over '22 January 2025')."""
    if not following or len(words(line)) > 60 or line[:1].islower():
        return False
    nxt = following[0]
    if _byline_or_date(nxt, ref):
        return True
    # a bare name line is a byline only when a date line follows it (not a sign-off)
    return (
        rules().classify(nxt) is None and bool(meta.name_line(nxt))
        and not meta.is_outlet_name(nxt)
        and len(following) > 1 and _byline_or_date(following[1], ref)
    )


def _byline_or_date(line: str, ref: date | None) -> bool:
    """A line naming the authors after 'By' (or in a byline row), or giving the page's date."""
    kind = rules().classify(line)
    if kind not in (None, "byline") or rules().end_marker.match(line):
        return False
    if meta.authors_from_line(line) or meta.segmented_byline(line):
        return True
    found = find_date(line, ref, need_year=True)
    return bool(found) and found[1].start() <= 30 and len(words(line)) <= 12


def _soft_teaser_marker(line: str, following: list[str]) -> bool:
    """A bare day label ('Yesterday', 'Earlier') over a headline-shaped line opens teasers."""
    return bool(_soft_markers().match(line)) and any(
        is_headline(ln) and not ends_sentence(ln) and not rules().timestamp.match(ln)
        for ln in following
    )


@cache
def _soft_markers() -> re.Pattern[str]:
    pats = load_json("boilerplate.json").get("soft_teaser_markers")
    if not isinstance(pats, list) or not all(isinstance(p, str) and p for p in pats):
        raise DataError("boilerplate.json: 'soft_teaser_markers' must be a list of patterns")
    try:
        return re.compile("|".join(f"(?:{p})" for p in pats), re.I)
    except re.error as exc:
        raise DataError(f"boilerplate.json: bad pattern in 'soft_teaser_markers': {exc}") from exc


def _trailing_signature(page: Page) -> None:
    """A sign-off at the end of the body: a person's name, then short lines of role and address
    ('Major General A B' / 'Spokesperson of ...' / 'Office ..., Bangkok 10200')."""
    body = page.body
    for k in range(max(0, len(body) - 4), len(body)):
        tail = body[k:]
        if meta.name_line(body[k]) and all(
            len(words(ln)) <= 15 and not ends_sentence(ln) and not re.match(r"^[-–•*]", ln)
            for ln in tail
        ):
            del body[k:]
            page.removed.extend(Removed("other", ln) for ln in tail)
            return


def _is_link_row(line: str) -> bool:
    """A row of short links split by '|' with no digits ('Pin key events | Auto-refresh on')."""
    return "|" in line and not any(c.isdigit() for c in line) and is_menu(line)


def _about_author(line: str, authors: list[str]) -> bool:
    """A line about one of the page's own authors ('Ana Ruiz is our Madrid correspondent.')."""
    if len(line) > 400:
        return False
    line = meta.strip_title(line)  # 'Dr Ana Ruiz is ...'
    low = line.lower()
    return any(low.startswith(a.lower()) and _AUTHOR_VERB.match(line[len(a):]) for a in authors)


def _teaser_date(text: str, ref: date | None) -> str | None:
    m = _TEASER_DATE.search(text)
    if not m:
        return None
    found = find_date(m.group("d") or m.group("d2"), ref)
    return found[0].isoformat() if found else None


def _bare_date(line: str, ref: date | None) -> str | None:
    """The day of a line that is only a date ('October 9, 2024', '9 October 2024')."""
    found = find_date(line, ref, need_year=True)
    return found[0].isoformat() if found and len(words(line)) <= 4 else None


def _add_teaser(ln: str, page: Page, ref: date | None, day: str | None = None) -> None:
    """A line inside a teaser block: a new teaser headline, or the summary of the previous one.

    ``day`` is the date given on a line of its own just before this one.
    """
    page.removed.append(Removed("teaser", ln))
    last = page.sections[-1] if page.sections and page.sections[-1].kind == "teaser" else None
    undated = _TEASER_DATE.sub("", ln).rstrip()  # 'Summary sentence. (March 10)'
    own = _teaser_date(ln, ref)
    dated_head = bool(_LISTED_DATE.match(ln))  # 'May 12, 2024 · Headline' opens a new teaser
    is_summary = last is not None and not day and not dated_head and (
        bool(_TEASER_DATE.match(ln)) or (ends_sentence(undated) and not last.text.endswith("."))
    ) and "\n" not in last.text and not (last.date and own and own != last.date)
    if is_summary and last is not None:
        date_ = last.date or own
        page.sections[-1] = Section("teaser", f"{last.text}\n{ln}", date_)
    else:
        page.sections.append(Section("teaser", ln, own or day))


def _trailing_teasers(page: Page, ref: date | None) -> None:
    """A teaser with no marker at the end of the body: a headline, its summary, a credit line."""
    body = page.body
    while len(body) >= 3:
        credit = _GLUED_CREDIT.search(body[-1]) and not ends_sentence(body[-1])
        tail = body[-3:] if credit else body[-2:]
        head, summary = tail[0], tail[1]
        repeats = numbers_in(head) and numbers_in(head) <= numbers_in(summary)
        if not (is_headline(head) and not ends_sentence(head) and (credit or repeats)):
            return
        if not ends_sentence(summary):
            return
        del body[-len(tail):]
        for ln in tail:
            page.removed.append(Removed("teaser", ln))
        page.sections.append(Section("teaser", f"{head}\n{summary}", _teaser_date(summary, ref)))
