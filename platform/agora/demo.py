"""The demo school: one teacher, two classes of 24 students, missions assigned, attempts done.

Deterministic (Faker fr_FR seeded, random.Random seeded): the same database every time.
Each student answers as a profile drawn once (agora.demo_profils: at ease, average,
struggling), so the teacher's pages show a class's spread; at a writing step, a copy of that
step's format about the student's organisation (agora.demo_redaction).
Demo accounts do not have to change their password (they are printed for everyone to use).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from faker import Faker
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from agora.account.models import User
from agora.account.service import create_user, hash_password
from agora.calendrier import PARIS
from agora.classroom import service
from agora.classroom.models import Assignment, Classe, Student
from agora.classroom.teacher.service import current_school_year
from agora.company.noms import seed_sans_nom
from agora.content.missions import ExerciseStep, Mission, ProseStep, load_missions
from agora.db import utcnow
from agora.demo_profils import Profil, answer_of, class_profils
from agora.demo_redaction import copie
from agora.exam.demo import create_demo_exams, open_demo_code
from agora.exercise.registry import get_kind

SEED = 2026
TEACHER = ("enseignant.demo", "agora-demo-2026")
STUDENT_PASSWORD = "eleve-demo-2026"
CLASSES = ("1re AGOrA A", "Tle AGOrA B")
STUDENTS_PER_CLASS = 24


@dataclass(frozen=True)
class DemoLogins:
    teacher: tuple[str, str]
    students: list[str]
    student_password: str
    exam_code: str | None = None


def create_demo_if_empty(engine: Engine) -> DemoLogins:
    """Create the demo school in an empty database; in any case, return its logins."""
    with Session(engine, expire_on_commit=False) as session:
        if session.exec(select(User).limit(1)).first() is None:
            create_demo(session)
            session.commit()
        students = session.exec(
            select(User.login).where(User.role == "eleve").order_by(col(User.id)).limit(2)
        ).all()
        exam_code = open_demo_code(session)
    return DemoLogins(TEACHER, list(students), STUDENT_PASSWORD, exam_code)


def create_demo(session: Session) -> None:
    """Fill the database with the demo school (flushes; the caller commits)."""
    fake = Faker("fr_FR")
    fake.seed_instance(SEED)
    rng = random.Random(SEED)
    teacher = create_user(
        session,
        role="enseignant",
        prenom="Camille",
        nom="Durand",
        password=TEACHER[1],
        login=TEACHER[0],
        must_change_password=False,
    )
    student_hash = hash_password(STUDENT_PASSWORD)
    missions = list(load_missions())
    now = utcnow()
    annee = current_school_year(now.astimezone(PARIS).date())  # the demo's clock: today's
    for number, nom in enumerate(CLASSES):
        classe = Classe(teacher_id=teacher.id, nom=nom, annee_scolaire=annee)
        session.add(classe)
        session.flush()
        students = []
        for _ in range(STUDENTS_PER_CLASS):
            user = create_user(
                session,
                role="eleve",
                prenom=fake.first_name(),
                nom=fake.last_name(),
                password="",
                password_hash=student_hash,
                must_change_password=False,
            )
            student = Student(
                user_id=user.id,
                classe_id=classe.id,
                # an organisation whose name does not reuse the student's
                org_seed=seed_sans_nom(user.prenom, user.nom, lambda: rng.randrange(1, 2**31)),
                date_naissance=fake.date_of_birth(minimum_age=15, maximum_age=18),
            )
            session.add(student)
            students.append(student)
        session.flush()
        profils = dict(
            zip([s.id for s in students], class_profils(SEED, number, len(students)), strict=True)
        )
        given = missions if number == 0 else missions[:2]
        for rank, slug in enumerate(given):
            assignment = Assignment(
                classe_id=classe.id,
                mission_slug=slug,
                due_at=_evening(now, 7 * (rank + 1)),
                attempts_allowed=3,
                corrections="diagnostics" if rank != 2 else "after_due",
            )
            session.add(assignment)
            session.flush()
            for student in _workers(students, rank, number):
                _work(
                    session,
                    rng,
                    student,
                    profils[student.id],
                    assignment,
                    now - timedelta(days=2),
                    rank >= 2,
                )
        if number == 0:
            create_demo_exams(session, teacher.id, classe, students, profils, now)


def _workers(students: list[Student], rank: int, number: int) -> list[Student]:
    """Who has started a mission: the whole class for the first two; in the first class, a
    third of the students for each later one (every competency a kind assesses then shows in
    the teacher's coverage, at a fraction of the cost)."""
    if rank < 2:
        return students
    if number != 0:
        return []
    return students[rank % 3 :: 3]


def _evening(now: datetime, days: int) -> datetime:
    """23:59 in Paris, ``days`` days from now: how a teacher sets a due date."""
    local = (now + timedelta(days=days)).astimezone(PARIS)
    return local.replace(hour=23, minute=59, second=0, microsecond=0).astimezone(UTC)


def _work(
    session: Session,
    rng: random.Random,
    student: Student,
    profil: Profil,
    assignment: Assignment,
    when: datetime,
    assidu: bool = False,
) -> None:
    """Some students answer the first steps, as their profile answers; an ``assidu`` student
    starts the mission and answers every step."""
    if not assidu and rng.random() < 0.25:
        return  # not started yet
    mission = load_missions()[assignment.mission_slug]
    for index, step in enumerate(mission.etapes):
        if not assidu and rng.random() < 0.3:
            break
        moment = when + timedelta(minutes=10 * index + rng.randrange(60))
        if isinstance(step, ProseStep):
            user = session.get(User, student.user_id)
            jour = moment.astimezone(PARIS).date()
            texte = copie(
                mission, index, student.org_seed, profil, f"{user.prenom} {user.nom}", jour
            )
            service.submit_prose(session, student, assignment, index, texte, moment)
            continue
        assert isinstance(step, ExerciseStep)
        _answer_step(session, rng, student, profil, assignment, mission, index, moment)


def _answer_step(
    session: Session,
    rng: random.Random,
    student: Student,
    profil: Profil,
    assignment: Assignment,
    mission: Mission,
    index: int,
    moment: datetime,
) -> None:
    """One exercise step: a first try, and a second one after a wrong answer if the student's
    profile retries (on the new variant the platform gives for it)."""
    kind = get_kind(mission.etape(index).kind)
    for essai in range(2):
        done = service.attempts_of(session, student, assignment)
        variant = service.next_variant(
            student, assignment, mission, index, [a for a in done if a.step_index == index]
        )
        fields = answer_of(profil, kind, variant.params, rng, again=essai > 0)
        submitted = service.submit_exercise(
            session, student, assignment, index, fields, moment + timedelta(minutes=5 * essai)
        )
        if submitted.attempt.score == 1 or rng.random() >= profil.reessai:
            return
