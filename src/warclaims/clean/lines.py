"""Shape tests for single lines of page text: headline, menu, masthead, prose."""

from __future__ import annotations

import re

_WORD = re.compile(r"[\w'’.-]+")
_TERMINAL = re.compile(r"""[.!?:;]["'”’)\]]*$|[.!?]["'”’]\s*$""")
_FUNCTION_WORDS = frozenset(
    "a an the of in on at to for and or but with from by as is are was were has have had "
    "says said say after before over under into near".split()
)

# small words inside an outlet's name: 'Institute for the Study of War', 'Voice of America'
_MASTHEAD_LINKS = frozenset({"&", "of", "the", "and", "for", "on", "in", "de"})


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def ends_sentence(line: str) -> bool:
    """True when the line ends like a sentence (., !, ?, or a closing quote after one)."""
    return bool(_TERMINAL.search(line.rstrip()))


def is_prose(line: str) -> bool:
    """A paragraph of running text: at least eight words and sentence punctuation."""
    return len(words(line)) >= 8 and ends_sentence(line)


def is_menu(line: str) -> bool:
    """A row of navigation links: several capitalised words with no sentence shape."""
    if "|" in line and len(line) < 120 and not ends_sentence(line):
        parts = [p.strip() for p in line.split("|")]
        if all(len(words(p)) <= 4 for p in parts):
            return True
    ws = words(line)
    if len(ws) < 4 or ends_sentence(line) or any(c in line for c in ",:;\"“”"):
        return False
    lower = [w for w in ws if w[0].islower() and w.lower() not in _FUNCTION_WORDS]
    caps = [w for w in ws if w[0].isupper()]
    return len(caps) >= max(3, int(0.7 * len(ws))) and len(lower) <= 2 and len(ws) <= 14


def is_masthead(line: str) -> bool:
    """A short run of capitalised words (an outlet name): 'Kyiv Ledger', 'CPW Continental Press Wire'."""
    ws = words(line)
    if not 1 <= len(ws) <= 6 or ends_sentence(line) or any(ch.isdigit() for ch in line):
        return False
    if not (ws[0][0].isupper() and ws[-1][0].isupper()):
        return False
    return all(w[0].isupper() or w.lower() in _MASTHEAD_LINKS for w in ws if w != "&")


def is_headline(line: str) -> bool:
    """Headline shape: 4 to 30 words, no final full stop."""
    n = len(words(line))
    return 4 <= n <= 30 and not re.search(r"[.]\s*$", line.rstrip())


def numbers_in(line: str) -> set[str]:
    return set(re.findall(r"\d[\d,.]*\d|\d", line))
