"""Metadata from page text: authors from bylines, dates from datelines, the publisher's name."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache

from warclaims.clean.lines import is_masthead, words
from warclaims.clean.rules import rules
from warclaims.errors import DataError
from warclaims.util.dates import find_date
from warclaims.util.resources import load_json

_BYLINE = re.compile(
    r"^(?:(?:live|words|written|posted|story|text|report|reporting|coverage|compiled|analysis|"
    r"interview|commentary|opinion|essay|feature|blog|dispatch|live coverage|live blog|"
    r"live updates|live reporting) )?by\s+(?P<names>.+)$",
    re.I,
)
_AUTHOR_LABEL = re.compile(r"^(?:author|authors|about the author)\s*:\s*(?P<names>.+)$", re.I)
# 'By X in Kigali and Y in Kinshasa': the place after each name
_IN_PLACE = re.compile(r"\s+(?:in|from)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*(?=\s*(?:,|\band\b|&|$))")
# separators between the parts of a byline row: 'Rachel Cole, Lisbon | May 4, 2024 | 5 min read'
_SEGMENT = re.compile(r"\s+[|·•]\s+")
_TIME_CUE = re.compile(
    r"\d{1,2}[:.]\d{2}|\b\d+\s*min\b|\bupdated\b|\bpublished\b|\bago\b|\bread\b", re.I
)
_NAME = re.compile(r"^(?:[A-Z][\w'’.-]+)(?: (?:[A-Z][\w'’.-]+|de|van|von|al|bin|el|der))*$")
_NOT_NAMES = frozenset({
    "staff", "desk", "newsroom", "editors", "team", "agencies", "reporters",
    # job titles after a name: 'By Hana Kobayashi, Defence Reporter'
    "reporter", "correspondent", "editor", "writer", "columnist", "producer", "contributor",
    "analyst", "chief", "photographer", "journalist",
})
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][\w .'-]{2,30})?),\s*(?P<rest>[^()]{3,40}?)\s*"
    r"(?:\((?P<agency>[^)]{2,40})\))?\s*[-–—]\s",
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s+)?(?P<name>[A-Z][\w&'’ .-]{2,50}?)(?:\s+\d{4})?\s*(?:[.,·|]|$)",
    re.I,
)
_AT_OUTLET = re.compile(
    r"\b(?:reporter|correspondent|journalist|editor|writer|analyst) (?:at|for) (?:the )?"
    r"(?P<name>[A-Z][\w&'’-]*(?: [A-Z&][\w&'’-]*){0,4})"
)
_COVERS_FOR = re.compile(
    r"\b(?:covers|reports on|monitors|tracks|writes about|follows|analyses|analyzes) [^.]{3,80} "
    r"for (?:the )?(?P<name>[A-Z][\w&'’-]*(?: [A-Z&][\w&'’-]*){0,4})"
)
# 'X is published by Y', 'a publication of Y'
_PUBLISHED_BY = re.compile(
    r"\b(?:is|are) (?:published|produced|edited) by (?:the )?"
    r"(?P<name>[A-Z][\w&'’-]*(?: (?:[A-Z&][\w&'’-]*|for|of|on)){0,5})"
    r"|\ba (?:publication|project|product) of (?:the )?"
    r"(?P<name2>[A-Z][\w&'’-]*(?: (?:[A-Z&][\w&'’-]*|for|of|on)){0,5})"
)
# 'Rachel Cole is the Harbour Times's Lisbon correspondent'
_POSSESSIVE_JOB = re.compile(
    r"\b(?:is|was) (?:the )?(?P<name>[A-Z][\w&-]*(?: [A-Z&][\w&-]*){0,4})['’]s?\s"
    r"(?:[\w-]+ ){0,3}(?:reporter|correspondent|journalist|editor|writer|analyst|columnist|"
    r"producer|contributor|photographer|bureau chief)\b"
)
_GLUED = re.compile(r"^(?P<outlet>[A-Z][\w'’ &-]{2,50}?[a-z])(?P<author>[A-Z][a-z]+ [A-Z][\w'’-]+)$")
_ABBREV_PREFIX = re.compile(r"^(?P<abbr>[A-Z]{2,6})\s+(?P<rest>[A-Z].+)$")
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "at", "to"})


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]


@cache
def outlets() -> tuple[Outlet, ...]:
    data = load_json("outlets.json")
    return tuple(Outlet(o["name"], tuple(o.get("aliases", ()))) for o in data["outlets"])


@cache
def masthead_words() -> frozenset[str]:
    """Nouns that make a capitalised run an outlet or institution name ('Times', 'Institute')."""
    words_ = load_json("outlets.json").get("masthead_words")
    if not isinstance(words_, list) or not all(isinstance(w, str) and w for w in words_):
        raise DataError("outlets.json: 'masthead_words' must be a list of non-empty strings")
    return frozenset(w.lower() for w in words_)


def _label_list(key: str) -> tuple[str, ...]:
    items = load_json("outlets.json").get(key)
    if not isinstance(items, list) or not all(isinstance(w, str) and w.strip() for w in items):
        raise DataError(f"outlets.json: {key!r} must be a list of non-empty strings")
    return tuple(w.strip() for w in items)


@cache
def section_labels() -> frozenset[str]:
    """Desk and genre labels printed above a headline ('Opinion', 'Analysis'), lower-cased."""
    return frozenset(w.lower() for w in _label_list("section_labels"))


@cache
def name_titles() -> frozenset[str]:
    """Honorifics and ranks that may open an author's name ('Dr', 'Col.'), lower-cased."""
    return frozenset(w.lower() for w in _label_list("name_titles"))


