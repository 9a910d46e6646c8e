"""Typed page contexts of the teacher pages about the students' work: a mission's progress
table, one student's attempts, grading a written answer, the queue to grade, the competency
heatmap of a class. Built from the services (no HTTP here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlmodel import Session

from agora.account.models import User
from agora.authoring.catalog import assignment_mission
from agora.classroom import service
from agora.classroom.models import CORRECTIONS_LIBELLES, Assignment, Classe, StepAttempt, Student
from agora.classroom.teacher import anonymous, comment_bank
from agora.classroom.teacher import grading as grading
from agora.classroom.teacher import service as ts
from agora.classroom.teacher.coverage import MissionRef, class_levels, missions_assessing
from agora.competency.service import LEVELS, NON_EVALUE, Level, level_for
from agora.content.missions import Mission, ProseStep, personalise
from agora.exercise.base import Grade
from agora.exercise.forms import AnswerForm
from agora.exercise.registry import form_template
from agora.exercise.variants import company_for
from agora.web.templating import number

# Short forms of the levels for the heatmap cells (with the full word in <abbr title>).
LEVEL_ABBR = {"non-evalue": "–", "en-cours": "…", "insuffisant": "I", "fragile": "F",
              "satisfaisant": "S", "tres-bon": "TB"}  # fmt: skip


# ----------------------------------------------------------------------------- progress


@dataclass
class CellView:
    """One student × step cell: points, a level-like class for colour, and text for all."""

    index: int
    cell: ts.StepCell
    step_points: int
    penalite: int = 0  # the assignment's penalty per extra try, in %

    @property
    def points(self) -> Decimal | None:
        attempt = self.cell.attempt
        return (
            ts.points(ts.cell_score(self.cell, self.penalite), self.step_points)
            if attempt
            else None
        )

    @property
    def css(self) -> str:
        attempt = self.cell.attempt
        if attempt is None:
            return "non-evalue"
        if self.cell.pending:
            return "a-corriger"
        return score_level(ts.cell_score(self.cell, self.penalite)).code

    @property
    def revised(self) -> bool:
        return self.cell.attempt is not None and self.cell.attempt.override_score is not None


def score_level(score: Decimal | None) -> Level:
    """The band a single score falls in (colours of the progress table)."""
    return level_for(score) if score is not None else NON_EVALUE


@dataclass
class ProgressRow:
    student: Student
    user: User
    cells: list[CellView]
    result: ts.MissionResult


@dataclass
class ProgressPage:
    classe: Classe
    assignment: Assignment
    mission: Mission
    rows: list[ProgressRow]
    to_grade: int
    restricted: bool
    corrections: str
    levels: tuple[Level, ...] = LEVELS


def progress_page(session: Session, classe: Classe, assignment: Assignment) -> ProgressPage:
    """Students × steps: the latest attempt's points of each step, total and mark on 20."""
    mission = assignment_mission(session, assignment)
    targets = ts.targeted_students(session, assignment)
    cells = ts.latest_attempts(session, assignment)
    rows = []
    for student, user in ts.students_of(session, classe):
        if targets is not None and student.id not in targets:
            continue
        views = [
            CellView(
                i,
                cells.get((student.id, i), ts.StepCell(None)),
                step.points,
                assignment.penalite_essai,
            )
            for i, step in enumerate(mission.etapes)
        ]
        result = ts.mission_result(mission, [v.cell for v in views], assignment.penalite_essai)
        rows.append(ProgressRow(student, user, views, result))
    return ProgressPage(
        classe,
        assignment,
        mission,
        rows,
        len(grading.ungraded_copies(session, assignment)),
        targets is not None,
        CORRECTIONS_LIBELLES[assignment.corrections],
    )


@dataclass
class AttemptView:
    """One attempt as the teacher reviews it: the form read-only with the grader's verdicts."""

    attempt: StepAttempt
    number: int
    latest: bool
    grade: Grade | None
    form: AnswerForm | None
    template: str | None
    params: dict[str, Any]
    points: Decimal | None
    grader_points: Decimal | None
    rubrique: list[dict[str, Any]]
    duration: timedelta | None = None  # from the step's first display or the previous try
    penalized: bool = False  # the points are less the penalty of this try's number

    @property
    def dom_id(self) -> str:
        return f"tentative-{self.attempt.id}"

    @property
    def duree(self) -> str:
        """How long the try took, as people say it: « 4 min 05 s », « 1 h 02 min »."""
        if self.duration is None:
            return "durée inconnue"
        seconds = int(self.duration.total_seconds())
        if seconds < 60:
            return f"{seconds} s"
        if seconds < 3600:
            return f"{seconds // 60} min {seconds % 60:02d} s"
        if seconds < 86400:
            return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
        return f"{seconds // 86400} j {seconds % 86400 // 3600} h"


