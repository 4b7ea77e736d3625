"""The store commands (``ingest``, ``claims``, ``timeline``, ``compare``, ``import-tallies``,
``export``): each parses its arguments, makes one ``warclaims.store_api`` call and prints.

The main CLI registers them with ``for c in COMMANDS: main.add_command(c)``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from warclaims import store_api
from warclaims.errors import WarclaimsError
from warclaims.export.flat import COLUMNS, flatten, values
from warclaims.store.db import DEFAULT_DB, ENV_DB
from warclaims.store.query import ClaimFilter, StoredClaim

_db = click.option("--db", envvar=ENV_DB, default=DEFAULT_DB, show_default=True,
                   help=f"SQLite file or database URL (postgresql://...); env {ENV_DB}.")


def _run(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except WarclaimsError as exc:
        raise click.ClickException(str(exc)) from exc


def _fmt(v: float | None) -> str:
    return "" if v is None else f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}"


def _progress(outcome: store_api.DocOutcome) -> None:
    extra = f" (copy of {outcome.copy_of})" if outcome.copy_of else ""
    extra += f": {outcome.reason}" if outcome.reason else ""
    click.echo(f"{outcome.status:9} {outcome.doc_id}{extra}", err=True)


def _report(r: store_api.IngestReport) -> None:
    click.echo(f"{r.added} added, {r.replaced} replaced, {r.unchanged} unchanged, "
               f"{r.rejected} rejected, {r.copies} syndicated copies, {r.claims} claims "
               f"stored (run {r.run_id[:12]})", err=True)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@_db
@click.option("-v", "--verbose", is_flag=True, help="Print one line per document.")
def ingest_cmd(paths: tuple[str, ...], db: str, verbose: bool) -> None:
    """Read, extract and store PATHS; unchanged documents are skipped.

    Each input that cannot be read is named on stderr with its reason (and recorded in the
    store); the exit code is 1 when any input was rejected.
    """
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True, soft_wrap=True, highlight=False)
    with Progress(SpinnerColumn(), TextColumn("{task.completed} documents"),
                  TimeElapsedColumn(), console=console, transient=True,
                  disable=not console.is_terminal) as bar:
        task = bar.add_task("ingest", total=None)

        def on_document(outcome: store_api.DocOutcome) -> None:
            bar.advance(task)
            if verbose or outcome.status == "rejected":
                _progress(outcome)

        report = _run(lambda: store_api.ingest(paths, db, on_document=on_document))
    _report(report)
    if report.rejected:
        sys.exit(1)


def _filters(f: Callable[..., Any]) -> Callable[..., Any]:
    opts = [
        click.option("--claimant", help="Name or role contains this."),
        click.option("--side", help="Claimant's side (ISO alpha-3)."),
        click.option("--cited-source", help="Cited source's name or role contains this."),
        click.option("--subject", help="Codes, comma-separated, all in the claim's subject."),
        click.option("--metric"), click.option("--object", "object_"),
        click.option("--population"), click.option("--kind",
                                                   type=click.Choice(["cumulative", "period",
                                                                      "stock"])),
        click.option("--place", help="Place name or location text contains this."),
        click.option("--admin1"), click.option("--country"),
        click.option("--since", help="Statement date on or after (YYYY-MM-DD)."),
        click.option("--until", help="Statement date on or before (YYYY-MM-DD)."),
        click.option("--overlaps", help="START:END the claim's period must overlap."),
        click.option("--outlet", help="Publisher contains this."),
        click.option("--search", "text", help="Full-text query over evidence (all words)."),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def _claim_filter(kw: dict[str, Any]) -> ClaimFilter:
    overlaps = None
    if kw.get("overlaps"):
        a, _, b = kw["overlaps"].partition(":")
        overlaps = (a or None, b or None)
    subject = tuple(s for s in (kw.get("subject") or "").split(",") if s)
    return ClaimFilter(
        claimant=kw.get("claimant"), side=kw.get("side"), cited_source=kw.get("cited_source"),
        subject=subject, metric=kw.get("metric"), object=kw.get("object_"),
        population=kw.get("population"), kind=kw.get("kind"), place=kw.get("place"),
        admin1=kw.get("admin1"), country=kw.get("country"), start=kw.get("since"),
        end=kw.get("until"), overlaps=overlaps, outlet=kw.get("outlet"), text=kw.get("text"))


def _print_claims(items: list[StoredClaim], fmt: str) -> None:
    if fmt == "jsonl":
        for s in items:
            sys.stdout.write(json.dumps(s.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(COLUMNS)
        for s in items:
            w.writerow(values(flatten(s)))
    else:
        t = Table(title=f"{len(items)} claims")
        for col in ("date", "claimant", "metric", "object", "subject", "quantity", "low",
                    "high", "reports"):
            t.add_column(col)
        for s in items:
            c = s.claim
            who = (c.claimant.name or c.claimant.role) if c.claimant else ""
            t.add_row(c.statement_date or "", who or "", c.metric, c.object,
                      ",".join(c.subject), c.quantity.text, _fmt(c.quantity.low),
                      _fmt(c.quantity.high), str(s.reports))
        Console().print(t)


@click.command("claims")
@_db
@_filters
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table")
@click.option("--limit", type=int)
@click.option("--reports", is_flag=True, help="One row per report instead of per claim.")
def claims_cmd(db: str, fmt: str, limit: int | None, reports: bool, **kw: Any) -> None:
    """Search stored claims."""
    items = _run(lambda: store_api.claims(db, _claim_filter(kw), merged=not reports,
                                          limit=limit))
    _print_claims(items, fmt)


@click.command("timeline")
@click.option("--metric", required=True)
@click.option("--subject", required=True, help="Exactly these codes, comma-separated.")
@click.option("--object", "object_", default="personnel", show_default=True)
@click.option("--claimant", help="Only claimants whose name or role contains this.")
@_db
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table")
def timeline_cmd(metric: str, subject: str, object_: str, claimant: str | None, db: str,
                 fmt: str) -> None:
    """A metric for a subject over time, one series per claimant."""
    tl = _run(lambda: store_api.timeline(metric, subject, db, object=object_,
                                         claimant=claimant))
    if fmt == "jsonl":
        for s in tl.series:
            for p in s.points:
                sys.stdout.write(json.dumps({"claimant": s.claimant, "side": s.side,
                                             "kind": s.kind, **p.__dict__,
                                             "flags": list(p.flags)}) + "\n")
        return
    console = Console()
    for s in tl.series:
        t = Table(title=f"{s.claimant} ({s.kind})")
        for col in ("date", "low", "high", "qualifier", "period", "reports", "flags"):
            t.add_column(col)
        for p in s.points:
            t.add_row(p.date or "", _fmt(p.low), _fmt(p.high), p.qualifier,
                      f"{p.period_start or '?'}..{p.period_end or '?'}", str(p.reports),
                      ", ".join(p.flags))
        console.print(t)


@click.command("compare")
@click.option("--metric", required=True)
@click.option("--subject", required=True, help="Exactly these codes, comma-separated.")
@click.option("--object", "object_", default="personnel", show_default=True)
@click.option("--start", help="Window start (YYYY-MM-DD).")
@click.option("--end", help="Window end (YYYY-MM-DD).")
@click.option("--kind", type=click.Choice(["cumulative", "period", "stock"]))
@_db
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table")
def compare_cmd(metric: str, subject: str, object_: str, start: str | None, end: str | None,
                kind: str | None, db: str, fmt: str) -> None:
    """Claimants side by side on one subject, metric and period, with the spread."""
    cmp = _run(lambda: store_api.compare(metric, subject, db, object=object_, start=start,
                                         end=end, kind=kind))
    if fmt == "jsonl":
        for r in cmp.rows:
            sys.stdout.write(json.dumps(r.__dict__) + "\n")
        return
    spread = f"spread {cmp.spread:.2f}x" if cmp.spread else "no spread"
    t = Table(title=f"{metric} {object_} of {subject}: {spread}")
    for col in ("claimant", "side", "value", "low", "high", "date", "period", "kind"):
        t.add_column(col)
    for r in cmp.rows:
        t.add_row(r.claimant, r.side or "", _fmt(r.value), _fmt(r.low), _fmt(r.high),
                  r.statement_date or "", f"{r.period_start or '?'}..{r.period_end or '?'}",
                  r.kind)
    Console().print(t)


@click.command("import-tallies")
@click.argument("paths", nargs=-1, required=True)
@_db
def import_tallies_cmd(paths: tuple[str, ...], db: str) -> None:
    """Import daily loss tallies (the General Staff dataset folder, or JSON/CSV files)."""
    _report(_run(lambda: store_api.import_tallies(paths, db)))


@click.command("export")
@click.argument("path")
@click.option("--format", "fmt", required=True,
              type=click.Choice(["csv", "jsonl", "geojson", "parquet", "datasette"]))
@_db
@_filters
def export_cmd(path: str, fmt: str, db: str, **kw: Any) -> None:
    """Export merged claims to PATH (datasette: an SQLite file plus PATH.metadata.json)."""
    n = _run(lambda: store_api.export(path, fmt, db, _claim_filter(kw)))
    click.echo(f"{n} claims written to {path}", err=True)


COMMANDS: list[click.Command] = [ingest_cmd, claims_cmd, timeline_cmd, compare_cmd,
                                 import_tallies_cmd, export_cmd]
