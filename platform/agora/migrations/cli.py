"""The `agora db …` commands: apply the migrations, or generate one from the models."""

from __future__ import annotations

import click

from agora import migrations
from agora.config import settings_from_environment
from agora.db import make_engine


@click.group()
def db() -> None:
    """Base de données : migrations."""


@db.command()
def upgrade() -> None:
    """Appliquer les migrations (créer ou mettre à jour les tables)."""
    settings = settings_from_environment(demo=True)
    engine = make_engine(settings)
    try:
        migrations.upgrade(engine)
    finally:
        engine.dispose()
    click.echo(f"Base à jour : {settings.shown_url}")


@db.command()
@click.option("-m", "--message", required=True, help="Ce que change la migration.")
def revision(message: str) -> None:
    """Générer une migration d'après les modèles (pour les développeurs)."""
    engine = make_engine(settings_from_environment(demo=True))
    try:
        migrations.revision(engine, message)
    finally:
        engine.dispose()
