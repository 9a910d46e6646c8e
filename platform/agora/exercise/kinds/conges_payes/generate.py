"""A ``conges_payes`` variant drawn from the organisation: a team of its staff, their reference
period, their summer leave requests (one granted for sure, the others granted or refused for a
reason the level chooses) and the leave pay of the priority one."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from agora.calendrier import feries_francais
from agora.company.model import Salarie
from agora.errors import InvalidInput
from agora.exercise.base import Options, Variant, tirage
from agora.exercise.kinds.conges_payes import equipe as eq
from agora.exercise.kinds.conges_payes.jours import OUVRABLES, OUVRES, compte, mois_de
from agora.exercise.kinds.conges_payes.params import DECOMPTES, NAME, lire_params, rang_mois
from agora.exercise.kinds.conges_payes.solve import ACCORDE, calcule
from agora.exercise.kinds.conges_payes.statement import enonce

AU_CHOIX = "au_choix"
ETE = (date(2026, 5, 1), date(2026, 10, 31))
# What happens to the other requests, by level: granted, overlapping the priority one's leave,
# too short or too long for the main leave, or more days than acquired.
SCENARIOS = {
    2: ("ok", "conflit", "court", "droits"),
    3: ("conflit", "court", "long", "droits", "ok"),
}
ESSAIS = 30


class Ete:
    """The summer's Mondays and public holidays: every leave a request may ask for."""

    def __init__(self) -> None:
        self.feries = feries_francais(*ETE)
        self.jours_feries = frozenset(j for j, _ in self.feries)
        lundis = [date(2026, 5, 4) + timedelta(weeks=k) for k in range(23)]
        self.conges = [
            (lundi, lundi + timedelta(weeks=w), w)
            for lundi in lundis
            for w in range(1, 6)
            if lundi not in self.jours_feries
            and lundi.month <= 9
            and lundi + timedelta(weeks=w) not in self.jours_feries
            and lundi + timedelta(weeks=w) <= ETE[1] + timedelta(days=1)
        ]

    @lru_cache(maxsize=16)  # noqa: B019 (one Ete per process: ete_2026 is cached)
    def prioritaires(self, niveau: int, decompte: str) -> list[tuple[date, date]]:
        """The leaves the priority employee may ask for at this level."""
        return [(d, r) for d, r, w in self.conges if _convient(self, d, r, w, niveau, decompte)]

    def ferie_dedans(self, depart: date, reprise: date, decompte: str) -> bool:
        """A public holiday falls on a day the counting would otherwise include."""
        return compte(depart, reprise, decompte, frozenset()) > compte(
            depart, reprise, decompte, self.jours_feries
        )


def _un_mois(depart: date, reprise: date) -> bool:
    return mois_de(depart) == mois_de(reprise - timedelta(days=1))


def conge_prioritaire(
    rng: random.Random, ete: Ete, niveau: int, decompte: str
) -> tuple[date, date]:
    """The priority employee's leave: 2 to 4 weeks in one month, valid."""
    return rng.choice(ete.prioritaires(niveau, decompte))


def _convient(ete: Ete, depart: date, reprise: date, w: int, niveau: int, decompte: str) -> bool:
    """At level 3 the leave crosses a public holiday it would count; below, none, in summer. A
    two-week leave never crosses one (its 12 jours ouvrables would become 11)."""
    if not 2 <= w <= 4 or not _un_mois(depart, reprise):
        return False
    if w == 2 and ete.ferie_dedans(depart, reprise, OUVRABLES):
        return False
    if niveau == 3:
        return ete.ferie_dedans(depart, reprise, decompte)
    return 6 <= depart.month <= 8 and not ete.ferie_dedans(depart, reprise, OUVRABLES)


