"""Shared fixtures: a fresh app and database per test, factories of real objects, actors.

Every test using ``app``/``client`` runs on SQLite (a temporary file) and, when
AGORA_TEST_DATABASE_URL is set, on PostgreSQL too (a fresh schema per test).
See docs/contribuer.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import io
import os
import re
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from pathlib import Path
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlmodel import Session, SQLModel

PASSWORD = "motdepasse-de-test"
_PG_URL = os.environ.get("AGORA_TEST_DATABASE_URL")
BACKENDS = (
    [
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
    if _PG_URL
    else [pytest.param("sqlite", id="sqlite")]
)


@cache
def password_hash() -> str:
    from agora.account.service import hash_password

    return hash_password(PASSWORD)  # once per run: argon2 is slow on purpose


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path):
    """A database nobody else uses: a SQLite file, or a PostgreSQL schema of its own.

    On PostgreSQL a test that builds the app gets a schema whose tables another test of this
    process emptied (no row, sequences back to 1: what create_all gives, without the quarter
    second of DDL it cost each test); any other test gets a new, empty schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'agora.sqlite3'}"
        return
    spares = request.getfixturevalue("_pg_spare_schemas")
    with_tables = "app" in request.fixturenames  # the app fixture creates every table
    if with_tables and spares:
        schema = spares.pop()
    else:
        schema = f"t_{uuid.uuid4().hex[:16]}"
        with _pg_engine().begin() as connection:
            connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    yield _pg_schema_url(schema)
    emptied = with_tables and _pg_emptied(schema)
    if emptied:
        spares.append(emptied)
    else:
        with _pg_engine().begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(scope="session")
def _pg_spare_schemas():
    """This process's emptied PostgreSQL schemas, dropped at the end of the run."""
    spares: list[str] = []
    yield spares
    with _pg_engine().begin() as connection:
        for schema in spares:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    _pg_engine().dispose()


@cache
def _pg_engine() -> sa.Engine:
    """One connection pool to the test database for the fixtures of this process."""
    return sa.create_engine(_PG_URL)


def _pg_schema_url(schema: str) -> str:
    separator = "&" if "?" in _PG_URL else "?"
    return f"{_PG_URL}{separator}options={quote(f'-csearch_path={schema}')}"


# The shape of a schema: what lives in it (tables, sequences, functions, types…), each
# relation's number of columns and what hangs on it (indexes, constraints, triggers…), read
# through pg_depend's index: a scan of pg_class cost 50 ms once the catalog had churned.
_SHAPE = """
WITH objects AS (
  SELECT classid, objid FROM pg_depend
   WHERE refclassid = 'pg_namespace'::regclass AND refobjid = :ns AND deptype = 'n'),
relations AS (
  SELECT c.oid, c.relname, c.relkind FROM objects o JOIN pg_class c ON c.oid = o.objid
   WHERE o.classid = 'pg_class'::regclass)
SELECT 'relation', relname, relkind::text FROM relations
UNION ALL
SELECT 'objects', classid::regclass::text, count(*)::text FROM objects
 WHERE classid <> 'pg_class'::regclass GROUP BY classid
UNION ALL
SELECT 'columns', r.relname, count(*)::text FROM relations r
  JOIN pg_attribute a ON a.attrelid = r.oid
 WHERE a.attnum > 0 AND NOT a.attisdropped GROUP BY r.relname
UNION ALL
SELECT 'dependents', r.relname || ' ' || d.classid::regclass::text, count(*)::text
  FROM relations r JOIN pg_depend d ON d.refclassid = 'pg_class'::regclass AND d.refobjid = r.oid
 GROUP BY r.relname, d.classid
"""
_created_shape: list[frozenset] = []


def _pg_shape(connection, schema: str) -> frozenset:
    ns = connection.execute(
        sa.text("SELECT oid FROM pg_namespace WHERE nspname = :s"), {"s": schema}
    ).scalar_one()
    return frozenset(tuple(row) for row in connection.execute(sa.text(_SHAPE), {"ns": ns}))


def _pg_create_all_shape(connection) -> frozenset:
    """The shape create_all gives a new schema (made once a process, in a throwaway schema)."""
    if not _created_shape:
        schema = f"t_{uuid.uuid4().hex[:16]}"
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        connection.execute(sa.text(f'SET LOCAL search_path TO "{schema}"'))
        SQLModel.metadata.create_all(connection)
        _created_shape.append(_pg_shape(connection, schema))
        connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    return _created_shape[0]


