"""Exam rules: start a copy, save answers, hand in (creating an evaluation is in
agora.exam.creation, closing and grading in agora.exam.closing).

Plain functions, session passed in. Concurrency rules (why the code looks the way it does):

* the deadline is stored at start; a copy is closed when its status is finished OR the server
  clock has reached the deadline (``is_closed``), so nothing depends on the student's browser;
* a save locks the copy row for share (PostgreSQL: its state cannot change until the commit),
  writes the answer, then compares the clock with the stored deadline: a late save is rolled
  back. On SQLite the first write takes the database write lock, then the copy is re-read:
  authoritative too;
* closing is a conditional UPDATE … WHERE statut = 'en_cours' (one winner however many
  finalisers run); grading is idempotent (pure graders, raw answers stored).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, col, select

from agora.calendrier import PARIS, date_heure
from agora.classroom.models import Student
from agora.db import BUSY, ServerBusy, write_lock
from agora.errors import DomainError, InvalidInput, UnknownCode
from agora.exam import grading, redaction
from agora.exam.creation import normalise_code
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
from agora.exercise.registry import get_kind
from agora.exercise.variants import build_variant
from agora.markdown_html import markdown

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


# ------------------------------------------------------------------------------- student


def exam_for_code(
    session: Session, student: Student, typed: str
) -> tuple[Exam, ExamCopy | None, bool]:
    """The evaluation of the student's class with this code (same message for any mismatch),
    the student's copy of it when it exists and whether that copy's answers are stored
    (drawn ahead, agora.exam.tirage, or started), all read in one statement (``start``)."""
    drawn = sa.exists().where(col(ExamAnswer.copy_id) == col(ExamCopy.id))
    row = session.exec(
        select(Exam, ExamCopy, drawn)
        .outerjoin(
            ExamCopy,
            sa.and_(col(ExamCopy.exam_id) == Exam.id, col(ExamCopy.student_id) == student.id),
        )
        .where(Exam.code == normalise_code(typed))
    ).first()
    if row is None or row[0].classe_id != student.classe_id:
        raise UnknownCode("Ce code ne correspond à aucune évaluation de votre classe.")
    return row[0], row[1], bool(row[2])


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
    """This student's variant of question ``index`` drawn by today's generators: only before
    the copy starts (drawn ahead, or at start for a copy that has none), then it is stored
    (see ``stored_variant``)."""
    q = exam.questions[index]
    seed = grading.question_seed(org_seed, exam.id, index)
    if redaction.is_writing(q):
        return redaction.variant(q, seed, org_seed)
    return build_variant(q["kind"], int(q["niveau"]), seed, org_seed)


def new_variants(exam: Exam, student: Student) -> list[Variant]:
    """The variants a copy starts with (cached: call it before the write lock to build them
    outside it)."""
    return [new_variant(exam, student.org_seed, index) for index in range(len(exam.questions))]


def answer_rows(exam: Exam, copy_id: int, org_seed: int) -> list[dict[str, Any]]:
    """The copy's answer rows, empty, each with its question's variant stored whole and its
    statement rendered (drawn ahead, a class's first pages render no Markdown)."""
    rows = []
    for index in range(len(exam.questions)):
        variant = new_variant(exam, org_seed, index)
        rows.append(
            {"copy_id": copy_id, "question": index, "variant_seed": variant.seed, "answer": {}}
            | {"saves": 0, "enonce_html": str(markdown(variant.enonce))}
            | _stored_columns(exam, index)(variant)
        )
    return rows


def has_answers(session: Session, copy_id: int) -> bool:
    """The copy's answer rows exist (drawn ahead or at its start)."""
    found = session.execute(select(ExamAnswer.id).where(ExamAnswer.copy_id == copy_id).limit(1))
    return found.first() is not None


def stored_variant(exam: Exam, answer: ExamAnswer) -> Variant:
    """The variant stored with an answer when its copy started (the generators are not called)."""
    q = exam.questions[answer.question]
    if answer.params is None or answer.enonce is None:
        raise InvalidInput(f"Question {answer.question + 1} : variante non enregistrée.")
    return Variant(q["kind"], answer.variant_seed, int(q["niveau"]), answer.params, answer.enonce)


def start(
    session: Session,
    exam: Exam,
    student: Student,
    now: datetime,
    ip: str,
    ua: str,
    copy: ExamCopy | None = None,
    drawn: bool = False,
) -> ExamCopy:
    """Start (or go on with) the student's copy (``copy``, else read or created here); the
    deadline is fixed here and stored.

    The copy's answer rows, each with its variant, are normally drawn ahead
    (agora.exam.tirage): ``drawn`` says ``exam_for_code`` found them, and the start only claims
    the copy. Else they are drawn here (call ``new_variants`` first to build them outside the
    lock)."""
    copy = copy or copy_of(session, exam, student)
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
    won = _claim(session, copy.id, now, deadline, ip, ua, drawn)
    if not won and drawn:  # the rows drawn ahead went meanwhile (the questions changed)
        won, drawn = _claim(session, copy.id, now, deadline, ip, ua, False), False
    if not won:  # a double click starts once: the other request stored everything
        session.refresh(copy)
        return copy
    # The claim above locks the copy (PostgreSQL) or holds the write lock (SQLite): a draw
    # ahead running meanwhile skips it, so the rows are checked once more before drawing here
    # (a student who joined the class after the evaluation was created, a copy of an older
    # version). Every row in one statement, whatever the number of questions.
    if not drawn and not has_answers(session, copy.id):
        session.execute(sa.insert(ExamAnswer).values(answer_rows(exam, copy.id, student.org_seed)))
    log_event(
        session, exam.id, copy.id, "debut", f"fin prévue {heure_courte(deadline)}", now, ip, ua
    )
    # What the UPDATE wrote, as if read back (not marked dirty: nothing is written twice).
    started = {"statut": EN_COURS, "started_at": now, "deadline": deadline}
    for key, value in (started | {"last_ip": ip, "last_user_agent": ua[:300]}).items():
        set_committed_value(copy, key, value)
    return copy


def _claim(session, copy_id, now, deadline, ip, ua, drawn: bool) -> bool:
    """Mark the copy started, if it is still to do (and, ``drawn``, its rows still stored)."""
    values = {"copie": copy_id, "debut": now, "fin": deadline, "adresse": ip}
    claimed = session.execute(_CLAIM_DRAWN if drawn else _CLAIM, values | {"navigateur": ua[:300]})
    return bool(claimed.rowcount)


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
    row = session.execute(_LOCKED_STATE, {"copie": copy_id}).one()
    return row[0], row[1]


# Built once, as the autosave's other statements (below): SQLite reads it at every save.
_LOCKED_STATE = (
    select(ExamCopy.statut, ExamCopy.deadline)
    .where(col(ExamCopy.id) == sa.bindparam("copie"))
    .with_for_update(read=True)
)


def _refuse_if_closed(session, copy, statut, deadline, now, ip, ua, what: str) -> None:
    """A late or duplicate write changes nothing: ExamClosed, carrying the refusal to log.

    ``writing`` rolls the write back and logs the refusal (a service only flushes). The
    message says why: handed in, closed early by the teacher, or the time limit.
    """
    if statut == EN_COURS and deadline is not None and now < deadline:
        return
    early = statut != RENDUE and closed_by_teacher(session, copy.exam_id, deadline)
    why = (
        "copie déjà rendue"
        if statut == RENDUE
        else "après la clôture par l'enseignant"
        if early
        else "après la fermeture"
    )
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
    if early:
        raise ExamClosed(
            "L'évaluation a été clôturée par votre enseignant : cette réponse n'a pas été "
            "enregistrée. Votre copie a été relevée avec les réponses déjà enregistrées.",
            refusal,
        )
    raise ExamClosed(
        "L'heure limite est passée : cette réponse n'a pas été enregistrée. "
        "Votre copie a été relevée avec les réponses enregistrées avant l'heure limite.",
        refusal,
    )


def closed_by_teacher(session: Session, exam_id: int, deadline: datetime | None) -> bool:
    """True when a copy with this ``deadline`` was cut short by « Clôturer maintenant »:
    close_early set the deadline of every copy still running to the closing time (the rule
    of models.status_label). A copy reopened since has another deadline."""
    if deadline is None:
        return False
    closed_at = session.execute(
        select(Exam.closed_early_at).where(col(Exam.id) == exam_id)
    ).scalar_one_or_none()
    return closed_at is not None and closed_at == deadline


def save_answer(
    session: Session,
    copy: ExamCopy,
    question: int,
    fields: dict[str, str],
    clock: Clock,
    ip: str,
    ua: str,
    copy_locked: bool = False,
) -> datetime:
    """Write one question's fields into its stored answer; the server time (ExamClosed if late).

    Call inside ``writing`` (it rolls a refused save back and logs the refusal).
    ``copy_locked``: ``copy`` was read FOR SHARE in this transaction (access.student_copy),
    so on PostgreSQL its statut and deadline are the stored ones until the commit.
    """
    fields = _clean_fields(session, copy, question, fields)
    locked = _locked_on_postgresql(session, copy, copy_locked)
    now = clock()
    this = {"copie": copy.id, "question_": question}
    # The first write locks the row (SQLite: the database) and returns the stored answer, so
    # no other save slips in before the merged answer is written.
    stored = session.execute(_COUNT_SAVE, this | {"now": now}).first()
    if stored is not None:
        session.execute(_WRITE_ANSWER, this | {"merged": merge_fields(stored[0], fields)})
    # Inside the transaction now (SQLite: we hold the write lock): the stored state decides.
    statut, deadline = locked or _locked_state(session, copy.id)
    _refuse_if_closed(session, copy, statut, deadline, clock(), ip, ua, "sauvegarde")
    if stored is None:
        raise InvalidInput("Cette question n'existe pas dans votre évaluation.")
    log_event(session, copy.exam_id, copy.id, "sauvegarde", f"question {question + 1}", now, ip, ua)
    note_client(session, copy, ip, ua, now)
    return now


def _locked_on_postgresql(
    session: Session, copy: ExamCopy, copy_locked: bool
) -> tuple[str, datetime | None] | None:
    """PostgreSQL: the copy's (statut, deadline) under a FOR SHARE lock held to the commit
    (read now unless ``copy_locked``): nothing changes them meanwhile, so they decide after
    the write too. SQLite (None): the state is read after the first write, which takes the
    database's write lock."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    if copy_locked:
        return copy.statut, copy.deadline
    return _locked_state(session, copy.id)  # lock order copy → answer, as the finaliser


def _clean_fields(session: Session, copy: ExamCopy, question: int, fields: dict) -> dict[str, str]:
    """The fields to save, when every name is one of the question's kind (else InvalidInput,
    saying it was not saved): a stored name is graded and shown again after every restart."""
    questions = session.get(Exam, copy.exam_id).questions
    if not 0 <= question < len(questions):
        raise InvalidInput("Cette question n'existe pas dans votre évaluation.")
    if redaction.is_writing(questions[question]):
        return redaction.clean_fields(questions[question], fields)
    return check_fields(get_kind(questions[question]["kind"]).ANSWER_SCHEMA, fields)


def submit(
    session: Session, copy: ExamCopy, clock: Clock, ip: str, ua: str, copy_locked: bool = False
) -> None:
    """The student hands in: the copy is closed now (graded right after); call inside ``writing``
    (``copy_locked`` as for ``save_answer``)."""
    locked = _locked_on_postgresql(session, copy, copy_locked)
    now = clock()
    won = session.execute(
        sa.update(ExamCopy)
        .where(col(ExamCopy.id) == copy.id, col(ExamCopy.statut) == EN_COURS)
        .values(statut=RENDUE, finished_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    statut, deadline = locked or _locked_state(session, copy.id)  # SQLite: under the write lock
    if not won:
        _refuse_if_closed(session, copy, statut, deadline, now, ip, ua, "remise")
    _refuse_if_closed(session, copy, EN_COURS, deadline, clock(), ip, ua, "remise")
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
    row = {"exam_id": exam_id, "copy_id": copy_id, "type": type_, "detail": detail[:500]}
    session.execute(
        _LOG_EVENT, row | {"at": now, "ip": ip, "user_agent": (ua or None) and ua[:300]}
    )


# The statements of every autosave, built once: building one (SQLAlchemy's coercions and
# cache key) cost more CPU than sending it (bench/exam_cpu.py --profile sauvegarde).
_ANSWERS = ExamAnswer.__table__
_THIS_ANSWER = (
    _ANSWERS.c.copy_id == sa.bindparam("copie"),
    _ANSWERS.c.question == sa.bindparam("question_"),
)
_COUNT_SAVE = (
    sa.update(_ANSWERS)
    .where(*_THIS_ANSWER)
    .values(saved_at=sa.bindparam("now"), saves=_ANSWERS.c.saves + 1)
    .returning(_ANSWERS.c.answer)
)
_WRITE_ANSWER = (
    sa.update(_ANSWERS)
    .where(*_THIS_ANSWER)
    .values(answer=sa.bindparam("merged", type_=_ANSWERS.c.answer.type))
)
_LOG_EVENT = sa.insert(ExamEvent.__table__)
# The start's claim, built once too (a class starts at the same second).
_COPIES = ExamCopy.__table__
_CLAIM = (
    sa.update(_COPIES)
    .where(_COPIES.c.id == sa.bindparam("copie"), _COPIES.c.statut == A_FAIRE)
    .values(
        statut=EN_COURS,
        started_at=sa.bindparam("debut"),
        deadline=sa.bindparam("fin"),
        last_ip=sa.bindparam("adresse"),
        last_user_agent=sa.bindparam("navigateur"),
    )
)
_CLAIM_DRAWN = _CLAIM.where(sa.exists().where(_ANSWERS.c.copy_id == _COPIES.c.id))


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
