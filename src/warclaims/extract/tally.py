"""Tally lines: 'tanks - 9,423; armoured combat vehicles - 19,209; artillery systems - 20,765'.

Official loss tallies are printed as lists of label and number, with no verb to parse. A
sentence with at least three such items is read item by item: the label gives the object,
and the sentence that introduces the list gives the claimant and the period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warclaims.extract.lexicon import lexicon
from warclaims.extract.quantities import QuantitySpan, find_quantities

_ITEM = re.compile(
    r"(?P<label>[A-Za-z][A-Za-z'’/ -]{1,60}?)\s*(?:[-–—:]|\bx\b)\s*"
    r"(?P<num>(?:about |over |more than )?\d[\d,. ]*\d|\d)"
    r"(?:\s*\((?:\+|plus )\s*[\d,]+\))?\s*(?=[;,.]|$)"
)
MIN_ITEMS = 3


@dataclass(frozen=True)
class TallyItem:
    label: str
    object: str
    quantity: QuantitySpan


def tally_items(text: str) -> list[TallyItem]:
    """The items of a tally line (empty when ``text`` is no tally)."""
    if sum(text.count(c) for c in "-–—:") < MIN_ITEMS:
        return []
    found = list(_ITEM.finditer(text))
    if len(found) < MIN_ITEMS:
        return []
    quants = [q for q in find_quantities(text) if q.excluded is None]
    items = []
    for m in found:
        label = re.sub(r"^(?:totals? as of [^:]*:\s*|and\s+)", "", m.group("label").strip(), flags=re.I)
        obj = object_of_label(label)
        q = next((q for q in quants if m.start("num") <= q.num_start < m.end("num")), None)
        if obj is None or q is None:
            continue
        items.append(TallyItem(label, obj, q))
    return items if len(items) >= MIN_ITEMS else []


def object_of_label(label: str) -> str | None:
    """The object of a tally label, by its longest lexicon phrase."""
    words = label.lower().replace("’", "'").split()
    table = lexicon().object_words
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            key = " ".join(words[i:i + n])
            if key in table:
                return table[key]
    return None
