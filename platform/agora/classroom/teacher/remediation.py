"""One-click remediation: the students a diagnostic names get a short exercise of the kind.

The students are those of the class report's line (computed again here, never taken from the
form), the exercise is the kind's remediation mission at level 1 with the step's options
(agora.content.remediation), given to exactly them: the others do not see it.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from agora.authoring.catalog import assignment_mission
from agora.classroom.models import Assignment, Classe, Student
from agora.classroom.teacher import service as ts
from agora.classroom.teacher.report import DiagnosticLine, step_report
from agora.content.missions import ExerciseStep
from agora.content.remediation import remediation_slug
from agora.errors import InvalidInput

ATTEMPTS = 3
CORRECTIONS = "diagnostics"  # right or wrong and the method errors at each try
NOBODY = "Plus aucun élève ne montre cette erreur : aucune remédiation donnée."


def diagnostic_line(
    session: Session, classe: Classe, assignment: Assignment, index: int, code: str
) -> DiagnosticLine:
    """The report's line of ``code`` at this step; InvalidInput when no student shows it."""
    report = step_report(session, classe, assignment, index)
    for line in report.summary.diagnostics:
        if line.code == code:
            return line
    raise InvalidInput(NOBODY)


def assign_remediation(
    session: Session,
    classe: Classe,
    assignment: Assignment,
    index: int,
    code: str,
    now: datetime,
) -> tuple[Assignment, int]:
    """Give the remediation of step ``index`` to the students whose last graded try shows the
    diagnostic ``code``; (the new assignment, how many students)."""
    step = assignment_mission(session, assignment).etape(index)
    if not isinstance(step, ExerciseStep):
        raise InvalidInput("Une étape rédigée n'a pas de remédiation automatique.")
    line = diagnostic_line(session, classe, assignment, index, code)
    slug = remediation_slug(step.kind, step.options, line.code)
    return give(session, classe, slug, line, now)


def give(
    session: Session, classe: Classe, slug: str, line: DiagnosticLine, now: datetime
) -> tuple[Assignment, int]:
    """Give the remediation mission ``slug`` to the students of ``line`` who are in ``classe``;
    (the new assignment, how many students)."""
    ids = [c.student_id for c in line.students]
    students = list(
        session.exec(
            select(Student).where(col(Student.id).in_(ids), Student.classe_id == classe.id)
        )
    )
    if not students:  # no row restricting it would give it to the whole class
        raise InvalidInput("Ces élèves ne sont plus dans la classe : aucune remédiation donnée.")
    given = ts.assign_mission(
        session,
        classe,
        slug,
        due_at=None,
        attempts_allowed=ATTEMPTS,
        corrections=CORRECTIONS,
        students=students,
        now=now,
    )
    return given, len(students)
