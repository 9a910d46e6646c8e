"""Exam rules: create an evaluation, start a copy, save answers, hand in (closing and grading
are in agora.exam.closing).

Plain functions, session passed in. Concurrency rules (why the code looks the way it does):

* the deadline is stored at start; a copy is closed when its status is finished OR the server
  clock has reached the deadline (``is_closed``), so nothing depends on the student's browser;
* a save locks the copy row for share (PostgreSQL), writes the answer, then re-reads the copy
  inside the same transaction and compares the clock with the stored deadline: a late save is
  rolled back. On SQLite the first write takes the database write lock, so the re-read is
  authoritative too;
* closing is a conditional UPDATE … WHERE statut = 'en_cours' (one winner however many
  finalisers run); grading is idempotent (pure graders, raw answers stored).
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, col, select

from agora import TEMPLATES_DIR
from agora.authoring.catalog import usable_mission
from agora.calendrier import PARIS, date_heure
from agora.classroom.models import Classe, Student
from agora.content.missions import ExerciseStep, get_mission
from agora.db import BUSY, ServerBusy, write_lock
from agora.errors import DomainError, InvalidInput, UnknownCode
from agora.exam import grading, redaction
from agora.exam.models import (
    A_FAIRE,
    EN_COURS,
    FINIES,
    RENDUE,
    Exam,
    ExamAnswer,
    ExamCopy,
    ExamEvent,
)
from agora.exercise.answer_names import check_fields
from agora.exercise.base import Variant
from agora.exercise.forms import merge_fields
from agora.exercise.history import stored_columns
from agora.exercise.registry import KINDS, form_template, get_kind
from agora.exercise.variants import build_variant

# A readable access code: no 0/O, 1/l/I.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
MAX_QUESTIONS = 10


log = logging.getLogger("agora.exam")


class ExamClosed(DomainError):
    """The copy is closed (deadline reached, handed in, or evaluation closed): nothing changes.

    ``refusal`` holds the audit-log row of the refused write (see ``writing``).
    """

    def __init__(self, message: str, refusal: dict[str, Any] | None = None):
        super().__init__(message)
        self.refusal = refusal


class AlreadyHandedIn(ExamClosed):
    """The student already handed the copy in (a second click on « Rendre », a late save)."""


class ExamNotOpen(DomainError):
    """The evaluation's window has not started yet, or is over."""


Clock = Callable[[], datetime]


@contextlib.contextmanager
def writing(session: Session) -> Iterator[None]:
    """One write transaction under the write lock, committed or rolled back before its release.

    The one lock order of the platform: this process's write lock first, then the database's
    (SQLite's write lock is taken by the first write inside and released by the commit or
    rollback here, never held while waiting for the process lock). A refused write
    (ExamClosed) is rolled back and its refusal logged in its own short transaction, still
    inside the lock; a database that stays locked gives ServerBusy, nothing half-written.
    """
    with write_lock(session.get_bind()):
        try:
            yield
            session.commit()
        except ExamClosed as refused:
            session.rollback()
            _log_refusal(session, refused)
            raise
        except sa.exc.OperationalError as error:
            session.rollback()
            log.warning("Base occupée, écriture abandonnée : %s", error)
            raise ServerBusy(BUSY) from error
        except BaseException:
            session.rollback()
            raise


def _log_refusal(session: Session, refused: ExamClosed) -> None:
    if refused.refusal is None:
        return
    try:
        log_event(session, **refused.refusal)
        session.commit()
    except sa.exc.SQLAlchemyError:  # the student is still told; the server log keeps it
        session.rollback()
        log.exception("Refus non journalisé : %s", refused.refusal)


# ------------------------------------------------------------------------------ creation


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


def create_exam(
    session: Session,
    teacher_id: int,
    classe: Classe,
    *,
    titre: str,
    questions: list[dict[str, Any]],
    opens_at: datetime,
    closes_at: datetime,
    duree_minutes: int,
    melange: bool,
    mission_slug: str | None = None,
) -> Exam:
    """A new evaluation for ``classe``, with a code and one copy per student of the class."""
    exam = Exam(
        teacher_id=teacher_id,
        classe_id=classe.id,
        titre=_checked_window(titre, opens_at, closes_at, duree_minutes),
        mission_slug=mission_slug,
        questions=check_questions(questions),
        opens_at=opens_at,
        closes_at=closes_at,
        duree_minutes=duree_minutes,
        code=new_code(session),
        melange=melange,
    )
    session.add(exam)
    session.flush()
    ensure_copies(session, exam)
    return exam