@cache
def _release_label() -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(_label_list("release_labels"), key=len, reverse=True))
    return re.compile(rf"^(?:{alts})\b", re.I)


def is_section_label(line: str) -> bool:
    """A desk/genre kicker: 'OPINION', 'Analysis', 'OPINION | SOUTH ASIA', 'Opinion: Europe'."""
    parts = [p.strip(" .:") for p in re.split(r"\s*[|/:·•]\s*", line.strip()) if p.strip(" .:")]
    return bool(parts) and len(parts) <= 3 and any(p.lower() in section_labels() for p in parts)


def is_release_label(line: str) -> bool:
    """The label of an issuing body's own release: 'Press Release No. 14/2568', 'COMMUNIQUE'."""
    return bool(_release_label().match(line.strip())) and len(words(line)) <= 8


def strip_title(name: str) -> str:
    """'Dr Eleanor Marsh' -> 'Eleanor Marsh', 'Major General A B' -> 'A B' (two words stay)."""
    ws = name.split()
    while len(ws) > 2 and ws[0].lower() in name_titles():
        ws = ws[1:]
    return " ".join(ws)


def recase(name: str, text: str, *, person: bool = False) -> str:
    """An all-capitals name as the page spells it elsewhere ('ROYAL THAI ARMY' -> 'Royal Thai
    Army'), else capitalised word by word ('EL-TAYEB' -> 'El-Tayeb'); other names unchanged."""
    letters = [c for c in name if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters) or len(letters) < 4:
        return name
    if " " not in name.strip() and not person:
        return name  # a one-word capitalised name is an acronym: 'TASS', 'NATO'
    pattern = r"\s+".join(re.escape(w) for w in name.split())
    for m in re.finditer(rf"(?<![\w-]){pattern}(?![\w-])", text, re.I):
        found = m.group(0)
        if not found.isupper() and found[0].isupper():
            return " ".join(found.split())
    out = []
    for i, w in enumerate(name.split()):
        low = w.lower()
        if i and not person and low in _SMALL_WORDS:
            out.append(low)
        else:
            out.append(re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), low))
    return " ".join(out)


