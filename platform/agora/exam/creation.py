"""Create and change an evaluation: its questions (exercise kinds or a mission's steps), its
window, its access code, one copy per student of the class (the copies are taken in
agora.exam.service)."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any, NotRequired, TypedDict, Unpack

import sqlalchemy as sa
from sqlmodel import Session, col, select

from agora import TEMPLATES_DIR
from agora.authoring.catalog import usable_mission
from agora.calendrier import date_heure
from agora.classroom.models import Classe, Student
from agora.content.missions import ExerciseStep, get_mission
from agora.errors import InvalidInput
from agora.exam import redaction
from agora.exam.models import A_FAIRE, Exam, ExamAnswer, ExamCopy
from agora.exercise.registry import KINDS, form_template

# A readable access code: no 0/O, 1/l/I.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
MAX_QUESTIONS = 10


def available_kinds() -> list[tuple[str, str]]:
    """(name, title) of the kinds that have an answer form the exam page can show."""
    return [
        (kind.NAME, kind.TITRE)
        for kind in KINDS.values()
        if (TEMPLATES_DIR / form_template(kind.NAME)).exists()
    ]


def questions_from_mission(
    slug: str, session: Session | None = None, teacher_id: int | None = None
) -> list[dict[str, Any]]:
    """The steps of a mission as questions (writing steps graded by the teacher: exam.writing).

    With the session and teacher: the teacher's own missions too (agora.authoring)."""
    mission = get_mission(slug) if session is None else usable_mission(session, teacher_id, slug)
    kinds = dict(available_kinds())
    return [
        {"kind": s.kind, "niveau": s.niveau, "points": s.points, "titre": s.titre}
        if isinstance(s, ExerciseStep)
        else redaction.question_of_step(slug, i, s)
        for i, s in enumerate(mission.etapes)
        if not isinstance(s, ExerciseStep) or s.kind in kinds
    ]


