"""The params of a ``conformite`` variant: read into typed objects, refused in one French line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from agora.errors import InvalidInput
from agora.exercise.kinds.conformite.regles import load_regles
from agora.exercise.params import (
    code_connu,
    lire_booleen,
    lire_jour,
    lire_liste,
    lire_montant,
    lire_nombre,
    lire_objet,
)

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "conformite"

# The register each sector keeps (a sector without a specific one keeps the safety register).
REGISTRES = {
    "haccp": "Registre d'hygiène (HACCP) : températures et dates limites",
    "tracabilite": "Registre des lots reçus et des vérifications de l'entrepôt",
    "chantier": "Registre de chantier : assurances des sous-traitants et vérifications",
    "eau": "Registre des analyses d'eau potable",
    "securite": "Registre de sécurité : vérifications périodiques",
}
# The kinds of record a register holds, and what each one needs.
CONTROLES = {
    "froid_positif": ("valeur",),
    "froid_negatif": ("valeur",),
    "dlc": ("echeance", "lot"),
    "ddm": ("echeance", "lot"),
    "lot": ("lot",),
    "decennale": ("echeance",),
    "verification": ("code",),
    "analyse": ("code", "valeur"),
}
MAX_LIGNES, MAX_FOURNISSEURS, MAX_RAPPELS = 20, 12, 5
_MAX_TEXTE = 120


class Releve(NamedTuple):
    """One row of the register: a reading, a product, a lot, an attestation or a check."""

    date: date  # the day of the record (of the last check, for a periodic check)
    controle: str  # one of CONTROLES
    objet: str  # what the row is about, as the statement shows it
    code: str | None  # the equipment (verification) or the parameter (analyse)
    valeur: Decimal | None  # °C, or the analysis result in the parameter's unit
    echeance: date | None  # DLC, DDM, end of validity of the attestation
    lot: str | None
    fournisseur: str | None


class Fournisseur(NamedTuple):
    """One record of the supplier file."""

    code: str
    nom: str
    siret: str | None
    iban: str | None
    email: str
    montant: Decimal  # the yearly contract, € HT
    attestation: date | None  # date of the last attestation de vigilance


@dataclass(frozen=True)
class Registre:
    """Typed, validated params of one check of the registers and the supplier file."""

    secteur: str
    registre: str
    date_controle: date
    indices: bool  # level 1: the statement says how many rows to flag and where to look
    lignes: tuple[Releve, ...]
    rappels: tuple[str, ...]  # lot numbers named by a product recall
    fournisseurs: tuple[Fournisseur, ...]


def _texte(raw: Any, ou: str) -> str:
    if not isinstance(raw, str) or not raw.strip() or len(raw) > _MAX_TEXTE:
        raise InvalidInput(f"Paramètres : {ou} doit être un texte de 1 à {_MAX_TEXTE} caractères.")
    return raw


def _option(raw: Any, ou: str) -> str | None:
    return None if raw is None else _texte(raw, ou)


def _parmi(raw: Any, valeurs: Any, ou: str) -> str:
    return code_connu(raw, valeurs, f"{ou} inconnu")


def _valeur(raw: Any, ou: str) -> Decimal | None:
    if raw is None:
        return None
    valeur = lire_nombre(raw, ou)
    if abs(valeur) > 100_000:
        raise InvalidInput(f"Paramètres : {ou} hors limites.")
    return valeur


def _jour_ou_rien(raw: Any, ou: str) -> date | None:
    return None if raw is None else lire_jour(raw, ou)


def _controle(raw: Any, ou: str) -> str:
    return _parmi(raw, CONTROLES, ou)


# Each key of a register row: its reader and how a message names it.
LECTURE_RELEVE = (
    ("date", lire_jour, "date"),
    ("controle", _controle, "contrôle"),
    ("objet", _texte, "objet"),
    ("code", _option, "code"),
    ("valeur", _valeur, "valeur"),
    ("echeance", _jour_ou_rien, "échéance"),
    ("lot", _option, "lot"),
    ("fournisseur", _option, "fournisseur"),
)


@lru_cache(maxsize=MAX_LIGNES)
def _ou_releve(i: int) -> tuple[str, tuple[tuple[str, Any, str], ...]]:
    """How messages name register row ``i`` and each of its keys (the same for every register,
    written once rather than eight texts a row at each grade)."""
    ou = f"ligne {i + 1}"
    return ou, tuple((champ, lire, f"{nom} de la {ou}") for champ, lire, nom in LECTURE_RELEVE)


def _releve(raw: Any, i: int) -> Releve:
    ou, lectures = _ou_releve(i)
    r = lire_objet(raw, f"la {ou}")
    releve = Releve(*[lire(r.get(champ), ou_champ) for champ, lire, ou_champ in lectures])
    controle = releve.controle
    for champ in CONTROLES[controle]:
        if getattr(releve, champ) is None:
            raise InvalidInput(f"Paramètres : « {champ} » manque à la {ou} ({controle}).")
    regles = load_regles()
    if controle == "verification":
        _parmi(releve.code, regles.verifications.equipements, f"équipement de la {ou}")
    if controle == "analyse":
        _parmi(releve.code, regles.eau.parametres, f"paramètre de la {ou}")
    return releve


# Each key of a supplier record, in the order of Fournisseur's fields: its reader and how a
# message names it.
LECTURE_FOURNISSEUR = (
    ("code", "code", _texte, "code"),
    ("nom", "nom", _texte, "nom"),
    ("siret", "siret", _option, "SIRET"),
    ("iban", "iban", _option, "IBAN"),
    ("email", "email", _texte, "e-mail"),
    ("montant", "montant_contrat", lire_montant, "montant du contrat"),
    ("attestation", "attestation_vigilance", _jour_ou_rien, "attestation de vigilance"),
)


@lru_cache(maxsize=MAX_FOURNISSEURS)
def _ou_fournisseur(i: int) -> tuple[tuple[str, Any, str], ...]:
    """Each key of supplier record ``i`` with its reader and how a message names it."""
    return tuple(
        (cle, lire, f"{nom} du fournisseur {i + 1}") for _, cle, lire, nom in LECTURE_FOURNISSEUR
    )


def _fournisseur(raw: Any, i: int) -> Fournisseur:
    r = lire_objet(raw, f"le fournisseur {i + 1}")
    return Fournisseur(*[lire(r.get(cle), ou) for cle, lire, ou in _ou_fournisseur(i)])


def lire_params(params: Any) -> Registre:
    """The typed check; InvalidInput (one French line) when the params are unusable."""
    p = lire_objet(params, "les paramètres (un objet JSON)")
    lignes = lire_liste(p.get("lignes"), "lignes", MAX_LIGNES, 1)
    fournisseurs = lire_liste(p.get("fournisseurs", []), "fournisseurs", MAX_FOURNISSEURS)
    rappels = lire_liste(p.get("rappels", []), "rappels", MAX_RAPPELS)
    return Registre(
        secteur=_texte(p.get("secteur"), "secteur"),
        registre=_parmi(p.get("registre"), REGISTRES, "registre"),
        date_controle=lire_jour(p.get("date_controle"), "date_controle"),
        indices=lire_booleen(p.get("indices", False), "indices"),
        lignes=tuple(_releve(r, i) for i, r in enumerate(lignes)),
        rappels=tuple(_texte(r, "lot rappelé") for r in rappels),
        fournisseurs=tuple(_fournisseur(r, i) for i, r in enumerate(fournisseurs)),
    )


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
