"""Run the pipeline over a folder of annotated documents and score it (``warclaims eval``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from warclaims.errors import WarclaimsError
from warclaims.eval.scoring import EvalReport, score
from warclaims.model import Claim, Document, Rejection


def load_gold(gold_dir: str | Path) -> list[tuple[dict, Path | None]]:
    """Each gold file of ``gold_dir`` with the document file beside it (None when missing)."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise WarclaimsError(f"{gold_dir}: not a folder of .gold.json files")
    out = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise WarclaimsError(f"{gold_path}: unreadable gold file: {exc}") from exc
        stem = gold_path.name[: -len(".gold.json")]
        docs = [p for p in folder.glob(f"{stem}.*") if not p.name.endswith(".gold.json")]
        out.append((gold, docs[0] if docs else None))
    if not out:
        raise WarclaimsError(f"{gold_dir}: no .gold.json files")
    return out


def evaluate(
    gold_dir: str | Path,
    *,
    read: Callable[[list[Path]], list[Document | Rejection]] | None = None,
    extract: Callable[[Document], list[Claim]] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> EvalReport:
    """Read, clean and extract every annotated document of ``gold_dir``, then score it."""
    from warclaims import api

    read = read or (lambda paths: list(api.read(paths)))
    extract = extract or api.extract_claims
    pairs = load_gold(gold_dir)
    docs: dict[str, dict] = {}
    claims: dict[str, list[dict]] = {}
    for n, (gold, path) in enumerate(pairs, start=1):
        if path is not None:
            for item in read([path]):
                if isinstance(item, Document):
                    docs[gold["doc_id"]] = item.to_dict()
                    claims[gold["doc_id"]] = [c.to_dict() for c in extract(item)]
        if progress:
            progress(n, len(pairs))
    return score([g for g, _ in pairs], docs, claims)
