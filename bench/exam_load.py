"""Load test of an exam against the running server: N students start, save 10 times, hand in.

Usage: .venv/bin/python bench/exam_load.py [--students 200] [--saves 10] [--think 0]
                                           [--login-burst 35]
                                           [--database-url URL] [--time-limit 300]
                                           [--close-during-load heure_limite|enseignant]
                                           [--close-after 3]
                                           [--workers 2] [--arrival 60]

What it does, in one run on this machine:
1. a temporary SQLite database (or --database-url, e.g. a PostgreSQL database you own) is
   migrated and filled: one teacher, one class of N students, an open evaluation of three
   questions (facture, rapprochement, bulletin de paie), its copies' variants drawn ahead as
   the teacher's creation page does (agora.exam.tirage);
2. `agora serve` is started on a free port (a subprocess, as in production: one uvicorn
   process), and, next to it, the floor of this stack: a bare FastAPI endpoint (same uvicorn
   settings, same engine settings, a sync route) that inserts one row in the same database;
3. the first --login-burst students (35, a class) log in at the same second, the login page
   already open on every screen (each answer to « Se connecter » timed), then the others,
   a few at a time (not timed); then, all at once: start with the code, open the
   first question where the start leads the browser (« 1re question »), ``--saves``
   autosaves (htmx requests, as the browser sends them) and the hand-in; ``--think`` seconds
   (random, up to that value) between two requests of one student; 0 = saturation;
4. the bare endpoint receives the same number of clients and requests, same pattern;
5. prints throughput, p50/p95/p99 latency and errors of both, then checks the database:
   every acknowledged save must be stored (the last acknowledged value of each question, and
   as many saves as acknowledgements).

--close-during-load (issue 9): the students start, then autosave (up to --saves, pausing as
--think says) while the exam closes --close-after seconds into the load, by its deadline
(heure_limite: the window's end is set then) or by the teacher's « Clôturer maintenant »
(enseignant); each student stops at their first refusal. A probe reads GET /connexion every
100 ms. Prints p99 of saves and of GET /connexion around the close (from 2 s before to 5 s
after), 5xx errors, refused saves and acknowledged saves lost. The durability setting is read
from the environment: AGORA_SQLITE_SYNCHRONOUS=FULL .venv/bin/python bench/exam_load.py …

--workers N (issue 17): `agora serve --workers N` and the bare endpoint with as many uvicorn
processes. --arrival S: open loop, the students arrive at random over S seconds (instead of
all at once), then save every --think / 2 seconds on average (a pause drawn between 0 and
--think): `--students 1000 --arrival 60 --think 10` is 1 000 students arriving over a minute
and saving every 5 s on average. In the open loop each student's browser also asks for the
countdown as the page does (`hx-trigger="every N s"`, N read from templates/exam/_minuteur.html),
on a connection of its own, from the first question to the hand-in, N seconds after the timer
last came (with the page, a poll, or an autosave's answer, which swaps it in and so restarts
htmx's poll). (Not in saturation, --arrival 0: the throughput ratio
there compares the exam's own requests with the floor's, like for like.)

The simulated browsers are bench/lean_http.py clients (0.09 ms of CPU a request), not httpx
(1.2 ms a request, 38 ms and ~1.5 MB to build): they share this machine's cores with the
servers, and before December 2026 httpx's share bounded the exam and the bare endpoint alike
(the bare endpoint measured 181 req/s with 2 workers on PostgreSQL instead of 620), which hid
how much more an exam request costs than the floor.

Targets (issue 6): zero errors and zero lost saves at 200 students; p99 < 250 ms on SQLite;
throughput at least half of the bare endpoint's.

Reading the figures: with --think 0 all 200 students have a request in flight all the time,
so every latency is about 200 / throughput (Little's law) for the exam AND for the bare
endpoint; the throughput ratio is the figure to read there. Latency is read with students
who pause between two saves (--think 4: a save every 2 s on average per student, which is
still far more often than a real student types).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import lean_http

PASSWORD = "bench-exam-2026"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')

# One field of each question's kind (facture, rapprochement, bulletin de paie): an autosave
# carrying a name outside the kind's answer schema is refused (issue 9).
ANSWER_FIELD = {1: "total_ht", 2: "solde_releve", 3: "net_a_payer"}


def countdown_interval() -> float:
    """Seconds between two polls of the countdown, as the exam page asks its browser."""
    template = Path(__file__).parents[1] / "templates" / "exam" / "_minuteur.html"
    return float(re.search(r'hx-trigger="every (\d+)s', template.read_text()).group(1))


# ------------------------------------------------------------------------------ setup


def prepare(database_url: str, students: int) -> tuple[str, list[str], str]:
    """Migrate and fill the database, variants drawn ahead; the exam code, the students'
    logins, the teacher's."""
    from sqlmodel import Session

    from agora import migrations
    from agora.account.service import create_user, hash_password
    from agora.classroom.models import Classe, Student
    from agora.config import Settings
    from agora.db import make_engine, utcnow
    from agora.exam import creation, tirage

    engine = make_engine(Settings(environment="test", database_url=database_url))
    migrations.upgrade(engine)
    password_hash = hash_password(PASSWORD)
    logins = []
    with Session(engine, expire_on_commit=False) as session:
        teacher = create_user(
            session,
            role="enseignant",
            prenom="Banc",
            nom="Essai",
            password="",
            password_hash=password_hash,
            must_change_password=False,
        )
        classe = Classe(teacher_id=teacher.id, nom="Banc d'essai", annee_scolaire="2025-2026")
        session.add(classe)
        session.flush()
        for i in range(students):
            user = create_user(
                session,
                role="eleve",
                prenom="Eleve",
                nom=f"Banc{i:04d}",
                password="",
                password_hash=password_hash,
                must_change_password=False,
            )
            session.add(Student(user_id=user.id, classe_id=classe.id, org_seed=10_000 + i))
            logins.append(user.login)
        session.flush()
        now = utcnow()
        exam = creation.create_exam(
            session,
            teacher.id,
            classe,
            titre="Banc d'essai",
            questions=[
                {"kind": "facture", "niveau": 2, "points": 8},
                {"kind": "rapprochement", "niveau": 1, "points": 6},
                {"kind": "bulletin_paie", "niveau": 1, "points": 6},
            ],
            opens_at=now - timedelta(minutes=1),
            closes_at=now + timedelta(hours=3),
            duree_minutes=120,
            melange=False,  # positions are questions: each save posts a field of its kind
        )
        session.commit()
        code, teacher_login = exam.code, teacher.login
    tirage.draw_ahead(engine, exam.id)  # as the teacher's page does once the exam is created
    engine.dispose()
    return code, logins, teacher_login


