"""A ``mouvements_personnel`` variant drawn from the organisation: a newcomer takes one of its
jobs (the branch agreement and the contract decide on renewing the trial period), a fixed-term
contract of another job ends (indemnity due or one of the cases without it), some items of the
personnel file to keep, and the ad published for the newcomer's job."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from agora.content.secteurs import Emploi, load_secteur
from agora.exercise.base import generateur
from agora.exercise.kinds.mouvements_personnel import annonce
from agora.exercise.kinds.mouvements_personnel.params import NAME
from agora.exercise.kinds.mouvements_personnel.solve import plus_mois
from agora.exercise.kinds.mouvements_personnel.statement import enonce
from agora.money import cents

ANNEE = 2026
PRENOMS = (
    "Léa", "Hugo", "Inès", "Nathan", "Chloé", "Yanis", "Manon", "Lucas",
    "Sarah", "Enzo", "Jade", "Mehdi", "Camille", "Louis", "Aya", "Tom",
)  # fmt: skip
# The women among PRENOMS: the job beside their name agrees with them (« Léa Martin, vendeuse »).
FEMININS = frozenset(("Léa", "Inès", "Chloé", "Manon", "Sarah", "Jade", "Camille", "Aya"))
NOMS = (
    "Martin", "Bernard", "Petit", "Robert", "Richard", "Durand", "Moreau", "Laurent",
    "Simon", "Michel", "Garcia", "Fontaine", "Rousseau", "Blanc", "Guérin", "Mercier",
)  # fmt: skip
MAITRISE = ("Chef", "Technicien", "Responsable", "Métreur", "Maître d'hôtel", "Comptable")
NUIT = ("boulanger",)
# The fixed-term contract's ending, by level: due, or a case without the indemnity.
CAS = {
    1: ("due",),
    2: ("due", "due", "saisonnier", "etudiant_vacances", "refus_cdi"),
    3: ("due", "saisonnier", "etudiant_vacances", "refus_cdi", "rupture_salarie"),
}
PIECES = {1: ("bulletins", "registre"), 2: ("bulletins", "registre", "contrat")}
HEURES_MOIS = Decimal("151.67")
# Public holidays of 2026 on a weekday: nobody starts on one.
FERIES = frozenset(
    date(ANNEE, m, j)
    for m, j in ((1, 1), (4, 6), (5, 1), (5, 8), (5, 14), (5, 25), (7, 14), (8, 15), (11, 11))
)


def categorie(emploi: str, statut: str) -> str:
    """The trial-period category of a job: managers, supervisors and technicians, employees."""
    if statut == "cadre":
        return "cadre"
    return "agent_maitrise" if emploi.startswith(MAITRISE) else "employe"


def _nom(rng: random.Random) -> str:
    return f"{rng.choice(PRENOMS)} {rng.choice(NOMS)}"


def _femme(nom: str) -> bool:
    """Whether ``nom``, drawn by ``_nom``, is a woman's."""
    return nom.split(" ")[0] in FEMININS


def _jour_ouvre(rng: random.Random, premier_mois: int, dernier_mois: int) -> date:
    """A weekday of 2026, from the 1st to the 28th of a month in the range."""
    while True:
        jour = date(ANNEE, rng.randint(premier_mois, dernier_mois), rng.randint(1, 28))
        if jour.weekday() < 5 and jour not in FERIES:
            return jour


def _embauche(rng: random.Random, poste: Emploi, niveau: int) -> dict[str, Any]:
    debut = _jour_ouvre(rng, 2, 11)
    piege = rng.choice(("mineur", "nuit", "contrat_muet", "aucun")) if niveau == 3 else "aucun"
    if piege == "nuit" and not any(m in poste.intitule.lower() for m in NUIT):
        piege = "mineur"
    age = rng.randint(16, 17) if piege == "mineur" else rng.randint(19, 55)
    naissance = debut.replace(year=debut.year - age) - timedelta(days=rng.randint(1, 300))
    nom = _nom(rng)
    return {
        "salarie": nom,
        "emploi": poste.accorde(_femme(nom)),
        "categorie": categorie(poste.intitule, poste.statut),
        "debut": debut.isoformat(),
        "date_naissance": naissance.isoformat(),
        "renouvellement_au_contrat": piege != "contrat_muet",
        "travail_de_nuit": piege == "nuit",
    }


