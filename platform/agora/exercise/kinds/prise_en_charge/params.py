"""The params of a ``prise_en_charge`` variant: the organisation and its rules (urgent cases,
handling times in working days, the hour after which a request counts from the next working
day, public holidays), the message received and what the fiche must hold, read into typed
objects or refused in one French line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from agora.exercise import params as kit
from agora.exercise.coordonnees import COURRIEL, TELEPHONE
from agora.exercise.fields import HORAIRE, Field
from agora.exercise.kinds.prise_en_charge.situations import (
    ACTIONS,
    BESOINS,
    FONCTIONS,
    OBJETS,
    PAR_CODE,
)

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "prise_en_charge"

CANAUX = ("telephone", "messagerie", "courriel", "accueil")
CIVILITES = ("madame", "monsieur")
MAX_LIGNES = 12
MAX_ANNUAIRE = 8
MAX_FERIES = 12
MAX_DELAI = 10


@dataclass(frozen=True)
class Demandeur:
    civilite: str
    prenom: str
    nom: str
    organisation: str | None  # a company, a supplier, or an employee's service; None: a person
    telephone: str  # canonical, ten digits
    telephone_dit: str | None  # the number said first then corrected (level 3)
    courriel: str | None


@dataclass(frozen=True)
class Membre:
    fonction: str
    service: str
    nom: str
    emploi: str


@dataclass(frozen=True)
class Fiche:
    """Typed, validated params of one exercise."""

    niveau: int
    situation: str
    canal: str
    message: tuple[str, ...]
    demandeur: Demandeur
    jour: date  # the day the request arrived
    heure: int  # minutes after midnight
    objet: str
    reference: str
    leurre: str | None  # another reference the message cites (level 3)
    urgente: bool
    besoin_exprime: str
    besoin_reel: str
    propositions: tuple[str, ...]
    annuaire: tuple[Membre, ...]
    destinataire: str
    action: str
    heure_limite: int  # after it, a request counts from the next working day
    delai_urgent: int
    delai_normal: int
    urgences: tuple[str, ...]
    feries: frozenset[date]


def _option(raw: Any, ou: str, lire: Any) -> Any:
    return None if raw is None else lire(raw, ou)


def _lecteur(field: Field, attendu: str) -> Callable[[Any, str], Any]:
    """A reader of a param written as the answer field writes it (a phone, an e-mail, a
    time: the value the grader compares with), refused with ``attendu`` when unreadable."""

    def lire(raw: Any, ou: str) -> Any:
        lu = field.read(raw) if isinstance(raw, str) else None
        if lu is None or lu.valeur is None:
            raise kit.refus(ou, attendu)
        return lu.valeur

    return lire


_tel = _lecteur(TELEPHONE, "un numéro de téléphone à 10 chiffres est attendu")
_courriel = _lecteur(COURRIEL, "une adresse électronique est attendue")
_heure = _lecteur(
    HORAIRE, "une heure HH:MM est attendue"
)  # minutes after midnight, HORAIRE's value


def _jour(raw: Any, ou: str) -> date:
    return kit.jour_entre(raw, ou, 2000)


def _demandeur(raw: Any) -> Demandeur:
    d = kit.lire_objet(raw, "demandeur")
    return Demandeur(
        civilite=kit.lire_parmi(d.get("civilite"), "demandeur.civilite", CIVILITES),
        prenom=kit.lire_texte(d.get("prenom"), "demandeur.prenom", 40),
        nom=kit.lire_texte(d.get("nom"), "demandeur.nom", 40),
        organisation=_option(d.get("organisation"), "demandeur.organisation", kit.lire_texte),
        telephone=_tel(d.get("telephone"), "demandeur.telephone"),
        telephone_dit=_option(d.get("telephone_dit"), "demandeur.telephone_dit", _tel),
        courriel=_option(d.get("courriel"), "demandeur.courriel", _courriel),
    )


def _membre(raw: Any, ou: str) -> Membre:
    m = kit.lire_objet(raw, ou)
    return Membre(
        fonction=kit.lire_parmi(m.get("fonction"), f"{ou}.fonction", tuple(FONCTIONS)),
        service=kit.lire_texte(m.get("service"), f"{ou}.service", 60),
        nom=kit.lire_texte(m.get("nom"), f"{ou}.nom", 80),
        emploi=kit.lire_texte(m.get("emploi"), f"{ou}.emploi", 80),
    )


def _textes(raw: Any, ou: str, maximum: int, longueur: int) -> tuple[str, ...]:
    lignes = kit.lire_liste(raw, ou, maximum, minimum=1)
    return tuple(kit.lire_texte(x, f"{ou} {i + 1}", longueur) for i, x in enumerate(lignes))


def _besoins(raw: Any) -> tuple[str, str, tuple[str, ...]]:
    b = kit.lire_objet(raw, "besoin")
    codes = tuple(BESOINS)
    exprime = kit.lire_parmi(b.get("exprime"), "besoin.exprime", codes)
    reel = kit.lire_parmi(b.get("reel"), "besoin.reel", codes)
    liste = kit.lire_liste(b.get("propositions"), "besoin.propositions", 6, minimum=2)
    propositions = tuple(kit.lire_parmi(x, "besoin.propositions", codes) for x in liste)
    if exprime not in propositions or reel not in propositions:
        raise kit.refus("besoin.propositions", "le besoin exprimé et le besoin réel y figurent")
    return exprime, reel, propositions


def lire_params(params: Any) -> Fiche:
    """Validate the contract params; InvalidInput with one French line when they are unusable."""
    p = kit.lire_objet(params, "l'ensemble")
    demande = kit.lire_objet(p.get("demande"), "demande")
    suite = kit.lire_objet(p.get("suite"), "suite")
    regles = kit.lire_objet(p.get("regles"), "regles")
    niveau = kit.niveau_attendu(p.get("niveau"))
    exprime, reel, propositions = _besoins(p.get("besoin"))
    annuaire = kit.lire_liste(p.get("annuaire"), "annuaire", MAX_ANNUAIRE, minimum=2)
    membres = tuple(_membre(x, f"annuaire {i + 1}") for i, x in enumerate(annuaire))
    destinataire = kit.lire_parmi(suite.get("destinataire"), "suite.destinataire", tuple(FONCTIONS))
    if destinataire not in {m.fonction for m in membres}:
        raise kit.refus("suite.destinataire", "un service de l'annuaire est attendu")
    feries = kit.lire_liste(p.get("feries"), "feries", MAX_FERIES)
    return Fiche(
        niveau=niveau,
        situation=kit.lire_parmi(p.get("situation"), "situation", tuple(PAR_CODE)),
        canal=kit.lire_parmi(p.get("canal"), "canal", CANAUX),
        message=_textes(p.get("message"), "message", MAX_LIGNES, 1200),
        demandeur=_demandeur(p.get("demandeur")),
        jour=_jour(demande.get("date"), "demande.date"),
        heure=_heure(demande.get("heure"), "demande.heure"),
        objet=kit.lire_parmi(demande.get("objet"), "demande.objet", tuple(OBJETS)),
        reference=kit.lire_texte(demande.get("reference"), "demande.reference", 40),
        leurre=_option(demande.get("leurre"), "demande.leurre", kit.lire_texte),
        urgente=kit.lire_booleen(demande.get("urgente"), "demande.urgente"),
        besoin_exprime=exprime,
        besoin_reel=reel,
        propositions=propositions,
        annuaire=membres,
        destinataire=destinataire,
        action=kit.lire_parmi(suite.get("action"), "suite.action", tuple(ACTIONS)),
        heure_limite=_heure(regles.get("heure_limite"), "regles.heure_limite"),
        delai_urgent=kit.lire_entier(regles.get("delai_urgent"), "regles.delai_urgent", MAX_DELAI),
        delai_normal=kit.lire_entier(regles.get("delai_normal"), "regles.delai_normal", MAX_DELAI),
        urgences=_textes(regles.get("urgences"), "regles.urgences", 6, 200),
        feries=frozenset(_jour(x, "feries") for x in feries),
    )


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
