"""The seed page gives exactly the four claims of its gold file."""

from __future__ import annotations

import json

import pytest

from warclaims import extract_claims, read

from ..conftest import DEV

SEED = "000_31431fc50040e6e5"


def _strip(value, parent: str = ""):
    """Drop what the gold format does not carry: ids, confidence, mentions, coordinates, and
    the character offsets of the evidence (every other field is compared)."""
    if isinstance(value, dict):
        dropped = {"claim_id", "confidence", "mentions", "doc_id", "lat", "lon"}
        if parent == "evidence":
            dropped |= {"start", "end"}
        return {k: _strip(v, k) for k, v in value.items() if k not in dropped}
    return value


@pytest.fixture(scope="module")
def seed_claims():
    path = DEV / f"{SEED}.txt"
    if not path.exists():
        pytest.skip("seed page not available")
    (doc,) = list(read([path]))
    return [c.to_dict() for c in extract_claims(doc)]


def test_seed_gives_exactly_the_gold_claims(seed_claims) -> None:
    gold = json.loads((DEV / f"{SEED}.gold.json").read_text(encoding="utf-8"))["claims"]
    got = [_strip(c) for c in seed_claims]
    want = [_strip(c) for c in gold]
    key = lambda c: (c["section"], c["metric"], c["quantity"]["text"])  # noqa: E731
    got.sort(key=key)
    want.sort(key=key)
    assert len(got) == len(want) == 4
    for g, w in zip(got, want, strict=True):
        for field in w:
            assert g[field] == w[field], (field, g[field], w[field])


def test_seed_evidence_offsets_point_at_the_sentence(seed_claims) -> None:
    (doc,) = list(read([DEV / f"{SEED}.txt"]))
    for c in seed_claims:
        if c["section"] == "body":
            ev = c["evidence"]
            assert doc.text[ev["start"]:ev["end"]] == ev["text"]
