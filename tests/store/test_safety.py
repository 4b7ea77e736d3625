"""Bad databases give clear errors and write nothing; a SIGKILLed ingest resumes cleanly."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from corpus import FixedExtractor, make_claim, make_doc

from warclaims import store_api
from warclaims.errors import StoreError

SRC = Path(__file__).resolve().parents[2] / "src"
HERE = Path(__file__).resolve().parent


def test_unreachable_postgres_names_it() -> None:
    url = "postgresql://nobody:secret@127.0.0.1:1/nowhere"
    with pytest.raises(StoreError, match=r"127\.0\.0\.1:1/nowhere") as info:
        store_api.open_store(url, timeout=2)
    assert "secret" not in str(info.value)


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        store_api.open_store(tmp_path / "no" / "where.db")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only directories")
def test_read_only_directory(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="read-only"):
            store_api.open_store(ro / "s.db")
    finally:
        ro.chmod(0o700)


def test_locked_sqlite_names_it_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    store_api.open_store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        ex = FixedExtractor({"a": [make_claim("a", 1)]})
        with pytest.raises(StoreError, match=r"locked\.db.*locked"):
            store_api.ingest_documents([make_doc("a")], store_api.open_store(path, timeout=0.3),
                                       extractor=ex)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with store_api.open_store(path) as s, s.read() as conn:
        assert conn.execute(sa.text("SELECT COUNT(*) FROM documents")).scalar() == 0


def test_failed_document_leaves_nothing(db_url: str) -> None:
    claim = make_claim("a", 1)
    ex = FixedExtractor({"a": [claim], "b": [claim]})  # b reuses a's claim id: insert fails
    with store_api.open_store(db_url) as s:
        store_api.ingest_documents([make_doc("a")], s, extractor=ex)
        with pytest.raises(StoreError, match="document b"):
            store_api.ingest_documents([make_doc("b")], s, extractor=ex)
        with s.read() as conn:
            docs = conn.execute(sa.text("SELECT doc_id FROM documents")).scalars().all()
    assert docs == ["a"]


DRIVER = """
import sys
sys.path[:0] = [{src!r}, {here!r}]
from corpus import FixedExtractor, make_claim, make_doc
from warclaims import store_api
n, db = int(sys.argv[1]), sys.argv[2]
ids = [f"doc{{i:04d}}" for i in range(n)]
ex = FixedExtractor({{d: [make_claim(d, k, low=k + 1) for k in range(5)] for d in ids}})
def show(o):
    print(o.doc_id, flush=True)
store_api.ingest_documents((make_doc(d) for d in ids), db, extractor=ex, on_document=show)
"""


@pytest.mark.slow
def test_sigkill_halfway_then_rerun(db_url: str) -> None:
    n = 400
    code = DRIVER.format(src=str(SRC), here=str(HERE))
    proc = subprocess.Popen([sys.executable, "-c", code, str(n), db_url],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for done, _line in enumerate(proc.stdout, 1):
        if done >= n // 2:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with store_api.open_store(db_url) as s, s.read() as conn:
        partial = conn.execute(sa.text("SELECT COUNT(*) FROM documents")).scalar()
    assert n // 2 <= partial < n
    rerun = subprocess.run([sys.executable, "-c", code, str(n), db_url], capture_output=True,
                           text=True, check=True)
    assert len(rerun.stdout.splitlines()) == n
    with store_api.open_store(db_url) as s, s.read() as conn:
        docs = conn.execute(sa.text("SELECT COUNT(*), COUNT(DISTINCT doc_id) FROM documents"))
        per_doc = conn.execute(sa.text("SELECT doc_id, COUNT(*) FROM claims GROUP BY doc_id"))
        assert tuple(docs.one()) == (n, n)
        counts = dict(per_doc.all())
    assert len(counts) == n and set(counts.values()) == {5}
