"""Grading of a ``facture_achat`` answer as read: the discrepancy named per line, the amounts owed
(error carried forward, wrong methods named), the decision, and the entry row by row."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise import journal
from agora.exercise.base import ChampResult, Grade, score_ratio
from agora.exercise.fields import MONTANT, Field, account_root, verdict
from agora.exercise.grading import Mondes, champs_de_la_forme, champs_lus, grade_final
from agora.exercise.journal import REPORTE, LigneEcriture
from agora.exercise.kinds.facture_achat import methodes as m
from agora.exercise.kinds.facture_achat import solve as calc
from agora.exercise.kinds.facture_achat.answer import DECISION, ECART
from agora.exercise.kinds.facture_achat.params import NAME, Achat, lire_params
from agora.exercise.nommes import Nommes
from agora.exercise.reading import Lecture, sans_index
from agora.money import euros, fmt

# The check and the entry prove 2.1.2; what sets the payment to come proves 2.2.3.
SUIVI_ACHATS, TRESORERIE = "2.1.2", "2.2.3"
_TRESORERIE = frozenset({"escompte", "net_financier", "net_a_payer", "montant_avoir"})
_COMPTES_TRESORERIE = frozenset({"401", "404", "765"})
_COMPTES_TVA = frozenset({"44566", "44562", "445662", "4452"})


class Reference:
    """What grading needs from the params alone, and the invoice checked with each wrong
    method (filled on demand)."""

    def __init__(self, a: Achat):
        self.a = a
        self.ecarts = [calc.ecart(x) for x in a.lignes]
        self.decision = calc.decision(self.ecarts)
        self.litige = litige = calc.net_en_litige(a, self.decision)
        self.valeurs = self.calcule()
        self.fautes = m.fautes_possibles(a, self.ecarts)
        self.ecriture = calc.ecriture(a, self.decision)
        # Not self.calcule: a Reference holding itself would wait for the cyclic collector.
        self.monde = Mondes(lambda faute: calc.calcule_avec(a, litige, faute=faute))

    def calcule(self, own: dict[str, Decimal] | None = None, faute: str | None = None) -> dict:
        """``solve.calcule`` of this invoice, its printed net worked out once."""
        return calc.calcule_avec(self.a, self.litige, own, faute)


def reference(params: dict[str, Any]) -> Reference:
    """The Reference of these params (built at each grade: params come fresh from the
    database, a memo by params object would never hit)."""
    return Reference(lire_params(params))


class _Correction:
    """One answer being graded: the verdicts, and the codes named so far."""

    def __init__(self, ref: Reference, lecture: Lecture):
        self.ref, self.lecture = ref, lecture
        self.champs: list[ChampResult] = []
        self.nommes = Nommes(m.MESSAGES.__getitem__)

    def ecarts(self) -> list[str | None]:
        """Each line's discrepancy; returns the student's choices (None: not given)."""
        choix: list[str | None] = []
        for i, attendu in enumerate(self.ref.ecarts):
            lu = self.lecture.lu("lignes", i, "ecart")
            choix.append(lu.valeur if lu else None)
            if lu is None:
                continue
            code = None
            if lu.valeur is not None and lu.valeur != attendu:
                code = m.ECART_NON_VU if lu.valeur == "aucun" else m.ECART_CONFONDU
                code = m.ECART_IMAGINAIRE if attendu == "aucun" else code
            ko = self.nommes.devant(code, f"Attendu : {ECART.display(attendu)}.") if code else ""
            self.champs.append(verdict(f"lignes.{i}.ecart", ECART, attendu, lu, ko=ko))
        return choix

    def montants(self) -> None:
        """Each amount: right, right from the student's own earlier amounts, or wrong (named)."""
        valeurs = self.ref.valeurs
        lus, own = champs_lus(champs_de_la_forme(tuple(valeurs), _montant), self.lecture)
        ecf = self.ref.calcule(own) if any(own[p] != valeurs[p] for p in own) else valeurs
        for path, _, lu in lus:
            attendu = valeurs[path]
            if lu.valeur is not None and lu.valeur == attendu:  # as ``verdict`` judges it, at once
                self.champs.append(ChampResult(path, fmt(attendu), lu.recu, True, "Juste."))
                continue
            if lu.valeur is not None and lu.valeur == ecf[path]:
                ko = f"{REPORTE} Avec les bons résultats : {euros(attendu)}."
                self.champs.append(ChampResult(path, fmt(attendu), lu.recu, True, ko))
                continue
            ko = ""
            if lu.valeur is not None and lu.valeur != attendu:
                code = self._cherche(path, lu.valeur, own)
                ko = self.nommes.devant(code, f"Attendu : {euros(attendu)}.")
            self.champs.append(verdict(path, MONTANT, attendu, lu, ko=ko))

    def _cherche(self, path: str, valeur: Decimal, own: dict[str, Decimal]) -> str | None:
        """The first wrong method giving this amount, on the whole invoice or from the
        student's own earlier amounts."""
        noeud = sans_index(path)
        candidates = [f for f in self.ref.fautes if noeud in m.SIGNATURES[f]]
        for faute in candidates:
            if self.ref.monde(faute).get(path) == valeur:
                return faute
        for faute in candidates:
            if self.ref.calcule(own, faute).get(path) == valeur:
                return faute
        return None

    def decision(self, choix: list[str | None]) -> None:
        """The decision; one consistent with the student's own discrepancies earns its credit."""
        lu = self.lecture.lu("decision")
        if lu is None:
            return
        attendu = self.ref.decision
        propre = calc.decision([c or "aucun" for c in choix]) if None not in choix else None
        if lu.valeur is not None and lu.valeur != attendu and lu.valeur == propre:
            ko = f"{REPORTE} Avec les bons écarts : {DECISION.display(attendu)}."
            self.champs.append(
                verdict("decision", DECISION, attendu, lu, ko=ko)._replace(correct=True)
            )
            return
        code = m.DECISION_INADAPTEE if lu.valeur is not None and lu.valeur != attendu else None
        ko = self.nommes.devant(code, f"Attendu : {DECISION.display(attendu)}.") if code else ""
        self.champs.append(verdict("decision", DECISION, attendu, lu, ko=ko))

    def ecriture(self) -> list[ChampResult]:
        """The entry, each row the student wrote matched to an expected row."""
        attendues = self.ref.ecriture
        champs = journal.juge(
            "ecriture",
            attendues,
            self.lecture,
            (),
            self._compte,
            self.nommes.nomme,
            self.ref.a.colonnes_notees,
        )
        manquants = {c.attendu for c in champs if c.champ == "ecriture"}
        if self.ref.a.intracommunautaire and manquants & {"4452", "445662"}:
            self.nommes.nomme(m.AUTOLIQUIDATION_OUBLIEE)
        self.champs += champs
        return champs

    def _compte(self, attendue: LigneEcriture, compte: str) -> str | None:
        """The method error behind a wrong account, named."""
        racine, attendu = account_root(compte), attendue.compte
        code = None
        if attendu == "44562" and racine == "44566":
            code = m.IMMOBILISATION_EN_CHARGE
        elif attendu in _COMPTES_TVA and racine in _COMPTES_TVA:
            code = m.COMPTE_TVA_CONFONDU
        elif attendu.startswith("2") or attendu == "404":
            code = m.IMMOBILISATION_EN_CHARGE if racine[:1] == "6" or racine == "401" else None
        elif attendu.startswith("6") and racine[:1] in ("2", "6"):
            code = m.COMPTE_ACHAT_CONFONDU
        return self.nommes.nomme(code)


