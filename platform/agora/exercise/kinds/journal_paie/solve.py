"""The payroll entry, the amount and due date for each body, and the payment of the net salaries,
from the month's payslips (a benefit in kind: in the gross pay, neutralised at 708); also the same exercise done with each named wrong method (``faute``),
which the grader compares a wrong value with.

Every amount is a sum of amounts already rounded to the cent on the payslips: no rounding here.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from agora.exercise.journal import LigneEcriture
from agora.exercise.kinds.journal_paie import methodes as m
from agora.exercise.kinds.journal_paie.params import Paie, lire_params
from agora.exercise.kinds.journal_paie.regles import (
    DGFIP,
    ORGANISMES,
    ORGANISMES_COTISATIONS,
    PREVOYANCE,
    RETRAITE,
    URSSAF,
    mois_suivant,
    regles,
    reporte,
)
from agora.money import ZERO, fmt

# The accounts of the entry, and the sub-accounts accepted for each row.
BRUT, PATRONAL, NET, ACOMPTE, SECU, AUTRES, PAS, BANQUE, AVANTAGES = (
    "641",
    "645",
    "421",
    "425",
    "431",
    "437",
    "4421",
    "512",
    "708",
)
ACCEPTES = {
    BRUT: frozenset({"641", "6411"}),
    PATRONAL: frozenset({"645", "6451", "6452", "6453", "6454", "6458"}),
    SECU: frozenset({"431"}),
    AUTRES: frozenset({"437", *(f"437{k}" for k in range(1, 9))}),
    PAS: frozenset({"4421", "442"}),
    ACOMPTE: frozenset({"425"}),
    BANQUE: frozenset({"512", "5121"}),
    # Whatever the benefit; a variant adds the charge accounts its benefits reverse.
    AVANTAGES: frozenset(regles().avantages_nature.acceptes),
}
# The rows of the entry, in the order the solution writes them: (account, debit side).
ORDRE = (
    (BRUT, True),
    (PATRONAL, True),
    (SECU, False),
    (AUTRES, False),
    (PAS, False),
    (ACOMPTE, False),
    (AVANTAGES, False),
    (NET, False),
)
JOURNAL_PAIE, JOURNAL_BANQUE = "OD", "BQ"
VIREMENT = "Virement des salaires"  # the payment rows' label
LIBELLES = {
    BRUT: "Salaires bruts",
    PATRONAL: "Cotisations patronales",
    SECU: "URSSAF",
    AUTRES: "Retraite complémentaire et prévoyance",
    PAS: "Prélèvement à la source",
    ACOMPTE: "Acomptes versés",
    AVANTAGES: "Avantages en nature",
    NET: "Net à payer",
}

# The answer path of each body's amount and of its due date, spelled out once.
MONTANT_DE = {o: f"organismes.{o}.montant" for o in ORGANISMES}
ECHEANCE_DE = {o: f"organismes.{o}.echeance" for o in ORGANISMES}


class Totaux(NamedTuple):  # not a frozen dataclass: built at every grade, 3x faster
    """The month's sums over the payslips."""

    brut: Decimal
    salarial: dict[str, Decimal]  # by body
    patronal: dict[str, Decimal]
    net_avant_impot: Decimal
    pas: Decimal
    net_a_payer: Decimal  # before the advances
    acompte: Decimal
    avantages: Decimal  # in kind: in the gross pay, not paid

    @property
    def total_salarial(self) -> Decimal:
        return sum(self.salarial.values(), ZERO)

    @property
    def total_patronal(self) -> Decimal:
        return sum(self.patronal.values(), ZERO)


