"""Structured loss tallies (the Ukrainian General Staff's daily cumulative figures) as claims.

Each dated row becomes a small document (``ua-genstaff-YYYY-MM-DD``) whose text lists the
figures, and one claim per mapped object, so official tallies and article claims share one
timeline. The field mapping is the data file ``tally_fields.json``.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import importlib.resources
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from warclaims.errors import DataError, InputError
from warclaims.model import Claim, Document, Evidence, Party, Period, Quantity


@dataclass(frozen=True)
class TallyClaimSpec:
    metric: str
    object: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class TallyMap:
    claimant: Party
    subject: tuple[str, ...]
    period_start: str
    default_files: tuple[str, ...]
    qualifier_field: dict[str, str]
    claims: tuple[TallyClaimSpec, ...]


@functools.cache
def tally_map() -> TallyMap:
    """The packaged field mapping, validated."""
    res = importlib.resources.files("warclaims") / "data" / "tally_fields.json"
    try:
        raw = json.loads(res.read_text(encoding="utf-8"))
        specs = tuple(TallyClaimSpec(c["metric"], c["object"], tuple(c["fields"]))
                      for c in raw["claims"])
        cl = raw["claimant"]
        return TallyMap(claimant=Party(cl["name"], cl["role"], cl["side"]),
                        subject=tuple(sorted(raw["subject"])),
                        period_start=raw["period_start"],
                        default_files=tuple(raw["default_files"]),
                        qualifier_field=dict(raw["qualifier_field"]), claims=specs)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataError(f"tally_fields.json is missing or malformed: {exc}") from exc


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        found = [path / n for n in tally_map().default_files if (path / n).exists()]
        if not found:
            raise InputError(str(path), "no tally files "
                             f"({', '.join(tally_map().default_files)}) in this folder")
        return found
    if not path.exists():
        raise InputError(str(path), "no such file")
    return [path]


def _rows(path: Path) -> list[dict[str, object]]:
    try:
        if path.suffix.lower() == ".csv":
            with path.open(newline="", encoding="utf-8") as fh:
                return list(csv.DictReader(fh))
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(str(path), f"cannot read tallies: {exc}") from exc
    if not isinstance(rows, list) or not all(isinstance(r, dict) and "date" in r for r in rows):
        raise InputError(str(path), "tallies must be a list of objects with a 'date' field")
    return rows


def merged_rows(paths: Iterable[str | Path]) -> dict[str, dict[str, object]]:
    """Rows of every file, merged by date (personnel and equipment files share dates)."""
    by_date: dict[str, dict[str, object]] = {}
    for p in paths:
        for f in _files(Path(p)):
            for row in _rows(f):
                by_date.setdefault(str(row["date"])[:10], {}).update(row)
    return dict(sorted(by_date.items()))


def _number(v: object) -> float | None:
    if v is None or v == "":
        return None
    try:
        return float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def row_document(day: str, row: dict[str, object], source: str) -> tuple[Document, list[Claim]]:
    """The document of one dated tally row and its claims."""
    m = tally_map()
    lines: list[tuple[TallyClaimSpec, float, str]] = []
    for spec in m.claims:
        vals = [(f, _number(row.get(f))) for f in spec.fields]
        present = [(f, v) for f, v in vals if v is not None]
        if not present:
            continue
        total = sum(v for _, v in present)
        label = ", ".join(f"{f} {v:g}" for f, v in present)
        lines.append((spec, total, f"{spec.object}: {label}"))
    header = f"{m.claimant.name}, cumulative losses of {'/'.join(m.subject)} since " \
             f"{m.period_start}, as of {day}."
    text = header + "\n" + "\n".join(line for _, _, line in lines)
    doc_id = f"ua-genstaff-{day}"
    doc = Document(doc_id=doc_id, text=text, title=header, published=day,
                   publisher=m.claimant.name, source=source)
    claims, pos = [], len(header) + 1
    for spec, total, line in lines:
        qual = "exact"
        qf = m.qualifier_field.get(spec.fields[0])
        if qf and str(row.get(qf, "")).lower() in ("about", "approx", "approximately"):
            qual = "approx"
        claims.append(Claim(
            doc_id=doc_id,
            claim_id=hashlib.sha1(f"{doc_id}|{spec.metric}|{spec.object}".encode()).hexdigest(),
            metric=spec.metric, population="military", object=spec.object, subject=m.subject,
            quantity=Quantity(text=f"{total:g}", low=total, high=total, qualifier=qual),
            claimant=m.claimant, cited_source=None, statement_date=day,
            period=Period(start=m.period_start, end=day, text=f"since {m.period_start}"),
            location=None, section="body",
            evidence=Evidence(text=line, start=pos, end=pos + len(line)), confidence=1.0))
        pos += len(line) + 1
    return doc, claims


def tally_documents(paths: Iterable[str | Path]) -> Iterator[tuple[Document, list[Claim]]]:
    paths = list(paths)
    source = ";".join(str(p) for p in paths)
    for day, row in merged_rows(paths).items():
        yield row_document(day, row, source)
