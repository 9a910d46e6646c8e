"""The cash budget computed month by month: each receipt and payment row, the totals, the month's
net, the opening and closing cash, the months under strain and the remedy; from the student's own
earlier values when given (errors carried forward), or done with one named wrong method (to
recognise it in an answer).

Rounding: each TTC amount and each instalment is rounded half up to the cent (the last
instalment takes the remainder, so that the instalments add up to the TTC amount)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from agora.exercise.kinds.budget_tresorerie.answer import (
    CALCULS,
    DECAISSEMENTS,
    ENCAISSEMENTS,
    SOLDES,
    type_champ,
)
from agora.exercise.kinds.budget_tresorerie.params import MAX_MOIS, Budget, lire_params, tranches
from agora.exercise.kinds.budget_tresorerie.regles import regles
from agora.money import ZERO

# When VAT, social charges and wages are paid: months after the month they belong to.
APRES_TVA = regles().tva.decalage_mois
APRES_COTISATIONS = regles().cotisations_sociales.decalage_mois
APRES_SALAIRES = regles().salaires.decalage_mois

# The named wrong methods (diagnostic codes); their messages are in messages.py.
VENTES_HT = "VENTES_HT"
ENCAISSEMENT_MOIS_VENTE = "ENCAISSEMENT_MOIS_VENTE"
SUBVENTION_ENTIERE = "SUBVENTION_ENTIERE"
ACHATS_HT = "ACHATS_HT"
INVESTISSEMENT_HT = "INVESTISSEMENT_HT"
CHARGES_SOCIALES_MEME_MOIS = "CHARGES_SOCIALES_MEME_MOIS"
TVA_MEME_MOIS = "TVA_MEME_MOIS"
TVA_DEDUCTIBLE_OUBLIEE = "TVA_DEDUCTIBLE_OUBLIEE"
SOLDE_INVERSE = "SOLDE_INVERSE"
SOLDE_CUMULE = "SOLDE_CUMULE"
DEBUT_NON_REPORTE = "DEBUT_NON_REPORTE"
TENSION_SOUS_ZERO = "TENSION_SOUS_ZERO"
DECOUVERT_BESOIN_DURABLE = "DECOUVERT_BESOIN_DURABLE"

# Each field's path by month and name, written once (a grading runs down the budget often).
CHEMINS = tuple(
    {
        nom: f"mois.{j}.{nom}"
        for nom in (*ENCAISSEMENTS, *DECAISSEMENTS, *CALCULS, *SOLDES, "tension")
    }
    for j in range(MAX_MOIS)
)
# The paths of the steps of each month, in the order they are computed.
ETAPES = tuple(tuple(chemins[nom] for nom in (*CALCULS, *SOLDES, "tension")) for chemins in CHEMINS)


def flux(b: Budget, faute: str | None = None) -> dict[str, list[Decimal]]:
    """Each row of the budget, month by month (params alone: no student value enters them)."""
    enc, dec = b.lignes()
    return {nom: LIGNES[nom](b, faute) for nom in (*enc, *dec)}


def _ajoute(row: list[Decimal], mois: int, montant: Decimal) -> None:
    """Adds to the month's amount; an operation outside the budget's months adds nothing."""
    if 0 <= mois < len(row):
        row[mois] += montant


def _ventes(b: Budget, faute: str | None) -> list[Decimal]:
    row, n = [ZERO] * b.n, b.n
    for v in b.ventes:
        if faute == ENCAISSEMENT_MOIS_VENTE:
            _ajoute(row, v.mois, v.ttc)
            continue
        montants = tranches(v.montant_ht, v.parts) if faute == VENTES_HT else v.encaissements
        for j, montant in enumerate(montants, v.mois):
            if 0 <= j < n:  # ``_ajoute`` written out: every instalment of every sale, each run
                row[j] += montant
    return row


def _subvention(b: Budget, faute: str | None) -> list[Decimal]:
    row, s = [ZERO] * b.n, b.subvention
    if s is None:
        return row  # no grant: the row is never shown
    if faute == SUBVENTION_ENTIERE:
        _ajoute(row, s.versements[0][0], s.montant)
        return row
    parts = tuple(p for _, p in s.versements)
    for (mois, _), montant in zip(s.versements, tranches(s.montant, parts), strict=True):
        _ajoute(row, mois, montant)
    return row


def _achats(b: Budget, faute: str | None) -> list[Decimal]:
    row = [ZERO] * b.n
    for a in b.achats:
        montant = a.montant_ht if faute == ACHATS_HT else a.ttc
        _ajoute(row, a.mois + a.delai, montant)
    return row


def _salaires(b: Budget, faute: str | None) -> list[Decimal]:
    row = [ZERO] * b.n
    for s in b.salaires:
        _ajoute(row, s.mois + APRES_SALAIRES, s.net)
    return row


def _charges_sociales(b: Budget, faute: str | None) -> list[Decimal]:
    row = [ZERO] * b.n
    decalage = APRES_SALAIRES if faute == CHARGES_SOCIALES_MEME_MOIS else APRES_COTISATIONS
    for s in b.salaires:
        _ajoute(row, s.mois + decalage, s.charges)
    return row


def _investissement(b: Budget, faute: str | None) -> list[Decimal]:
    row, x = [ZERO] * b.n, b.investissement
    if x is None:
        return row  # no investment: the row is never shown
    montant = x.montant_ht if faute == INVESTISSEMENT_HT else x.ttc
    _ajoute(row, x.mois, montant)
    return row


# How each row of the budget is computed (with a wrong method or not).
LIGNES: dict[str, Callable[[Budget, str | None], list[Decimal]]] = {
    "ventes": _ventes,
    "subvention": _subvention,
    "achats": _achats,
    "salaires": _salaires,
    "charges_sociales": _charges_sociales,
    "tva": lambda b, faute: tva_a_payer(b, faute),
    "emprunt": lambda b, faute: [ZERO + b.emprunt] * b.n,
    "charges_fixes": lambda b, faute: [ZERO + b.charges_fixes] * b.n,
    "investissement": _investissement,
}
# The one row each wrong method of the rows changes (the others change no row).
LIGNE_FAUSSE = {
    VENTES_HT: "ventes",
    ENCAISSEMENT_MOIS_VENTE: "ventes",
    SUBVENTION_ENTIERE: "subvention",
    ACHATS_HT: "achats",
    INVESTISSEMENT_HT: "investissement",
    CHARGES_SOCIALES_MEME_MOIS: "charges_sociales",
    TVA_MEME_MOIS: "tva",
    TVA_DEDUCTIBLE_OUBLIEE: "tva",
}


def tva_par_mois(b: Budget, faute: str | None) -> dict[int, Decimal]:
    """By month invoiced: VAT collected on the month's sales − VAT deductible on its purchases
    and investment (one pass over the operations, not one per month)."""
    tva: dict[int, Decimal] = {}
    for v in b.ventes:
        tva[v.mois] = tva.get(v.mois, ZERO) + (v.ttc - v.montant_ht)
    if faute == TVA_DEDUCTIBLE_OUBLIEE:
        return tva
    deductibles = [*b.achats, *([b.investissement] if b.investissement else [])]
    for a in deductibles:
        tva[a.mois] = tva.get(a.mois, ZERO) - (a.ttc - a.montant_ht)
    return tva


def tva_a_payer(b: Budget, faute: str | None = None) -> list[Decimal]:
    """The VAT paid each month: the previous month's net VAT (a credit is carried to the next
    month's return and nothing is paid)."""
    decalage = 0 if faute == TVA_MEME_MOIS else APRES_TVA
    tva = tva_par_mois(b, faute)
    payee, credit = [], ZERO
    for j in range(b.n):
        due = tva.get(j - decalage, ZERO) - credit
        credit = -due if due < 0 else ZERO
        payee.append(max(due, ZERO))
    return payee


