"""The params of a ``planning_activites`` variant: the project's tasks (durations in working
days, predecessors), its start date, the incident of level 3, the shared resources and the
booking requests, read into typed objects or refused in one French line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.kinds.planning_activites.reservations import affecter
from agora.exercise.params import Memoire, lire_liste, lire_montant, lire_objet

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "planning_activites"

MAX_TACHES = 14
MAX_DUREE = 30  # working days of one task
MAX_RETARD = 20
MAX_RESSOURCES = 5
MAX_DEMANDES = 8
MAX_CAPACITE = 500
LETTRES = "ABCDEFGHIJKLMN"
_HEURE = re.compile(r"([01]\d|2[0-3]):([0-5]\d)", re.ASCII)
_CODE = re.compile(r"[A-Z]{1,3}\d{1,4}", re.ASCII)
SOIXANTE = Decimal(60)
# Every time _HEURE accepts, and its minutes from midnight: a request's two times read by one
# look-up, not a match and two int() (a grade reads a dozen).
_MINUTES = {f"{h:02d}:{m:02d}": h * 60 + m for h in range(24) for m in range(60)}


# The typed params are plain dataclasses with slots, not frozen ones: a frozen dataclass's
# __init__ sets each field through object.__setattr__, several times slower, and the params are
# read again at every grade (20 to 30 objects, their fields read a few hundred times by the
# passes and the booking). Nothing changes them once read.


@dataclass(slots=True)
class Tache:
    lettre: str
    libelle: str
    duree: int
    anteriorites: tuple[str, ...]


@dataclass(slots=True)
class Incident:
    """Level 3: a task that takes ``retard`` more working days than planned."""

    tache: str
    retard: int
    motif: str


@dataclass(slots=True)
class Ressource:
    code: str
    libelle: str
    capacite: int
    tarif_horaire: Decimal


@dataclass(slots=True)
class Demande:
    """A booking request: a day, a slot in minutes from midnight, what it needs."""

    numero: str
    objet: str
    jour: date
    debut: int
    fin: int
    besoin: int

    @property
    def heures(self) -> Decimal:
        """The slot's length in decimal hours (1 h 30 → 1.5)."""
        return Decimal(self.fin - self.debut) / SOIXANTE

    def chevauche(self, autre: Demande) -> bool:
        """Same day and the slots overlap (one ending when the other starts does not)."""
        return self.jour == autre.jour and self.debut < autre.fin and autre.debut < self.fin


@dataclass(slots=True)
class Projet(Memoire):
    """Typed, validated params of one project and its bookings."""

    niveau: int
    titre: str
    debut: date
    taches: tuple[Tache, ...]
    incident: Incident | None
    famille: str
    unite: str
    ressources: tuple[Ressource, ...]
    demandes: tuple[Demande, ...]

    def index(self, lettre: str) -> int:
        return LETTRES.index(lettre)

    def ressource(self, code: Any) -> Ressource | None:
        return next((r for r in self.ressources if r.code == code), None)


# Where a param stands: its name (« projet.titre »), or a row of a list as (the list, the row's
# index). It is only written out (« taches 3 ») for a refusal, not for every value read.
Lieu = str | tuple[str, int]


def _lieu(ou: Lieu, champ: str = "") -> str:
    """The place written out: ``ou``, or its field ``champ`` when given (« taches 3.duree »)."""
    if not isinstance(ou, str):
        ou = f"{ou[0]} {ou[1] + 1}"
    return f"{ou}.{champ}" if champ else ou


def _refus(ou: Lieu, quoi: str, champ: str = "") -> InvalidInput:
    """The refusal of the param at ``ou`` (of its field ``champ`` when given)."""
    return InvalidInput(f"Paramètres : {_lieu(ou, champ)} — {quoi}.")


def _entier(raw: Any, ou: Lieu, bas: int, haut: int, champ: str = "") -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or not bas <= raw <= haut:
        raise _refus(ou, f"un entier de {bas} à {haut} est attendu", champ)
    return raw


def _texte(raw: Any, ou: Lieu, champ: str = "") -> str:
    if not isinstance(raw, str) or not raw.strip() or len(raw) > 160:
        raise _refus(ou, "un texte court est attendu", champ)
    return raw


def _jour(raw: Any, ou: Lieu, champ: str = "") -> date:
    try:
        jour = date.fromisoformat(raw)
    except (TypeError, ValueError):
        raise _refus(ou, "une date ISO (2026-03-10) est attendue", champ) from None
    if not 2000 <= jour.year <= 2100:
        raise _refus(ou, "une date de 2000 à 2100 est attendue", champ)
    return jour


def _heure(raw: Any, ou: Lieu, champ: str = "") -> int:
    minutes = _MINUTES.get(raw) if type(raw) is str else None
    if minutes is not None:
        return minutes
    trouve = _HEURE.fullmatch(raw) if isinstance(raw, str) else None
    if trouve is None:
        raise _refus(ou, "une heure HH:MM (09:30) est attendue", champ)
    return int(trouve[1]) * 60 + int(trouve[2])


def _rangs(raw: Any, ou: str, maximum: int, minimum: int = 1) -> list[dict[str, Any]]:
    lignes = lire_liste(raw, ou, maximum, minimum=minimum)
    # A row's place is written out only for ``lire_objet`` to refuse it (rows are objects).
    return [r if type(r) is dict else lire_objet(r, _lieu((ou, i))) for i, r in enumerate(lignes)]


