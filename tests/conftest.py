"""Shared fixtures: where the shared corpus lives, and a CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("WARCLAIMS_SHARED", ROOT.parent / "shared"))
DEV = SHARED / "corpus" / "dev"
OWN = ROOT / "tests" / "corpus"


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    if not DEV.is_dir():
        pytest.skip(f"shared dev corpus not found at {DEV} (set WARCLAIMS_SHARED)")
    return DEV
