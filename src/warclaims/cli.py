"""The ``warclaims`` command: a thin layer over :mod:`warclaims.api`."""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from warclaims import api
from warclaims.errors import InputError, WarclaimsError
from warclaims.model import Rejection
from warclaims.output import Writer
from warclaims.settings import default

err = Console(stderr=True, highlight=False, soft_wrap=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="warclaims")
def main() -> None:
    """warclaims: quantitative claims of war reporting.

    Reads news pages (scraped text, HTML, RSS/Atom, WARC, JSON Lines), cleans them down to
    the article, extracts every claim about losses, casualties, deployments, equipment and
    munitions, and scores itself against annotated documents.
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--documents", is_flag=True,
              help="Print the cleaned documents (SPEC section 3) instead of the claims.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "csv", "table"]),
              default="jsonl", show_default=True,
              help="jsonl: one JSON object per line on stdout and nothing else; json: one array; "
                   "csv: one row per record; table: a readable table.")
@click.option("--strict", is_flag=True, help="Stop at the first input that cannot be read.")
@click.option("--max-bytes", type=int, default=default("max_bytes"), show_default=True,
              help="Reject single documents larger than this many bytes.")
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary on stderr.")
def extract(paths: tuple[str, ...], documents: bool, fmt: str, strict: bool, max_bytes: int,
            quiet: bool) -> None:
    """Extract claims (or, with --documents, cleaned documents) from PATHS.

    PATHS are files, folders (read recursively), glob patterns, or '-' for standard input.
    The format of each input is told from its content. Inputs that fail are reported on
    stderr, one line each, and the batch goes on; the exit code is 1 when any input failed.
    """
    writer = Writer(fmt, sys.stdout, "documents" if documents else "claims")
    failed = n_docs = n_claims = 0
    from warclaims.ingest.sources import iter_documents

    try:
        items = iter_documents(paths, strict=strict, max_bytes=max_bytes)
        pairs = ((item, []) for item in items) if documents else api.extract_each(items)
        for item, claims in pairs:
            if isinstance(item, Rejection):
                failed += 1
                err.print(f"[red]error[/red] {item.source}: {item.error}")
                continue
            n_docs += 1
            if documents:
                writer.write(item)
                continue
            for claim in claims:
                n_claims += 1
                writer.write(claim)
    except InputError as exc:
        writer.close()
        err.print(f"[red]error[/red] {exc} (stopped: --strict)")
        sys.exit(1)
    writer.close()
    if not quiet:
        what = "" if documents else f", {n_claims} claims"
        err.print(f"{n_docs} documents{what}, {failed} failed")
    sys.exit(1 if failed else 0)


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON on stdout.")
@click.option("--show-errors", is_flag=True,
              help="List each missed claim, false alarm and wrong field.")
@click.option("--min", "floors", multiple=True, metavar="NAME=VALUE",
              help="Fail (exit 1) when a figure is below VALUE, e.g. --min claims.f1=0.9 "
                   "--min documents.body_include=0.97. Repeatable.")
def eval_cmd(gold_dir: str, as_json: bool, show_errors: bool, floors: tuple[str, ...]) -> None:
    """Score extraction against the .gold.json files of GOLD_DIR (SPEC section 5)."""
    from warclaims.eval.gate import below_floors, parse_floors
    from warclaims.eval.report import render_errors, render_table, report_to_json
    from warclaims.eval.runner import evaluate

    try:
        with _progress("evaluating") as (prog, task):
            report = evaluate(gold_dir, progress=lambda n, t: prog.update(task, completed=n,
                                                                          total=t))
    except WarclaimsError as exc:
        raise click.ClickException(str(exc)) from exc
    data = report_to_json(report)
    if as_json:
        click.echo(json.dumps(data, indent=1))
    else:
        out = Console(width=160)
        render_table(report, out)
        if show_errors:
            render_errors(report, out)
    try:
        below = below_floors(data, parse_floors(floors))
    except WarclaimsError as exc:
        raise click.BadParameter(str(exc), param_hint="--min") from exc
    for line in below:
        err.print(f"[red]below floor[/red] {line}")
    sys.exit(1 if below else 0)


class _progress:
    """A progress bar on stderr (hidden when stderr is not a terminal)."""

    def __init__(self, label: str) -> None:
        self.p = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(),
                          TimeElapsedColumn(), console=err, transient=True,
                          disable=not err.is_terminal)

    def __enter__(self):
        self.p.__enter__()
        return self.p, self.p.add_task("", total=None)

    def __exit__(self, *exc) -> None:
        self.p.__exit__(*exc)


def _register_store_commands() -> None:
    try:
        from warclaims.cli_store import COMMANDS
    except ImportError:
        return
    for command in COMMANDS:
        main.add_command(command)


_register_store_commands()