# The letters a task may follow, by its index: those of the tasks placed before it.
_PRECEDENTES = [LETTRES[:i] for i in range(MAX_TACHES)]


def _tache(t: dict[str, Any], i: int) -> Tache:
    ou, lettre = ("taches", i), LETTRES[i]
    if t.get("lettre") != lettre:
        raise _refus(ou, f"les tâches sont nommées A, B, C… dans l'ordre ({lettre})", "lettre")
    avant = t.get("anteriorites")
    if type(avant) is not list or len(avant) > 4:  # its place written out only to refuse it
        avant = lire_liste(avant, _lieu(ou, "anteriorites"), 4)
    precedentes = _PRECEDENTES[i]
    for a in avant:
        if not isinstance(a, str) or a not in precedentes:
            raise _refus(ou, "une tâche ne suit que des tâches placées avant elle", "anteriorites")
    anteriorites = tuple(sorted(set(avant)))  # fewer than written when one is written twice
    if len(anteriorites) != len(avant):
        raise _refus(ou, "une antériorité est écrite deux fois", "anteriorites")
    return Tache(
        lettre,
        _texte(t.get("libelle"), ou, "libelle"),
        _entier(t.get("duree"), ou, 1, MAX_DUREE, "duree"),
        anteriorites,
    )


def _incident(raw: Any, taches: tuple[Tache, ...], niveau: int) -> Incident | None:
    if niveau < 3:
        if raw is not None:
            raise _refus("incident", "un incident n'est prévu qu'au niveau 3 (null sinon)")
        return None
    i = lire_objet(raw, "incident")
    lettre = i.get("tache")
    if not isinstance(lettre, str) or lettre not in [t.lettre for t in taches]:
        raise _refus("incident.tache", "la lettre d'une tâche du projet est attendue")
    return Incident(
        lettre,
        _entier(i.get("retard"), "incident.retard", 1, MAX_RETARD),
        _texte(i.get("motif"), "incident.motif"),
    )


# The place of each resource's rate, written once: the kit's reader takes it as a text.
_TARIFS = [_lieu(("ressources", i), "tarif_horaire") for i in range(MAX_RESSOURCES)]


def _ressource(r: dict[str, Any], ou: tuple[str, int]) -> Ressource:
    code = r.get("code")
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise _refus(ou, "un code court (S1, V2…) est attendu", "code")
    return Ressource(  # code, libelle, capacite, tarif_horaire (see _demande)
        code,
        _texte(r.get("libelle"), ou, "libelle"),
        _entier(r.get("capacite"), ou, 1, MAX_CAPACITE, "capacite"),
        lire_montant(r.get("tarif_horaire"), _TARIFS[ou[1]]),
    )


def _demande(d: dict[str, Any], ou: Lieu) -> Demande:
    # The fields by position, in their order (numero, objet, jour, debut, fin, besoin): a
    # dataclass's __init__ takes keywords at twice the cost, for each object of each grade.
    demande = Demande(
        _texte(d.get("numero"), ou, "numero")[:10],
        _texte(d.get("objet"), ou, "objet"),
        _jour(d.get("jour"), ou, "jour"),
        _heure(d.get("debut"), ou, "debut"),
        _heure(d.get("fin"), ou, "fin"),
        _entier(d.get("besoin"), ou, 1, MAX_CAPACITE, "besoin"),
    )
    if demande.fin <= demande.debut:
        raise _refus(ou, "la fin suit le début", "fin")
    return demande


def lire_params(params: Any) -> Projet:
    """Validate the contract params; InvalidInput with one French line when they are unusable."""
    p = lire_objet(params, "l'ensemble")
    niveau = _entier(p.get("niveau"), "niveau", 1, 3)
    entete = lire_objet(p.get("projet"), "projet")
    taches = tuple(
        [_tache(t, i) for i, t in enumerate(_rangs(p.get("taches"), "taches", MAX_TACHES, 2))]
    )
    ressources = tuple(
        [
            _ressource(r, ("ressources", i))
            for i, r in enumerate(_rangs(p.get("ressources"), "ressources", MAX_RESSOURCES))
        ]
    )
    if len({r.code for r in ressources}) != len(ressources):
        raise _refus("ressources", "deux ressources ont le même code")
    projet = Projet(  # niveau, titre, debut, taches, incident, famille, unite, ressources, demandes
        niveau,
        _texte(entete.get("titre"), "projet.titre"),
        _jour(entete.get("debut"), "projet.debut"),
        taches,
        _incident(p.get("incident"), taches, niveau),
        _texte(p.get("famille"), "famille"),
        _texte(p.get("unite"), "unite"),
        ressources,
        tuple(
            [
                _demande(d, ("demandes", i))
                for i, d in enumerate(_rangs(p.get("demandes"), "demandes", MAX_DEMANDES))
            ]
        ),
    )
    # Kept with the project: the reference booking the solver starts from.
    if projet.garde("affectation", lambda: affecter(projet.demandes, projet.ressources)) is None:
        raise _refus(
            "demandes", "aucune affectation des ressources ne les sert toutes sans conflit"
        )
    return projet


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
