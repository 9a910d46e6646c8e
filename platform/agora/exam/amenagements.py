"""Extra time at exams (tiers-temps, PAP/PAI): the student's own, given to each exam copy.

A student's aménagement is set once by the teacher; every copy made afterwards starts with it,
and the copies of exams the student has not started yet follow a change. A copy stays
adjustable for one exam (a student who, that day, needs more or less).
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from agora.classroom.models import Student
from agora.errors import InvalidInput
from agora.exam.models import A_FAIRE, AMENAGEMENTS, ExamCopy


def checked(amenagement: str, minutes: int) -> tuple[str, int]:
    """The aménagement and its minutes as stored; InvalidInput (French) otherwise."""
    if amenagement not in AMENAGEMENTS:
        raise InvalidInput("Aménagement inconnu.")
    if amenagement == "minutes" and not 1 <= minutes <= 600:
        raise InvalidInput("Le temps supplémentaire va de 1 à 600 minutes.")
    return amenagement, minutes if amenagement == "minutes" else 0


def set_for_copy(session: Session, copy: ExamCopy, amenagement: str, minutes: int) -> None:
    """This exam only; it counts when the student starts (use « ajouter du temps » after)."""
    amenagement, minutes = checked(amenagement, minutes)
    if copy.statut != A_FAIRE:
        raise InvalidInput(
            "Cet élève a déjà commencé : utilisez « Ajouter du temps » dans le suivi."
        )
    copy.amenagement, copy.minutes_en_plus = amenagement, minutes
    session.add(copy)
    session.flush()


def set_for_student(session: Session, student: Student, amenagement: str, minutes: int) -> int:
    """The student's aménagement, and their copies not started yet; how many copies changed."""
    student.amenagement, student.minutes_en_plus = checked(amenagement, minutes)
    session.add(student)
    copies = session.exec(
        select(ExamCopy).where(
            col(ExamCopy.student_id) == student.id, col(ExamCopy.statut) == A_FAIRE
        )
    ).all()
    for copy in copies:
        copy.amenagement, copy.minutes_en_plus = student.amenagement, student.minutes_en_plus
        session.add(copy)
    session.flush()
    return len(copies)
