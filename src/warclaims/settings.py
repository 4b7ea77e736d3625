"""Settings in one table: name, default and help, feeding the CLI and the docs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("max_bytes", 20_000_000,
            "Largest single document (bytes) read; larger inputs are rejected as too_large. "
            "WARC and JSON Lines files are streamed and limited per record."),
    Setting("db", "warclaims.db", "Claim store: an SQLite path or a postgresql:// URL "
            "(env WARCLAIMS_DB)."),
)


def default(name: str) -> object:
    """The default value of a setting."""
    for s in SETTINGS:
        if s.name == name:
            return s.default
    raise KeyError(name)
