"""The problems planted in a clean file: duplicates, wrong check keys, a postcode of another town,
records past their retention period, forbidden comments, and at level 3 the traps (two problems
on a row, a well-formed number with a wrong key, an old record kept by an open invoice)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from agora.content.secteurs import load_communes
from agora.exercise.kinds.qualite_donnees.controles import iban_ok, plus_annees, siret_ok, tva_ok
from agora.exercise.kinds.qualite_donnees.tiers import SENSIBLES_ENTREPRISE, SENSIBLES_PERSONNE

# Rows of the file, and rows with one problem, by level (level 3 adds two rows with two).
LIGNES = {1: (8, 8), 2: (12, 14), 3: (16, 20)}
SIMPLES = {1: 4, 2: 6, 3: 5}
DOUBLES = (
    ("doublon", "iban_invalide"),
    ("doublon", "siret_invalide"),
    ("conservation_depassee", "cp_ville"),
    ("siret_invalide", "cp_ville"),
    ("tva_invalide", "donnee_sensible"),
    ("cp_ville", "donnee_sensible"),
)
_FORMES = ("SARL", "SAS", "EURL")


def disponibles(fichier: str) -> list[str]:
    """The problems a file can have (a prospect has given no bank details)."""
    codes = ["doublon", "siret_invalide", "tva_invalide", "cp_ville", "conservation_depassee"]
    codes.append("donnee_sensible")
    return codes if fichier == "prospects" else [*codes, "iban_invalide"]


def plan(rng: random.Random, fichier: str, niveau: int) -> list[tuple[str, ...]]:
    """The problems of each problem row, drawn (the order is the order rows are chosen)."""
    # Every file has a duplicate: merging it is the one decision that names another row.
    codes = [c for c in disponibles(fichier) if c != "doublon"]
    simples = ["doublon", *rng.sample(codes, min(SIMPLES[niveau] - 1, len(codes)))]
    simples += [rng.choice(codes) for _ in range(SIMPLES[niveau] - len(simples))]
    specs = [(code,) for code in simples]
    if niveau == 3:
        doubles = [d for d in DOUBLES if fichier != "prospects" or "iban_invalide" not in d]
        specs += rng.sample(doubles, 2)
    return specs


# The value each wrong-key problem spoils: only a record that has it can carry the problem.
BESOINS = {"siret_invalide": "siret", "tva_invalide": "tva", "iban_invalide": "iban"}


def besoins(problemes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(BESOINS[p] for p in problemes if p in BESOINS)


def sans_cle(problemes: tuple[str, ...]) -> tuple[str, ...]:
    """The same number of problems, a wrong key replaced by one any record can carry."""
    result: list[str] = []
    for p in problemes:
        if p in BESOINS:
            p = next(
                r for r in ("cp_ville", "donnee_sensible") if r not in problemes and r not in result
            )
        result.append(p)
    return tuple(result)


def _chiffre_change(rng: random.Random, texte: str, debut: int, fin: int) -> str:
    """One digit between ``debut`` and ``fin`` replaced by another: a typing error."""
    i = rng.randrange(debut, fin)
    autre = rng.choice([c for c in "0123456789" if c != texte[i]])
    return texte[:i] + autre + texte[i + 1 :]


def fausser_siret(rng: random.Random, siret: str, subtil: bool) -> str:
    """A wrong establishment number (the SIREN stays that of the VAT number): visibly short
    below level 3, well formed with a wrong key at level 3."""
    if not subtil:
        return siret[:-1]
    faux = _chiffre_change(rng, siret, 9, 14)
    return faux if not siret_ok(faux) else fausser_siret(rng, siret, subtil)


def fausser_tva(rng: random.Random, tva: str, subtil: bool) -> str:
    if not subtil:
        return tva[:-1]
    faux = _chiffre_change(rng, tva, 2, 4)  # the key: the SIREN stays that of the SIRET
    return faux if not tva_ok(faux) else fausser_tva(rng, tva, subtil)


def fausser_iban(rng: random.Random, iban: str, subtil: bool) -> str:
    """A character dropped at every level: its key (modulo 97 of 27 characters) cannot be
    checked by hand, its length can (27 characters in France)."""
    faux = _chiffre_change(rng, iban, 14, 25)[:-1] if subtil else iban[:-1]
    return faux if not iban_ok(faux) else fausser_iban(rng, iban, False)


def _autre_code_postal(rng: random.Random, ville: str) -> str:
    communes = [c for c in load_communes() if c.ville != ville]
    return rng.choice(communes).code_postal


def abimer(
    rng: random.Random, record: dict[str, Any], probleme: str, controle: date, subtil: bool
) -> None:
    """Give the record one problem."""
    if probleme == "conservation_depassee":
        jour = plus_annees(controle, -3) - timedelta(days=rng.randint(30, 700))
        record.update(derniere_activite=jour.isoformat(), encours="0.00")
    elif probleme == "siret_invalide":
        record["siret"] = fausser_siret(rng, record["siret"], subtil)
    elif probleme == "tva_invalide":
        record["tva"] = fausser_tva(rng, record["tva"], subtil)
    elif probleme == "iban_invalide":
        record["iban"] = fausser_iban(rng, record["iban"], subtil)
    elif probleme == "cp_ville":
        record["code_postal"] = _autre_code_postal(rng, record["ville"])
    elif probleme == "donnee_sensible":
        pool = SENSIBLES_ENTREPRISE if record["type"] == "entreprise" else SENSIBLES_PERSONNE
        record.update(commentaire=rng.choice(pool), commentaire_sensible=True)


def variante_nom(rng: random.Random, record: dict[str, Any]) -> str:
    """The same name typed another way: « Dupont SARL » for « Dupont », « MARTIN Paul »."""
    nom = record["nom"]
    if record["type"] != "entreprise" and " " in nom:
        prenom, famille = nom.split(" ", 1)
        return f"{famille.upper()} {prenom}"
    forme = rng.choice(_FORMES)
    return rng.choice((f"{nom} {forme}", f"{forme} {nom}", nom.upper()))


def doublon(
    rng: random.Random, original: dict[str, Any], code: str, controle: date
) -> dict[str, Any]:
    """A second record of the same tiers, typed later by someone else."""
    copie = dict(original)
    copie.update(
        code=code,
        nom=variante_nom(rng, original),
        derniere_activite=(controle - timedelta(days=rng.randint(10, 300))).isoformat(),
        encours="0.00",
        commentaire="",
        commentaire_sensible=False,
    )
    return copie


def piege_encours(rng: random.Random, record: dict[str, Any], controle: date) -> None:
    """An old customer or supplier still owing (or owed) an invoice: the record is kept."""
    jour = plus_annees(controle, -3) - timedelta(days=rng.randint(60, 500))
    record.update(
        derniere_activite=jour.isoformat(),
        encours=f"{rng.randint(80, 2400)}.{rng.randint(0, 99):02d}",
    )


def piege_limite(rng: random.Random, record: dict[str, Any], controle: date) -> None:
    """Nearly three years old, not quite: the record is kept."""
    jour = plus_annees(controle, -3) + timedelta(days=rng.randint(5, 40))
    record.update(derniere_activite=jour.isoformat(), encours="0.00")


def piege_dix_ans(rng: random.Random, record: dict[str, Any], controle: date) -> None:
    """Past the ten years the invoices are kept: nothing is left to archive."""
    jour = plus_annees(controle, -10) - timedelta(days=rng.randint(30, 400))
    record.update(derniere_activite=jour.isoformat(), encours="0.00")
