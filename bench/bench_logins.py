"""Logins in a burst: argon2 hash time and N students logging in at the same second.

Usage: .venv/bin/python bench/bench_logins.py [--students 35] [--hashes 10] [--database-url URL]
Prints, for the library's default argon2 parameters (64 MiB, 3 passes, 4 lanes, no bound on
concurrent hashes: the platform before issue 17) and for the platform's (7 MiB, 5 passes,
1 lane, at most 2 hashes per core at once):
- the median time of one hash;
- one student logging in alone (the whole POST /connexion);
- N students logging in at the same instant (one thread each, httpx, the real login form with
  its CSRF token) against the app served by uvicorn on a SQLite file (or --database-url, e.g.
  a PostgreSQL database you own: each run adds its students to it): the median and the
  slowest answer to the POST, and the peak resident memory of the process.
Target (issue 17): 35 logins in the same second, each answered in under 1 s.

--sans-argon2: what a login costs beyond its hash, to profile the rest: N logins one at a
time in this process (httpx over ASGI) with argon2 replaced by a comparison, then the process
CPU per POST /connexion (the client's in-process share included), the SQL statements of one
login, and the 25 functions of the platform of highest cumulative CPU time (cProfile, the
worker-thread calls run inline).
"""

from __future__ import annotations

import argparse
import re
import resource
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn
from argon2 import PasswordHasher
from sqlmodel import Session

from agora import migrations
from agora.account import passwords
from agora.account.service import create_user
from agora.app import create_app
from agora.config import Settings

