"""Page contexts of « Mes missions »: the list, the editor and its live preview."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from agora.authoring import catalog, editor, service
from agora.authoring.models import AuthoredMission, AuthoredMissionVersion
from agora.content.missions import ExerciseStep, Mission, personalise, variant_seed
from agora.errors import DomainError
from agora.exercise.registry import KINDS
from agora.exercise.variants import build_variant, company_for
from agora.referentiel import load_referentiel

SAMPLE_ORG = 4242  # the sample organisation of the preview


@dataclass
class OwnRow:
    mission: AuthoredMission
    version: AuthoredMissionVersion
    used: bool  # given to a class or used in an exam: cannot be deleted


@dataclass
class ListPage:
    own: list[OwnRow]
    builtins: list[Mission]
    import_error: str | None = None
    error: str | None = None  # a refused deletion
    confirm: int | None = None  # the mission whose deletion waits for its confirmation box


def list_page(session: Session, teacher_id: int, import_error: str | None = None) -> ListPage:
    rows = []
    for version in catalog.latest_versions(session, teacher_id):
        mission = session.get(AuthoredMission, version.mission_id)
        rows.append(OwnRow(mission, version, service.is_used(session, mission)))
    return ListPage(rows, catalog.builtin_missions(), import_error)


@dataclass
class EditorPage:
    draft: dict[str, Any]
    mission: AuthoredMission | None  # None: a new mission
    version: AuthoredMissionVersion | None
    answered: bool = False  # saving makes a new version
    errors: dict[str, str] = field(default_factory=dict)
    kinds: list[Any] = field(default_factory=list)
    poles: list[Any] = field(default_factory=list)
    formats: dict[str, str] = field(default_factory=lambda: editor.FORMATS_LIBELLES)
    preview: dict[str, Any] | None = None
    kinds_by_name: dict[str, Any] = field(default_factory=lambda: dict(KINDS))
    labels: dict[str, str] = field(default_factory=dict)  # error place -> French words

    def __post_init__(self) -> None:
        self.labels = {where: editor.label(where) for where in self.errors}


def editor_page(
    session: Session,
    draft: dict[str, Any],
    mission: AuthoredMission | None = None,
    errors: dict[str, str] | None = None,
) -> EditorPage:
    version = service.current(session, mission) if mission is not None else None
    answered = version is not None and service.is_answered(session, version.slug)
    kinds = sorted(KINDS.values(), key=lambda k: k.TITRE)
    return EditorPage(
        draft,
        mission,
        version,
        answered,
        errors or {},
        kinds,
        competences_by_pole(),
    )


def competences_by_pole() -> list[tuple[Any, list[tuple[str, str]]]]:
    """(pôle, [(code, libellé)]) for the competency boxes, in référentiel order."""
    ref = load_referentiel()
    return [
        (pole, [(c.code, c.libelle) for c in ref.competences if c.pole.code == pole.code])
        for pole in ref.poles
    ]


def preview(draft: dict[str, Any]) -> dict[str, Any]:
    """What a student sees of the draft, in a sample organisation; or the errors to fix."""
    mission, _texte, errors = editor.check(draft)
    if mission is None:
        labels = {where: editor.label(where) for where in errors}
        return {"errors": errors, "labels": labels, "mission": None}
    company = company_for(SAMPLE_ORG)
    steps = []
    for index, step in enumerate(mission.etapes):
        enonce = None
        if isinstance(step, ExerciseStep):
            seed = variant_seed(SAMPLE_ORG, "apercu", index)
            try:
                variant = build_variant(step.kind, step.niveau, seed, SAMPLE_ORG, step.options)
                enonce = variant.enonce
            except DomainError:  # a kind that cannot draw here: the step shows without it
                enonce = None
        steps.append(
            {
                "step": step,
                "contexte": personalise(step.contexte, company),
                "consigne": personalise(getattr(step, "consigne", ""), company),
                "enonce": enonce,
                "kind": KINDS[step.kind].TITRE if isinstance(step, ExerciseStep) else None,
            }
        )
    return {
        "errors": {},
        "mission": mission,
        "company": company,
        "histoire": personalise(mission.histoire, company),
        "steps": steps,
    }
