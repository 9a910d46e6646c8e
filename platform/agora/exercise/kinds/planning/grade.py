"""Planning: grading a week's créneaux, every violation a diagnostic."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import ChampResult, Diagnostic, Grade, champ_result, score_ratio
from agora.exercise.fields import Lu, cite
from agora.exercise.kinds.planning.answer import ANSWER_SCHEMA, LISTE_ILLISIBLE, CreneauLu
from agora.exercise.kinds.planning.params import NAME, lire_semaine
from agora.exercise.kinds.planning.rules import Semaine, Violation, heure
from agora.exercise.kinds.planning.violations import Groupes, controler_groupes
from agora.exercise.reading import Lecture

# Every time a créneau read can have (HORAIRE reads 00:00 to 24:00) as the grade writes it.
_HEURES = tuple(heure(minutes) for minutes in range(24 * 60 + 1))
RIEN_A_SIGNALER = "Rien à signaler ce jour-là."


def _noms(n: int) -> tuple[str, ...]:
    return tuple(f"creneaux.{i}" for i in range(n))


# The name of each créneau of an answer the form can hold, written once.
_NOMS = _noms(ANSWER_SCHEMA.bornes["creneaux"])

# Short French names of the rules, for the verdict of one créneau.
REGLES = {
    "DUREE_QUOTIDIENNE": "trop d'heures dans la journée",
    "PAUSE": "pause manquante",
    "REPOS_QUOTIDIEN": "repos quotidien trop court",
    "INDISPONIBLE": "salarié indisponible",
    "HORS_OUVERTURE": "hors des heures d'ouverture",
    "COUVERTURE": "besoin en personnel non couvert",
}


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Every violation as a diagnostic; half the score per employee, half per besoin covered."""
    semaine = lire_semaine(params)
    lus, groupes, fautes, rates = _dans_la_semaine(semaine, lecture.arbre["creneaux"])
    violations = controler_groupes(semaine, groupes)
    champs = _verdicts(semaine, lus, violations)
    if fautes:  # the créneaux read are in order already: only fields at fault are merged in
        champs += [ChampResult(champ, None, _recu(lu), False, lu.erreur) for champ, lu in fautes]
        champs.sort(key=lambda r: _ordre(r.champ))
    illisibles = [_illisible(i, creneau) for i, creneau in rates]
    if isinstance(lecture.arbre["creneaux"], Lu):
        illisibles.append(Diagnostic("CRENEAU_ILLISIBLE", LISTE_ILLISIBLE,
                                     {"salarie": None, "jour": None}))  # fmt: skip
    diagnostics = [_diagnostic(semaine, v) for v in violations] + illisibles
    score = _score(semaine, violations, illisibles)
    return Grade(NAME, score, champs, diagnostics, [("3.2.1", score)])


# A créneau that counts, as its index in the answer, employee, day index, start and end: a
# plain tuple, as a ``Creneau`` takes longer to build (a grid has many).
Compte = tuple[int, str, int, int, int]


def _dans_la_semaine(
    semaine: Semaine, creneaux: list[CreneauLu | None] | Lu
) -> tuple[list[Compte], Groupes, list[tuple[str, Lu]], list[tuple[int, CreneauLu]]]:
    """The créneaux that count (with their index), the same grouped by employee and day as
    the rules take them (grouped here, in the one pass over the créneaux), every field at
    fault with its message, and the créneaux that do not count: unreadable, or naming an
    employee or a day not of the week."""
    if isinstance(creneaux, Lu):
        return [], {}, [("creneaux", creneaux)], []
    lus, fautes, rates = [], [], []
    jours, employes = semaine.jours, semaine.ids
    groupes: Groupes = {ident: {} for ident in employes}
    for i, creneau in enumerate(creneaux):
        if creneau is None:
            continue  # a period of the grid not worked
        if isinstance(creneau, Lu):
            fautes.append((f"creneaux.{i}", creneau))
            rates.append((i, creneau))
            continue
        salarie, debut = creneau["salarie"].valeur, creneau["debut"].valeur
        fin, j = creneau["fin"].valeur, jours.get(creneau["jour"].valeur)
        if j is not None and salarie in employes and debut is not None and fin is not None:
            # Every field read (a value read has no message), the week's employee and day.
            lus.append((i, salarie, j, debut, fin))
            plages = groupes[salarie].get(j)
            if plages is None:
                groupes[salarie][j] = [(debut, fin)]
            else:
                plages.append((debut, fin))
            continue
        champs = _dans_sa_semaine(semaine, creneau)
        faux = [(f"creneaux.{i}.{nom}", lu) for nom, lu in champs.items() if lu.erreur]
        if faux:
            fautes += faux
            rates.append((i, champs))
        else:
            v = {nom: lu.valeur for nom, lu in champs.items()}
            salarie, j, debut, fin = v["salarie"], jours[v["jour"]], v["debut"], v["fin"]
            lus.append((i, salarie, j, debut, fin))
            groupes[salarie].setdefault(j, []).append((debut, fin))
    return lus, groupes, fautes, rates


