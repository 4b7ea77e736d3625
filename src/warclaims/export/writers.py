"""Writers: CSV, JSON Lines, GeoJSON, Parquet (pyarrow) and a Datasette-ready SQLite file."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from warclaims.errors import StoreError
from warclaims.export.flat import COLUMNS, DESCRIPTIONS, flatten, values
from warclaims.store.query import StoredClaim

FORMATS = ("csv", "jsonl", "geojson", "parquet", "datasette")


def _tmp(path: Path) -> Path:
    return path.with_name(path.name + ".part")


def _publish(tmp: Path, path: Path) -> None:
    os.replace(tmp, path)  # a reader never sees a half-written export


def write_csv(items: Iterable[StoredClaim], path: Path) -> int:
    n = 0
    with _tmp(path).open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for s in items:
            w.writerow(values(flatten(s)))
            n += 1
    _publish(_tmp(path), path)
    return n


def write_jsonl(items: Iterable[StoredClaim], path: Path) -> int:
    n = 0
    with _tmp(path).open("w", encoding="utf-8") as fh:
        for s in items:
            fh.write(json.dumps(s.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    _publish(_tmp(path), path)
    return n


def write_geojson(items: Iterable[StoredClaim], path: Path) -> int:
    """Claims with coordinates as Point features (RFC 7946: lon, lat)."""
    n = 0
    with _tmp(path).open("w", encoding="utf-8") as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        for s in items:
            row = flatten(s)
            if row.lat is None or row.lon is None:
                continue
            props = {k: v for k, v in zip(COLUMNS, values(row), strict=True)
                     if k not in ("lat", "lon")}
            feat = {"type": "Feature", "geometry": {"type": "Point",
                                                    "coordinates": [row.lon, row.lat]},
                    "properties": props}
            fh.write((",\n" if n else "") + json.dumps(feat, ensure_ascii=False))
            n += 1
        fh.write("\n]}\n")
    _publish(_tmp(path), path)
    return n


def write_parquet(items: Iterable[StoredClaim], path: Path, batch: int = 5000) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise StoreError("Parquet export needs pyarrow (pip install pyarrow)") from exc
    types = {"reports": pa.int64(), "low": pa.float64(), "high": pa.float64(),
             "value": pa.float64(), "lat": pa.float64(), "lon": pa.float64(),
             "confidence": pa.float64()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])
    n, rows = 0, []
    with pq.ParquetWriter(str(_tmp(path)), schema) as writer:
        for s in items:
            rows.append(values(flatten(s)))
            if len(rows) >= batch:
                writer.write_table(_table(pa, schema, rows))
                n += len(rows)
                rows = []
        if rows or n == 0:
            writer.write_table(_table(pa, schema, rows))
            n += len(rows)
    _publish(_tmp(path), path)
    return n


def _table(pa, schema, rows):  # type: ignore[no-untyped-def]
    cols = list(zip(*rows, strict=True)) if rows else [[] for _ in COLUMNS]
    return pa.Table.from_arrays([pa.array(list(c), type=f.type)
                                 for c, f in zip(cols, schema, strict=True)], schema=schema)


def write_datasette(items: Iterable[StoredClaim], path: Path) -> int:
    """An SQLite file with a ``claims`` table, FTS5 over evidence, and ``PATH.metadata.json``."""
    tmp = _tmp(path)
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        cols = ", ".join(f'"{c}"' for c in COLUMNS)
        con.execute(f"CREATE TABLE claims ({cols}, PRIMARY KEY (group_id))")
        marks = ", ".join("?" for _ in COLUMNS)
        n = 0
        for s in items:
            con.execute(f"INSERT INTO claims VALUES ({marks})", values(flatten(s)))
            n += 1
        for c in ("metric", "object", "subject", "claimant_name", "statement_date", "country"):
            con.execute(f'CREATE INDEX "ix_claims_{c}" ON claims("{c}")')
        con.execute("CREATE VIRTUAL TABLE claims_fts USING fts5(evidence, claimant_name, "
                    "content='claims', content_rowid='rowid')")
        con.execute("INSERT INTO claims_fts(rowid, evidence, claimant_name) "
                    "SELECT rowid, evidence, claimant_name FROM claims")
        con.commit()
    finally:
        con.close()
    _publish(tmp, path)
    meta = datasette_metadata(path.stem)
    path.with_suffix(".metadata.json").write_text(json.dumps(meta, indent=2) + "\n")
    return n


def datasette_metadata(db_name: str) -> dict[str, object]:
    """Datasette metadata: title, source, and a description of every column."""
    return {
        "title": "warclaims: quantitative claims from war reporting",
        "description": "Claims extracted and merged by warclaims. Figures are claims by the "
                       "parties named, not verified counts.",
        "source": "warclaims",
        "databases": {db_name: {"tables": {"claims": {
            "description": "One row per merged claim (reports of one claim across outlets "
                           "and syndicated copies are merged).",
            "fts_table": "claims_fts", "searchable_columns": ["evidence", "claimant_name"],
            "sortable_columns": ["statement_date", "value", "reports"],
            "facets": ["metric", "object", "claimant_name", "kind"],
            "columns": DESCRIPTIONS,
        }}}},
    }


def write(items: Iterable[StoredClaim], path: str | Path, fmt: str) -> int:
    """Write ``items`` to ``path`` in ``fmt``; return the number of rows written."""
    path = Path(path)
    writer = {"csv": write_csv, "jsonl": write_jsonl, "geojson": write_geojson,
              "parquet": write_parquet, "datasette": write_datasette}.get(fmt)
    if writer is None:
        raise StoreError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    if not path.parent.is_dir():
        raise StoreError(f"cannot write {path}: directory {path.parent} does not exist")
    try:
        return writer(items, path)
    except OSError as exc:
        _tmp(path).unlink(missing_ok=True)
        raise StoreError(f"cannot write {path}: {exc}") from exc
