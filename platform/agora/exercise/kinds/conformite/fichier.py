"""The supplier file to keep up to date (2.1.3): the organisation's suppliers with valid numbers
(made as ``qualite_donnees`` makes them), then the planted problems and level-3 traps."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from agora.exercise.kinds.conformite.controles import plus_mois
from agora.exercise.kinds.qualite_donnees.defauts import fausser_iban, fausser_siret, variante_nom
from agora.exercise.kinds.qualite_donnees.tiers import base

# Records, and the problems planted, by level (level 3 adds two traps on clean records).
NOMBRE = {1: 4, 2: 6, 3: 8}
PROBLEMES = ("siret_invalide", "iban_invalide", "siret_manquant", "doublon", "vigilance_perimee")
PLANTES = {1: ("siret_invalide", "vigilance_perimee"), 2: 3, 3: 4}
CLES = ("code", "nom", "siret", "iban", "email", "montant_contrat", "attestation_vigilance")


def _montant(rng: random.Random, requis: bool) -> str:
    euros = rng.randint(50, 600) * 100 if requis else rng.randint(8, 49) * 100
    return f"{euros}.00"


def _vigilance(rng: random.Random, controle: date, mode: str, subtil: bool) -> str | None:
    """The day of the last attestation: within six months, past them, or exactly six months."""
    limite = plus_mois(controle, -6)  # an attestation of that day is valid until the check
    if mode == "ok":
        return (limite + timedelta(days=rng.randint(1, 170))).isoformat()
    if mode == "piege":
        return limite.isoformat()
    if not subtil and rng.random() < 0.3:
        return None
    return (limite - timedelta(days=1 if subtil else rng.randint(5, 200))).isoformat()


def _plan(rng: random.Random, niveau: int) -> list[str]:
    plantes = PLANTES[niveau]
    if isinstance(plantes, tuple):
        return list(plantes)
    return ["doublon", *rng.sample([p for p in PROBLEMES if p != "doublon"], plantes - 1)]


def fournisseurs(
    rng: random.Random, organisation: Any, niveau: int, controle: date
) -> list[dict[str, Any]]:
    """The supplier file of the check, its problems planted (one per record)."""
    subtil = niveau == 3
    plan = _plan(rng, niveau)
    doublon = "doublon" in plan
    records = base(rng, organisation, "fournisseurs", NOMBRE[niveau] - doublon, controle)
    for r in records:
        r["montant_contrat"] = _montant(rng, True)
        r["attestation_vigilance"] = _vigilance(rng, controle, "ok", subtil)
    libres = list(range(len(records)))
    rng.shuffle(libres)
    for probleme in (p for p in plan if p != "doublon"):
        r = records[libres.pop()]
        if probleme == "siret_invalide":
            r["siret"] = fausser_siret(rng, r["siret"], subtil)
        elif probleme == "iban_invalide":
            r["iban"] = fausser_iban(rng, r["iban"], subtil)
        elif probleme == "siret_manquant":
            r["siret"] = None
        else:
            r["attestation_vigilance"] = _vigilance(rng, controle, "nc", subtil)
    if subtil:  # no attestation under the threshold; one exactly six months old
        sous_seuil = records[libres.pop()]
        sous_seuil.update(montant_contrat=_montant(rng, False), attestation_vigilance=None)
        records[libres.pop()]["attestation_vigilance"] = _vigilance(rng, controle, "piege", True)
    if doublon:
        i = libres.pop() if libres else 0
        copie = dict(records[i], nom=variante_nom(rng, records[i]))
        records.insert(rng.randint(i + 1, len(records)), copie)
    for k, r in enumerate(records):
        r["code"] = f"F{k + 1:03d}"
    return [{cle: r.get(cle) for cle in CLES} for r in records]
