"""The planning form laid out as its grid (templates/exercise/planning/form.html): one row per
employee, one cell per open day, ``K`` periods a cell, each typed créneau in its place, and
each cell's text, format errors and verdict.

Laid out here rather than in the template: the placing of créneaux is logic, and done in Jinja
it cost 12 ms a form (a page shows one form per try on the teacher's side).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from agora.exercise.forms import AnswerForm
from agora.exercise.kinds.planning.grade import REGLES

COUVERTURE = REGLES["COUVERTURE"]
JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
PERIODES = ("matin", "après-midi")
CHAMPS = ("salarie", "jour", "debut", "fin")


class Verdict(NamedTuple):
    correct: bool
    message: str


class Jour(NamedTuple):
    iso: str
    libelle: str  # « lundi 03/02 »
    ouverture: str  # « 09:00 », as the params give it
    fermeture: str
    horaires: str  # « 9h-19h »


class Periode(NamedTuple):
    prefixe: str  # « creneaux.12. »: its fields' names start so
    libelle: str  # « matin », « après-midi », « période 3 »
    debut: Any  # agora.exercise.forms.FieldState
    fin: Any


@dataclass
class Cellule:
    jour: Jour
    cle: str  # the id of its text field: from the employee and the date, unique on a page
    nom: str  # « Léa Martin, lundi 03/02 »
    texte: str  # « 9h-12h30, 13h30-17h »
    erreurs: list[str]
    verdict: Verdict | None
    periodes: list[Periode]


@dataclass
class Ligne:
    salarie: Any  # the params' employee
    cellules: list[Cellule]


@dataclass
class Grille:
    K: int  # periods a cell
    jours: list[Jour]
    lignes: list[Ligne]
    non_couverts: set[str]  # days whose staffing need is not covered (said under the day)


def heure(t: str) -> str:
    """« 09:00 » as « 9h », « 12:30 » as « 12h30 »."""
    try:
        heures = int(t[:2])
    except ValueError:
        heures = 0
    return f"{heures}h{t[3:5] if t[3:5] != '00' else ''}"


def court(t: str) -> str:
    """A stored time (« 09:00 ») as the cell shows it (« 9h »); anything else as it was typed."""
    if len(t) == 5 and t[2] == ":" and t[:2].isdigit() and t[3:].isdigit():
        return heure(t)
    return t


def _jour(iso: str, ouverture: str, fermeture: str) -> Jour:
    libelle = f"{JOURS[date.fromisoformat(iso).weekday()]} {iso[8:10]}/{iso[5:7]}"
    return Jour(iso, libelle, ouverture, fermeture, f"{heure(ouverture)}-{heure(fermeture)}")


def grille(params: dict[str, Any], form: AnswerForm) -> Grille:
    """The grid of ``form`` for the week of ``params`` (the variant's params JSON)."""
    typees = _creneaux_types(form)
    K = max([2, *map(len, typees.values())])
    jours = [_jour(iso, *params["ouverture"][iso][:2]) for iso in sorted(params["ouverture"])]
    places, origines = _placer(params["salaries"], jours, typees, K)
    grid = AnswerForm.from_answer(
        {"creneaux": places}, errors=form.errors, disabled=form.disabled, id_prefix=form.id_prefix
    )
    grid.results.update(form.results)
    non_couverts: set[str] = set()
    lignes = []
    for i, salarie in enumerate(params["salaries"]):
        cellules = []
        for j, jour in enumerate(jours):
            premier = (i * len(jours) + j) * K
            cellule = _cellule(salarie, jour, form, grid, origines, premier, K, non_couverts)
            cellules.append(cellule)
        lignes.append(Ligne(salarie, cellules))
    return Grille(K, jours, lignes, non_couverts)


def _creneaux_types(form: AnswerForm) -> dict[str, list[dict[str, Any]]]:
    """The créneaux already typed (with a start or an end), by « employee|day », in their
    order in the form."""
    typees: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for nom, valeur in form.values.items():
        parts = nom.split(".")
        if len(parts) == 3 and parts[0] == "creneaux" and parts[2] == "salarie":
            if not parts[1].isdigit():
                continue
            base = f"creneaux.{parts[1]}"
            debut, fin = form.value(base + ".debut"), form.value(base + ".fin")
            if debut or fin:
                cle = f"{valeur}|{form.value(base + '.jour')}"
                typees[cle].append({"n": int(parts[1]), "debut": debut, "fin": fin})
    return typees


def _placer(salaries, jours, typees, K) -> tuple[list[dict[str, str]], list[int | None]]:
    """Every period of the grid, cell by cell: a créneau keeps its own place when it came from
    this grid, otherwise it takes the next free period of its day; and where each came from
    (its index in the form, None for an empty period: it has no verdict)."""
    places: list[dict[str, str]] = []
    origines: list[int | None] = []
    for salarie in salaries:
        for jour in jours:
            cellule = len(places) // K
            rangees: list[dict[str, Any] | None] = [None] * K
            reste = []
            for item in typees.get(f"{salarie['id']}|{jour.iso}", []):
                k = item["n"] - cellule * K
                if 0 <= k < K and rangees[k] is None:
                    rangees[k] = item
                else:
                    reste.append(item)
            for item in reste:
                rangees[rangees.index(None)] = item
            for item in rangees:
                places.append(
                    {
                        "salarie": salarie["id"],
                        "jour": jour.iso,
                        "debut": item["debut"] if item else "",
                        "fin": item["fin"] if item else "",
                    }
                )
                origines.append(item["n"] if item else None)
    return places, origines


def _cellule(salarie, jour, form, grid, origines, premier, K, non_couverts) -> Cellule:
    texte, erreurs, verdict, periodes = [], [], None, []
    for k in range(K):
        p = f"creneaux.{premier + k}."
        debut, fin = grid.field(p + "debut"), grid.field(p + "fin")
        if debut.value or fin.value:
            texte.append(court(debut.value) + ("-" + court(fin.value) if fin.value else ""))
        o = f"creneaux.{origines[premier + k]}" if origines[premier + k] is not None else ""
        erreurs += _fautes(form, grid, o, p)
        r = _verdict(form.result(o) if o else None, jour, non_couverts)
        if r and (verdict is None or (verdict.correct and not r.correct)):
            verdict = r
        libelle = PERIODES[k] if k < len(PERIODES) else f"période {k + 1}"
        periodes.append(Periode(p, libelle, debut, fin))
    cle = f"{form.id_prefix}case-{str(salarie['id']).lower().replace(' ', '-')}-{jour.iso}"
    nom = f"{salarie['nom']}, {jour.libelle}"
    return Cellule(jour, cle, nom, ", ".join(texte), _uniques(erreurs), verdict, periodes)


def _fautes(form: AnswerForm, grid: AnswerForm, o: str, p: str) -> list[str]:
    """The format messages of one period's fields, from the check or the grading."""
    fautes = []
    for champ in CHAMPS:
        faute = (form.error(f"{o}.{champ}") if o else None) or grid.error(p + champ)
        r = form.result(f"{o}.{champ}") if o else None
        if not faute and r and not r.correct:
            faute = r.message
        if faute:
            fautes.append(faute)
    return fautes


def _verdict(r, jour: Jour, non_couverts: set[str]) -> Verdict | None:
    """A créneau's verdict in its cell: staff missing is the day's fault, not this employee's,
    so it is said under the day and left out of the cell's message."""
    if not r:
        return None
    if not r.correct and COUVERTURE in r.message:
        non_couverts.add(jour.iso)
        reste = r.message.replace(" ; " + COUVERTURE, "").replace(COUVERTURE + " ; ", "")
        if COUVERTURE in reste:
            return Verdict(True, "Rien à signaler pour ce salarié ce jour-là.")
        return Verdict(False, reste)
    return Verdict(r.correct, r.message)


def _uniques(messages: list[str]) -> list[str]:
    """Each message once (the first of those equal but for case, as Jinja's ``unique``)."""
    vus: set[str] = set()
    return [m for m in messages if not (m.lower() in vus or vus.add(m.lower()))]
