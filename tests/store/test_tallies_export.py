"""General Staff tallies as claims, and the exports."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from corpus import FixedExtractor, make_claim, make_doc

from warclaims import store_api
from warclaims.errors import InputError
from warclaims.model import Location, Party

GS = Path("/work/shared/data/ua-genstaff-russian-losses")


def _write_tallies(tmp_path: Path) -> Path:
    rows = [
        {"date": "2023-05-25", "personnel": 205000, "personnel*": "about", "tank": 3800,
         "field artillery": 3000, "MRL": 500, "cruise missiles": 1200, "naval ship": 18,
         "submarines": 1, "greatest losses direction": "Bakhmut"},
        {"date": "2023-05-26", "personnel": 205600, "personnel*": "about", "tank": 3802,
         "field artillery": 3010, "MRL": 500, "cruise missiles": 1200, "naval ship": 18,
         "submarines": 1},
        {"date": "2023-05-27", "personnel": 206000, "personnel*": "about", "tank": 3797,
         "field artillery": 3020, "MRL": 501, "cruise missiles": 1231, "naval ship": 18,
         "submarines": 1},
    ]
    path = tmp_path / "tallies.json"
    path.write_text(json.dumps(rows))
    return path


def test_import_tallies(db_url: str, tmp_path: Path) -> None:
    path = _write_tallies(tmp_path)
    with store_api.open_store(db_url) as s:
        report = store_api.import_tallies([path], s)
        again = store_api.import_tallies([path], s)
        tl = store_api.timeline("equipment_lost", "RUS", s, object="tank")
        art = store_api.claims(s, object="artillery", start="2023-05-27")
        missiles = store_api.claims(s, metric="intercepted", object="missile")
        people = store_api.claims(s, metric="casualties", end="2023-05-25")
    assert report.added == 3 and report.claims == 15 and again.unchanged == 3
    gs = tl.get("General Staff", "cumulative")
    assert gs is not None and [p.value for p in gs.points] == [3800, 3802, 3797]
    assert gs.points[2].flags == ("cumulative_falls",)  # the 2023-05-27 correction
    assert [a.claim.quantity.low for a in art] == [3521]  # field artillery + MRL
    assert len(missiles) == 2  # 1200 twice within three days is one claim
    p = people[0].claim
    assert (p.quantity.low, p.quantity.qualifier, p.period.start, p.claimant.side) == (
        205000, "approx", "2022-02-24", "UKR")
    assert p.evidence.text == "personnel: personnel 205000"


def test_import_tallies_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a list"}')
    with pytest.raises(InputError, match="bad.json"):
        store_api.import_tallies([bad], tmp_path / "s.db")


@pytest.mark.skipif(not GS.exists(), reason="shared tallies not present")
def test_import_real_dataset_folder(tmp_path: Path) -> None:
    with store_api.open_store(tmp_path / "gs.db") as s:
        report = store_api.import_tallies([GS], s)
        last = store_api.claims(s, metric="casualties", start="2026-08-08")
    assert report.added == 1626
    assert last[0].claim.quantity.low == 1456610


@pytest.fixture
def filled(db_url: str):
    loc = Location("near Sudzha", "Sudzha", "Kursk Oblast", "RUS", 51.19, 35.27)
    ua = Party("General Staff of the Armed Forces of Ukraine", None, "UKR")
    ex = FixedExtractor({"a": [make_claim("a", 1, low=500, claimant=ua, location=loc),
                               make_claim("a", 2, low=20, obj="tank",
                                          metric="equipment_lost")]})
    with store_api.open_store(db_url) as s:
        store_api.ingest_documents([make_doc("a")], s, extractor=ex)
        yield s


def test_exports(filled, tmp_path: Path) -> None:
    n = store_api.export(tmp_path / "c.csv", "csv", filled)
    rows = list(csv.DictReader((tmp_path / "c.csv").open()))
    assert n == 2 and {r["low"] for r in rows} == {"500.0", "20.0"}
    store_api.export(tmp_path / "c.jsonl", "jsonl", filled, metric="killed")
    lines = (tmp_path / "c.jsonl").read_text().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["quantity"]["low"] == 500
    store_api.export(tmp_path / "c.geojson", "geojson", filled)
    geo = json.loads((tmp_path / "c.geojson").read_text())
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 1
    assert geo["features"][0]["geometry"]["coordinates"] == [35.27, 51.19]
    n = store_api.export(tmp_path / "c.sqlite", "datasette", filled)
    con = sqlite3.connect(tmp_path / "c.sqlite")
    hits = con.execute("SELECT low FROM claims WHERE rowid IN "
                       "(SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'Claim')").fetchall()
    assert n == 2 and len(hits) == 2
    meta = json.loads((tmp_path / "c.metadata.json").read_text())
    cols = meta["databases"]["c"]["tables"]["claims"]["columns"]
    assert {r[1] for r in con.execute("PRAGMA table_info(claims)")} == set(cols)
    assert not list(tmp_path.glob("*.part"))


def test_parquet(filled, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    store_api.export(tmp_path / "c.parquet", "parquet", filled)
    table = pq.read_table(tmp_path / "c.parquet")
    assert table.num_rows == 2 and sorted(table.column("low").to_pylist()) == [20.0, 500.0]
