"""The competency record of one student (« passeport » for the CCF file): every competency of
the référentiel with its level and evidence — the very rows of « Mes compétences », so the
record follows how levels are computed and what the corrections policy lets be seen — plus
the teacher's comments on the student's work. Printed as a PDF by agora.documents.pdf."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from jinja2 import Environment
from sqlmodel import Session, col, select

from agora.account.models import User
from agora.authoring.catalog import assignment_mission
from agora.calendrier import PARIS
from agora.classroom import service
from agora.classroom.models import Assignment, Classe, StepAttempt, Student
from agora.classroom.student.competences import CompetencesPage, competences_page
from agora.competency.service import LEVELS
from agora.documents import pdf

TEMPLATE, BLOCK = "documents/passeport.html", "passeport"


@dataclass(frozen=True)
class Commentaire:
    mission: str
    etape: str
    at: datetime
    texte: str


@dataclass
class Passeport:
    nom: str
    prenom: str
    classe: Classe
    jour: date
    competences: CompetencesPage
    commentaires: list[Commentaire]
    niveaux: tuple = LEVELS

    @property
    def student_name(self) -> str:
        return f"{self.prenom} {self.nom}"


def passeport(session: Session, student: Student, now: datetime) -> Passeport:
    """The record of ``student`` as of ``now`` (levels and evidence as « Mes compétences »)."""
    user = session.get(User, student.user_id)
    return Passeport(
        user.nom,
        user.prenom,
        session.get(Classe, student.classe_id),
        now.astimezone(PARIS).date(),
        competences_page(session, student, now),
        _commentaires(session, student, now),
    )


def _commentaires(session: Session, student: Student, now: datetime) -> list[Commentaire]:
    """The teacher's comments on the student's attempts, oldest first (hidden ones left out
    while the assignment's corrections are not shown)."""
    rows = session.exec(
        select(StepAttempt, Assignment)
        .join(Assignment, col(Assignment.id) == StepAttempt.assignment_id)
        .where(StepAttempt.student_id == student.id, col(StepAttempt.override_comment).is_not(None))
        .order_by(col(StepAttempt.created_at), col(StepAttempt.id))
    ).all()
    found = []
    for attempt, assignment in rows:
        texte = (attempt.override_comment or "").strip()
        if not texte or not service.corrections_visible(assignment, now):
            continue
        mission = assignment_mission(session, assignment)
        at = attempt.overridden_at or attempt.created_at
        found.append(Commentaire(mission.titre, mission.etape(attempt.step_index).titre, at, texte))
    return found


def passeport_pdf(env: Environment, record: Passeport) -> bytes:
    values = {name: getattr(record, name) for name in record.__dataclass_fields__}
    values["student_name"] = record.student_name
    return pdf.render_pdf(
        env,
        TEMPLATE,
        BLOCK,
        values,
        titre=f"Passeport de compétences — {record.student_name}",
        auteur="Agora Sim",
        jour=record.jour,
    )


def file_name(record: Passeport) -> str:
    import re
    import unicodedata

    text = unicodedata.normalize("NFKD", f"{record.nom}-{record.prenom}")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text.encode("ascii", "ignore").decode()).strip("-")
    return f"passeport-{text.lower() or 'eleve'}.pdf"