def remede(
    b: Budget,
    fins: list[Decimal],
    tensions: list[str],
    faute: str | None,
) -> str:
    """The decision rule of the contract: no strain, none; strain that the investment alone
    causes, postpone it; one month short by no more than the overdraft the bank grants, an
    authorised overdraft; a company whose customers owe, each month under strain, at least
    what is missing, its receivables mobilised; otherwise lasting financing."""
    tendus = [j for j, t in enumerate(tensions) if t == "oui"]
    if not tendus:
        return "aucune"
    x = b.investissement
    if x:
        montant = x.ttc
        if all(fin + (montant if j >= x.mois else ZERO) >= b.seuil for j, fin in enumerate(fins)):
            return "report_investissement"
    besoin = max(b.seuil - fins[j] for j in tendus)
    if len(tendus) == 1 and besoin <= b.decouvert_maximum:
        return "decouvert"
    if faute == DECOUVERT_BESOIN_DURABLE:
        return "decouvert"
    if all(b.creances_clients[j] >= b.seuil - fins[j] for j in tendus):
        return "affacturage"
    return "apport"


class Calcul:
    """One pass down the budget: ``valeurs`` the value each field should hold (from the
    student's earlier values when given), ``flux`` the rows of this method."""

    def __init__(
        self,
        b: Budget,
        own: Mapping[str, Any] | None,
        faute: str | None,
        lignes: dict[str, list[Decimal]] | None = None,
    ):
        self.b, self.faute = b, faute
        self.own = own or {}
        self.valeurs: dict[str, Any] = {}
        self.lignes = flux(b, faute) if lignes is None else lignes
        self.enc, self.dec = b.lignes()

    def du_mois(self, j: int, noms: tuple[str, ...]) -> Decimal:
        """The total of these rows in month ``j``, each written down in a whole run; carried
        on from the student's values in a run from their values (the rows come from the params
        alone, so there they equal the whole run's and need not be written again). One loop,
        no list to sum: it runs twice a month in each of a grade's two runs."""
        chemins, lignes, total = CHEMINS[j], self.lignes, ZERO
        if self.own:
            get = self.own.get
            for nom in noms:
                total += get(chemins[nom], lignes[nom][j])
            return total
        valeurs = self.valeurs
        for nom in noms:
            valeur = valeurs[chemins[nom]] = lignes[nom][j]
            total += valeur
        return total

    def budget(self) -> None:
        """Every month's fields, then the remedy. Each step is written down in ``valeurs``
        and the next ones go on from the student's value of it when they gave one: the steps
        of ``Etapes.put``, written out (six a month, in each of a grade's two runs: a call
        each cost more than the step)."""
        b, faute, valeurs, sien = self.b, self.faute, self.valeurs, self.own.get
        seuil = ZERO if faute == TENSION_SOUS_ZERO else b.seuil
        debut, cumul, fins, tensions = b.tresorerie_initiale, ZERO, [], []
        for j in range(b.n):
            recu_, paye_, solde_, debut_, fin_, tension_ = ETAPES[j]
            recu, paye = self.du_mois(j, self.enc), self.du_mois(j, self.dec)  # rows, totals
            valeurs[recu_], valeurs[paye_] = recu, paye
            net = sien(recu_, recu) - sien(paye_, paye)
            cumul += net  # the nets' running total (SOLDE_CUMULE): sums of amounts, exact
            if faute == SOLDE_CUMULE:  # the closing cash is right: start + cumul
                valeurs[solde_], solde = cumul, net
            else:
                solde = valeurs[solde_] = -net if faute == SOLDE_INVERSE else net
                solde = sien(solde_, solde)
            if faute == DEBUT_NON_REPORTE:
                debut = b.tresorerie_initiale
            valeurs[debut_] = debut
            debut = sien(debut_, debut)
            fin = valeurs[fin_] = debut + solde
            fin = sien(fin_, fin)
            tension = valeurs[tension_] = "oui" if fin < seuil else "non"
            fins.append(fin)
            tensions.append(sien(tension_, tension))
            debut = fin
        valeurs["remede"] = remede(b, fins, tensions, faute)


def calcule(
    b: Budget,
    own: Mapping[str, Any] | None = None,
    faute: str | None = None,
    lignes: dict[str, list[Decimal]] | None = None,
) -> Calcul:
    """Every field's value, by field path (``mois.0.ventes``…), in the order of the form; from
    the student's values ``own``, only the fields computed from earlier ones (totals, net,
    cash, strain, remedy). ``lignes``: the rows of this method when already computed."""
    c = Calcul(b, own, faute, lignes)
    c.budget()
    return c


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference answer, contract JSON."""
    b = lire_params(params)
    return document(b, calcule(b).valeurs)


def document(b: Budget, valeurs: Mapping[str, Any]) -> dict[str, Any]:
    """Field values as the answer JSON (nested, canonical strings)."""
    mois: list[dict[str, str]] = [{} for _ in range(b.n)]
    racine: dict[str, Any] = {"mois": mois}
    for path, valeur in valeurs.items():
        texte = type_champ(path).canonical(valeur)
        if path == "remede":
            racine["remede"] = texte
        else:
            _, j, champ = path.split(".")
            mois[int(j)][champ] = texte
    return racine
