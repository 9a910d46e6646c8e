"""The teacher's comment bank: comments kept to reuse when grading with a rubric.

A comment belongs to one teacher and to a criterion label (« Qualité de la langue ») or to no
criterion (a general comment, ``critere`` empty). The same text is kept once per criterion.
Plain functions with the session passed in; they only flush.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlmodel import Session, col, select

from agora.classroom.models import RubricComment
from agora.content.missions import ProseStep
from agora.errors import InvalidInput

GENERAL = ""  # the criterion of a general comment
TEXT_MAX_LENGTH = 2000
BANK_MAX = 100  # comments per teacher and criterion


def save_comment(session: Session, teacher_id: int, critere: str, texte: str) -> RubricComment:
    """Keep ``texte`` in the teacher's bank for ``critere`` (the one kept already, if any)."""
    texte, critere = texte.strip(), critere.strip()[:200]
    if not texte:
        raise InvalidInput("Écrivez le commentaire avant de le garder dans la banque.")
    if len(texte) > TEXT_MAX_LENGTH:
        raise InvalidInput(f"Le commentaire dépasse {TEXT_MAX_LENGTH} caractères.")
    mine = _query(teacher_id, [critere])
    kept = session.exec(mine.where(RubricComment.texte == texte)).first()
    if kept is not None:
        return kept
    if len(session.exec(mine).all()) >= BANK_MAX:
        raise InvalidInput(
            f"Votre banque garde au plus {BANK_MAX} commentaires par critère : "
            "supprimez-en un avant d'en ajouter."
        )
    comment = RubricComment(teacher_id=teacher_id, critere=critere, texte=texte)
    session.add(comment)
    session.flush()
    return comment


def keep_from_grading(
    session: Session,
    teacher_id: int,
    step: ProseStep,
    kept: Iterable[str],
    comments: Sequence[str],
    general: str,
) -> int:
    """Keep the comments the teacher ticked on the grading form (« garder »: a criterion's
    position, or « general »); empty ones are skipped. How many were kept."""
    count = 0
    for which in dict.fromkeys(kept):  # once each, in the form's order
        if which == "general":
            critere, texte = GENERAL, general
        elif which.isdigit() and int(which) < min(len(step.rubrique), len(comments)):
            critere, texte = step.rubrique[int(which)].critere, comments[int(which)]
        else:
            continue
        if texte.strip():
            save_comment(session, teacher_id, critere, texte)
            count += 1
    return count


def bank_for(
    session: Session, teacher_id: int, criteres: Iterable[str]
) -> dict[str, list[RubricComment]]:
    """The teacher's comments for each criterion label and the general ones (key GENERAL),
    oldest first."""
    wanted = [*criteres, GENERAL]
    bank: dict[str, list[RubricComment]] = {critere: [] for critere in wanted}
    for comment in session.exec(_query(teacher_id, wanted)):
        bank[comment.critere].append(comment)
    return bank


def delete_comment(session: Session, teacher_id: int, comment_id: int) -> RubricComment | None:
    """Remove one of the teacher's comments; None when it is not theirs (or gone)."""
    comment = session.get(RubricComment, comment_id)
    if comment is None or comment.teacher_id != teacher_id:
        return None
    session.delete(comment)
    session.flush()
    return comment


def _query(teacher_id: int, criteres: Sequence[str]):
    return (
        select(RubricComment)
        .where(RubricComment.teacher_id == teacher_id, col(RubricComment.critere).in_(criteres))
        .order_by(col(RubricComment.created_at), col(RubricComment.id))
    )
