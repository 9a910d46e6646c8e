"""Bank reconciliation, reading an answer: line ids, id lists, pairs, accounts and entry rows.

Every reader is lenient (« c3 » is C3, a list may be « B5, B6 ») and never raises: it returns
what it could read and a French message per unreadable part, keyed by the dotted field path.
Empty rows (a form row left on « — choisir — ») are ignored.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Any

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.base import FormatErrors
from agora.exercise.fields import COMPTE, LIGNE, MONTANT
from agora.exercise.grading import read_amount
from agora.exercise.kinds.rapprochement import params

_ID = re.compile(r"^[A-Z]{1,3}\d{1,4}$", re.ASCII)
_CONTRAT = re.compile(r"^-?\d{1,13}\.\d{2}$", re.ASCII)
_COMPTE = re.compile(r"^\d{3,8}[A-Z0-9]{0,12}$", re.ASCII)
MAX_LIGNES = 100  # more rows than any statement has: the rest is ignored
COTES = ("cote_entreprise", "cote_banque")
LISTES = ("ajouts", "deductions")

Problemes = dict[str, str]


def _vide(raw: Any) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    return isinstance(raw, dict | list) and not raw


def lire_montant(raw: Any) -> tuple[Decimal | None, str | None]:
    """read_amount, with a fast path for the contract's own writing (« 1234.50 »)."""
    if isinstance(raw, str) and _CONTRAT.match(raw):
        return Decimal(raw), None
    return read_amount(raw)


def lire_id(raw: Any) -> tuple[str | None, str | None]:
    """(« C3 », None), (None, None) when empty, or (None, message)."""
    if isinstance(raw, str):
        return _lire_id_texte(raw[:40])
    if _vide(raw):
        return None, None
    return None, "Choisissez un numéro de ligne, par exemple C3 ou B5."


@lru_cache(maxsize=1024)
def _lire_id_texte(raw: str) -> tuple[str | None, str | None]:
    ident = raw.strip().upper().replace(" ", "")
    if not ident:
        return None, None
    if not _ID.match(ident):
        return None, f"« {raw.strip()[:20]} » n'est pas un numéro de ligne (par exemple C3 ou B5)."
    return ident, None


def lire_compte(raw: Any) -> tuple[str | None, str | None]:
    """An account number (« 627 », « 411DUPONT »), or a French message."""
    if _vide(raw):
        return None, "Champ non rempli."
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    if not isinstance(raw, str):
        return None, "Écrivez un numéro de compte, par exemple 627."
    return _lire_compte_texte(raw[:40])


@lru_cache(maxsize=1024)
def _lire_compte_texte(raw: str) -> tuple[str | None, str | None]:
    compte = raw.replace(" ", "").replace("\u00a0", "").upper()
    if not _COMPTE.match(compte):
        return None, f"« {raw.strip()[:20]} » n'est pas un numéro de compte (par exemple 627, 411)."
    return compte, None


def lire_ids(raw: Any, champ: str) -> tuple[list[str], Problemes]:
    """A list of line ids; a string « B5, B6 » is read as a list too."""
    if _vide(raw):
        return [], {}
    if isinstance(raw, str):
        raw = [part for part in re.split(r"[,;\s]+", raw) if part]
    if not isinstance(raw, list):
        return [], {champ: "Une liste de numéros de lignes est attendue (par exemple B5, B6)."}
    ids: list[str] = []
    problemes: Problemes = {}
    for i, item in enumerate(raw[:MAX_LIGNES]):
        ident, probleme = lire_id(item)
        if probleme:
            problemes[f"{champ}.{i}"] = probleme
        elif ident:
            ids.append(ident)
    return ids, problemes


def lire_cote(raw: Any, champ: str) -> tuple[dict[str, list[str]], Problemes]:
    """One side of the reconciliation: {"ajouts": [...], "deductions": [...]}."""
    if _vide(raw):
        return {"ajouts": [], "deductions": []}, {}
    if not isinstance(raw, dict):
        return {"ajouts": [], "deductions": []}, {
            champ: "Attendu : des ajouts et des déductions (listes de numéros de lignes)."
        }
    cote: dict[str, list[str]] = {}
    problemes: Problemes = {}
    for liste in LISTES:
        cote[liste], trouves = lire_ids(raw.get(liste), f"{champ}.{liste}")
        problemes |= trouves
    return cote, problemes


def lire_pointage(raw: Any) -> tuple[list[tuple[str, str]], Problemes]:
    """Pairs [ledger id, statement id]; a row with one side empty is a line left unpointed."""
    if _vide(raw):
        return [], {}
    if not isinstance(raw, list):
        return [], {"pointage": "Une liste de paires [ligne du compte 512, ligne du relevé]."}
    paires: list[tuple[str, str]] = []
    problemes: Problemes = {}
    for i, row in enumerate(raw[:MAX_LIGNES]):
        if _vide(row):
            continue
        if isinstance(row, dict):
            row = [row.get("0", row.get("compte_512")), row.get("1", row.get("releve"))]
        if not isinstance(row, list | tuple) or len(row) != 2:
            problemes[f"pointage.{i}"] = "Une paire [ligne du compte 512, ligne du relevé]."
            continue
        (gauche, p1), (droite, p2) = lire_id(row[0]), lire_id(row[1])
        if p1 or p2:
            problemes[f"pointage.{i}"] = p1 or p2 or ""
        elif gauche and droite:
            paires.append((gauche, droite))
    return paires, problemes


