"""A ``journal_paie`` variant: the month's payslips of some of the organisation's employees, drawn
and solved by the ``bulletin_paie`` kind (its functions, not a copy), then summed up as a payroll
step provides them; level 3 adds an advance paid during the month and a due date to postpone.

Level 1: one payslip (bulletin_paie level 1). Level 2: two or three payslips (level 2).
Level 3: three or four payslips (level 2), an advance (acompte) on one of them, and a month whose
due date falls on a weekend or a public holiday when the mission does not fix the month.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

from agora.calendrier import MOIS as NOMS_MOIS
from agora.company.model import Company, Salarie
from agora.content.baremes import load_bareme
from agora.errors import InvalidInput
from agora.exercise.base import Options, Variant, a_l_etape, tirage
from agora.exercise.kinds.bulletin_paie import generate as paie
from agora.exercise.kinds.bulletin_paie.params import lire as lire_bulletin
from agora.exercise.kinds.bulletin_paie.solve import solution as solution_bulletin
from agora.exercise.kinds.journal_paie import statement
from agora.exercise.kinds.journal_paie.params import NAME, lire_params
from agora.exercise.kinds.journal_paie.regles import mois_suivant, ouvre, regles, reporte
from agora.money import fmt

AU_CHOIX = paie.AU_CHOIX
# The payslips of the month by level, and the bulletin_paie level they are drawn at.
NOMBRE = {1: (1, 1), 2: (2, 3), 3: (3, 4)}
NIVEAU_BULLETIN = {1: 1, 2: 2, 3: 2}
ACOMPTES = (150, 200, 250, 300, 400, 500)


def salaries(organisation: Company, niveau: int) -> list[Salarie]:
    """The employees whose payslips the level can show (bulletin_paie's own choice: no
    apprentice; non-cadre at level 1)."""
    ordinaires = [s for s in organisation.salaries if s.contrat != "apprentissage"]
    if niveau == 1:
        ordinaires = [s for s in ordinaires if s.statut == "non_cadre"] or ordinaires
    if not ordinaires:
        raise InvalidInput("L'organisation n'a aucun salarié : pas de paie à comptabiliser.")
    return ordinaires


@lru_cache(maxsize=8)
def mois_reportes(annee: int) -> tuple[int, ...]:
    """The months of ``annee`` whose payment on the 15th of the next month is postponed."""
    return [
        m for m in range(1, 13) if reporte(mois_suivant(annee, m, 15)) != mois_suivant(annee, m, 15)
    ]


def choisir_mois(rng: random.Random, niveau: int, choisi: str) -> str:
    """The month's name: the mission's, else drawn (at level 3 among the months whose due date
    is postponed)."""
    if choisi in NOMS_MOIS:
        return choisi
    if niveau == 3:
        return NOMS_MOIS[rng.choice(mois_reportes(paie.ANNEE)) - 1]
    return NOMS_MOIS[rng.randrange(12)]


def resume(params_bulletin: dict[str, Any]) -> dict[str, Any]:
    """What a payslip step provides to the payroll entry: the payslip solved, summed up, each
    contribution line with the body it is paid to."""
    s = solution_bulletin(lire_bulletin(params_bulletin))
    r = regles()
    salarie = params_bulletin["salarie"]
    # Only a payslip with benefits in kind carries the key: the others' params stay as they were.
    avantages = params_bulletin.get("avantages_nature") or []
    en_nature = {"avantages_nature": [dict(a) for a in avantages]} if avantages else {}
    return {
        "salarie": salarie["nom"],
        "emploi": salarie["emploi"],
        "salaire_brut": fmt(s["salaire_brut"]),
        "cotisations": [
            {
                "libelle": c["libelle"],
                "organisme": r.organisme_de(c["libelle"]),
                "salarial": fmt(c["montant_salarial"]),
                "patronal": fmt(c["montant_patronal"]),
            }
            for c in s["cotisations"]
        ],
        "net_avant_impot": fmt(s["net_avant_impot"]),
        "prelevement_source": fmt(s["prelevement_source"]),
        "net_a_payer": fmt(s["net_a_payer"]),
        "acompte": "0.00",
        **en_nature,
    }


class _Seul:
    """The organisation seen with one employee: bulletin_paie's drawing then takes that one
    (a view, not a copy of the organisation: generation speed)."""

    def __init__(self, organisation: Company, salarie: Salarie):
        self._organisation = organisation
        self.salaries = (salarie,)

    def __getattr__(self, nom: str) -> Any:
        return getattr(self._organisation, nom)


def bulletin(
    rng: random.Random, organisation: Company, salarie: Salarie, niveau: int, nom_mois: str
) -> dict[str, Any]:
    """The bulletin_paie params of one employee's payslip of the month."""
    bareme = load_bareme(paie.ANNEE)
    # In a restaurant (HCR), the staff are fed at work from bulletin_paie's level 2: the meals
    # are a benefit in kind, which the entry neutralises (708).
    mois = paie.tirer_mois(rng, _Seul(organisation, salarie), niveau, bareme)
    at_mp = paie.taux_at_mp(organisation, bareme)
    lignes = paie.lignes(mois, niveau, bareme, len(organisation.salaries), at_mp)
    return paie.params_de(rng, mois, niveau, bareme, lignes, nom_mois)


