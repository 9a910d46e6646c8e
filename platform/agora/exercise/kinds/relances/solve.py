"""The ageing balance worked out: the rates, then per invoice its due date, days late, reminder
step, legality of its term, amount still owed, penalties and 40 € indemnity; from the student's
own earlier values when given (errors carried forward), or with one named wrong method (to
recognise it in an answer)."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from agora.exercise.kinds.relances import messages as m
from agora.exercise.kinds.relances.params import (
    MAX_FACTURES,
    MAX_JOURS,
    Balance,
    Facture,
    lire_params,
)
from agora.exercise.reading import pattern_of
from agora.money import cents, cents_down

ZERO = Decimal(0)
DIX_POINTS = Decimal(10)
TROIS = Decimal(3)
# L441-10 I: at most 60 days from the invoice date, or 45 days end of month.
PLAFOND_DATE_FACTURE = 60
PLAFOND_FIN_DE_MOIS = 45


# Each term params allow (0 to MAX_JOURS days) as a timedelta, built once: building one is
# most of the cost of a due date, computed some twenty-five times a grade.
_DELAIS = tuple(timedelta(days=jours) for jours in range(MAX_JOURS + 1))


def echeance(f: Facture, sans_fin_de_mois: bool = False) -> date:
    """The due date: invoice date + the term; « fin de mois » then goes to that month's end."""
    jour = f.date + _DELAIS[f.jours]
    if f.fin_de_mois and not sans_fin_de_mois:
        # The month's length without ``calendar.monthrange`` (which computes a weekday too):
        # the due date is computed for every invoice several times at each grade.
        fevrier_bissextile = jour.month == 2 and calendar.isleap(jour.year)
        jour = jour.replace(day=29 if fevrier_bissextile else calendar.mdays[jour.month])
    return jour


def delai_legal(f: Facture, faute: str | None = None) -> str:
    """« oui » when the term granted stays under the LME ceilings, else « non » (the wrong
    method PLAFOND_FIN_DE_MOIS_60 allows 60 days « fin de mois » too)."""
    fin_de_mois = 60 if faute == m.PLAFOND_FIN_DE_MOIS_60 else PLAFOND_FIN_DE_MOIS
    return "oui" if f.jours <= (fin_de_mois if f.fin_de_mois else PLAFOND_DATE_FACTURE) else "non"


# Days late as Decimals, built once (a Decimal from an int costs more than the rest of the
# step, worked out for every invoice in each pass down a balance): past a year and a half
# late, the rare values are built when met.
_JOURS = tuple(Decimal(jours) for jours in range(550))


def jours_retard(b: Balance, f: Facture, jour: date, faute: str | None = None) -> Decimal:
    """Days late on the balance's day, counted from the due date ``jour``; 0 before it."""
    depart = f.date if faute == m.RETARD_DEPUIS_FACTURE else jour
    jours = (b.date_balance - depart).days
    if jours < 0:
        return Decimal(jours) if faute == m.RETARD_NEGATIF else ZERO
    return _JOURS[jours] if jours < len(_JOURS) else Decimal(jours)


def niveau_relance(b: Balance, jours: Decimal) -> str:
    """The reminder step the procedure calls for after this many days late."""
    p = b.procedure
    if jours >= p.mise_en_demeure:
        return "mise_en_demeure"
    if jours >= p.deuxieme_relance:
        return "deuxieme_relance"
    return "relance_amiable" if jours >= p.relance_amiable else "aucune"


def reste_du(f: Facture, faute: str | None = None) -> Decimal:
    """What the customer still owes, on which the penalties run."""
    return f.montant_ttc if faute == m.PENALITES_SANS_ACOMPTE else f.montant_ttc - f.deja_paye


# 100 × the days of a year (the rate is in %), and its wrong 360 days, built once.
_CENT_ANS, _CENT_ANS_360 = Decimal(100 * 365), Decimal(100 * 360)


def penalites(base: Decimal, taux: Decimal, jours: Decimal, faute: str | None = None) -> Decimal:
    """Amount × rate × days late ÷ 365, rounded half up to the cent once, at the end."""
    jours = ZERO if jours < ZERO else jours  # max(jours, ZERO), without a builtin's call
    exact = base * taux * jours / (_CENT_ANS_360 if faute == m.PENALITES_360 else _CENT_ANS)
    return cents_down(exact) if faute == m.PENALITES_TRONQUEES else cents(exact)


def indemnite(b: Balance, f: Facture, retard: Decimal, faute: str | None = None) -> Decimal:
    """40 € per late invoice of a business customer (D441-5); never for a consumer."""
    due = retard > 0 and (f.professionnel or faute == m.INDEMNITE_CONSOMMATEUR)
    if f.professionnel and faute == m.INDEMNITE_OUBLIEE:
        due = False
    return b.indemnite if due else ZERO


