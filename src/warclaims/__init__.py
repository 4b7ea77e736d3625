"""warclaims: quantitative claims of war reporting, extracted, attributed, stored and compared.

    >>> import warclaims
    >>> for claim in warclaims.extract(["page.html"]):
    ...     print(claim.metric, claim.quantity.text, claim.claimant)

The claim store (SQLite or PostgreSQL) is :mod:`warclaims.store_api`.
"""

# The subpackage warclaims.extract is imported before the function extract is bound: importing
# a submodule later would otherwise rebind the package attribute to the module.
from warclaims import extract as _extract_subpackage  # noqa: I001
from warclaims.api import evaluate, extract, extract_claims, extract_claims_many, read
from warclaims.model import Claim, Document, Quantity, Rejection

del _extract_subpackage

__all__ = [
    "Claim",
    "Document",
    "Quantity",
    "Rejection",
    "evaluate",
    "extract",
    "extract_claims",
    "extract_claims_many",
    "read",
]
__version__ = "0.1.0"
