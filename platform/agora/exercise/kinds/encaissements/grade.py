"""Grading of an ``encaissements`` answer: each entry's rows matched on their accounts, the
letters compared as groups, the ageing balance with errors carried forward from the student's
own entries, and the named method errors."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any

from agora.exercise.base import ChampResult, Diagnostic, Grade, champ_result, score_ratio
from agora.exercise.fields import EMPTY, Choice, Lu
from agora.exercise.grading import illisibles, justes
from agora.exercise.journal import REPORTE, juge_cote
from agora.exercise.kinds.encaissements import ecritures
from agora.exercise.kinds.encaissements import messages as m
from agora.exercise.kinds.encaissements import solve as calc
from agora.exercise.kinds.encaissements.answer import LETTRE, TRANCHE
from agora.exercise.kinds.encaissements.ecritures import liste, rangee
from agora.exercise.kinds.encaissements.params import NAME, Encaissements, Facture, lire_params
from agora.exercise.reading import Lecture
from agora.money import ZERO, fmt

COMPETENCE = "1.2.3"  # every field records, letters or follows the customer's receipts


class Reference:
    """What grading needs from the params alone."""

    def __init__(self, e: Encaissements):
        self.e = e
        self.ecritures = calc.ecritures(e)
        self.mvts = calc.mouvements(e)
        self.lettres = calc.lettres(self.mvts)
        self.balance = calc.balance(e, self.mvts)


def reference(params: Any) -> Reference:
    """The Reference of these params, built at every grade: params come fresh from the
    database, so a memo of the params object would only cost a copy of them."""
    return Reference(lire_params(params))


class _Codes(dict):
    """The method errors noted, each once, in the order first seen (a dict as an ordered set)."""

    # A C method, not a Python one: juge notes every row written the wrong way round.
    note = dict.setdefault


def _lu(rangee: dict[str, Any], nom: str) -> Lu | None:
    lu = rangee.get(nom)
    return lu if isinstance(lu, Lu) else None


def _lus(rows: list, nom: str, n: int) -> list[Lu | None]:
    """The cell ``nom`` of each of the first ``n`` rows as read (None: absent, or no row):
    one call for them all, not two a row (``rangee`` then ``_lu``)."""
    lus: list[Lu | None] = []
    for i in range(n):
        row = rows[i] if i < len(rows) else None
        lu = row.get(nom) if isinstance(row, dict) else None
        lus.append(lu if isinstance(lu, Lu) else None)
    return lus


@lru_cache(maxsize=64)  # a shape: the same few rows' names at every grade
def _nom_lettre(i: int) -> str:
    return f"lettrage.{i}.lettre"


def _lettrage(ref: Reference, lecture: Lecture, codes: _Codes) -> list[ChampResult]:
    """Each letter is right when it groups exactly the movements of the expected group."""
    rows = liste(lecture.arbre, "lettrage")
    lus = _lus(rows, "lettre", len(ref.mvts))
    ecrites = [lu.valeur if lu is not None else None for lu in lus]
    if ecrites == ref.lettres:
        # The expected letters themselves: each groups its expected group, which balances.
        # (A letter typed is a text, reported as it is: ``Lu.recu`` is a call.)
        return [
            champ_result(
                (_nom_lettre(i), attendue, lu[0] if type(lu[0]) is str else lu.recu, True, "Juste.")
            )
            for i, (lu, attendue) in enumerate(zip(lus, ref.lettres, strict=True))
        ]
    groupes, attendus = _groupes(ecrites), _groupes(ref.lettres)
    champs = []
    for i, lu in enumerate(lus):
        if lu is None:
            continue
        attendue = ref.lettres[i]
        resultat = _choix(_nom_lettre(i), LETTRE, attendue, lu)
        if lu.valeur is None:
            champs.append(resultat)
            continue
        if attendue == calc.NON_LETTRE or ecrites[i] == calc.NON_LETTRE:
            juste = attendue == ecrites[i]
        else:
            juste = attendus[i] == groupes[i]
        message = "Juste." if juste else _attendu_lettre(ref, i)
        champs.append(ChampResult(*resultat[:3], juste, message))  # (_replace: 3 calls more)
    for lettre in dict.fromkeys(ecrites):
        groupe = groupes[ecrites.index(lettre)]
        if lettre not in (None, calc.NON_LETTRE) and not calc.equilibre(ref.mvts, groupe):
            codes.note(m.LETTRAGE_DESEQUILIBRE)
    return champs


def _groupes(lettres: list[Any]) -> list[frozenset[int]]:
    """Each movement's group: the movements with the same letter as its own (itself included)."""
    par_lettre: dict[Any, set[int]] = {}
    for j, lettre in enumerate(lettres):
        par_lettre.setdefault(lettre, set()).add(j)
    figes = {lettre: frozenset(groupe) for lettre, groupe in par_lettre.items()}
    return [figes[lettre] for lettre in lettres]


def _attendu_lettre(ref: Reference, i: int) -> str:
    if ref.lettres[i] == calc.NON_LETTRE:
        return "Attendu : non lettré (débits et crédits ne s'équilibrent pas)."
    autres = [mv.libelle for j, mv in enumerate(ref.mvts) if ref.lettres[j] == ref.lettres[i]]
    return f"Attendu : une même lettre pour {', '.join(autres)}, et pour elles seules."


def _montant(champ: str, attendu: Decimal, propre: Decimal | None, lu: Lu) -> ChampResult:
    """An amount of the balance; the right one from the student's own earlier results earns its
    credit. As a side of a row (``journal.juge_cote``), except that a blank one is wrong."""
    if lu.valeur is None:
        recu = lu.brut if type(lu.brut) is str else lu.recu
        return champ_result((champ, fmt(attendu), recu, False, lu.erreur or EMPTY))
    return juge_cote(champ, attendu, propre, lu)


