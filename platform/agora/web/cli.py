"""The `agora serve`, `agora demo` and `agora db …` commands."""

from __future__ import annotations

import os

import click
from pydantic import ValidationError

from agora.config import Settings
from agora.errors import InvalidInput


def _settings(demo: bool = False) -> Settings:
    # A local demo may run with the placeholder secret; anything else needs AGORA_SECRET_KEY.
    try:
        if demo and "AGORA_ENVIRONMENT" not in os.environ:
            return Settings(environment="development")
        return Settings()
    except ValidationError as error:  # a wrong AGORA_… variable: one French line, exit 2
        raise InvalidInput(" ; ".join(_refused(e) for e in error.errors())) from None


def _refused(error: dict) -> str:
    name = "AGORA_" + "_".join(str(part) for part in error["loc"]).upper()
    expected = error.get("ctx", {}).get("expected")
    allowed = f" (valeurs possibles : {expected.replace(' or ', ' ou ')})" if expected else ""
    return f"{name} : valeur refusée « {error.get('input')} »{allowed}"


# Seconds a stopping server gives the requests in flight (the whole stop must stay under 5 s).
GRACEFUL_SECONDS = 3


@click.group()
def db() -> None:
    """Base de données : migrations."""


@db.command()
def upgrade() -> None:
    """Appliquer les migrations (créer ou mettre à jour les tables)."""
    from agora import migrations
    from agora.db import make_engine

    settings = _settings(demo=True)
    engine = make_engine(settings)
    try:
        migrations.upgrade(engine)
    finally:
        engine.dispose()
    click.echo(f"Base à jour : {_shown_url(settings)}")


@db.command()
@click.option("-m", "--message", required=True, help="Ce que change la migration.")
def revision(message: str) -> None:
    """Générer une migration d'après les modèles (pour les développeurs)."""
    from agora import migrations
    from agora.db import make_engine

    engine = make_engine(_settings(demo=True))
    try:
        migrations.revision(engine, message)
    finally:
        engine.dispose()


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Adresse d'écoute.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port d'écoute.")
@click.option(
    "--demo", is_flag=True, help="Créer l'établissement de démonstration si la base est vide."
)
def serve(host: str, port: int, demo: bool) -> None:
    """Démarrer la plateforme web (applique les migrations au démarrage)."""
    import uvicorn

    from agora import migrations
    from agora.app import create_app

    settings = _settings(demo)
    app = create_app(settings)
    migrations.upgrade(app.state.engine)
    if demo:
        from agora.web.demo import create_demo_if_empty

        _print_logins(create_demo_if_empty(app.state.engine))
    click.echo(f"Agora Sim : http://{host}:{port}/  (base : {_shown_url(settings)})")
    # SIGTERM: requests in flight get a few seconds to finish, then the server stops (exam
    # writes are short and their wait for the write lock is bounded, see exam.service).
    uvicorn.run(
        app, host=host, port=port, log_level="info", timeout_graceful_shutdown=GRACEFUL_SECONDS
    )


@click.command()
def demo() -> None:
    """Créer l'établissement de démonstration (un enseignant, deux classes de 24 élèves)."""
    from agora import migrations
    from agora.db import make_engine
    from agora.web.demo import create_demo_if_empty

    engine = make_engine(_settings(demo=True))
    try:
        migrations.upgrade(engine)
        logins = create_demo_if_empty(engine)
    finally:
        engine.dispose()
    _print_logins(logins)


def _print_logins(logins) -> None:
    click.echo("Établissement de démonstration — identifiants :")
    click.echo(f"  Enseignant : {logins.teacher[0]}  /  mot de passe : {logins.teacher[1]}")
    for login in logins.students:
        click.echo(f"  Élève      : {login}  /  mot de passe : {logins.student_password}")
    if logins.exam_code:
        click.echo(
            f"  Évaluation ouverte (menu « Évaluations » de l'élève) : code {logins.exam_code}"
        )


def _shown_url(settings: Settings) -> str:
    from sqlalchemy.engine import make_url

    return make_url(settings.sqlalchemy_url).render_as_string(hide_password=True)