def end_window_in(database_url: str, seconds: float) -> None:
    """Move the end of the evaluation's window to ``seconds`` from now (the deadline closes)."""
    from sqlmodel import Session, select

    from agora.config import Settings
    from agora.db import make_engine, utcnow
    from agora.exam.models import Exam

    engine = make_engine(Settings(environment="test", database_url=database_url))
    with Session(engine) as session:
        exam = session.exec(select(Exam)).one()
        exam.closes_at = utcnow() + timedelta(seconds=seconds)
        session.add(exam)
        session.commit()
    engine.dispose()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(root: int, database_url: str) -> tuple[float, float]:
    """CPU time (user + system) so far of process ``root`` and its descendants (the server's
    workers), and of every PostgreSQL backend when the database is PostgreSQL: what serving
    the requests cost this machine, whoever did the work, as (the server's, the database's).

    A backend that has ended (a connection the pool opened beyond its size under the load,
    then closed) is gone from /proc: its time is read in its parent's, the postmaster's,
    time of ended children. Without it the database's share was as low as a tenth of what
    the backends did (measured: 0.07 ms a request against 1.07 with the same load)."""
    tick = os.sysconf("SC_CLK_TCK")
    stats: dict[int, tuple[int, str, float]] = {}  # pid: (parent, command, seconds)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                line = (entry / "stat").read_text()
            except OSError:
                continue  # ended meanwhile
            command, rest = line[line.index("(") + 1 : line.rindex(")")], line.rsplit(")", 1)[1]
            fields = rest.split()
            # utime + stime; for PostgreSQL's processes also cutime + cstime (ended backends).
            used = fields[11:15] if command == "postgres" else fields[11:13]
            stats[int(entry.name)] = (int(fields[1]), command, sum(map(int, used)) / tick)
    children: dict[int, list[int]] = {}
    for pid, (parent, _, _) in stats.items():
        children.setdefault(parent, []).append(pid)
    tree, todo = set(), [root]
    while todo:  # the server and its workers, at any depth
        pid = todo.pop()
        tree.add(pid)
        todo += children.get(pid, [])
    on_postgresql = database_url.startswith("postgresql")
    server = sum(seconds for pid, (_, _, seconds) in stats.items() if pid in tree)
    database = sum(
        seconds
        for pid, (_, command, seconds) in stats.items()
        if on_postgresql and command == "postgres" and pid not in tree
    )
    return server, database


