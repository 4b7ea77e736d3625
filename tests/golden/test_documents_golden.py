"""Golden tests: every annotated document's body snippets and metadata (dev and own corpora)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warclaims import read
from warclaims.eval.scoring import normalise_text
from warclaims.model import Document

from ..conftest import DEV, OWN


def _golds() -> list[Path]:
    return sorted(DEV.glob("*.gold.json")) + sorted(OWN.glob("*.gold.json"))


def _doc_for(gold_path: Path) -> Document:
    stem = gold_path.name[: -len(".gold.json")]
    files = [p for p in gold_path.parent.glob(f"{stem}.*") if not p.name.endswith(".json")]
    assert files, f"no document beside {gold_path}"
    (doc,) = list(read(files))
    assert isinstance(doc, Document), doc
    return doc


@pytest.mark.parametrize("gold_path", _golds(), ids=lambda p: p.name.split(".")[0])
def test_body_and_metadata(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = _doc_for(gold_path)
    text = normalise_text(doc.text)
    missing = [s for s in gold["body"]["include"] if normalise_text(s) not in text]
    present = [s for s in gold["body"]["exclude"] if normalise_text(s) in text]
    assert not missing, f"body lacks: {missing}"
    assert not present, f"body still holds: {present}"
    meta = gold["meta"]
    assert normalise_text(doc.title).lower() == normalise_text(meta["title"]).lower()
    assert {a.lower() for a in doc.authors} == {a.lower() for a in meta["authors"]}
    assert doc.published == meta["published"]
    assert (doc.publisher or "").lower() == (meta["publisher"] or "").lower()


@pytest.mark.parametrize("gold_path", _golds(), ids=lambda p: p.name.split(".")[0])
def test_nothing_silently_lost(gold_path: Path) -> None:
    """Every exclude snippet that was taken out is kept under `removed` with a kind."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = _doc_for(gold_path)
    removed = normalise_text(" \n ".join(r.text for r in doc.removed))
    for snippet in gold["body"]["exclude"]:
        assert normalise_text(snippet) in removed or normalise_text(snippet) == normalise_text(
            doc.title
        ), snippet
