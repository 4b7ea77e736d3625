"""The exceptions warclaims raises.

    WarclaimsError
     ├── InputError          an input cannot be read as a document (names the input)
     │    ├── MissingInput   the path does not exist
     │    ├── EmptyInput     no bytes, or no text after cleaning
     │    ├── BinaryInput    PDF, image, archive or other non-text bytes
     │    ├── DecodeError    bytes that no supported encoding decodes
     │    └── TooLarge       over the configured size limit
     ├── DataError           a packaged data file is missing or malformed
     └── StoreError          the claim store cannot be opened or written
"""

from __future__ import annotations


class WarclaimsError(Exception):
    """Base of every warclaims error."""


class InputError(WarclaimsError):
    """An input cannot be turned into a document."""

    reason = "error"

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class MissingInput(InputError):
    reason = "missing"


class EmptyInput(InputError):
    reason = "empty"


class BinaryInput(InputError):
    reason = "binary"


class DecodeError(InputError):
    reason = "decode"


class TooLarge(InputError):
    reason = "too_large"


class DataError(WarclaimsError):
    """A packaged data file is missing or malformed."""


class StoreError(WarclaimsError):
    """The claim store cannot be opened or written."""
