"""warclaims: quantitative claims of war reporting, extracted, attributed, stored and compared.

    >>> import warclaims
    >>> for claim in warclaims.extract(["page.html"]):
    ...     print(claim.metric, claim.quantity.text, claim.claimant)

The claim store (SQLite or PostgreSQL) is :mod:`warclaims.store_api`.
"""

from warclaims.api import evaluate, extract, extract_claims, read
from warclaims.model import Claim, Document, Quantity, Rejection

__all__ = [
    "Claim",
    "Document",
    "Quantity",
    "Rejection",
    "evaluate",
    "extract",
    "extract_claims",
    "read",
]
__version__ = "0.1.0"
