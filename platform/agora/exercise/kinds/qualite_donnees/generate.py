"""A ``qualite_donnees`` variant drawn from the organisation: its customers, prospects or
suppliers as a file with planted problems, the day of the check, and the jobs that use the file."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.base import Options, Variant
from agora.exercise.kinds.qualite_donnees import defauts
from agora.exercise.kinds.qualite_donnees.params import FICHIERS, NAME, ORDRE_DES_CLES
from agora.exercise.kinds.qualite_donnees.roles import CATEGORIES_DU_FICHIER, roles
from agora.exercise.kinds.qualite_donnees.statement import enonce
from agora.exercise.kinds.qualite_donnees.tiers import base


def _controle(rng: random.Random, organisation: Any) -> date:
    """The day the file is checked, within the organisation's financial year."""
    return organisation.exercice_debut + timedelta(days=rng.randint(30, 330))


def _placer(
    rng: random.Random,
    lignes: list[dict[str, Any]],
    specs: list[tuple[str, ...]],
    niveau: int,
    controle: date,
) -> None:
    """Give each planned problem row its problems; a duplicate is a new row after its original."""
    libres = list(range(len(lignes)))  # clean rows not yet used (an original stays clean)
    suivant = len(lignes) + 1
    prefixe = lignes[0]["code"][0]
    for spec in specs:
        autres = tuple(p for p in spec if p != "doublon")
        choix = _porteurs(lignes, libres, autres)
        if not choix:  # no free record has that number: a problem any record can carry
            autres = defauts.sans_cle(autres)
            spec = ("doublon", *autres) if "doublon" in spec else autres
            choix = _porteurs(lignes, libres, autres)
        if not choix:
            continue  # more problems than clean rows (params built by hand only)
        i = rng.choice(choix)
        libres.remove(i)
        cible = lignes[i]
        if "doublon" in spec:
            cible = defauts.doublon(rng, lignes[i], f"{prefixe}{suivant:03d}", controle)
            suivant += 1
            place = rng.randint(i + 1, len(lignes))
            lignes.insert(place, cible)
            libres = [j + 1 if j >= place else j for j in libres]  # rows after it moved down
        for probleme in autres:
            defauts.abimer(rng, cible, probleme, controle, subtil=niveau == 3)
    _pieges(rng, lignes, libres, niveau, controle)


def _porteurs(
    lignes: list[dict[str, Any]], libres: list[int], problemes: tuple[str, ...]
) -> list[int]:
    """The free rows that have what these problems spoil (a SIRET, a VAT number, an IBAN)."""
    cles = defauts.besoins(problemes)
    return [i for i in libres if all(lignes[i][c] for c in cles)]


def _pieges(
    rng: random.Random, lignes: list[dict[str, Any]], libres: list[int], niveau: int, controle: date
) -> None:
    """Level 3: records that look old but are kept, and one past the ten years."""
    if niveau < 3:
        return
    fichier = lignes[0]["code"][0]
    pieges = [defauts.piege_limite]
    if fichier != "P":
        pieges += [defauts.piege_encours, defauts.piege_dix_ans]
    for piege in pieges:
        if libres:
            i = rng.choice(libres)
            libres.remove(i)
            piege(rng, lignes[i], controle)


def params(rng: random.Random, organisation: Any, niveau: int, fichier: str) -> dict[str, Any]:
    controle = _controle(rng, organisation)
    specs = defauts.plan(rng, fichier, niveau)
    total = rng.randint(*defauts.LIGNES[niveau])
    doublons = sum("doublon" in spec for spec in specs)
    lignes = base(rng, organisation, fichier, total - doublons, controle)
    _placer(rng, lignes, specs, niveau, controle)
    return {
        "fichier": fichier,
        "relation": organisation.relation,
        "date_controle": controle.isoformat(),
        "deux_problemes": niveau == 3,
        "indices": niveau == 1,
        "lignes": [{cle: record.get(cle) for cle in ORDRE_DES_CLES} for record in lignes],
        "categories": list(CATEGORIES_DU_FICHIER[fichier]),
        "roles": roles(rng, niveau, organisation.relation, fichier),
    }


def generate(seed: int, niveau: int, organisation: Any, options: Options = None) -> Variant:
    """The variant of this seed, level and file in the organisation."""
    if niveau not in (1, 2, 3):
        raise InvalidInput(f"Niveau inconnu : {niveau} (1, 2 ou 3).")
    fichier = dict(options or {}).get("fichier", "clients")
    if not isinstance(fichier, str) or fichier not in FICHIERS:
        raise InvalidInput(f"Fichier inconnu : « {fichier} » ({', '.join(FICHIERS)}).")
    rng = random.Random(f"{NAME}:{seed}:{niveau}:{fichier}")
    document = params(rng, organisation, niveau, fichier)
    texte = enonce(document, organisation, niveau)
    return Variant(NAME, seed, niveau, document, texte, {"fichier": fichier})
