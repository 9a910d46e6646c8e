"""Grading of a ``journal_paie`` answer as read: the payroll entry row by row (wrong methods named
from the amount written), each body's amount (carried from the student's own entry) and due
date, the payment of the salaries (carried from the student's own net à payer)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

from agora.exercise import journal
from agora.exercise.base import ChampResult, Grade, champ_result, score_ratio
from agora.exercise.fields import JOUR, MONTANT, Field, Lu, account_root, verdict
from agora.exercise.grading import (
    Mondes,
    illisibles,
    justes,
    verdict_nomme,
    verdict_reporte,
)
from agora.exercise.journal import LigneEcriture
from agora.exercise.kinds.journal_paie import methodes as m
from agora.exercise.kinds.journal_paie import solve as s
from agora.exercise.kinds.journal_paie.params import NAME, Paie, lire_params
from agora.exercise.kinds.journal_paie.regles import (
    DGFIP,
    PREVOYANCE,
    RETRAITE,
    URSSAF,
)
from agora.exercise.nommes import Nommes
from agora.exercise.reading import Lecture
from agora.money import ZERO

COMPETENCE = "3.2.5"
# The wrong methods that may change each value, in the order they are tried.
_PAR_CHEMIN = {
    s.BRUT: (
        m.CHARGES_PATRONALES_EN_641,
        m.COTISATIONS_SALARIALES_EN_645,
        m.AVANTAGE_OUBLIE_AU_BRUT,
    ),
    s.PATRONAL: (m.COTISATIONS_SALARIALES_EN_645,),
    s.SECU: (m.URSSAF_PART_SALARIALE,),
    s.NET: (
        m.PAS_OUBLIE,
        m.NET_AVANT_IMPOT_EN_421,
        m.ACOMPTE_OUBLIE,
        m.AVANTAGE_VERSE_EN_ESPECES,
    ),
    "montant": (m.URSSAF_PART_SALARIALE, m.PAS_OUBLIE),
    "echeance": (m.ECHEANCE_NON_REPORTEE, m.ECHEANCE_CONFONDUE),
}
# Each body's amount is the credit of one row of the entry (437 only when it is alone there).
_COMPTE_DE = {URSSAF: s.SECU, RETRAITE: s.AUTRES, PREVOYANCE: s.AUTRES, DGFIP: s.PAS}


@lru_cache(maxsize=1024)
def _compte_de(ecrit: str) -> str | None:
    """The account of the entry a written account stands for (« 6411 » → 641), if any."""
    for compte, _ in s.ORDRE:
        if LigneEcriture(compte, acceptes=s.ACCEPTES.get(compte, frozenset())).accepte(ecrit):
            return compte
    return None


class Reference:
    """What grading needs from the params alone, and the exercise done with each wrong method
    (on demand)."""

    def __init__(self, p: Paie):
        self.p = p
        totaux = s.totaux(p)  # summed once for the exercise and each wrong method's
        self.valeurs = s.calcule(p, None, totaux)
        self.ecriture = s.ecriture(p, self.valeurs)
        self.reglement = s.reglement(p, self.valeurs["net_verse"])
        self.organismes = s.organismes_payes(p)
        self.pas = self.valeurs[s.PAS]
        self.acompte = self.valeurs[s.ACOMPTE]
        self.avantages = self.valeurs[s.AVANTAGES]
        # Each wrong method's values: the right ones, with what that method changes.
        self.mondes = Mondes(lambda faute: self.valeurs | s.ecarts(p, faute, totaux, self.valeurs))


def reference(params: Any) -> Reference:
    """The Reference of these params, built at every grade: params come fresh from the
    database, so a memo of the params object would only cost a copy of them."""
    return Reference(lire_params(params))


def _rangees(lecture: Lecture, prefixe: str) -> list[dict[str, Any]]:
    rangees = lecture.arbre.get(prefixe) if isinstance(lecture.arbre, dict) else None
    return [r for r in rangees if isinstance(r, dict)] if isinstance(rangees, list) else []


def _valeur(lu: Any) -> Decimal | None:
    """The amount of a cell as read (None: blank, unreadable or absent)."""
    return lu.valeur if isinstance(lu, Lu) and isinstance(lu.valeur, Decimal) else None


class _Correction:
    """One answer being graded: the verdicts, and the codes named so far."""

    def __init__(self, ref: Reference, lecture: Lecture):
        self.ref, self.lecture = ref, lecture
        self.champs: list[ChampResult] = []
        self.nommes = Nommes(m.MESSAGES.__getitem__)
        self.siens = self._siens()

    def _siens(self) -> dict[str, Decimal]:
        """The student's own entry: the amount of each expected account, as they wrote it
        (the side the account is on), and whether the entry balances."""
        siens: dict[str, Decimal] = {}
        debits = credits = ZERO
        for rangee in _rangees(self.lecture, "ecriture"):
            get = rangee.get
            lu, debit, credit = get("compte"), get("debit"), get("credit")
            debit, credit = _valeur(debit) or ZERO, _valeur(credit) or ZERO
            debits, credits = debits + debit, credits + credit
            if not isinstance(lu, Lu) or not isinstance(lu.valeur, str):
                continue
            compte = _compte_de(lu.valeur)
            if compte is not None:
                au_debit = compte in (s.BRUT, s.PATRONAL)
                siens[compte] = siens.get(compte, ZERO) + (debit if au_debit else credit)
            if compte == s.BRUT and credit and credit == self.ref.avantages:
                self.nommes.nomme(m.AVANTAGE_NEUTRALISE_EN_641)  # 641 credited with the benefit
        if debits != credits:
            self.nommes.nomme(m.ECRITURE_DESEQUILIBREE)
        return siens

    def _compte(self, attendue: LigneEcriture, compte: str) -> str | None:
        """The method error behind a wrong account, named."""
        if attendue.compte == s.PATRONAL and account_root(compte).startswith(s.BRUT):
            return self.nommes.nomme(m.CHARGES_PATRONALES_EN_641)
        if attendue.compte == s.AVANTAGES and account_root(compte).startswith(s.BRUT):
            return self.nommes.nomme(m.AVANTAGE_NEUTRALISE_EN_641)
        return None

    def ecriture(self) -> None:
        """The payroll entry, each row matched to an expected row; a wrong amount named by the
        wrong method that gives it. Only the wrong verdicts are looked at again (the right
        ones, most of them, are taken as ``juge`` gives them)."""
        champs = journal.juge(
            "ecriture", self.ref.ecriture, self.lecture, (), self._compte, self.nommes.nomme
        )
        for k, c in enumerate(champs):
            if c[3]:  # right
                continue
            if c.champ == "ecriture":
                self._manquante(c.attendu)
            elif not c.champ.endswith(".compte"):
                # The row's expected account: ``juge`` gives a matched row as its account, its
                # debit and its credit, in this order (a row too many has no amounts).
                compte = champs[k - 1 if c.champ.endswith(".debit") else k - 2].attendu
                champs[k] = self._montant(c, compte)
        self.champs += champs

    def _manquante(self, compte: str | None) -> None:
        """A row left out that names a method: the tax or the advance, when the student wrote
        the net à payer without them; 645, when 641 holds the employer's charges; 708, when
        the benefit in kind is left out of 641 or paid in 421."""
        net = s.NET in self.siens
        if compte == s.PAS and self.ref.pas and net:
            self.nommes.nomme(m.PAS_OUBLIE)
        elif compte == s.ACOMPTE and self.ref.acompte and net:
            self.nommes.nomme(m.ACOMPTE_OUBLIE)
        elif compte == s.PATRONAL and self.siens.get(s.BRUT) == self._en_641():
            self.nommes.nomme(m.CHARGES_PATRONALES_EN_641)
        elif compte == s.AVANTAGES:
            for faute, cote in (
                (m.AVANTAGE_OUBLIE_AU_BRUT, s.BRUT),
                (m.AVANTAGE_VERSE_EN_ESPECES, s.NET),
            ):
                if self.siens.get(cote) == self.ref.mondes(faute)[cote]:
                    self.nommes.nomme(faute)

    def _en_641(self) -> Decimal:
        return self.ref.mondes(m.CHARGES_PATRONALES_EN_641)[s.BRUT]

    def _montant(self, c: ChampResult, compte: str | None) -> ChampResult:
        rang, cote = c.champ.split(".")[1:]
        lu = self.lecture.lu("ecriture", int(rang), cote)
        valeur = lu.valeur if lu is not None else None
        if valeur is None or compte is None:
            return c
        au_debit = compte in (s.BRUT, s.PATRONAL)
        if valeur == self.ref.valeurs[compte] or (cote == "debit") is not au_debit:
            return c  # a right amount on the wrong side: the row is reversed
        fautes = _PAR_CHEMIN.get(compte, ())
        if compte == s.NET:  # the tax forgotten or the net before tax: the 4421 row tells
            exclue = m.PAS_OUBLIE if s.PAS in self.siens else m.NET_AVANT_IMPOT_EN_421
            fautes = tuple(f for f in fautes if f != exclue)
        faute = next((f for f in fautes if self.ref.mondes(f).get(compte) == valeur), None)
        if faute is None:
            return c
        return champ_result((*c[:4], self.nommes.devant(faute, c.message)))

    def organismes(self) -> None:
        """Each body's amount and due date: right, carried from the student's own entry, or
        wrong (named)."""
        lus = self.lecture.noeud("organismes")
        if not isinstance(lus, dict):
            return  # no body's amount or due date written
        organismes = self.ref.organismes  # each body once
        autres = (RETRAITE in organismes) + (PREVOYANCE in organismes)
        for o in organismes:
            du = lus.get(o)
            if not isinstance(du, dict):
                continue
            montant, echeance = du.get("montant"), du.get("echeance")
            if isinstance(montant, Lu):
                seul = o in (URSSAF, DGFIP) or autres < 2  # 437 may hold two bodies
                propre = self.siens.get(_COMPTE_DE[o]) if seul else None
                chemin = s.MONTANT_DE[o]
                self.champs.append(self._organisme(chemin, "montant", MONTANT, montant, propre))
            if isinstance(echeance, Lu):
                chemin = s.ECHEANCE_DE[o]
                self.champs.append(self._organisme(chemin, "echeance", JOUR, echeance, None))

    def _organisme(
        self, path: str, nom: str, field: Field, lu: Lu, propre: Decimal | None
    ) -> ChampResult:
        """One body's amount or due date (``propre``: the amount of the student's own entry)."""
        attendu = self.ref.valeurs[path]
        if lu.valeur == attendu:  # the usual case: ``verdict``'s right one, built at once
            return champ_result((path, field.canonical(attendu), lu.recu, True, "Juste."))
        if lu.valeur is not None and lu.valeur == propre:
            return verdict_reporte(path, field, attendu, lu)
        if lu.valeur is None:
            return verdict(path, field, attendu, lu)
        faute = next(
            (f for f in _PAR_CHEMIN[nom] if self.ref.mondes(f).get(path) == lu.valeur), None
        )
        return verdict_nomme(path, field, attendu, lu, self.nommes.nomme(faute))

    def reglement(self) -> None:
        """The payment of the net salaries: right from the student's own 421 earns its credit."""
        self.champs += journal.juge(
            "reglement",
            self.ref.reglement,
            self.lecture,
            self._reglement_propre(),
            None,
            self.nommes.nomme,
        )

    def _reglement_propre(self) -> Sequence[LigneEcriture]:
        """The payment of the net the student's own entry credits to 421: none without one,
        and none when theirs is the right net (a payment from it is the expected one, whose
        amounts are judged right already: nothing to carry forward)."""
        net = self.siens.get(s.NET)
        if net is None or net == self.ref.valeurs[s.NET]:
            return ()
        return s.reglement(self.ref.p, net)


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, error carried forward and diagnostics; never raises on the answer."""
    c = _Correction(reference(params), lecture)
    c.ecriture()
    c.organismes()
    c.reglement()
    champs = c.champs + illisibles(c.champs, lecture)
    diagnostics = c.nommes.diagnostics()
    score = score_ratio(justes(champs), len(champs))  # counted in C, not by a generator
    # One competency, proved by every field: its score is the exercise's.
    return Grade(NAME, score, champs, diagnostics, [(COMPETENCE, score)] if champs else [])
