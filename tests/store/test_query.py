"""Search: filters and full-text search over evidence, on both back ends."""

from __future__ import annotations

import pytest
from corpus import FixedExtractor, make_claim, make_doc

from warclaims import store_api
from warclaims.model import Location, Party

UA = Party("General Staff of the Armed Forces of Ukraine", None, "UKR")
RU = Party("Ministry of Defence of Russia", None, "RUS")
KURSK = Location("near Sudzha", "Sudzha", "Kursk Oblast", "RUS", 51.19, 35.27)


@pytest.fixture
def store(db_url: str):
    ex = FixedExtractor({
        "a": [make_claim("a", 1, low=500, claimant=UA, subject=("PRK",), location=KURSK,
                         evidence="Ukrainian forces killed 500 North Korean soldiers near "
                                  "Sudzha.", date="2025-01-05", start="2025-01-01"),
              make_claim("a", 2, low=12, metric="equipment_lost", obj="tank", claimant=UA,
                         evidence="Twelve tanks were destroyed.", date="2025-01-05")],
        "b": [make_claim("b", 1, low=300, claimant=RU, subject=("UKR",),
                         evidence="The ministry said 300 Ukrainian servicemen were killed.",
                         date="2025-02-01")],
    })
    docs = [make_doc("a", publisher="Kyiv Independent"), make_doc("b", publisher="TASS")]
    with store_api.open_store(db_url) as s:
        store_api.ingest_documents(docs, s, extractor=ex)
        yield s


def _lows(items) -> list[float]:
    return sorted(i.claim.quantity.low for i in items)


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, [12, 300, 500]),
    ({"claimant": "general staff"}, [12, 500]),
    ({"side": "rus"}, [300]),
    ({"subject": "PRK"}, [500]),
    ({"metric": "equipment_lost"}, [12]),
    ({"object": "personnel"}, [300, 500]),
    ({"place": "sudzha"}, [500]),
    ({"admin1": "Kursk"}, [500]),
    ({"country": "RUS"}, [500]),
    ({"start": "2025-01-10"}, [300]),
    ({"end": "2025-01-10"}, [12, 500]),
    ({"overlaps": ("2025-01-06", "2025-01-31")}, [300]),  # unknown start: open to the past
    ({"outlet": "tass"}, [300]),
    ({"text": "north korean soldier"}, [500]),  # stemmed: soldier matches soldiers
    ({"text": "destroyed tanks"}, [12]),
    ({"text": "killed"}, [300, 500]),
    ({"text": "zebra"}, []),
    ({"text": 'quote" AND (broken'}, []),  # query syntax is never passed through raw
])
def test_filters(store, filters, expected) -> None:
    assert _lows(store_api.claims(store, **filters)) == expected