def start_server(args: list[str], env: dict[str, str], port: int, log: Path) -> subprocess.Popen:
    # Access logs on, as `agora serve` has them; into a file (a pipe nobody reads would block).
    with log.open("wb") as out:
        process = subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            if process.poll() is not None:
                raise SystemExit(log.read_text(errors="replace")[-2000:]) from None
            time.sleep(0.1)
    process.kill()
    raise SystemExit("le serveur ne démarre pas")


# -------------------------------------------------------------- the bare endpoint (floor)


def bare_factory():
    """The bare app of one worker process (--workers N: uvicorn imports it by name)."""
    return bare_app(os.environ["BENCH_BARE_URL"])


def bare_app(database_url: str):
    """One sync route inserting one row, same engine settings: the floor of this stack."""
    import sqlalchemy as sa
    from fastapi import FastAPI
    from fastapi.responses import PlainTextResponse

    from agora.config import Settings
    from agora.db import make_engine

    engine = make_engine(Settings(environment="test", database_url=database_url))
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TABLE IF NOT EXISTS bench_bare (id INTEGER PRIMARY KEY, client TEXT, "
            "valeur TEXT)"
            if engine.dialect.name == "sqlite"
            else "CREATE TABLE IF NOT EXISTS bench_bare (id SERIAL PRIMARY KEY, client TEXT, "
            "valeur TEXT)"
        )
    app = FastAPI()
    insert = sa.text("INSERT INTO bench_bare (client, valeur) VALUES (:c, :v)")

    @app.post("/bare")
    def bare(c: str = "", v: str = ""):
        with engine.begin() as connection:
            connection.execute(insert, {"c": c, "v": v})
        return PlainTextResponse("ok")

    return app


# ------------------------------------------------------------------------------ the load


