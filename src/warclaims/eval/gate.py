"""Quality floors: figures of the JSON eval report that must not fall below pinned values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from warclaims.errors import WarclaimsError


def figure(report: Mapping[str, Any], name: str) -> float:
    """The figure at dotted path ``name`` (e.g. 'claims.f1', 'claims.fields.subject')."""
    node: Any = report
    for part in name.split("."):
        if not isinstance(node, Mapping) or part not in node:
            raise WarclaimsError(f"unknown figure {name!r} in the eval report")
        node = node[part]
    return float(node)


def below_floors(report: Mapping[str, Any], floors: Mapping[str, float]) -> list[str]:
    """A line for each figure below its floor (empty when all hold)."""
    out = []
    for name, floor in floors.items():
        value = figure(report, name)
        if value + 1e-9 < floor:
            out.append(f"{name} = {value:.4f} < floor {floor:.4f}")
    return out


def parse_floors(specs: Iterable[str]) -> dict[str, float]:
    """'NAME=VALUE' strings to a mapping."""
    floors = {}
    for spec in specs:
        name, sep, value = spec.partition("=")
        try:
            floors[name.strip()] = float(value)
        except ValueError:
            raise WarclaimsError(f"bad floor {spec!r}: expected NAME=VALUE") from None
        if not sep:
            raise WarclaimsError(f"bad floor {spec!r}: expected NAME=VALUE")
    return floors
