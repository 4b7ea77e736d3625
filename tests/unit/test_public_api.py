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


def test_batched_extraction_gives_what_one_call_per_document_gives() -> None:
    corpus = Path(__file__).resolve().parents[1] / "corpus"
    docs = [d for d in warclaims.read([corpus]) if isinstance(d, warclaims.Document)]
    empty = warclaims.Document(doc_id="empty", text="Nothing was counted here.")
    docs = [docs[0], empty, *docs[1:]]
    one = [[c.to_dict() for c in warclaims.extract_claims(d)] for d in docs]
    many = [[c.to_dict() for c in claims] for claims in warclaims.extract_claims_many(docs)]
    assert many == one
    assert many[1] == [] and sum(map(len, many)) > 50


def test_extract_streams_claims_and_rejections_in_input_order(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Russian forces lost 12 tanks near Kupiansk, the General "
                                    "Staff said on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c.txt").write_text("Air defences shot down 30 drones overnight, the Air Force "
                                    "said.", encoding="utf-8")
    items = list(warclaims.extract(sorted(tmp_path.glob("*.txt"))))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Claim", "Rejection", "Claim"]
