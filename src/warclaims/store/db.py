"""Opening the claim store: URL resolution, connection settings, transactions, clear errors."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, make_url

from warclaims.errors import StoreError

DEFAULT_DB = "warclaims.db"
ENV_DB = "WARCLAIMS_DB"


def resolve_url(db: str | os.PathLike[str] | None) -> URL:
    """A SQLAlchemy URL for a path (SQLite) or a database URL; ``None`` means $WARCLAIMS_DB."""
    text = str(db) if db is not None else os.environ.get(ENV_DB, DEFAULT_DB)
    if "://" not in text:
        return make_url("sqlite:///" + str(Path(text).expanduser().absolute()))
    try:
        url = make_url(text)
    except sa.exc.ArgumentError as exc:
        raise StoreError(f"not a database URL: {text!r}") from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"unsupported database {url.get_backend_name()!r} in {text!r}")
    return url


def describe(url: URL) -> str:
    """The URL as shown in messages: the file path for SQLite, the URL without password."""
    if url.get_backend_name() == "sqlite":
        return f"SQLite database {url.database}"
    return f"database {url.render_as_string(hide_password=True)}"


class Store:
    """An open claim store: an engine plus the helpers every store module uses."""

    def __init__(self, url: URL, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self.name = describe(url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @classmethod
    def open(cls, db: str | os.PathLike[str] | Store | None = None, *, timeout: float = 10.0,
             migrate: bool = True) -> Store:
        """Open (creating and upgrading when ``migrate``) the store at ``db``."""
        if isinstance(db, Store):
            return db
        url = resolve_url(db)
        store = cls(url, _engine(url, timeout))
        with store.errors("open"):
            with store.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        if migrate:
            from warclaims.store.migrations import migrate as run_migrations

            run_migrations(store)
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def errors(self, action: str) -> Iterator[None]:
        """Turn driver errors into a StoreError naming the store and what was being done."""
        try:
            yield
        except sa.exc.DBAPIError as exc:
            raise StoreError(f"cannot {action} {self.name}: {_reason(exc)}") from exc

    @contextmanager
    def write(self, action: str = "write to") -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE on SQLite): committed whole or rolled back."""
        with self.errors(action):
            with self.engine.connect() as conn:
                conn = conn.execution_options(warclaims_write=True)
                with conn.begin():
                    yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only connection in one transaction."""
        with self.errors("read"):
            with self.engine.connect() as conn:
                with conn.begin():
                    yield conn


def _reason(exc: sa.exc.DBAPIError) -> str:
    msg = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    if "locked" in msg or "busy" in msg:
        msg += " (another process holds a lock on it; retry when it has finished)"
    elif "readonly" in msg or "read-only" in msg:
        msg += " (the location is read-only)"
    elif "disk" in msg and "full" in msg:
        msg += " (no space left; nothing of the current document was written)"
    return msg


def _engine(url: URL, timeout: float) -> Engine:
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, timeout)
    try:
        return sa.create_engine(
            url, pool_pre_ping=True,
            connect_args={"connect_timeout": max(1, int(timeout))},
        )
    except ImportError as exc:
        raise StoreError(
            f"cannot open {describe(url)}: the PostgreSQL driver is missing "
            "(pip install 'warclaims[postgres]')"
        ) from exc


def _sqlite_engine(url: URL, timeout: float) -> Engine:
    path = Path(url.database or "")
    if url.database not in (None, "", ":memory:"):
        if not path.parent.is_dir():
            raise StoreError(
                f"cannot open {describe(url)}: directory {path.parent} does not exist"
            )
        if not path.exists() and not os.access(path.parent, os.W_OK):
            raise StoreError(f"cannot create {describe(url)}: {path.parent} is read-only")
    engine = sa.create_engine(url, connect_args={"timeout": timeout})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves, DDL included
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        cur.execute("PRAGMA foreign_keys = ON")
        try:
            cur.execute("PRAGMA journal_mode = WAL")
        except Exception:  # noqa: BLE001 - a read-only file keeps its journal mode
            pass
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("warclaims_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine
