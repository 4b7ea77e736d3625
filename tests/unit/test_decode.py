"""Bytes to text: BOMs, UTF-16 with and without BOM, legacy code pages, binary refusal."""

from __future__ import annotations

import gzip
import os

import pytest

from warclaims.errors import BinaryInput, DecodeError, EmptyInput
from warclaims.ingest.decode import decode, sniff_binary

UK = "Війська відступили з Покровська, а обстріли Харкова й Запоріжжя тривали всю ніч."
RU = "Министерство обороны сообщило о потерях противника за сутки под Курском и Белгородом."
FR = "Le général Müller a déclaré à Besançon que l’armée était prête : « Nous avançons », a-t-il dit."
MIXED = "Officials in Київ and Харків said the café near the front was shelled twice."


@pytest.mark.parametrize("text", [UK, MIXED, "Plain ASCII line about the war."])
def test_utf8_with_and_without_bom(text: str) -> None:
    assert decode(text.encode("utf-8"), "x") == text
    assert decode(text.encode("utf-8-sig"), "x") == text  # the BOM is dropped


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [MIXED, UK, "The war went on.\n" * 20])
def test_utf16_with_and_without_bom(encoding: str, text: str) -> None:
    assert decode(text.encode(encoding), "x") == text


@pytest.mark.parametrize("text", [UK, RU])
def test_cp1251_without_declaration(text: str) -> None:
    assert decode(text.encode("cp1251"), "x") == text


def test_koi8r_russian() -> None:
    assert decode(RU.encode("koi8_r"), "x") == RU


def test_cp1251_declared_in_html() -> None:
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{UK}</p></body></html>'
    assert UK in decode(page.encode("cp1251"), "x")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_western_single_byte_pages(encoding: str) -> None:
    text = "The café in Besançon: the mayor of Châlons said the naïve plan failed. Señor Muñoz agreed."
    assert decode(text.encode(encoding), "x") == text


def test_cp1252_smart_quotes() -> None:
    assert decode(FR.encode("cp1252"), "x") == FR


def test_declared_iso_8859_1_read_as_windows_1252() -> None:
    """Browsers read 'iso-8859-1' as windows-1252: curly quotes (0x93/0x94) survive."""
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
            "</head><body><p>He said “Müller won’t go”.</p></body></html>")
    assert "He said “Müller won’t go”." in decode(page.encode("cp1252"), "x")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (gzip.compress(b"hello world " * 10), "gzip"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(64), "executable"),
    ],
)
def test_binary_formats_are_named(data: bytes, what: str) -> None:
    with pytest.raises(BinaryInput) as exc:
        decode(data, "in/file.bin")
    assert what in exc.value.message
    assert exc.value.source == "in/file.bin"


def test_random_bytes_are_binary() -> None:
    assert sniff_binary(os.urandom(4096)) is not None


def test_undecodable_high_bytes() -> None:
    with pytest.raises((DecodeError, BinaryInput)):
        decode(bytes(range(128, 256)) * 40, "x")


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", b"\r\n"])
def test_empty(data: bytes) -> None:
    with pytest.raises(EmptyInput):
        decode(data, "x")


def test_text_is_not_binary() -> None:
    assert sniff_binary(MIXED.encode("utf-8")) is None
    assert sniff_binary(UK.encode("utf-16-le")) is None
    assert sniff_binary(b"line one\r\nline two\tcolumn\n") is None
