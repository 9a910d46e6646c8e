"""The params of a ``qualite_donnees`` variant: read into typed objects, refused in one French line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from agora.errors import InvalidInput
from agora.exercise.fields import JOUR
from agora.money import cents, parse_decimal

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "qualite_donnees"

FICHIERS = {
    "clients": "Fichier clients",
    "prospects": "Fichier prospects",
    "fournisseurs": "Fichier fournisseurs",
}
RELATIONS = ("client", "usager", "adherent")
TYPES = ("entreprise", "particulier", "usager", "adherent")
# The data categories a role may reach, and the rights, weakest first (their order is compared).
CATEGORIES = ("coordonnees", "bancaire", "factures", "echanges")
DROITS = ("aucun", "lecture", "modification")
ROLES = ("accueil", "commercial", "comptabilite", "direction", "stagiaire")
MIN_LIGNES, MAX_LIGNES = 1, 20
_MAX_TEXTE = 120


class Ligne(NamedTuple):
    """One record of the file, as the statement shows it."""

    code: str
    nom: str
    type: str
    code_postal: str
    ville: str
    email: str
    siret: str | None
    tva: str | None
    iban: str | None
    derniere_activite: date
    encours: Decimal  # invoices still to be paid (0 for a prospect)
    commentaire: str
    sensible: bool  # the comment holds data that must not be kept


class Role(NamedTuple):
    """A job of the organisation and the right its tasks need on each category of the file."""

    code: str
    libelle: str
    droits: dict[str, str]


@dataclass(frozen=True)
class Fichier:
    """Typed, validated params of one file to clean."""

    fichier: str
    relation: str
    date_controle: date
    lignes: tuple[Ligne, ...]
    categories: tuple[str, ...]
    roles: tuple[Role, ...]
    deux_problemes: bool  # level 3: a row may have two problems (second field in the form)
    indices: bool  # level 1: the statement names the problem of each row to look at


def _objet(raw: Any, ou: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise InvalidInput(f"Paramètres : {ou} doit être un objet {{…}}.")
    return raw


def _texte(raw: Any, ou: str, vide: bool = False) -> str:
    if not isinstance(raw, str) or len(raw) > _MAX_TEXTE or (not vide and not raw.strip()):
        raise InvalidInput(f"Paramètres : {ou} doit être un texte de 1 à {_MAX_TEXTE} caractères.")
    return raw


def _option(raw: Any, ou: str) -> str | None:
    return None if raw is None else _texte(raw, ou)


def _parmi(raw: Any, valeurs: tuple[str, ...] | dict[str, str], ou: str) -> str:
    if not isinstance(raw, str) or raw not in valeurs:
        raise InvalidInput(f"Paramètres : {ou} inconnu ({', '.join(valeurs)}).")
    return raw


def _jour(raw: Any, ou: str) -> date:
    jour = JOUR.read(raw).valeur if isinstance(raw, str) else None
    if jour is None:
        raise InvalidInput(f"Paramètres : {ou} doit être une date AAAA-MM-JJ.")
    return jour


def _montant(raw: Any, ou: str) -> Decimal:
    try:
        valeur = parse_decimal(raw if isinstance(raw, str) else str(raw)[:40], "montant")
    except InvalidInput as error:
        raise InvalidInput(f"Paramètres : {ou} — {error}") from None
    if valeur < 0 or valeur > 10_000_000 or valeur != cents(valeur):
        raise InvalidInput(f"Paramètres : {ou} doit être un montant positif à deux décimales.")
    return valeur


def _ligne(raw: Any, i: int) -> Ligne:
    ou = f"ligne {i + 1}"
    r = _objet(raw, f"la {ou}")
    return Ligne(
        code=_texte(r.get("code"), f"code de la {ou}"),
        nom=_texte(r.get("nom"), f"nom de la {ou}"),
        type=_parmi(r.get("type"), TYPES, f"type de la {ou}"),
        code_postal=_texte(r.get("code_postal"), f"code postal de la {ou}"),
        ville=_texte(r.get("ville"), f"ville de la {ou}"),
        email=_texte(r.get("email"), f"e-mail de la {ou}"),
        siret=_option(r.get("siret"), f"SIRET de la {ou}"),
        tva=_option(r.get("tva"), f"numéro de TVA de la {ou}"),
        iban=_option(r.get("iban"), f"IBAN de la {ou}"),
        derniere_activite=_jour(r.get("derniere_activite"), f"dernière activité de la {ou}"),
        encours=_montant(r.get("encours", "0"), f"encours de la {ou}"),
        commentaire=_texte(r.get("commentaire", ""), f"commentaire de la {ou}", vide=True),
        sensible=r.get("commentaire_sensible") is True,
    )


def _role(raw: Any, categories: tuple[str, ...]) -> Role:
    r = _objet(raw, "un rôle")
    code = _parmi(r.get("code"), ROLES, "rôle")
    taches = _objet(r.get("droits"), f"« droits » du rôle {code}")
    droits = {c: _parmi(taches.get(c, "aucun"), DROITS, f"droit de {code}") for c in categories}
    return Role(code, _texte(r.get("libelle"), f"libellé du rôle {code}"), droits)


def _liste(raw: Any, ou: str, mini: int, maxi: int) -> list[Any]:
    if not isinstance(raw, list) or not mini <= len(raw) <= maxi:
        raise InvalidInput(
            f"Paramètres : « {ou} » doit être une liste de {mini} à {maxi} éléments."
        )
    return raw


def lire_params(params: Any) -> Fichier:
    """The typed file; InvalidInput (one French line) when the params are unusable."""
    p = _objet(params, "les paramètres (un objet JSON)")
    categories = tuple(
        _parmi(c, CATEGORIES, "catégorie")
        for c in _liste(p.get("categories"), "categories", 1, len(CATEGORIES))
    )
    roles = tuple(_role(r, categories) for r in _liste(p.get("roles"), "roles", 1, len(ROLES)))
    if len({r.code for r in roles}) != len(roles) or len(set(categories)) != len(categories):
        raise InvalidInput("Paramètres : un rôle ou une catégorie apparaît deux fois.")
    lignes = _liste(p.get("lignes"), "lignes", MIN_LIGNES, MAX_LIGNES)
    return Fichier(
        fichier=_parmi(p.get("fichier"), FICHIERS, "fichier"),
        relation=_parmi(p.get("relation"), RELATIONS, "relation"),
        date_controle=_jour(p.get("date_controle"), "date_controle"),
        lignes=tuple(_ligne(r, i) for i, r in enumerate(lignes)),
        categories=categories,
        roles=roles,
        deux_problemes=p.get("deux_problemes") is True,
        indices=p.get("indices") is True,
    )


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
