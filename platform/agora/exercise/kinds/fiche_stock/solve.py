"""The stock card computed: receipts at their purchase cost, issues and stock by the chosen method
(CMUP of the period, CMUP after each receipt, or PEPS), the reorder point and, at level 3, the
stock-taking difference; from the student's own earlier values when given (errors carried
forward), or done with one named wrong method (to recognise it in an answer)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_DOWN, Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from agora.exercise.kinds.fiche_stock.params import Fiche, Mouvement, lire_params
from agora.money import CENT, cents

# The named wrong methods (diagnostic codes); their messages are in messages.py.
FRAIS_OUBLIES = "FRAIS_OUBLIES"
FRAIS_NON_REPARTIS = "FRAIS_NON_REPARTIS"
CMUP_SANS_STOCK_INITIAL = "CMUP_SANS_STOCK_INITIAL"
CMUP_MOYENNE_SIMPLE = "CMUP_MOYENNE_SIMPLE"
CMUP_DERNIER_COUT = "CMUP_DERNIER_COUT"
CMUP_TRONQUE = "CMUP_TRONQUE"
PEPS_DERNIER_ENTRE = "PEPS_DERNIER_ENTRE"
ALERTE_SANS_SECURITE = "ALERTE_SANS_SECURITE"
COMMANDE_SANS_DELAI = "COMMANDE_SANS_DELAI"
COMMANDE_SUR_STOCK_THEORIQUE = "COMMANDE_SUR_STOCK_THEORIQUE"
ECART_INVERSE = "ECART_INVERSE"
ZERO = Decimal(0)


def divise(montant: Decimal, quantite: Decimal, tronque: bool = False) -> Decimal:
    """A unit cost to the cent (half up, or truncated for the wrong method); 0 for no quantity."""
    if not quantite:
        return ZERO
    return (montant / quantite).quantize(CENT, ROUND_DOWN) if tronque else cents(montant / quantite)


class Chemins(NamedTuple):
    """The answer paths of one movement's fields (``mouvements.3.stock_montant``)."""

    entree_cout_unitaire: str
    entree_montant: str
    sortie_montant: str
    stock_quantite: str
    stock_cout_unitaire: str
    stock_montant: str


@lru_cache(maxsize=64)  # by row index, a shape: every run of every grade writes the same ones
def chemins(i: int) -> Chemins:
    return Chemins(*(f"mouvements.{i}.{champ}" for champ in Chemins._fields))


