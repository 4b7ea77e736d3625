"""Syndicated copies: near-duplicate document texts found with MinHash (datasketch) and LSH.

The LSH index lives in the store (table ``doc_bands``), not in memory, so finding copies costs
the same whatever the number of stored documents. A signature of ``NUM_PERM`` permutations is
cut into ``BANDS`` bands of ``ROWS`` rows; two texts share a band with high probability when
their Jaccard similarity is above about (1/BANDS)**(1/ROWS) = 0.71, and are then confirmed as
copies when their estimated similarity reaches ``COPY_THRESHOLD``.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
BANDS = 16
ROWS = 8
SHINGLE = 5
COPY_THRESHOLD = 0.8
SCHEME = "affine32"  # 32-bit hash values, stored as 4 bytes each
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Word ``size``-grams of the lower-cased text (the whole text when shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str) -> MinHash | None:
    """The MinHash of a text, or None for a text without words."""
    grams = shingles(text)
    if not grams:
        return None
    mh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    mh.update_batch(list(grams))
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return mh.hashvalues.astype("<u4").tobytes()


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    return MinHash(num_perm=len(values), hashvalues=values, scheme=SCHEME)


def bands(mh: MinHash) -> list[tuple[int, str]]:
    """The (band number, band hash) pairs under which a signature is indexed."""
    values = mh.hashvalues.astype("<u4")
    out = []
    for b in range(BANDS):
        chunk = values[b * ROWS:(b + 1) * ROWS].tobytes()
        out.append((b, hashlib.sha1(chunk).hexdigest()[:16]))
    return out


def is_copy(a: MinHash, b: MinHash) -> bool:
    return a.jaccard(b) >= COPY_THRESHOLD
