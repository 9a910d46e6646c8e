"""The teacher's page of one student: every mission, every exam and every competency level
with the evidence behind it, and the teacher's positionnement beside the computed level.
Built from the services (no HTTP here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, select

from agora.account.models import User
from agora.authoring.catalog import assignment_mission
from agora.classroom import service
from agora.classroom.models import Assignment, Classe, Student
from agora.classroom.teacher import service as ts
from agora.competency.models import Positionnement
from agora.competency.positionnement import level_set, positionnements_of
from agora.competency.service import SCALE, EvidenceView, Level, levels_of, student_evidence
from agora.content.missions import Mission
from agora.exam import redaction
from agora.exam.grading import note_sur_20
from agora.exam.models import STATUTS_LIBELLES, Exam, ExamCopy
from agora.exam.service import answers_of


@dataclass
class MissionLine:
    assignment: Assignment
    mission: Mission
    result: ts.MissionResult
    tries: int  # every try of every step


@dataclass
class ExamLine:
    exam: Exam
    copy: ExamCopy
    statut: str
    note: Decimal | None  # on 20, once graded
    a_corriger: bool = False  # finished, but a written answer waits for the teacher

    @property
    def published(self) -> bool:
        return self.exam.published_at is not None


@dataclass
class CompetenceLine:
    code: str
    libelle: str
    level: Level  # what everyone sees: the positionnement when set, else the computed level
    computed: Level
    positionnement: Positionnement | None
    evidence: list[dict[str, Any]]

    @property
    def dom_id(self) -> str:
        return f"competence-{self.code.replace('.', '-')}"


@dataclass
class StudentPage:
    classe: Classe
    student: Student
    user: User
    missions: list[MissionLine]
    exams: list[ExamLine]
    poles: list[tuple[Any, list[CompetenceLine]]]
    scale: tuple[Level, ...] = SCALE
    error: str | None = None
    error_code: str | None = None  # the competency whose form was refused
    values: dict[str, str] = field(default_factory=dict)


def student_page(
    session: Session,
    classe: Classe,
    student: Student,
    error: str | None = None,
    error_code: str | None = None,
    values: dict[str, str] | None = None,
) -> StudentPage:
    """One student for their teacher: missions, exams, levels and their evidence."""
    missions = [
        _mission_line(session, student, a) for a in service.assignments_for(session, student)
    ]
    exams = _exam_lines(session, student)
    by_copy = {line.copy.id: line.exam for line in exams}
    return StudentPage(
        classe,
        student,
        session.get(User, student.user_id),
        missions,
        exams,
        _competence_lines(
            session, student, {m.assignment.id: m.mission for m in missions}, by_copy
        ),
        error=error,
        error_code=error_code,
        values=values or {},
    )


def _mission_line(session: Session, student: Student, assignment: Assignment) -> MissionLine:
    mission = assignment_mission(session, assignment)
    attempts = service.attempts_of(session, student, assignment)
    cells = [ts.StepCell(None) for _ in mission.etapes]
    for attempt in attempts:  # oldest first: the last one stays, with the count
        cell = cells[attempt.step_index]
        cell.attempt, cell.count = attempt, cell.count + 1
    result = ts.mission_result(mission, cells, assignment.penalite_essai)
    return MissionLine(assignment, mission, result, len(attempts))


def _exam_lines(session: Session, student: Student) -> list[ExamLine]:
    rows = session.exec(
        select(ExamCopy, Exam)
        .join(Exam, col(Exam.id) == ExamCopy.exam_id)
        .where(ExamCopy.student_id == student.id)
        .order_by(col(Exam.opens_at), col(Exam.id))
    ).all()
    return [_exam_line(session, copy, exam) for copy, exam in rows]


def _exam_line(session: Session, copy: ExamCopy, exam: Exam) -> ExamLine:
    """A copy's line; no mark while a written answer waits (its points would count it 0)."""
    waits = copy.points is not None and bool(
        redaction.waiting(exam, answers_of(session, copy.id).values())
    )
    note = None if copy.points is None or waits else note_sur_20(copy.points, exam.total_points)
    return ExamLine(exam, copy, STATUTS_LIBELLES.get(copy.statut, copy.statut), note, waits)


def _competence_lines(session, student, missions: dict[int, Mission], exams: dict[int, Exam]):
    from agora.referentiel import load_referentiel

    referentiel = load_referentiel()
    evidence = student_evidence(session, student)
    # Evidence from an assignment of a class the student left: named, not linked (its page
    # belongs to the former class).
    elsewhere = {e.assignment_id for items in evidence.values() for e in items} - set(missions)
    former = {
        a.id: assignment_mission(session, a)
        for a in session.exec(select(Assignment).where(col(Assignment.id).in_(elsewhere - {None})))
    }
    set_by_teacher = positionnements_of(session, [student.id])
    poles = []
    for pole in referentiel.poles:
        lines = []
        for competence in referentiel.competences:
            if competence.pole.code != pole.code:
                continue
            items = evidence.get(competence.code, [])
            positionnement = set_by_teacher.get((student.id, competence.code))
            lines.append(
                CompetenceLine(
                    competence.code,
                    competence.libelle,
                    levels_of(items, level_set(positionnement)),
                    levels_of(items),
                    positionnement,
                    [_evidence(e, missions, former, exams) for e in items],
                )
            )
        poles.append((pole, lines))
    return poles


def _evidence(e: EvidenceView, missions, former, exams: dict[int, Exam]) -> dict[str, Any]:
    """One piece of evidence as the teacher's page lists it (where it comes from, its weight)."""
    common = {"score": e.score, "at": e.at, "contexte": e.contexte, "poids": e.weight}
    if e.exam_titre is not None:
        exam = exams.get(e.copy_id)
        return common | {
            "evaluation": e.exam_titre,
            "question": e.question,
            "exam_id": exam.id if exam else None,
        }
    mission = missions.get(e.assignment_id) or former[e.assignment_id]
    return common | {
        "mission": mission.titre,
        "etape": mission.etape(e.step_index).titre,
        "assignment_id": e.assignment_id if e.assignment_id in missions else None,
        "step_index": e.step_index,
    }
