"""The params of a ``formation`` variant: the year's training plan (sessions, budget), the
convocation to check, the training contribution and the CSE's budgets, read into typed objects
or refused in one French line."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from operator import itemgetter
from typing import Any

from agora.exercise import params as kit
from agora.exercise.kinds.formation.catalogue import ELEMENTS
from agora.money import ZERO

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "formation"

MAX_SESSIONS, MAX_ELEMENTS, MAX_ACTIVITES = 8, 12, 8
MAX_EFFECTIF = 1_000_000
MAX_JOURS, MAX_PARTICIPANTS = 60, 500
# How a training body prices a session: per day of the group, for the whole session, per trainee.
TARIFS = ("jour", "session", "participant")
SENS = ("favorable", "defavorable")
CODES_ELEMENTS = tuple(ELEMENTS)


# The typed params are plain dataclasses, not frozen ones: a frozen dataclass's __init__ sets
# each field through object.__setattr__, several times slower, and the params are read again at
# every grade. Nothing changes them once read.
@dataclass
class Session:
    """One action of the plan as the training body quoted it."""

    intitule: str
    organisme: str
    obligatoire: bool  # a safety training the job requires: never postponed
    priorite: int  # the manager's order, 1 first
    distanciel: bool
    jours: int
    tarif: Decimal
    tarif_par: str
    participants: int
    frais_par_participant: Decimal  # travel and meals per trainee


@dataclass
class Activite:
    libelle: str
    montant: Decimal


@dataclass
class Cse:
    """The staff's social budgets: the headcount and payroll they are computed on, the ASC rate
    set by agreement, what the social activities cost this year."""

    effectif: int
    hypothetique: bool  # a headcount of a project (level 3), not the organisation's today
    masse_brute: Decimal
    masse_nette: Decimal | None  # shown beside the gross one as a trap (levels 2 and 3)
    taux_asc: Decimal
    fonctionnement: bool  # the operating budget is asked
    activites: tuple[Activite, ...]


@dataclass
class Plan(kit.Memoire):
    """Typed, validated params of one variant."""

    niveau: int
    annee: int
    budget: Decimal
    heures_par_jour: Decimal
    cout_horaire: Decimal | None  # level 3: the salary maintained during training is counted
    arbitrage: bool  # level 3: which sessions to postpone to stay within budget
    sessions: tuple[Session, ...]
    participant: str
    session_convoquee: int
    elements: tuple[str, ...]
    contribution: tuple[int, Decimal] | None  # headcount and gross payroll, when asked
    cse: Cse


def _entier(raw: Any, ou: str, bas: int, haut: int) -> int:
    if type(raw) is int and bas <= raw <= haut:
        return raw  # a JSON integer in range, as the params hold them: nothing more to check
    valeur = kit.lire_entier(raw, ou, haut)
    if valeur < bas:
        raise kit.refus(ou, f"un entier de {bas} à {haut} est attendu")
    return valeur


# Where each param of a session or an activity is, as a refusal names it, spelled once per row
# (the params are read again at every grade).
_CHAMPS_SESSION = (
    "intitule",
    "organisme",
    "obligatoire",
    "priorite",
    "distanciel",
    "jours",
    "tarif",
    "tarif_par",
    "participants",
    "frais_par_participant",
)
_OU_SESSION = [
    {"": f"sessions {i + 1}"} | {champ: f"sessions {i + 1}.{champ}" for champ in _CHAMPS_SESSION}
    for i in range(MAX_SESSIONS)
]
_OU_ACTIVITE = [
    {champ: f"activites {i + 1}{champ}" for champ in ("", ".libelle", ".montant")}
    for i in range(MAX_ACTIVITES)
]


# A session's params, in the order of a Session.
_VALEURS_SESSION = itemgetter(*_CHAMPS_SESSION)


def _session(raw: Any, i: int) -> Session:
    """A session: at once when every param is written as generate writes it (a grade reads
    them all), else param by param, the first wrong one refused."""
    try:
        valeurs = _VALEURS_SESSION(raw)
    except (KeyError, TypeError):  # a param left out, or no object
        return _session_lue(raw, i)
    (
        intitule,
        organisme,
        obligatoire,
        priorite,
        distanciel,
        jours,
        tarif,
        tarif_par,
        participants,
        frais,
    ) = valeurs
    if (
        type(raw) is dict
        and _texte_court(intitule)
        and _texte_court(organisme)
        and type(obligatoire) is bool
        and type(distanciel) is bool
        and type(priorite) is int
        and type(jours) is int
        and type(participants) is int
        and 1 <= priorite <= MAX_SESSIONS
        and 1 <= jours <= MAX_JOURS
        and 1 <= participants <= MAX_PARTICIPANTS
        and tarif_par in TARIFS
        and type(tarif) is str
        and type(frais) is str
        and kit.MONTANT_ECRIT.fullmatch(tarif)
        and kit.MONTANT_ECRIT.fullmatch(frais)
    ):
        return Session(
            intitule,
            organisme,
            obligatoire,
            priorite,
            distanciel,
            jours,
            Decimal(tarif),
            tarif_par,
            participants,
            Decimal(frais),
        )
    return _session_lue(raw, i)


def _texte_court(raw: Any) -> bool:
    """What lire_texte accepts (strip() leaves something: not only spaces)."""
    return type(raw) is str and 0 < len(raw) <= 160 and not raw.isspace()


def _session_lue(raw: Any, i: int) -> Session:
    """A session read param by param: the first wrong one refused, in one French line."""
    ou = _OU_SESSION[i]
    s = kit.lire_objet(raw, ou[""])
    return Session(
        kit.lire_texte(s.get("intitule"), ou["intitule"]),
        kit.lire_texte(s.get("organisme"), ou["organisme"]),
        kit.lire_booleen(s.get("obligatoire"), ou["obligatoire"]),
        _entier(s.get("priorite"), ou["priorite"], 1, MAX_SESSIONS),
        kit.lire_booleen(s.get("distanciel"), ou["distanciel"]),
        _entier(s.get("jours"), ou["jours"], 1, MAX_JOURS),
        kit.lire_montant(s.get("tarif"), ou["tarif"]),
        kit.lire_parmi(s.get("tarif_par"), ou["tarif_par"], TARIFS),
        _entier(s.get("participants"), ou["participants"], 1, MAX_PARTICIPANTS),
        kit.lire_montant(s.get("frais_par_participant"), ou["frais_par_participant"]),
    )


def _activite(raw: Any, i: int) -> Activite:
    ou = _OU_ACTIVITE[i]
    a = kit.lire_objet(raw, ou[""])
    return Activite(
        kit.lire_texte(a.get("libelle"), ou[".libelle"]),
        kit.lire_montant(a.get("montant"), ou[".montant"]),
    )


def _cse(raw: Any) -> Cse:
    c = kit.lire_objet(raw, "cse")
    nette = c.get("masse_salariale_nette")
    cse = Cse(
        effectif=_entier(c.get("effectif"), "cse.effectif", 1, MAX_EFFECTIF),
        hypothetique=kit.lire_booleen(c.get("hypothetique"), "cse.hypothetique"),
        masse_brute=kit.lire_montant(c.get("masse_salariale_brute"), "cse.masse_salariale_brute"),
        masse_nette=None if nette is None else kit.lire_montant(nette, "cse.masse_salariale_nette"),
        taux_asc=kit.lire_taux(c.get("taux_asc"), "cse.taux_asc"),
        fonctionnement=kit.lire_booleen(c.get("fonctionnement"), "cse.fonctionnement"),
        activites=tuple(
            [
                _activite(r, i)
                for i, r in enumerate(
                    kit.lire_liste(c.get("activites"), "activites", MAX_ACTIVITES, 1)
                )
            ]
        ),
    )
    if cse.masse_brute <= ZERO:
        raise kit.refus("cse.masse_salariale_brute", "un montant positif est attendu")
    return cse


def _contribution(raw: Any) -> tuple[int, Decimal] | None:
    if raw is None:
        return None
    c = kit.lire_objet(raw, "contribution")
    return (
        _entier(c.get("effectif"), "contribution.effectif", 1, MAX_EFFECTIF),
        kit.lire_montant(c.get("masse_salariale_brute"), "contribution.masse_salariale_brute"),
    )


def _elements(raw: Any) -> tuple[str, ...]:
    elements = tuple(kit.lire_liste(raw, "convocation.elements", MAX_ELEMENTS, 1))
    if not all(type(code) is str and code in ELEMENTS for code in elements):
        # Some code unknown: each read by lire_parmi, whose refusal names what is expected.
        elements = tuple(
            kit.lire_parmi(c, "convocation.elements", CODES_ELEMENTS) for c in elements
        )
    if len(set(elements)) != len(elements):
        raise kit.refus("convocation.elements", "chaque élément ne figure qu'une fois")
    return elements


def lire_params(params: Any) -> Plan:
    """Validate the contract params; InvalidInput with one French line when they are unusable."""
    p = kit.lire_objet(params, "l'ensemble")
    sessions = tuple(
        [
            _session(r, i)
            for i, r in enumerate(kit.lire_liste(p.get("sessions"), "sessions", MAX_SESSIONS, 1))
        ]
    )
    convocation = kit.lire_objet(p.get("convocation"), "convocation")
    horaire = p.get("cout_horaire")
    plan = Plan(
        niveau=_entier(p.get("niveau"), "niveau", 1, 3),
        annee=_entier(p.get("annee"), "annee", 2000, 2100),
        budget=kit.lire_montant(p.get("budget"), "budget"),
        heures_par_jour=kit.lire_nombre(p.get("heures_par_jour"), "heures_par_jour"),
        cout_horaire=None if horaire is None else kit.lire_montant(horaire, "cout_horaire"),
        arbitrage=kit.lire_booleen(p.get("arbitrage"), "arbitrage"),
        sessions=sessions,
        participant=kit.lire_texte(convocation.get("participant"), "convocation.participant"),
        session_convoquee=_entier(
            convocation.get("session"), "convocation.session", 0, len(sessions) - 1
        ),
        elements=_elements(convocation.get("elements")),
        contribution=_contribution(p.get("contribution")),
        cse=_cse(p.get("cse")),
    )
    if plan.budget <= ZERO:
        raise kit.refus("budget", "un montant positif est attendu")
    if not 1 <= plan.heures_par_jour <= 12:
        raise kit.refus("heures_par_jour", "de 1 à 12 heures par jour")
    return plan


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
