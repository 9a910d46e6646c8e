"""The one lookup of a mission by slug: a built-in file, or a version a teacher wrote.

Every page that may show an authored mission (assignments, student pages, grading, exams,
coverage) calls ``find_mission(session, slug)``; ``content.missions.get_mission`` stays the
lookup of the built-in files only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sqlmodel import Session, select

from agora.authoring.models import AuthoredMission, AuthoredMissionVersion
from agora.content.missions import (
    Mission,
    at_level,
    get_mission,
    load_missions,
    mission_from_text,
)
from agora.errors import UnknownCode
from agora.web.ids import MAX_ID

_SLUG = re.compile(r"perso-(\d{1,19})-v(\d{1,19})")
SOURCE = "mission"  # how a validation message names an authored mission's text


def is_authored(slug: str) -> bool:
    return _SLUG.fullmatch(slug) is not None


def find_mission(session: Session, slug: str) -> Mission:
    """The mission ``slug`` names, built-in or authored; UnknownCode (French) when none."""
    found = _SLUG.fullmatch(slug)
    if found is None:
        return get_mission(slug)
    version = find_version(session, slug)
    if version is None:
        raise UnknownCode(f"Mission inconnue : « {slug} ».")
    return parse(version.texte, slug)


def assignment_mission(session: Session, assignment) -> Mission:
    """The mission of an assignment at the level the teacher chose for it (its steps' levels
    moved alike); an assignment made before the choice existed has the mission's own level."""
    return at_level(find_mission(session, assignment.mission_slug), assignment.niveau)


def find_version(session: Session, slug: str) -> AuthoredMissionVersion | None:
    found = _SLUG.fullmatch(slug)
    if found is None or max(int(found.group(1)), int(found.group(2))) > MAX_ID:
        return None  # no row can have it (and PostgreSQL would refuse the number)
    return session.exec(
        select(AuthoredMissionVersion).where(
            AuthoredMissionVersion.mission_id == int(found.group(1)),
            AuthoredMissionVersion.numero == int(found.group(2)),
        )
    ).first()


@lru_cache(maxsize=512)
def parse(texte: str, slug: str) -> Mission:
    """A stored text as a Mission (validated when saved; cached: pages read it often)."""
    return mission_from_text(texte, slug, SOURCE)


def latest_versions(session: Session, teacher_id: int) -> list[AuthoredMissionVersion]:
    """The current (latest) version of each mission the teacher wrote, by title."""
    rows = session.exec(
        select(AuthoredMissionVersion)
        .join(AuthoredMission, AuthoredMission.id == AuthoredMissionVersion.mission_id)
        .where(AuthoredMission.teacher_id == teacher_id)
        .order_by(AuthoredMissionVersion.mission_id, AuthoredMissionVersion.numero)
    ).all()
    latest = {row.mission_id: row for row in rows}
    return sorted(latest.values(), key=lambda v: (v.titre.lower(), v.id))


def own_missions(session: Session, teacher_id: int) -> list[Mission]:
    """The teacher's missions (their current versions) as Missions, for assign and exam forms."""
    return [parse(v.texte, v.slug) for v in latest_versions(session, teacher_id)]


def builtin_missions() -> list[Mission]:
    return sorted(load_missions().values(), key=lambda m: m.titre)


def usable_mission(session: Session, teacher_id: int, slug: str) -> Mission:
    """A mission this teacher may give or use in an exam: a built-in, or one of their own
    (another teacher's is unknown to them, exactly as a missing one)."""
    version = find_version(session, slug)
    if is_authored(slug):
        mission = session.get(AuthoredMission, version.mission_id) if version else None
        if mission is None or mission.teacher_id != teacher_id:
            raise UnknownCode(f"Mission inconnue : « {slug} ».")
    return find_mission(session, slug)