class Stats:
    def __init__(self, cpu=None):
        self.cpu = cpu  # the servers' CPU seconds so far (cpu_seconds), read at begin and end
        self.cpu_used = (0.0, 0.0)  # (the server's, the database's)
        self.latencies: dict[str, list[float]] = {}
        self.errors: Counter[str] = Counter()
        self.started = self.ended = 0.0
        self.timeline: list[tuple[str, float, float]] = []  # (what, sent at, seconds)
        self.refused = 0
        self.close_moment = 0.0
        self.logins: Stats | None = None  # the login burst before the exam (run_exam)

    def begin(self) -> None:
        self.started = time.perf_counter()
        self.cpu_used = self.cpu() if self.cpu else (0.0, 0.0)

    def end(self) -> None:
        self.ended = time.perf_counter()
        after = self.cpu() if self.cpu else (0.0, 0.0)
        self.cpu_used = (after[0] - self.cpu_used[0], after[1] - self.cpu_used[1])

    def cpu_line(self, what: str) -> str:
        n, elapsed = sum(map(len, self.latencies.values())), self.ended - self.started
        used = sum(self.cpu_used)
        per_request = used / n * 1000 if n else 0.0
        share = used / elapsed / (os.cpu_count() or 1) * 100 if elapsed else 0.0
        server, database = (x / n * 1000 if n else 0.0 for x in self.cpu_used)
        split = f" (application {server:.2f}, PostgreSQL {database:.2f})" if database else ""
        return (
            f"CPU des serveurs ({what}) : {per_request:.2f} ms par requête{split}, "
            f"{share:.0f} % des cœurs"
        )

    def add(self, what: str, seconds: float) -> None:
        self.latencies.setdefault(what, []).append(seconds)
        self.timeline.append((what, time.perf_counter() - seconds, seconds))

    def report(self, title: str) -> dict[str, float]:
        every = sorted(x for values in self.latencies.values() for x in values)
        elapsed = self.ended - self.started
        line = {"n": len(every), "rps": len(every) / elapsed if elapsed else 0.0}
        print(
            f"\n{title}: {len(every)} requêtes en {elapsed:.2f} s -> {line['rps']:.0f} req/s, "
            f"erreurs : {sum(self.errors.values())} {dict(self.errors) or ''}"
        )
        for what, values in [("toutes", every), *sorted(self.latencies.items())]:
            values = sorted(values)
            if not values:
                continue
            p = {
                q: values[min(len(values) - 1, int(q / 100 * len(values)))] * 1000
                for q in (50, 95, 99)
            }
            print(
                f"  {what:<10} n={len(values):>5}  p50 {p[50]:7.1f} ms  p95 {p[95]:7.1f} ms  "
                f"p99 {p[99]:7.1f} ms"
            )
            if what == "toutes":
                line.update({"p50": p[50], "p95": p[95], "p99": p[99]})
        return line


async def timed(stats: Stats, what: str, call):
    t = time.perf_counter()
    try:
        response = await call
    except lean_http.HTTPError as error:
        stats.errors[f"{what}: {type(error).__name__}"] += 1
        return None
    stats.add(what, time.perf_counter() - t)
    if response.status_code >= 400:
        stats.errors[f"{what}: HTTP {response.status_code}"] += 1
        return None
    return response