def _pg_emptied(schema: str) -> str | None:
    """The schema under a new name, its tables emptied and its sequences back to 1, if it still
    has the shape create_all gives; None, with nothing changed, otherwise or if a lock held
    elsewhere stops it.

    The new name cuts off whatever of the test still runs (a finaliser pass abandoned at the
    app's shutdown keeps its connection): its search path names a schema that no longer
    exists, as when the schema was dropped, and it cannot reach the next test's rows."""
    renamed = f"t_{uuid.uuid4().hex[:16]}"
    try:
        with _pg_engine().begin() as connection:
            connection.execute(sa.text("SET LOCAL lock_timeout = '5s'"))
            if _pg_shape(connection, schema) != _pg_create_all_shape(connection):
                return None
            connection.execute(sa.text(f'ALTER SCHEMA "{schema}" RENAME TO "{renamed}"'))
            sequences = connection.execute(
                sa.text("SELECT sequencename FROM pg_sequences WHERE schemaname = :s"),
                {"s": renamed},
            ).scalars()
            tables = reversed(SQLModel.metadata.sorted_tables)  # children before parents
            statements = [
                *(f'DELETE FROM "{renamed}"."{table.name}"' for table in tables),
                *(f'SELECT setval(\'"{renamed}"."{name}"\', 1, false)' for name in sequences),
            ]
            connection.exec_driver_sql(";\n".join(statements))
        return renamed
    except sa.exc.DBAPIError:
        return None


@pytest.fixture
def settings(database_url, tmp_path):
    from agora.config import Settings

    return Settings(
        environment="test",
        database_url=database_url,
        data_dir=tmp_path,
        secret_key="secret-de-test-0123456789abcdef",
    )


@pytest.fixture
def app(settings):
    """create_app(test settings) on an empty database with every table created."""
    from agora.app import create_app

    application = create_app(settings)
    SQLModel.metadata.create_all(application.state.engine)
    yield application
    application.state.engine.dispose()


def _api_routes(routes) -> list:
    found = []
    for route in routes:
        included = getattr(route, "original_router", None)  # FastAPI wraps included routers
        if included is not None:
            found += _api_routes(included.routes)
        elif isinstance(route, APIRoute):
            found.append(route)
    return found


@pytest.fixture
def api_routes(app) -> Callable:
    """api_routes() -> every page of the app as an APIRoute, those of included routers too
    (``app.routes`` lists only the wrappers of included routers)."""
    return lambda: _api_routes(app.routes)


@pytest.fixture
def client(app):
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def new_client(app):
    """More browsers on the same app (one per actor)."""
    clients = []

    def make() -> TestClient:
        clients.append(TestClient(app).__enter__())
        return clients[-1]

    yield make
    for c in clients:
        c.__exit__(None, None, None)


@pytest.fixture
def db(app):
    """A session on the test database (commit what you build before requesting pages)."""
    with Session(app.state.engine, expire_on_commit=False) as session:
        yield session


# ----------------------------------------------------------------------------- factories


@pytest.fixture
def make_teacher(db) -> Callable:
    from agora.account.service import create_user

    def make(prenom: str = "Claire", nom: str = "Enseignante", **kwargs):
        kwargs.setdefault("must_change_password", False)
        user = create_user(
            db,
            role="enseignant",
            prenom=prenom,
            nom=nom,
            password=PASSWORD,
            password_hash=password_hash(),
            **kwargs,
        )
        db.commit()
        return user

    return make


@pytest.fixture
def make_classe(db, make_teacher) -> Callable:
    from agora.classroom.models import Classe

    def make(teacher=None, nom: str = "1re AGOrA A", annee_scolaire: str = "2025-2026"):
        teacher = teacher or make_teacher()
        classe = Classe(teacher_id=teacher.id, nom=nom, annee_scolaire=annee_scolaire)
        db.add(classe)
        db.commit()
        return classe

    return make


@pytest.fixture
def make_student(db, make_classe) -> Callable:
    """make_student(classe=None, prenom=…, nom=…, org_seed=…) -> Student (user in .user_id)."""
    from agora.account.service import create_user
    from agora.classroom.models import Student

    counter = iter(range(1, 10_000))

    def make(
        classe=None,
        prenom: str = "Léa",
        nom: str | None = None,
        org_seed: int | None = None,
        must_change_password: bool = False,
    ):
        classe = classe or make_classe()
        number = next(counter)
        user = create_user(
            db,
            role="eleve",
            prenom=prenom,
            nom=nom or f"Élève{number}",
            password=PASSWORD,
            password_hash=password_hash(),
            must_change_password=must_change_password,
        )
        student = Student(
            user_id=user.id,
            classe_id=classe.id,
            org_seed=org_seed if org_seed is not None else 1000 + number,
        )
        db.add(student)
        db.commit()
        return student

    return make


