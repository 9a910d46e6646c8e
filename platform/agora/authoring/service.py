"""Create, edit (versioned once answered), duplicate, delete, import and export the missions
teachers write. Every text goes through ``content.missions.mission_from_text``: a mission
written in the app is validated exactly as a file of scenarios/missions/.
"""

from __future__ import annotations

import json
import re
import unicodedata

import yaml
from sqlmodel import Session, select

from agora.authoring.catalog import SOURCE, parse
from agora.authoring.models import AuthoredMission, AuthoredMissionVersion
from agora.classroom.models import Assignment, StepAttempt
from agora.content.missions import MISSIONS_DIR, Mission, get_mission
from agora.db import utcnow
from agora.errors import ContentError, InvalidInput
from agora.exam.models import A_FAIRE, Exam, ExamAnswer, ExamCopy

MAX_TEXT = 200_000  # characters of a mission file
_WHERE = re.compile(r"à « ([^»]+) »")


def validate(texte: str, slug: str = "perso-0-v0") -> Mission:
    """The mission this text describes; InvalidInput (French, with the line when known)."""
    if len(texte) > MAX_TEXT:
        raise InvalidInput(f"Le fichier est trop long (au plus {MAX_TEXT} caractères).")
    texte = texte.replace("\r\n", "\n")
    try:
        return parse(texte, slug)
    except ContentError as error:
        message = str(error).removeprefix(f"{SOURCE} : ")
        line = error_line(texte, message)
        raise InvalidInput(f"Ligne {line} : {message}" if line else message) from error


def error_line(texte: str, message: str) -> int | None:
    """The line of the file the message's field (« etapes.0.kind ») is on, when found."""
    found = _WHERE.search(message)
    if found is None or not texte.startswith("---\n"):
        return None
    head = texte[4:].partition("\n---\n")[0]
    try:
        node = yaml.compose(head)
    except yaml.YAMLError:
        return None
    line = None
    for part in found.group(1).split("."):
        if isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if k.value == part]
            if not match:
                break
            line, node = match[0][0].start_mark.line, match[0][1]
        elif isinstance(node, yaml.SequenceNode) and part.isdigit() and int(part) < len(node.value):
            node = node.value[int(part)]
            line = node.start_mark.line
        else:
            break
    return None if line is None else line + 2  # the first « --- » is line 1


# ----------------------------------------------------------------------------- queries


def owned(session: Session, teacher_id: int, mission_id: int) -> AuthoredMission | None:
    """The teacher's mission; None for someone else's as for a missing one."""
    mission = session.get(AuthoredMission, mission_id)
    return mission if mission is not None and mission.teacher_id == teacher_id else None


def versions(session: Session, mission: AuthoredMission) -> list[AuthoredMissionVersion]:
    return list(
        session.exec(
            select(AuthoredMissionVersion)
            .where(AuthoredMissionVersion.mission_id == mission.id)
            .order_by(AuthoredMissionVersion.numero)
        ).all()
    )


def current(session: Session, mission: AuthoredMission) -> AuthoredMissionVersion:
    return versions(session, mission)[-1]


def is_answered(session: Session, slug: str) -> bool:
    """A student answered this version: in an assignment (a step attempt) or in an exam."""
    attempt = session.exec(
        select(StepAttempt.id)
        .join(Assignment, Assignment.id == StepAttempt.assignment_id)
        .where(Assignment.mission_slug == slug)
        .limit(1)
    ).first()
    if attempt is not None:
        return True
    answer = session.exec(
        select(ExamAnswer.id)
        .join(ExamCopy, ExamCopy.id == ExamAnswer.copy_id)
        .join(Exam, Exam.id == ExamCopy.exam_id)
        .where(Exam.mission_slug == slug, ExamCopy.statut != A_FAIRE)  # not a variant drawn ahead
        .limit(1)
    ).first()
    return answer is not None


def is_used(session: Session, mission: AuthoredMission) -> bool:
    """Some version is assigned to a class or used by an exam (then it cannot be deleted)."""
    slugs = [v.slug for v in versions(session, mission)]
    assigned = session.exec(
        select(Assignment.id).where(Assignment.mission_slug.in_(slugs)).limit(1)
    ).first()
    examined = session.exec(select(Exam.id).where(Exam.mission_slug.in_(slugs)).limit(1)).first()
    return assigned is not None or examined is not None


# ----------------------------------------------------------------------------- changes


def create(session: Session, teacher_id: int, texte: str) -> AuthoredMissionVersion:
    """A new mission of the teacher from a file's text (validated); its version 1."""
    texte = texte.replace("\r\n", "\n")
    mission_ = validate(texte)
    mission = AuthoredMission(teacher_id=teacher_id)
    session.add(mission)
    session.flush()
    version = AuthoredMissionVersion(
        mission_id=mission.id, numero=1, titre=mission_.titre[:200], texte=texte
    )
    session.add(version)
    session.flush()
    return version


def save(session: Session, mission: AuthoredMission, texte: str) -> AuthoredMissionVersion:
    """The mission's new text: the current version changes in place, unless a student
    answered it; then a new version is made and the answers stay with the one they answered."""
    texte = texte.replace("\r\n", "\n")
    latest = current(session, mission)
    mission_ = validate(texte, latest.slug)
    if latest.texte == texte:
        return latest
    if is_answered(session, latest.slug):
        latest = AuthoredMissionVersion(mission_id=mission.id, numero=latest.numero + 1, titre="")
    latest.titre = mission_.titre[:200]
    latest.texte = texte
    latest.updated_at = utcnow()
    session.add(latest)
    session.flush()
    return latest


def delete(session: Session, mission: AuthoredMission) -> None:
    """Delete a mission never given to a class nor used in an exam; InvalidInput otherwise."""
    if is_used(session, mission):
        raise InvalidInput(
            "Cette mission a été donnée à une classe ou utilisée dans une évaluation : "
            "elle ne peut pas être supprimée (le travail des élèves est conservé)."
        )
    for version in versions(session, mission):
        session.delete(version)
    session.flush()
    session.delete(mission)
    session.flush()


def builtin_text(slug: str) -> str:
    """The file text of a built-in mission; UnknownCode (French) when there is none."""
    get_mission(slug)
    return (MISSIONS_DIR / f"{slug}.md").read_text(encoding="utf-8")


def duplicate(session: Session, teacher_id: int, texte: str) -> AuthoredMissionVersion:
    """A copy, as the teacher's own new mission, titled « Copie de … »."""
    return create(session, teacher_id, retitle(texte))


def retitle(texte: str) -> str:
    def copy(match: re.Match) -> str:
        titre = yaml.safe_load(match.group(1))
        return "titre: " + json.dumps(f"Copie de {titre}", ensure_ascii=False)

    return re.sub(r"^titre: *(.+)$", copy, texte, count=1, flags=re.MULTILINE)


def import_file(session: Session, teacher_id: int, data: bytes) -> AuthoredMissionVersion:
    """A mission from an uploaded .md file (UTF-8), validated; InvalidInput in French."""
    if not data.strip():
        raise InvalidInput("Le fichier est vide : choisissez le fichier .md d'une mission.")
    try:
        texte = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            "Le fichier n'est pas un texte UTF-8 : exportez la mission depuis Agora Sim "
            "ou enregistrez le fichier en UTF-8."
        ) from error
    return create(session, teacher_id, texte)


def export_name(version: AuthoredMissionVersion) -> str:
    ascii_ = unicodedata.normalize("NFKD", version.titre).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "mission"
    return f"{base[:60]}.md"
