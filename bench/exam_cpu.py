"""CPU cost of one exam request, in process: start, question page, autosave, hand-in (issue 17).

Usage: .venv/bin/python bench/exam_cpu.py [--students 50] [--saves 10] [--database-url URL]
                                          [--profile début|question|sauvegarde|remise]

With 200 students at once the latency of an exam is about 200 ÷ throughput (Little's law),
and the throughput on a small server is bounded by the CPU each request costs: this prints,
per kind of request, the process CPU time (application and database driver, the client's
in-process share included, the same for every route) and the SQL statements sent, measured
by driving the application in this process (httpx over ASGI) on the database given (a fresh
SQLite file by default; a PostgreSQL database you own and that is empty, e.g.
postgresql+psycopg://postgres@127.0.0.1:5432/agora_bench). The database server's own CPU is
not counted: the statements per request stand for it. --profile prints the 40 functions of
the platform of highest cumulative CPU time, and the 25 of highest own time, of that kind of
request (cProfile; the worker-thread calls are then run inline, so the profile sees them,
and the CPU figures lose the hops).

The students log in first (not measured), then each starts, opens the first question (where
the start leads the browser), saves --saves times (the three questions in turn, as
bench/exam_load.py) and hands in, one request at a time.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import re
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import anyio.to_thread
import httpx
import sqlalchemy as sa
from exam_load import ANSWER_FIELD, CSRF, PASSWORD, prepare

from agora.app import create_app
from agora.config import Settings
from agora.web.templating import compile_all


class Meter:
    """CPU seconds and SQL statements per kind of request; cProfile around one kind."""

    def __init__(self, engine, profiled: str | None):
        self.cpu: dict[str, list[float]] = defaultdict(list)
        self.statements: dict[str, int] = defaultdict(int)
        self.current: str | None = None
        # CPU time, not wall time: waiting for the database is not what this measures.
        self.profiled, self.profile = profiled, cProfile.Profile(time.process_time)
        sa.event.listen(engine, "before_cursor_execute", self._count)

    def _count(self, *_args) -> None:
        if self.current:
            self.statements[self.current] += 1

    async def __call__(self, what: str, request):
        self.current = what
        if what == self.profiled:
            self.profile.enable()
        start = time.process_time()
        try:
            response = await request
        finally:
            self.cpu[what].append(time.process_time() - start)
            if what == self.profiled:
                self.profile.disable()
            self.current = None
        if response.status_code >= 400:
            raise SystemExit(f"{what} : HTTP {response.status_code}\n{response.text[:500]}")
        return response

    def report(self) -> None:
        for what, values in self.cpu.items():
            n = len(values)
            print(
                f"{what:<11} n={n:>5}  CPU {sum(values) / n * 1000:6.2f} ms/requête  "
                f"SQL {self.statements[what] / n:5.1f} instructions/requête"
            )
        if self.profiled:
            print(f"\nProfil de « {self.profiled} » (temps cumulé) :")
            stats = pstats.Stats(self.profile)
            stats.sort_stats("cumulative").print_stats("/agora/", 40)
            stats.sort_stats("tottime").print_stats(25)


async def take(client: httpx.AsyncClient, meter: Meter, code: str, token: str, saves: int):
    """One student: start, ``saves`` autosaves, hand-in."""
    r = await meter("début", client.post("/examen", data={"code": code, "csrf_token": token}))
    copy_id = int(re.search(r"/copies/(\d+)/", r.headers["location"]).group(1))
    await meter("question", client.get(r.headers["location"]))  # where the browser goes then
    headers = {"HX-Request": "true", "X-CSRF-Token": token}
    for k in range(saves):
        position = k % 3 + 1
        r = await meter(
            "sauvegarde",
            client.post(
                f"/examen/copies/{copy_id}/questions/{position}",
                data={ANSWER_FIELD[position]: f"{k},50"},
                headers=headers,
            ),
        )
        if "Enregistré à" not in r.text:
            raise SystemExit(f"sauvegarde refusée : {r.text[:300]}")
    await meter(
        "remise",
        client.post(
            f"/examen/copies/{copy_id}/rendre", data={"csrf_token": token, "confirmation": "oui"}
        ),
    )


async def drive(app, meter: Meter, code: str, logins: list[str], saves: int) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://agora") as client:
        jars = []
        for login in logins:  # not measured: argon2 on purpose
            client.cookies.clear()
            token = CSRF.search((await client.get("/connexion")).text).group(1)
            data = {"identifiant": login, "mot_de_passe": PASSWORD, "csrf_token": token}
            await client.post("/connexion", data=data)
            token = CSRF.search((await client.get("/examen")).text).group(1)
            jars.append((dict(client.cookies), token))
        for jar, token in jars:
            client.cookies.clear()
            client.cookies.update(jar)
            await take(client, meter, code, token, saves)


async def _inline(func, *args, **_options):
    """anyio.to_thread.run_sync run in the calling thread: cProfile sees one thread only."""
    return func(*args)


def run(url: str, students: int, saves: int, profiled: str | None, data_dir: Path) -> None:
    code, logins, _ = prepare(url, students)
    settings = Settings(
        environment="test", database_url=url, data_dir=data_dir, secret_key="x" * 32
    )
    app = create_app(settings)  # no lifespan: the finaliser grades nothing meanwhile
    compile_all(app.state.templates)  # as a served process does before its first request
    meter = Meter(app.state.engine, profiled)
    if profiled:
        anyio.to_thread.run_sync = _inline
    asyncio.run(drive(app, meter, code, logins, saves))
    app.state.engine.dispose()
    print(
        f"{students} élèves, base {url.split(':')[0]}"
        + (" (profil : sans fils)" if profiled else "")
    )
    meter.report()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=50)
    parser.add_argument("--saves", type=int, default=10)
    parser.add_argument("--database-url", default=None, help="une base vide ; SQLite sinon")
    parser.add_argument(
        "--profile", choices=["début", "question", "sauvegarde", "remise"], default=None
    )
    args = parser.parse_args()
    if not 1 <= args.students <= 2000 or not 1 <= args.saves <= 100:
        raise SystemExit("--students va de 1 à 2000, --saves de 1 à 100")
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        run(url, args.students, args.saves, args.profile, Path(tmp))


if __name__ == "__main__":
    main()