def lire_ecritures(raw: Any) -> tuple[list[dict[str, Any]], Problemes]:
    """Entry rows {k, ligne, compte_debit, compte_credit, montant}; blank rows are skipped."""
    if _vide(raw):
        return [], {}
    if isinstance(raw, dict):
        raw = list(raw.values())
    if not isinstance(raw, list):
        return [], {"ecritures": "Une liste d'écritures (ligne, comptes, montant) est attendue."}
    lignes: list[dict[str, Any]] = []
    problemes: Problemes = {}
    for k, row in enumerate(raw[:MAX_LIGNES]):
        if not isinstance(row, dict):
            if not _vide(row):
                problemes[f"ecritures.{k}"] = (
                    "Une écriture : ligne, comptes débité et crédité, montant."
                )
            continue
        if all(_vide(row.get(c)) for c in ("ligne", "compte_debit", "compte_credit", "montant")):
            continue
        lue, trouves = _ecriture(k, row)
        lignes.append(lue)
        problemes |= trouves
    return lignes, problemes


def _ecriture(k: int, row: dict[str, Any]) -> tuple[dict[str, Any], Problemes]:
    problemes: Problemes = {}
    ligne, probleme = lire_id(row.get("ligne"))
    if probleme:
        problemes[f"ecritures.{k}.ligne"] = probleme
    lue: dict[str, Any] = {"k": k, "ligne": ligne}
    for champ in ("compte_debit", "compte_credit"):
        lue[champ], probleme = lire_compte(row.get(champ))
        if probleme:
            problemes[f"ecritures.{k}.{champ}"] = probleme
    montant, probleme = lire_montant(row.get("montant"))
    if probleme:
        problemes[f"ecritures.{k}.montant"] = probleme
    lue["montant"] = montant
    return lue, problemes


def validate_field(champ: str, valeur: str) -> str | None:
    """The inline format message of one form field while the student types (None: readable)."""
    if _vide(valeur):
        return None
    dernier = champ.rsplit(".", 1)[-1]
    if dernier.startswith("solde_") or dernier == "montant":
        return lire_montant(valeur)[1]
    if dernier.startswith("compte_"):
        return lire_compte(valeur)[1]
    return lire_id(valeur)[1]


# The names of an answer: a pointage pair per ledger line (suspens and 512, each at most
# params.MAX_LIGNES), the balances, the four lists of each side, the adjusting entries.
ANSWER_SCHEMA = AnswerSchema(
    {
        "pointage.#.#": LIGNE,
        "solde_compte_512": MONTANT,
        "solde_releve": MONTANT,
        **{f"{cote}.{liste}.#": LIGNE for cote in COTES for liste in LISTES},
        "solde_rectifie": MONTANT,
        "ecritures.#.ligne": LIGNE,
        "ecritures.#.compte_debit": COMPTE,
        "ecritures.#.compte_credit": COMPTE,
        "ecritures.#.montant": MONTANT,
    },
    {
        "pointage": 2 * params.MAX_LIGNES,
        "pointage.#": 2,
        **{
            f"{cote}.{liste}": MAX_LIGNES
            for cote in ("cote_entreprise", "cote_banque")
            for liste in ("ajouts", "deductions")
        },
        "ecritures": MAX_LIGNES,
    },
)


def parse(answer: dict[str, Any]) -> dict[str, Any]:
    """The answer with typed values (ids upper-cased, amounts as Decimal); FormatErrors if unreadable."""
    if not isinstance(answer, dict):
        raise FormatErrors({"réponse": "Un objet JSON {…} est attendu."})
    typed: dict[str, Any] = {}
    problemes: dict[str, str] = {}
    if "pointage" in answer:
        typed["pointage"], trouves = lire_pointage(answer["pointage"])
        problemes |= trouves
    for nom in ("solde_compte_512", "solde_releve", "solde_rectifie"):
        if nom in answer:
            typed[nom], probleme = lire_montant(answer[nom])
            if probleme:
                problemes[nom] = probleme
    for nom in COTES:
        if nom in answer:
            typed[nom], trouves = lire_cote(answer[nom], nom)
            problemes |= trouves
    if "ecritures" in answer:
        lignes, trouves = lire_ecritures(answer["ecritures"])
        typed["ecritures"] = [{k: v for k, v in e.items() if k != "k"} for e in lignes]
        problemes |= trouves
    if problemes:
        raise FormatErrors(problemes)
    return typed
