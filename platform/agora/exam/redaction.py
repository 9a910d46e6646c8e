"""Writing questions in exams: a mission's writing step (« rédaction ») as an exam question.

The student writes in the exam page the document the step asks for (a letter, an e-mail, a
note: the parts of its format, as in the mission; autosaved like the other questions); nothing
grades it automatically: after the copy is handed in or collected, the teacher grades it with
the step's rubric (points and a comment per criterion, each criterion proving its own
competencies). The exam's results can be published only when every written answer of the
finished copies is graded.

A question is ``{"kind": "redaction", "mission": slug, "etape": index, "points", "titre",
"niveau": 1}``; its points are the rubric's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from sqlmodel import Session, col, select

from agora.classroom.service import PROSE_KIND, PROSE_MAX_LENGTH
from agora.classroom.teacher.grading import (
    COMMENT_MAX_LENGTH,
    rubric_competences,
    rubric_lines,
    teacher_score,
)
from agora.content.missions import ProseStep, get_mission, personalise
from agora.errors import InvalidInput, UnknownCode
from agora.exam import grading
from agora.exam.models import FINIES, Exam, ExamAnswer, ExamCopy

__all__ = ["FINIES"]
from agora.exercise.base import Variant
from agora.exercise.variants import company_for
from agora.redaction.formats import MAX_TOTAL, format_de, pieces_de_la_situation, pieces_propres

WRITING = PROSE_KIND  # the « kind » of a writing question
VERSION = f"{WRITING}/2"  # 2: the params name the document's format and its attachments
TEMPLATE = "exam/_redaction.html"


def is_writing(question: dict[str, Any]) -> bool:
    return question.get("kind") == WRITING


def step_of(question: dict[str, Any]) -> ProseStep:
    """The writing step a question asks (its statement and rubric): the copy kept in the
    question when the exam was made, else the built-in mission's step."""
    if "etape_redaction" in question:
        return ProseStep.model_validate(question["etape_redaction"])
    step = get_mission(question["mission"]).etape(int(question["etape"]))
    if not isinstance(step, ProseStep):
        raise UnknownCode("Cette étape n'est pas une rédaction.")
    return step


def question_of_step(slug: str, index: int, step: ProseStep) -> dict[str, Any]:
    """The question, with a copy of the step: a teacher's own mission (agora.authoring) is not
    found by its slug alone, and the exam keeps what it asked whatever the mission becomes."""
    return {
        "kind": WRITING,
        "mission": slug,
        "etape": index,
        "niveau": 1,
        "points": step.points,
        "titre": step.titre,
        "etape_redaction": step.model_dump(mode="json"),
    }


def choices() -> list[tuple[str, str]]:
    """(value, label) of every mission's writing step, for the exam form's question rows:
    « redaction:<mission>:<step> »."""
    from agora.content.missions import load_missions

    return [
        (f"{WRITING}:{mission.slug}:{index}", f"{mission.titre} — {step.titre}")
        for mission in sorted(load_missions().values(), key=lambda m: m.titre)
        for index, step in enumerate(mission.etapes)
        if isinstance(step, ProseStep)
    ]


def question_of_choice(value: str) -> dict[str, Any] | None:
    """The question a form row's « redaction:<mission>:<step> » asks (checked later), or None."""
    parts = value.split(":")
    if len(parts) != 3 or parts[0] != WRITING:
        return None
    return {"kind": WRITING, "mission": parts[1], "etape": parts[2]}


def check_question(question: dict[str, Any], number: int) -> dict[str, Any]:
    """A writing question as stored, its mission step checked (InvalidInput if unknown)."""
    try:
        slug, index = str(question["mission"]), int(question["etape"])
        kept = (
            {"etape_redaction": question["etape_redaction"]}
            if "etape_redaction" in question
            else {}
        )
        step = step_of({"mission": slug, "etape": index} | kept)
    except (KeyError, ValueError, TypeError, UnknownCode, IndexError, ValidationError):
        raise InvalidInput(f"Question {number} : rédaction inconnue.") from None
    checked = question_of_step(slug, index, step)
    checked["titre"] = str(question.get("titre") or step.titre)[:120]
    return checked


def variant(question: dict[str, Any], seed: int, org_seed: int) -> Variant:
    """The statement of a writing question for one student's organisation, and its params: the
    document's format (templates/exam/_redaction.html shows its parts) and what an e-mail may
    attach (the step's situation documents and the organisation's own: an exam has no earlier
    step)."""
    step, company = step_of(question), company_for(org_seed)
    params = {
        "format": format_de(step).code,
        "pieces": pieces_de_la_situation(step, company) + pieces_propres(company),
    }
    return Variant(WRITING, seed, 1, params, personalise(step.consigne, company))


def stored_columns(variant: Variant) -> dict[str, Any]:
    return {"params": variant.params, "enonce": variant.enonce, "content_version": VERSION}


