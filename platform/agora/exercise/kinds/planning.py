"""The `planning` kind: a weekly staff schedule under the working-time rules and the coverage needs.

The rules live in _planning_regles (reading) and _planning_controle (checking), the CP-SAT
search in _planning_solveur, the week built from the organisation in _planning_generation and
the statement in _planning_enonce.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.answer_names import AnswerSchema
from agora.exercise.base import (
    ChampResult,
    Diagnostic,
    FormatErrors,
    Grade,
    SampleAnswer,
    Variant,
    score_ratio,
)
from agora.exercise.kinds._planning_controle import controler
from agora.exercise.kinds._planning_regles import (
    MAX_SALARIES,
    Creneau,
    Semaine,
    Violation,
    en_json,
    heure,
    lire_creneaux,
    lire_heure,
    lire_semaine,
)

NAME = "planning"
TITRE = "Planning hebdomadaire du personnel"
COMPETENCES = ("3.2.1",)
# Bumped when a change makes a seed draw other params or another statement (see
# agora.exercise.history): stored exercises keep the version that drew them.
VERSION = 1

# The names of an answer: créneaux of every employee, every day of the week, a few a day (the
# form gives two periods a day, more when a stored answer has more).
PERIODES_PAR_JOUR = 4
ANSWER_SCHEMA = AnswerSchema(
    tuple(f"creneaux.#.{champ}" for champ in ("salarie", "jour", "debut", "fin")),
    {"creneaux": MAX_SALARIES * 7 * PERIODES_PAR_JOUR},
)

# Short French names of the rules, for the verdict of one créneau.
REGLES = {
    "DUREE_QUOTIDIENNE": "trop d'heures dans la journée",
    "PAUSE": "pause manquante",
    "REPOS_QUOTIDIEN": "repos quotidien trop court",
    "INDISPONIBLE": "salarié indisponible",
    "HORS_OUVERTURE": "hors des heures d'ouverture",
    "COUVERTURE": "besoin en personnel non couvert",
}


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """The params if they describe a week (InvalidInput with one French line otherwise)."""
    lire_semaine(params)
    return params


def generate(seed: int, niveau: int, organisation: Any) -> Variant:
    """A week of the organisation's staff with at least one planning without violation."""
    from agora.exercise.kinds._planning_enonce import enonce
    from agora.exercise.kinds._planning_generation import generer

    params, choix = generer(seed, niveau, organisation)
    return Variant(NAME, seed, niveau, params, enonce(params, niveau, organisation, choix))


def parse(answer: dict[str, Any], params: dict[str, Any] | None = None) -> dict[str, Any]:
    """The créneaux typed cleanly (times as HH:MM); empty ones dropped. FormatErrors on a bad
    time, an end before the start, or, when params are given, an unknown employee or day."""
    if not isinstance(answer, dict):
        raise FormatErrors({"creneaux": "La réponse doit contenir une liste de créneaux."})
    semaine = lire_semaine(params) if params is not None else None
    lus, erreurs, _ = lire_creneaux(semaine, answer.get("creneaux", []))
    if erreurs:
        raise FormatErrors(erreurs)
    brut = answer["creneaux"] if lus else []
    creneaux = []
    for i, c in lus:
        jour = date.fromisoformat(brut[i]["jour"]).isoformat()
        creneaux.append(
            {"salarie": c.salarie, "jour": jour, "debut": heure(c.debut), "fin": heure(c.fin)}
        )
    return {"creneaux": creneaux}


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """One planning with no violation (OR-Tools CP-SAT); InvalidInput when none exists."""
    from agora.exercise.kinds._planning_solveur import resoudre

    semaine = lire_semaine(params)
    return en_json(semaine, resoudre(semaine))


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


def validate_field(champ: str, valeur: str) -> str | None:
    """The format message of a start or end time while it is typed (None when readable or empty)."""
    if not champ.endswith((".debut", ".fin")) or not isinstance(valeur, str) or not valeur.strip():
        return None
    try:
        lire_heure(valeur)
    except InvalidInput as error:
        return str(error)
    return None


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The reference planning, typical mistakes (each with the rule it breaks), an unreadable one."""
    from agora.exercise.kinds._planning_exemples import erreurs_typiques

    correct = solve(params)
    semaine = lire_semaine(params)
    return [
        SampleAnswer("planning de référence", correct, True),
        *erreurs_typiques(semaine, correct["creneaux"]),
        SampleAnswer(
            "heure impossible et salarié inconnu",
            {
                "creneaux": [
                    {
                        "salarie": semaine.employes[0].id,
                        "jour": semaine.iso(0),
                        "debut": "25:00",
                        "fin": "12:00",
                    },
                    {"salarie": "Z99", "jour": semaine.iso(1), "debut": "09:00", "fin": "12:00"},
                ]
            },
            False,
            ("CRENEAU_ILLISIBLE",),
            invalid=True,
        ),
    ]
