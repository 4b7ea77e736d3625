"""The Python API: everything the CLI does, in one call each."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from warclaims.errors import InputError
from warclaims.model import Claim, Document, Rejection


def read(paths: Iterable[str | Path], *, strict: bool = False) -> Iterator[Document | Rejection]:
    """Read and clean every document found under ``paths`` (files, folders, globs, ``-``).

    Yields a Document per input document, or a Rejection naming the input and the reason.
    With ``strict`` the first failure raises instead.
    """
    from warclaims.ingest.sources import iter_documents

    yield from iter_documents(paths, strict=strict)


def extract_claims(document: Document) -> list[Claim]:
    """The claims of one cleaned document (SPEC section 4)."""
    from warclaims.extract.claims import extract_claims as _extract

    return _extract(document)


def extract_claims_many(documents: Iterable[Document]) -> Iterator[list[Claim]]:
    """The claims of each document, in order; faster than one extract_claims call per
    document, since the sentences of several documents are parsed together."""
    from warclaims.extract.claims import extract_claims_many as _extract_many

    yield from _extract_many(documents)


def extract_each(items: Iterable[Document | Rejection]
                 ) -> Iterator[tuple[Document | Rejection, list[Claim]]]:
    """(item, its claims) for each item in input order, a Rejection with no claims; the
    documents between rejections are extracted in batches."""
    from warclaims.extract.claims import BATCH_SIZE

    pending: list[Document] = []
    try:
        for item in items:
            if isinstance(item, Document):
                pending.append(item)
                if len(pending) < BATCH_SIZE:
                    continue
            yield from zip(pending, extract_claims_many(pending), strict=True)
            pending = []
            if isinstance(item, Rejection):
                yield item, []
    except InputError:  # --strict: what was read before the failing input is still given
        yield from zip(pending, extract_claims_many(pending), strict=True)
        raise
    yield from zip(pending, extract_claims_many(pending), strict=True)


def extract(paths: Iterable[str | Path], *, strict: bool = False) -> Iterator[Claim | Rejection]:
    """Read ``paths`` and yield every claim, and a Rejection for each input that failed
    (in input order; documents are extracted in batches)."""
    for item, claims in extract_each(read(paths, strict=strict)):
        if isinstance(item, Rejection):
            yield item
        yield from claims


def evaluate(gold_dir: str | Path) -> dict:
    """Score extraction against the ``.gold.json`` files of ``gold_dir`` (SPEC section 5).

    Returns the JSON report of ``warclaims eval --json``.
    """
    from warclaims.eval.report import report_to_json
    from warclaims.eval.runner import evaluate as _evaluate

    return report_to_json(_evaluate(gold_dir))
