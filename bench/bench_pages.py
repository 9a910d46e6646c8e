"""Response times of the student pages with the demo data, in process (TestClient, SQLite file).

Usage: .venv/bin/python bench/bench_pages.py [--requests 200]
Prints the median and the 95th percentile of: the student dashboard, a mission page (the
invoice mission), and an answer submission (a correct invoice, graded and stored each time;
between two timed submissions, untimed, the older attempts are removed so the step keeps the
realistic history of a 3-attempt assignment).
Target on this machine: under 50 ms median each.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session, col, delete, select

from agora import migrations
from agora.account.models import User
from agora.app import create_app
from agora.classroom.models import Assignment, StepAttempt, Student
from agora.classroom.service import step_variant
from agora.competency.models import CompetencyEvidence
from agora.config import Settings
from agora.content.missions import get_mission
from agora.demo import STUDENT_PASSWORD, create_demo_if_empty
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

MISSION = "du-devis-a-l-encaissement"


def timed(call, count: int, between=None) -> list[float]:
    durations = []
    for _ in range(count):
        if between:
            between()
        start = time.perf_counter()
        response = call()
        durations.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.text[:300]
    return durations


def report(name: str, durations: list[float]) -> None:
    p95 = statistics.quantiles(durations, n=20)[-1]
    print(f"{name:<28} médiane {statistics.median(durations):6.1f} ms   p95 {p95:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="agora-bench-"))
    app = create_app(Settings(environment="development", data_dir=folder))
    migrations.upgrade(app.state.engine)
    logins = create_demo_if_empty(app.state.engine)
    with Session(app.state.engine, expire_on_commit=False) as session:
        user = session.exec(select(User).where(User.login == logins.students[0])).one()
        student = session.exec(select(Student).where(Student.user_id == user.id)).one()
        assignment = session.exec(
            select(Assignment).where(
                Assignment.classe_id == student.classe_id, Assignment.mission_slug == MISSION
            )
        ).one()
        assignment.attempts_allowed = 3
        session.add(assignment)
        session.commit()

    def keep_two_attempts() -> None:
        with Session(app.state.engine) as session:
            attempts = session.exec(
                select(StepAttempt)
                .where(StepAttempt.student_id == student.id)
                .where(StepAttempt.assignment_id == assignment.id)
                .order_by(col(StepAttempt.id))
            ).all()
            for attempt in attempts[:-2]:
                session.exec(
                    delete(CompetencyEvidence).where(CompetencyEvidence.attempt_id == attempt.id)
                )
                session.delete(attempt)
            session.commit()

    variant = step_variant(student, get_mission(MISSION), 0)
    answer = flatten(get_kind("facture").sample_answers(variant.params)[0].answer)

    client = TestClient(app)
    page = client.get("/connexion").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    client.post(
        "/connexion",
        data={
            "identifiant": logins.students[0],
            "mot_de_passe": STUDENT_PASSWORD,
            "csrf_token": token,
        },
    )
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/eleve").text).group(1)
    mission_url = f"/eleve/missions/{assignment.id}"
    submit_url = f"{mission_url}/etapes/0"
    for _ in range(5):  # warm caches (organisation, variants, templates)
        client.get("/eleve")
        client.get(mission_url)
    print(f"{args.requests} requêtes par page, données de démonstration (SQLite, {folder})")
    report("Tableau de bord élève", timed(lambda: client.get("/eleve"), args.requests))
    report("Page de mission", timed(lambda: client.get(mission_url), args.requests))
    report(
        "Envoi d'une réponse (htmx)",
        timed(
            lambda: client.post(
                submit_url, data=answer, headers={"HX-Request": "true", "X-CSRF-Token": token}
            ),
            args.requests,
            between=keep_two_attempts,
        ),
    )


if __name__ == "__main__":
    main()