@pytest.fixture
def make_assignment(db, make_classe) -> Callable:
    """make_assignment(classe, mission_slug=…, due_in=timedelta, attempts_allowed, corrections,
    meme_enonce (False: a new variant per try), students=[…] to restrict it)."""
    from agora.classroom.models import Assignment, AssignmentStudent
    from agora.db import utcnow

    def make(
        classe=None,
        mission_slug: str = "du-devis-a-l-encaissement",
        due_in: timedelta | None = timedelta(days=7),
        attempts_allowed: int = 3,
        corrections: str = "immediate",
        meme_enonce: bool = False,
        students=(),
    ):
        classe = classe or make_classe()
        assignment = Assignment(
            classe_id=classe.id,
            mission_slug=mission_slug,
            due_at=utcnow() + due_in if due_in is not None else None,
            attempts_allowed=attempts_allowed,
            corrections=corrections,
            meme_enonce=meme_enonce,
        )
        db.add(assignment)
        db.flush()
        for student in students:
            db.add(AssignmentStudent(assignment_id=assignment.id, student_id=student.id))
        db.commit()
        return assignment

    return make


# -------------------------------------------------------------------------- demo school


@dataclass(frozen=True)
class DemoTemplate:
    """The demo school as `agora demo` built it in an empty database, and what it printed."""

    kind: str  # "sqlite" or "postgresql"
    url: str  # the template database: tests get copies, never this one
    printed: str

    @contextlib.contextmanager
    def copy(self, database_url: str) -> Iterator[str]:
        """A copy of the school for one test: into ``database_url``'s file (SQLite), or into a
        new database dropped afterwards (PostgreSQL); yields the copy's URL."""
        if self.kind == "sqlite":
            source = sqlite3.connect(_sqlite_path(self.url))
            copy = sqlite3.connect(_sqlite_path(database_url))
            with contextlib.closing(source), contextlib.closing(copy):
                source.backup(copy)  # whole and consistent, whatever is still in the WAL
            yield database_url
            return
        name = f"t_{uuid.uuid4().hex[:16]}"
        _pg_admin(f'CREATE DATABASE "{name}" TEMPLATE "{_pg_name(self.url)}"')
        try:
            yield _pg_database(name)
        finally:
            _pg_admin(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Callable[[str], DemoTemplate]:
    """demo_template("sqlite" | "postgresql") -> the demo school `agora demo` built on that
    database, once for the whole run: every xdist worker shares it (building takes seconds,
    a copy a fraction of one)."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the workers' base temps are folders of the run's one

    def get(kind: str) -> DemoTemplate:
        if kind == "sqlite":
            url = f"sqlite:///{shared / 'demo.sqlite3'}"
        else:
            url = _pg_database(_demo_database())
        printed = shared / f"demo-{kind}.txt"
        with (shared / "demo.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # the first worker builds, the others wait
            if not printed.exists():
                if kind == "postgresql":  # a crashed run of the same id may have left one
                    _pg_admin(f'DROP DATABASE IF EXISTS "{_demo_database()}" WITH (FORCE)')
                    _pg_admin(f'CREATE DATABASE "{_demo_database()}"')
                printed.write_text(_agora_demo(url))
        return DemoTemplate(kind, url, printed.read_text())

    return get


def _agora_demo(url: str) -> str:
    """`agora demo` on ``url`` as a user runs it (no AGORA_ENVIRONMENT); returns what it printed."""
    from agora.cli import main

    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out):
        patch.setenv("AGORA_DATABASE_URL", url)
        patch.delenv("AGORA_ENVIRONMENT", raising=False)
        main(["demo"])
    return out.getvalue()


def _demo_database() -> str:
    """The PostgreSQL template of this run's demo school, named for the process that started the
    run (the xdist controller: every worker's parent), so that concurrent runs never share it."""
    run = os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()
    return f"agora_demo_{run}"


def _sqlite_path(url: str) -> str:
    return url.removeprefix("sqlite:///")


def _pg_database(name: str) -> str:
    return sa.make_url(_PG_URL).set(database=name).render_as_string(hide_password=False)


def _pg_name(url: str) -> str:
    return sa.make_url(url).database


def _pg_admin(statement: str) -> None:
    """A statement PostgreSQL runs outside a transaction (CREATE/DROP DATABASE)."""
    admin = sa.create_engine(_PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(statement))
    finally:
        admin.dispose()


def pytest_sessionfinish(session):
    """The run's controller drops the demo school's template once every worker is done."""
    if hasattr(session.config, "workerinput"):
        return
    built = session.config._tmp_path_factory.getbasetemp() / "demo-postgresql.txt"
    if built.exists():
        _pg_admin(f'DROP DATABASE IF EXISTS "{_demo_database()}" WITH (FORCE)')


# ------------------------------------------------------------------------------- actors

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_HX_CSRF = re.compile(r'"X-CSRF-Token": "([^"]+)"')


def _csrf(client: TestClient, path: str = "/connexion") -> str:
    """The CSRF token of the client's session, read from a page as a browser would."""
    html = client.get(path).text
    found = _CSRF.search(html) or _HX_CSRF.search(html)
    assert found, f"pas de jeton CSRF sur {path}"
    return found.group(1)


def _log_in(client: TestClient, login: str, password: str = PASSWORD):
    """Log in through the real login form; returns the response (redirect followed)."""
    token = _csrf(client, "/connexion")
    return client.post(
        "/connexion",
        data={"identifiant": login, "mot_de_passe": password, "csrf_token": token},
    )


def _login_of(app, user_id: int) -> str:
    from agora.account.models import User

    with Session(app.state.engine) as session:
        return session.get(User, user_id).login


def _as_student(client: TestClient, student) -> TestClient:
    """The client, logged in as this Student."""
    response = _log_in(client, _login_of(client.app, student.user_id))
    assert response.status_code == 200, response.text[:500]
    return client


def _as_teacher(client: TestClient, teacher) -> TestClient:
    """The client, logged in as this teacher (a User)."""
    response = _log_in(client, teacher.login)
    assert response.status_code == 200, response.text[:500]
    return client


# Fixtures handing out the helpers (test modules cannot import conftest under importlib mode).


@pytest.fixture
def csrf():
    """csrf(client, path="/connexion") -> the session's CSRF token read from a page."""
    return _csrf


@pytest.fixture
def log_in():
    """log_in(client, login, password=PASSWORD) -> response of the real login form."""
    return _log_in


@pytest.fixture
def as_student():
    """as_student(client, student) -> the client logged in as that Student."""
    return _as_student


@pytest.fixture
def as_teacher():
    """as_teacher(client, teacher_user) -> the client logged in as that teacher."""
    return _as_teacher


# ------------------------------------------------------------------------------ browser


@pytest.fixture
def live_server(app):
    """The test app served by uvicorn on a free local port (for Playwright); yields its URL."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def move_generator(monkeypatch) -> Callable:
    """move_generator(kind): from now on ``kind`` draws other numbers for every seed, as an
    upgraded generator would, and no variant drawn before is served from a cache."""
    from dataclasses import replace

    from agora.exercise import variants
    from agora.exercise.registry import KINDS

    def move(kind: str) -> None:
        drawn_before = KINDS[kind].generate

        def upgraded(seed, niveau, organisation, options=None):
            return drawn_before(seed + 1, niveau, organisation, options)

        monkeypatch.setitem(KINDS, kind, replace(KINDS[kind], generate=upgraded))
        variants._build.cache_clear()

    yield move
    variants._build.cache_clear()  # no moved variant is left for the next test


@pytest.fixture(scope="session")
def _chromium():
    """One Debian Chromium (/usr/bin/chromium; never a browser download) for every browser test
    of this pytest process: launching it cost about a second a test, a fresh context (own
    cookies, storage and cache) a fifth of that."""
    if not Path(CHROMIUM).exists():
        # On a developer's bare machine the browser tests are skipped; CI installs Chromium
        # first, so there a missing browser is a failure, never a silent skip.
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} absent en CI : .ci/run doit installer chromium")
        pytest.skip(f"{CHROMIUM} absent (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = _Chromium(playwright)
        yield chromium
        chromium.resume()


class _Chromium:
    """The shared browser, launched again if a test crashed it.

    Playwright's sync API marks its event loop as this thread's running loop for as long as it
    lives; between two browser tests that mark is lifted (``pause``), else a later test's
    ``asyncio.run`` or ``anyio.run`` would refuse to start inside a "running" loop."""

    def __init__(self, playwright):
        self.playwright, self.browser, self.loop = playwright, None, None

    def get(self):
        self.resume()
        if self.browser is None or not self.browser.is_connected():
            self.browser = self.playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS
            )
        return self.browser

    def pause(self) -> None:
        self.loop = asyncio._get_running_loop()
        asyncio._set_running_loop(None)

    def resume(self) -> None:
        if self.loop is not None:
            asyncio._set_running_loop(self.loop)
            self.loop = None


@pytest.fixture
def browser_page(_chromium):
    """A Playwright page in a fresh context of the shared Chromium, as a new browser would be
    (no cookie, no storage); every context the test opens (``page.context.browser``) is closed
    after it."""
    browser = _chromium.get()
    page = browser.new_page(locale="fr-FR", viewport={"width": 1280, "height": 900})
    yield page
    for context in browser.contexts:
        context.close()
    _chromium.pause()


@pytest.fixture
def student_in_browser(live_server, app):
    """student_in_browser(page, student): the student logged in through the real form, on
    their dashboard."""

    def log_in(page, student) -> None:
        page.goto(f"{live_server}/connexion")
        page.fill("#identifiant", _login_of(app, student.user_id))
        page.fill("#mot_de_passe", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/eleve")

    return log_in


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