def update_exam(
    session: Session,
    exam: Exam,
    now: datetime,
    *,
    titre: str,
    questions: list[dict[str, Any]],
    opens_at: datetime,
    closes_at: datetime,
    duree_minutes: int,
    melange: bool,
    mission_slug: str | None = None,
) -> None:
    """Change an evaluation until it opens: nobody has a variant or a deadline yet."""
    started = session.exec(
        select(ExamCopy.id).where(ExamCopy.exam_id == exam.id, ExamCopy.statut != A_FAIRE)
    ).first()
    if now >= exam.opens_at or started is not None:
        raise InvalidInput(
            "L'évaluation est ouverte : elle ne peut plus être modifiée. "
            "Depuis le suivi, vous pouvez ajouter du temps ou la clôturer."
        )
    exam.titre = _checked_window(titre, opens_at, closes_at, duree_minutes)
    exam.questions = check_questions(questions)
    exam.opens_at, exam.closes_at, exam.duree_minutes = opens_at, closes_at, duree_minutes
    exam.melange, exam.mission_slug = melange, mission_slug
    session.add(exam)
    session.flush()


def _checked_window(titre: str, opens_at: datetime, closes_at: datetime, duree: int) -> str:
    """The title to store; InvalidInput (French) for an empty title or an impossible window."""
    titre = titre.strip()
    if not titre:
        raise InvalidInput("Donnez un titre à l'évaluation.")
    if closes_at <= opens_at:
        raise InvalidInput("La fin de la période doit être après son début.")
    if not 1 <= duree <= 600:
        raise InvalidInput("La durée va de 1 à 600 minutes.")
    return titre[:200]


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


# ------------------------------------------------------------------------------- student


def exam_for_code(session: Session, student: Student, typed: str) -> Exam:
    """The evaluation of the student's class with this code (same message for any mismatch)."""
    exam = session.exec(select(Exam).where(Exam.code == normalise_code(typed))).first()
    if exam is None or exam.classe_id != student.classe_id:
        raise UnknownCode("Ce code ne correspond à aucune évaluation de votre classe.")
    return exam


def copy_of(session: Session, exam: Exam, student: Student) -> ExamCopy:
    """The student's copy (created for a student who joined the class after the exam)."""
    copy = session.exec(
        select(ExamCopy).where(ExamCopy.exam_id == exam.id, ExamCopy.student_id == student.id)
    ).first()
    if copy is None:
        copy = ExamCopy(exam_id=exam.id, student_id=student.id)
        session.add(copy)
        session.flush()
    return copy


def new_variant(exam: Exam, org_seed: int, index: int) -> Variant:
    """This student's variant of question ``index`` drawn by today's generators: only when the
    copy starts (then it is stored, see ``stored_variant``)."""
    q = exam.questions[index]
    seed = grading.question_seed(org_seed, exam.id, index)
    if redaction.is_writing(q):
        return redaction.variant(q, seed, org_seed)
    return build_variant(q["kind"], int(q["niveau"]), seed, org_seed)


def new_variants(exam: Exam, student: Student) -> list[Variant]:
    """The variants a copy starts with (cached: call it before the write lock to build them
    outside it)."""
    return [new_variant(exam, student.org_seed, index) for index in range(len(exam.questions))]


def stored_variant(exam: Exam, answer: ExamAnswer) -> Variant:
    """The variant stored with an answer when its copy started (the generators are not called)."""
    q = exam.questions[answer.question]
    if answer.params is None or answer.enonce is None:
        raise InvalidInput(f"Question {answer.question + 1} : variante non enregistrée.")
    return Variant(q["kind"], answer.variant_seed, int(q["niveau"]), answer.params, answer.enonce)