def _dans_sa_semaine(semaine: Semaine, creneau: dict[str, Lu]) -> dict[str, Lu]:
    """The créneau's fields, with the message of an employee or a day the week does not have."""
    salarie, jour = creneau["salarie"], creneau["jour"]
    if not salarie.erreur and semaine.employe(salarie.valeur) is None:
        message = f"Salarié inconnu : « {cite(salarie.valeur, 20)} »."
        creneau = {**creneau, "salarie": salarie._replace(valeur=None, erreur=message)}
    if not jour.erreur and not 0 <= (jour.valeur - semaine.lundi).days < 7:
        message = f"Le {jour.valeur.isoformat()} n'est pas dans la semaine du {semaine.lundi}."
        creneau = {**creneau, "jour": jour._replace(valeur=None, erreur=message)}
    return creneau


def _ordre(champ: str) -> tuple[int, str]:
    parts = champ.split(".")
    return (int(parts[1]) if len(parts) > 1 else -1, champ)


def _recu(lu: Lu) -> Any:
    """What was typed, as the grading JSON reports it (a list or an object shortened)."""
    brut = lu.brut
    return brut if isinstance(brut, (str, int, float, type(None))) else str(brut)[:80]


def _par_jour(violations: list[Violation]) -> dict[int, list[tuple[str | None, str]]]:
    """The (employee, code) of each violation a créneau's verdict names, by day, in order."""
    par_jour: dict[int, list[tuple[str | None, str]]] = {}
    for v in violations:
        if v.jour is not None and v.code in REGLES:
            par_jour.setdefault(v.jour, []).append((v.salarie, v.code))
    return par_jour


def _verdicts(
    semaine: Semaine, lus: list[Compte], violations: list[Violation]
) -> list[ChampResult]:
    """Each créneau that counts with the verdict of its day for its employee."""
    isos, heures, verdict = semaine.isos, _HEURES, champ_result
    noms = _NOMS if not lus or lus[-1][0] < len(_NOMS) else _noms(lus[-1][0] + 1)
    par_jour = _par_jour(violations)
    if not par_jour:  # no day at fault: every créneau is fine
        return [
            verdict((noms[i], None, f"{salarie} {isos[jour]} {heures[debut]}-{heures[fin]}",
                     True, RIEN_A_SIGNALER))
            for i, salarie, jour, debut, fin in lus
        ]  # fmt: skip
    champs = []
    messages: dict[tuple[str, int], str] = {}  # an employee's créneaux of a day share theirs
    for i, salarie, jour, debut, fin in lus:
        recu = f"{salarie} {isos[jour]} {heures[debut]}-{heures[fin]}"
        message = None
        if jour in par_jour:  # a day with violations: those of its employee, or of all
            message = messages.get((salarie, jour))
            if message is None:
                message = messages[salarie, jour] = _a_revoir(par_jour[jour], salarie)
        if message:
            champs.append(verdict((noms[i], None, recu, False, message)))
        else:
            champs.append(verdict((noms[i], None, recu, True, RIEN_A_SIGNALER)))
    return champs


def _a_revoir(violations_du_jour: list[tuple[str | None, str]], salarie: str) -> str:
    """What an employee's créneaux of a day break; empty when nothing does (others do)."""
    codes = [code for qui, code in violations_du_jour if qui in (salarie, None)]
    if not codes:
        return ""
    return f"À revoir ce jour-là : {' ; '.join(dict.fromkeys(REGLES[code] for code in codes))}."


def _diagnostic(semaine: Semaine, v: Violation) -> Diagnostic:
    jour = None if v.jour is None else semaine.iso(v.jour)
    return Diagnostic(v.code, v.message, {"salarie": v.salarie, "jour": jour})


def _illisible(i: int, creneau: CreneauLu) -> Diagnostic:
    """The créneau that does not count, with its employee and day when they are the week's."""
    champs = creneau if isinstance(creneau, dict) else {}
    salarie, jour = champs.get("salarie"), champs.get("jour")
    return Diagnostic(
        "CRENEAU_ILLISIBLE",
        f"Le créneau n° {i + 1} est illisible : il n'est pas compté dans le planning.",
        {
            "salarie": salarie.valeur if salarie else None,
            "jour": jour.valeur.isoformat() if jour and jour.valeur else None,
        },
    )


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
