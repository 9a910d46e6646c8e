"""Typed page contexts of the teacher's editing pages (assignment, class, archives)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session

from agora.account.models import User
from agora.authoring.catalog import assignment_mission
from agora.calendrier import PARIS
from agora.classroom.models import CORRECTIONS_LIBELLES, PENALITES, Assignment, Classe
from agora.classroom.teacher import edit as edit
from agora.classroom.teacher import service as ts
from agora.classroom.teacher.views import StudentRow
from agora.content.missions import Mission
from agora.exam.models import AMENAGEMENTS


@dataclass
class AssignmentEditPage:
    classe: Classe
    assignment: Assignment
    mission: Mission
    students: list[StudentRow]
    corrections: dict[str, str]
    values: dict[str, Any]
    submitters: int  # students who already answered: the mission cannot be deleted then
    closed: bool  # its due date is past
    error: str | None = None  # of the conditions form
    action_error: str | None = None  # of closing or deleting
    penalites: tuple[int, ...] = PENALITES


def assignment_values(session: Session, assignment: Assignment) -> dict[str, Any]:
    """The form's fields as the assignment is now (due date in Paris time)."""
    due = assignment.due_at.astimezone(PARIS) if assignment.due_at else None
    targets = ts.targeted_students(session, assignment)
    return {
        "date": due.date().isoformat() if due else "",
        "heure": due.strftime("%H:%M") if due else "23:59",
        "attempts": str(assignment.attempts_allowed),
        "corrections": assignment.corrections,
        "meme_enonce": "oui" if assignment.meme_enonce else "",
        "penalite": str(assignment.penalite_essai),
        "pour": "eleves" if targets else "classe",
        "eleves": [str(i) for i in sorted(targets or ())],
    }


def assignment_edit_page(
    session: Session,
    classe: Classe,
    assignment: Assignment,
    now: datetime,
    values: dict[str, Any] | None = None,
    **messages: str | None,
) -> AssignmentEditPage:
    return AssignmentEditPage(
        classe,
        assignment,
        assignment_mission(session, assignment),
        [StudentRow(s, u) for s, u in ts.students_of(session, classe)],
        CORRECTIONS_LIBELLES,
        values if values is not None else assignment_values(session, assignment),
        edit.submitters(session, assignment),
        assignment.due_at is not None and assignment.due_at <= now,
        **messages,
    )


@dataclass
class ClasseEditPage:
    classe: Classe
    students: list[StudentRow]
    others: list[Classe]  # the teacher's other classes, where a student can be moved
    values: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    move_error: str | None = None
    archive_error: str | None = None
    amenagement_error: str | None = None
    amenagements: dict[str, str] = field(default_factory=lambda: dict(AMENAGEMENTS))


def classe_edit_page(
    session: Session, teacher: User, classe: Classe, values=None, **messages: str | None
) -> ClasseEditPage:
    others = [c for c in ts.classes_of(session, teacher) if c.id != classe.id]
    rows = [StudentRow(s, u) for s, u in ts.students_of(session, classe)]
    defaults = {"nom": classe.nom, "annee_scolaire": classe.annee_scolaire}
    for row in rows:  # each student's extra time at exams, as stored
        defaults[f"amenagement_{row.student.id}"] = row.student.amenagement
        defaults[f"minutes_{row.student.id}"] = str(row.student.minutes_en_plus or "")
    return ClasseEditPage(
        classe,
        rows,
        others,
        defaults | (values or {}),
        **messages,
    )


@dataclass
class ArchivesPage:
    classes: list[Classe]


def archives_page(session: Session, teacher: User) -> ArchivesPage:
    return ArchivesPage(edit.archived_classes(session, teacher.id))
