"""The params of a ``conges_payes`` variant: read into typed objects, refused in one French line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from agora.errors import InvalidInput
from agora.exercise.kinds.conges_payes.jours import OUVRABLES, OUVRES
from agora.exercise.params import Memoire, code_connu, lire_liste, lire_montant, lire_objet

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "conges_payes"

DECOMPTES = {OUVRABLES: "En jours ouvrables (du lundi au samedi)", OUVRES: "En jours ouvrés"}
PRIORITES = ("anciennete", "date_demande")
# Absences of the reference period: counted as work (2,5 days a month), as sick leave (2 days a
# month since the law of 22 April 2024), or not at all (unpaid leave).
MOTIFS = ("maladie", "maternite", "accident_travail", "sans_solde")
MAX_SALARIES = 6
MAX_FERIES = 30
UN_JOUR = timedelta(days=1)


class Absence(NamedTuple):
    """An absence of whole months: its reason and the months it covers (0 = the first month of
    the reference period)."""

    motif: str
    mois: tuple[int, ...]


class Demande(NamedTuple):
    """A leave request: the day it was made, the first day of leave, the day work resumes."""

    le: date
    depart: date
    reprise: date


class Salarie(NamedTuple):
    """One employee of the team, typed (a NamedTuple: built at each grade, quickly)."""

    id: str
    nom: str
    date_entree: date
    premier_mois: int  # the first month of the reference period the employee worked in
    incomplet: tuple[int, int] | None  # (month, jours ouvrables worked) of a part month
    absences: tuple[Absence, ...]
    demande: Demande
    salaire_mensuel: Decimal


@dataclass
class Conges(Memoire):
    """Typed, validated params of one exercise."""

    decompte: str
    debut_reference: date
    feries: frozenset[date]
    effectif: int
    presents_minimum: int
    priorite: str
    salaries: tuple[Salarie, ...]
    paie: int  # the index of the employee whose leave pay is computed
    brut_reference: Decimal


def _refus(message: str) -> InvalidInput:
    return InvalidInput(f"Paramètres : {message}")


def _date(raw: Any, quoi: str) -> date:
    if isinstance(raw, str) and len(raw) == 10:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    raise _refus(f"{quoi} doit être une date AAAA-MM-JJ.")


def _entier(raw: Any, quoi: str, bas: int, haut: int) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        raise _refus(f"{quoi} doit être un nombre entier.")
    texte = str(raw)
    if (
        not (texte.isascii() and texte.isdigit() and len(texte) <= 6)
        or not bas <= int(texte) <= haut
    ):
        raise _refus(f"{quoi} doit être un nombre entier de {bas} à {haut}.")
    return int(texte)


def rang_mois(debut: date, jour: date) -> int:
    """The month of ``jour`` counted from the reference period's first month (0 to 11)."""
    return (jour.year - debut.year) * 12 + jour.month - debut.month


@lru_cache(maxsize=MAX_SALARIES)
def _places(n: int) -> dict[str, str]:
    """What a refusal of employee ``n``'s params names (« date d'entrée du salarié 2 »…),
    spelled once per row rather than at each read."""
    quoi = f"salarié {n + 1}"
    du = f"du {quoi}"
    return {
        "quoi": quoi,
        "le": f"le {quoi}",
        "entree": f"date d'entrée du {quoi}",
        "absences": f"absences du {quoi}",
        "du": du,
        "salaire": f"salaire mensuel du {quoi}",
        "demande": f"la demande de {du}",
        "date": f"date de la demande de {du}",
        "depart": f"départ de {du}",
        "reprise": f"reprise de {du}",
    }


@lru_cache(maxsize=MAX_SALARIES * 12)
def _places_absence(n: int, i: int) -> tuple[str, str, str]:
    """What a refusal of absence ``i`` of employee ``n`` names: the absence, its first and
    last days."""
    quoi = f"l'absence {i + 1} du salarié {n + 1}"
    return quoi, f"début de {quoi}", f"fin de {quoi}"


def _absence(raw: Any, places: tuple[str, str, str], debut: date) -> Absence:
    quoi, ou_debut, ou_fin = places
    a = lire_objet(raw, quoi)
    motif = code_connu(a.get("motif"), MOTIFS, f"motif de {quoi} inconnu")
    premier, dernier = _date(a.get("debut"), ou_debut), _date(a.get("fin"), ou_fin)
    if premier.day != 1 or (dernier + UN_JOUR).day != 1 or dernier < premier:
        raise _refus(f"{quoi} doit couvrir des mois entiers (du 1er au dernier jour du mois).")
    return Absence(motif, tuple(range(rang_mois(debut, premier), rang_mois(debut, dernier) + 1)))


def _incomplet(raw: Any, quoi: str, debut: date) -> tuple[int, int] | None:
    if raw is None:
        return None
    m = lire_objet(raw, f"le mois incomplet de {quoi}")
    mois = _date(f"{m.get('mois')}-01" if isinstance(m.get("mois"), str) else None, "mois")
    return rang_mois(debut, mois), _entier(m.get("jours_travailles"), "jours_travailles", 0, 27)