def start(
    session: Session, exam: Exam, student: Student, now: datetime, ip: str, ua: str
) -> ExamCopy:
    """Start (or go on with) the student's copy; the deadline is fixed here and stored, and so
    is each question's variant (call ``new_variants`` first to build them outside the lock)."""
    copy = copy_of(session, exam, student)
    if copy.statut != A_FAIRE:
        note_client(session, copy, ip, ua, now)
        return copy
    if now < exam.opens_at:
        raise ExamNotOpen(
            f"Cette évaluation n'est pas encore ouverte : elle ouvre le {date_heure(exam.opens_at)}."
            " Revenez à ce moment-là avec le même code."
        )
    if now >= exam.closes_at:
        raise ExamNotOpen("Cette évaluation est terminée : il n'est plus possible de commencer.")
    extra = grading.extra_minutes(copy.amenagement, copy.minutes_en_plus, exam.duree_minutes)
    deadline = grading.deadline_at(now, exam.duree_minutes, extra, exam.closes_at)
    won = session.execute(
        sa.update(ExamCopy)
        .where(col(ExamCopy.id) == copy.id, col(ExamCopy.statut) == A_FAIRE)
        .values(
            statut=EN_COURS, started_at=now, deadline=deadline, last_ip=ip, last_user_agent=ua[:300]
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    if not won:  # a double click starts once: the other request stored everything
        session.refresh(copy)
        return copy
    # Every answer row in one statement: the start of a class at the same second costs the
    # same few round-trips whatever the number of questions (a row per question before: the
    # burst start was the slowest request of an exam on PostgreSQL, bench/exam_load.py).
    session.execute(
        sa.insert(ExamAnswer).values(
            [
                {
                    "copy_id": copy.id,
                    "question": index,
                    "variant_seed": variant.seed,
                    "answer": {},
                    "saves": 0,
                    **_stored_columns(exam, index)(variant),
                }
                for index, variant in enumerate(new_variants(exam, student))
            ]
        )
    )
    log_event(
        session, exam.id, copy.id, "debut", f"fin prévue {heure_courte(deadline)}", now, ip, ua
    )
    # What the UPDATE wrote, as if read back (not marked dirty: nothing is written twice).
    started = {"statut": EN_COURS, "started_at": now, "deadline": deadline}
    for key, value in (started | {"last_ip": ip, "last_user_agent": ua[:300]}).items():
        set_committed_value(copy, key, value)
    return copy


def _stored_columns(exam: Exam, index: int) -> Callable[[Variant], dict[str, Any]]:
    return (
        redaction.stored_columns if redaction.is_writing(exam.questions[index]) else stored_columns
    )


def is_closed(copy: ExamCopy, now: datetime) -> bool:
    """Closed: handed in, collected, or the stored deadline has passed (whatever the browser)."""
    if copy.statut in FINIES:
        return True
    return copy.statut == EN_COURS and copy.deadline is not None and now >= copy.deadline


def _locked_state(session: Session, copy_id: int) -> tuple[str, datetime | None]:
    row = session.execute(
        select(ExamCopy.statut, ExamCopy.deadline)
        .where(col(ExamCopy.id) == copy_id)
        .with_for_update(read=True)
    ).one()
    return row[0], row[1]


def _refuse_if_closed(copy, statut, deadline, now, ip, ua, what: str) -> None:
    """A late or duplicate write changes nothing: ExamClosed, carrying the refusal to log.

    ``writing`` rolls the write back and logs the refusal (a service only flushes).
    """
    if statut == EN_COURS and deadline is not None and now < deadline:
        return
    why = "copie déjà rendue" if statut == RENDUE else "après la fermeture"
    refusal = {
        "exam_id": copy.exam_id,
        "copy_id": copy.id,
        "type_": "refus",
        "detail": f"{what} refusée : {why}",
        "now": now,
        "ip": ip,
        "ua": ua,
    }
    if statut == RENDUE:
        raise AlreadyHandedIn(
            "Votre copie est déjà rendue : cette réponse n'a pas été enregistrée.", refusal
        )
    raise ExamClosed(
        "L'heure limite est passée : cette réponse n'a pas été enregistrée. "
        "Votre copie a été relevée avec les réponses enregistrées avant l'heure limite.",
        refusal,
    )


def save_answer(
    session: Session,
    copy: ExamCopy,
    question: int,
    fields: dict[str, str],
    clock: Clock,
    ip: str,
    ua: str,
) -> datetime:
    """Write one question's fields into its stored answer; the server time (ExamClosed if late).

    Call inside ``writing`` (it rolls a refused save back and logs the refusal).
    """
    fields = _clean_fields(session, copy, question, fields)
    if session.get_bind().dialect.name == "postgresql":
        _locked_state(session, copy.id)  # lock order copy → answer, as the finaliser: no deadlock
    now = clock()
    this = (col(ExamAnswer.copy_id) == copy.id, col(ExamAnswer.question) == question)
    update = sa.update(ExamAnswer).where(*this).execution_options(synchronize_session=False)
    # The first write locks the row (SQLite: the database) and returns the stored answer, so
    # no other save slips in before the merged answer is written.
    counted = update.values(saved_at=now, saves=ExamAnswer.saves + 1)
    stored = session.execute(counted.returning(ExamAnswer.answer)).first()
    if stored is not None:
        session.execute(update.values(answer=merge_fields(stored[0], fields)))
    # Inside the transaction now (SQLite: we hold the write lock): the stored state decides.
    statut, deadline = _locked_state(session, copy.id)
    _refuse_if_closed(copy, statut, deadline, clock(), ip, ua, "sauvegarde")
    if stored is None:
        raise InvalidInput("Cette question n'existe pas dans votre évaluation.")
    log_event(session, copy.exam_id, copy.id, "sauvegarde", f"question {question + 1}", now, ip, ua)
    note_client(session, copy, ip, ua, now)
    return now


def _clean_fields(session: Session, copy: ExamCopy, question: int, fields: dict) -> dict[str, str]:
    """The fields to save, when every name is one of the question's kind (else InvalidInput,
    saying it was not saved): a stored name is graded and shown again after every restart."""
    questions = session.get(Exam, copy.exam_id).questions
    if not 0 <= question < len(questions):
        raise InvalidInput("Cette question n'existe pas dans votre évaluation.")
    if redaction.is_writing(questions[question]):
        return redaction.clean_fields(questions[question], fields)
    return check_fields(get_kind(questions[question]["kind"]).ANSWER_SCHEMA, fields)


def submit(session: Session, copy: ExamCopy, clock: Clock, ip: str, ua: str) -> None:
    """The student hands in: the copy is closed now (graded right after); call inside ``writing``."""
    _locked_state(session, copy.id)
    now = clock()
    won = session.execute(
        sa.update(ExamCopy)
        .where(col(ExamCopy.id) == copy.id, col(ExamCopy.statut) == EN_COURS)
        .values(statut=RENDUE, finished_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    statut, deadline = _locked_state(session, copy.id)
    if not won:
        _refuse_if_closed(copy, statut, deadline, now, ip, ua, "remise")
    _refuse_if_closed(copy, EN_COURS, deadline, clock(), ip, ua, "remise")
    log_event(session, copy.exam_id, copy.id, "remise", "copie rendue par l'élève", now, ip, ua)


def note_client(session: Session, copy: ExamCopy, ip: str, ua: str, now: datetime) -> None:
    """Log a change of IP address or browser during the exam (shown to the teacher)."""
    ua = ua[:300]
    changes = {}
    if copy.last_ip and ip and ip != copy.last_ip:
        log_event(
            session, copy.exam_id, copy.id, "changement_ip", f"{copy.last_ip} → {ip}", now, ip, ua
        )
        changes["last_ip"] = ip
    if copy.last_user_agent and ua and ua != copy.last_user_agent:
        log_event(session, copy.exam_id, copy.id, "changement_navigateur", "", now, ip, ua)
        changes["last_user_agent"] = ua
    if changes:
        session.execute(
            sa.update(ExamCopy)
            .where(col(ExamCopy.id) == copy.id)
            .values(**changes)
            .execution_options(synchronize_session=False)
        )
        for key, value in changes.items():
            setattr(copy, key, value)


def answers_of(session: Session, copy_id: int) -> dict[int, ExamAnswer]:
    """The copy's answers by question index."""
    rows = session.exec(select(ExamAnswer).where(ExamAnswer.copy_id == copy_id))
    return {a.question: a for a in rows}


def log_event(session, exam_id, copy_id, type_, detail, now, ip=None, ua=None) -> None:
    # A Core insert: one row per save is written on the hot path, the ORM unit of work is not
    # needed for rows nobody reads back in this transaction.
    session.execute(
        sa.insert(ExamEvent).values(
            exam_id=exam_id,
            copy_id=copy_id,
            type=type_,
            detail=detail[:500],
            at=now,
            ip=ip,
            user_agent=(ua or None) and ua[:300],
        )
    )


def heure_courte(moment: datetime) -> str:
    """« 10 h 42 min 13 s », Paris time (for the audit log)."""
    return moment.astimezone(PARIS).strftime("%H h %M min %S s")


@dataclass(frozen=True)
class CopyState:
    """What the pages say about a copy at ``now`` (closed is computed, never stored alone)."""

    copy: ExamCopy
    closed: bool
    remaining_seconds: int


def state_of(copy: ExamCopy, now: datetime) -> CopyState:
    closed = is_closed(copy, now)
    remaining = 0
    if not closed and copy.deadline is not None:
        remaining = max(0, int((copy.deadline - now).total_seconds()))
    return CopyState(copy, closed, remaining)
