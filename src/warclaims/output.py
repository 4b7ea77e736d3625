"""Writers for documents and claims: JSON Lines, JSON, CSV and rich tables."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from rich.console import Console
from rich.table import Table

from warclaims.model import Claim, Document

CLAIM_COLUMNS = (
    "doc_id", "claim_id", "metric", "population", "object", "subject", "quantity_text", "low",
    "high", "qualifier", "unit", "unit_word", "claimant", "claimant_role", "claimant_side",
    "cited_source", "statement_date", "period_start", "period_end", "location", "admin1",
    "country", "lat", "lon", "section", "evidence", "confidence",
)


def claim_row(c: dict[str, Any]) -> dict[str, Any]:
    """A flat row of a claim dict (for CSV and tables)."""
    q, cl, cs = c["quantity"], c.get("claimant") or {}, c.get("cited_source") or {}
    loc, per = c.get("location") or {}, c.get("period") or {}
    return {
        "doc_id": c["doc_id"], "claim_id": c["claim_id"], "metric": c["metric"],
        "population": c["population"], "object": c["object"], "subject": ";".join(c["subject"]),
        "quantity_text": q["text"], "low": q["low"], "high": q["high"],
        "qualifier": q["qualifier"], "unit": q["unit"], "unit_word": q["unit_word"],
        "claimant": cl.get("name") or cl.get("role"), "claimant_role": cl.get("role"),
        "claimant_side": cl.get("side"), "cited_source": cs.get("name") or cs.get("role"),
        "statement_date": c["statement_date"], "period_start": per.get("start"),
        "period_end": per.get("end"), "location": loc.get("name"), "admin1": loc.get("admin1"),
        "country": loc.get("country"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "section": c["section"], "evidence": c["evidence"]["text"],
        "confidence": c["confidence"],
    }


class Writer:
    """Streams records to ``out`` in one format; call ``close`` at the end."""

    def __init__(self, fmt: str, out: IO[str], kind: str) -> None:
        self.fmt, self.out, self.kind = fmt, out, kind
        self.rows: list[dict[str, Any]] = []
        self._csv: csv.DictWriter | None = None

    def write(self, record: Document | Claim) -> None:
        d = record.to_dict()
        if self.fmt == "jsonl":
            self.out.write(json.dumps(d, ensure_ascii=False) + "\n")
        elif self.fmt == "csv":
            if self._csv is None:
                cols = CLAIM_COLUMNS if self.kind == "claims" else _DOC_COLUMNS
                self._csv = csv.DictWriter(self.out, fieldnames=cols, extrasaction="ignore")
                self._csv.writeheader()
            self._csv.writerow(claim_row(d) if self.kind == "claims" else _doc_row(d))
        else:
            self.rows.append(d)

    def close(self) -> None:
        if self.fmt == "json":
            json.dump(self.rows, self.out, ensure_ascii=False, indent=1)
            self.out.write("\n")
        elif self.fmt == "table":
            render_table(self.rows, self.kind, Console(file=self.out, width=200))


_DOC_COLUMNS = ("doc_id", "title", "authors", "published", "publisher", "language", "words",
                "removed")


def _doc_row(d: dict[str, Any]) -> dict[str, Any]:
    return {
        "doc_id": d["doc_id"], "title": d["title"], "authors": "; ".join(d["authors"]),
        "published": d["published"], "publisher": d["publisher"], "language": d["language"],
        "words": len(d["text"].split()), "removed": len(d["removed"]),
    }


def render_table(rows: Iterable[dict[str, Any]], kind: str, console: Console) -> None:
    """A readable table of documents or claims."""
    rows = list(rows)
    if kind == "documents":
        table = Table(title=f"{len(rows)} documents")
        for col in _DOC_COLUMNS:
            table.add_column(col, overflow="fold")
        for d in rows:
            table.add_row(*(str(v) if v is not None else "" for v in _doc_row(d).values()))
    else:
        table = Table(title=f"{len(rows)} claims")
        cols = ("doc_id", "metric", "object", "subject", "quantity_text", "claimant",
                "statement_date", "period_start", "location", "section")
        for col in cols:
            table.add_column(col, overflow="fold")
        for c in rows:
            row = claim_row(c)
            table.add_row(*(str(row[k]) if row[k] is not None else "" for k in cols))
    console.print(table)
