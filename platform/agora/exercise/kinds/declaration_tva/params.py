"""The params of a ``declaration_tva`` variant: read and checked, with one French line when unusable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from agora.errors import InvalidInput
from agora.exercise.kinds.declaration_tva.baremes import bareme_tva
from agora.exercise.params import (
    HUNDRED,
    MONTANT_MAX,
    lire_liste,
    lire_montant,
    lire_nombre,
    lire_objet,
    taux_str,
)
from agora.money import cents, contract_decimal

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "declaration_tva"

# The CA3 line of each rate (France métropolitaine), in the form's order, from the barème.
LIGNE_DU_TAUX = {t.taux: t.ligne_ca3 for t in bareme_tva(2026).taux}
# The same rates on the annual CA12 of the régime simplifié (3517-S-SD): 5A, 06, 6C, 09.
LIGNE_CA12 = {t.taux: t.ligne_ca12 for t in bareme_tva(2026).taux}
CA3, CA12 = "ca3_mensuelle", "ca12"
REGIMES = {
    CA3: "Déclaration mensuelle CA3 (régime réel normal)",
    CA12: "Déclaration annuelle CA12 (régime simplifié), avec ses acomptes",
}
TAUX_UE = Decimal(20)  # the goods acquired in the EU are all at the normal rate (simplification)
NATURES_ACHAT = ("biens_services", "immobilisation", "non_deductible")
MAX_LIGNES = 12
# The rates a row may have, as numbers: « 20 », « 20.0 » and « 2E+1 » are all the normal one.
_TAUX_ADMIS = frozenset(Decimal(t) for t in LIGNE_DU_TAUX)


# Rows are named tuples, not frozen dataclasses: built twice as fast (a return has a dozen,
# read again at every grade), read the same way.
class Vente(NamedTuple):
    """A taxable sale of the month (HT), or a receipt on a service (TTC) at level 3."""

    libelle: str
    taux: Decimal
    montant: Decimal


class Achat(NamedTuple):
    piece: str
    fournisseur: str
    libelle: str
    nature: str
    montant_ht: Decimal
    taux: Decimal
    tva: Decimal


@dataclass(frozen=True)
class Declaration:
    """Typed, validated params."""

    periode: str  # "2026-03"
    date_declaration: date
    ventes: tuple[Vente, ...]  # HT, VAT due this month
    encaissements: tuple[Vente, ...]  # TTC received on services (VAT on receipts)
    prestations_facturees: tuple[Vente, ...]  # HT invoiced, not yet received: not due
    exonerees: tuple[Vente, ...]  # exempt receipts: on no line of the return
    achats: tuple[Achat, ...]
    acquisitions_ue: tuple[Achat, ...]
    credit_anterieur: Decimal
    regime: str = CA3
    # CA12 only: the line 57 of the previous year's CA12, base of this year's two acomptes.
    base_acomptes: Decimal = Decimal(0)

    @property
    def taux(self) -> tuple[str, ...]:
        """The rates of the CA3 lines to fill, in the form's order."""
        presents = {taux_str(v.taux) for v in (*self.ventes, *self.encaissements)}
        if self.acquisitions_ue:
            presents.add(taux_str(TAUX_UE))
        return tuple(t for t in LIGNE_DU_TAUX if t in presents)


def _taux(raw: Any, where: str) -> Decimal:
    """The rate of the row ``where``."""
    value = lire_nombre(raw, f"taux de {where}", "taux")
    if value not in _TAUX_ADMIS:
        raise InvalidInput(f"Paramètres : taux de {where} doit être 20, 10, 5.5 ou 2.1.")
    return value


def _montant(raw: Any, quoi: str, where: str) -> Decimal:
    """The amount ``quoi`` of the row ``where``: the contract's writing of a right amount read at
    once (what ``lire_montant`` gives it), anything else by ``lire_montant`` and its message."""
    value = contract_decimal(raw)
    if value is not None and 0 <= value < MONTANT_MAX and value == cents(value):
        return value
    return lire_montant(raw, f"{quoi} de {where}")


def _texte(raw: Any, longueur: int = 120) -> str:
    return str(raw)[:longueur] if raw is not None else ""


