"""Grading of a ``declaration_tva`` answer: per-line verdicts, error carried forward, the
settlement entry matched row by row on its accounts, diagnostics."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise import journal
from agora.exercise.base import ChampResult, Grade
from agora.exercise.fields import MONTANT, Lu, account_root, verdict
from agora.exercise.grading import (
    Mondes,
    grade_final,
    methode_fausse,
    une_competence,
)
from agora.exercise.journal import LigneEcriture
from agora.exercise.kinds.declaration_tva import ca12
from agora.exercise.kinds.declaration_tva import solve as calc
from agora.exercise.kinds.declaration_tva.messages import SIGNATURES, messages
from agora.exercise.kinds.declaration_tva.params import CA12, NAME, Declaration, lire_params
from agora.exercise.nommes import Nommes
from agora.exercise.reading import Lecture
from agora.money import euros

COMPETENCE = "2.2.4"  # every field of the return and of its entry proves it
_REPORTE = "Calcul juste à partir de vos résultats précédents (erreur reportée) : point accordé."
# The VAT accounts a student may confuse with one another.
_COMPTES_TVA = frozenset(
    {"44571", "4452", "44562", "44566", "445662", "44567", "44551", ca12.C_ACOMPTES}
)


def fautes_possibles(d: Declaration) -> list[str]:
    """The wrong methods that would change some value of this return, in the order tried."""
    if d.regime == CA12:
        return ca12.fautes_possibles(d)
    fautes = []
    if d.encaissements:
        fautes.append(calc.ENCAISSEMENT_TTC_COMME_HT)
    if d.prestations_facturees:
        fautes.append(calc.EXIGIBILITE_FACTURATION)
    if d.acquisitions_ue:
        fautes += [calc.AUTOLIQUIDATION_NON_DEDUITE, calc.AUTOLIQUIDATION_OUBLIEE]
    if any(a.nature == "immobilisation" for a in d.achats):
        fautes.append(calc.IMMOBILISATION_EN_ABS)
    if any(a.nature == "non_deductible" for a in d.achats):
        fautes.append(calc.TVA_NON_DEDUCTIBLE_DEDUITE)
    if d.credit_anterieur:
        fautes.append(calc.CREDIT_ANTERIEUR_OUBLIE)
    fautes += [calc.SOLDE_INVERSE, calc.ARRONDI_TRONQUE]
    return fautes


class Reference:
    """What grading needs from the params alone: the return's values, and the return done
    with each wrong method (filled on demand)."""

    def __init__(self, d: Declaration):
        self.d = d
        self.valeurs = calc.calcule(d)
        self.fautes = fautes_possibles(d)
        self.lignes = [p for p in self.valeurs if p != "ecriture"]
        self.canon = {p: MONTANT.canonical(self.valeurs[p]) for p in self.lignes}
        self.monde = Mondes(lambda faute: calc.calcule(d, faute=faute))
        self.messages = messages(d.regime)


def reference(params: dict[str, Any]) -> Reference:
    """The Reference of these params (built at each grade: params come fresh from the
    database, a memo by params object would never hit)."""
    return Reference(lire_params(params))


def _cherche(ref: Reference, own: dict[str, Any], path: str, valeur: Decimal) -> str | None:
    """The known wrong method behind a wrong value: the whole return done that way, then that
    way from the student's own earlier values."""
    candidates = [f for f in ref.fautes if path in SIGNATURES[f]]
    siens = lambda faute: calc.calcule(ref.d, own, faute)  # noqa: E731 (read as a name)
    return methode_fausse(candidates, ref.monde, siens, path, valeur)


def _lignes(ref: Reference, lecture: Lecture, nommes: Nommes) -> tuple[list[ChampResult], dict]:
    """The verdicts on the CA3 lines, and the return computed from the student's own values."""
    lus: dict[str, Lu] = {}
    own: dict[str, Any] = {}
    for path in ref.lignes:
        lu = lecture.lu(path)
        if lu is not None:
            lus[path] = lu
            if lu.valeur is not None:
                own[path] = lu.valeur
    differe = any(ref.valeurs[p] != v for p, v in own.items())
    ecf = calc.calcule(ref.d, own) if differe else ref.valeurs
    champs = []
    for path, lu in lus.items():
        attendu = ref.valeurs[path]
        if lu.valeur == attendu:
            champs.append(ChampResult(path, ref.canon[path], lu.recu, True, "Juste."))
        elif lu.valeur is None:
            champs.append(verdict(path, MONTANT, attendu, lu))
        elif lu.valeur == ecf[path]:
            # A wrong value: its verdict built at once, with the expected value's writing known.
            ko = f"{_REPORTE} Avec les bons résultats : {euros(attendu)}."
            champs.append(ChampResult(path, ref.canon[path], lu.recu, True, ko))
        else:
            code = _cherche(ref, own, path, lu.valeur)
            ko = nommes.devant(code, f"Attendu : {euros(attendu)}.")
            champs.append(ChampResult(path, ref.canon[path], lu.recu, False, ko))
    return champs, ecf


def _lignes_ecriture(rows: list) -> list[LigneEcriture]:
    return [
        LigneEcriture(compte, debit, credit, acceptes=calc.ACCEPTES.get(compte, frozenset()))
        for compte, debit, credit in rows
    ]


def _ecriture(ref: Reference, lecture: Lecture, ecf: dict, nommes: Nommes) -> list[ChampResult]:
    """The settlement entry: each row the student wrote matched to an expected row."""

    def tva_confondue(attendue: LigneEcriture, compte: str) -> str | None:
        if account_root(compte) not in _COMPTES_TVA:
            return None
        return nommes.nomme(calc.COMPTE_TVA_CONFONDU)

    attendues = _lignes_ecriture(ref.valeurs["ecriture"])
    propres = _lignes_ecriture(ecf["ecriture"])
    return journal.juge("ecriture", attendues, lecture, propres, tva_confondue, nommes.nomme)


def corrige(ref: Reference, lecture: Lecture) -> Grade:
    """Grade one answer as read against the return; never raises."""
    nommes = Nommes(ref.messages.__getitem__)
    champs, ecf = _lignes(ref, lecture, nommes)
    champs += _ecriture(ref, lecture, ecf, nommes)
    notes = une_competence(COMPETENCE)
    return grade_final(NAME, champs, lecture, nommes.codes, ref.messages, notes)


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, error carried forward and diagnostics; never raises on the answer."""
    return corrige(reference(params), lecture)
