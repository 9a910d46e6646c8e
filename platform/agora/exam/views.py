"""Typed page contexts of the exam pages, built from the services (no HTTP here).

Student contexts before publication carry the raw answers and times only: no grade, no
score, no expected value ever reaches a student template before the teacher publishes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from sqlmodel import Session, col, select

from agora.account.models import User
from agora.calendrier import PARIS
from agora.classroom.models import Classe, Student
from agora.exam import grading, redaction, service
from agora.exam.models import FINIES, Exam, ExamAnswer, ExamCopy, ExamEvent, status_label
from agora.exam.remplissage import Remplissage, remplissage
from agora.exercise.base import Grade
from agora.exercise.forms import AnswerForm
from agora.exercise.registry import form_template
from agora.markdown_html import markdown


@dataclass
class QuestionLink:
    position: int  # 1-based, in the student's order
    titre: str
    points: int
    saved_at: datetime | None
    remplissage: Remplissage | None = None  # the fields shown and how many are filled

    @property
    def etat(self) -> str:
        """« complète », « partielle (3 champs sur 30) » or « sans réponse »: a question
        counts as answered only when every field the student sees holds a value."""
        r = self.remplissage
        if r is None or not self.saved_at or r.remplis == 0:
            return "sans réponse"
        if r.complete:
            return "complète"
        return f"partielle ({r.remplis} champ{'s' if r.remplis > 1 else ''} sur {r.champs})"


@dataclass
class CopyPage:
    """The copy's summary (student): timer, questions with their last save, hand-in form."""

    exam: Exam
    copy: ExamCopy
    state: service.CopyState
    questions: list[QuestionLink]
    statut_libelle: str
    published: bool
    note: Decimal | None = None  # only once published


@dataclass
class QuestionPage:
    """One question (student): statement, the kind's form with what was saved, no verdict."""

    exam: Exam
    copy: ExamCopy
    state: service.CopyState
    questions: list[QuestionLink]
    position: int
    titre: str
    points: int
    enonce: Markup  # rendered
    template: str
    params: dict[str, Any]
    niveau: int
    form: AnswerForm
    saved_at: datetime | None


@dataclass
class MyExam:
    exam: Exam
    copy: ExamCopy
    state: service.CopyState
    statut_libelle: str


@dataclass
class HomePage:
    """The code form, and the student's evaluations (started or published)."""

    exams: list[MyExam]
    message: str | None = None
    code: str = ""


def home_page(session: Session, student: Student, now: datetime) -> HomePage:
    rows = session.exec(
        select(ExamCopy, Exam)
        .join(Exam, col(Exam.id) == ExamCopy.exam_id)
        .where(ExamCopy.student_id == student.id, ExamCopy.statut != "a_faire")
        .order_by(col(Exam.opens_at).desc())
    ).all()
    items = []
    for copy, exam in rows:
        state = service.state_of(copy, now)
        items.append(MyExam(exam, copy, state, status_label(copy, exam, state.closed)))
    return HomePage(items)


def _order(exam: Exam, student: Student) -> list[int]:
    return grading.question_order(student.org_seed, exam.id, len(exam.questions), exam.melange)


def _links(
    exam: Exam, order: list[int], answers: dict[int, ExamAnswer], env: Environment
) -> list[QuestionLink]:
    links = []
    for position, index in enumerate(order, start=1):
        q = exam.questions[index]
        answer = answers.get(index)
        link = QuestionLink(position, q["titre"], int(q["points"]), None)
        # Never saved: « sans réponse » whatever its form shows, so its fields are not counted
        # (that renders the form twice and solves it: the page a class's start leads to).
        if answer is not None and answer.params is not None and answer.saved_at:
            link.saved_at = answer.saved_at
            link.remplissage = remplissage(
                env, _template(q), int(q["niveau"]), answer.params, answer.answer, q.get("kind")
            )
        links.append(link)
    return links


def _template(question: dict[str, Any]) -> str:
    return redaction.TEMPLATE if redaction.is_writing(question) else form_template(question["kind"])


def copy_page(
    session: Session, exam: Exam, copy: ExamCopy, student: Student, now, env: Environment
) -> CopyPage:
    answers = service.answers_of(session, copy.id)
    state = service.state_of(copy, now)
    published = exam.published_at is not None and state.closed
    note = None
    if published and copy.points is not None:
        note = grading.note_sur_20(copy.points, exam.total_points)
    return CopyPage(
        exam,
        copy,
        state,
        _links(exam, _order(exam, student), answers, env),
        status_label(copy, exam, state.closed),
        published,
        note,
    )


def question_index(exam: Exam, student: Student, position: int) -> int | None:
    """The question index shown at ``position`` (1-based) to this student, or None."""
    order = _order(exam, student)
    return order[position - 1] if 1 <= position <= len(order) else None