class Eleve:
    def __init__(self, login: str, base: str):
        self.login = login
        self.client = lean_http.Client(base)  # httpx would eat the servers' CPU (its doc)
        self.acked: dict[int, str] = {}
        self.ack_count: Counter[int] = Counter()
        self.copy_id = 0
        self.synced_at = 0.0  # when the countdown last came from the server
        self.sent: dict[int, list[str]] = {}  # every value sent, acknowledged or not

    async def log_in(self) -> None:
        await self.open_login_page()
        await self.send_login()

    async def open_login_page(self) -> None:
        page = await self.client.get("/connexion")
        self.token = CSRF.search(page.text).group(1)

    async def send_login(self, stats: Stats | None = None) -> None:
        """« Se connecter » (timed in ``stats``), then the exam page's token."""
        data = {"identifiant": self.login, "mot_de_passe": PASSWORD, "csrf_token": self.token}
        sent = self.client.post("/connexion", data=data)
        r = await (timed(stats, "connexion", sent) if stats else sent)
        if stats and (r is None or r.status_code != 303):
            stats.errors["connexion: refusée"] += 1
        self.token = CSRF.search((await self.client.get("/examen")).text).group(1)

    async def take(
        self,
        code: str,
        saves: int,
        think: float,
        stats: Stats,
        rng,
        until_refused=False,
        arrival=0,
        countdown=0.0,
    ) -> None:
        await asyncio.sleep(rng.uniform(0, arrival or think))
        r = await timed(
            stats,
            "début",
            self.client.post("/examen", data={"code": code, "csrf_token": self.token}),
        )
        if r is None or "location" not in r.headers:
            stats.errors["début: pas de copie"] += 1
            return
        self.copy_id = int(re.search(r"/copies/(\d+)/", r.headers["location"]).group(1))
        # Where the start leads the browser: the student sees the first question.
        await timed(stats, "1re question", self.client.get(r.headers["location"]))
        self.synced_at = time.perf_counter()
        polls = asyncio.create_task(self.poll_countdown(countdown, stats)) if countdown else None
        try:
            await self.answer(saves, think, stats, rng, until_refused)
        finally:
            if polls:
                polls.cancel()
                await asyncio.gather(polls, return_exceptions=True)  # its connection closed

    async def poll_countdown(self, every: float, stats: Stats) -> None:
        """The page's countdown, asked every ``every`` s on the browser's second connection."""
        async with lean_http.Client(self.client.base_url, cookies=self.client.cookies) as client:
            headers = {"HX-Request": "true"}
            while True:
                wait = self.synced_at + every - time.perf_counter()
                if wait > 0:
                    await asyncio.sleep(wait)
                    continue
                url = f"/examen/copies/{self.copy_id}/minuteur"
                await timed(stats, "minuteur", client.get(url, headers=headers))
                self.synced_at = time.perf_counter()

    async def answer(self, saves, think, stats, rng, until_refused) -> None:
        """The saves, then the hand-in (none with ``until_refused``)."""
        headers = {"HX-Request": "true", "X-CSRF-Token": self.token}
        for k in range(saves):
            await asyncio.sleep(rng.uniform(0, think))
            position = k % 3 + 1
            value = f"{self.login}-{k}"
            self.sent.setdefault(position, []).append(value)
            r = await timed(
                stats,
                "sauvegarde",
                self.client.post(
                    f"/examen/copies/{self.copy_id}/questions/{position}",
                    data={ANSWER_FIELD[position]: value},
                    headers=headers,
                ),
            )
            if r is not None and "Enregistré à" in r.text:
                if 'id="minuteur"' in r.text:
                    self.synced_at = time.perf_counter()
                self.acked[position] = value
                self.ack_count[position] += 1
            elif r is not None and until_refused and "pas été enregistrée" in r.text:
                stats.refused += 1
                return
            elif r is not None:
                stats.errors["sauvegarde: refusée"] += 1
        if until_refused:
            return
        await asyncio.sleep(rng.uniform(0, think))
        r = await timed(
            stats,
            "remise",
            self.client.post(
                f"/examen/copies/{self.copy_id}/rendre",
                data={"csrf_token": self.token, "confirmation": "oui"},
            ),
        )
        if r is None or r.status_code != 303:
            stats.errors["remise: non rendue"] += 1


async def bare_client(
    base: str, requests: int, think: float, stats: Stats, rng, i: int, arrival: float = 0
):
    async with lean_http.Client(base) as client:
        for k in range(requests):
            await asyncio.sleep(rng.uniform(0, arrival if arrival and not k else think))
            await timed(stats, "insertion", client.post("/bare", params={"c": str(i), "v": str(k)}))


async def run_exam(
    base, code, logins, saves, think, limit, arrival=0, cpu=None, login_burst=0
) -> tuple[Stats, list[Eleve]]:
    """The first ``login_burst`` students log in at the same second (measured, in
    ``stats.logins``), the others a few at a time; then the exam."""
    eleves = [Eleve(login, base) for login in logins]
    burst = eleves[:login_burst]
    await asyncio.gather(*(e.open_login_page() for e in burst))  # the page open on each screen
    logins = Stats()
    logins.begin()
    await asyncio.gather(*(e.send_login(logins) for e in burst))  # « Se connecter », all at once
    logins.end()
    gate = asyncio.Semaphore(16)  # the others' argon2 is not part of the exam's measure

    async def log_in(e):
        async with gate:
            await e.log_in()

    await asyncio.gather(*(log_in(e) for e in eleves[login_burst:]))
    every = countdown_interval() if arrival else 0.0  # see the module's doc
    stats = Stats(cpu)
    stats.begin()
    await asyncio.wait_for(
        asyncio.gather(
            *(
                e.take(
                    code, saves, think, stats, random.Random(i), arrival=arrival, countdown=every
                )
                for i, e in enumerate(eleves)
            )
        ),
        timeout=limit,
    )
    stats.end()
    stats.logins = logins
    for e in eleves:
        await e.client.aclose()
    return stats, eleves