class Calcul:
    """One pass down the balance. Each step records the value its field should hold; a step
    the later ones start from carries on with the student's own value of that field when
    there is one (the error carried forward)."""

    def __init__(self, b: Balance, own: Mapping[str, Any], faute: str | None):
        self.b, self.own, self.faute = b, own, faute
        self.valeurs: dict[str, Any] = {}  # every field's value, by path, in form order
        # The rates the invoices' penalties run at, once ``les_taux`` has worked them out.
        self.taux = self.contrat = None
        self.echeances: list[date] = []  # the due dates ``factures`` worked out, by invoice

    def pose(self, path: str, valeur: Any) -> Any:
        """Record a step's value; what the next steps start from (the student's own if given)."""
        self.valeurs[path] = valeur
        return self.own.get(path, valeur)

    def les_taux(self) -> None:
        """The rates, which come before the invoices: the CGV's, the floor, a contract's."""
        self.taux = self.taux_cgv()
        plancher = self.plancher_exact()
        if not self.b.guide:
            plancher = self.pose("taux_plancher", plancher)
        self.contrat = self.taux_contrat(plancher)

    def taux_cgv(self) -> Decimal:
        """The organisation's rate: ECB + 10 points, or 3 × the legal rate, as its CGV say."""
        b, faute = self.b, self.faute
        if b.clause == "bce":
            taux = b.taux_bce if faute == m.TAUX_BCE_SANS_MAJORATION else b.taux_bce + DIX_POINTS
        else:
            taux = self.plancher_exact()
        return self.pose("taux_cgv", taux)

    def plancher_exact(self) -> Decimal:
        """3 × the legal interest rate of « other cases » (the creditor is a business)."""
        b, faute = self.b, self.faute
        if faute == m.TAUX_LEGAL_NON_TRIPLE:
            return b.taux_legal_autres
        if faute == m.TAUX_LEGAL_PARTICULIERS:
            return TROIS * b.taux_legal_particuliers
        return TROIS * b.taux_legal_autres

    def taux_contrat(self, plancher: Decimal) -> Decimal | None:
        """A customer's contract rate, raised to the floor when it is below (L441-10 II)."""
        contrat = self.b.taux_contrat
        if contrat is None:
            return None
        taux = contrat if self.faute == m.TAUX_CONTRAT_SOUS_PLANCHER else max(contrat, plancher)
        return self.pose("taux_contrat", taux)

    def taux_de(self, f: Facture) -> Decimal:
        """The rate of an invoice's penalties: its customer's contract rate (worked out by
        ``taux_contrat`` since the balance has one), else the CGV's."""
        return self.taux if f.taux_contrat is None else self.contrat

    def factures(self) -> None:
        """Each invoice's steps, in form order. ``pose`` written out for the three steps the
        later ones start from, the others only recorded, and what depends on the balance alone
        looked up once: this runs for each invoice at every grade (the reference)."""
        b, faute, v, own, echeances = self.b, self.faute, self.valeurs, self.own, self.echeances
        sans_fin_de_mois = faute == m.ECHEANCE_SANS_FIN_DE_MOIS
        for f, chemins in zip(b.factures, _CHEMINS, strict=False):
            p_echeance, p_retard, p_niveau, p_delai, p_reste, p_penalites, p_indemnite = chemins
            jour = echeance(f, sans_fin_de_mois)
            echeances.append(jour)
            if not b.guide:
                v[p_echeance] = jour
                jour = own.get(p_echeance, jour)
            v[p_retard] = retard = jours_retard(b, f, jour, faute)
            retard = own.get(p_retard, retard)
            v[p_niveau] = niveau_relance(b, retard)
            if f.professionnel and not b.guide:
                v[p_delai] = delai_legal(f, faute)
            base = reste_du(f, faute)
            if b.acomptes:
                v[p_reste] = base
                base = own.get(p_reste, base)
            taux = self.taux if f.taux_contrat is None else self.contrat  # ``taux_de``
            v[p_penalites] = penalites(base, taux, retard, faute)
            v[p_indemnite] = indemnite(b, f, retard, faute)

    def factures_reportees(self, ref: Calcul) -> None:
        """``factures`` without a wrong method, each step taken from the reference ``ref``
        when the student's own values it starts from are the reference's: a wrong days late
        changes only its row's step, penalties and indemnity (this pass runs at each grade of
        an answer with some wrong value)."""
        b, v, own, juste = self.b, self.valeurs, self.own, ref.valeurs
        for f, chemins in zip(b.factures, _CHEMINS, strict=False):
            p_echeance, p_retard, p_niveau, p_delai, p_reste, p_penalites, p_indemnite = chemins
            retard = juste_retard = juste[p_retard]
            if not b.guide:
                jour = v[p_echeance] = juste[p_echeance]
                sien = own.get(p_echeance, jour)
                if sien != jour:
                    retard = jours_retard(b, f, sien)
            v[p_retard] = retard
            retard = own.get(p_retard, retard)
            meme = retard == juste_retard  # ``==`` of Decimals: the same steps from it
            v[p_niveau] = juste[p_niveau] if meme else niveau_relance(b, retard)
            if p_delai in juste:
                v[p_delai] = juste[p_delai]
            base = reste = f.montant_ttc - f.deja_paye  # ``reste_du``
            if b.acomptes:
                v[p_reste] = base
                base = own.get(p_reste, base)
            if f.taux_contrat is None:  # ``taux_de`` of each pass
                taux, taux_juste = self.taux, ref.taux
            else:
                taux, taux_juste = self.contrat, ref.contrat
            if meme and base == reste and taux == taux_juste:
                v[p_penalites] = juste[p_penalites]
            else:
                v[p_penalites] = penalites(base, taux, retard)
            v[p_indemnite] = juste[p_indemnite] if meme else indemnite(b, f, retard)

    def valeur_seule(self, i: int, champ: str, echeances: list[date]) -> Any:
        """Invoice i's field ``champ`` (one the balance has) as ``factures`` gives it when there
        are no own values to carry, worked out alone: it depends only on the invoice, the rates
        and the invoice's earlier fields. A wrong method is looked for in a few fields of a
        balance, each without doing the whole balance that way. ``echeances``: the right due
        dates, those of every wrong method but one."""
        b, f, faute = self.b, self.b.factures[i], self.faute
        sans_fin_de_mois = faute == m.ECHEANCE_SANS_FIN_DE_MOIS
        jour = echeance(f, True) if sans_fin_de_mois else echeances[i]
        if champ == "echeance":
            return jour
        if champ == "delai_legal":
            return delai_legal(f, faute)
        retard = jours_retard(b, f, jour, faute)
        if champ == "jours_retard":
            return retard
        if champ == "niveau":
            return niveau_relance(b, retard)
        if champ == "indemnite":
            return indemnite(b, f, retard, faute)
        base = reste_du(f, faute)
        return base if champ == "reste_du" else penalites(base, self.taux_de(f), retard, faute)


