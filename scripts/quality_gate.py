"""The quality gate: score each corpus of quality_floors.json and fail below a pinned floor."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

from rich.console import Console

from warclaims.eval.gate import below_floors, figure
from warclaims.eval.report import report_to_json
from warclaims.eval.runner import evaluate

ROOT = Path(__file__).resolve().parent.parent


PINNED = (
    "documents.body_include", "documents.body_exclude", "documents.title", "documents.authors",
    "documents.published", "documents.publisher", "claims.precision", "claims.recall",
    "claims.f1", "claims.fully_right",
)


def pinned(report: dict) -> dict[str, float]:
    """Floors at the figures of ``report``, rounded down to two decimals."""
    names = [*PINNED, *(f"claims.fields.{f}" for f in report["claims"]["fields"])]
    return {n: math.floor(figure(report, n) * 100) / 100 for n in names}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"),
                    help="the shared folder holding corpus/dev")
    ap.add_argument("--floors", default=str(ROOT / "quality_floors.json"))
    ap.add_argument("--pin", action="store_true",
                    help="rewrite every floor to the figure reached now, rounded down to 0.01 "
                         "(a reviewed change: lowering a floor must be argued in the commit)")
    args = ap.parse_args()
    config = json.loads(Path(args.floors).read_text())
    console = Console(width=140)
    failures = []
    for name, corpus in config["corpora"].items():
        path = Path(corpus["path"].format(shared=args.shared))
        if not path.is_absolute():
            path = ROOT / path
        if not path.is_dir():
            if os.environ.get("CI"):
                failures.append(f"{name}: corpus folder {path} is missing")
            else:
                console.print(f"[yellow]skipped[/yellow] {name}: {path} is missing (set --shared)")
            continue
        report = report_to_json(evaluate(path))
        console.rule(f"{name}: {path}")
        console.print(json.dumps({"documents": report["documents"], "claims": {
            k: v for k, v in report["claims"].items() if k != "fields"}}, indent=1))
        console.print("claim fields:", json.dumps(report["claims"]["fields"]))
        if args.pin:
            corpus["floors"] = pinned(report)
        failures += [f"{name}: {line}" for line in below_floors(report, corpus["floors"])]
    if args.pin:
        Path(args.floors).write_text(json.dumps(config, indent=2) + "\n")
        console.print(f"floors pinned in {args.floors}")
    for line in failures:
        console.print(f"[red]QUALITY GATE FAILED[/red] {line}")
    if not failures:
        console.print("quality gate: every figure at or above its floor")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
