"""Tables of the missions teachers write: the mission (its author) and its versions.

A version stores the whole text of a mission file (YAML front matter + Markdown story, the
format of scenarios/missions/*.md), so export, import and validation are one path. Its slug,
``perso-<mission id>-v<numero>``, is what assignments and exams name; a version answered once
never changes again (editing it makes the next version).
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from agora.db import utcnow


class AuthoredMission(SQLModel, table=True):
    """A mission written by one teacher (its author, the only one who sees it)."""

    __tablename__ = "authored_missions"

    id: int | None = Field(default=None, primary_key=True)
    teacher_id: int = Field(foreign_key="users.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)


class AuthoredMissionVersion(SQLModel, table=True):
    """One version of an authored mission: the text of its file."""

    __tablename__ = "authored_mission_versions"
    __table_args__ = (sa.UniqueConstraint("mission_id", "numero", name="uq_authored_version"),)

    id: int | None = Field(default=None, primary_key=True)
    mission_id: int = Field(foreign_key="authored_missions.id", index=True)
    numero: int = Field(ge=1)
    titre: str = Field(max_length=200)  # the title in ``texte``, for lists without parsing
    texte: str = Field(sa_type=sa.Text)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    @property
    def slug(self) -> str:
        return version_slug(self.mission_id, self.numero)


def version_slug(mission_id: int, numero: int) -> str:
    return f"perso-{mission_id}-v{numero}"
