"""`agora referentiel [show CODE | search TEXTE]`: the référentiel in a terminal, or as JSON.

JSON shapes (``--json``, UTF-8, two-space indent):
- tree:   {"poles": [{code, titre, resume, mots_cles, activites: [{code, titre,
           blocs: [{id, titre, pole, activite, competences: [{code, libelle}],
           savoirs_associes, exemples_concrets}]}]}]}
- show:   {code, libelle, pole: {code, titre}, activite: {code, titre},
           blocs: [{id, titre, pole, activite, competences: [code…], savoirs_associes,
           exemples_concrets}]}
- search: {"recherche": texte, "resultats": [{champ, texte, ou, pole, activite, bloc,
           competences: [code…]}]}
"""

from __future__ import annotations

import json
import shutil
from typing import Any

import click

from agora.francais import insecables
from agora.referentiel.loader import load_referentiel
from agora.referentiel.model import Bloc, Competence, Pole, Referentiel
from agora.referentiel.search import Hit

_JSON_KEY = "agora.referentiel.json"  # --json given before the sub-command
JSON_OPTION = click.option(
    "--json", "as_json", is_flag=True, help="Sortie JSON (pour les scripts)."
)


@click.group(invoke_without_command=True)
@JSON_OPTION
@click.pass_context
def referentiel(ctx: click.Context, as_json: bool) -> None:
    """Le référentiel AGOrA : sans sous-commande, l'arbre pôles → activités → blocs → compétences.

    \b
    Exemples :
      agora referentiel                        l'arbre complet
      agora referentiel show 2.2.1             la fiche d'une compétence
      agora referentiel search rapprochement   chercher dans tous les textes
      agora referentiel --json                 le référentiel entier en JSON
    """
    ctx.meta[_JSON_KEY] = as_json
    if ctx.invoked_subcommand is not None:
        return
    ref = load_referentiel()
    click.echo(_dumps(ref.to_json()) if as_json else "\n".join(tree_lines(ref)))


@referentiel.command(short_help="Fiche d'une compétence : blocs, savoirs, exemples.")
@click.argument("code")
@JSON_OPTION
@click.pass_context
def show(ctx: click.Context, code: str, as_json: bool) -> None:
    """Fiche d'une compétence (ex. 2.2.1) : ses blocs, savoirs associés et exemples."""
    competence = load_referentiel().competence(code)
    if as_json or ctx.meta[_JSON_KEY]:
        click.echo(_dumps(competence.to_json()))
    else:
        click.echo("\n".join(competence_lines(competence)))


@referentiel.command(short_help="Chercher dans tous les textes (accents et majuscules ignorés).")
@click.argument("texte", nargs=-1, required=True)
@JSON_OPTION
@click.pass_context
def search(ctx: click.Context, texte: tuple[str, ...], as_json: bool) -> None:
    """Cherche des mots dans tous les textes, sans tenir compte des accents ni des majuscules."""
    query = " ".join(texte)
    hits = load_referentiel().search(query)
    if as_json or ctx.meta[_JSON_KEY]:
        click.echo(_dumps({"recherche": query, "resultats": [hit.to_json() for hit in hits]}))
    else:
        click.echo("\n".join(search_lines(query, hits)))


def _dumps(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)


def _wrap(text: str, indent: str, hang: str = "") -> str:
    """One item on as many lines as the terminal needs, continuation lines aligned."""
    width = min(shutil.get_terminal_size().columns, 100)
    # French typography: a guillemet never starts or ends a screen line on its own.
    text = insecables(text)
    return click.wrap_text(
        text,
        width,
        initial_indent=indent,
        subsequent_indent=indent + hang,
        preserve_paragraphs=False,
    )


def tree_lines(ref: Referentiel) -> list[str]:
    """Pôles → activités → blocs → compétences, one screen line per item."""
    lines = [
        f"Référentiel AGOrA : {len(ref.poles)} pôles, {len(ref.activites)} activités, "
        f"{len(ref.blocs)} blocs, {len(ref.competences)} compétences.",
        "Fiche d'une compétence : agora referentiel show 2.2.1 · "
        "recherche : agora referentiel search rapprochement",
    ]
    for pole in ref.poles:
        lines += ["", *_pole_lines(pole)]
        for activite in pole.activites:
            lines += ["", _wrap(f"{activite.code} {activite.titre}", "  ", "    ")]
            for bloc in activite.blocs:
                lines.append(_wrap(f"• {bloc.titre} [{bloc.id}]", "    ", "  "))
                for code in bloc.competences:
                    libelle = ref.competence(code).libelle
                    lines.append(_wrap(f"{code} {libelle}", "        ", "      "))
    return lines


def _pole_lines(pole: Pole) -> list[str]:
    return [
        _wrap(f"Pôle {pole.code} — {pole.titre}", "", "  "),
        _wrap(f"Mots-clés : {' · '.join(pole.mots_cles)}", "  ", "  "),
    ]


def competence_lines(competence: Competence) -> list[str]:
    """The card of one competency: where it sits, then each of its blocs in full."""
    lines = [
        _wrap(f"{competence.code} {competence.libelle}", "", "      "),
        _wrap(f"Pôle {competence.pole.code} — {competence.pole.titre}", "  ", "  "),
        _wrap(f"Activité {competence.activite.code} — {competence.activite.titre}", "  ", "  "),
    ]
    for bloc in competence.blocs:
        lines += ["", *_bloc_lines(bloc)]
    return lines


def _bloc_lines(bloc: Bloc) -> list[str]:
    lines = [
        _wrap(f"Bloc {bloc.id} : {bloc.titre}", "", "  "),
        f"  Compétences du bloc : {', '.join(bloc.competences)}",
        "  Savoirs associés",
    ]
    lines += [_wrap(f"• {savoir}", "    ", "  ") for savoir in bloc.savoirs_associes]
    lines.append("  Exemples concrets")
    lines += [_wrap(f"• {exemple}", "    ", "  ") for exemple in bloc.exemples_concrets]
    return lines


def search_lines(query: str, hits: list[Hit]) -> list[str]:
    """Each hit: where it is, then the text found."""
    if not hits:
        return [f"Aucun résultat pour « {query} »."]
    count = f"{len(hits)} résultat{'s' if len(hits) > 1 else ''}"
    lines = [f"{count} pour « {query} » :"]
    for hit in hits:
        lines += ["", hit.ou, _wrap(hit.texte, "  ", "  ")]
    return lines