def tidy_authors(names: list[str], text: str) -> list[str]:
    """Authors without honorifics, in the page's own capitalisation, each once."""
    out: list[str] = []
    for name in names:
        name = recase(strip_title(name), text, person=True)
        if name and name not in out:
            out.append(name)
    return out


def _is_person(words_: list[str]) -> bool:
    """2 to 4 name-shaped words, none of them an outlet noun or a job title."""
    return (
        2 <= len(words_) <= 4
        and all(_NAME.match(w) for w in words_)
        and not any(w.lower() in _NOT_NAMES or w.lower() in masthead_words() for w in words_)
    )


def split_names(text: str) -> list[str]:
    """'Marta Kowalczyk and Daniel Reyes' -> both names; stops at the first non-name part."""
    text = re.split(r"\s+(?:[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}|[|·•])", text)[0]
    text = _IN_PLACE.sub("", text)
    text = re.split(r"\s+(?:in|for|at)\s+[A-Z]|\s*[,;]\s*(?:additional|editing|edited)", text)[0]
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", text)
    names = []
    for p in parts:
        p = p.strip(" .")
        ws = p.split()
        # a name followed by a date or a read-time: keep the capitalised run only
        run = []
        for w in ws:
            if _NAME.match(w) and not re.match(r"^(January|February|March|April|May|June|July|"
                                                r"August|September|October|November|December|"
                                                r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|"
                                                r"Dec)\.?$", w):
                run.append(w)
            else:
                break
        following = ws[len(run)].lower() if len(ws) > len(run) else ""
        run = strip_title(" ".join(run)).split()
        name = " ".join(run)
        if 2 <= len(run) <= 4 and following not in _NOT_NAMES and run[-1].lower() not in _NOT_NAMES:
            names.append(name)
    return names


def name_line(line: str) -> list[str]:
    """A line that is nothing but people's names ('Olha Savchuk', 'A B, C D, and E F')."""
    parts = [p.strip(" .") for p in re.split(r"\s*(?:,|\band\b|&)\s*", line.strip())]
    parts = [strip_title(p) for p in parts if p]
    if parts and all(_is_person(p.split()) for p in parts):
        return parts
    return []


def segmented_byline(line: str) -> list[str]:
    """Authors of a byline row with no 'By': 'Rachel Cole, Lisbon | May 4, 2024 at 16:20'.

    The row has at least two parts split by |, · or •; a later part carries a date, a time or a
    read time; the first part is names, each optionally followed by a one-word place.
    """
    segments = _SEGMENT.split(line.strip())
    if len(segments) < 2 or not any(
        _TIME_CUE.search(s) or find_date(s, None, need_year=True) for s in segments[1:]
    ):
        return []
    parts = [p.strip(" .") for p in re.split(r"\s*(?:,|\band\b|&)\s*", segments[0]) if p.strip()]
    names = [p for p in parts if _is_person(p.split())]
    others = [p for p in parts if p not in names]
    if names and parts[0] in names and all(len(p.split()) == 1 and p[0].isupper() for p in others):
        return names
    return []


def authors_from_line(line: str) -> list[str]:
    """Authors named by a byline ('By X and Y', 'Live blog by X') or an 'Author: X' label."""
    m = _BYLINE.match(line) or _AUTHOR_LABEL.match(line)
    return split_names(m["names"]) if m else []


def dateline_end(line: str) -> int:
    """Where a wire dateline ('KYIV, Feb 16 (Reuters) - ') that opens ``line`` ends; 0 if none."""
    m = _DATELINE.match(line)
    return m.end() if m else 0


def dateline(line: str, ref: date | None) -> tuple[date | None, str | None] | None:
    """A wire dateline 'POLTAVA, Ukraine, Sept. 3, 2024 (Meridian News) -': its date and agency."""
    m = _DATELINE.match(line)
    if not m:
        return None
    found = find_date(m["rest"], ref, need_year=ref is None)
    agency = m["agency"].strip() if m["agency"] else None
    return (found[0] if found else None), agency


