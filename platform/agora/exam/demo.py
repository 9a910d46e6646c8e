"""Evaluations of the demo school: one past and published, one open now (its code is printed)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlmodel import Session, select

from agora.classroom.models import Classe, Student
from agora.demo_profils import Profil, answer_of
from agora.exam import closing, creation, service
from agora.exam.models import Exam
from agora.exercise.registry import get_kind

DEMO_IP, DEMO_UA = "127.0.0.1", "démonstration"
OPEN_TITLE = "CCF blanc — rapprochement bancaire"


def create_demo_exams(
    session: Session,
    teacher_id: int,
    classe: Classe,
    students: list[Student],
    profils: dict[int, Profil],
    now: datetime,
) -> None:
    """A practice exam sat three days ago (graded, published), each student answering as
    their profile (``profils``, by student id) answers, and one open for a week."""
    past = creation.create_exam(
        session,
        teacher_id,
        classe,
        titre="Évaluation blanche — facture et bulletin de paie",
        questions=[
            {"kind": "facture", "niveau": 2, "points": 12},
            {"kind": "bulletin_paie", "niveau": 1, "points": 8},
        ],
        opens_at=now - timedelta(days=3, hours=2),
        closes_at=now - timedelta(days=3),
        duree_minutes=60,
        melange=False,
    )
    rng = random.Random(f"demo-exam:{classe.id}")
    start = now - timedelta(days=3, hours=1, minutes=50)
    for student in students:
        if rng.random() < 0.1:
            continue  # absent
        _sit(session, past, student, profils[student.id], start, rng)
    closing.finalise(session, now, past.id)
    closing.publish(session, past, now)
    creation.create_exam(
        session,
        teacher_id,
        classe,
        titre=OPEN_TITLE,
        questions=[{"kind": "rapprochement", "niveau": 2, "points": 20}],
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=7),
        duree_minutes=45,
        melange=False,
    )


def _sit(
    session: Session, exam: Exam, student: Student, profil: Profil, start: datetime, rng
) -> None:
    """One student starts, answers each question as their profile answers, hands in."""
    copy = service.start(session, exam, student, start, DEMO_IP, DEMO_UA)
    for index, row in sorted(service.answers_of(session, copy.id).items()):
        variant = service.stored_variant(exam, row)
        fields = answer_of(profil, get_kind(variant.kind), variant.params, rng)
        moment = start + timedelta(minutes=15 * (index + 1))
        service.save_answer(session, copy, index, fields, lambda m=moment: m, DEMO_IP, DEMO_UA)
    service.submit(session, copy, lambda: start + timedelta(minutes=40), DEMO_IP, DEMO_UA)


def open_demo_code(session: Session) -> str | None:
    """The access code of the demo's open evaluation, for the logins printed at start."""
    return session.exec(select(Exam.code).where(Exam.titre == OPEN_TITLE)).first()
