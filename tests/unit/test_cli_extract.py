"""`warclaims extract --documents` end to end, in a subprocess: clean stdout, one error line per
bad input on stderr, exit codes, --strict, size limit and encodings."""

from __future__ import annotations

import gzip
import json
import os
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

PARAS = (
    "Fighting continued overnight near the eastern town of Kostiantynivka, where regional officials "
    "said three civilians were wounded when a guided bomb hit a residential block on Wednesday.",
    "The regional governor said rescue teams worked through the night and that the upper floors "
    "had collapsed, trapping several residents who were later freed by emergency crews.",
)
GOOD_HTML = ("<!DOCTYPE html><html><head><title>Guided bomb wounds three</title></head><body><article>"
             "<h1>Guided bomb wounds three in eastern town</h1>"
             + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></body></html>")


def run(*args: str, stdin: bytes | None = None, columns: int = 80) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": str(columns), "TERM": "dumb"}
    return subprocess.run(
        [sys.executable, "-c", "from warclaims.cli import main; main()", "extract", "--documents", *args],
        input=stdin, capture_output=True, env=env, timeout=120,
    )


def docs_of(proc: subprocess.CompletedProcess) -> list[dict]:
    """stdout parsed as JSON Lines; fails when any line is not a JSON object."""
    lines = proc.stdout.decode("utf-8").splitlines()
    return [json.loads(line) for line in lines]


def error_lines(proc: subprocess.CompletedProcess) -> list[str]:
    return [ln for ln in proc.stderr.decode("utf-8").splitlines() if ln.startswith("error ")]


def png_bytes() -> bytes:
    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))


PDF = (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
       b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


@pytest.fixture()
def batch(tmp_path: Path) -> dict[str, Path]:
    """One good page and every kind of bad input."""
    (tmp_path / "good.html").write_text(GOOD_HTML, encoding="utf-8")
    (tmp_path / "empty_dir").mkdir()
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "report.pdf").write_bytes(PDF)
    (tmp_path / "photo.png").write_bytes(png_bytes())
    (tmp_path / "archive.txt.gz").write_bytes(gzip.compress(b"The war went on.\n" * 100))
    (tmp_path / "undecodable.txt").write_bytes(bytes(range(128, 256)) * 40)
    (tmp_path / "markup.html").write_text("<<<<>>>>><html <<<< >>> </></></>")
    (tmp_path / "cut.html").write_text(GOOD_HTML[: GOOD_HTML.index(PARAS[1]) + 30])
    return {p.name: p for p in tmp_path.iterdir()} | {"missing": tmp_path / "no-such-file.txt"}


def test_jsonl_stdout_is_pure_and_each_failure_is_named(batch: dict[str, Path]) -> None:
    bad = ["missing", "empty_dir", "empty.txt", "report.pdf", "photo.png", "archive.txt.gz",
           "undecodable.txt", "markup.html"]
    proc = run(str(batch["good.html"]), str(batch["cut.html"]), *(str(batch[b]) for b in bad),
               columns=300)
    docs = docs_of(proc)
    assert [d["doc_id"] for d in docs] == ["good", "cut"]
    assert docs[1]["text"].startswith(PARAS[0])
    errors = error_lines(proc)
    assert len(errors) == len(bad)
    for name, line in zip(bad, errors, strict=True):
        assert line.startswith(f"error {batch[name]}: "), line
    by_name = dict(zip(bad, errors, strict=True))
    assert "no such file" in by_name["missing"]
    assert "no documents" in by_name["empty_dir"]
    assert "empty" in by_name["empty.txt"]
    assert "PDF" in by_name["report.pdf"]
    assert "PNG" in by_name["photo.png"]
    assert "gzip" in by_name["archive.txt.gz"]
    assert "decode" in by_name["undecodable.txt"]
    assert "no article text" in by_name["markup.html"]
    assert proc.returncode == 1


def test_error_lines_do_not_wrap_on_narrow_terminals(tmp_path: Path) -> None:
    deep = tmp_path / ("a-rather-long-folder-name-" * 3) / "missing-document-with-a-long-name.html"
    proc = run(str(deep), columns=80)
    assert [ln for ln in proc.stderr.decode().splitlines() if "documents" not in ln] == [
        f"error {deep}: no such file or folder"]


def test_exit_code_zero_when_all_inputs_read(batch: dict[str, Path]) -> None:
    proc = run(str(batch["good.html"]))
    assert proc.returncode == 0
    assert len(docs_of(proc)) == 1
    assert error_lines(proc) == []


def test_strict_stops_at_the_first_failure(batch: dict[str, Path]) -> None:
    proc = run("--strict", str(batch["good.html"]), str(batch["report.pdf"]),
               str(batch["cut.html"]), columns=300)
    assert proc.returncode == 1
    assert [d["doc_id"] for d in docs_of(proc)] == ["good"]  # cut.html is never reached
    (line,) = error_lines(proc)
    assert str(batch["report.pdf"]) in line and "--strict" in line


def test_batch_goes_on_after_a_failure(batch: dict[str, Path]) -> None:
    proc = run(str(batch["report.pdf"]), str(batch["good.html"]))
    assert proc.returncode == 1
    assert [d["doc_id"] for d in docs_of(proc)] == ["good"]


