"""`agora backup DEST`: a consistent copy of the SQLite database while the platform runs.

SQLite's online backup API copies the database page by page from a read transaction: in WAL
mode the platform keeps writing meanwhile, and the copy is the database as of one instant
(every committed save before it, none half written). The copy is written next to DEST and
renamed at the end, so an interrupted backup never leaves a DEST that looks complete.
PostgreSQL has its own tool for this: pg_dump.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import click
import sqlalchemy as sa

from agora.config import settings_from_environment
from agora.errors import InvalidInput


def backup_sqlite(database: Path, destination: Path) -> int:
    """Copy the SQLite database at ``database`` to ``destination``; returns its size in bytes.

    InvalidInput (French) when the database is missing, DEST exists or its folder does not.
    """
    if not database.is_file():
        raise InvalidInput(f"Base SQLite introuvable : {database}.")
    if destination.exists():
        raise InvalidInput(f"{destination} existe déjà : choisissez un autre nom de fichier.")
    if not destination.parent.is_dir():
        raise InvalidInput(f"Le dossier {destination.parent} n'existe pas.")
    partial = destination.with_name(destination.name + ".partiel")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(partial)
        try:
            # pages=-1: all in one step, from one read transaction (a consistent snapshot that
            # concurrent writes cannot restart); the platform's writers are not blocked in WAL.
            source.backup(target, pages=-1)
            if target.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise InvalidInput("La copie de sauvegarde est endommagée : recommencez.")
        finally:
            target.close()
    except sqlite3.Error as error:
        partial.unlink(missing_ok=True)
        raise InvalidInput(f"Sauvegarde impossible : {error}.") from error
    finally:
        source.close()
    os.replace(partial, destination)
    return destination.stat().st_size


@click.command()
@click.argument("dest", type=click.Path(dir_okay=False, path_type=Path))
def backup(dest: Path) -> None:
    """Copier la base SQLite dans DEST pendant que la plateforme tourne."""
    url = sa.engine.make_url(settings_from_environment(demo=True).sqlalchemy_url)
    if url.get_backend_name() != "sqlite":
        raise InvalidInput(
            "La base est PostgreSQL : sauvegardez-la avec pg_dump "
            "(par exemple : pg_dump -Fc agora > agora.dump), voir docs/deploiement.md."
        )
    if not url.database or url.database == ":memory:":
        raise InvalidInput("La base SQLite est en mémoire : rien à sauvegarder.")
    size = backup_sqlite(Path(url.database), dest)
    click.echo(f"Sauvegarde écrite : {dest} ({size / 1_000_000:.1f} Mo).")