async def probe_login_page(base: str, stats: Stats, done: asyncio.Event) -> None:
    async with lean_http.Client(base) as client:
        while not done.is_set():
            await timed(stats, "connexion", client.get("/connexion"))
            await asyncio.sleep(0.1)


async def teacher_close(base: str, login: str, after: float) -> float:
    """Log the teacher in, wait, click « Clôturer maintenant »; the moment of the click."""
    async with lean_http.Client(base) as client:
        token = CSRF.search((await client.get("/connexion")).text).group(1)
        await client.post(
            "/connexion", data={"identifiant": login, "mot_de_passe": PASSWORD, "csrf_token": token}
        )
        page = await client.get("/enseignant/evaluations/1")  # the only one (a fresh database)
        token = CSRF.search(page.text).group(1)
        await asyncio.sleep(after)
        moment = time.perf_counter()
        r = await client.post("/enseignant/evaluations/1/cloturer", data={"csrf_token": token})
        if r.status_code != 303:
            raise SystemExit(f"clôture par l'enseignant : HTTP {r.status_code}")
        return moment


async def run_close(base, code, logins, args, url, teacher_login) -> tuple[Stats, list[Eleve]]:
    """Students autosave while the exam closes (deadline or teacher); see the module doc."""
    eleves = [Eleve(login, base) for login in logins]
    gate = asyncio.Semaphore(16)

    async def log_in(e):
        async with gate:
            await e.log_in()

    await asyncio.gather(*(log_in(e) for e in eleves))
    stats, done = Stats(), asyncio.Event()
    probe = asyncio.create_task(probe_login_page(base, stats, done))
    stats.begin()
    if args.close_during_load == "heure_limite":
        end_window_in(url, args.close_after)
        closer = asyncio.sleep(0, result=time.perf_counter() + args.close_after)
    else:
        closer = teacher_close(base, teacher_login, args.close_after)
    moment, _ = await asyncio.wait_for(
        asyncio.gather(
            closer,
            asyncio.gather(
                *(
                    e.take(code, args.saves, args.think, stats, random.Random(i), True)
                    for i, e in enumerate(eleves)
                )
            ),
        ),
        timeout=args.time_limit,
    )
    stats.end()
    done.set()
    await probe
    for e in eleves:
        await e.client.aclose()
    stats.close_moment = moment
    return stats, eleves


def report_close(stats: Stats, lost: int) -> None:
    window = (stats.close_moment - 2, stats.close_moment + 5)
    print("\nAutour de la clôture (de 2 s avant à 5 s après) :")
    for what in ("sauvegarde", "connexion"):
        values = sorted(
            s for w, at, s in stats.timeline if w == what and window[0] <= at <= window[1]
        )
        if values:
            p99 = values[min(len(values) - 1, int(0.99 * len(values)))] * 1000
            print(
                f"  {what:<10} n={len(values):>5}  p99 {p99:7.1f} ms  max {values[-1] * 1000:7.1f} ms"
            )
    errors = sum(stats.errors.values())
    print(
        f"Erreurs : {errors} {dict(stats.errors) or ''} ; sauvegardes refusées (après la "
        f"clôture) : {stats.refused} ; sauvegardes acquittées perdues : {lost}"
    )


async def run_bare(base, clients, requests, think, limit, arrival=0, cpu=None) -> Stats:
    stats = Stats(cpu)
    stats.begin()
    await asyncio.wait_for(
        asyncio.gather(
            *(
                bare_client(base, requests, think, stats, random.Random(i), i, arrival)
                for i in range(clients)
            )
        ),
        timeout=limit,
    )
    stats.end()
    return stats


