"""The commands that bring the platform up: `agora serve` (the web server) and `agora demo`."""

from __future__ import annotations

import os

import click

from agora.config import settings_from_environment
from agora.errors import InvalidInput

# Seconds a stopping server gives the requests in flight (the whole stop must stay under 5 s).
GRACEFUL_SECONDS = 3
# Seconds an idle connection stays open. uvicorn's 5 s default closes a student's connection
# while the browser reuses it for the next autosave: the save then fails on a reset
# connection. Longer than the browsers' and proxies' own idle limits (nginx: 60–75 s).
KEEP_ALIVE_SECONDS = 75


def server_options() -> dict:
    """The uvicorn settings of every Agora server (``agora serve`` and the tests' live one)."""
    return {
        "timeout_keep_alive": KEEP_ALIVE_SECONDS,
        "timeout_graceful_shutdown": GRACEFUL_SECONDS,
    }


# Most worker processes `agora serve --workers` accepts (a 2-core lycée server needs 2–4).
MAX_WORKERS = 32


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Adresse d'écoute.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port d'écoute.")
@click.option(
    "--demo", is_flag=True, help="Créer l'établissement de démonstration si la base est vide."
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=int,
    help="Nombre de processus serveurs (plusieurs : base PostgreSQL conseillée ; "
    "un par cœur de processeur).",
)
def serve(host: str, port: int, demo: bool, workers: int) -> None:
    """Démarrer la plateforme web (applique les migrations au démarrage)."""
    import uvicorn

    from agora import migrations

    if not 1 <= workers <= MAX_WORKERS:
        raise InvalidInput(f"--workers : un nombre de processus de 1 à {MAX_WORKERS}.")
    settings = settings_from_environment(demo)
    if workers == 1:
        from agora.app import create_app

        app = create_app(settings)
        app.state.served = True  # templates compiled, heap frozen (app._lifespan)
        engine = app.state.engine
    else:
        from agora.db import make_engine

        app, engine = "agora.serve:worker_app", make_engine(settings)
    # Migrations and the demo run once, here, before any worker starts.
    migrations.upgrade(engine)
    if demo:
        from agora.demo import create_demo_if_empty

        _print_logins(create_demo_if_empty(engine))
    if workers > 1:
        engine.dispose()  # the workers open their own connections
        # Each worker rebuilds the same settings from the environment (see worker_app).
        os.environ["AGORA_ENVIRONMENT"] = settings.environment
        os.environ["AGORA_WORKERS"] = str(workers)  # they share the database connections
    click.echo(f"Agora Sim : http://{host}:{port}/  (base : {settings.shown_url})")
    # SIGTERM: requests in flight get a few seconds to finish, then the server stops (exam
    # writes are short and their wait for the write lock is bounded, see exam.service).
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="info",
        workers=workers if workers > 1 else None,
        factory=workers > 1,
        **server_options(),
    )


def worker_app():
    """The app of one worker process of `agora serve --workers N` (uvicorn's factory)."""
    from agora.app import create_app

    app = create_app(settings_from_environment())
    app.state.served = True  # templates compiled, heap frozen (app._lifespan)
    return app


@click.command()
def demo() -> None:
    """Créer l'établissement de démonstration (un enseignant, deux classes de 24 élèves)."""
    from agora import migrations
    from agora.db import make_engine
    from agora.demo import create_demo_if_empty

    engine = make_engine(settings_from_environment(demo=True))
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
