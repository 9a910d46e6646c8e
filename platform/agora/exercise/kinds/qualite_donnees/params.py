"""The params of a ``qualite_donnees`` variant: read into typed objects, refused in one French line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property, partial
from itertools import count, repeat
from operator import is_, is_not, itemgetter
from typing import Any, NamedTuple

from agora.errors import InvalidInput
from agora.exercise.fields import JOUR
from agora.exercise.params import code_connu, lire_objet
from agora.money import cents, contract_decimal, parse_decimal

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
    # The rows' values column by column, in the order of Ligne's fields: the checks and a
    # grade read the file so, and build a row only where they look at it alone.
    colonnes: tuple[tuple[Any, ...], ...]
    categories: tuple[str, ...]
    roles: tuple[Role, ...]
    deux_problemes: bool  # level 3: a row may have two problems (second field in the form)
    indices: bool  # level 1: the statement names the problem of each row to look at

    @cached_property
    def lignes(self) -> tuple[Ligne, ...]:
        """The rows, built when first asked."""
        return tuple(map(_LIGNE, zip(*self.colonnes, strict=True)))

    def ligne(self, i: int) -> Ligne:
        """Row ``i`` alone."""
        return _LIGNE(colonne[i] for colonne in self.colonnes)


# ``ou`` names the param in a refusal; ``de`` (« de la ligne 3 ») follows it when given, so that
# a row's eleven fields share one label written once, not eleven written for nothing.


def _texte(raw: Any, ou: str, vide: bool = False, de: str = "") -> str:
    if not isinstance(raw, str) or len(raw) > _MAX_TEXTE or (not vide and not raw.strip()):
        raise InvalidInput(
            f"Paramètres : {ou}{de} doit être un texte de 1 à {_MAX_TEXTE} caractères."
        )
    return raw


def _option(raw: Any, ou: str, de: str = "") -> str | None:
    return None if raw is None else _texte(raw, ou, de=de)


def _parmi(raw: Any, valeurs: tuple[str, ...] | dict[str, str], ou: str, de: str = "") -> str:
    return code_connu(raw, valeurs, f"{ou}{de} inconnu")


def _jour(raw: Any, ou: str, de: str = "") -> date:
    jour = JOUR.read(raw).valeur if isinstance(raw, str) else None
    if jour is None:
        raise InvalidInput(f"Paramètres : {ou}{de} doit être une date AAAA-MM-JJ.")
    return jour


# An amount as generate writes it (« 1234.50 », at most 9 999 999.99): valid at sight, one
# regex instead of the checks below on each row of each grade; and a column of them, one a line.
_MONTANT_CONTRAT = re.compile(r"\d{1,7}(?:\.\d{1,2})?", re.ASCII)
_MONTANTS_CONTRAT = re.compile(r"\d{1,7}(?:\.\d{1,2})?(?:\n\d{1,7}(?:\.\d{1,2})?)*", re.ASCII)


def _montant(raw: Any, ou: str, de: str = "") -> Decimal:
    if type(raw) is str and _MONTANT_CONTRAT.fullmatch(raw):
        return Decimal(raw)
    valeur = contract_decimal(raw)
    if valeur is None:
        try:
            valeur = parse_decimal(raw if isinstance(raw, str) else str(raw)[:40], "montant")
        except InvalidInput as error:
            raise InvalidInput(f"Paramètres : {ou}{de} — {error}") from None
    if valeur < 0 or valeur > 10_000_000 or valeur != cents(valeur):
        raise InvalidInput(f"Paramètres : {ou}{de} doit être un montant positif à deux décimales.")
    return valeur


# The keys of a row in the params, in the order of the file's columns (generate writes them so).
ORDRE_DES_CLES = (
    "code",
    "nom",
    "type",
    "code_postal",
    "ville",
    "email",
    "siret",
    "tva",
    "iban",
    "derniere_activite",
    "encours",
    "commentaire",
    "commentaire_sensible",
)
# A row's values in the order of Ligne's fields, the two defaults aside: generate writes them all.
_VALEURS = itemgetter(*ORDRE_DES_CLES[:-1])


def _colonnes_sures(lignes: list[Any]) -> tuple[tuple[Any, ...], ...] | None:
    """The columns of rows as generate writes them, read with the checks of ``_ligne`` run in
    C over each column (some stricter); None when one is written otherwise, every row then
    read by ``_ligne``, which reads or refuses it."""
    try:
        # KeyError, TypeError: a row that is no such dict.
        colonnes = zip(*map(_VALEURS, lignes), strict=True)
        code, nom, genre, cp, ville, email, siret, tva, iban, jour, encours, note = colonnes
        # The texts that may not be blank (TypeError: one is no text), a number may be absent.
        textes = (*code, *nom, *cp, *ville, *email, *filter(_PRESENT, (*siret, *tva, *iban)))
        if (
            not all(map(str.strip, textes))
            or max(map(len, textes)) > _MAX_TEXTE
            or max(map(str.__len__, note)) > _MAX_TEXTE
            or not _TYPES.issuperset(genre)
            # The amounts one a line, none of several lines.
            or (montants := "\n".join(encours)).count("\n") != len(encours) - 1
            or not _MONTANTS_CONTRAT.fullmatch(montants)
        ):
            return None
        lus = list(map(_JOURS.get, jour))  # the days JOUR has read, without a call
    except (KeyError, TypeError):
        return None
    if None in lus:  # a day not read yet: read by JOUR, a text only
        if {*map(type, jour)} != {str}:
            return None
        lus = list(map(JOUR.read, jour))
    activite = list(map(_VALEUR, lus))
    if None in activite:
        return None
    sensible = map(is_, map(dict.get, lignes, repeat("commentaire_sensible")), repeat(True))
    valeurs = (code, nom, genre, cp, ville, email, siret, tva, iban, tuple(activite))
    return (*valeurs, tuple(map(Decimal, encours)), note, tuple(sensible))


_PRESENT = partial(is_not, None)
_TYPES = frozenset(TYPES)
# The days JOUR has read, with their Lu (a day read once is looked up without a call).
_JOURS = JOUR.memo
_VALEUR = itemgetter(1)  # Lu.valeur
# A Ligne from its values in order, without the named tuple's __new__ (a Python function).
_LIGNE = partial(tuple.__new__, Ligne)


def _ligne(raw: Any, i: int) -> Ligne:
    r = lire_objet(raw, f"la ligne {i + 1}")
    de = f" de la ligne {i + 1}"
    return Ligne(  # positional (a named tuple built by names is slower): code, nom…
        _texte(r.get("code"), "code", de=de),
        _texte(r.get("nom"), "nom", de=de),
        _parmi(r.get("type"), TYPES, "type", de),
        _texte(r.get("code_postal"), "code postal", de=de),
        _texte(r.get("ville"), "ville", de=de),
        _texte(r.get("email"), "e-mail", de=de),
        _option(r.get("siret"), "SIRET", de),
        _option(r.get("tva"), "numéro de TVA", de),
        _option(r.get("iban"), "IBAN", de),
        _jour(r.get("derniere_activite"), "dernière activité", de),
        _montant(r.get("encours", "0"), "encours", de),
        _texte(r.get("commentaire", ""), "commentaire", vide=True, de=de),
        r.get("commentaire_sensible") is True,
    )


def _role_sur(r: dict[str, Any], categories: tuple[str, ...]) -> Role | None:
    """A role as generate writes it, read with the checks of ``_role`` (some stricter,
    without its labels); None for any other, which ``_role`` reads or refuses."""
    code, libelle, taches = r.get("code"), r.get("libelle"), r.get("droits")
    if (
        type(code) is not str
        or code not in ROLES
        or type(taches) is not dict
        or type(libelle) is not str
        or len(libelle) > _MAX_TEXTE
        or not libelle.strip()
    ):
        return None
    droits = {c: taches.get(c, "aucun") for c in categories}
    try:
        connus = _DROITS.issuperset(droits.values())
    except TypeError:  # a right that is a list or an object
        return None
    return _ROLE((code, libelle, droits)) if connus else None


_DROITS = frozenset(DROITS)
_ROLE = partial(tuple.__new__, Role)  # without the named tuple's __new__, a Python function


def _role(raw: Any, categories: tuple[str, ...]) -> Role:
    if type(raw) is dict and (role := _role_sur(raw, categories)) is not None:
        return role
    r = lire_objet(raw, "un rôle")
    code = _parmi(r.get("code"), ROLES, "rôle")
    taches = lire_objet(r.get("droits"), f"« droits » du rôle {code}")
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
    p = lire_objet(params, "les paramètres (un objet JSON)")
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
        colonnes=_colonnes_sures(lignes) or tuple(zip(*map(_ligne, lignes, count()), strict=True)),
        categories=categories,
        roles=roles,
        deux_problemes=p.get("deux_problemes") is True,
        indices=p.get("indices") is True,
    )


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
