"""The student's « Mes compétences » page: each competency's level and the evidence behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from agora.authoring.catalog import assignment_mission
from agora.classroom import service
from agora.classroom.models import Assignment, Student
from agora.competency.models import Positionnement
from agora.competency.positionnement import level_set, positionnements_of
from agora.competency.service import Level, levels_of, student_evidence


@dataclass
class CompetenceRow:
    code: str
    libelle: str
    level: Level
    evidence: list[dict[str, Any]] = field(default_factory=list)
    positionnement: Positionnement | None = None  # the teacher's level, shown as such


@dataclass
class CompetencesPage:
    poles: list[tuple[Any, list[CompetenceRow]]]
    evaluated: int
    total: int


def competences_page(session: Session, student: Student, now: datetime) -> CompetencesPage:
    """Each competency of the référentiel, by pôle, with its level and the evidence behind;
    the evidence of a mission whose corrections are not shown yet waits until they are (a
    level moving after each try would tell the score the policy hides)."""
    from agora.referentiel import load_referentiel

    referentiel = load_referentiel()
    evidence = student_evidence(session, student)
    set_by_teacher = positionnements_of(session, [student.id])
    assignment_ids = {e.assignment_id for items in evidence.values() for e in items} - {None}
    assignments = list(
        session.exec(select(Assignment).where(col(Assignment.id).in_(assignment_ids)))
    )
    missions = {a.id: assignment_mission(session, a) for a in assignments}
    hidden = {a.id for a in assignments if not service.corrections_visible(a, now)}
    evidence = {
        code: [e for e in items if e.assignment_id not in hidden]
        for code, items in evidence.items()
    }
    poles = []
    for pole in referentiel.poles:
        rows = []
        for competence in referentiel.competences:
            if competence.pole.code != pole.code:
                continue
            items = evidence.get(competence.code, [])
            details = [
                {
                    "mission": missions[e.assignment_id].titre,
                    "etape": missions[e.assignment_id].etape(e.step_index).titre,
                    "assignment_id": e.assignment_id,
                    "score": e.score,
                    "at": e.at,
                    "contexte": e.contexte,
                    "poids": e.weight,
                }
                if e.exam_titre is None
                else {
                    "evaluation": e.exam_titre,
                    "question": e.question,
                    "copy_id": e.copy_id,
                    "score": e.score,
                    "at": e.at,
                    "contexte": e.contexte,
                    "poids": e.weight,
                }
                for e in items
            ]
            positionnement = set_by_teacher.get((student.id, competence.code))
            level = levels_of(items, level_set(positionnement))
            rows.append(
                CompetenceRow(competence.code, competence.libelle, level, details, positionnement)
            )
        poles.append((pole, rows))
    evaluated = sum(1 for _, rows in poles for r in rows if r.level.rang)
    return CompetencesPage(poles, evaluated, len(referentiel.competences))
