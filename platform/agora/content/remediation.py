"""Remediation missions: one short step of a kind at level 1, built in code, never a file.

A teacher gives one from the class report of a step (« Donner un exercice de remédiation à ces
N élèves »): the assignment names the mission ``remediation-<kind>`` (plus the options of the
step it follows, ``--methode-peps``), which ``get_mission`` builds here. Built rather than
written in scenarios/missions/, so the list of missions a teacher chooses from, the demo and the
coverage of the référentiel stay the curriculum's, and every kind has one without a file to keep.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from agora.errors import InvalidInput, UnknownCode
from agora.exercise.registry import KINDS

PREFIX = "remediation-"
FOR = "--pour-"  # the diagnostic a remediation is for
SLUG_MAX = 100  # Assignment.mission_slug
POINTS = 10
_SAFE = re.compile(r"^[a-z0-9_]+$")  # option values a slug may carry (« février » may not)


def remediation_slug(
    kind: str, options: Mapping[str, str] | None = None, diagnostic: str | None = None
) -> str:
    """The slug of the remediation of ``kind`` with the options (others at their default)
    of the step it follows, and the diagnostic it is for when the kind names it to students:
    « remediation-fiche_stock--methode-peps--pour-cmup_mal_calcule »."""
    chosen = KINDS[kind].choose_options(options or {})
    parts = [
        f"--{name}-{value}"
        for name, value in sorted(chosen.items())
        if value != KINDS[kind].OPTIONS[name].defaut and _SAFE.match(value)
    ]
    slug = PREFIX + kind + "".join(parts)
    pour = f"{FOR}{diagnostic.lower()}" if diagnostic else ""
    if pour and _SAFE.match(pour[len(FOR) :]) and diagnostic_message(kind, diagnostic):
        slug += pour
    return slug if len(slug) <= SLUG_MAX else PREFIX + kind


def diagnostic_message(kind: str, code: str) -> str | None:
    """The French message a kind gives students for a diagnostic; None for a code it does not
    name (or an unknown kind)."""
    known = KINDS.get(kind)
    return known.MESSAGES.get(code) if known else None


def is_remediation(slug: str) -> bool:
    return slug.startswith(PREFIX)


@cache
def remediation_mission(slug: str):
    """The one-step mission of a remediation slug; UnknownCode when it names no kind."""
    from agora.content.missions import Mission  # missions.get_mission calls this module

    body, _, pour = slug.removeprefix(PREFIX).partition(FOR)
    kind_name, *parts = body.split("--")
    kind = KINDS.get(kind_name)
    message = diagnostic_message(kind_name, pour.upper()) if kind and pour else None
    if kind is None or (pour and message is None):
        raise UnknownCode(f"Mission inconnue : « {slug} ».")
    options = dict(part.partition("-")[::2] for part in parts)
    revoir = f"**Point à revoir** : {message}\n\n" if message else ""
    try:
        options = kind.choose_options(options)
    except InvalidInput:
        raise UnknownCode(f"Mission inconnue : « {slug} ».") from None
    return Mission(
        slug=slug,
        titre=f"Remédiation : {kind.TITRE}",
        niveau=1,
        duree_minutes=20,
        competences=list(kind.COMPETENCES),
        resume=f"Un exercice guidé pour reprendre la méthode : {kind.TITRE.lower()}.",
        etapes=[
            {
                "type": "exercice",
                "kind": kind.NAME,
                "niveau": 1,
                "points": POINTS,
                "titre": kind.TITRE,
                "contexte": f"{revoir}Reprenez la méthode pas à pas. Après chaque essai, "
                "lisez « Ce qu'il faut revoir » avant de recommencer.",
                "options": options,
            }
        ],
        histoire="Votre enseignant vous propose cet exercice pour revoir une méthode "
        "que vous n'avez pas encore maîtrisée lors d'une mission précédente.",
    )
