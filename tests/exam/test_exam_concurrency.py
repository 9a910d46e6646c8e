"""Forty students on a real server: concurrent saves, a server restart in the middle, everyone
handing in within the same second. Every acknowledged save must be in the database."""

from __future__ import annotations

import re
import threading
from collections import Counter

import httpx
from sqlmodel import Session, select

from agora.account.models import User
from agora.exam import grading
from agora.exam.models import ExamAnswer, ExamCopy, ExamEvent

STUDENTS = 40
SAVES_PER_PHASE = 5
# A field of each question (facture, rapprochement, bulletin_paie): a save names only known fields.
FIELD = {1: "total_ht", 2: "solde_releve", 3: "net_a_payer"}


class Student:
    """One student's browser: logs in, starts, saves, hands in; remembers what was acknowledged."""

    def __init__(self, login: str, code: str, http_login):
        self.login, self.code, self.http_login = login, code, http_login
        self.copy_id = 0
        self.acked: dict[int, str] = {}  # position -> last acknowledged value
        self.ack_count: Counter[int] = Counter()
        self.errors: list[str] = []
        self.handed_in = False

    def begin(self, base: str) -> None:
        self.client = httpx.Client(base_url=base, timeout=60)
        self.http_login(self.client, self.login)
        page = self.client.get("/examen").text
        self.token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        started = self.client.post(
            "/examen", data={"code": self.code, "csrf_token": self.token}, follow_redirects=True
        )
        self.copy_id = int(re.search(r"/copies/(\d+)/", str(started.url)).group(1))

    def saves(self, base: str, phase: int) -> None:
        self.client.base_url = base
        for k in range(SAVES_PER_PHASE):
            position = k % 3 + 1
            value = f"{self.login}/{phase}/{k}"
            try:
                r = self.client.post(
                    f"/examen/copies/{self.copy_id}/questions/{position}",
                    data={FIELD[position]: value},
                    headers={"HX-Request": "true", "X-CSRF-Token": self.token},
                )
            except httpx.HTTPError as error:  # not acknowledged: not counted
                self.errors.append(f"{type(error).__name__}")
                continue
            if r.status_code == 200 and "Enregistré à" in r.text:
                self.acked[position] = value
                self.ack_count[position] += 1
            else:
                self.errors.append(f"{r.status_code} {r.text[:200]}")

    def hand_in(self) -> None:
        r = self.client.post(
            f"/examen/copies/{self.copy_id}/rendre",
            data={"csrf_token": self.token, "confirmation": "oui"},
            follow_redirects=True,
        )
        self.handed_in = r.status_code == 200 and "Copie rendue" in r.text
        if not self.handed_in:
            self.errors.append(f"remise {r.status_code} {r.text[:200]}")
        self.client.close()


def _run_all(students, action) -> None:
    threads = [threading.Thread(target=action, args=(s,)) for s in students]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)


def _wait_until_graded(engine, seconds: float = 60) -> None:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with Session(engine) as session:
            if not session.exec(select(ExamCopy).where(ExamCopy.graded_at.is_(None))).all():
                return
        time.sleep(0.1)


def test_forty_students_save_survive_a_restart_and_hand_in_together(
    app, settings, db, classe, make_student, make_exam, uvicorn_server, http_login
):
    from agora.app import create_app

    made = [make_student(classe=classe) for _ in range(STUDENTS)]
    exam = make_exam(duree=60, melange=False)  # positions in QUESTIONS order, see FIELD
    logins = {s.id: db.get(User, s.user_id).login for s in made}
    students = [Student(logins[s.id], exam.code, http_login) for s in made]
    server = uvicorn_server(app)
    _run_all(students, lambda s: s.begin(server.url))
    _run_all(students, lambda s: s.saves(server.url, 1))

    with Session(app.state.engine) as s:
        deadlines = {c.id: c.deadline for c in s.exec(select(ExamCopy))}
    server.stop()  # the server restarts in the middle of the exam
    restarted = create_app(settings)
    server = uvicorn_server(restarted)
    _run_all(students, lambda s: s.saves(server.url, 2))

    barrier = threading.Barrier(STUDENTS)
    _run_all(students, lambda s: (barrier.wait(), s.hand_in()))

    assert [e for s in students for e in s.errors] == []
    assert all(s.handed_in for s in students)
    org_seeds = {s.id: s.org_seed for s in made}
    _wait_until_graded(restarted.state.engine)  # graded just after each response was sent
    with Session(restarted.state.engine) as session:
        copies = {c.id: c for c in session.exec(select(ExamCopy))}
        answers = session.exec(select(ExamAnswer)).all()
        save_events = session.exec(select(ExamEvent).where(ExamEvent.type == "sauvegarde")).all()
    assert {c.id: c.deadline for c in copies.values()} == deadlines
    by_copy = {(a.copy_id, a.question): a for a in answers}
    for student in students:
        copy = copies[student.copy_id]
        assert copy.statut == "rendue" and copy.graded_at is not None
        order = grading.question_order(org_seeds[copy.student_id], exam.id, 3, exam.melange)
        for position, value in student.acked.items():
            answer = by_copy[(copy.id, order[position - 1])]
            assert answer.answer == {FIELD[position]: value}  # the last acknowledged save
            assert answer.saves == student.ack_count[position]
    assert len(save_events) == STUDENTS * SAVES_PER_PHASE * 2
    restarted.state.engine.dispose()
