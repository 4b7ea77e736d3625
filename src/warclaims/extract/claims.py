"""Claim extraction: placeholder until the extractor lands (returns no claims)."""

from __future__ import annotations

from warclaims.model import Claim, Document


def extract_claims(document: Document) -> list[Claim]:
    """The claims of a document."""
    return []
