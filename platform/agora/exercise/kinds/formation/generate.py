"""A ``formation`` variant drawn from the organisation: its sector's training actions, its staff
(trainees, headcount, gross payroll), two sessions at level 1, three at level 2, four at level 3
(with the salaries maintained, a budget overrun to settle, and the CSE of a project of 50
employees or more, with the net payroll shown beside the gross one)."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from agora.exercise.base import Options, Variant, variante
from agora.exercise.kinds.formation import statement
from agora.exercise.kinds.formation.catalogue import (
    ACTIVITES,
    INUTILES,
    ORGANISMES,
    REQUIS,
    Action,
    actions,
)
from agora.exercise.kinds.formation.params import NAME, lire_params
from agora.exercise.kinds.formation.solve import calcule
from agora.money import cents

ANNEE = 2026
NB_SESSIONS = {1: 2, 2: 3, 3: 4}
# Items of the convocation to sort: (required, personal data) per level.
NB_ELEMENTS = {1: (4, 2), 2: (5, 3), 3: (6, 4)}
NB_ACTIVITES = {1: 2, 2: 3, 3: 4}
TAUX_ASC = ("0.50", "0.60", "0.75", "0.80", "1.00", "1.20")
# Prices in cents by unit: (low, high) — a day of the group, a trainee, the whole session.
TARIFS = {"jour": (60_000, 140_000), "participant": (18_000, 65_000), "session": (90_000, 250_000)}
NET_SUR_BRUT = Decimal("0.78")


def _prix(rng: random.Random, bas: int, haut: int, niveau: int) -> str:
    """A price in euros; round euros at level 1, with cents from level 2."""
    centimes = rng.randint(bas, haut)
    if niveau == 1:
        centimes -= centimes % 1000
    return str(cents(Decimal(centimes) / 100))


def _choix_actions(rng: random.Random, secteur: str, niveau: int) -> list[Action]:
    pool = actions(secteur)
    n = NB_SESSIONS[niveau]
    if niveau < 3:
        return rng.sample(pool, n)
    obligatoires = [a for a in pool if a.obligatoire]
    facultatives = [a for a in pool if not a.obligatoire]
    return [rng.choice(obligatoires), *rng.sample(facultatives, n - 1)]


def _session(rng: random.Random, action: Action, niveau: int, effectif: int) -> dict[str, Any]:
    tarif_par = rng.choice(("jour", "participant") if niveau == 1 else tuple(TARIFS))
    distanciel = action.distanciel and rng.random() < 0.5
    frais = "0.00" if distanciel else _prix(rng, 1500, 9500, niveau)
    return {
        "intitule": action.intitule,
        "organisme": rng.choice(ORGANISMES),
        "obligatoire": action.obligatoire,
        "priorite": 1,
        "distanciel": distanciel,
        "jours": rng.randint(1, 2 if niveau == 1 else 3),
        "tarif": _prix(rng, *TARIFS[tarif_par], niveau),
        "tarif_par": tarif_par,
        "participants": rng.randint(2, max(2, min(effectif, 3 + niveau))),
        "frais_par_participant": frais,
    }


def _priorites(rng: random.Random, sessions: list[dict[str, Any]], niveau: int) -> None:
    """The manager's order, 1 first; at level 3 the mandatory session (drawn first) comes
    last: the lowest priority, yet never the one to postpone."""
    n = len(sessions)
    ordre = list(range(1, n if niveau == 3 else n + 1))
    rng.shuffle(ordre)
    if niveau == 3:
        ordre.insert(0, n)
    for s, rang in zip(sessions, ordre, strict=True):
        s["priorite"] = rang


def _masses(org: Any) -> tuple[int, Decimal]:
    """The organisation's headcount and gross payroll of the year (12 months of each
    contract's monthly pay, as declared in the DSN)."""
    brut = sum(
        (cents(s.taux_horaire * s.heures_hebdo * 52 / 12) * 12 for s in org.salaries),
        Decimal("0.00"),
    )
    return len(org.salaries), brut