class Calcul:
    """One pass down the card. ``pose`` records the value a field should hold and carries on
    with the student's own value of that field when there is one (the error carried forward)."""

    def __init__(self, fiche: Fiche, own: Mapping[str, Any], faute: str | None):
        self.f, self.own, self.faute = fiche, own, faute
        self.valeurs: dict[str, Any] = {}
        self.autres: dict[str, Decimal] = {}  # a second value accepted (the other rounding)
        self.lots: list[list[Decimal]] = []  # PEPS: [quantity, unit cost], oldest first
        self.cout_courant = fiche.si_cout
        self.dernier_cout = fiche.si_cout

    def pose(self, path: str, valeur: Any) -> Any:
        self.valeurs[path] = valeur
        mien = self.own.get(path)
        return valeur if mien is None or isinstance(mien, str) != isinstance(valeur, str) else mien

    def entree(self, i: int, m: Mouvement) -> tuple[Decimal, Decimal]:
        """The receipt's purchase cost: in all, net price × quantity + incidental costs; per unit,
        that ÷ quantity to the cent. Quantity × the unit cost is the other accepted amount."""
        if self.faute == FRAIS_OUBLIES:
            total = m.quantite * m.prix_net
        elif self.faute == FRAIS_NON_REPARTIS:
            total = m.quantite * (m.prix_net + m.frais)
        else:
            total = cents(m.quantite * m.prix_net + m.frais)
        exact = divise(total, m.quantite)
        p = chemins(i)
        cout = self.pose(p.entree_cout_unitaire, exact)
        par_unite = cents(m.quantite * cout)
        montant = cents(total) if cout == exact else par_unite
        if par_unite != montant:
            self.autres[p.entree_montant] = par_unite
        self.dernier_cout = cout
        return cout, self.pose(p.entree_montant, montant)

    def cmup_mouvement(self) -> tuple[Decimal, Decimal]:
        f = self.f
        q, v, cmup = f.si_quantite, cents(f.si_quantite * f.si_cout), f.si_cout
        for i, m in enumerate(f.mouvements):
            p = chemins(i)
            if m.entree:
                cout, montant = self.entree(i, m)
                q = self.pose(p.stock_quantite, q + m.quantite)
                v = self.pose(p.stock_montant, v + montant)
                cmup = self.pose(p.stock_cout_unitaire, self._nouveau_cmup(v, q, cmup, cout))
            else:
                sortie = self.pose(p.sortie_montant, cents(m.quantite * cmup))
                q = self.pose(p.stock_quantite, q - m.quantite)
                self.autres[p.stock_montant] = v - sortie
                v = self.pose(p.stock_montant, cents(q * cmup))
        self.cout_courant = cmup
        return q, v

    def _nouveau_cmup(self, v: Decimal, q: Decimal, avant: Decimal, cout: Decimal) -> Decimal:
        if self.faute == CMUP_DERNIER_COUT:
            return cout
        if self.faute == CMUP_MOYENNE_SIMPLE:
            return cents((avant + cout) / 2)
        return divise(v, q, self.faute == CMUP_TRONQUE)

    def peps(self) -> tuple[Decimal, Decimal]:
        f = self.f
        q, v = f.si_quantite, cents(f.si_quantite * f.si_cout)
        self.lots = [[f.si_quantite, f.si_cout]] if f.si_quantite else []
        for i, m in enumerate(f.mouvements):
            p = chemins(i)
            if m.entree:
                cout, montant = self.entree(i, m)
                self.lots.append([m.quantite, cout])
                q = self.pose(p.stock_quantite, q + m.quantite)
                v = self.pose(p.stock_montant, v + montant)
            else:
                dernier = self.faute == PEPS_DERNIER_ENTRE
                sortie = self.pose(p.sortie_montant, preleve(self.lots, m.quantite, dernier))
                q = self.pose(p.stock_quantite, q - m.quantite)
                v = self.pose(p.stock_montant, v - sortie)
        return q, v

    def cmup_periode(self) -> tuple[Decimal, Decimal]:
        f = self.f
        entrees = [(i, m) for i, m in enumerate(f.mouvements) if m.entree]
        montants = [self.entree(i, m)[1] for i, m in entrees]
        te_q = self.pose("total_entrees_quantite", sum((m.quantite for _, m in entrees), ZERO))
        te_v = self.pose("total_entrees_montant", sum(montants, ZERO))
        si_v = cents(f.si_quantite * f.si_cout)
        if self.faute == CMUP_SANS_STOCK_INITIAL:
            cmup = divise(te_v, te_q)
        elif self.faute == CMUP_MOYENNE_SIMPLE:
            couts = [f.si_cout] * bool(f.si_quantite) + [self.valeurs[k] for k in _couts(entrees)]
            cmup = divise(sum(couts, ZERO), Decimal(len(couts)))
        else:
            cmup = divise(si_v + te_v, f.si_quantite + te_q, self.faute == CMUP_TRONQUE)
        cmup = self.cout_courant = self.pose("cmup", cmup)
        ts_q = self.pose("total_sorties_quantite", total_sorties(f))
        ts_v = self.pose("total_sorties_montant", cents(ts_q * cmup))
        q = f.si_quantite + te_q - ts_q
        self.autres["stock_final_montant"] = si_v + te_v - ts_v
        return q, cents(q * cmup)


def total_sorties(fiche: Fiche) -> Decimal:
    return sum((m.quantite for m in fiche.mouvements if not m.entree), ZERO)


def _couts(entrees: list[tuple[int, Mouvement]]) -> list[str]:
    return [chemins(i).entree_cout_unitaire for i, _ in entrees]