PASSWORD = "cheval-agrafe-nuage"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def hash_time(hasher: PasswordHasher, count: int) -> float:
    durations = []
    for _ in range(count):
        start = time.perf_counter()
        hasher.hash(PASSWORD)
        durations.append((time.perf_counter() - start) * 1000)
    return statistics.median(durations)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def burst(
    hasher: PasswordHasher, bound: int, students: int, database_url: str | None = None
) -> tuple[float, float]:
    """Median and slowest login (ms) of `students` logging in at once with this hasher."""
    passwords._HASHER = hasher
    passwords._HASHING = threading.BoundedSemaphore(bound)
    folder = Path(tempfile.mkdtemp(prefix="agora-bench-logins-"))
    url = {"database_url": database_url} if database_url else {}
    settings = Settings(environment="development", data_dir=folder, **url)
    app = create_app(settings)
    migrations.upgrade(app.state.engine)
    stored = hasher.hash(PASSWORD)
    with Session(app.state.engine) as session:
        logins = [
            create_user(
                session,
                role="eleve",
                prenom="Élève",
                nom=f"Numéro{i}",
                password=PASSWORD,
                password_hash=stored,
                must_change_password=False,
            ).login
            for i in range(students)
        ]
        session.commit()
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    clients = [httpx.Client(base_url=base, timeout=60) for _ in logins]
    tokens = [CSRF.search(c.get("/connexion").text).group(1) for c in clients]
    durations: list[float] = [0.0] * students
    gate = threading.Barrier(students)

    def one(i: int) -> None:
        gate.wait()
        start = time.perf_counter()
        response = clients[i].post(
            "/connexion",
            data={"identifiant": logins[i], "mot_de_passe": PASSWORD, "csrf_token": tokens[i]},
        )
        durations[i] = (time.perf_counter() - start) * 1000
        assert response.status_code == 303, (response.status_code, response.text[:200])

    threads = [threading.Thread(target=one, args=(i,)) for i in range(students)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for c in clients:
        c.close()
    server.should_exit = True
    thread.join()
    app.state.engine.dispose()
    return statistics.median(durations), max(durations)


class _Plain:
    """A hasher that only compares: what a login costs without argon2 (--sans-argon2)."""

    def hash(self, password: str) -> str:
        return "clair$" + password

    def verify(self, password_hash: str, password: str) -> bool:
        return password_hash == "clair$" + password

    def check_needs_rehash(self, _password_hash: str) -> bool:
        return False


async def _inline(func, *args, **_options):
    """anyio.to_thread.run_sync run in the calling thread: cProfile sees one thread only."""
    return func(*args)


def without_argon2(students: int) -> None:
    """Process CPU and SQL statements of a login whose hash costs nothing (one at a time)."""
    import asyncio
    import cProfile
    import pstats

    import anyio.to_thread
    import sqlalchemy as sa

    passwords._HASHER = _Plain()
    folder = Path(tempfile.mkdtemp(prefix="agora-bench-logins-"))
    app = create_app(Settings(environment="development", data_dir=folder))
    migrations.upgrade(app.state.engine)
    with Session(app.state.engine) as session:
        logins = [
            create_user(session, role="eleve", prenom="Élève", nom=f"Numéro{i}", password="",
                        password_hash="clair$" + PASSWORD, must_change_password=False).login
            for i in range(students)
        ]  # fmt: skip
        session.commit()
    statements: list[str] = []
    listening = [False]

    def count(_conn, _cursor, statement, *_args) -> None:
        if listening[0]:
            statements.append(" ".join(statement.split())[:100])

    sa.event.listen(app.state.engine, "before_cursor_execute", count)

    async def log_in_all(profile: cProfile.Profile | None) -> float:
        spent = 0.0
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://agora") as client:
            for login in logins:
                client.cookies.clear()
                token = CSRF.search((await client.get("/connexion")).text).group(1)
                data = {"identifiant": login, "mot_de_passe": PASSWORD, "csrf_token": token}
                listening[0] = login == logins[-1]
                start = time.process_time()
                if profile:
                    profile.enable()
                response = await client.post("/connexion", data=data)
                if profile:
                    profile.disable()
                spent += time.process_time() - start
                listening[0] = False
                assert response.status_code == 303, response.text[:300]
        return spent / len(logins) * 1000

    cpu = asyncio.run(log_in_all(None))
    print(f"{students} connexions sans argon2 : CPU {cpu:.2f} ms par POST /connexion")
    print(f"instructions SQL d'une connexion ({len(statements)}) :")
    print("\n".join(f"  {s}" for s in statements))
    profile = cProfile.Profile(time.process_time)
    anyio.to_thread.run_sync = _inline
    with Session(app.state.engine) as session:  # the same logins again, profiled
        session.execute(sa.text("DELETE FROM login_known_addresses"))
        session.commit()
    asyncio.run(log_in_all(profile))
    pstats.Stats(profile).sort_stats("cumulative").print_stats("/agora/", 25)
    app.state.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--students", type=int, default=35)
    parser.add_argument("--hashes", type=int, default=10)
    parser.add_argument("--database-url", default=None, help="défaut : un fichier SQLite neuf")
    parser.add_argument(
        "--sans-argon2", action="store_true", help="le coût d'une connexion hors argon2"
    )
    args = parser.parse_args()
    if args.sans_argon2:
        without_argon2(args.students)
        return
    # The platform's parameters first: the peak memory printed is the process's so far.
    runs = [
        ("7 MiB, 5 passes, 1 voie (après)", passwords._HASHER, passwords.MAX_CONCURRENT_HASHES),
        ("défauts argon2-cffi (avant)", PasswordHasher(), 10_000),
    ]
    for name, hasher, bound in runs:
        one_hash = hash_time(hasher, args.hashes)
        alone, _ = burst(hasher, bound, 1, args.database_url)
        median, slowest = burst(hasher, bound, args.students, args.database_url)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{name:<34} un hachage {one_hash:6.1f} ms   une connexion seule {alone:5.0f} ms   "
            f"{args.students} connexions simultanées : médiane {median:6.0f} ms, "
            f"la plus lente {slowest:6.0f} ms   (mémoire max du processus {peak:.0f} Mo)"
        )


if __name__ == "__main__":
    main()
