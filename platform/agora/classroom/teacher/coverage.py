"""Competency coverage of a class: each student's level on each competency, and which missions
assess each competency. Levels come from agora.competency.service.level_of, the very function
behind the student's « Mes compétences » page, so both pages always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from sqlmodel import Session, col, select

from agora.authoring.catalog import find_mission, is_authored
from agora.classroom.models import Assignment, Classe, StepAttempt
from agora.classroom.teacher.service import students_of
from agora.competency.models import CompetencyEvidence
from agora.competency.positionnement import level_set, positionnements_of
from agora.competency.service import Level, evidence_weight, level_of
from agora.content.missions import ExerciseStep, Mission, ProseStep, load_missions
from agora.exercise.registry import get_kind


def class_levels(session: Session, classe: Classe) -> dict[int, dict[str, Level]]:
    """student id -> competency code -> level (« non évalué » when there is no evidence),
    weighted by context as on the student's page; the teacher's positionnement wins."""
    from agora.referentiel import load_referentiel

    codes = [c.code for c in load_referentiel().competences]
    ids = [student.id for student, _ in students_of(session, classe)]
    scores: dict[tuple[int, str], list[Decimal]] = {}
    weights: dict[tuple[int, str], list[int]] = {}
    for evidence, niveau in session.exec(
        select(CompetencyEvidence, StepAttempt.niveau)
        .outerjoin(StepAttempt, col(StepAttempt.id) == CompetencyEvidence.attempt_id)
        .where(col(CompetencyEvidence.student_id).in_(ids))
    ):
        key = (evidence.student_id, evidence.code)
        scores.setdefault(key, []).append(evidence.score)
        weights.setdefault(key, []).append(evidence_weight(niveau))
    set_by_teacher = positionnements_of(session, ids)
    return {
        student_id: {
            code: level_of(
                scores.get((student_id, code), []),
                level_set(set_by_teacher.get((student_id, code))),
                weights.get((student_id, code)),
            )
            for code in codes
        }
        for student_id in ids
    }


def mission_codes(mission: Mission) -> set[str]:
    """Every competency a mission's steps prove (the kinds' and the prose steps')."""
    codes: set[str] = set()
    for step in mission.etapes:
        if isinstance(step, ProseStep):
            codes.update(step.competences)
        elif isinstance(step, ExerciseStep):
            codes.update(get_kind(step.kind).COMPETENCES)
    return codes


@cache
def _missions_by_code() -> dict[str, tuple[Mission, ...]]:
    by_code: dict[str, list[Mission]] = {}
    for mission in load_missions().values():
        for code in mission_codes(mission):
            by_code.setdefault(code, []).append(mission)
    return {code: tuple(missions) for code, missions in by_code.items()}


@dataclass(frozen=True)
class MissionRef:
    """A mission assessing a competency, and whether this class has it assigned."""

    mission: Mission
    assigned: bool


def missions_assessing(session: Session, classe: Classe) -> dict[str, list[MissionRef]]:
    """competency code -> the missions whose steps assess it (assigned to the class first)."""
    assigned = set(
        session.exec(select(Assignment.mission_slug).where(Assignment.classe_id == classe.id))
    )
    by_code = {code: list(missions) for code, missions in _missions_by_code().items()}
    for slug in sorted(s for s in assigned if is_authored(s)):  # the teacher's own, given
        mission = find_mission(session, slug)
        for code in mission_codes(mission):
            by_code.setdefault(code, []).append(mission)
    return {
        code: sorted(
            (MissionRef(m, m.slug in assigned) for m in missions),
            key=lambda ref: (not ref.assigned, ref.mission.titre),
        )
        for code, missions in by_code.items()
    }
