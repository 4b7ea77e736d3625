"""The boilerplate rules of data/boilerplate.json, compiled once, and a line classifier."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from warclaims.errors import DataError
from warclaims.model import REMOVED_KINDS
from warclaims.util.resources import load_json

# Order matters: the first kind whose pattern matches wins.
_KIND_ORDER = ("audio_note", "newsletter", "author_box", "caption", "other", "byline", "navigation")


@dataclass(frozen=True)
class Rules:
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    teaser_marker: re.Pattern[str]
    inline_teaser: re.Pattern[str]
    end_marker: re.Pattern[str]
    timestamp: re.Pattern[str]

    def classify(self, line: str) -> str | None:
        """The removed-kind of a boilerplate line, or None for a content line."""
        for kind, rx in self.kinds:
            if rx.search(line):
                return kind
        return None


def _join(patterns: list[str], name: str) -> re.Pattern[str]:
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
    except re.error as exc:
        raise DataError(f"boilerplate.json: bad pattern in {name!r}: {exc}") from exc


@cache
def rules() -> Rules:
    """The compiled rules (loaded once)."""
    data = load_json("boilerplate.json")
    kinds = []
    for kind in _KIND_ORDER:
        if kind not in REMOVED_KINDS:
            raise DataError(f"boilerplate.json: unknown kind {kind!r}")
        kinds.append((kind, _join(data[kind], kind)))
    return Rules(
        kinds=tuple(kinds),
        teaser_marker=_join(data["teaser_markers"], "teaser_markers"),
        inline_teaser=_join(data["inline_teaser"], "inline_teaser"),
        end_marker=_join(data["end_markers"], "end_markers"),
        timestamp=re.compile(data["timestamp"], re.I),
    )