def jour_de_paie(annee: int, mois: int) -> date:
    """The last working day of the month: the day the salaries are paid."""
    jour = mois_suivant(annee, mois, 1) - timedelta(days=1)
    while not ouvre(jour):
        jour -= timedelta(days=1)
    return jour


def acompte(rng: random.Random, net: Decimal) -> Decimal:
    """An advance asked for in the middle of the month: a round sum under half the net."""
    possibles = [a for a in ACOMPTES if a <= net / 2] or [int(net / 4)]
    return Decimal(rng.choice(possibles))


def params(
    rng: random.Random,
    organisation: Company,
    niveau: int,
    choisi: str = AU_CHOIX,
    premier: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Contract params for the level; ``premier``: the summary of a payslip taken from an
    earlier step, the month's first payslip (its month is then the variant's)."""
    nom_mois = choisir_mois(rng, niveau, choisi)
    numero = NOMS_MOIS.index(nom_mois) + 1
    pool = salaries(organisation, niveau)
    bas, haut = NOMBRE[niveau]
    nombre = rng.randint(bas, haut)
    if premier is not None:
        pool = [s for s in pool if f"{s.prenom} {s.nom}" != premier["salarie"]]
        nombre -= 1
    choisis = rng.sample(pool, min(len(pool), nombre))
    niveau_b = NIVEAU_BULLETIN[niveau]
    resumes = [resume(bulletin(rng, organisation, s, niveau_b, nom_mois)) for s in choisis]
    if premier is not None:
        resumes.insert(0, premier)
    if niveau == 3:
        b = rng.choice(resumes)
        b["acompte"] = fmt(acompte(rng, Decimal(b["net_a_payer"])))
    return {
        "periode": f"{paie.ANNEE}-{numero:02d}",
        "effectif": len(organisation.salaries),
        "paie_dans_le_mois": True,
        "date_paie": jour_de_paie(paie.ANNEE, numero).isoformat(),
        "bulletins": resumes,
    }


def generate(seed: int, niveau: int, organisation: Company, options: Options = None) -> Variant:
    """The month's payroll of the organisation for the level, of the month the option ``mois``
    names (by default drawn for each student)."""
    choisi = (options or {}).get("mois", AU_CHOIX)
    rng = tirage(NAME, seed, niveau)
    p = params(rng, organisation, niveau, choisi)
    return Variant(
        NAME, seed, niveau, p, statement.enonce(organisation, p, niveau), {"mois": choisi}
    )


def reprendre(
    seed: int,
    niveau: int,
    organisation: Company,
    options: Mapping[str, str] | None,
    documents: Mapping[str, Any],
) -> Variant:
    """The variant whose first payslip is the one the student made at an earlier step (a
    ``bulletin_paie`` document: that payslip's params), of its month; drawn as usual when the
    document cannot serve (another year, or a payslip with a transport refund, which this
    version does not record: its net à payer does not follow from the brut)."""
    source = documents.get("bulletin_paie")
    try:
        premier = resume(source)
        annee, numero = (int(x) for x in source["periode"].split("-"))
        if annee != paie.ANNEE or not 1 <= numero <= 12:
            raise InvalidInput("autre année")
        rng = tirage(NAME, seed, niveau, "depuis")
        p = params(rng, organisation, niveau, NOMS_MOIS[numero - 1], premier)
        lire_params(p)
    except (InvalidInput, KeyError, TypeError, ValueError, AttributeError):
        return generate(seed, niveau, organisation, options)
    texte = statement.enonce(organisation, p, niveau, reprise=a_l_etape(source))
    return Variant(NAME, seed, niveau, p, texte, {"mois": (options or {}).get("mois", AU_CHOIX)})
