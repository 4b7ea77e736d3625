"""The public API is small, sorted and importable; every setting and command is documented."""

from __future__ import annotations

from pathlib import Path

import warclaims
from warclaims.cli import main
from warclaims.settings import SETTINGS

ROOT = Path(__file__).resolve().parents[2]


def test_all_is_sorted_and_importable() -> None:
    assert warclaims.__all__ == sorted(warclaims.__all__)
    for name in warclaims.__all__:
        assert getattr(warclaims, name) is not None


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"warclaims {name}" in readme, f"README does not document `warclaims {name}`"


def test_every_setting_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert setting.help
        assert setting.name in readme, f"README does not document setting {setting.name}"
