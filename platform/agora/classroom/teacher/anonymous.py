"""Anonymous grading: a step's copies under numbers (« Copie 7 ») in a shuffled order.

The order is drawn once per assignment and step from a seed (the same every time the teacher
comes back), over the class's students, so a copy keeps its number whoever hands in when;
names are revealed once every copy of the assignment is graded.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from sqlmodel import Session

from agora.account.models import User
from agora.authoring.catalog import assignment_mission
from agora.classroom.models import Assignment, Classe, StepAttempt, Student
from agora.classroom.teacher import service as ts
from agora.content.missions import ProseStep


def shuffled_students(session: Session, assignment: Assignment, index: int) -> list[int]:
    """The class's student ids in the anonymous order of step ``index`` (Copie 1 first)."""
    classe = session.get(Classe, assignment.classe_id)
    ids = sorted(student.id for student, _ in ts.students_of(session, classe))
    random.Random(f"copies-anonymes:{assignment.id}:{index}").shuffle(ids)
    return ids


def copy_number(session: Session, attempt: StepAttempt) -> int:
    """The number under which the teacher grades this copy (1-based)."""
    assignment = session.get(Assignment, attempt.assignment_id)
    order = shuffled_students(session, assignment, attempt.step_index)
    if attempt.student_id not in order:  # moved to another class since: after the others
        return len(order) + 1
    return order.index(attempt.student_id) + 1


def anonymous_copies(session: Session, assignment: Assignment) -> list[StepAttempt]:
    """The latest written answer of each student, step by step, in the anonymous order."""
    mission = assignment_mission(session, assignment)
    cells = ts.latest_attempts(session, assignment)
    copies = []
    for index, step in enumerate(mission.etapes):
        if isinstance(step, ProseStep):
            for student_id in shuffled_students(session, assignment, index):
                cell = cells.get((student_id, index))
                if cell is not None and cell.attempt is not None:
                    copies.append(cell.attempt)
    return copies


def next_anonymous(session: Session, assignment: Assignment) -> StepAttempt | None:
    """The first copy waiting for grading in the anonymous order, or None."""
    return next(
        (a for a in anonymous_copies(session, assignment) if a.effective_score is None), None
    )


@dataclass
class RevealRow:
    numero: int
    step: ProseStep
    student: Student
    user: User
    points: Decimal | None


@dataclass
class RevealPage:
    classe: Classe
    assignment: Assignment
    mission_titre: str
    waiting: int  # copies still to grade: names stay hidden until 0
    rows: list[RevealRow]


def reveal_page(session: Session, classe: Classe, assignment: Assignment) -> RevealPage:
    """Who wrote which copy, once every copy is graded (before: how many remain)."""
    mission = assignment_mission(session, assignment)
    copies = anonymous_copies(session, assignment)
    waiting = sum(1 for a in copies if a.effective_score is None)
    rows = []
    if not waiting:
        for attempt in copies:
            step = mission.etape(attempt.step_index)
            student = session.get(Student, attempt.student_id)
            user = session.get(User, student.user_id)
            points = ts.points(attempt.effective_score, step.points)
            rows.append(RevealRow(copy_number(session, attempt), step, student, user, points))
    return RevealPage(classe, assignment, mission.titre, waiting, rows)
