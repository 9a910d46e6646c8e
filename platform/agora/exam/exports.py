"""Results of an evaluation: the table (page, CSV, XLSX), a PDF corrected copy, the audit log."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlmodel import Session, col, select

from agora import spreadsheet
from agora.calendrier import PARIS
from agora.classroom.models import Classe, Student
from agora.documents.pdf import polices
from agora.exam import grading, views
from agora.exam.models import Exam, ExamAnswer, ExamCopy, ExamEvent, status_label
from agora.exercise.base import Grade
from agora.spreadsheet import Table


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
        return (sum(notes) / len(notes)).quantize(grading.CENT)


def results_table(session: Session, exam: Exam) -> ResultsTable:
    """Points per question, total, mark on 20 and competency scores of every copy."""
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
        points, weighted = [], []
        for index, q in enumerate(exam.questions):
            a = mine.get(index)
            points.append(grading.points_of(a.score, int(q["points"])) if graded and a else None)
            if graded and a and a.grade:
                weighted.append((int(q["points"]), Grade.from_json(a.grade).competences))
        competences = grading.competence_scores(weighted)
        codes.update(competences)
        total = copy.points if graded else None
        note = grading.note_sur_20(total, exam.total_points) if total is not None else None
        statut = "absent" if copy.statut == "a_faire" else status_label(copy, exam)
        rows.append(ResultRow(copy, nom, prenom, statut, points, total, note, competences))
    return ResultsTable(exam, session.get(Classe, exam.classe_id), rows, sorted(codes))


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
            *r.points,
            r.total,
            r.note,
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


def file_stem(exam: Exam) -> str:
    """A safe ASCII file name from the title."""
    text = unicodedata.normalize("NFKD", exam.titre).encode("ascii", "ignore").decode()
    return (re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "evaluation")[:60]


# ------------------------------------------------------------------------------ the PDF


def copy_pdf(session: Session, exam: Exam, copy: ExamCopy) -> bytes:
    """One student's corrected copy for the exam file: statement, answers, corrections."""
    from fpdf import FPDF

    student = session.get(Student, copy.student_id)
    page = views.correction_page(session, exam, copy, student)
    pdf = FPDF(format="A4")
    family = polices(pdf)
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    write = _Writer(pdf, family)
    write.title(exam.titre)
    write.line(f"Élève : {page.student_name} — copie {status_label(copy, exam)}")
    if copy.started_at:
        write.line(f"Commencée le {_when(copy.started_at)}, fin le {_when(copy.finished_at)}")
    if copy.graded_at is not None:
        write.line(
            f"Total : {_fr(page.points)} / {exam.total_points} — note : {_fr(page.note)} / 20"
        )
    for q in page.questions:
        write.heading(f"Question {q.position} — {q.titre} ({_fr(q.earned)} / {q.points} points)")
        write.text(_plain(q.enonce), size=8)
        write.subheading("Réponses de l'élève et correction")
        results = q.form.results
        for name in sorted(set(q.form.values) | set(results)):
            r = results.get(name)
            typed = q.form.values.get(name, "")
            if r is None:
                if typed:
                    write.text(f"{name} : « {typed} »", size=8)
                continue
            mark = "JUSTE" if r.correct else "FAUX"
            expected = f" — attendu : {r.attendu}" if r.attendu and not r.correct else ""
            write.text(f"[{mark}] {name} : « {typed} »{expected}. {r.message}", size=8)
        if q.rubrique:  # a written answer graded with the rubric
            write.subheading("Grille")
            for line in q.rubrique:
                remark = f" — {line['commentaire']}" if line.get("commentaire") else ""
                points = _fr(Decimal(line["points"]))
                write.text(f"{line['critere']} : {points} / {line['max']}{remark}", size=8)
            if q.commentaire:
                write.text(f"Commentaire : {q.commentaire}", size=8)
        if q.grade and q.grade.diagnostics:
            write.subheading("Diagnostics")
            for d in q.grade.diagnostics:
                write.text(f"- {d.message}", size=8)
    if page.competences:
        write.heading("Compétences")
        for code, libelle, score in page.competences:
            write.text(f"{code} {libelle} : {_fr(_percent(score))} %", size=8)
    return bytes(pdf.output())


class _Writer:
    """Small helpers over fpdf2 (text made safe for the latin-1 core font when needed)."""

    def __init__(self, pdf, family: str):
        self.pdf, self.family = pdf, family

    def _safe(self, text: str) -> str:
        if self.family == "DejaVu":
            return text
        return (
            text.replace("\u202f", " ")
            .replace("\u00a0", " ")
            .encode("latin-1", "replace")
            .decode("latin-1")
        )

    def _cell(self, text: str, size: float, style: str = "", gap: float = 1) -> None:
        self.pdf.set_font(self.family, style, size)
        self.pdf.multi_cell(0, size * 0.5, self._safe(text), new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(gap)

    def title(self, text: str) -> None:
        self._cell(text, 16, "B", 3)

    def heading(self, text: str) -> None:
        self.pdf.ln(2)
        self._cell(text, 12, "B", 2)

    def subheading(self, text: str) -> None:
        self._cell(text, 10, "B")

    def line(self, text: str) -> None:
        self._cell(text, 10)

    def text(self, text: str, size: float = 9) -> None:
        self._cell(text, size, gap=0.5)


def _plain(markdown_text: str) -> str:
    """Markdown as readable plain text (tables kept as lines)."""
    text = re.sub(r"[*_`#>]+", "", markdown_text)
    text = re.sub(r"^\s*\|?[-:| ]+\|?\s*$", "", text, flags=re.MULTILINE)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "—"
    return moment.astimezone(PARIS).strftime("%d/%m/%Y à %H h %M min %S s")


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
