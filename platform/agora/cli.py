"""The `agora` command: one entry point, sub-commands loaded from each domain package on use.

Every failure a user can cause prints one French line on stderr and exits 2.
"""

from __future__ import annotations

import importlib
import sys

import click

from agora.errors import DomainError

# name -> "module:attribute" of a click command; loaded only when run (fast start-up,
# and one domain's import error does not break the others' commands).
COMMANDS: dict[str, tuple[str, str]] = {
    "referentiel": (
        "agora.referentiel.cli:referentiel",
        "Le référentiel AGOrA : arbre, fiche, recherche.",
    ),
    "company": ("agora.company.cli:company", "Générer l'organisation fictive d'un élève."),
    "generate": ("agora.exercise.cli:generate", "Générer un exercice (paramètres et énoncé)."),
    "solve": ("agora.exercise.cli:solve", "Calculer la solution de référence d'un exercice."),
    "grade": ("agora.exercise.cli:grade", "Corriger une réponse d'élève."),
    "serve": ("agora.serve:serve", "Démarrer la plateforme web."),
    "demo": ("agora.serve:demo", "Créer l'établissement de démonstration."),
    "db": ("agora.migrations.cli:db", "Base de données : migrations."),
    "backup": ("agora.backup:backup", "Copier la base SQLite pendant que la plateforme tourne."),
}


class LazyGroup(click.Group):
    """A group whose sub-commands are imported the first time they are asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module_name, attribute = COMMANDS[name][0].split(":")
        return getattr(importlib.import_module(module_name), attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_text) for name, (_, help_text) in COMMANDS.items()]
        with formatter.section("Commandes"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(
    package_name="agora-sim", message="agora %(version)s", help="Afficher la version et quitter."
)
@click.help_option("-h", "--help", help="Afficher cette aide et quitter.")
def cli() -> None:
    """Agora Sim : entraînement au Bac Pro AGOrA dans une organisation fictive."""


def fail(message: str) -> None:
    """Print one line on stderr and exit 2 (the contract for every bad input)."""
    click.echo(f"agora : {' '.join(message.split())}", err=True)
    sys.exit(2)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    try:
        cli.main(args=argv, prog_name="agora", standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.exceptions.Abort:
        fail("interrompu.")
    except click.UsageError as error:
        fail(_usage_message(error))
    except click.ClickException as error:
        fail(error.format_message())
    except DomainError as error:
        fail(str(error))


def _usage_message(error: click.UsageError) -> str:
    """Click's usage errors in French, on one line."""
    text = error.format_message()
    replacements = {
        "No such option": "option inconnue",
        "No such command": "commande inconnue",
        "Missing argument": "argument manquant",
        "Missing option": "option manquante",
        "Invalid value for": "valeur invalide pour",
        "is not a valid integer": "n'est pas un nombre entier",
        "is not one of": "n'est pas parmi",
        "is not in the range": "n'est pas dans l'intervalle",
        "Got unexpected extra argument": "argument en trop",
        "requires an argument": "attend une valeur",
        "Option": "l'option",
        "Did you mean": "vouliez-vous dire",
    }
    for english, french in replacements.items():
        text = text.replace(english, french)
    return f"{text} (voir agora --help)"
