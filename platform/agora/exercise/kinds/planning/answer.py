"""Planning: the answer's fields and their types, and the créneaux read once from it (``read``).

The generic reader of the schema does not know a créneau's shape: a period of the grid left
empty (no start, no end) is no créneau at all, the other fields of a créneau are then due, and
its end comes after its start. ``read`` says so without the params; the grader then checks the
employee and the day against the week.
"""

from __future__ import annotations

from typing import Any

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import _MAX_TEXT, EMPTY, HORAIRE, JOUR, Field, Lu, Text
from agora.exercise.kinds.planning.rules import heure
from agora.exercise.kinds.planning.valeurs import MAX_SALARIES
from agora.exercise.reading import Lecture

# The names of an answer: créneaux of every employee, every day of the week, a few a day (the
# form gives two periods a day, more when a stored answer has more).
PERIODES_PAR_JOUR = 4
# A créneau's fields and their types. The employee is an id of the params (any length there):
# the schema bounds it only as the save bounds every value.
SALARIE = Text()
CHAMPS = {"salarie": SALARIE, "jour": JOUR, "debut": HORAIRE, "fin": HORAIRE}
ANSWER_SCHEMA = AnswerSchema(
    {f"creneaux.#.{nom}": champ for nom, champ in CHAMPS.items()},
    {"creneaux": MAX_SALARIES * 7 * PERIODES_PAR_JOUR},
    donnes=("creneaux.#.salarie", "creneaux.#.jour"),  # written by the form (hidden)
)

LISTE_ILLISIBLE = "La liste des créneaux est illisible."
CRENEAU_ILLISIBLE = "Ce créneau est illisible."
# What a créneau lacks, when it has a start or an end.
MANQUE = {
    "salarie": "Le salarié du créneau manque.",
    "jour": "Le jour du créneau manque.",
    "debut": EMPTY,
    "fin": EMPTY,
}

# One créneau as read: its fields, or the créneau itself when it is not an object.
CreneauLu = dict[str, Lu] | Lu


def read(answer: Any) -> Lecture:
    """The answer read: ``creneaux`` is a list with, per créneau, its fields as ``Lu`` (each
    with its message when it cannot be read), a ``Lu`` for a créneau that is not an object, or
    None for an empty period; or one ``Lu`` when the list itself is unreadable. Never raises.

    An answer that is a list is taken as the list of créneaux."""
    brut = answer.get("creneaux") if isinstance(answer, dict) else answer
    if brut is None:
        return Lecture({"creneaux": []}, {})
    if not isinstance(brut, list):
        return Lecture({"creneaux": Lu(brut, None, LISTE_ILLISIBLE)}, {"creneaux": LISTE_ILLISIBLE})
    erreurs: dict[str, str] = {}
    creneaux: list[CreneauLu | None] = []
    for i, item in enumerate(brut):
        try:  # most créneaux: every text typed before (``_lire``), in an object
            salarie, jour = _SALARIES[item["salarie"]], _JOURS[item["jour"]]
            debut, fin = _HORAIRES[item["debut"]], _HORAIRES[item["fin"]]
        except (KeyError, TypeError):
            creneaux.append(_creneau(i, item, erreurs))
            continue
        # _complet, written out: a call per créneau costs a fifth of reading it.
        d, f, s, j = debut.valeur, fin.valeur, salarie.valeur, jour.valeur
        if d is not None and f is not None and f > d and s is not None and j is not None:
            creneaux.append({"salarie": salarie, "jour": jour, "debut": debut, "fin": fin})
        else:
            creneaux.append(_creneau(i, item, erreurs))
    return Lecture({"creneaux": creneaux}, erreurs)


def _creneau(i: int, item: Any, erreurs: dict[str, str]) -> CreneauLu | None:
    if not isinstance(item, dict):
        erreurs[f"creneaux.{i}"] = CRENEAU_ILLISIBLE
        return Lu(item, None, CRENEAU_ILLISIBLE)
    get = item.get
    brut_s, brut_j, brut_d, brut_f = get("salarie"), get("jour"), get("debut"), get("fin")
    try:  # only texts are kept, so any other hashable value is simply not found
        salarie = _SALARIES.get(brut_s) or _lire(_SALARIES, SALARIE, brut_s)
        jour = _JOURS.get(brut_j) or _lire(_JOURS, JOUR, brut_j)
        debut = _HORAIRES.get(brut_d) or _lire(_HORAIRES, HORAIRE, brut_d)
        fin = _HORAIRES.get(brut_f) or _lire(_HORAIRES, HORAIRE, brut_f)
    except TypeError:  # a list or an object typed where a value goes: no key, read as it is
        salarie, jour = SALARIE.read(brut_s), JOUR.read(brut_j)
        debut, fin = HORAIRE.read(brut_d), HORAIRE.read(brut_f)
    lus = {"salarie": salarie, "jour": jour, "debut": debut, "fin": fin}
    if _complet(salarie, jour, debut, fin):
        return lus  # the common case: every field read, nothing to add
    return _incomplet(f"creneaux.{i}", lus, erreurs)


def _complet(salarie: Lu, jour: Lu, debut: Lu, fin: Lu) -> bool:
    """Every field read, and the end after the start."""
    return (
        debut.valeur is not None
        and fin.valeur is not None
        and fin.valeur > debut.valeur
        and salarie.valeur is not None
        and jour.valeur is not None
    )


def _incomplet(nom: str, lus: dict[str, Lu], erreurs: dict[str, str]) -> CreneauLu | None:
    """A créneau with a field unread: None for an empty period, else its fields with what
    each lacks (its messages also in ``erreurs``)."""
    lu_debut, lu_fin = lus["debut"], lus["fin"]
    debut, fin = lu_debut.valeur, lu_fin.valeur
    if debut is None and fin is None and lu_debut.erreur is None and lu_fin.erreur is None:
        return None  # a period of the grid not worked
    if debut is not None and fin is not None and fin <= debut:
        message = f"La fin ({heure(fin)}) doit être après le début ({heure(debut)})."
        lus["fin"] = lu_fin._replace(valeur=None, erreur=message)
    for champ, lu in lus.items():
        if _vide(lu):
            lus[champ] = lu._replace(erreur=MANQUE[champ])
        if lus[champ].erreur:
            erreurs[f"{nom}.{champ}"] = lus[champ].erreur
    return lus


# Each text of a créneau's field as read, by field (a Lu is immutable, so it can be shared): a
# class types the same ids, days and times over and over, and a grid has many créneaux. A
# dictionary look-up costs half the call of the fields' shared reader cache (``Field.read``).
_SALARIES: dict[str, Lu] = {}
_JOURS: dict[str, Lu] = {}
_HORAIRES: dict[str, Lu] = {}
_TAILLE = 4096  # texts kept per field; the memo starts afresh beyond (simple between threads)


def _lire(memo: dict[str, Lu], champ: Field, brut: Any) -> Lu:
    """``brut`` read by ``champ``, kept in ``memo`` when it is a text the save could hold."""
    lu = champ.read(brut)
    if type(brut) is str and len(brut) <= _MAX_TEXT:
        if len(memo) >= _TAILLE:
            memo.clear()
        memo[brut] = lu
    return lu


def _vide(lu: Lu) -> bool:
    return lu.valeur is None and lu.erreur is None
