"""Sentences with character offsets, and the quotation each sentence belongs to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from warclaims.extract.nlp import splitter

_OPEN = "\"“"
_QUOTES = re.compile(r"[\"“”]")
# Abbreviations after which the sentencizer must not split.
_NO_SPLIT_AFTER = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Rep|Sen|"
    r"Gov|Mr|Mrs|Ms|Dr|St|No|Vol|approx|Pres|Prof|Brig|Cmdr|Rev)\.|\b[A-Z]\.(?:[A-Z]\.)*)\s*$"
)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a text: its offsets, paragraph number and quotation group."""

    text: str
    start: int
    end: int
    paragraph: int
    quote_group: int | None  # sentences of one multi-sentence quotation share a number


def split(text: str) -> list[Sentence]:
    """Split ``text`` into sentences (paragraph breaks are always boundaries)."""
    out: list[Sentence] = []
    group_id = 0
    for p_no, (p_start, para) in enumerate(_paragraphs(text)):
        spans = _merge_abbrev(para, [(s.start_char, s.end_char) for s in splitter()(para).sents])
        open_quote = False
        current_group: int | None = None
        for a, b in spans:
            chunk = para[a:b]
            lead = len(chunk) - len(chunk.lstrip())
            chunk = chunk.strip()
            if not chunk:
                continue
            starts_inside = open_quote
            n_quotes = len(_QUOTES.findall(chunk))
            if n_quotes % 2 == 1:
                open_quote = not open_quote
            if starts_inside or open_quote:
                if current_group is None:
                    group_id += 1
                    current_group = group_id
                group = current_group
                if not open_quote:
                    current_group = None
            else:
                group = None
            s = p_start + a + lead
            out.append(Sentence(chunk, s, s + len(chunk), p_no, group))
    return out


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append((m.start(), m.group()))
    return out


def _merge_abbrev(para: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Undo splits after abbreviations ('Jan. 4', 'U.S. officials') and before lower case."""
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged:
            prev_a, _ = merged[-1]
            prev = para[prev_a:a].rstrip()
            nxt = para[a:b].lstrip()[:1]
            abbrev = bool(_NO_SPLIT_AFTER.search(prev)) and (nxt.isdigit() or nxt.islower())
            unfinished = prev[-1:] not in ".!?\"”’')" and nxt.islower()
            if abbrev or unfinished:
                merged[-1] = (prev_a, b)
                continue
        merged.append((a, b))
    return merged