def clean_fields(question: dict[str, Any], fields: dict[str, Any]) -> dict[str, str]:
    """The parts to save, as typed (a draft: an empty body or a half-typed address is kept);
    InvalidInput, nothing saved, for a name the document has not or a part over its length.
    « texte » stays accepted: a copy started before the questions named their format shows
    one text box."""
    fmt = format_de(step_of(question))
    limits = {p.nom: (p.libelle, p.maximum) for p in fmt.parties}
    limits.setdefault("texte", ("Votre texte", MAX_TOTAL))
    if set(fields) - set(limits) or not all(isinstance(v, str) for v in fields.values()):
        raise InvalidInput(
            "Seules les parties du document à rédiger s'enregistrent ici : rien n'a été enregistré."
        )
    for nom, texte in fields.items():
        libelle, maximum = limits[nom]
        if len(texte.replace("\r\n", "\n")) > maximum:  # a textarea posts CRLF, counts one
            raise InvalidInput(
                f"« {libelle} » dépasse {maximum} caractères : rien n'a été enregistré."
            )
    if sum(len(v) for v in fields.values()) > PROSE_MAX_LENGTH:
        raise InvalidInput(
            f"Votre texte dépasse {PROSE_MAX_LENGTH} caractères : rien n'a été enregistré."
        )
    return dict(fields)


def grade_answer(
    session: Session,
    exam: Exam,
    answer: ExamAnswer,
    criteria_points: Sequence[str],
    criteria_comments: Sequence[str],
    comment: str,
    now: datetime,
) -> ExamAnswer:
    """The teacher's rubric grading of a written answer, once its copy is handed in; the
    copy's points follow (and the evidence, if the results are already published)."""
    from agora.competency.service import record_exam_evidence

    question = exam.questions[answer.question]
    if not is_writing(question):
        raise InvalidInput("Cette question est corrigée automatiquement.")
    copy = session.get(ExamCopy, answer.copy_id)
    if copy.statut not in FINIES:
        raise InvalidInput(
            "Cette copie n'est pas encore rendue : corrigez-la après l'heure limite."
        )
    step = step_of(question)
    lines = rubric_lines(step, criteria_points, criteria_comments)
    comment = comment.strip()
    if len(comment) > COMMENT_MAX_LENGTH:
        raise InvalidInput(f"Le commentaire dépasse {COMMENT_MAX_LENGTH} caractères.")
    total = sum((Decimal(line["points"]) for line in lines), Decimal(0))
    score = teacher_score(total, step.points)
    answer.score = score
    answer.grade = {
        "kind": WRITING,
        "score": str(score),
        "champs": [],
        "diagnostics": [],
        "competences": [
            {"code": code, "score": str(value)}
            for code, value in rubric_competences(step, lines).items()
        ],
        "rubrique": lines,
        "commentaire": comment or None,
        "corrige_le": now.isoformat(),
    }
    session.add(answer)
    session.flush()
    copy_points(session, exam, copy)
    if exam.published_at is not None:
        record_exam_evidence(session, exam, copy.id)
    return answer


def copy_points(session: Session, exam: Exam, copy: ExamCopy) -> None:
    """A copy's points: its graded answers (automatic and written) over the exam's questions."""
    if copy.graded_at is None:  # the automatic part is not graded yet: the finaliser sums
        return
    answers = session.exec(select(ExamAnswer).where(ExamAnswer.copy_id == copy.id))
    copy.points = sum(
        (
            grading.points_of(a.score, int(exam.questions[a.question]["points"]))
            for a in answers
            if a.score is not None
        ),
        Decimal(0),
    )
    session.add(copy)
    session.flush()


def answers_to_grade(session: Session, exam: Exam) -> list[tuple[ExamAnswer, ExamCopy]]:
    """The written answers of the finished copies, by copy then question (graded or not)."""
    writing = [i for i, q in enumerate(exam.questions) if is_writing(q)]
    if not writing:
        return []
    rows = session.exec(
        select(ExamAnswer, ExamCopy)
        .join(ExamCopy, col(ExamCopy.id) == ExamAnswer.copy_id)
        .where(
            ExamCopy.exam_id == exam.id,
            col(ExamCopy.statut).in_(FINIES),
            col(ExamAnswer.question).in_(writing),
        )
        .order_by(col(ExamCopy.id), col(ExamAnswer.question))
    ).all()
    return list(rows)


def waiting(exam: Exam, answers: Iterable[ExamAnswer]) -> set[int]:
    """The questions (indexes) of a finished copy whose written answer waits for the teacher:
    while one does, the copy has no mark (its points would count that answer 0)."""
    return {
        a.question for a in answers if is_writing(exam.questions[a.question]) and a.score is None
    }


def ungraded_count(session: Session, exam: Exam) -> int:
    """Written answers of finished copies the teacher has not graded yet."""
    return sum(1 for answer, _ in answers_to_grade(session, exam) if answer.score is None)


def check_all_graded(session: Session, exam: Exam) -> None:
    """InvalidInput while a written answer waits: results go out when every copy is graded."""
    waiting = ungraded_count(session, exam)
    if waiting:
        s = "s" if waiting > 1 else ""
        raise InvalidInput(
            f"{waiting} rédaction{s} à corriger : les résultats ne pourront être publiés "
            "qu'une fois toutes corrigées."
        )