_CHAMPS_FACTURE = (
    "echeance",
    "jours_retard",
    "niveau",
    "delai_legal",
    "reste_du",
    "penalites",
    "indemnite",
)
# The paths of each invoice's fields, in form order (``factures.2.penalites``…), by row.
_CHEMINS = tuple(
    tuple(f"factures.{i}.{nom}" for nom in _CHAMPS_FACTURE) for i in range(MAX_FACTURES)
)


def calcule(
    b: Balance,
    own: Mapping[str, Any] | None = None,
    faute: str | None = None,
    taux_seuls: bool = False,
) -> Calcul:
    """Every field's value but the letter's, by field path, in form order; ``taux_seuls``: the
    rates only, which come before the invoices (a wrong rate is tested on them alone)."""
    c = Calcul(b, own or {}, faute)
    c.les_taux()
    if not taux_seuls:
        c.factures()
    return c


def reporte(ref: Calcul, own: Mapping[str, Any]) -> Calcul:
    """``calcule(ref.b, own)``: the balance from the student's own values, worked out from the
    reference ``ref`` (``Calcul.factures_reportees``)."""
    c = Calcul(ref.b, own, None)
    c.les_taux()
    c.factures_reportees(ref)
    return c


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference answer, contract JSON (with a model letter that passes the checks)."""
    from agora.exercise.kinds.relances.lettre import modele

    b = lire_params(params)
    reponse = document(b, calcule(b).valeurs)
    reponse["lettre"] = modele(b, params)
    return reponse


_TYPES: dict[str, Any] = {}


def _type(path: str) -> Any:
    """The answer type of a field the solver writes (``factures.3.penalites``), looked up once."""
    from agora.exercise.kinds.relances.answer import ANSWER_SCHEMA

    if path not in _TYPES:
        _TYPES[path] = ANSWER_SCHEMA.champs[pattern_of(path)]
    return _TYPES[path]


def document(b: Balance, valeurs: Mapping[str, Any]) -> dict[str, Any]:
    """Field values as the answer JSON (nested, canonical strings), one row per invoice."""
    lignes: list[dict[str, str]] = [{} for _ in b.factures]
    racine: dict[str, Any] = {}
    for path, valeur in valeurs.items():
        texte = _type(path).canonical(valeur)
        parts = path.split(".")
        if parts[0] == "factures":
            lignes[int(parts[1])][parts[2]] = texte
        else:
            racine[path] = texte
    racine["factures"] = lignes
    return racine
