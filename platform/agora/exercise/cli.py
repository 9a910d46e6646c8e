"""`agora generate | solve | grade`: the exercise contract on the command line (JSON in, JSON out)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from agora.errors import InvalidInput
from agora.exercise.base import NIVEAUX, dumps
from agora.exercise.registry import KINDS, get_kind
from agora.exercise.variants import build_variant


class KindName(click.Choice):
    """A registered kind's name, read from the registry when the command runs (not at import)."""

    def __init__(self) -> None:
        super().__init__([])

    def convert(self, value, param, ctx):
        self.choices = list(KINDS)
        return super().convert(value, param, ctx)


KIND = click.argument("kind", type=KindName(), metavar="KIND")


def read_json(source: str | None, what: str) -> dict[str, Any]:
    """A JSON object from a file (or stdin when ``source`` is None or '-'); InvalidInput otherwise."""
    try:
        text = sys.stdin.read() if source in (None, "-") else Path(source).read_text("utf-8")
    except OSError as error:
        raise InvalidInput(f"{what} : fichier illisible {source} ({error.strerror}).") from error
    except UnicodeDecodeError as error:
        raise InvalidInput(f"{what} : le fichier {source} n'est pas en UTF-8.") from error
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInput(
            f"{what} : JSON invalide (ligne {error.lineno}, colonne {error.colno} : {error.msg})."
        ) from error
    if not isinstance(document, dict):
        raise InvalidInput(f"{what} : un objet JSON {{…}} est attendu.")
    return document


@click.command()
@KIND
@click.option("--seed", type=click.IntRange(min=0), required=True, help="Graine (entier ≥ 0).")
@click.option("--niveau", type=click.IntRange(1, 3), default=2, show_default=True)
@click.option(
    "--option",
    "options",
    multiple=True,
    metavar="NOM=VALEUR",
    help="Option du type d'exercice, comme une mission la choisit (répétable).",
)
def generate(kind: str, seed: int, niveau: int, options: tuple[str, ...]) -> None:
    """Génère un exercice : paramètres et énoncé, en JSON."""
    assert niveau in NIVEAUX
    variant = build_variant(kind, niveau, seed, org_seed=seed, options=read_options(options))
    click.echo(dumps(variant.to_json()))


def read_options(options: tuple[str, ...]) -> dict[str, str]:
    """``("methode=fifo",)`` as ``{"methode": "fifo"}``; InvalidInput for a malformed one."""
    chosen: dict[str, str] = {}
    for option in options:
        name, sep, value = option.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise InvalidInput(f"Option « {option[:40]} » : écrivez-la NOM=VALEUR (methode=fifo).")
        if name.strip() in chosen:
            raise InvalidInput(f"Option « {name.strip()[:40]} » donnée deux fois.")
        chosen[name.strip()] = value.strip()
    return chosen


@click.command()
@KIND
@click.option(
    "--params", "params_file", default=None, help="Fichier JSON (défaut : entrée standard)."
)
def solve(kind: str, params_file: str | None) -> None:
    """Calcule la solution de référence à partir des paramètres (JSON)."""
    exercise = get_kind(kind)
    params = read_json(params_file, "paramètres")
    click.echo(dumps(exercise.solve(exercise.check_params(params))))


@click.command()
@KIND
@click.option("--params", "params_file", required=True, help="Fichier JSON des paramètres.")
@click.option("--answer", "answer_file", required=True, help="Fichier JSON de la réponse.")
def grade(kind: str, params_file: str, answer_file: str) -> None:
    """Corrige une réponse d'élève et affiche la correction en JSON."""
    exercise = get_kind(kind)
    params = exercise.check_params(read_json(params_file, "paramètres"))
    answer = read_json(answer_file, "réponse")
    click.echo(dumps(exercise.grade(params, answer).to_json()))
