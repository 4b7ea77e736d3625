"""Bytes to text: refuse binary data, then decode with BOM, declared charset or detection."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from warclaims.errors import BinaryInput, DecodeError, EmptyInput

# Magic numbers of common non-text files found in scraped folders.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"\xd0\xcf\x11\xe0", "an OLE (old Office) file"),
    (b"SQLite format 3", "an SQLite database"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Encodings worth guessing for web pages (UTF-8 and UTF-16 are recognised before guessing).
_GUESSABLE = (
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "koi8_r",
    "koi8_u", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_15", "mac_cyrillic", "cp866",
    "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr",
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.-]+)""", re.I)


def sniff_binary(data: bytes) -> str | None:
    """What binary format ``data`` is, or None when it may be text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    head = data[:4096]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if utf16_order(head):
        return None
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and controls / len(head) > 0.05:
        return "binary data (control bytes)"
    return None


def utf16_order(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when BOM-less bytes read as UTF-16 text, else None.

    In UTF-16 text of one script the high byte of each code unit takes very few values
    (0x00 for Latin, 0x04 for Cyrillic ...), while the low byte varies.
    """
    head = head[: len(head) // 2 * 2]
    if len(head) < 8:
        return None
    for enc, high, low in (("utf-16-le", head[1::2], head[0::2]),
                           ("utf-16-be", head[0::2], head[1::2])):
        top = sorted((high.count(b) for b in set(high)), reverse=True)[:2]
        if sum(top) >= 0.95 * len(high) and len(set(low)) > 2 * len(set(high)):
            try:
                text = head.decode(enc)
            except UnicodeDecodeError:
                continue
            if sum(c.isprintable() or c.isspace() for c in text) >= 0.98 * len(text):
                return enc
    return None


def decode(data: bytes, source: str) -> str:
    """Decode page bytes to text, or raise an InputError naming ``source``."""
    if not data.strip():
        raise EmptyInput(source, "empty file (no text)")
    what = sniff_binary(data)
    if what:
        raise BinaryInput(source, f"not a text document: looks like {what}")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace").lstrip("\ufeff")
    order = utf16_order(data[:4096])
    if order:
        return data.decode(order, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    encoding = _guess(data[:200_000])
    if encoding is None:
        raise DecodeError(source, "cannot decode: no text encoding fits these bytes")
    text = data.decode(encoding, errors="replace")
    if text.count("\ufffd") > max(10, len(text) // 100):
        raise DecodeError(source, f"cannot decode reliably (best guess {encoding})")
    return text


def _guess(data: bytes) -> str | None:
    """The likeliest single- or multi-byte web encoding; Western (cp1252) wins ties."""
    results = list(from_bytes(data, cp_isolation=list(_GUESSABLE)))
    if not results:
        return None
    best = results[0]
    for match in results:
        tied = match.chaos <= best.chaos and match.coherence >= best.coherence - 0.01
        if tied and "cp1252" in match.could_be_from_charset:
            return "cp1252"
    return best.encoding


# Browsers read these declared labels as windows-1252 (WHATWG Encoding Standard).
_AS_CP1252 = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"})


def _declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "ignore").lower()
    return "cp1252" if label in _AS_CP1252 else label
