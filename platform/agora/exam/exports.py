"""Results of an evaluation: the table (page, CSV, XLSX), a PDF corrected copy, the audit log."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from jinja2 import Environment
from sqlmodel import Session, col, select

from agora import pronote, spreadsheet
from agora.calendrier import PARIS
from agora.classroom.models import Classe, Student
from agora.documents import pdf
from agora.exam import grading, redaction, service, views
from agora.exam.models import (
    A_FAIRE,
    EN_COURS,
    Exam,
    ExamAnswer,
    ExamCopy,
    ExamEvent,
    status_label,
)
from agora.exercise.base import Grade
from agora.spreadsheet import Table

ABSENT = pronote.ABSENT  # the status and remark of a copy never started, once it is too late
NOT_STARTED = "pas encore commencée"  # the remark while the student may still start
RUNNING = "en cours"


@dataclass
class ResultRow:
    copy: ExamCopy
    nom: str
    prenom: str
    statut: str
    points: list[Decimal | None]  # per question, in the teacher's order
    total: Decimal | None
    note: Decimal | None
    competences: dict[str, Decimal]
    waiting: set[int] = field(default_factory=set)  # questions whose writing awaits grading
    remarque: str = ""  # why there is no mark (pronote.ABSENT, pronote.A_CORRIGER…)


@dataclass
class ResultsTable:
    exam: Exam
    classe: Classe
    rows: list[ResultRow]
    competence_codes: list[str] = field(default_factory=list)

    @property
    def moyenne(self) -> Decimal | None:
        notes = [r.note for r in self.rows if r.note is not None]
        if not notes:
            return None
        return (sum(notes) / len(notes)).quantize(grading.CENT, ROUND_HALF_UP)

    @property
    def writings_waiting(self) -> int:
        """Copies left without a mark (and out of the mean) while a writing waits for grading."""
        return sum(1 for r in self.rows if r.waiting)


def results_table(session: Session, exam: Exam, now: datetime) -> ResultsTable:
    """Points per question, total, mark on 20 and competency scores of every copy, at ``now``:
    a student who has not started is « absent » only once nobody may start any more (the
    window is over, or the teacher closed the evaluation: ``exam.closes_at``)."""
    over = now >= exam.closes_at
    copies = views.copies_sorted(session, exam)
    answers: dict[int, dict[int, ExamAnswer]] = {}
    for a in session.exec(
        select(ExamAnswer).where(col(ExamAnswer.copy_id).in_([c.id for c, _, _ in copies]))
    ):
        answers.setdefault(a.copy_id, {})[a.question] = a
    rows, codes = [], set()
    for copy, nom, prenom in copies:
        mine = answers.get(copy.id, {})
        graded = copy.graded_at is not None
        # A writing still to grade has no points yet, and the copy no total nor mark: its
        # points would count that answer 0 (a false mark in the grade book).
        waiting = redaction.waiting(exam, mine.values()) if graded else set()
        points, weighted = [], []
        for index, q in enumerate(exam.questions):
            a = mine.get(index)
            scored = graded and a is not None and index not in waiting
            points.append(grading.points_of(a.score, int(q["points"])) if scored else None)
            if scored and a.grade:
                weighted.append((int(q["points"]), Grade.from_json(a.grade).competences))
        competences = grading.competence_scores(weighted)
        codes.update(competences)
        total = copy.points if graded and not waiting else None
        if total is not None:  # stored to the ten-thousandth (agora.db.Score): shown to the cent
            total = total.quantize(grading.CENT, ROUND_HALF_UP)
        note = grading.note_sur_20(total, exam.total_points) if total is not None else None
        if copy.statut == A_FAIRE:
            statut = ABSENT if over else status_label(copy, exam)
        else:
            statut = status_label(copy, exam, service.is_closed(copy, now))
        remarque = _remarque(copy, statut, note, now)
        rows.append(
            ResultRow(
                copy, nom, prenom, statut, points, total, note, competences, waiting, remarque
            )
        )
    return ResultsTable(exam, session.get(Classe, exam.classe_id), rows, sorted(codes))


def _remarque(copy: ExamCopy, statut: str, note: Decimal | None, now: datetime) -> str:
    """Why a copy has no mark ("" when it has one): « absent » only once the evaluation is
    over for the student; before, « pas encore commencée » or « en cours »; a finished copy
    still to grade (a writing, or the automatic grading to come) is « à corriger »."""
    if note is not None:
        return ""
    if copy.statut == A_FAIRE:
        return pronote.ABSENT if statut == ABSENT else NOT_STARTED
    if copy.statut == EN_COURS and not service.is_closed(copy, now):
        return RUNNING
    return pronote.A_CORRIGER


def _fr(value: Decimal | None) -> str:
    return "" if value is None else str(value).replace(".", ",")


def _header(table: ResultsTable) -> list[str]:
    questions = [
        f"Q{i + 1} {q['titre']} (/{q['points']})" for i, q in enumerate(table.exam.questions)
    ]
    total = table.exam.total_points
    return [
        "Nom",
        "Prénom",
        "Statut",
        *questions,
        f"Total (/{total})",
        "Note /20",
        *[f"Compétence {c} (%)" for c in table.competence_codes],
    ]


def _percent(value: Decimal | None) -> Decimal | None:
    return None if value is None else (value * 100).quantize(Decimal("0.1"))


def sheet(table: ResultsTable) -> Table:
    """The results as a grid for agora.spreadsheet: names, status, points, mark, competencies."""
    rows = [
        [
            r.nom,
            r.prenom,
            r.statut,
            *[pronote.A_CORRIGER if i in r.waiting else p for i, p in enumerate(r.points)],
            r.total,
            r.note if r.note is not None else r.remarque,
            *[_percent(r.competences.get(c)) for c in table.competence_codes],
        ]
        for r in table.rows
    ]
    return Table("Résultats", _header(table), rows)


def to_csv(table: ResultsTable) -> bytes:
    """The results for French spreadsheet software (formula-looking names made harmless)."""
    return spreadsheet.to_csv(sheet(table))


def to_xlsx(table: ResultsTable) -> bytes:
    """The same table as an Excel workbook (numbers stay numbers, texts stay texts)."""
    return spreadsheet.to_xlsx(sheet(table))


def pronote_table(session: Session, table: ResultsTable) -> Table:
    """The marks on 20 for PRONOTE (agora.pronote): absent and ungraded copies left blank."""
    ids = [r.copy.student_id for r in table.rows]
    query = select(Student.id, Student.date_naissance).where(col(Student.id).in_(ids))
    births = {sid: born for sid, born in session.execute(query).all()}
    lignes = [
        pronote.Ligne(
            r.nom,
            r.prenom,
            births.get(r.copy.student_id),
            r.note,
            r.remarque,
        )
        for r in table.rows
    ]
    return pronote.table(table.exam.titre, lignes)


def file_stem(exam: Exam) -> str:
    """A safe ASCII file name from the title."""
    text = unicodedata.normalize("NFKD", exam.titre).encode("ascii", "ignore").decode()
    return (re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "evaluation")[:60]


# ------------------------------------------------------------------------------ the PDF


def copy_pdf(env: Environment, session: Session, exam: Exam, copy: ExamCopy) -> bytes:
    """One student's corrected copy for the exam file: the very block of the correction page
    the student sees (statement, answers as the form shows them, verdicts, mark / 20)."""
    student = session.get(Student, copy.student_id)
    page = views.correction_page(session, exam, copy, student)
    jour = (copy.graded_at or copy.finished_at or exam.closes_at).astimezone(PARIS).date()
    return pdf.render_pdf(
        env,
        "exam/correction.html",
        "copie",
        views.ctx(page),
        titre=f"{exam.titre} — copie corrigée de {page.student_name}",
        auteur="Agora Sim",
        jour=jour,
    )


# ----------------------------------------------------------------------------- audit log


@dataclass
class LogLine:
    nom: str
    prenom: str
    copy: ExamCopy
    saves: int
    first_save: datetime | None
    last_save: datetime | None
    events: list[ExamEvent]  # everything but the saves
    ips: list[str]


@dataclass
class JournalPage:
    exam: Exam
    lines: list[LogLine]
    exam_events: list[ExamEvent]


def journal(session: Session, exam: Exam) -> JournalPage:
    """The audit log per student: saves aggregated, every other event listed."""
    events: dict[int | None, list[ExamEvent]] = {}
    for e in session.exec(
        select(ExamEvent).where(ExamEvent.exam_id == exam.id).order_by(col(ExamEvent.at))
    ):
        events.setdefault(e.copy_id, []).append(e)
    lines = []
    for copy, nom, prenom in views.copies_sorted(session, exam):
        mine = events.get(copy.id, [])
        saves = [e.at for e in mine if e.type == "sauvegarde"]
        ips = sorted({e.ip for e in mine if e.ip})
        others = [e for e in mine if e.type != "sauvegarde"]
        lines.append(
            LogLine(
                nom,
                prenom,
                copy,
                len(saves),
                min(saves, default=None),
                max(saves, default=None),
                others,
                ips,
            )
        )
    return JournalPage(exam, lines, events.get(None, []))
