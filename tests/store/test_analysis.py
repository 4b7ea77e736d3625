"""Timeline, compare and consistency flags on a corpus with known answers."""

from __future__ import annotations

import pytest
from corpus import FixedExtractor, make_claim, make_doc

from warclaims import store_api
from warclaims.model import Party

ZEL = Party("Volodymyr Zelensky", "President of Ukraine", "UKR")
NIS = Party("National Intelligence Service", None, "KOR")
USO = Party(None, "US officials", "USA")
RU = Party("Ministry of Defence of Russia", None, "RUS")
START = "2024-11-01"

# (doc, claimant, statement date, low, high, period start)
KOREA = [
    ("z1", ZEL, "2024-12-20", 3000, 3000, START),
    ("z2", ZEL, "2025-01-04", 3800, 3800, START),
    ("z3", ZEL, "2025-01-20", 3500, 3500, START),  # falls: flagged
    ("n1", NIS, "2025-01-13", 300, 300, START),
    ("u1", USO, "2025-01-15", 1000, 1200, START),
    ("z4", ZEL, "2025-01-05", 50, 50, "2025-01-03"),  # a two-day count: per-period
]


@pytest.fixture
def store(db_url: str):
    ex = FixedExtractor()
    docs = []
    for i, (doc, who, day, low, high, start) in enumerate(KOREA):
        ex.claims[doc] = [make_claim(doc, i, metric="casualties", low=low, high=high,
                                     qualifier="exact" if low == high else "range",
                                     claimant=who, subject=("PRK",), date=day, start=start)]
        docs.append(make_doc(doc))
    ex.claims["r1"] = [make_claim("r1", 9, metric="casualties", low=100, claimant=RU,
                                  subject=("PRK",), date="2025-01-10", start="2025-01-05",
                                  end="2025-01-12")]  # period ends after the statement
    docs.append(make_doc("r1"))
    with store_api.open_store(db_url) as s:
        store_api.ingest_documents(docs, s, extractor=ex)
        yield s


def test_timeline_series(store) -> None:
    tl = store_api.timeline("casualties", "PRK", store)
    zel = tl.get("Zelensky", "cumulative")
    assert zel is not None
    assert [(p.date, p.value) for p in zel.points] == [
        ("2024-12-20", 3000), ("2025-01-04", 3800), ("2025-01-20", 3500)]
    # 3500 falls below 3800, and is over 3x the median (700) of the others that week
    assert zel.points[2].flags == ("cumulative_falls", "outlier")
    assert zel.points[0].flags == zel.points[1].flags == ()
    per = tl.get("Zelensky", "period")
    assert per is not None and [p.value for p in per.points] == [50]
    assert {(s.claimant, s.kind) for s in tl.series} == {
        ("Volodymyr Zelensky", "cumulative"), ("Volodymyr Zelensky", "period"),
        ("National Intelligence Service", "cumulative"), ("US officials", "cumulative"),
        ("Ministry of Defence of Russia", "period")}
    assert store_api.timeline("casualties", "RUS", store).series == ()


def test_compare_latest_per_claimant_and_spread(store) -> None:
    cmp = store_api.compare("casualties", ["PRK"], store, start="2025-01-01",
                            end="2025-01-31", kind="cumulative")
    assert [(r.claimant, r.value) for r in cmp.rows] == [
        ("Volodymyr Zelensky", 3500), ("US officials", 1100),
        ("National Intelligence Service", 300)]
    assert cmp.spread == pytest.approx(3500 / 300)
    assert cmp.difference == 3200


def test_compare_window_excludes_later_claims(store) -> None:
    cmp = store_api.compare("casualties", "PRK", store, end="2024-12-31", kind="cumulative")
    assert [(r.claimant, r.value) for r in cmp.rows] == [("Volodymyr Zelensky", 3000)]
    assert cmp.spread is None


def test_flags(store) -> None:
    found = {(f.kind, f.claimant_key) for f in store_api.flags(store)}
    assert ("cumulative_falls", "zelensky") in found
    assert ("period_after_statement", "ministry of defence of russia") in found
    # 300 against the median (3500, 1100) of others in the same week: over 3x below
    assert ("outlier", "national intelligence service") in found
    assert ("outlier", "us officials") not in found