def _demande(raw: Any, ou: dict[str, str], ete: tuple[date, date]) -> Demande:
    d = lire_objet(raw, ou["demande"])
    demande = Demande(
        _date(d.get("date"), ou["date"]),
        _date(d.get("depart"), ou["depart"]),
        _date(d.get("reprise"), ou["reprise"]),
    )
    quoi = ou["du"]
    if not ete[0] <= demande.depart < demande.reprise <= ete[1] + UN_JOUR:
        raise _refus(f"le congé de {quoi} doit être pris entre le {ete[0]} et le {ete[1]}.")
    if (demande.reprise - demande.depart).days > 62:
        raise _refus(f"le congé de {quoi} dépasse deux mois.")
    return demande


def _salarie(raw: Any, n: int, debut: date, ete: tuple[date, date]) -> Salarie:
    ou = _places(n)
    quoi = ou["quoi"]
    s = lire_objet(raw, ou["le"])
    entree = _date(s.get("date_entree"), ou["entree"])
    rang = rang_mois(debut, entree)
    if rang >= 12:  # after the twelve months of the reference period
        raise _refus(f"le {quoi} est entré après la période de référence.")
    premier = max(0, rang)
    absences = tuple(
        _absence(a, _places_absence(n, i), debut)
        for i, a in enumerate(lire_liste(s.get("absences", []), ou["absences"], 12))
    )
    incomplet = _incomplet(s.get("mois_incomplet"), ou["du"], debut)
    if absences or incomplet:  # most employees have neither: nothing to check
        occupes = [m for a in absences for m in a.mois] + ([incomplet[0]] if incomplet else [])
        if len(set(occupes)) != len(occupes) or any(not premier <= m < 12 for m in occupes):
            raise _refus(f"les absences du {quoi} se chevauchent ou sortent de la période.")
    nom = f"{str(s.get('prenom', ''))[:40]} {str(s.get('nom', ''))[:40]}".strip()
    return Salarie(  # by position, in the order of the fields (a NamedTuple: quicker)
        str(s.get("id", n + 1))[:10],
        nom or quoi,
        entree,
        premier,
        incomplet,
        absences,
        _demande(s.get("demande"), ou, ete),
        lire_montant(s.get("salaire_mensuel"), ou["salaire"]),
    )


def _feries(raw: Any) -> frozenset[date]:
    feries = lire_liste(raw, "« jours_feries »", MAX_FERIES)
    return frozenset(
        _date(lire_objet(f, "un jour férié").get("date"), "jour férié") for f in feries
    )


def _paie(raw: Any, salaries: tuple[Salarie, ...]) -> tuple[int, Decimal]:
    p = lire_objet(raw, "« indemnite »")
    ids = [s.id for s in salaries]
    qui = p.get("salarie")
    if not isinstance(qui, str) or qui not in ids:
        raise _refus("« indemnite.salarie » doit être l'id d'un salarié de la liste.")
    demande = salaries[ids.index(qui)].demande
    dernier = demande.reprise - UN_JOUR
    if (demande.depart.year, demande.depart.month) != (dernier.year, dernier.month):
        raise _refus("le congé de l'indemnité doit tenir dans un seul mois.")
    return ids.index(qui), lire_montant(p.get("brut_reference"), "brut_reference")


def lire_params(params: Any) -> Conges:
    """The typed exercise; InvalidInput (one French line) when the params are unusable."""
    p = lire_objet(params, "les paramètres (un objet JSON)")
    decompte = code_connu(p.get("decompte"), DECOMPTES, "décompte inconnu")
    priorite = code_connu(p.get("priorite"), PRIORITES, "ordre de priorité inconnu")
    reference = lire_objet(p.get("periode_reference"), "« periode_reference »")
    debut = _date(reference.get("debut"), "début de la période de référence")
    if debut.day != 1:
        raise _refus("la période de référence commence le 1er d'un mois.")
    e = lire_objet(p.get("ete"), "« ete »")
    ete = (_date(e.get("debut"), "début de l'été"), _date(e.get("fin"), "fin de l'été"))
    if not debut < ete[0] <= ete[1] or (ete[1] - ete[0]).days > 366:
        raise _refus("la période des congés d'été commence après le début de la référence.")
    brut = lire_liste(p.get("salaries"), "« salaries »", MAX_SALARIES, 1)
    salaries = tuple(_salarie(s, n, debut, ete) for n, s in enumerate(brut))
    if len({s.id for s in salaries}) != len(salaries):
        raise _refus("deux salariés ont le même id.")
    equipe = lire_objet(p.get("equipe"), "« equipe »")
    effectif = _entier(equipe.get("effectif"), "effectif de l'équipe", len(salaries), 100)
    minimum = _entier(equipe.get("presents_minimum"), "presents_minimum", 0, effectif - 1)
    paie, brut_reference = _paie(p.get("indemnite"), salaries)
    return Conges(
        decompte, debut, _feries(p.get("jours_feries")), effectif, minimum, priorite, salaries,
        paie, brut_reference,
    )  # fmt: skip


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
