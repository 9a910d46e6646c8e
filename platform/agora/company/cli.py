"""`agora company`: print the organisation of a seed, as JSON or as the Markdown fiche."""

from __future__ import annotations

import json
from datetime import date, datetime

import click

from agora.company.fiche import render_fiche
from agora.company.generator import generate_company
from agora.content.secteurs import secteur_codes


@click.command("company")
@click.option(
    "--seed",
    type=click.IntRange(min=0),
    required=True,
    help="Graine (entier ≥ 0) de l'organisation.",
)
@click.option(
    "--secteur",
    default=None,
    help="Code du secteur, parmi : "
    + ", ".join(secteur_codes())
    + " (par défaut : tiré de la graine).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "md"]),
    default="json",
    show_default=True,
    help="json : toutes les données ; md : la fiche entreprise.",
)
@click.option(
    "--date",
    "aujourdhui",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    envvar="AGORA_DATE",
    help="Jour de lecture de la fiche (AAAA-MM-JJ), qui date ses douze derniers mois "
    "(par défaut : AGORA_DATE, sinon aujourd'hui).",
)
def company(
    seed: int, secteur: str | None, output_format: str, aujourdhui: datetime | None
) -> None:
    """Générer l'organisation fictive d'un élève (identique pour une même graine)."""
    organisation = generate_company(seed, secteur)
    if output_format == "md":
        jour = aujourdhui.date() if aujourdhui else date.today()
        click.echo(render_fiche(organisation, aujourdhui=jour), nl=False)
    else:
        click.echo(json.dumps(organisation.to_dict(), ensure_ascii=False, indent=2))
