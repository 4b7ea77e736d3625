"""Where a claim happens when its sentence does not say (SPEC section 6, Places)."""

from __future__ import annotations

import pytest

import warclaims
from warclaims.extract.scene import refers_back
from warclaims.model import Document


@pytest.mark.parametrize(("sentence", "expected"), [
    ("He said 12 soldiers had been killed in the town.", True),
    ("Five more were wounded there on Tuesday.", True),
    ("There are no forty dead soldiers, he wrote.", False),  # existential 'there'
    ("He said 20 of them had been killed.", True),  # 'of them': the whole is named before
    ("Russia launched 32 drones and air defences destroyed 28 of them.", False),  # inside
    ("The attack killed at least six people.", True),
    ("At least 327 people have been killed since the offensive began.", False),  # running total
    ("The army said 14 tanks were destroyed.", False),
])
def test_refers_back(sentence: str, expected: bool) -> None:
    assert refers_back(sentence) is expected


def _claims(text: str):
    return warclaims.extract_claims(Document(doc_id="scene", text=text, published="2024-08-20"))


def test_the_regions_official_points_to_the_region_of_the_town_named_before() -> None:
    text = ("Ukrainian troops entered Sudzha on Friday, the ministry said.\n\n"
            "The region's acting governor said that 12 civilians had been killed since the "
            "attack began.")
    claim = next(c for c in _claims(text) if c.quantity.low == 12)
    assert claim.location is not None
    assert (claim.location.name, claim.location.country) == ("Kursk Oblast", "RUS")


def test_a_running_total_does_not_take_the_place_of_the_event_before() -> None:
    text = ("Rebels swept into Aleppo on Saturday, residents said.\n\n"
            "A monitor said at least 327 people had been killed since the offensive began on "
            "Wednesday.")
    claim = next(c for c in _claims(text) if c.quantity.low == 327)
    assert claim.location is None


def test_many_regions_is_the_country_not_the_city_named_before() -> None:
    text = ("A missile hit a residential area of Kharkiv overnight, the mayor said.\n\n"
            "Ukraine's Air Force said Russia had launched 32 drones at eight regions overnight "
            "and that air defences had destroyed 28 of them.")
    claims = _claims(text)
    for value in (32, 28):
        claim = next(c for c in claims if c.quantity.low == value)
        assert claim.location is not None and claim.location.name == "Ukraine", value


def test_it_also_said_keeps_the_place_of_the_claim_before() -> None:
    text = ("Russia's Defence Ministry said on Saturday that Ukraine had lost 300 servicemen in "
            "the Kursk direction over the past day. It also said ten Ukrainian servicemen had "
            "surrendered over the past day.")
    claim = next(c for c in _claims(text) if c.quantity.low == 10)
    assert claim.location is not None and claim.location.name == "Kursk Oblast"


def test_a_count_continuing_the_event_of_the_paragraph_before_takes_its_place() -> None:
    text = ("The surrender of Ukrainian troops at the steel plant in Mariupol was gathering pace, "
            "the ministry said.\n\n"
            "In its daily briefing, the ministry said 771 fighters had surrendered over the "
            "previous 24 hours.")
    claim = next(c for c in _claims(text) if c.quantity.low == 771)
    assert claim.location is not None and claim.location.name == "Mariupol"


def test_a_new_event_does_not_take_the_place_of_an_earlier_claim() -> None:
    text = ("On July 6 the ministry said two launchers had been destroyed near Kramatorsk.\n\n"
            "On July 22 the ministry said four launchers had been destroyed over the past week.")
    claim = next(c for c in _claims(text) if c.quantity.low == 4)
    assert claim.location is None


def test_the_territory_is_the_one_the_sentence_names_in_its_frame() -> None:
    text = ("The health ministry in Hamas-run Gaza said on Thursday that it had recorded 27,019 "
            "deaths in the territory since Oct. 7.")
    claim = _claims(text)[0]
    assert claim.location is not None and claim.location.name == "Gaza Strip"
