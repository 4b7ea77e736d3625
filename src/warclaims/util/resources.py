"""Loading of packaged data files (lexicons, rosters, gazetteers), once each."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from warclaims.errors import DataError


@cache
def load_json(name: str) -> Any:
    """Parse ``warclaims/data/NAME`` once; a missing or malformed file is a DataError."""
    try:
        text = (resources.files("warclaims") / "data" / name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(f"packaged data file {name!r} is missing") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"packaged data file {name!r} is not valid JSON: {exc}") from exc
