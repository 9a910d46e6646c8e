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
POINTS = 10
_SAFE = re.compile(r"^[a-z0-9_]+$")  # option values a slug may carry (« février » may not)


def remediation_slug(kind: str, options: Mapping[str, str] | None = None) -> str:
    """The slug of the remediation of ``kind`` with the options (others at their default)
    of the step it follows: « remediation-fiche_stock--methode-peps »."""
    chosen = KINDS[kind].choose_options(options or {})
    parts = [
        f"--{name}-{value}"
        for name, value in sorted(chosen.items())
        if value != KINDS[kind].OPTIONS[name].defaut and _SAFE.match(value)
    ]
    return PREFIX + kind + "".join(parts)


def is_remediation(slug: str) -> bool:
    return slug.startswith(PREFIX)


@cache
def remediation_mission(slug: str):
    """The one-step mission of a remediation slug; UnknownCode when it names no kind."""
    from agora.content.missions import Mission  # missions.get_mission calls this module

    kind_name, *parts = slug.removeprefix(PREFIX).split("--")
    kind = KINDS.get(kind_name)
    if kind is None:
        raise UnknownCode(f"Mission inconnue : « {slug} ».")
    options = dict(part.partition("-")[::2] for part in parts)
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
                "contexte": "Reprenez la méthode pas à pas. Après chaque essai, lisez "
                "« Ce qu'il faut revoir » avant de recommencer.",
                "options": options,
            }
        ],
        histoire="Votre enseignant vous propose cet exercice pour revoir une méthode "
        "que vous n'avez pas encore maîtrisée lors d'une mission précédente.",
    )
