"""Typed page contexts of the teacher pages, built from the services (no HTTP here)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session, func, select

from agora.account.models import User
from agora.authoring.catalog import assignment_mission, own_missions
from agora.classroom.models import (
    CORRECTIONS_LIBELLES,
    PENALITES,
    Assignment,
    Classe,
    Student,
)
from agora.classroom.teacher import grading as grading
from agora.classroom.teacher import service as ts
from agora.classroom.teacher.csv_import import ImportPreview
from agora.content.missions import NIVEAUX, Mission, load_missions
from agora.web.templating import french_datetime


@dataclass
class ClasseSummary:
    classe: Classe
    students: int
    assignments: int
    to_grade: int


@dataclass
class HomePage:
    teacher: User
    summaries: list[ClasseSummary]
    to_grade: int
    annee: str
    archived: int = 0  # classes on the « Archives » page
    values: dict[str, str] = field(default_factory=dict)
    error: str | None = None


def home_page(session: Session, teacher: User, now: datetime, **form: Any) -> HomePage:
    """The teacher's classes with their size, missions and copies to grade."""
    summaries, archived = [], 0
    for classe in ts.classes_of(session, teacher):
        if classe.archived_at is not None:  # listed on the « Archives » page instead
            archived += 1
            continue
        count = session.exec(
            select(func.count()).select_from(Student).where(Student.classe_id == classe.id)
        ).one()
        assignments = ts.assignments_of(session, classe)
        to_grade = sum(len(grading.ungraded_copies(session, a)) for a in assignments)
        summaries.append(ClasseSummary(classe, count, len(assignments), to_grade))
    total = sum(s.to_grade for s in summaries)
    annee = ts.current_school_year(now.date())
    return HomePage(teacher, summaries, total, annee, archived=archived, **form)


@dataclass
class StudentRow:
    student: Student
    user: User
    slowed: bool = False  # the login limit currently makes someone wait on this account


@dataclass
class AssignmentRow:
    assignment: Assignment
    mission: Mission
    targeted: int  # students it is given to
    started: int
    to_grade: int

    @property
    def corrections(self) -> str:
        return CORRECTIONS_LIBELLES[self.assignment.corrections]


@dataclass
class ClassePage:
    classe: Classe
    students: list[StudentRow]
    assignments: list[AssignmentRow]
    waiting_password: int  # students who have not chosen their password yet


def classe_page(
    session: Session, classe: Classe, slowed: Callable[[str], bool] = lambda _login: False
) -> ClassePage:
    """A class: its students (``slowed``: login limit on them) and its missions, with figures."""
    students = [StudentRow(s, u, slowed(u.login)) for s, u in ts.students_of(session, classe)]
    ids = {row.student.id for row in students}
    rows = []
    for assignment in ts.assignments_of(session, classe):
        targets = ts.targeted_students(session, assignment)
        cells = ts.latest_attempts(session, assignment)
        rows.append(
            AssignmentRow(
                assignment,
                assignment_mission(session, assignment),
                # A student moved to another class since stays in ``targets``: not counted.
                len(targets & ids) if targets is not None else len(students),
                len({student_id for student_id, _ in cells}),
                len(grading.ungraded_copies(session, assignment)),
            )
        )
    waiting = sum(1 for row in students if row.user.must_change_password)
    return ClassePage(classe, students, rows, waiting)


@dataclass
class ImportPage:
    classe: Classe
    preview: ImportPreview | None = None
    error: str | None = None


@dataclass
class CredentialsPage:
    """New logins and initial passwords, shown once; the PDF form posts them back."""

    classe: Classe
    credentials: list[ts.Credential]
    title: str
    message: str


@dataclass
class PasswordsPage:
    classe: Classe
    counts: dict[str, int]
    scopes: dict[str, str]
    error: str | None = None


def passwords_page(session: Session, classe: Classe, error: str | None = None) -> PasswordsPage:
    rows = ts.students_of(session, classe)
    counts = {"nouveaux": sum(1 for _, u in rows if u.must_change_password), "tous": len(rows)}
    return PasswordsPage(classe, counts, ts.PASSWORD_SCOPES, error)


@dataclass
class AssignPage:
    classe: Classe
    missions: list[Mission]
    students: list[StudentRow]
    corrections: dict[str, str]
    values: dict[str, Any]
    error: str | None = None
    penalites: tuple[int, ...] = PENALITES
    own_missions: list[Mission] = field(default_factory=list)  # the teacher's own (authoring)


def assign_page(
    session: Session, classe: Classe, values: dict[str, Any] | None = None, error=None
) -> AssignPage:
    defaults = {"attempts": "3", "corrections": "diagnostics", "heure": "23:59", "pour": "classe",
                "penalite": "0"}  # fmt: skip
    return AssignPage(
        classe,
        list(load_missions().values()),
        [StudentRow(s, u) for s, u in ts.students_of(session, classe)],
        CORRECTIONS_LIBELLES,
        defaults | (values or {}),
        error,
        own_missions=own_missions(session, classe.teacher_id),
    )


def assigned_message(session: Session, classe: Classe, assignment: Assignment) -> str:
    """What the teacher reads after « Attribuer »: which mission, to how many, until when."""
    targeted = ts.targeted_students(session, assignment)
    count = len(targeted) if targeted is not None else len(ts.students_of(session, classe))
    eleves = f"{count} élève{'s' if count > 1 else ''}"
    due = f", à rendre le {french_datetime(assignment.due_at)}" if assignment.due_at else ""
    mission = assignment_mission(session, assignment)
    niveau = f"niveau {mission.niveau} ({NIVEAUX[mission.niveau]})"
    return f"Mission « {mission.titre} » donnée à {eleves} de {classe.nom}{due}, {niveau}."