def question_page(
    session: Session,
    exam: Exam,
    copy: ExamCopy,
    student: Student,
    position: int,
    now,
    env: Environment,
) -> QuestionPage:
    order = _order(exam, student)
    index = order[position - 1]
    answers = service.answers_of(session, copy.id)
    answer = answers[index]  # created with the stored variant when the copy started
    state = service.state_of(copy, now)
    q = exam.questions[index]
    variant = service.stored_variant(exam, answer)
    form = AnswerForm.from_answer(answer.answer, disabled=state.closed)
    return QuestionPage(
        exam,
        copy,
        state,
        _links(exam, order, answers, env),
        position,
        q["titre"],
        int(q["points"]),
        # Rendered when drawn, by this platform's renderer (raw HTML never passes it).
        Markup(answer.enonce_html) if answer.enonce_html else markdown(variant.enonce),
        _template(q),
        variant.params,
        int(q["niveau"]),
        form,
        answer.saved_at,
    )


@dataclass
class CorrectedQuestion:
    position: int
    titre: str
    points: int
    earned: Decimal | None  # None: a written answer the teacher has not graded yet
    enonce: str
    template: str | None  # None: the copy never started, no variant was drawn
    params: dict[str, Any]
    niveau: int
    form: AnswerForm
    grade: Grade | None
    rubrique: list[dict[str, Any]] = field(default_factory=list)  # a graded written answer
    commentaire: str | None = None  # the teacher's general comment on it
    sujet: int = 0  # its number in the teacher's list (the copy's order may be shuffled)


NOT_STARTED = "Copie non commencée : aucun énoncé n'a été tiré pour cette question."


def _corrected(
    exam: Exam, position: int, index: int, answer: ExamAnswer | None, waiting: bool = False
):
    """One question of the corrected copy, from the variant stored when the copy started;
    ``waiting``: its written answer is not graded yet (no points to show)."""
    q = exam.questions[index]
    points = int(q["points"])
    if answer is None:  # an absent student's copy (the teacher's PDF)
        earned = grading.points_of(None, points)
        return CorrectedQuestion(
            position, q["titre"], points, earned, NOT_STARTED, None, {}, int(q["niveau"]),
            AnswerForm(disabled=True, id_prefix=f"q{position}-"), None, sujet=index + 1,
        )  # fmt: skip
    grade = Grade.from_json(answer.grade) if answer.grade else None
    variant = service.stored_variant(exam, answer)
    # every question of the copy on one page: each form's ids start with its number
    form = AnswerForm.from_answer(answer.answer, grade, disabled=True, id_prefix=f"q{position}-")
    writing = redaction.is_writing(q)
    return CorrectedQuestion(
        position, q["titre"], points, None if waiting else grading.points_of(answer.score, points),
        variant.enonce,
        redaction.TEMPLATE if writing else form_template(variant.kind), variant.params,
        variant.niveau, form, grade,
        (answer.grade or {}).get("rubrique", []) if writing else [],
        (answer.grade or {}).get("commentaire") if writing else None, sujet=index + 1,
    )  # fmt: skip


@dataclass
class CorrectionPage:
    """The corrected copy, once the teacher has published the results."""

    exam: Exam
    copy: ExamCopy
    student_name: str
    questions: list[CorrectedQuestion]
    points: Decimal | None  # None (and no mark) while a written answer waits for grading
    note: Decimal | None
    competences: list[tuple[str, str, Decimal]]


def correction_page(session: Session, exam: Exam, copy: ExamCopy, student: Student):
    from agora.referentiel import load_referentiel

    answers = service.answers_of(session, copy.id)
    waiting = redaction.waiting(exam, answers.values()) if copy.statut in FINIES else set()
    items, weighted = [], []
    for position, index in enumerate(_order(exam, student), start=1):
        item = _corrected(exam, position, index, answers.get(index), index in waiting)
        items.append(item)
        if item.grade:
            weighted.append((item.points, item.grade.competences))
    referentiel = load_referentiel()
    competences = [
        (code, referentiel.competence(code).libelle, score)
        for code, score in grading.competence_scores(weighted).items()
    ]
    user = session.get(User, student.user_id)
    points = None if waiting else copy.points or Decimal(0)
    return CorrectionPage(
        exam,
        copy,
        f"{user.prenom} {user.nom}",
        items,
        points,
        None if points is None else grading.note_sur_20(points, exam.total_points),
        competences,
    )


# ----------------------------------------------------------------------------- teacher


@dataclass
class MonitorRow:
    copy: ExamCopy
    nom: str
    prenom: str
    state: service.CopyState
    statut_libelle: str
    last_save: datetime | None
    saved_questions: int
    incidents: int  # IP or browser changes


@dataclass
class MonitorPage:
    exam: Exam
    classe: Classe
    rows: list[MonitorRow]
    now: datetime
    counts: dict[str, int] = field(default_factory=dict)