def totaux(p: Paie) -> Totaux:
    """The month's sums, in one pass over the payslips."""
    salarial = {o: ZERO for o in ORGANISMES[:-1]}
    patronal = dict(salarial)
    brut = net_avant_impot = pas = net_a_payer = acompte = avantages = ZERO
    for b in p.bulletins:
        for o, (part_salariale, part_patronale) in b.parts.items():
            salarial[o] += part_salariale
            patronal[o] += part_patronale
        brut += b.brut
        net_avant_impot += b.net_avant_impot
        pas += b.pas
        net_a_payer += b.net_a_payer
        acompte += b.acompte
        avantages += b.total_avantages
    return Totaux(brut, salarial, patronal, net_avant_impot, pas, net_a_payer, acompte, avantages)


def organismes_payes(p: Paie) -> tuple[str, ...]:
    """The bodies the month pays: those the payslips' lines name, and always the DGFiP (the
    DSN declares the tax withheld, even at 0)."""
    vus = {o for b in p.bulletins for o in b.parts}
    return (*(o for o in ORGANISMES[:-1] if o in vus), DGFIP)


def jour_regle(p: Paie) -> int:
    return regles().jour_echeance(p.effectif, p.paie_dans_le_mois)


def echeance(p: Paie, jour: int | None = None, report: bool = True) -> date:
    """The due date: the 5th or the 15th of the next month, postponed past a non-working day."""
    brute = mois_suivant(p.annee, p.mois, jour or jour_regle(p))
    return reporte(brute) if report else brute


def calcule(p: Paie, faute: str | None = None, t: Totaux | None = None) -> dict[str, Any]:
    """The values of the exercise by answer path, done right or with the wrong method ``faute``:
    each row of the entry by its account, each body's amount and due date, the net paid.
    ``t``: the payslips' ``totaux`` when already summed."""
    t = t or totaux(p)
    justes = _justes(p, t)
    return justes | ecarts(p, faute, t, justes) if faute else justes


def _justes(p: Paie, t: Totaux) -> dict[str, Any]:
    """The values of the exercise done right, by answer path."""
    montants = {o: t.salarial[o] + t.patronal[o] for o in ORGANISMES_COTISATIONS}
    montants[DGFIP] = t.pas
    v: dict[str, Any] = {
        BRUT: t.brut,
        PATRONAL: t.total_patronal,
        SECU: montants[URSSAF],
        AUTRES: montants[RETRAITE] + montants[PREVOYANCE],
        PAS: t.pas,
        ACOMPTE: t.acompte,
        AVANTAGES: t.avantages,
        NET: t.net_a_payer - t.acompte,
    }
    jour = echeance(p)
    for o in organismes_payes(p):
        v[MONTANT_DE[o]] = montants[o]
        v[ECHEANCE_DE[o]] = jour
    v["net_verse"] = v[NET]
    return v


def ecarts(p: Paie, faute: str, t: Totaux, justes: dict[str, Any]) -> dict[str, Any]:
    """The values the wrong method ``faute`` changes, by answer path (a grader asks for a wrong
    method's values at every grade: only what it changes is worked out)."""
    if faute == m.CHARGES_PATRONALES_EN_641:
        return {BRUT: t.brut + t.total_patronal, PATRONAL: ZERO}
    if faute == m.COTISATIONS_SALARIALES_EN_645:
        return {BRUT: t.brut - t.total_salarial, PATRONAL: t.total_patronal + t.total_salarial}
    if faute == m.NET_AVANT_IMPOT_EN_421:
        return _net(t.net_avant_impot - t.acompte)
    if faute == m.PAS_OUBLIE:
        return {
            PAS: ZERO,
            **_net(t.net_avant_impot - t.acompte),
            **_montant_organisme(justes, DGFIP, ZERO),
        }
    if faute == m.URSSAF_PART_SALARIALE:
        return {SECU: t.salarial[URSSAF], **_montant_organisme(justes, URSSAF, t.salarial[URSSAF])}
    if faute == m.ACOMPTE_OUBLIE:
        return {ACOMPTE: ZERO, **_net(t.net_a_payer)}
    if faute == m.AVANTAGE_OUBLIE_AU_BRUT:
        return {BRUT: t.brut - t.avantages, AVANTAGES: ZERO}
    if faute == m.AVANTAGE_VERSE_EN_ESPECES:
        return {AVANTAGES: ZERO, **_net(justes[NET] + t.avantages)}
    if faute == m.ECHEANCE_CONFONDUE:  # the 5th for the 15th, the 15th for the 5th
        return _echeances(p, echeance(p, 20 - jour_regle(p)))
    if faute == m.ECHEANCE_NON_REPORTEE:
        return _echeances(p, echeance(p, report=False))
    return {}


