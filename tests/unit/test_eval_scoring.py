"""Tests of the SPEC section 5 scorer: claim matching, field rules, documents and rendering."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from warclaims.eval.report import render_errors, render_table, report_to_json
from warclaims.eval.scoring import (
    FIELDS,
    META_FIELDS,
    assign,
    evidence_overlap,
    names_match,
    normalise_text,
    parties_match,
    quantity_overlap,
    score,
)

SEED_GOLD = Path("/work/shared/corpus/dev/000_31431fc50040e6e5.gold.json")

EVIDENCE = (
    "The Russian army has lost over 38,000 troops since the beginning of the incursion, "
    "Commander-in-Chief Oleksandr Syrskyi said on Jan. 1."
)


def _claim(**over: Any) -> dict[str, Any]:
    """A small gold-style claim; keyword arguments replace top-level fields."""
    claim: dict[str, Any] = {
        "metric": "casualties",
        "population": "military",
        "object": "personnel",
        "subject": ["RUS"],
        "quantity": {"text": "over 38,000", "low": 38000, "high": None,
                     "qualifier": "more_than", "unit": "count", "unit_word": None},
        "claimant": {"name": "Oleksandr Syrskyi", "role": "Commander-in-Chief", "side": "UKR"},
        "cited_source": None,
        "statement_date": "2025-01-01",
        "period": {"start": "2024-08-06", "end": "2025-01-01", "text": "since the beginning"},
        "location": {"text": "in Kursk", "name": "Kursk Oblast", "admin1": "Kursk Oblast",
                     "country": "RUS"},
        "section": "body",
        "evidence": {"text": EVIDENCE},
    }
    claim.update(over)
    return claim


def _gold(claims: list[dict[str, Any]], doc_id: str = "d1", **body: Any) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "meta": {"title": "A title", "authors": ["Jane Roe"], "published": "2025-01-02",
                 "publisher": "The Paper"},
        "body": {"include": body.get("include", []), "exclude": body.get("exclude", [])},
        "claims": claims,
    }


def _perfect_doc(gold: dict[str, Any]) -> dict[str, Any]:
    meta = gold["meta"]
    return {
        "doc_id": gold["doc_id"], "title": meta["title"], "authors": list(meta["authors"]),
        "published": meta["published"], "publisher": meta["publisher"],
        "text": "\n\n".join(gold["body"]["include"]),
    }


def _with_quantity(claim: dict[str, Any], **over: Any) -> dict[str, Any]:
    out = copy.deepcopy(claim)
    out["quantity"].update(over)
    return out


@pytest.fixture(scope="module")
def seed_gold() -> dict[str, Any]:
    if not SEED_GOLD.exists():
        pytest.skip("seed gold file not available")
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


# --- real gold --------------------------------------------------------------------------------


def test_perfect_prediction_of_seed_gold_scores_one_everywhere(seed_gold):
    doc_id = seed_gold["doc_id"]
    report = score(
        [seed_gold], {doc_id: _perfect_doc(seed_gold)},
        {doc_id: copy.deepcopy(seed_gold["claims"])},
    )
    c = report.claims
    assert (c.precision, c.recall, c.f1, c.fully_right) == (1.0, 1.0, 1.0, 1.0)
    assert c.tp == len(seed_gold["claims"]) and c.fp == 0 and c.fn == 0
    assert set(c.fields) == set(FIELDS)
    assert all(v == 1.0 for v in c.fields.values())
    assert report.documents.include_share == 1.0
    assert report.documents.exclude_share == 1.0
    assert all(report.documents.meta_share(name) == 1.0 for name in META_FIELDS)
    assert report.errors == () and report.field_misses == ()
    assert all(m.gold_index == m.pred_index for m in report.matches)


def test_seed_gold_shuffled_and_one_dropped(seed_gold):
    doc_id = seed_gold["doc_id"]
    preds = list(reversed(copy.deepcopy(seed_gold["claims"])))[1:]
    report = score([seed_gold], {}, {doc_id: preds})
    c = report.claims
    n = len(seed_gold["claims"])
    assert (c.tp, c.fp, c.fn) == (n - 1, 0, 1)
    assert c.precision == 1.0 and c.recall == pytest.approx((n - 1) / n)
    assert c.fully_right == 1.0
    [miss] = report.errors
    assert miss.kind == "miss" and miss.index == n - 1
    # no document predicted: every include missed, every exclude trivially absent
    doc = report.per_document[0]
    assert not doc.predicted and doc.include_hit == 0 and doc.exclude_hit == doc.exclude_total


# --- matching ---------------------------------------------------------------------------------


def test_duplicate_prediction_is_a_false_positive():
    gold = _claim()
    report = score([_gold([gold])], {}, {"d1": [copy.deepcopy(gold), copy.deepcopy(gold)]})
    c = report.claims
    assert (c.tp, c.fp, c.fn) == (1, 1, 0)
    assert c.precision == 0.5 and c.recall == 1.0
    assert c.f1 == pytest.approx(2 / 3)
    assert [e.kind for e in report.errors] == ["false_alarm"]


@pytest.mark.parametrize(
    "evidence",
    [
        # shorter: a clause of the gold sentence (gold is under 2.5x as long)
        "The Russian army has lost over 38,000 troops since the beginning of the incursion",
        # longer: dateline and label in front, typographic quotes
        "KYIV \u2014 Details: The Russian army has lost over 38,000 troops since the beginning "
        "of the incursion, Commander-in-Chief Oleksandr Syrskyi said on Jan. 1.",
    ],
)
def test_near_miss_evidence_still_matches(evidence):
    gold = _claim()
    pred = _claim(evidence={"text": evidence})
    pred["quantity"]["text"] = "38 thousand"  # no quantity overlap: evidence alone must match
    report = score([_gold([gold])], {}, {"d1": [pred]})
    assert report.claims.tp == 1


def test_quantity_text_overlap_alone_matches():
    gold = _claim()
    pred = _with_quantity(_claim(evidence={"text": "Kyiv says Moscow's toll tops 38,000."}),
                          text="38,000")
    assert not evidence_overlap(gold["evidence"]["text"], pred["evidence"]["text"])
    assert quantity_overlap("over 38,000", "38,000")
    report = score([_gold([gold])], {}, {"d1": [pred]})
    assert report.claims.tp == 1
    assert report.claims.fields["qualifier"] == 1.0  # fields are compared, not the text


def test_wrong_metric_does_not_match():
    report = score([_gold([_claim()])], {}, {"d1": [_claim(metric="killed")]})
    c = report.claims
    assert (c.tp, c.fp, c.fn) == (0, 1, 1)
    assert sorted(e.kind for e in report.errors) == ["false_alarm", "miss"]


def test_evidence_over_two_and_a_half_times_longer_does_not_match():
    short = "Russia lost 38,000 troops."
    long_ = (
        "In a lengthy evening address that covered energy, diplomacy, sanctions, the winter "
        "harvest, grain corridors and the state of the power grid, Zelensky said Russia lost "
        "38,000 troops."
    )
    assert short.rstrip(".").lower() in long_.lower()
    assert not evidence_overlap(short, long_)
    gold = _claim(evidence={"text": short})
    pred = _with_quantity(_claim(evidence={"text": long_}), text="thirty-eight thousand")
    report = score([_gold([gold])], {}, {"d1": [pred]})
    assert report.claims.tp == 0


def test_shared_half_of_words_matches_without_containment():
    a = "Russia lost 38,000 troops near Kursk since August, Syrskyi said."
    b = "Syrskyi said Russia lost 38,000 troops near Kursk."
    assert evidence_overlap(a, b)
    assert not evidence_overlap(a, "Kyiv was hit by drones overnight, officials said.")


def test_assignment_is_maximum_not_greedy():
    # gold 0 prefers pred 0, but only pred 0 can serve gold 1: a maximum assignment finds both
    weights = [[2.0, 1.0], [1.5, None]]
    assert assign(weights) == [(0, 1), (1, 0)]
    assert assign([[None, None]]) == []
    assert assign([[1.0], [3.0], [2.0]]) == [(1, 0)]


def test_same_sentence_two_claims_pair_by_quantity():
    evidence = "Some 300 soldiers were killed and 2,700 wounded, the ministry said."
    g1 = _claim(metric="killed", evidence={"text": evidence},
                quantity={"text": "Some 300", "low": 300, "high": 300, "qualifier": "approx"})
    g2 = _claim(metric="killed", evidence={"text": evidence},
                quantity={"text": "2,700", "low": 2700, "high": 2700, "qualifier": "exact"})
    report = score([_gold([g1, g2])], {}, {"d1": [copy.deepcopy(g2), copy.deepcopy(g1)]})
    assert report.claims.tp == 2 and report.claims.fully_right == 1.0
    assert sorted((m.gold_index, m.pred_index) for m in report.matches) == [(0, 1), (1, 0)]


# --- field rules ------------------------------------------------------------------------------


def test_field_errors_are_counted_per_field():
    g1 = _claim(subject=["PRK", "RUS"])
    g2 = _claim(
        metric="equipment_lost", object="equipment",
        quantity={"text": "more than 1,000", "low": 1000, "high": None, "qualifier": "more_than"},
        claimant={"name": "Ministry of Defence of Russia", "role": None, "side": "RUS"},
    )
    p1 = _claim(subject=["RUS", "PRK"],  # order-insensitive: right
                claimant={"name": "Syrskyi", "role": None, "side": "UKR"},  # surname: right
                period={"start": None, "end": "2025-01-01"})  # period_start wrong
    p2 = copy.deepcopy(g2)
    p2["claimant"] = {"name": "Defence Ministry", "role": None, "side": "RUS"}  # org: wrong
    p2["quantity"]["low"] = 1000.0  # numerically equal: right
    p2["location"] = None  # wrong
    report = score([_gold([g1, g2])], {}, {"d1": [p1, p2]})
    f = report.claims.fields
    assert report.claims.tp == 2
    assert f["subject"] == 1.0 and f["low"] == 1.0
    assert f["claimant"] == 0.5 and f["claimant_side"] == 1.0
    assert f["period_start"] == 0.5 and f["location"] == 0.5
    assert f["period_end"] == 1.0 and f["section"] == 1.0
    assert report.claims.fully_right == 0.0
    missed = sorted((m.field, m.doc_id) for m in report.field_misses)
    assert missed == [("claimant", "d1"), ("location", "d1"), ("period_start", "d1")]
    loc_miss = next(m for m in report.field_misses if m.field == "location")
    assert loc_miss.predicted is None and loc_miss.gold["name"] == "Kursk Oblast"


def test_name_rules():
    assert names_match("Volodymyr Zelensky", "Zelensky")
    assert names_match("Volodymyr Zelensky", "ZELENSKY")
    assert names_match("Oleksandr Syrskyi", "Oleksandr Syrśkyi")  # diacritics ignored
    assert not names_match("Volodymyr Zelensky", "Volodymyr Zelenskyy")
    assert names_match("Abdel Fattah al-Burhan", "Burhan")
    # organisations compare whole names
    assert names_match("General Staff of the Armed Forces of Ukraine",
                       "general staff of the armed forces of ukraine")
    assert not names_match("General Staff of the Armed Forces of Ukraine", "Ukraine")
    assert not names_match("Ministry of Defence of Russia", "Ministry of Defence of Ukraine")
    assert names_match("The Wall Street Journal", "Wall Street Journal")
    assert not names_match("Ukrainian Air Force", "Russian Air Force")


def test_party_rules():
    assert parties_match(None, None)
    assert not parties_match(None, {"name": "Zelensky", "role": None, "side": "UKR"})
    assert not parties_match({"name": None, "role": "Western officials", "side": None},
                             {"name": "Joe Biden", "role": None, "side": "USA"})
    assert parties_match({"name": None, "role": "US intelligence", "side": "USA"},
                         {"name": None, "role": "U.S. intelligence officials", "side": "USA"})
    assert parties_match({"name": None, "role": "senior Pentagon official", "side": "USA"},
                         {"name": None, "role": "Pentagon officials", "side": "USA"})
    assert not parties_match({"name": None, "role": "Russian officials", "side": "RUS"},
                             {"name": None, "role": "Ukrainian officials", "side": "UKR"})


def test_claimant_side_and_null_claimant():
    gold = _claim(claimant=None)
    pred = _claim()  # names a claimant where the gold has the article's own voice
    report = score([_gold([gold])], {}, {"d1": [pred]})
    assert report.claims.fields["claimant"] == 0.0
    assert report.claims.fields["claimant_side"] == 0.0
    assert report.claims.fields["cited_source"] == 1.0  # both null


def test_location_compares_name_and_country_only():
    gold = _claim()
    pred = _claim(location={"text": "Kursk", "name": "kursk oblast", "admin1": None,
                            "country": "RUS", "lat": 1.0, "lon": 2.0})
    other = _claim(location={"text": "Kursk", "name": "Kursk Oblast", "admin1": "Kursk Oblast",
                             "country": "UKR"})
    report = score([_gold([gold]), _gold([gold], doc_id="d2")], {},
                   {"d1": [pred], "d2": [other]})
    assert [m.fields["location"] for m in report.matches] == [True, False]


# --- documents --------------------------------------------------------------------------------


def test_body_and_meta_scoring():
    gold = _gold(
        [], include=["President said \"heavy losses\" occurred - again",
                     "a snippet that is missing"],
        exclude=["Skip to content", "Subscribe now"],
    )
    gold["meta"]["publisher"] = None
    pred = {
        "title": "  a   TITLE ", "authors": ["jane roe"], "published": "2025-01-03",
        "publisher": "The Paper",
        "text": "Menu. President  said \u201cheavy losses\u201d occurred \u2014 again. "
        "Subscribe now",
    }
    report = score([gold], {"d1": pred}, {})
    doc = report.per_document[0]
    assert (doc.include_hit, doc.include_total) == (1, 2)
    assert (doc.exclude_hit, doc.exclude_total) == (1, 2)
    assert doc.meta == {"title": (1, 1), "authors": (1, 1), "published": (0, 1),
                        "publisher": (0, 1)}
    assert report.documents.include_share == 0.5
    assert report.documents.meta_share("publisher") == 0.0


def test_null_meta_right_only_when_predicted_null():
    gold = _gold([])
    gold["meta"].update(published=None, publisher=None, authors=[])
    good = {"title": "A title", "authors": [], "published": None, "publisher": None, "text": ""}
    report = score([gold], {"d1": good}, {})
    assert all(report.documents.meta_share(n) == 1.0 for n in META_FIELDS)
    bad = dict(good, authors=["Someone"], published="2025-01-02")
    report = score([gold], {"d1": bad}, {})
    assert report.documents.meta_share("authors") == 0.0
    assert report.documents.meta_share("published") == 0.0


def test_normalise_text():
    raw = "it\u2019s \u201cfine\u201d \u2013 ok\u00a0 now\n"
    assert normalise_text(raw) == 'it\'s "fine" - ok now'
    assert normalise_text(None) == ""


# --- empty predictions and rendering ----------------------------------------------------------


def test_empty_predictions_give_zero_without_division_errors():
    report = score([_gold([_claim(), _claim(metric="killed")])], {}, {})
    c = report.claims
    assert (c.tp, c.fp, c.fn) == (0, 0, 2)
    assert (c.precision, c.recall, c.f1, c.fully_right) == (0.0, 0.0, 0.0, 0.0)
    assert all(v == 0.0 for v in c.fields.values())
    empty = score([], {}, {})
    assert empty.claims.precision == 0.0 and empty.documents.count == 0


def test_report_json_and_rendering():
    gold = _claim()
    pred = _claim(subject=["UKR"])
    report = score([_gold([gold], include=["Russian army"])], {"d1": {"text": "Russian army"}},
                   {"d1": [pred, _claim(metric="killed")]})
    data = report_to_json(report)
    json.dumps(data)  # serialisable
    assert set(data) >= {"documents", "claims", "per_document"}
    assert set(data["claims"]) >= {"precision", "recall", "f1", "fully_right", "fields",
                                   "tp", "fp", "fn"}
    assert list(data["claims"]["fields"]) == list(FIELDS)
    assert data["claims"]["fields"]["subject"] == 0.0
    assert data["claims"]["precision"] == 0.5
    assert data["documents"]["body_include"] == 1.0
    assert data["per_document"][0]["claims"] == {
        "gold": 1, "predicted": 2, "tp": 1, "fp": 1, "fn": 0, "fully_right": 0}

    out = io.StringIO()
    console = Console(file=out, width=160, color_system=None)
    render_table(report, console)
    render_errors(report, console)
    text = out.getvalue()
    for word in ("precision", "recall", "fully right", "body include", "period_start",
                 "false_alarm", "subject", "UKR"):
        assert word in text
