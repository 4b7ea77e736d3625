"""The store commands are thin: they call store_api and print."""

from __future__ import annotations

import json
from pathlib import Path

import click
from click.testing import CliRunner

from warclaims.cli_store import COMMANDS


@click.group()
def main() -> None:
    """Test group standing in for warclaims.cli.main."""


for _c in COMMANDS:
    main.add_command(_c)


def test_tallies_timeline_compare_claims_export(tmp_path: Path) -> None:
    rows = [{"date": "2023-05-25", "personnel": 205000, "tank": 3800},
            {"date": "2023-05-30", "personnel": 206000, "tank": 3797}]
    (tmp_path / "t.json").write_text(json.dumps(rows))
    db = str(tmp_path / "s.db")
    run = CliRunner().invoke
    r = run(main, ["import-tallies", str(tmp_path / "t.json"), "--db", db])
    assert r.exit_code == 0, r.output
    r = run(main, ["timeline", "--metric", "equipment_lost", "--object", "tank",
                   "--subject", "RUS", "--db", db, "--format", "jsonl"])
    points = [json.loads(x) for x in r.stdout.splitlines()]
    assert [p["value"] for p in points] == [3800, 3797]
    assert points[1]["flags"] == ["cumulative_falls"]
    r = run(main, ["claims", "--db", db, "--metric", "casualties", "--format", "csv"])
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 3
    r = run(main, ["compare", "--metric", "casualties", "--subject", "RUS", "--db", db])
    assert r.exit_code == 0 and "no spread" in r.stdout  # one claimant
    r = run(main, ["export", str(tmp_path / "x.geojson"), "--format", "geojson", "--db", db])
    assert r.exit_code == 0


def test_bad_database_is_a_clean_error(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["claims", "--db", str(tmp_path / "missing" / "s.db")])
    assert r.exit_code == 1 and "does not exist" in r.output


def test_ingest_names_rejected_inputs_and_exits_1(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "scan.pdf").write_bytes(b"%PDF-1.4 not a news page")
    (pages / "empty.txt").write_text("")
    (pages / "ok.txt").write_text(
        " date 2025-01-04 Skip to content\nUkraine says Russia lost 1,200 troops\n\n"
        "Russia lost 1,200 troops over the past day, Ukraine's General Staff said on Saturday.\n")
    r = CliRunner().invoke(main, ["ingest", str(pages), "--db", str(tmp_path / "s.db")])
    assert r.exit_code == 1
    assert "scan.pdf" in r.stderr and "PDF" in r.stderr
    assert "empty.txt" in r.stderr
    assert "1 added" in r.stderr and "2 rejected" in r.stderr