def _net(net: Decimal) -> dict[str, Decimal]:
    """The net à payer of the entry (421), and the net paid with it."""
    return {NET: net, "net_verse": net}


def _montant_organisme(
    justes: dict[str, Any], organisme: str, montant: Decimal
) -> dict[str, Decimal]:
    """A body's amount, when the month pays that body."""
    path = MONTANT_DE[organisme]
    return {path: montant} if path in justes else {}


def _echeances(p: Paie, jour: date) -> dict[str, date]:
    """Every body's due date."""
    return {ECHEANCE_DE[o]: jour for o in organismes_payes(p)}


def ecriture(p: Paie, v: dict[str, Any]) -> list[LigneEcriture]:
    """The payroll entry of the month (rows at 0 left out)."""
    piece_paie, jour = piece(p), p.date_paie
    lignes = []
    for compte, au_debit in ORDRE:
        montant = v[compte]
        if not montant:
            continue
        debit, credit = (montant, ZERO) if au_debit else (ZERO, montant)
        acceptes = (
            comptes_avantages(p) if compte == AVANTAGES else ACCEPTES.get(compte, frozenset())
        )
        # By position (compte, debit, credit, libelle, piece, journal, date, acceptes): the
        # entry is built at every grade.
        ligne = (compte, debit, credit, LIBELLES[compte], piece_paie, JOURNAL_PAIE, jour, acceptes)
        lignes.append(LigneEcriture(*ligne))
    return lignes


def comptes_avantages(p: Paie) -> frozenset[str]:
    """The accounts accepted to neutralise the month's benefits in kind (708, 7088, 791, and
    the charge accounts their nature reverses: 601, 602, 607 for meals…)."""
    libelles = (a.libelle for b in p.bulletins for a in b.avantages)
    return regles().avantages_nature.comptes(libelles)


def reglement(p: Paie, net: Decimal) -> list[LigneEcriture]:
    """The payment of the net salaries by bank transfer on the pay day."""
    virement, jour = f"VIR-{piece(p)}", p.date_paie
    # By position (compte, debit, credit, libelle, piece, journal, date, acceptes), as the
    # entry's rows: a grade builds them once, twice when the student's net differs.
    return [
        LigneEcriture(NET, net, ZERO, VIREMENT, virement, JOURNAL_BANQUE, jour),
        LigneEcriture(
            BANQUE, ZERO, net, VIREMENT, virement, JOURNAL_BANQUE, jour, ACCEPTES[BANQUE]
        ),
    ]


def piece(p: Paie) -> str:
    return f"PAIE-{p.annee}-{p.mois:02d}"


def document(p: Paie, v: dict[str, Any]) -> dict[str, Any]:
    """The contract JSON of the solution (or of an answer done with a wrong method)."""
    r = regles()
    return {
        "ecriture": [ligne.to_json() for ligne in ecriture(p, v)],
        "organismes": {
            o: {
                "libelle": r.organismes[o].libelle,
                "compte": r.organismes[o].compte,
                "montant": fmt(v[MONTANT_DE[o]]),
                "echeance": v[ECHEANCE_DE[o]].isoformat(),
            }
            for o in organismes_payes(p)
        },
        "reglement": [ligne.to_json() for ligne in reglement(p, v["net_verse"])],
    }


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference solution, contract JSON."""
    p = lire_params(params)
    return document(p, calcule(p))
