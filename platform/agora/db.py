"""The database engine (SQLite or PostgreSQL) and the session that commits at the request boundary."""

from __future__ import annotations

import contextlib
import functools
import threading
import weakref
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Annotated

import sqlalchemy as sa
from fastapi import Depends, Request
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session

from agora.config import Settings
from agora.errors import DomainError

# Every module declaring tables; imported before metadata is used (migrations, create_all).
# Add yours here (e.g. "agora.exam.models").
MODEL_MODULES: tuple[str, ...] = (
    "agora.account.models",
    "agora.classroom.models",
    "agora.exam.models",
    "agora.competency.models",
    "agora.uploads.models",
    "agora.authoring.models",
)


def import_models() -> None:
    """Import every table module so SQLModel.metadata knows all the tables."""
    import importlib

    for name in MODEL_MODULES:
        importlib.import_module(name)


def make_engine(settings: Settings) -> Engine:
    """An engine for the settings' URL: SQLite in WAL mode with foreign keys, or PostgreSQL."""
    url = settings.sqlalchemy_url
    if url.startswith("sqlite"):
        path = sa.engine.make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(
            url,
            echo=settings.sql_echo,
            connect_args={"check_same_thread": False},
            # Never wait for a pooled connection (SQLite ones are cheap): a thread waiting for
            # one holds a threadpool slot the holders need for their next sync dependency, a
            # deadlock under load (measured: 200 concurrent students, bench/exam_load.py).
            pool_size=50,
            max_overflow=-1,
        )
        event.listen(
            engine, "connect", functools.partial(_sqlite_pragmas, settings.sqlite_synchronous)
        )
        return engine
    # Two connections per request let in at once (requests_at_once) and some to spare: with
    # SQLAlchemy's default 5 + 10, a class starting an exam at the same second queued on the
    # pool, not on the server. With several processes (agora serve --workers N) they share the machine's connections:
    # N × 45 went past PostgreSQL's 100 (« too many clients », bench/exam_load.py --workers 2).
    share = _connection_share(settings)
    pool_size = max(1, share * 4 // 9)  # 20 of 45 kept open, the rest opened under load
    return sa.create_engine(
        url,
        echo=settings.sql_echo,
        pool_pre_ping=True,
        pool_size=pool_size,
        max_overflow=share - pool_size,
    )


def _connection_share(settings: Settings) -> int:
    return max(2, settings.db_connections // settings.workers)


def requests_at_once(settings: Settings) -> int:
    """How many requests a process lets in at once (agora.web.admission): the setting, but on
    PostgreSQL no more than its connections can serve at two each (a page may hold the
    request's session and one of its own) with two to spare (the exam finaliser)."""
    if settings.sqlalchemy_url.startswith("sqlite"):
        return settings.concurrent_requests
    return max(1, min(settings.concurrent_requests, (_connection_share(settings) - 2) // 2))


class ServerBusy(DomainError):
    """The database stayed busy too long: nothing was written, the user may try again."""

    status_code = 503


_write_locks: weakref.WeakKeyDictionary[sa.Engine, threading.Lock] = weakref.WeakKeyDictionary()
_write_locks_guard = threading.Lock()


# How long a write waits for this process's write lock before answering « réessayez »: far
# above a queue of short transactions (bench/exam_load.py), short enough that no worker thread
# is stuck forever (a server stopping waits for its threads).
WRITE_LOCK_TIMEOUT = 5.0
BUSY = "Le serveur est très occupé : rien n'a été enregistré. Réessayez dans quelques secondes."


@contextlib.contextmanager
def write_lock(engine: sa.Engine) -> Iterator[None]:
    """Serialise this process's writes on SQLite (a no-op on PostgreSQL).

    SQLite has one writer at a time; threads that find the database locked wait in SQLite's
    busy handler, which sleeps in growing steps (up to 100 ms): under 40+ concurrent saves
    that sleeping, not the work, made the latency. A process lock queues them instead, each
    holding it for one short transaction. busy_timeout still covers other processes.
    Bounded: ServerBusy after WRITE_LOCK_TIMEOUT seconds.
    """
    if engine.dialect.name != "sqlite":
        yield
        return
    with _write_locks_guard:
        lock = _write_locks.setdefault(engine, threading.Lock())
    if not lock.acquire(timeout=WRITE_LOCK_TIMEOUT):
        raise ServerBusy(BUSY)
    try:
        yield
    finally:
        lock.release()


def _sqlite_pragmas(synchronous: str, dbapi_connection, _record) -> None:
    # WAL: readers do not block the writer; busy_timeout: wait instead of "database is locked".
    # synchronous (Settings.sqlite_synchronous, validated NORMAL or FULL): in WAL mode NORMAL
    # loses no commit when the process dies, but may lose the last ones on a power cut; FULL
    # syncs the log at every commit.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute(f"PRAGMA synchronous={synchronous}")
    cursor.close()


def get_session(request: Request) -> Iterator[Session]:
    """FastAPI dependency: one session per request, committed at the end, rolled back on error.

    Services only flush; the commit here makes "grade the attempt and record the evidence"
    one transaction.
    """
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def utcnow() -> datetime:
    """Now, timezone-aware in UTC: every stored datetime is aware (SQLModel's UTCDateTime)."""
    return datetime.now(UTC)


class Score(sa.types.TypeDecorator):
    """A score in [0, 1] as a Decimal with 4 places, stored as an integer of ten-thousandths.

    (SQLite has no exact decimal type; an integer keeps the value exact on both backends.)
    """

    impl = sa.Integer
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return int((Decimal(value) * 10000).quantize(Decimal(1), ROUND_HALF_UP))

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return (Decimal(value) / 10000).quantize(Decimal("0.0001"))


# The session of the request, closed (committed) before the response is sent.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
