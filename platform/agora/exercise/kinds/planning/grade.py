"""Planning: grading a week's créneaux, every violation a diagnostic."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import ChampResult, Diagnostic, Grade, score_ratio
from agora.exercise.kinds.planning.params import NAME, lire_semaine
from agora.exercise.kinds.planning.rules import Creneau, Semaine, Violation, heure, lire_creneaux
from agora.exercise.kinds.planning.violations import controler

# Short French names of the rules, for the verdict of one créneau.
REGLES = {
    "DUREE_QUOTIDIENNE": "trop d'heures dans la journée",
    "PAUSE": "pause manquante",
    "REPOS_QUOTIDIEN": "repos quotidien trop court",
    "INDISPONIBLE": "salarié indisponible",
    "HORS_OUVERTURE": "hors des heures d'ouverture",
    "COUVERTURE": "besoin en personnel non couvert",
}


def grade(params: dict[str, Any], answer: Any) -> Grade:
    """Every violation as a diagnostic; half the score per employee, half per besoin covered."""
    semaine = lire_semaine(params)
    brut = answer.get("creneaux") if isinstance(answer, dict) else answer
    lus, erreurs, rates = lire_creneaux(semaine, brut)
    violations = controler(semaine, [c for _, c in lus])
    champs = [_verdict(semaine, i, c, violations) for i, c in lus]
    champs += [
        ChampResult(champ, None, _recu(brut, champ), False, m) for champ, m in erreurs.items()
    ]
    champs.sort(key=lambda r: _ordre(r.champ))
    illisibles = [_illisible(semaine, i, item) for i, item in rates]
    if "creneaux" in erreurs:
        illisibles.append(Diagnostic("CRENEAU_ILLISIBLE", "La liste des créneaux est illisible.",
                                     {"salarie": None, "jour": None}))  # fmt: skip
    diagnostics = [_diagnostic(semaine, v) for v in violations] + illisibles
    score = _score(semaine, violations, illisibles)
    return Grade(NAME, score, champs, diagnostics, [("3.2.1", score)])


def _ordre(champ: str) -> tuple[int, str]:
    parts = champ.split(".")
    index = len(parts) > 1 and parts[1].isascii() and parts[1].isdigit()  # int("²") raises
    return (int(parts[1]) if index else -1, champ)


def _recu(brut: Any, champ: str) -> Any:
    parts = champ.split(".")
    try:
        valeur = brut
        if len(parts) > 1:
            valeur = valeur[int(parts[1])]
        if len(parts) > 2:
            valeur = valeur[parts[2]]
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    return valeur if isinstance(valeur, str | int | float | type(None)) else str(valeur)[:80]


def _verdict(semaine: Semaine, i: int, c: Creneau, violations: list[Violation]) -> ChampResult:
    codes = [
        v.code
        for v in violations
        if v.jour == c.jour and v.salarie in (c.salarie, None) and v.code in REGLES
    ]
    recu = f"{c.salarie} {semaine.iso(c.jour)} {heure(c.debut)}-{heure(c.fin)}"
    if not codes:
        return ChampResult(f"creneaux.{i}", None, recu, True, "Rien à signaler ce jour-là.")
    problemes = " ; ".join(dict.fromkeys(REGLES[code] for code in codes))
    return ChampResult(f"creneaux.{i}", None, recu, False, f"À revoir ce jour-là : {problemes}.")


def _diagnostic(semaine: Semaine, v: Violation) -> Diagnostic:
    jour = None if v.jour is None else semaine.iso(v.jour)
    return Diagnostic(v.code, v.message, {"salarie": v.salarie, "jour": jour})


def _illisible(semaine: Semaine, i: int, item: dict[str, Any]) -> Diagnostic:
    salarie = item.get("salarie")
    jour = item.get("jour")
    return Diagnostic(
        "CRENEAU_ILLISIBLE",
        f"Le créneau n° {i + 1} est illisible : il n'est pas compté dans le planning.",
        {
            "salarie": salarie if isinstance(salarie, str) and semaine.employe(salarie) else None,
            "jour": jour if isinstance(jour, str) and jour in _jours_iso(semaine) else None,
        },
    )


def _jours_iso(semaine: Semaine) -> set[str]:
    return {semaine.iso(j) for j in range(7)}


def _score(semaine: Semaine, violations: list[Violation], illisibles: list[Diagnostic]) -> Decimal:
    """Half for the employees whose week breaks no rule, half for the besoins covered.

    An unreadable créneau spoils its employee's week, or counts as one more wrong week when
    it names no known employee. Without besoins the employees carry the whole score.
    """
    fautifs = {v.salarie for v in violations if v.salarie is not None}
    orphelins = 0
    for d in illisibles:
        if d.details["salarie"] is None:
            orphelins += 1
        else:
            fautifs.add(d.details["salarie"])
    salaries = score_ratio(len(semaine.employes) - len(fautifs), len(semaine.employes) + orphelins)
    manques = {v.besoin for v in violations if v.code == "COUVERTURE"}
    if not semaine.besoins:
        return salaries
    couverture = score_ratio(len(semaine.besoins) - len(manques), len(semaine.besoins))
    return score_ratio(salaries + couverture, 2)