def _vente(raw: Any, where: str, champ: str, taxable: bool = True) -> Vente:
    row = lire_objet(raw, where)
    taux = _taux(row.get("taux"), where) if taxable else Decimal(0)
    return Vente(_texte(row.get("libelle")), taux, _montant(row.get(champ), champ, where))


def _achat(raw: Any, where: str, ue: bool) -> Achat:
    row = lire_objet(raw, where)
    nature = "biens_services" if ue else row.get("nature")
    if nature not in NATURES_ACHAT:
        raise InvalidInput(f"Paramètres : nature de {where} inconnue ({', '.join(NATURES_ACHAT)}).")
    montant = _montant(row.get("montant_ht"), "montant_ht", where)
    taux = TAUX_UE if ue else _taux(row.get("taux"), where)
    tva = cents(montant * taux / HUNDRED) if ue else _montant(row.get("tva"), "tva", where)
    if not ue and abs(tva - montant * taux / HUNDRED) > 1:
        raise InvalidInput(f"Paramètres : la TVA de {where} ne correspond pas à son taux.")
    fournisseur = _texte(row.get("fournisseur"))
    return Achat(
        _texte(row.get("piece"), 30),
        fournisseur,
        _texte(row.get("libelle")),
        nature,
        montant,
        taux,
        tva,
    )


def _lignes(p: dict[str, Any], cle: str, lire: Any) -> tuple[Any, ...]:
    return tuple(
        lire(r, f"{cle} {i + 1}") for i, r in enumerate(lire_liste(p.get(cle, []), cle, MAX_LIGNES))
    )


def _date(raw: Any) -> date:
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        raise InvalidInput("Paramètres : date_declaration doit être une date ISO.") from None


def _periode(raw: Any, regime: str) -> str:
    """A month (2026-03) for the CA3, a calendar year (2026) for the CA12."""
    jour = f"{raw}-01-01" if regime == CA12 else f"{raw}-01"
    try:
        date.fromisoformat(jour)
    except (TypeError, ValueError):
        attendu = "une année (2026)" if regime == CA12 else "un mois (2026-03)"
        raise InvalidInput(f"Paramètres : periode doit être {attendu}.") from None
    return raw


def lire_params(params: Any) -> Declaration:
    """Validate the contract params; InvalidInput with one French line when they are unusable."""
    p = lire_objet(params, "l'ensemble")
    regime = p.get("regime", CA3)
    if not isinstance(regime, str) or regime not in REGIMES:
        raise InvalidInput("Paramètres : regime vaut « ca3_mensuelle » ou « ca12 ».")
    d = Declaration(
        periode=_periode(p.get("periode"), regime),
        date_declaration=_date(p.get("date_declaration")),
        ventes=_lignes(p, "ventes", lambda r, w: _vente(r, w, "montant_ht")),
        encaissements=_lignes(p, "encaissements", lambda r, w: _vente(r, w, "montant_ttc")),
        prestations_facturees=_lignes(
            p, "prestations_facturees", lambda r, w: _vente(r, w, "montant_ht")
        ),
        exonerees=_lignes(p, "exonerees", lambda r, w: _vente(r, w, "montant", False)),
        achats=_lignes(p, "achats", lambda r, w: _achat(r, w, False)),
        acquisitions_ue=_lignes(p, "acquisitions_ue", lambda r, w: _achat(r, w, True)),
        credit_anterieur=lire_montant(p.get("credit_anterieur", "0.00"), "credit_anterieur"),
        regime=regime,
        base_acomptes=lire_montant(p.get("base_acomptes", "0.00"), "base_acomptes"),
    )
    if regime == CA12:
        _annuelle(d, p)
    if not d.ventes and not d.encaissements:
        raise InvalidInput("Paramètres : il faut au moins une vente ou un encaissement taxable.")
    return d


def _annuelle(d: Declaration, p: dict[str, Any]) -> None:
    """The CA12 covers a calendar year of sales and invoices: no receipts on services nor EU
    acquisitions (not offered on this CA12), and the base of the year's acomptes."""
    if d.encaissements or d.prestations_facturees or d.acquisitions_ue:
        raise InvalidInput(
            "Paramètres : la CA12 ne prend ni encaissements, ni prestations_facturees, "
            "ni acquisitions_ue."
        )
    if "base_acomptes" not in p:
        raise InvalidInput("Paramètres : la CA12 demande base_acomptes (ligne 57 de l'an passé).")


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