@dataclass
class StepWork:
    index: int
    step: Any
    is_prose: bool
    enonce: str
    attempts: list[AttemptView]


@dataclass
class StudentWorkPage:
    classe: Classe
    assignment: Assignment
    mission: Mission
    student: Student
    user: User
    steps: list[StepWork]
    result: ts.MissionResult
    message: str | None = None  # why the teacher's mark was refused


def student_work_page(
    session: Session, classe: Classe, assignment: Assignment, student: Student, message=None
) -> StudentWorkPage:
    """Every attempt of one student on one mission, with raw answers and feedback."""
    mission = assignment_mission(session, assignment)
    company = company_for(student.org_seed)
    attempts = service.attempts_of(session, student, assignment)
    shown = service.first_displays(session, student, assignment)
    penalite = assignment.penalite_essai
    steps = []
    for index, step in enumerate(mission.etapes):
        mine = [a for a in attempts if a.step_index == index]
        starts = ([shown.get(index)] + [a.created_at for a in mine])[: len(mine)]
        views = [
            _attempt_view(a, n, n == len(mine), step, penalite, _duration(start, a.created_at))
            for n, (a, start) in enumerate(zip(mine, starts, strict=True), 1)
        ]
        if isinstance(step, ProseStep):
            enonce = personalise(step.consigne, company)
        else:
            enonce = service.next_variant(student, assignment, mission, index, mine).enonce
        steps.append(StepWork(index, step, isinstance(step, ProseStep), enonce, views))
    cells = [
        ts.StepCell(s.attempts[-1].attempt, len(s.attempts)) if s.attempts else ts.StepCell(None)
        for s in steps
    ]
    result = ts.mission_result(mission, cells, penalite)
    user = session.get(User, student.user_id)
    return StudentWorkPage(classe, assignment, mission, student, user, steps, result, message)


def _duration(start: datetime | None, end: datetime) -> timedelta | None:
    """From the step's first display (or the previous try) to this try; None when unknown (a
    try sent before displays were recorded)."""
    return end - start if start is not None and start <= end else None


def _attempt_view(
    attempt: StepAttempt, number: int, latest: bool, step, penalite: int = 0, duration=None
) -> AttemptView:
    score_points = ts.points(service.counted_score(attempt, number, penalite), step.points)
    grader = ts.points(attempt.score, step.points)
    penalized = bool(penalite) and number > 1 and attempt.override_score is None
    if attempt.kind == service.PROSE_KIND:
        rubrique = (attempt.grade or {}).get("rubrique", [])
        return AttemptView(
            attempt, number, latest, None, None, None, {}, score_points, grader, rubrique,
            duration, penalized,
        )  # fmt: skip
    variant = service.attempt_variant(attempt)
    grade = Grade.from_json(attempt.grade) if attempt.grade else None
    form = AnswerForm.from_answer(
        attempt.answer, grade, disabled=True, id_prefix=f"tentative-{attempt.id}-"
    )  # every try on one page: each form's ids start with its own
    return AttemptView(
        attempt, number, latest, grade, form, form_template(attempt.kind),
        variant.params, score_points, grader, [], duration, penalized,
    )  # fmt: skip


@dataclass
class GradingPage:
    classe: Classe
    assignment: Assignment
    mission: Mission
    attempt: StepAttempt
    student: Student
    user: User
    step: ProseStep
    consigne: str
    remaining: int  # other copies waiting after this one
    values: dict[str, Any]
    error: str | None = None

    total: Decimal | None = None  # of the points typed, when each is a number
    banque: dict[str, list[Any]] = field(default_factory=dict)  # critère ("" general) -> kept
    numero: int | None = None  # anonymous grading: « Copie 7 », the name hidden


def _typed_total(points: list[str]) -> Decimal | None:
    try:
        values = [Decimal(str(v).replace(",", ".").strip()) for v in points]
    except ArithmeticError:
        return None
    return sum(values, Decimal(0)) if values else None


