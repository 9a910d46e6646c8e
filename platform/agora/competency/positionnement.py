"""The teacher's positionnement: a student's level on a competency set by hand, with a comment.

It wins over the computed level everywhere a level is shown (the student's « Mes compétences »,
the class heatmap, the exports); the teacher still sees the computed one beside it. Plain
functions with the session passed in; they only flush (the request commits).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlmodel import Session, col, select

from agora.account.models import User
from agora.classroom.models import Student
from agora.competency.models import Positionnement
from agora.competency.service import LEVELS_BY_CODE, SCALE, Level
from agora.errors import InvalidInput

COMMENT_MAX_LENGTH = 2000


def positionnements_of(
    session: Session, student_ids: Iterable[int]
) -> dict[tuple[int, str], Positionnement]:
    """(student id, competency code) -> the teacher's positionnement, for these students."""
    ids = list(student_ids)
    if not ids:
        return {}
    rows = session.exec(select(Positionnement).where(col(Positionnement.student_id).in_(ids))).all()
    return {(p.student_id, p.code): p for p in rows}


def level_set(positionnement: Positionnement | None) -> Level | None:
    """The level a positionnement gives (None without one)."""
    return LEVELS_BY_CODE[positionnement.niveau] if positionnement is not None else None


def set_positionnement(
    session: Session,
    student: Student,
    teacher: User,
    code: str,
    niveau: str,
    commentaire: str,
    now: datetime,
) -> Positionnement | None:
    """Set (or, with an empty ``niveau``, withdraw) the teacher's level for a competency.

    InvalidInput (French) for an unknown competency or level, or a comment too long; None when
    withdrawn.
    """
    from agora.referentiel import load_referentiel

    if code not in {c.code for c in load_referentiel().competences}:
        raise InvalidInput("Cette compétence n'existe pas dans le référentiel.")
    existing = session.exec(
        select(Positionnement).where(
            Positionnement.student_id == student.id, Positionnement.code == code
        )
    ).first()
    if not niveau.strip():
        if existing is not None:
            session.delete(existing)
            session.flush()
        return None
    if niveau not in {level.code for level in SCALE}:
        raise InvalidInput("Choisissez un niveau : insuffisant, fragile, satisfaisant ou très bon.")
    commentaire = commentaire.strip()
    if len(commentaire) > COMMENT_MAX_LENGTH:
        raise InvalidInput(f"Le commentaire dépasse {COMMENT_MAX_LENGTH} caractères.")
    row = existing or Positionnement(student_id=student.id, code=code, niveau=niveau,
                                     teacher_id=teacher.id)  # fmt: skip
    row.niveau, row.commentaire = niveau, commentaire or None
    row.teacher_id, row.at = teacher.id, now
    session.add(row)
    session.flush()
    return row
