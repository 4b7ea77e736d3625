"""The faster spaCy pipeline gives exactly what the stock model gives, token by token."""

from __future__ import annotations

from pathlib import Path

import pytest

from warclaims.extract import nlp

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    texts.append("He'd said they're gonna go; I ain't sure. It's 5 p.m. Let's see who's y'all.")
    return texts


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, str(t.morph), t.lemma_) for t in doc]


def test_cached_components_replace_the_stock_ones() -> None:
    names = {name: type(pipe).__name__ for name, pipe in nlp.full().pipeline}
    assert names["attribute_ruler"] == "CachedAttributeRuler"
    assert names["lemmatizer"] == "CachedLemmatizer"


@pytest.mark.parametrize("text", _texts(), ids=lambda t: t[:30])
def test_same_annotations_as_the_stock_pipeline(text: str) -> None:
    fast, stock = nlp.full(), nlp.stock()
    first = _annotations(fast(text))
    assert first == _annotations(stock(text))
    assert _annotations(fast(text)) == first  # answered from the memos the second time


def test_single_and_multi_token_rules_both_apply() -> None:
    doc = nlp.full()("I ain't gonna lie: it's not over.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["ai"] == "be"  # two-token rule ("ai" + "n't")
    assert lemmas["gon"] == "go"  # two-token rule ("gon" + "na")
    assert lemmas["'s"] == "be"  # single-token rule (VBZ 's)