def _montant(path: str) -> Field:
    """The type of every amount ``calcule`` gives (one function, so the kit keeps one field
    list per shape of invoice)."""
    return MONTANT


def _competence(champ: ChampResult, comptes: dict[str, str | None]) -> str:
    """The competency a verdict proves: the payment to come (2.2.3) or the purchase (2.1.2)."""
    if champ.champ in _TRESORERIE:
        return TRESORERIE
    if champ.champ.startswith("ecriture"):
        rangee = champ.champ.rsplit(".", 1)[0]
        compte = champ.attendu if champ.champ == "ecriture" else comptes.get(rangee)
        if compte in _COMPTES_TRESORERIE:
            return TRESORERIE
    return SUIVI_ACHATS


def _scores(champs: list[ChampResult], ecriture: list[ChampResult]) -> list[tuple[str, Decimal]]:
    comptes = {
        c.champ.rsplit(".", 1)[0]: c.attendu for c in ecriture if c.champ.endswith(".compte")
    }
    par_code: dict[str, list[bool]] = {SUIVI_ACHATS: [], TRESORERIE: []}
    for c in champs:
        par_code[_competence(c, comptes)].append(c.correct)
    return [(code, score_ratio(sum(v), len(v))) for code, v in par_code.items() if v]


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, error carried forward and diagnostics; never raises on the answer."""
    c = _Correction(reference(params), lecture)
    choix = c.ecarts()
    c.montants()
    c.decision(choix)
    ecriture = c.ecriture()
    notes = lambda champs: _scores(champs, ecriture)  # noqa: E731 (read as a name)
    return grade_final(NAME, c.champs, lecture, c.nommes.codes, m.MESSAGES, notes)
