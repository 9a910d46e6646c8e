"""A ``conformite`` variant drawn from the organisation: the register its sector keeps, with
planted non-conformities (and level-3 traps), and its supplier file to keep up to date."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.base import Options, Variant, tirage
from agora.exercise.kinds.conformite.fichier import fournisseurs
from agora.exercise.kinds.conformite.params import NAME
from agora.exercise.kinds.conformite.registres import REGISTRE_DU_SECTEUR, Tirage, lignes
from agora.exercise.kinds.conformite.statement import enonce

FOURNISSEURS = {"oui": "Avec le fichier fournisseurs (2.1.3)", "non": "Registre seul (2.1.4)"}
# Rows of the register by level: conforming, non-conforming, traps.
MODES = {1: (4, 2, 0), 2: (6, 4, 0), 3: (5, 4, 3)}


def _controle(rng: random.Random, organisation: Any) -> date:
    """The day of the check, in the organisation's financial year; never after the 28th, so
    that « the same day n months earlier » always exists."""
    jour = organisation.exercice_debut + timedelta(days=rng.randint(30, 330))
    return jour.replace(day=min(jour.day, 28))


def _modes(rng: random.Random, niveau: int) -> list[str]:
    ok, nc, piege = MODES[niveau]
    modes = ["ok"] * ok + ["nc"] * nc + ["piege"] * piege
    rng.shuffle(modes)
    return modes


def params(rng: random.Random, organisation: Any, niveau: int, avec: bool) -> dict[str, Any]:
    controle = _controle(rng, organisation)
    registre = REGISTRE_DU_SECTEUR.get(organisation.secteur, "securite")
    t = Tirage(rng, controle, organisation, niveau)
    rows = lignes(t, registre, _modes(rng, niveau))
    return {
        "secteur": organisation.secteur_libelle,
        "registre": registre,
        "date_controle": controle.isoformat(),
        "indices": niveau == 1,
        "lignes": rows,
        "rappels": sorted(t.rappels),
        "fournisseurs": fournisseurs(rng, organisation, niveau, controle) if avec else [],
    }


def generate(seed: int, niveau: int, organisation: Any, options: Options = None) -> Variant:
    """The variant of this seed, level and option in the organisation."""
    choix = dict(options or {}).get("fournisseurs", "oui")
    if not isinstance(choix, str) or choix not in FOURNISSEURS:
        raise InvalidInput(f"Option fournisseurs inconnue : « {choix} » (oui, non).")
    rng = tirage(NAME, seed, niveau, choix)
    document = params(rng, organisation, niveau, choix == "oui")
    texte = enonce(document, organisation, niveau)
    return Variant(NAME, seed, niveau, document, texte, {"fournisseurs": choix})