def publisher_candidates(lines: list[str], pre_title: list[str]) -> Counter[str]:
    """Votes for the publisher's name from mastheads, copyright lines and author boxes."""
    votes: Counter[str] = Counter()
    text = "\n".join(lines)
    for line in pre_title:
        name = None if rules().classify(line) else masthead_name(line)
        if name:
            votes[recase(name, text)] += 2
    for line in lines:
        for rx in (_COPYRIGHT, _AT_OUTLET, _COVERS_FOR, _PUBLISHED_BY, _POSSESSIVE_JOB):
            m = rx.search(line)
            if m:
                name = (m["name"] or m.groupdict().get("name2") or "").strip(" .")
                name = re.sub(r"\s+(Media|Ltd|LLC|Inc|Limited|Group)\.?$", "", name)
                if len(words(name)) <= 5:
                    votes[name] += 2
    for line in lines:
        m = _GLUED.match(line)
        if m and is_masthead(m["outlet"]):
            votes[m["outlet"]] += 2
    # a vote is confirmed by the name appearing elsewhere on the page
    for name in list(votes):
        votes[name] += min(text.count(name), 4)
    for outlet in outlets():
        for alias in (outlet.name, *outlet.aliases):
            if len(alias) > 3 and alias in text:
                votes[outlet.name] += 1
    for line in pre_title:  # 'RLN | Russian News Line' declares an abbreviation
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 2 and parts[0].isupper() and " " not in parts[0] and parts[1] in votes:
            votes[parts[1]] += votes.pop(parts[0], 0)
    return votes


def masthead_name(line: str) -> str | None:
    """The outlet name of a masthead line ('RLN | Russian News Line' -> 'Russian News Line')."""
    line = line.strip()
    if is_section_label(line) or is_release_label(line):
        return None
    if "|" in line:
        parts = [p.strip() for p in line.split("|") if p.strip()]
        if len(parts) > 2:  # a row of section links, not 'RLN | Russian News Line'
            return None
        longest = max(parts, key=len) if parts else ""
        return longest if is_masthead(longest) and len(words(longest)) >= 2 else None
    if not is_masthead(line):
        return None
    m = _ABBREV_PREFIX.match(line)
    if m:
        initials = "".join(w[0] for w in m["rest"].split() if w[0].isupper())
        if initials == m["abbr"]:
            return m["rest"]
    return line


def best_publisher(votes: Counter[str]) -> str | None:
    """The best-supported name; an abbreviation's votes go to its spelled-out form."""
    if not votes:
        return None
    for abbr in [n for n in votes if n.isupper() and " " not in n]:
        for full in list(votes):
            initials = "".join(w[0] for w in full.split() if w[0].isupper())
            if full != abbr and initials == abbr:
                votes[full] += votes.pop(abbr)
                break
    for short in sorted(votes, key=len):  # 'the Herald' is 'Baltic Herald' named short
        longer = [n for n in votes if n != short and re.search(rf"\b{re.escape(short)}$", n)]
        if len(longer) == 1:
            votes[longer[0]] += votes.pop(short)
    name, score = votes.most_common(1)[0]
    return name if score >= 3 else None


def issuer(pre_title: list[str], text: str) -> str | None:
    """The body issuing a release: the first masthead line above its title, in the page's own
    capitalisation ('ROYAL THAI ARMY' -> 'Royal Thai Army')."""
    for line in pre_title:
        if rules().classify(line):
            continue
        name = masthead_name(line)
        if name:
            return recase(name, text)
    return None


def is_outlet_name(line: str) -> bool:
    """True when ``line`` names a known outlet."""
    low = line.strip().lower()
    return any(low == a.lower() for o in outlets() for a in (o.name, *o.aliases))