def people(session: Session, student_ids: list[int]) -> dict[int, tuple[str, str]]:
    """(nom, prénom) per student id."""
    rows = session.execute(
        select(Student.id, User.nom, User.prenom)
        .join(User, col(User.id) == Student.user_id)
        .where(col(Student.id).in_(student_ids))
    ).all()
    return {sid: (nom, prenom) for sid, nom, prenom in rows}


def copies_sorted(session: Session, exam: Exam) -> list[tuple[ExamCopy, str, str]]:
    copies = list(session.exec(select(ExamCopy).where(ExamCopy.exam_id == exam.id)))
    names = people(session, [c.student_id for c in copies])
    rows = [(c, *names.get(c.student_id, ("?", "?"))) for c in copies]
    return sorted(rows, key=lambda r: (r[1].lower(), r[2].lower()))


def monitor_page(session: Session, exam: Exam, now: datetime) -> MonitorPage:
    copies = copies_sorted(session, exam)
    copy_ids = [c.id for c, _, _ in copies]
    answers = session.exec(select(ExamAnswer).where(col(ExamAnswer.copy_id).in_(copy_ids)))
    last: dict[int, datetime] = {}
    saved: dict[int, int] = {}
    for a in answers:
        if a.saved_at:
            saved[a.copy_id] = saved.get(a.copy_id, 0) + 1
            last[a.copy_id] = max(last.get(a.copy_id, a.saved_at), a.saved_at)
    incidents: dict[int, int] = {}
    for (copy_id,) in session.execute(
        select(ExamEvent.copy_id).where(
            ExamEvent.exam_id == exam.id,
            col(ExamEvent.type).in_(("changement_ip", "changement_navigateur")),
        )
    ):
        incidents[copy_id] = incidents.get(copy_id, 0) + 1
    rows, counts = [], {}
    for c, nom, prenom in copies:
        state = service.state_of(c, now)
        closed = c.statut == "en_cours" and state.closed
        libelle = "temps écoulé" if closed else status_label(c, exam)
        if c.correction_erreur:
            libelle = f"{libelle} — {c.correction_erreur}"
        counts[c.statut] = counts.get(c.statut, 0) + 1
        rows.append(
            MonitorRow(
                c,
                nom,
                prenom,
                state,
                libelle,
                last.get(c.id),
                saved.get(c.id, 0),
                incidents.get(c.id, 0),
            )
        )
    return MonitorPage(exam, session.get(Classe, exam.classe_id), rows, now, counts)


def ungradable(session: Session, exam: Exam) -> list[tuple[str, str]]:
    """(nom, prénom) of the students whose copy could not be graded (« à vérifier »)."""
    copies = session.exec(
        select(ExamCopy).where(
            ExamCopy.exam_id == exam.id, col(ExamCopy.correction_erreur).is_not(None)
        )
    ).all()
    names = people(session, [c.student_id for c in copies])
    return sorted(names.get(c.student_id, ("?", "?")) for c in copies)


def heure(moment: datetime | None) -> str:
    """« 10 h 42 », Paris time, as a French reader writes a time of day."""
    if moment is None:
        return ""
    local = moment.astimezone(PARIS)
    return f"{local.hour} h {local.minute:02d}"


def heure_precise(moment: datetime | None) -> str:
    """« 10 h 42 min 13 s »: the audit log, where the second matters."""
    if moment is None:
        return ""
    local = moment.astimezone(PARIS)
    return f"{local.hour} h {local.minute:02d} min {local.second:02d} s"


def duree(seconds: int) -> str:
    """« 1 h 05 min 09 s » / « 12 min 30 s »."""
    hours, rest = divmod(max(0, int(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min {secs:02d} s"
    return f"{minutes} min {secs:02d} s"


def ctx(page: Any = None, **extra: Any) -> dict[str, Any]:
    """A page context (dataclass or dict) plus the time helpers every exam template uses."""
    values: dict[str, Any] = {}
    if page is not None:
        values = (
            dict(page)
            if isinstance(page, dict)
            else {name: getattr(page, name) for name in page.__dataclass_fields__}
        )
    return values | extra | {"heure": heure, "heure_precise": heure_precise, "duree": duree}


def exam_values(exam: Exam) -> dict[str, str]:
    """The creation form's fields filled from an evaluation (its edit page)."""

    def local(moment: datetime) -> str:
        return moment.astimezone(PARIS).strftime("%Y-%m-%dT%H:%M")

    values = {
        "titre": exam.titre,
        "classe_id": str(exam.classe_id),
        "opens_at": local(exam.opens_at),
        "closes_at": local(exam.closes_at),
        "duree_minutes": str(exam.duree_minutes),
        "melange": "on" if exam.melange else "",
        "source": "mission" if exam.mission_slug else "types",
        "mission": exam.mission_slug or "",
    }
    for i, q in enumerate(exam.questions):
        values |= {f"q{i}_kind": q["kind"], f"q{i}_niveau": str(q["niveau"])}
        values[f"q{i}_points"] = str(q["points"])
    return values