def test_folder_and_glob_inputs(batch: dict[str, Path], tmp_path: Path) -> None:
    proc = run(str(tmp_path / "*.html"), columns=300)
    assert sorted(d["doc_id"] for d in docs_of(proc)) == ["cut", "good"]
    assert len(error_lines(proc)) == 1  # markup.html


def test_stdin(batch: dict[str, Path]) -> None:
    proc = run("-", stdin=GOOD_HTML.encode())
    (doc,) = docs_of(proc)
    assert doc["doc_id"] == "stdin" and doc["source"] == "<stdin>"
    assert proc.returncode == 0


def test_fifty_megabyte_file_is_rejected_fast(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    line = b"The war went on and on, officials said again on Tuesday evening in the capital.\n"
    with big.open("wb") as f:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    assert big.stat().st_size > 50 * 1024 * 1024
    start = time.perf_counter()
    proc = run(str(big), columns=300)
    elapsed = time.perf_counter() - start
    (err,) = error_lines(proc)
    assert err.startswith(f"error {big}: ")
    assert "limit" in err and "--max-bytes" in err
    assert proc.returncode == 1
    assert elapsed < 15  # interpreter start-up included; reading 50 MB would take far longer


# --- encodings ---------------------------------------------------------------------------------

UK_TITLE = "Обстріл Харкова: троє поранених"
UK_BODY = ("Унаслідок нічного обстрілу Харкова троє людей дістали поранення, повідомив голова "
           "обласної військової адміністрації.")
FR_BODY = ("Le général Müller a déclaré à Besançon que l’armée était prête. The café near the front "
           "was shelled twice, officials said.")


def html_page(title: str, body: str, charset: str | None = None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (f"<html><head>{meta}<title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{body}</p><p>{PARAS[0]}</p></article></body></html>")


ENCODED = [
    ("bom", html_page(UK_TITLE, UK_BODY).encode("utf-8-sig"), UK_TITLE, UK_BODY),
    ("utf16", html_page(UK_TITLE, UK_BODY).encode("utf-16"), UK_TITLE, UK_BODY),
    ("utf16le", html_page(UK_TITLE, UK_BODY).encode("utf-16-le"), UK_TITLE, UK_BODY),
    ("cp1251", html_page(UK_TITLE, UK_BODY, "windows-1251").encode("cp1251"), UK_TITLE, UK_BODY),
    ("cp1251-undeclared", html_page(UK_TITLE, UK_BODY).encode("cp1251"), UK_TITLE, UK_BODY),
    ("latin1", html_page("Café à Besançon", FR_BODY.replace("’", "'"), "iso-8859-1")
     .encode("latin-1"), "Café à Besançon", FR_BODY.replace("’", "'")),
    ("cp1252", html_page("Café à Besançon", FR_BODY).encode("cp1252"), "Café à Besançon", FR_BODY),
]


def test_encodings_come_out_exactly(tmp_path: Path) -> None:
    """UTF-8 with BOM, UTF-16 (with and without BOM), cp1251 and latin-1 pages, one batch."""
    for name, data, _, _ in ENCODED:
        (tmp_path / f"{name}.html").write_bytes(data)
    proc = run(str(tmp_path), columns=300)
    assert proc.returncode == 0, proc.stderr.decode()
    docs = {d["doc_id"]: d for d in docs_of(proc)}
    assert sorted(docs) == sorted(name for name, *_ in ENCODED)
    for name, _, title, body in ENCODED:
        assert docs[name]["title"] == title, name
        assert body in docs[name]["text"], name


def test_cp1251_scraped_text(tmp_path: Path) -> None:
    f = tmp_path / "scraped.txt"
    text = f" date 2025-02-11 Skip to content\n{UK_TITLE}\n{UK_BODY}\n{UK_BODY[:-1]} вночі.\n"
    f.write_bytes(text.encode("cp1251"))
    (doc,) = docs_of(run(str(f)))
    assert doc["published"] == "2025-02-11"
    assert doc["title"] == UK_TITLE
    assert doc["text"].startswith(UK_BODY)


@pytest.mark.parametrize("fmt", ["json", "table", "csv"])
def test_other_formats_succeed(batch: dict[str, Path], fmt: str) -> None:
    proc = run("--format", fmt, str(batch["good.html"]))
    assert proc.returncode == 0
    out = proc.stdout.decode()
    assert "good" in out
    if fmt == "json":
        assert [d["doc_id"] for d in json.loads(out)] == ["good"]


def test_strict_still_gives_the_claims_read_before_the_failure(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("Russian forces lost 12 tanks near Kupiansk on Monday, the General Staff "
                    "said.", encoding="utf-8")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"\x00\x01\x02\x03binary")
    proc = subprocess.run(
        [sys.executable, "-c", "from warclaims.cli import main; main()", "extract", "--strict",
         str(good), str(bad)], capture_output=True, timeout=120)
    assert proc.returncode == 1
    claims = [json.loads(line) for line in proc.stdout.decode().splitlines() if line.strip()]
    assert [c["quantity"]["text"] for c in claims] == ["12"]
