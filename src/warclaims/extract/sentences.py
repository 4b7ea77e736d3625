"""Sentences with character offsets, and the quotation each sentence belongs to."""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = "\"“"
_QUOTES = re.compile(r"[\"“”]")
# Abbreviations after which a full stop does not end the sentence.
_TITLE_ABBREV = re.compile(
    r"\b(?:Gen|Lt|Col|Maj|Capt|Sgt|Adm|Rep|Sen|Gov|Mr|Mrs|Ms|Dr|St|Pres|Prof|Brig|Cmdr|Rev|Cpl|"
    r"Pvt|Gens|Lt\. Gen|Maj\. Gen|Brig\. Gen)\.\s*$"
)
_NUMBER_ABBREV = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Vol|approx|p|pp|Art)\.\s*$"
)
_INITIALS = re.compile(r"(?:^|\s|\()(?:[A-Z]\.){2,}\s*$")


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
        spans = _merge_abbrev(para, _rough_spans(para))
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


# A sentence ends at . ! ? (and any closing quotes or brackets) followed by space and a capital,
# a digit or an opening quote; abbreviations are re-joined by _merge_abbrev.
_BOUNDARY = re.compile(r"""[.!?]["'”’)\]]*(?:\[\d+\])*(?=\s+["“'‘(\[]?[A-Z0-9])""")


def _rough_spans(para: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _BOUNDARY.finditer(para):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(para)))
    return [(a, b) for a, b in spans if para[a:b].strip()]


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append((m.start(), m.group()))
    return out


def _merge_abbrev(para: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Undo splits after abbreviations ('Gen. Valery', 'Jan. 4', 'U.S. Navy')."""
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged:
            prev_a, _ = merged[-1]
            prev = para[prev_a:a].rstrip()
            nxt = para[a:b].lstrip()[:1]
            if (_TITLE_ABBREV.search(prev) or _INITIALS.search(prev)
                    or (_NUMBER_ABBREV.search(prev) and nxt.isdigit())
                    or (prev[-1:] not in ".!?\"”’')" and nxt.islower())):
                merged[-1] = (prev_a, b)
                continue
        merged.append((a, b))
    return merged