def check_questions(questions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Validated questions (kind with a form, level 1-3, points 1-100); InvalidInput if not."""
    kinds = dict(available_kinds())
    if not questions:
        raise InvalidInput("Choisissez au moins une question.")
    if len(questions) > MAX_QUESTIONS:
        raise InvalidInput(f"Une évaluation compte au plus {MAX_QUESTIONS} questions.")
    checked = []
    for number, q in enumerate(questions, start=1):
        if redaction.is_writing(q):
            checked.append(redaction.check_question(q, number))
            continue
        if q.get("kind") not in kinds:
            raise InvalidInput(f"Question {number} : type d'exercice inconnu.")
        niveau, points = int(q.get("niveau", 0)), int(q.get("points", 0))
        if niveau not in (1, 2, 3):
            raise InvalidInput(f"Question {number} : le niveau va de 1 à 3.")
        if not 1 <= points <= 100:
            raise InvalidInput(f"Question {number} : les points vont de 1 à 100.")
        titre = str(q.get("titre") or kinds[q["kind"]])[:120]
        checked.append({"kind": q["kind"], "niveau": niveau, "points": points, "titre": titre})
    return checked


def new_code(session: Session) -> str:
    """A fresh access code nobody else uses."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if session.exec(select(Exam.id).where(Exam.code == code)).first() is None:
            return code


def normalise_code(typed: str) -> str:
    """What the student typed, as stored: capitals, no spaces or dashes."""
    return "".join(ch for ch in typed.upper() if ch.isalnum())[:12]


class ExamSettings(TypedDict):
    """What the teacher sets on the evaluation's form, at its creation and until it opens."""

    titre: str
    questions: list[dict[str, Any]]
    opens_at: datetime
    closes_at: datetime
    duree_minutes: int
    melange: bool
    mission_slug: NotRequired[str | None]


def create_exam(
    session: Session,
    teacher_id: int,
    classe: Classe,
    now: datetime | None = None,
    **settings: Unpack[ExamSettings],
) -> Exam:
    """A new evaluation for ``classe``, with a code and one copy per student of the class
    (commit, then tirage.draw_ahead draws their variants). ``now``: the clock of a teacher's
    request, which refuses a window already closed; without it (the demo, set-ups of tests) an
    evaluation may be made in the past."""
    exam = Exam(teacher_id=teacher_id, classe_id=classe.id, code=new_code(session))
    _set(exam, settings, now)
    session.add(exam)
    session.flush()
    ensure_copies(session, exam)
    return exam


def update_exam(
    session: Session, exam: Exam, now: datetime, **settings: Unpack[ExamSettings]
) -> None:
    """Change an evaluation until it opens: nobody has started, so nobody has a deadline yet,
    and variants drawn ahead for other questions are dropped (call tirage.draw_ahead after)."""
    started = session.exec(
        select(ExamCopy.id).where(ExamCopy.exam_id == exam.id, ExamCopy.statut != A_FAIRE)
    ).first()
    if now >= exam.opens_at or started is not None:
        raise InvalidInput(
            "L'évaluation est ouverte : elle ne peut plus être modifiée. "
            "Depuis le suivi, vous pouvez ajouter du temps ou la clôturer."
        )
    redraw = _set(exam, settings, now)
    session.add(exam)
    session.flush()  # the evaluation's row first: a draw ahead under way waits, then stops
    if redraw:  # the variants drawn ahead were the old questions' (drawn again: tirage)
        copies = select(ExamCopy.id).where(ExamCopy.exam_id == exam.id)
        session.execute(sa.delete(ExamAnswer).where(col(ExamAnswer.copy_id).in_(copies)))


def _set(exam: Exam, settings: ExamSettings, now: datetime | None) -> bool:
    """Store the settings, checked (InvalidInput in French, before anything is changed: an
    empty title, an impossible window (closed already when ``now`` is given: it could then be
    neither changed nor deleted), a duration no student could get inside the window, then the
    questions); whether the questions changed."""
    titre = settings["titre"].strip()
    opens_at, closes_at = settings["opens_at"], settings["closes_at"]
    duree = settings["duree_minutes"]
    if not titre:
        raise InvalidInput("Donnez un titre à l'évaluation.")
    if closes_at <= opens_at:
        raise InvalidInput("La fin de la période doit être après son début.")
    if now is not None and closes_at <= now:
        raise InvalidInput(
            f"La fermeture est déjà passée : {date_heure(closes_at)}. Choisissez une "
            "fermeture à venir (une évaluation close ne peut plus être modifiée)."
        )
    if not 1 <= duree <= 600:
        raise InvalidInput("La durée va de 1 à 600 minutes.")
    window = int((closes_at - opens_at).total_seconds() // 60)
    if duree > window:
        raise InvalidInput(
            f"La durée ({duree} min) est plus longue que la période entre l'ouverture et la "
            f"fermeture ({window} min) : aucun élève n'aurait tout son temps. Raccourcissez "
            "la durée ou reculez la fermeture."
        )
    questions = check_questions(settings["questions"])
    changed = questions != exam.questions
    exam.titre, exam.questions, exam.melange = titre[:200], questions, settings["melange"]
    exam.opens_at, exam.closes_at = opens_at, closes_at
    exam.duree_minutes = duree
    exam.mission_slug = settings.get("mission_slug")
    return changed


def ensure_copies(session: Session, exam: Exam) -> None:
    """One copy per student of the class (students who joined since the exam was created too)."""
    students = session.exec(select(Student).where(Student.classe_id == exam.classe_id)).all()
    have = set(session.exec(select(ExamCopy.student_id).where(ExamCopy.exam_id == exam.id)))
    for s in students:
        if s.id not in have:  # the student's own extra time (PAP/PAI) comes with the copy
            copy = ExamCopy(exam_id=exam.id, student_id=s.id, amenagement=s.amenagement)
            copy.minutes_en_plus = s.minutes_en_plus
            session.add(copy)
    session.flush()
