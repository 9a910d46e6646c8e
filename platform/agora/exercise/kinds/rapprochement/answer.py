"""Bank reconciliation, reading an answer: its shape (pairs, lists, entry rows) around typed values.

Every value is read by its field type (``LIGNE``, ``COMPTE``, ``MONTANT`` in ``ANSWER_SCHEMA``);
this module knows only what the schema's generic reader does not: a pointage pair may be a list
or an object, a list of lines may be written « B5, B6 », a blank entry row or an empty choice
is no row, and each part the grader judges whole is one ``Lu``: ``brut`` what was sent,
``valeur`` what could be read in it (a tuple of pairs, of line ids, of entry rows; None when
empty or unreadable), ``erreur`` its first unreadable piece. The Lecture's ``erreurs`` names
each unreadable piece by its dotted path, as the form names its fields.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Any

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import COMPTE, LIGNE, MONTANT, Field, Lu, is_empty
from agora.exercise.kinds.rapprochement import params
from agora.exercise.reading import Lecture

MAX_LIGNES = 100  # more rows than any statement has: the rest is ignored
SOLDES = ("solde_compte_512", "solde_releve", "solde_rectifie")
COTES = ("cote_entreprise", "cote_banque")
LISTES = ("ajouts", "deductions")
ECRITURE = {"ligne": LIGNE, "compte_debit": COMPTE, "compte_credit": COMPTE, "montant": MONTANT}
# What separates the ids of a list written as one text (« B5, B6 », « B5 ; B6 », « B5 B6 »).
_SEPARATEUR = re.compile(r"[,;\s]+")

# The texts the line type has read, with their Lu (the kit's memo, cleared in place, never
# replaced): the lists of the two sides name some twenty line ids, each looked up without a call.
_IDS_LUS = LIGNE.memo

# Each field of an entry row with its type and the type's memo (cleared in place, never replaced).
_LECTEURS_ECRITURE = tuple(
    (nom, type_champ, type_champ.memo) for nom, type_champ in ECRITURE.items()
)

PAS_UN_OBJET = "Un objet JSON {…} est attendu."
_PAIRES = "Une liste de paires [ligne du compte 512, ligne du relevé]."
_PAIRE = "Une paire [ligne du compte 512, ligne du relevé]."
_COTE = "Attendu : des ajouts et des déductions (listes de numéros de lignes)."
_IDS = "Une liste de numéros de lignes est attendue (par exemple B5, B6)."
_ECRITURES = "Une liste d'écritures (ligne, comptes, montant) est attendue."
_UNE_ECRITURE = "Une écriture : ligne, comptes débité et crédité, montant."

# The names of an answer: a pointage pair per ledger line (suspens and 512, each at most
# params.MAX_LIGNES), the balances, the four lists of each side, the adjusting entries.
ANSWER_SCHEMA = AnswerSchema(
    {
        "pointage.#.#": LIGNE,
        **dict.fromkeys(SOLDES, MONTANT),
        **{f"{cote}.{liste}.#": LIGNE for cote in COTES for liste in LISTES},
        **{f"ecritures.#.{nom}": type_champ for nom, type_champ in ECRITURE.items()},
    },
    {
        "pointage": 2 * params.MAX_LIGNES,
        "pointage.#": 2,
        **{f"{cote}.{liste}": MAX_LIGNES for cote in COTES for liste in LISTES},
        "ecritures": MAX_LIGNES,
    },
    donnes=("pointage.#.0",),  # the ledger line of each pair: written by the form (hidden)
)


def read(answer: Any) -> Lecture:
    """The answer read part by part, never raising: the parts it has, and what is unreadable."""
    if not isinstance(answer, dict):
        return Lecture({"réponse": Lu(answer, None, PAS_UN_OBJET)}, {"réponse": PAS_UN_OBJET})
    arbre: dict[str, Any] = {}
    erreurs: dict[str, str] = {}
    if "pointage" in answer:
        arbre["pointage"] = _pointage(answer["pointage"], erreurs)
    for nom in SOLDES:
        if nom in answer:
            arbre[nom] = _valeur(MONTANT, answer[nom], erreurs, nom)
    for nom in COTES:
        if nom in answer:
            arbre[nom] = _cote(answer[nom], nom, erreurs)
    if "ecritures" in answer:
        arbre["ecritures"] = _ecritures(answer["ecritures"], erreurs)
    return Lecture(arbre, erreurs)


def _valeur(type_champ: Field, raw: Any, erreurs: dict[str, str], *chemin: str | int) -> Lu:
    """One value read by its type; its message, if unreadable, kept under its dotted path
    (spelled out only then: an answer has dozens of readable values)."""
    lu = type_champ.read(raw)
    if lu.erreur:
        erreurs[".".join(map(str, chemin))] = lu.erreur
    return lu


def _refus(raw: Any, chemin: str, message: str, erreurs: dict[str, str]) -> Lu:
    """A part whose shape is not the one expected: nothing read in it."""
    erreurs[chemin] = message
    return Lu(raw, None, message)


def _partie(raw: Any, valeur: Any, erreurs: dict[str, str], avant: int) -> Lu:
    """A part read piece by piece: its first unreadable piece is the errors added since ``avant``."""
    premiere = next(islice(erreurs.values(), avant, None), None) if len(erreurs) > avant else None
    return Lu(raw, valeur, premiere)


def _pointage(raw: Any, erreurs: dict[str, str]) -> Lu:
    """Pairs (ledger id, statement id); a row with one side empty is a line left unpointed."""
    if is_empty(raw):
        return Lu(raw, None, None)
    if not isinstance(raw, list):
        return _refus(raw, "pointage", _PAIRES, erreurs)
    avant, paires = len(erreurs), []
    for i, row in enumerate(raw[:MAX_LIGNES]):
        if is_empty(row):
            continue
        if isinstance(row, dict):
            row = [row.get("0", row.get("compte_512")), row.get("1", row.get("releve"))]
        if not isinstance(row, (list, tuple)) or len(row) != 2:
            erreurs[f"pointage.{i}"] = _PAIRE
            continue
        gauche, droite = LIGNE.read(row[0]), LIGNE.read(row[1])
        if gauche.erreur or droite.erreur:
            erreurs[f"pointage.{i}"] = gauche.erreur or droite.erreur or ""
        elif gauche.valeur and droite.valeur:
            paires.append((gauche.valeur, droite.valeur))
    return _partie(raw, tuple(paires), erreurs, avant)


def _cote(raw: Any, nom: str, erreurs: dict[str, str]) -> dict[str, Lu]:
    """One side of the reconciliation: its two lists of line ids."""
    if is_empty(raw):
        return {liste: Lu(None, None, None) for liste in LISTES}
    if not isinstance(raw, dict):
        refus = _refus(None, nom, _COTE, erreurs)
        return dict.fromkeys(LISTES, refus)
    return {liste: _ids(raw.get(liste), f"{nom}.{liste}", erreurs) for liste in LISTES}


def _ids(raw: Any, chemin: str, erreurs: dict[str, str]) -> Lu:
    """A list of line ids; a text « B5, B6 » is a list too. Empty choices are skipped."""
    if is_empty(raw):
        return Lu(raw, None, None)
    items = [part for part in _SEPARATEUR.split(raw) if part] if isinstance(raw, str) else raw
    if not isinstance(items, list):
        return _refus(raw, chemin, _IDS, erreurs)
    avant, ids = len(erreurs), []
    for i, item in enumerate(items[:MAX_LIGNES]):
        lu = (type(item) is str and _IDS_LUS.get(item)) or LIGNE.read(item)  # a Lu is never false
        if lu.erreur:
            erreurs[f"{chemin}.{i}"] = lu.erreur
        elif lu.valeur:
            ids.append(lu.valeur)
    return _partie(raw, tuple(ids), erreurs, avant)


def _ecritures(raw: Any, erreurs: dict[str, str]) -> Lu:
    """The entry rows, in order: a Lu per row (None for a blank row), each with its four fields."""
    if is_empty(raw):
        return Lu(raw, None, None)
    rows = list(raw.values()) if isinstance(raw, dict) else raw
    if not isinstance(rows, list):
        return _refus(raw, "ecritures", _ECRITURES, erreurs)
    avant = len(erreurs)
    lues = tuple(_ecriture(k, row, erreurs) for k, row in enumerate(rows[:MAX_LIGNES]))
    return _partie(raw, lues, erreurs, avant)


def _ecriture(k: int, row: Any, erreurs: dict[str, str]) -> Lu | None:
    if not isinstance(row, dict):
        if not is_empty(row):
            erreurs[f"ecritures.{k}"] = _UNE_ECRITURE
        return None
    if all(is_empty(row.get(nom)) for nom in ECRITURE):
        return None  # a form row left blank
    avant = len(erreurs)
    champs = {
        # A text its type has read before is taken from the type's memo without a call.
        nom: (type(raw) is str and memo.get(raw)) or type_champ.read(raw)  # a Lu is never false
        for nom, type_champ, memo in _LECTEURS_ECRITURE
        for raw in (row.get(nom),)
    }
    for nom, lu in champs.items():
        if lu.erreur:
            erreurs[f"ecritures.{k}.{nom}"] = lu.erreur
    return _partie(row, champs, erreurs, avant)
