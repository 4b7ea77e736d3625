"""Render an :class:`~warclaims.eval.scoring.EvalReport` as rich tables or as JSON data."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from warclaims.eval.scoring import (
    FIELDS,
    META_FIELDS,
    ClaimError,
    DocScore,
    EvalReport,
    FieldMiss,
    Tally,
)

_EVIDENCE_HEAD = 90
_DIGITS = 4


def _pct(share: float) -> str:
    return f"{100 * share:5.1f}%"


def _count(tally: Tally) -> str:
    return f"{tally.hit}/{tally.total}"


def _head(text: str | None, limit: int = _EVIDENCE_HEAD) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _documents_table(report: EvalReport) -> Table:
    docs = report.documents
    table = Table(title=f"Documents ({docs.count})", title_justify="left")
    table.add_column("measure")
    table.add_column("share", justify="right")
    table.add_column("count", justify="right")
    table.add_row("body include honoured", _pct(docs.include.share), _count(docs.include))
    table.add_row("body exclude honoured", _pct(docs.exclude.share), _count(docs.exclude))
    for name in META_FIELDS:
        tally = docs.meta[name]
        table.add_row(f"{name} right", _pct(tally.share), _count(tally))
    return table


def _claims_table(report: EvalReport) -> Table:
    c = report.claims
    table = Table(title=f"Claims ({c.gold} gold, {c.predicted} predicted)", title_justify="left")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("count", justify="right")
    table.add_row("precision", f"{c.precision:.3f}", f"{c.tp}/{c.predicted}")
    table.add_row("recall", f"{c.recall:.3f}", f"{c.tp}/{c.gold}")
    table.add_row("F1", f"{c.f1:.3f}", f"tp {c.tp} fp {c.fp} fn {c.fn}")
    table.add_row("fully right", _pct(c.fully_right), f"{c.fully_right_count}/{c.tp}")
    return table


def _fields_table(report: EvalReport) -> Table:
    table = Table(title="Fields of found claims", title_justify="left")
    table.add_column("field")
    table.add_column("right", justify="right")
    table.add_column("count", justify="right")
    for name in FIELDS:
        tally = report.claims.field_counts[name]
        table.add_row(name, _pct(tally.share), _count(tally))
    return table


def render_table(report: EvalReport, console: Console) -> None:
    """Print the documents block, the claims block (P/R/F1, fully right) and field accuracy."""
    console.print(_documents_table(report))
    console.print(_claims_table(report))
    console.print(_fields_table(report))


def _errors_table(errors: list[ClaimError]) -> Table:
    table = Table(title=f"Claim errors ({len(errors)})", title_justify="left")
    for name in ("kind", "doc_id", "metric", "quantity", "claimant", "evidence"):
        table.add_column(name, overflow="fold")
    for e in errors:
        style = "red" if e.kind == "miss" else "yellow"
        table.add_row(
            e.kind, e.doc_id, e.metric or "-", e.quantity_text or "-", e.claimant or "-",
            _head(e.evidence), style=style,
        )
    return table


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, dict):
        parts = [f"{k}={v}" for k, v in value.items() if v is not None and k != "text"]
        return ", ".join(parts) or "{}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def _misses_table(misses: list[FieldMiss]) -> Table:
    table = Table(title=f"Field misses ({len(misses)})", title_justify="left")
    for name in ("doc_id", "field", "gold", "predicted", "quantity", "evidence"):
        table.add_column(name, overflow="fold")
    for m in misses:
        table.add_row(
            m.doc_id, m.field, _show(m.gold), _show(m.predicted), m.quantity_text or "-",
            _head(m.evidence, 60),
        )
    return table


def render_errors(report: EvalReport, console: Console) -> None:
    """Print every missed and falsely found claim, then every wrong field of found claims."""
    errors = sorted(report.errors, key=lambda e: (e.doc_id, e.kind, e.index))
    misses = sorted(report.field_misses, key=lambda m: (m.doc_id, FIELDS.index(m.field)))
    console.print(_errors_table(errors))
    console.print(_misses_table(misses))


def _r(value: float) -> float:
    return round(value, _DIGITS)


def _doc_json(d: DocScore) -> dict[str, Any]:
    return {
        "doc_id": d.doc_id,
        "predicted": d.predicted,
        "body_include": [d.include_hit, d.include_total],
        "body_exclude": [d.exclude_hit, d.exclude_total],
        "meta": {name: bool(d.meta[name][0]) for name in META_FIELDS},
        "claims": {
            "gold": d.gold_claims, "predicted": d.predicted_claims,
            "tp": d.tp, "fp": d.fp, "fn": d.fn, "fully_right": d.fully_right,
        },
    }


def report_to_json(report: EvalReport) -> dict[str, Any]:
    """Machine-readable report with stable keys (shares rounded to four decimals)."""
    docs, c = report.documents, report.claims
    documents: dict[str, Any] = {
        "count": docs.count,
        "body_include": _r(docs.include.share),
        "body_exclude": _r(docs.exclude.share),
    }
    documents.update({name: _r(docs.meta[name].share) for name in META_FIELDS})
    return {
        "documents": documents,
        "claims": {
            "precision": _r(c.precision),
            "recall": _r(c.recall),
            "f1": _r(c.f1),
            "fully_right": _r(c.fully_right),
            "fields": {name: _r(c.fields[name]) for name in FIELDS},
            "tp": c.tp,
            "fp": c.fp,
            "fn": c.fn,
            "gold": c.gold,
            "predicted": c.predicted,
        },
        "per_document": [_doc_json(d) for d in report.per_document],
        "errors": [
            {"kind": e.kind, "doc_id": e.doc_id, "index": e.index, "metric": e.metric,
             "quantity": e.quantity_text, "claimant": e.claimant, "evidence": e.evidence}
            for e in report.errors
        ],
        "field_misses": [
            {"doc_id": m.doc_id, "field": m.field, "gold": m.gold, "predicted": m.predicted,
             "metric": m.metric, "quantity": m.quantity_text, "evidence": m.evidence}
            for m in report.field_misses
        ],
    }
