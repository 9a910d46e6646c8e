"""Settings of the platform (environment variables prefixed AGORA_), built once in create_app."""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from agora.errors import InvalidInput

# The value shipped in the code: fine on a laptop demo, refused anywhere else.
PLACEHOLDER_SECRET = "dev-secret-change-me"


class Settings(BaseSettings):
    """Every knob of the platform; each one can be set as AGORA_<NAME> in the environment."""

    model_config = SettingsConfigDict(env_prefix="AGORA_", extra="ignore")

    environment: Literal["development", "production", "test"] = Field(
        default="production",
        description="« development » accepts the placeholder secret (demo on a laptop); "
        "« production » refuses it. `agora serve` without AGORA_ENVIRONMENT runs in "
        "development mode only when --demo is given.",
    )
    data_dir: Path = Field(
        default=Path("var"),
        description="Folder of the SQLite database (relative to the current directory).",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; default sqlite:///<data_dir>/agora.sqlite3. "
        "PostgreSQL: postgresql+psycopg://user:password@host:5432/base.",
    )
    secret_key: str = Field(
        default=PLACEHOLDER_SECRET,
        description="Signs the session cookie; a long random string outside development.",
    )
    session_max_age: int = Field(
        default=8 * 3600, ge=60, description="Lifetime of a session, in seconds."
    )
    cookie_secure: bool = Field(
        default=False, description="Send the session cookie over HTTPS only (true behind TLS)."
    )
    login_free_failures: int = Field(
        default=5,
        ge=1,
        description="Failed logins allowed for one login from one address before it must wait.",
    )
    login_backoff_seconds: float = Field(
        default=2,
        gt=0,
        description="First wait after the free failures; doubled after each further failure.",
    )
    login_backoff_max_seconds: float = Field(
        default=900, gt=0, description="Longest wait between two tries of one login, one address."
    )
    login_max_failures_per_ip: int = Field(
        default=300,
        ge=1,
        description="Failed logins allowed from one address within login_ip_window_seconds "
        "(a whole school may share one address; known addresses of an account are exempt).",
    )
    login_ip_window_seconds: int = Field(
        default=600, ge=1, description="Window of the per-address limit, in seconds."
    )
    login_failure_max_rows: int = Field(
        default=100_000,
        ge=10,
        description="Most rows kept in each login-failure table (the oldest go first): a flood "
        "from many addresses within the windows cannot fill the database.",
    )
    max_body_login_bytes: int = Field(
        default=16 * 1024,
        ge=1024,
        description="Largest request body on the login, logout and password forms.",
    )
    max_body_answers_bytes: int = Field(
        default=1024 * 1024,
        ge=16 * 1024,
        description="Largest request body elsewhere (answers, autosaves, teacher forms).",
    )
    max_body_import_bytes: int = Field(
        default=4 * 1024 * 1024,
        ge=64 * 1024,
        description="Largest request body of the CSV import (the file, then its confirmation).",
    )
    upload_max_bytes: int = Field(
        default=5 * 1024 * 1024,
        ge=64 * 1024,
        description="Largest file a student may hand in (a poster: PDF, PNG or JPEG).",
    )
    upload_dir: Path | None = Field(
        default=None,
        description="Folder of the handed-in files, outside the web root (default: "
        "<data_dir>/uploads, so var/uploads).",
    )
    sql_echo: bool = Field(default=False, description="Log every SQL statement (debugging).")
    db_connections: int = Field(
        default=45,
        ge=2,
        le=1000,
        description="PostgreSQL connections this machine's server may open in all, shared by "
        "its processes (`agora serve --workers N`: each gets its share). Keep the sum over "
        "the app machines under PostgreSQL's max_connections (100 by default).",
    )
    concurrent_requests: int = Field(
        default=8,
        ge=1,
        le=200,
        description="Requests each process works on at once; the others wait their turn in "
        "arrival order (agora.web.admission). On PostgreSQL, lowered if need be so that they "
        "always find a connection in the process's share of db_connections.",
    )
    workers: int = Field(
        default=1,
        ge=1,
        le=32,
        description="Set by `agora serve --workers N` for its processes (shares db_connections).",
    )
    sqlite_synchronous: Literal["NORMAL", "FULL"] = Field(
        default="NORMAL",
        description="SQLite durability: NORMAL, a commit survives a crash of the server process "
        "but not a power cut or a system crash; FULL, it survives those too (each commit waits "
        "for the disk). Ignored on PostgreSQL.",
    )

    date: datetime.date | None = Field(
        default=None,
        description="The platform's day (AAAA-MM-JJ) for what depends on the date of reading, "
        "as the organisation page's « douze derniers mois »; default: today. Never changes a "
        "generated organisation or exercise (those depend on their seed only).",
    )

    @field_validator("sqlite_synchronous", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @model_validator(mode="after")
    def _secret_is_set(self) -> Settings:
        if self.environment == "production" and (
            self.secret_key == PLACEHOLDER_SECRET or len(self.secret_key) < 16
        ):
            raise InvalidInput(
                "AGORA_SECRET_KEY doit être une longue chaîne aléatoire (au moins 16 caractères) "
                "en production ; pour une démonstration locale : AGORA_ENVIRONMENT=development."
            )
        return self

    def aujourdhui(self) -> datetime.date:
        """The platform's day: AGORA_DATE when set, else today's date."""
        return self.date or datetime.date.today()

    @property
    def sqlalchemy_url(self) -> str:
        """The database URL actually used (the SQLite file under data_dir by default)."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'agora.sqlite3').resolve()}"

    @property
    def uploads_path(self) -> Path:
        """The folder of the handed-in files (upload_dir, else data_dir/uploads)."""
        return self.upload_dir if self.upload_dir is not None else self.data_dir / "uploads"

    @property
    def shown_url(self) -> str:
        """The database URL as printed for the user (password hidden)."""
        from sqlalchemy.engine import make_url

        return make_url(self.sqlalchemy_url).render_as_string(hide_password=True)


def settings_from_environment(demo: bool = False) -> Settings:
    """The settings of a command (`agora serve`, `agora db …`): a wrong AGORA_… is one French line.

    A local demo may run with the placeholder secret; anything else needs AGORA_SECRET_KEY.
    """
    try:
        if demo and "AGORA_ENVIRONMENT" not in os.environ:
            return Settings(environment="development")
        return Settings()
    except ValidationError as error:
        raise InvalidInput(" ; ".join(_refused(e) for e in error.errors())) from None


def _refused(error: dict) -> str:
    name = "AGORA_" + "_".join(str(part) for part in error["loc"]).upper()
    expected = error.get("ctx", {}).get("expected")
    allowed = f" (valeurs possibles : {expected.replace(' or ', ' ou ')})" if expected else ""
    return f"{name} : valeur refusée « {error.get('input')} »{allowed}"
