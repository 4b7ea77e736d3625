"""Metadata from page text: authors from bylines, dates from datelines, the publisher's name."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache

from warclaims.clean.lines import is_masthead, words
from warclaims.clean.rules import rules
from warclaims.util.dates import find_date
from warclaims.util.resources import load_json

_BYLINE = re.compile(
    r"^(?:[A-Z]\w+ )?(?:live blog by|words by|written by|posted by|story by|text by|by)\s+"
    r"(?P<names>.+)$",
    re.I,
)
_AUTHOR_LABEL = re.compile(r"^(?:author|authors|about the author)\s*:\s*(?P<names>.+)$", re.I)
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
    r"\b(?:covers|reports on) [^.]{3,80} for (?:the )?(?P<name>[A-Z][\w&'’-]*(?: [A-Z&][\w&'’-]*){0,4})"
)
_GLUED = re.compile(r"^(?P<outlet>[A-Z][\w'’ &-]{2,50}?[a-z])(?P<author>[A-Z][a-z]+ [A-Z][\w'’-]+)$")
_ABBREV_PREFIX = re.compile(r"^(?P<abbr>[A-Z]{2,6})\s+(?P<rest>[A-Z].+)$")


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]


@cache
def outlets() -> tuple[Outlet, ...]:
    data = load_json("outlets.json")
    return tuple(Outlet(o["name"], tuple(o.get("aliases", ()))) for o in data["outlets"])


def split_names(text: str) -> list[str]:
    """'Marta Kowalczyk and Daniel Reyes' -> both names; stops at the first non-name part."""
    text = re.split(r"\s+(?:[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4}|[|·•])", text)[0]
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
        name = " ".join(run)
        following = ws[len(run)].lower() if len(ws) > len(run) else ""
        if 2 <= len(run) <= 4 and following not in _NOT_NAMES and run[-1].lower() not in _NOT_NAMES:
            names.append(name)
    return names


def name_line(line: str) -> list[str]:
    """A line that is nothing but a person's name ('Olha Savchuk') as a one-author list."""
    ws = line.split()
    if 2 <= len(ws) <= 4 and all(_NAME.match(w) for w in ws) and not any(
        w.lower() in _NOT_NAMES for w in ws
    ):
        return [line.strip()]
    return []


def authors_from_line(line: str) -> list[str]:
    """Authors named by a byline ('By X and Y', 'Live blog by X') or an 'Author: X' label."""
    m = _BYLINE.match(line) or _AUTHOR_LABEL.match(line)
    return split_names(m["names"]) if m else []


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
    for line in pre_title:
        name = None if rules().classify(line) else masthead_name(line)
        if name:
            votes[name] += 2
    for line in lines:
        for rx in (_COPYRIGHT, _AT_OUTLET, _COVERS_FOR):
            m = rx.search(line)
            if m:
                name = m["name"].strip(" .")
                name = re.sub(r"\s+(Media|Ltd|LLC|Inc|Limited|Group)\.?$", "", name)
                if len(words(name)) <= 5:
                    votes[name] += 2
    for line in lines:
        m = _GLUED.match(line)
        if m and is_masthead(m["outlet"]):
            votes[m["outlet"]] += 2
    # a vote is confirmed by the name appearing elsewhere on the page
    text = "\n".join(lines)
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
    if "|" in line:
        parts = [p.strip() for p in line.split("|") if p.strip()]
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
    name, score = votes.most_common(1)[0]
    return name if score >= 3 else None


def is_outlet_name(line: str) -> bool:
    """True when ``line`` names a known outlet."""
    low = line.strip().lower()
    return any(low == a.lower() for o in outlets() for a in (o.name, *o.aliases))