def grading_page(
    session: Session, classe: Classe, attempt: StepAttempt, values=None, error=None, anonyme=False
) -> GradingPage:
    """A written answer next to the rubric: points and a comment per criterion, a general
    comment; ``anonyme``: the student named only by their copy's number."""
    assignment = session.get(Assignment, attempt.assignment_id)
    mission = assignment_mission(session, assignment)
    step = mission.etape(attempt.step_index)
    student = session.get(Student, attempt.student_id)
    waiting = [a for a in grading.ungraded_copies(session, assignment) if a.id != attempt.id]
    if values is None:
        lines = (attempt.grade or {}).get("rubrique", [])
        values = {
            "points": [line["points"].replace(".", ",") for line in lines] or [""] * len(step.rubrique),
            "commentaire": attempt.override_comment or "",
            "commentaires": [line.get("commentaire") or "" for line in lines],
            "garder": [],
        }  # fmt: skip
    return GradingPage(
        classe,
        assignment,
        mission,
        attempt,
        student,
        session.get(User, student.user_id),
        step,
        personalise(step.consigne, company_for(student.org_seed)),
        len(waiting),
        values,
        error,
        _typed_total(values["points"]),
        comment_bank.bank_for(session, classe.teacher_id, [c.critere for c in step.rubrique]),
        anonymous.copy_number(session, attempt) if anonyme else None,
    )


def saved_grade_message(session: Session, attempt: StepAttempt, anonyme: bool) -> str:
    """« Note de Léa Arnaud enregistrée : 4,5 / 8. », shown on the page that follows the
    grading; in anonymous grading the copy's number stands for the name."""
    mission = assignment_mission(session, session.get(Assignment, attempt.assignment_id))
    step = mission.etape(attempt.step_index)
    lines = (attempt.grade or {}).get("rubrique", [])
    total = sum((Decimal(line["points"]) for line in lines), Decimal(0))
    if anonyme:
        whose = f"la copie {anonymous.copy_number(session, attempt)}"
    else:
        user = session.get(User, session.get(Student, attempt.student_id).user_id)
        whose = f"{user.prenom} {user.nom}"
    return f"Note de {whose} enregistrée : {number(total)} / {step.points}."


@dataclass
class QueueRow:
    classe: Classe
    assignment: Assignment
    mission: Mission
    copies: int
    first: StepAttempt


@dataclass
class QueuePage:
    rows: list[QueueRow]


def queue_page(session: Session, teacher: User) -> QueuePage:
    """Every mission of the teacher's current classes with written answers waiting for
    grading (an archived class's copies stay on its own pages)."""
    rows = []
    for classe in ts.classes_of(session, teacher):
        if classe.archived_at is not None:
            continue
        for assignment in ts.assignments_of(session, classe):
            copies = grading.ungraded_copies(session, assignment)
            if copies:
                mission = assignment_mission(session, assignment)
                rows.append(QueueRow(classe, assignment, mission, len(copies), copies[0]))
    return QueuePage(rows)


# ----------------------------------------------------------------------------- coverage


@dataclass
class CoverageRow:
    student: Student
    user: User
    levels: list[Level]  # in the order of CoveragePage.competences

    @property
    def evaluated(self) -> int:
        return sum(1 for level in self.levels if level.rang)


@dataclass
class CoveragePage:
    classe: Classe
    poles: list[tuple[Any, list[Any]]]  # (pôle, its competencies)
    competences: list[Any]
    rows: list[CoverageRow]
    missions: dict[str, list[MissionRef]]
    counts: dict[str, dict[str, int]]  # code -> level code -> students
    levels: tuple[Level, ...] = LEVELS
    abbr: dict[str, str] = field(default_factory=lambda: LEVEL_ABBR)


def coverage_page(session: Session, classe: Classe) -> CoveragePage:
    """The class heatmap: students × the 37 competencies, grouped by pôle."""
    from agora.referentiel import load_referentiel

    referentiel = load_referentiel()
    poles = [
        (pole, [c for c in referentiel.competences if c.pole.code == pole.code])
        for pole in referentiel.poles
    ]
    competences = [c for _, group in poles for c in group]
    levels = class_levels(session, classe)
    rows = [
        CoverageRow(s, u, [levels[s.id][c.code] for c in competences])
        for s, u in ts.students_of(session, classe)
    ]
    counts = {
        c.code: {lv.code: sum(1 for r in rows if r.levels[i].code == lv.code) for lv in LEVELS}
        for i, c in enumerate(competences)
    }
    return CoveragePage(
        classe, poles, competences, rows, missions_assessing(session, classe), counts
    )