def preleve(lots: list[list[Decimal]], quantite: Decimal, dernier: bool = False) -> Decimal:
    """The value of ``quantite`` taken from the lots, oldest first (PEPS) or newest first; the
    lots are reduced in place."""
    montant = ZERO
    while quantite > 0 and lots:
        lot = lots[-1] if dernier else lots[0]
        pris = min(quantite, lot[0])
        montant += cents(pris * lot[1])
        lot[0] -= pris
        quantite -= pris
        if not lot[0]:
            lots.remove(lot)
    return montant


def calcule(fiche: Fiche, own: Mapping[str, Any] | None = None, faute: str | None = None) -> Calcul:
    """Every field's value, by field path (``mouvements.2.stock_montant``), in form order."""
    c = Calcul(fiche, own or {}, faute)
    q, v = getattr(c, fiche.methode)()
    if fiche.methode != "cmup_periode":
        c.pose("total_sorties_quantite", total_sorties(fiche))
        c.pose("total_sorties_montant", sum(_sorties(c), ZERO))
    q = c.pose("stock_final_quantite", q)
    v = c.pose("stock_final_montant", v)
    stock = _inventaire(c, q, v) if fiche.inventaire else q
    _appro(c, q if faute == COMMANDE_SUR_STOCK_THEORIQUE else stock)
    return c


def _sorties(c: Calcul) -> list[Decimal]:
    sorties = [chemins(i).sortie_montant for i in range(len(c.f.mouvements))]
    return [c.own.get(p, c.valeurs[p]) for p in sorties if p in c.valeurs]


def _inventaire(c: Calcul, q: Decimal, v: Decimal) -> Decimal:
    """The physical count against the book stock; the difference valued as an issue (or, for a
    surplus, at the last cost) by the card's method. Returns the physical quantity."""
    inv = c.f.inventaire
    ecart = q - inv.quantite_comptee if c.faute == ECART_INVERSE else inv.quantite_comptee - q
    ecart = c.pose("inventaire.ecart_quantite", ecart)
    if c.f.methode != "peps":
        valeur = cents(ecart * c.cout_courant)
        c.autres["inventaire.stock_montant"] = cents(inv.quantite_comptee * c.cout_courant)
    elif ecart < 0:
        valeur = -preleve([list(lot) for lot in c.lots], -ecart)
    else:
        valeur = cents(ecart * c.dernier_cout)
    valeur = c.pose("inventaire.ecart_montant", valeur)
    c.pose("inventaire.explication", inv.constat)
    c.pose("inventaire.stock_montant", v + valeur)
    return inv.quantite_comptee


def _appro(c: Calcul, stock: Decimal) -> None:
    """Stock d'alerte = stock de sécurité + consommation pendant le délai; order when the stock
    is at or below it, enough to be back at the maximum on the day of delivery."""
    a = c.f.appro
    delai = c.pose("appro.consommation_delai", a.consommation_jour * a.delai_jours)
    securite = ZERO if c.faute == ALERTE_SANS_SECURITE else a.stock_securite
    alerte = c.pose("appro.stock_alerte", delai + securite)
    commander = c.pose("appro.commander", "oui" if stock <= alerte else "non")
    besoin = a.stock_maximum - stock + (ZERO if c.faute == COMMANDE_SANS_DELAI else delai)
    c.pose("appro.quantite", max(ZERO, besoin) if commander == "oui" else ZERO)


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference answer, contract JSON."""
    fiche = lire_params(params)
    return document(fiche, calcule(fiche).valeurs)


def document(fiche: Fiche, valeurs: Mapping[str, Any]) -> dict[str, Any]:
    """Field values as the answer JSON (nested, canonical strings), one row per movement."""
    from agora.exercise.kinds.fiche_stock.answer import type_champ

    lignes: list[dict[str, str]] = [{} for _ in fiche.mouvements]
    racine: dict[str, Any] = {"mouvements": lignes}
    for path, valeur in valeurs.items():
        texte = type_champ(path).canonical(valeur)
        parts = path.split(".")
        if parts[0] == "mouvements":
            lignes[int(parts[1])][parts[2]] = texte
        elif len(parts) == 2:
            racine.setdefault(parts[0], {})[parts[1]] = texte
        else:
            racine[path] = texte
    return racine