def _cse(rng: random.Random, org: Any, niveau: int) -> dict[str, Any]:
    effectif, brut = _masses(org)
    if niveau == 3:
        effectif = rng.choice((rng.randint(60, 1900), rng.randint(2000, 2600)))
        brut = Decimal(effectif * rng.randint(2_800_000, 4_200_000) + rng.randint(0, 99)) / 100
    taux = rng.choice(TAUX_ASC)
    budget = brut * Decimal(taux) / 100
    activites = rng.sample(ACTIVITES, NB_ACTIVITES[niveau])
    parts = [rng.randint(60, 140) for _ in activites]
    cible = budget * Decimal(rng.randint(85, 115)) / 100
    montants = [cents(cible * p / sum(parts)) for p in parts]
    return {
        "effectif": effectif,
        "hypothetique": niveau == 3,
        "masse_salariale_brute": str(cents(brut)),
        "masse_salariale_nette": None if niveau == 1 else str(cents(brut * NET_SUR_BRUT)),
        "taux_asc": taux,
        "fonctionnement": niveau > 1,
        "activites": [
            {"libelle": a, "montant": str(m)} for a, m in zip(activites, montants, strict=True)
        ],
    }


def _budget(rng: random.Random, p: dict[str, Any], niveau: int) -> str:
    """A budget near the plan's cost; at level 3 below it, so that postponing one or two
    optional sessions (from the lowest priority) brings the plan back within it."""
    p["budget"] = "1.00"
    d = lire_params(p)
    valeurs = calcule(d)
    couts = [valeurs[f"sessions.{i}.cout_total"] for i in range(len(d.sessions))]
    total = sum(couts, Decimal(0))
    if niveau < 3:
        budget = (total * Decimal(rng.randint(85, 115)) / 100).quantize(Decimal("1E2"))
        return str(budget + (100 if budget == total else 0)) + ".00"
    facultatives = sorted(
        (i for i, s in enumerate(d.sessions) if not s.obligatoire),
        key=lambda i: -d.sessions[i].priorite,
    )
    k = rng.randint(1, min(2, len(facultatives)))
    avant = sum((couts[i] for i in facultatives[: k - 1]), Decimal(0))
    dernier = couts[facultatives[k - 1]]
    budget = total - avant - dernier + dernier * Decimal(rng.randint(20, 80)) / 100
    return str(cents(budget.quantize(Decimal("1E1")) if dernier > 50 else budget))


def params(rng: random.Random, org: Any, niveau: int) -> dict[str, Any]:
    """The contract params of a variant of this level, for this organisation."""
    effectif, brut = _masses(org)
    sessions = [
        _session(rng, a, niveau, effectif) for a in _choix_actions(rng, org.secteur, niveau)
    ]
    _priorites(rng, sessions, niveau)
    sessions.sort(key=lambda s: s["priorite"])
    requis, inutiles = NB_ELEMENTS[niveau]
    elements = [*rng.sample(REQUIS, requis), *rng.sample(INUTILES, inutiles)]
    rng.shuffle(elements)
    stagiaire = rng.choice(org.salaries)
    p: dict[str, Any] = {
        "niveau": niveau,
        "annee": ANNEE,
        "budget": "1.00",
        "heures_par_jour": "7",
        "cout_horaire": _prix(rng, 1600, 2800, 2) if niveau == 3 else None,
        "arbitrage": niveau == 3,
        "sessions": sessions,
        "convocation": {
            "participant": f"{stagiaire.prenom} {stagiaire.nom}",
            "session": rng.randrange(len(sessions)),
            "elements": elements,
        },
        "contribution": None
        if niveau == 1
        else {"effectif": effectif, "masse_salariale_brute": str(brut)},
        "cse": _cse(rng, org, niveau),
    }
    p["budget"] = _budget(rng, p, niveau)
    return p


def generate(seed: int, niveau: int, organisation: Any, options: Options = None) -> Variant:
    """A variant drawn from the organisation: its sector's trainings, its staff and budgets."""
    return variante(NAME, seed, niveau, organisation, params, statement.enonce)
