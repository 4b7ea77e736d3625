"""warclaims: quantitative claims of war reporting, extracted, attributed, stored and compared."""

from warclaims.api import extract, extract_claims, read
from warclaims.model import Claim, Document, Quantity, Rejection

__all__ = sorted(["Claim", "Document", "Quantity", "Rejection", "extract", "extract_claims", "read"])
__version__ = "0.1.0"