@lru_cache(maxsize=32)  # a shape: the same few rows' names at every grade
def _noms_balance(k: int) -> tuple[str, str]:
    return f"balance.{k}.reste_du", f"balance.{k}.tranche"


# The names of the totals' fields, spelled out once.
_NOMS_TOTAUX = {code: f"totaux.{code}" for code, _ in calc.TRANCHES}


def _choix(champ: str, choix: Choice, attendue: str, lu: Lu) -> ChampResult:
    """``verdict`` of a choice (a band, a letter), built at once: a Choice writes its code as
    it is and compares it as it is, so neither needs a call (asked of every invoice and
    movement of every grade)."""
    brut = lu[0]
    recu = brut if type(brut) is str else lu.recu  # (a text typed: as it is, no call)
    if lu.valeur is None:
        return champ_result((champ, attendue, recu, False, lu.erreur or EMPTY))
    if lu.valeur == attendue:
        return champ_result((champ, attendue, recu, True, "Juste."))
    return champ_result((champ, attendue, recu, False, f"Attendu : {choix.display(attendue)}."))


def _ligne_balance(
    ref: Reference,
    k: int,
    f: Facture,
    propre: Decimal,
    lu: Lu | None,
    lu_t: Lu | None,
    codes: _Codes,
) -> list[ChampResult]:
    """An invoice's amount due and band (``lu``, ``lu_t``: as read, None when absent)."""
    _, reste, bande = ref.balance["lignes"][k]
    champs = []
    nom_reste, nom_tranche = _noms_balance(k)
    if lu is not None:
        resultat = _montant(nom_reste, reste, propre, lu)
        if not resultat.correct and lu.valeur == f.ttc:
            codes.note(m.RESTE_DU_NON_DIMINUE)
            resultat = resultat._replace(
                message=f"{m.MESSAGES[m.RESTE_DU_NON_DIMINUE]} {resultat.message}"
            )
        champs.append(resultat)
    if lu_t is not None:
        resultat = _choix(nom_tranche, TRANCHE, bande, lu_t)
        if not resultat.correct and lu_t.valeur is not None:
            ecrit = lu.valeur if lu is not None and lu.valeur is not None else reste
            # A band right for the amount the student found earns its credit (error carried).
            if lu_t.valeur == calc.tranche(ref.e, f.echeance, ecrit):
                resultat = resultat._replace(correct=True, message=f"{REPORTE}")
            elif lu_t.valeur == calc.tranche(ref.e, f.jour, ecrit):
                codes.note(m.TRANCHE_DATE_FACTURE)
                message = f"{m.MESSAGES[m.TRANCHE_DATE_FACTURE]} {resultat.message}"
                resultat = resultat._replace(message=message)
        champs.append(resultat)
    return champs


def _balance(ref: Reference, lecture: Lecture, propres: dict, codes: _Codes) -> list:
    """The ageing balance: each invoice's amount due and band, the totals, the balance."""
    restes_propres, trop_propre = calc.restes(ref.e, propres, ref.mvts)
    champs: list[ChampResult] = []
    totaux_propres = {code: ZERO for code, _ in calc.TRANCHES}
    rows = liste(lecture.arbre, "balance")
    for k, f in enumerate(ref.e.factures):
        cellules = rangee(rows, k)
        lu, lu_t = _lu(cellules, "reste_du"), _lu(cellules, "tranche")
        champs += _ligne_balance(ref, k, f, restes_propres[f.piece], lu, lu_t, codes)
        _, reste, bande = ref.balance["lignes"][k]
        # (Each cell's typed value, None when absent, empty or unreadable.)
        montant = lu.valeur if lu is not None else None
        code = lu_t.valeur if lu_t is not None else None
        montant, code = (reste, bande) if montant is None or code is None else (montant, code)
        if code in totaux_propres:
            totaux_propres[code] += montant
    totaux = lecture.arbre.get("totaux")
    totaux = totaux if isinstance(totaux, dict) else {}
    somme = ZERO  # the totals as written (the student's own where one is not)
    for code, total in ref.balance["totaux"].items():
        lu = _lu(totaux, code)
        if lu is not None:
            champs.append(_montant(_NOMS_TOTAUX[code], total, totaux_propres[code], lu))
        somme += lu.valeur if lu is not None and lu.valeur is not None else totaux_propres[code]
    trop = ref.balance["trop_percu"]
    lu = _lu(lecture.arbre, "trop_percu")
    trop_ecrit = None
    if lu is not None and trop:
        champs.append(_montant("trop_percu", trop, trop_propre, lu))
        trop_ecrit = lu.valeur
    lu = _lu(lecture.arbre, "solde_client")
    if lu is not None:
        propre = somme - (trop_ecrit if trop_ecrit is not None else trop)
        champs.append(_montant("solde_client", ref.balance["solde"], propre, lu))
    return champs


def corrige(ref: Reference, lecture: Lecture) -> Grade:
    """Grade one answer as read; never raises."""
    codes = _Codes()
    champs, propres = ecritures.juge(ref.e, ref.ecritures, lecture, codes.note)
    champs += _lettrage(ref, lecture, codes)
    champs += _balance(ref, lecture, propres, codes)
    champs += illisibles(champs, lecture)
    nommes = [Diagnostic(code, m.MESSAGES[code]) for code in codes]
    score = score_ratio(justes(champs), len(champs))
    competences = [(COMPETENCE, score)] if champs else []
    return Grade(NAME, score, champs, nommes, competences)


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, errors carried forward and diagnostics; never raises on the answer."""
    return corrige(reference(params), lecture)