def _paie(rng: random.Random, s: Any, debut: date, fin: date, niveau: int) -> list[dict]:
    """The monthly gross pay of the contract: the base salary (a part month paid by calendar
    days), and from level 2 overtime now and then; half a cent in the 10 % once in two."""
    mensuel = cents(s.taux_horaire * HEURES_MOIS)
    lignes, mois = [], date(debut.year, debut.month, 1)
    while mois <= fin:
        fin_mois = plus_mois(mois, 1) - timedelta(days=1)
        jours = (min(fin, fin_mois) - max(debut, mois)).days + 1
        base = cents(mensuel * jours / fin_mois.day)
        autres = Decimal(rng.randint(1500, 18000)) / 100 if niveau > 1 and rng.random() < 0.5 else 0
        lignes.append({"mois": mois.strftime("%Y-%m"), "base": base, "autres": cents(autres)})
        mois = plus_mois(mois, 1)
    if niveau > 1 and rng.random() < 0.5:  # total ending in 5 cents: 10 % falls on a half cent
        primes = [x for x in lignes if x["autres"]] or [lignes[-1]]
        if not primes[-1]["autres"]:
            primes[-1]["autres"] = Decimal(rng.randint(1500, 9000)) / 100
        total = sum(x["base"] + x["autres"] for x in lignes)
        primes[-1]["autres"] += Decimal((5 - int(total * 100) % 10) % 10) / 100
    return [{k: str(cents(v)) if k != "mois" else v for k, v in x.items()} for x in lignes]


def _depart(rng: random.Random, org: Any, niveau: int) -> dict[str, Any]:
    cas = rng.choice(CAS[niveau])
    cdd = [s for s in org.salaries if s.contrat == "CDD"]
    # Without a CDD, an employee's job and hourly rate serve for the fixed-term contract: never
    # an apprentice's, a % of the SMIC that a CDD may not be paid.
    ordinaires = [s for s in org.salaries if s.contrat != "apprentissage"]
    non_cadres = [s for s in ordinaires if s.statut != "cadre"]
    s = rng.choice(cdd or non_cadres or ordinaires)
    if cas == "etudiant_vacances":
        debut, duree = date(ANNEE, 7, 1), 2
    else:
        debut, duree = (
            date(ANNEE, rng.randint(1, 6), 1),
            rng.randint(*{1: (2, 2)}.get(niveau, (3, 6))),
        )
    fin_prevue = plus_mois(debut, duree) - timedelta(days=1)
    while debut.weekday() > 4 or debut in FERIES:  # the first working day of the month
        debut += timedelta(days=1)
    fin = (
        fin_prevue - timedelta(days=rng.randint(6, 20)) if cas == "rupture_salarie" else fin_prevue
    )
    while fin != fin_prevue and (fin.weekday() > 4 or fin in FERIES):
        fin -= timedelta(days=1)  # an early end falls on a working day
    if cas == "etudiant_vacances" or not cdd:  # someone else than ``s``, in the job ``s`` holds
        nom = _nom(rng)
        emploi = load_secteur(org.secteur).emploi(s.emploi).accorde(_femme(nom))
    else:
        nom, emploi = f"{s.prenom} {s.nom}", s.emploi_libelle
    return {
        "salarie": nom,
        "emploi": emploi,
        "debut": debut.isoformat(),
        "fin_prevue": fin_prevue.isoformat(),
        "fin": fin.isoformat(),
        "motif": {"saisonnier": "saisonnier", "etudiant_vacances": "vacances_scolaires"}.get(
            cas, rng.choice(("accroissement", "remplacement"))
        ),
        "proposition_cdi": "refusee" if cas == "refus_cdi" else "aucune",
        "rupture_anticipee": cas == "rupture_salarie",
        "courrier": (fin - timedelta(days=rng.randint(8, 30))).isoformat(),
        "mois": _paie(rng, s, debut, fin, niveau),
    }


def _pieces(rng: random.Random, niveau: int, embauche: dict, depart: dict) -> list[dict]:
    dates = {
        "bulletins": depart["fin"],
        "registre": depart["debut"],
        "contrat": (date.fromisoformat(depart["debut"]) - timedelta(days=rng.randint(1, 4))),
        "cv": date.fromisoformat(embauche["debut"]) - timedelta(days=rng.randint(10, 40)),
    }
    codes = PIECES.get(niveau, ("bulletins", "registre", "contrat", "cv"))
    return [{"piece": c, "date_piece": str(dates[c])} for c in codes]


def params(rng: random.Random, org: Any, niveau: int) -> dict[str, Any]:
    """The params of one variant."""
    permis = niveau == 1 or rng.random() < 0.6
    # The newcomer's job: one that someone on the staff holds.
    poste = load_secteur(org.secteur).emploi(rng.choice(org.salaries).emploi)
    embauche = _embauche(rng, poste, niveau)
    depart = _depart(rng, org, niveau)
    return {
        "niveau": niveau,
        "convention": {"nom": org.convention_collective.nom, "renouvellement_essai": permis},
        "embauche": embauche,
        "depart": depart,
        "conservation": _pieces(rng, niveau, embauche, depart),
        # The ad seeks a man or a woman: it names the job by its code, not the newcomer's form.
        "annonce": {
            "poste": poste.intitule,
            "phrases": annonce.phrases(rng, niveau, org, poste),
        },
    }


# The variant of this seed and level in the organisation.
generate = generateur(NAME, params, enonce)