def lost_saves(database_url: str, eleves: list[Eleve]) -> int:
    """Acknowledged saves missing from the database (value or count)."""
    from sqlmodel import Session, select

    from agora.classroom.models import Student
    from agora.config import Settings
    from agora.db import make_engine
    from agora.exam.grading import question_order
    from agora.exam.models import Exam, ExamAnswer, ExamCopy

    engine = make_engine(Settings(environment="test", database_url=database_url))
    lost = 0
    with Session(engine) as session:
        exam = session.exec(select(Exam)).one()
        for e in eleves:
            copy = session.get(ExamCopy, e.copy_id) if e.copy_id else None
            if copy is None:
                lost += len(e.acked)
                continue
            org_seed = session.get(Student, copy.student_id).org_seed
            order = question_order(org_seed, exam.id, len(exam.questions), exam.melange)
            for position, value in e.acked.items():
                answer = session.exec(
                    select(ExamAnswer).where(
                        ExamAnswer.copy_id == copy.id, ExamAnswer.question == order[position - 1]
                    )
                ).one()
                # A save that timed out on the client may still have been stored after the
                # last acknowledged one: newer values are fine, older or missing ones are lost.
                sent = e.sent[position]
                newer = sent[len(sent) - 1 - sent[::-1].index(value) :]
                stored = answer.answer.get(ANSWER_FIELD[position])  # top-level fields
                if stored not in newer or answer.saves < e.ack_count[position]:
                    lost += 1
    engine.dispose()
    return lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--saves", type=int, default=10)
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="pause maximale (s) entre deux requêtes d'un élève ; 0 = saturation",
    )
    parser.add_argument(
        "--database-url",
        default=None,
        help="base à utiliser (vide !) ; par défaut une base SQLite temporaire",
    )
    parser.add_argument("--time-limit", type=float, default=300.0)
    parser.add_argument(
        "--close-during-load",
        choices=["heure_limite", "enseignant"],
        help="l'évaluation se ferme pendant les sauvegardes (voir l'aide du module)",
    )
    parser.add_argument(
        "--close-after", type=float, default=3.0, help="secondes de charge avant la clôture"
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="processus serveurs (agora et plancher)"
    )
    parser.add_argument(
        "--arrival",
        type=float,
        default=0.0,
        help="boucle ouverte : les élèves arrivent au hasard sur ce nombre de secondes",
    )
    parser.add_argument(
        "--login-burst",
        type=int,
        default=35,
        help="élèves qui se connectent à la même seconde avant l'évaluation (mesuré ; 0 : aucun)",
    )
    parser.add_argument(
        "--bare-server", nargs=3, metavar=("PORT", "URL", "N"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.bare_server:
        import uvicorn

        workers = int(args.bare_server[2])
        os.environ["BENCH_BARE_URL"] = args.bare_server[1]
        os.environ["AGORA_WORKERS"] = str(workers)  # the connections shared as agora's are
        if workers > 1:
            bare_app(args.bare_server[1])  # the table, created once before the workers
        uvicorn.run(
            "exam_load:bare_factory" if workers > 1 else bare_app(args.bare_server[1]),
            host="127.0.0.1",
            port=int(args.bare_server[0]),
            log_level="info",
            workers=workers if workers > 1 else None,
            factory=workers > 1,
            app_dir=str(Path(__file__).parent),
        )
        return
    if not 1 <= args.students <= 2000 or not 1 <= args.saves <= 100:
        raise SystemExit("--students va de 1 à 2000, --saves de 1 à 100")
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        code, logins, teacher_login = prepare(url, args.students)
        env = os.environ | {
            "AGORA_DATABASE_URL": url,
            "AGORA_ENVIRONMENT": "production",
            "AGORA_SECRET_KEY": os.urandom(24).hex(),
            "AGORA_DATA_DIR": tmp,
            "AGORA_LOGIN_MAX_ATTEMPTS_PER_IP": "100000",
        }
        agora_port, bare_port = free_port(), free_port()
        agora = start_server(
            [
                str(Path(sys.executable).parent / "agora"),
                "serve",
                "--port",
                str(agora_port),
                "--workers",
                str(args.workers),
            ],
            env,
            agora_port,
            Path(tmp) / "agora.log",
        )
        bare = start_server(
            [sys.executable, __file__, "--bare-server", str(bare_port), url, str(args.workers)],
            env,
            bare_port,
            Path(tmp) / "bare.log",
        )
        if args.close_during_load:
            try:
                print(
                    f"{args.students} élèves sauvegardent, clôture ({args.close_during_load}) "
                    f"après {args.close_after} s ; base {url.split(':')[0]}, synchronous "
                    f"{os.environ.get('AGORA_SQLITE_SYNCHRONOUS', 'NORMAL')}"
                )
                base = f"http://127.0.0.1:{agora_port}"
                stats, eleves = asyncio.run(run_close(base, code, logins, args, url, teacher_login))
            finally:
                for process in (agora, bare):
                    process.terminate()
                    process.wait(timeout=20)
            stats.report("Évaluation (agora serve)")
            report_close(stats, lost_saves(url, eleves))
            return
        try:
            print(
                f"{args.students} élèves × (début + 1re question + {args.saves} sauvegardes + remise), "
                f"pause max {args.think} s, arrivées sur {args.arrival} s, base "
                f"{url.split(':')[0]}, {args.workers} processus, charge machine "
                f"{os.getloadavg()[0]:.1f}"
            )
            bare_url = f"http://127.0.0.1:{bare_port}"
            bare_load = (
                bare_url,
                args.students,
                args.saves + 3,
                args.think,
                args.time_limit,
                args.arrival,
            )
            # The floor is measured just before and just after the exam: the load of the
            # machine drifts, the mean of both is the fair comparison.
            floor_before = asyncio.run(run_bare(*bare_load, lambda: cpu_seconds(bare.pid, url)))
            stats, eleves = asyncio.run(
                run_exam(
                    f"http://127.0.0.1:{agora_port}",
                    code,
                    logins,
                    args.saves,
                    args.think,
                    args.time_limit,
                    args.arrival,
                    lambda: cpu_seconds(agora.pid, url),
                    min(args.login_burst, args.students),
                )
            )
            floor_after = asyncio.run(run_bare(*bare_load, lambda: cpu_seconds(bare.pid, url)))
        finally:
            for process in (agora, bare):
                process.terminate()
                process.wait(timeout=20)
            problems = [
                line
                for line in (Path(tmp) / "agora.log").read_text(errors="replace").splitlines()
                if "Error" in line or "ERROR" in line
            ]
            if problems:
                print(f"Journal du serveur : {len(problems)} lignes d'erreur, dont :")
                print("\n".join(sorted(set(problems))[:8]))
        if stats.logins.latencies:
            stats.logins.report(f"Connexions à la même seconde ({args.login_burst})")
            slowest = max(stats.logins.latencies["connexion"]) * 1000
            print(f"  la plus lente : {slowest:.0f} ms (objectif : chacune en moins de 1 s)")
        exam_line = stats.report("Évaluation (agora serve)")
        before = floor_before.report("Plancher avant (FastAPI nu, une insertion)")
        after = floor_after.report("Plancher après")
        floor_rps = (before["rps"] + after["rps"]) / 2
        print()
        for what, run in (
            ("évaluation", stats),
            ("plancher avant", floor_before),
            ("plancher après", floor_after),
        ):
            print(run.cpu_line(what))
        lost = lost_saves(url, eleves)
        ratio = exam_line["rps"] / floor_rps if floor_rps else 0
        print(f"\nSauvegardes acquittées perdues : {lost} ; plancher moyen {floor_rps:.0f} req/s")
        print(
            f"Débit évaluation / plancher : {ratio:.2f} (objectif ≥ 0,5) ; "
            f"p99 {exam_line.get('p99', 0):.0f} ms (objectif < 250 ms sur SQLite) ; "
            f"erreurs {sum(stats.errors.values())} (objectif 0)"
        )


if __name__ == "__main__":
    main()
