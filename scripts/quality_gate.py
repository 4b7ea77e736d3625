"""The quality gate: score each corpus of quality_floors.json and fail below a pinned floor."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console

from warclaims.eval.gate import below_floors
from warclaims.eval.report import report_to_json
from warclaims.eval.runner import evaluate

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"),
                    help="the shared folder holding corpus/dev")
    ap.add_argument("--floors", default=str(ROOT / "quality_floors.json"))
    args = ap.parse_args()
    config = json.loads(Path(args.floors).read_text())
    console = Console(width=140)
    failures = []
    for name, corpus in config["corpora"].items():
        path = Path(corpus["path"].format(shared=args.shared))
        if not path.is_absolute():
            path = ROOT / path
        if not path.is_dir():
            failures.append(f"{name}: corpus folder {path} is missing")
            continue
        report = report_to_json(evaluate(path))
        console.rule(f"{name}: {path}")
        console.print(json.dumps({"documents": report["documents"], "claims": {
            k: v for k, v in report["claims"].items() if k != "fields"}}, indent=1))
        console.print("claim fields:", json.dumps(report["claims"]["fields"]))
        failures += [f"{name}: {line}" for line in below_floors(report, corpus["floors"])]
    for line in failures:
        console.print(f"[red]QUALITY GATE FAILED[/red] {line}")
    if not failures:
        console.print("quality gate: every figure at or above its floor")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
