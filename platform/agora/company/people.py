"""The staff of the organisation: employees with contracts, dates and hourly rates, and the manager."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, Decimal

from faker import Faker
from faker.providers.person.fr_FR import Provider as _Noms

from agora.company.model import Salarie, annees_revolues
from agora.content.baremes import Apprentis
from agora.content.secteurs import Emploi, Secteur
from agora.money import CENT, cents

# Shares of contract types among employees whose job allows them (the rest are CDI).
PART_APPRENTIS = 0.12
PART_CDD = 0.10
PART_TEMPS_PARTIEL = 0.12
# Part-time hours: 24 h is the legal minimum outside derogations (Code du travail, L3123-27).
HEURES_TEMPS_PARTIEL = ("24", "28", "30")

_PRENOMS_FEMININS = frozenset(_Noms.first_names_female)
_PRENOMS_MASCULINS = frozenset(_Noms.first_names_male)


@dataclass(frozen=True)
class Generation:
    """What one section of the organisation draws from: its own seeded sources and the fixed context."""

    rng: random.Random
    fake: Faker
    secteur: Secteur
    reference: date  # the simulated "today": 1 January of the barème year
    smic: Decimal
    apprentis: Apprentis  # the apprentices' minimum wage, in % of the SMIC


def femme(prenom: str) -> bool | None:
    """Whether a first name ``personne`` draws is a woman's (Faker fr_FR's two lists share
    none), for a civility or an agreement; None for a name from elsewhere."""
    if prenom in _PRENOMS_FEMININS:
        return True
    return False if prenom in _PRENOMS_MASCULINS else None


def personne(gen: Generation) -> tuple[str, str, bool]:
    """(first name, last name, is a woman) drawn from Faker fr_FR."""
    femme = gen.rng.random() < 0.5
    prenom = gen.fake.first_name_female() if femme else gen.fake.first_name_male()
    return prenom, gen.fake.last_name(), femme


def salaries(gen: Generation, creation: date) -> tuple[Salarie, ...]:
    """Between the sector's bounds (6 to 40) employees, every mandatory job filled."""
    emplois = _emplois(gen)
    order = {e.service: i for i, e in reversed(list(enumerate(gen.secteur.emplois)))}
    emplois.sort(key=lambda e: (order[e.service], e.statut != "cadre", e.intitule))
    return tuple(
        _salarie(gen, f"E{rank}", emploi, creation) for rank, emploi in enumerate(emplois, 1)
    )


def _emplois(gen: Generation) -> list[Emploi]:
    mandatory = [e for e in gen.secteur.emplois if e.obligatoire]
    low = max(gen.secteur.effectif.min, len(mandatory))
    # Skewed towards small teams, as French firms are (squaring a uniform draw).
    span = max(low, gen.secteur.effectif.max) - low
    count = low + int((span + 1) * gen.rng.random() ** 2)
    pool = gen.secteur.emplois
    others = gen.rng.choices(pool, weights=[e.poids for e in pool], k=count - len(mandatory))
    return mandatory + others


def _salarie(gen: Generation, ident: str, emploi: Emploi, creation: date) -> Salarie:
    rng = gen.rng
    contrat, heures = _contrat(rng, emploi)
    apprenti = contrat == "apprentissage"
    # Apprentices are 16 to 21 (many under 18); other staff are adults.
    age = (
        rng.randint(16, 21)
        if apprenti
        else rng.randint(20 if emploi.statut == "non_cadre" else 26, 62)
    )
    # Exactly ``age`` years old on the reference day, the birthday already past: born on that
    # very day, a 16-year-old would turn 16 too late to have been hired before it.
    naissance = _anniversaire(gen.reference, -age) - timedelta(days=1 + rng.randrange(364))
    prenom, nom, est_femme = personne(gen)
    entree = _entree(gen, contrat, naissance, creation)
    return Salarie(
        id=ident,
        nom=nom,
        prenom=prenom,
        date_naissance=naissance,
        emploi=emploi.intitule,
        emploi_libelle=emploi.accorde(est_femme),
        service=emploi.service,
        contrat=contrat,
        heures_hebdo=Decimal(heures),
        date_entree=entree,
        statut=emploi.statut,
        taux_horaire=(
            _taux_apprenti(gen, naissance, entree) if apprenti else _taux(rng, emploi, gen.smic)
        ),
    )


def _contrat(rng: random.Random, emploi: Emploi) -> tuple[str, str]:
    draw = rng.random()
    if emploi.apprentissage and draw < PART_APPRENTIS:
        return "apprentissage", "35"
    if draw < PART_APPRENTIS + PART_CDD:
        return "CDD", "35"
    if emploi.statut == "non_cadre" and draw < PART_APPRENTIS + PART_CDD + PART_TEMPS_PARTIEL:
        return "temps_partiel", rng.choice(HEURES_TEMPS_PARTIEL)
    return "CDI", "35"


def _entree(gen: Generation, contrat: str, naissance: date, creation: date) -> date:
    """Entry date: after the company's creation and the 16th birthday; recent for CDD/apprentices."""
    earliest = max(creation, _anniversaire(naissance, 16))
    if contrat in ("CDD", "apprentissage"):
        earliest = max(earliest, gen.reference - timedelta(days=540))
    span = max((gen.reference - timedelta(days=1) - earliest).days, 0)
    return earliest + timedelta(days=gen.rng.randint(0, span))


def _anniversaire(naissance: date, age: int) -> date:
    try:
        return naissance.replace(year=naissance.year + age)
    except ValueError:  # born on 29 February
        return date(naissance.year + age, 3, 1)


def _taux_apprenti(gen: Generation, naissance: date, entree: date) -> Decimal:
    """The legal minimum of an apprentice on the reference day, rounded up to the cent: a % of
    the SMIC by age and year of the contract. Born at least a day before the birthday of that
    age, the higher bracket already applies (from the first of the month after it)."""
    age = annees_revolues(naissance, gen.reference)
    annee = annees_revolues(entree, gen.reference) + 1
    pourcentage = gen.apprentis.pourcentage(age, annee)
    return (gen.smic * pourcentage / 100).quantize(CENT, ROUND_CEILING)


def _taux(rng: random.Random, emploi: Emploi, smic: Decimal) -> Decimal:
    low, high = emploi.taux_horaire.min, emploi.taux_horaire.max
    drawn = cents(low + (high - low) * Decimal(rng.randrange(1001)) / 1000)
    return max(drawn, smic)
