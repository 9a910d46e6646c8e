"""The table of handed-in files: who sent it, for which attempt, what it is (the bytes are on
disk, named by their sha256, see agora.uploads.storage)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from agora.db import utcnow


class Upload(SQLModel, table=True):
    """A file a student handed in; ``nom`` is the cleaned original name, shown, never a path."""

    __tablename__ = "uploads"

    id: int | None = Field(default=None, primary_key=True)
    student_id: int = Field(foreign_key="students.id", index=True)
    attempt_id: int | None = Field(default=None, foreign_key="step_attempts.id", index=True)
    nom: str = Field(max_length=100)
    media_type: str = Field(max_length=40)
    taille: int
    sha256: str = Field(max_length=64, index=True)
    created_at: datetime = Field(default_factory=utcnow)