def _chevauche(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def conge_autre(
    rng: random.Random, ete: Ete, scenario: str, pris: list[tuple[date, date]]
) -> tuple[date, date]:
    """Another employee's request, shaped for its scenario."""
    semaines = {"court": (1,), "long": (5,), "droits": (3, 4)}.get(scenario, (2, 3))
    choix = [
        (d, r)
        for d, r, w in ete.conges
        if w in semaines
        and not (w == 2 and ete.ferie_dedans(d, r, OUVRABLES))
        and (
            _chevauche((d, r), pris[0])
            if scenario == "conflit"
            else not any(_chevauche((d, r), p) for p in pris)
        )
    ]
    return rng.choice(choix)


def _personne(s: Salarie, demande: tuple[date, date], le: date) -> dict[str, Any]:
    return {
        "id": s.id,
        "prenom": s.prenom,
        "nom": s.nom,
        "emploi": s.emploi_libelle,
        "date_entree": s.date_entree.isoformat(),
        "salaire_mensuel": str(eq.salaire_mensuel(s)),
        "absences": [],
        "demande": {
            "date": le.isoformat(),
            "depart": demande[0].isoformat(),
            "reprise": demande[1].isoformat(),
        },
    }


def _periode(
    rng: random.Random, s: Salarie, ligne: dict[str, Any], rang: int, scenario: str, niveau: int
) -> None:
    """The employee's reference period: a part month when they started during it; at level 3
    sick leave for the priority one (``rang`` 0) and a part month for the next; a long unpaid
    leave when rights must fall short; otherwise now and then an occupational accident."""
    incomplet = eq.mois_entree(s)
    occupes: set[date] = {date.fromisoformat(incomplet["mois"] + "-01")} if incomplet else set()
    libres = eq.mois_libres(s, occupes)
    if rang == 0 and niveau == 3 and len(libres) >= 4:
        n = rng.randint(2, 4)
        debut = rng.choice(libres[: len(libres) - n + 1])
        ligne["absences"].append(eq.absence("maladie", debut, n))
    elif scenario == "droits" and len(libres) >= 7:
        n = rng.randint(6, min(8, len(libres)))
        ligne["absences"].append(eq.absence("sans_solde", libres[len(libres) - n], n))
    elif niveau >= 2 and rng.random() < 0.4 and len(libres) >= 3:
        n = rng.randint(1, 2)
        ligne["absences"].append(eq.absence("accident_travail", libres[0], n))
    if niveau == 3 and rang == 1 and incomplet is None:
        restants = [m for m in libres if not _dans(m, ligne["absences"])]
        if restants:
            mois = rng.choice(restants)
            incomplet = {
                "mois": mois.strftime("%Y-%m"),
                "jours_travailles": rng.randint(6, 20),
                "raison": "sans_solde",
            }
    if incomplet:
        ligne["mois_incomplet"] = incomplet


def _dans(mois: date, absences: list[dict[str, str]]) -> bool:
    return any(a["debut"] <= mois.isoformat() <= a["fin"] for a in absences)


def _scenarios(rng: random.Random, niveau: int, n: int) -> list[str]:
    if niveau == 1:
        return []
    return [rng.choice(SCENARIOS[niveau]) for _ in range(n - 1)]


def _dates_demandes(rng: random.Random, n: int, priorite: str) -> list[date]:
    """Distinct request days, the priority employee's first by date; by seniority the most
    senior asked last instead (the order of the dates is then a trap)."""
    dates = sorted(date(2026, 1, 5) + timedelta(days=j) for j in rng.sample(range(100), n))
    return dates[::-1] if priorite == "anciennete" else dates


def _tirage(
    rng: random.Random, organisation: Any, niveau: int, decompte: str, ete: Ete
) -> dict[str, Any]:
    service, demandeurs, autres = eq.equipe(rng, organisation.salaries, niveau)
    scenarios = _scenarios(rng, niveau, len(demandeurs))
    priorite = rng.choice(("anciennete", "date_demande")) if niveau > 1 else "anciennete"
    conges = [conge_prioritaire(rng, ete, niveau, decompte)]
    for scenario in scenarios:
        conges.append(conge_autre(rng, ete, scenario, conges))
    dates = _dates_demandes(rng, len(demandeurs), priorite)
    lignes = []
    for k, s in enumerate(demandeurs):
        ligne = _personne(s, conges[k], dates[k])
        _periode(rng, s, ligne, k, scenarios[k - 1] if k else "prioritaire", niveau)
        lignes.append(ligne)
    premier = lignes[0]
    salaire = eq.salaire_mensuel(demandeurs[0])
    return {
        "decompte": decompte,
        "periode_reference": {
            "debut": eq.DEBUT_REFERENCE.isoformat(),
            "fin": eq.FIN_REFERENCE.isoformat(),
        },
        "ete": {"debut": ETE[0].isoformat(), "fin": ETE[1].isoformat()},
        "jours_feries": [{"date": j.isoformat(), "nom": nom} for j, nom in ete.feries],
        "equipe": {
            "service": service,
            "effectif": len(demandeurs) + len(autres),
            "presents_minimum": len(demandeurs) + len(autres) - 1,
            "autres": [f"{s.prenom} {s.nom} ({s.emploi_libelle})" for s in autres],
        },
        "priorite": priorite,
        "salaries": sorted(lignes, key=lambda ligne: ligne["id"]),
        "indemnite": {
            "salarie": premier["id"],
            "brut_reference": eq.brut_reference(rng, salaire, _mois_payes(premier)),
        },
        "scenarios": scenarios,
    }


def _mois_payes(ligne: dict[str, Any]) -> Decimal:
    """The months the employer paid in the period: not those of an absence (the health
    insurance pays sick leave and accidents; unpaid leave is unpaid)."""
    absents = 0
    for a in ligne["absences"]:
        debut, fin = date.fromisoformat(a["debut"]), date.fromisoformat(a["fin"])
        absents += rang_mois(debut, fin) + 1
    return Decimal(12 - absents)


def _conforme(document: dict[str, Any]) -> bool:
    """The drawn requests end as their scenarios say: the priority one granted, a refusal for
    each scenario that asks for one, a grant for each « ok »."""
    c = lire_params(document)
    valeurs = calcule(c).out
    decisions = [valeurs[f"salaries.{i}.decision"] for i in range(len(c.salaries))]
    if decisions[c.paie] != ACCORDE:
        return False
    attendus = {
        "ok": ACCORDE,
        "conflit": "refuse_effectif",
        "court": "refuse_duree",
        "long": "refuse_duree",
        "droits": "refuse_droits",
    }
    voulus = [*(attendus[s] for s in document["scenarios"]), ACCORDE]
    return sorted(decisions) == sorted(voulus)


@cache
def ete_2026() -> Ete:
    """The summer of 2026, built once (every variant draws its leave from it)."""
    return Ete()


def params(rng: random.Random, organisation: Any, niveau: int, decompte: str) -> dict[str, Any]:
    """The params of one variant: drawn again until the requests end as their scenarios say."""
    ete = ete_2026()
    for _ in range(ESSAIS):
        document = _tirage(rng, organisation, niveau, decompte, ete)
        if _conforme(document):
            break
    del document["scenarios"]
    return document


# The way of counting a level takes when the mission leaves it to the level (None: drawn).
PAR_NIVEAU = {1: OUVRABLES, 2: None, 3: OUVRES}


def _decompte(choisi: Any, niveau: int, rng: random.Random) -> str:
    """The mission's way of counting, or the level's (drawn for each student at level 2)."""
    if choisi == AU_CHOIX:
        return PAR_NIVEAU[niveau] or rng.choice((OUVRABLES, OUVRES))
    if isinstance(choisi, str) and choisi in DECOMPTES:
        return choisi
    raise InvalidInput(f"Décompte inconnu : « {choisi} » ({', '.join(DECOMPTES)}).")


def generate(seed: int, niveau: int, organisation: Any, options: Options = None) -> Variant:
    """The variant of this seed, level and way of counting in the organisation."""
    choisi = dict(options or {}).get("decompte", AU_CHOIX)
    rng = tirage(NAME, seed, niveau, str(choisi))
    document = params(rng, organisation, niveau, _decompte(choisi, niveau, rng))
    texte = enonce(document, organisation, niveau)
    return Variant(NAME, seed, niveau, document, texte, {"decompte": choisi})
