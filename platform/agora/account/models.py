"""The user table: one row per person who logs in (teacher or student)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from agora.db import utcnow

ROLES = ("enseignant", "eleve")
Role = Literal["enseignant", "eleve"]


class User(SQLModel, table=True):
    """Someone who logs in. ``session_version`` grows to invalidate every open session."""

    __tablename__ = "users"

    id: int | None = Field(default=None, primary_key=True)
    login: str = Field(max_length=80, unique=True, index=True)
    role: str = Field(max_length=20)
    prenom: str = Field(max_length=100)
    nom: str = Field(max_length=100)
    password_hash: str = Field(max_length=255)
    must_change_password: bool = True
    session_version: int = 1
    created_at: datetime = Field(default_factory=utcnow)

    @property
    def display_name(self) -> str:
        return f"{self.prenom} {self.nom}"


class KnownAddress(SQLModel, table=True):
    """An address this user has logged in from: the login limit never refuses them from it."""

    __tablename__ = "login_known_addresses"
    __table_args__ = (UniqueConstraint("user_id", "ip"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True, ondelete="CASCADE")
    ip: str = Field(max_length=64)
    last_login_at: datetime = Field(default_factory=utcnow)


class LoginFailurePair(SQLModel, table=True):
    """Failed logins of one login from one address: the back-off's count and last failure.

    In the database, not in memory, so that every server process (and machine) counts the
    same failures. Times are the throttle's clock (seconds since the epoch).
    """

    __tablename__ = "login_failure_pairs"
    __table_args__ = (UniqueConstraint("login", "ip"),)

    id: int | None = Field(default=None, primary_key=True)
    login: str = Field(max_length=200, index=True)
    ip: str = Field(max_length=64)
    count: int = 0
    last: float = Field(index=True)


class LoginFailureStamp(SQLModel, table=True):
    """One failed login from an address (any login): the per-address ceiling counts these."""

    __tablename__ = "login_failure_stamps"

    id: int | None = Field(default=None, primary_key=True)
    ip: str = Field(max_length=64, index=True)
    at: float = Field(index=True)
