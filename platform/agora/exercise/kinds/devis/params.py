"""The params of a ``devis`` variant: read and checked, with one French line when unusable."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from agora.errors import InvalidInput
from agora.exercise import params as kit
from agora.money import contract_decimal

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "devis"

MAX_LIGNES, MAX_REMISES = 30, 4
# What the customer pays on signing: its legal nature decides what a withdrawal costs.
NATURES = ("acompte", "arrhes")
# The gap between an order line and the delivery note (level 3).
ECARTS = ("conforme", "manquant", "partiel", "excedent", "reference")


class Ligne(NamedTuple):
    reference: str
    designation: str
    unite: str
    quantite: Decimal
    prix: Decimal
    taux: Decimal


class Port(NamedTuple):
    """The CGV's rule: ``forfait`` HT is charged below ``franco`` HT of goods after remises."""

    libelle: str
    forfait: Decimal
    franco: Decimal
    taux: Decimal


class Livre(NamedTuple):
    """What the delivery note shows for one order line: the reference delivered (None: the
    line is absent from the note) and its quantity."""

    reference: str | None
    quantite: Decimal


class Devis(NamedTuple):
    """Typed, validated params. ``taux`` are the distinct VAT rates in order of appearance.

    Named tuples, not frozen dataclasses (as its lines, port and delivery): the params are
    read at every grade, and a frozen dataclass's __init__ costs a call per field."""

    date_devis: date
    lignes: tuple[Ligne, ...]
    remises: tuple[Decimal, ...]
    port: Port | None
    validite_jours: int
    nature: str
    part: Decimal  # percent of the TTC paid on signing
    livraison: tuple[Livre, ...]  # empty below level 3
    taux: tuple[Decimal, ...]


def _taux(raw: Any, where: str) -> Decimal:
    value = kit.lire_nombre(raw, where, "taux")
    if not 0 <= value < kit.HUNDRED:
        raise InvalidInput(f"Paramètres : {where} doit être compris entre 0 et 100 (exclu).")
    return value


def _ligne(raw: Any, i: int) -> Ligne:
    """A line: written as the contract writes it and valid at sight, read without the calls
    and the place names its refusals would need (every line, at every grade); anything else
    read by ``_ligne_lue``, with its message."""
    if type(raw) is dict:
        quantite = contract_decimal(raw.get("quantite"))
        prix = raw.get("prix_unitaire_ht")
        taux = contract_decimal(raw.get("taux_tva"))
        if (
            quantite is not None
            and quantite > 0
            and type(prix) is str
            and kit.MONTANT_ECRIT.fullmatch(prix)
            and taux is not None
            and 0 <= taux < kit.HUNDRED
        ):
            return Ligne(
                str(raw["reference"] if "reference" in raw else f"L{i + 1}")[:40],
                str(raw.get("designation", ""))[:120],
                str(raw.get("unite", ""))[:20],
                quantite,
                Decimal(prix),
                taux,
            )
    return _ligne_lue(raw, i)


def _ligne_lue(raw: Any, i: int) -> Ligne:
    """A line read step by step, refused with the message of its first unusable value."""
    where = f"ligne {i + 1}"
    row = kit.lire_objet(raw, f"la {where}")
    quantite = kit.lire_nombre(row.get("quantite"), f"quantité de la {where}")
    if quantite <= 0:
        raise InvalidInput(f"Paramètres : la quantité de la {where} doit être positive.")
    return Ligne(
        reference=str(row.get("reference", f"L{i + 1}"))[:40],
        designation=str(row.get("designation", ""))[:120],
        unite=str(row.get("unite", ""))[:20],
        quantite=quantite,
        prix=kit.lire_montant(row.get("prix_unitaire_ht"), f"prix unitaire HT de la {where}"),
        taux=_taux(row.get("taux_tva"), f"taux de TVA de la {where}"),
    )


def _port(raw: Any, taux: tuple[Decimal, ...]) -> Port | None:
    if raw is None:
        return None
    row = kit.lire_objet(raw, "port")
    port = Port(
        libelle=str(row.get("libelle", "frais de port"))[:40],
        forfait=kit.lire_montant(row.get("forfait_ht"), "port.forfait_ht"),
        franco=kit.lire_montant(row.get("franco_ht"), "port.franco_ht"),
        taux=_taux(row.get("taux_tva"), "port.taux_tva"),
    )
    if port.taux not in taux:
        raise InvalidInput("Paramètres : port.taux_tva doit être l'un des taux des lignes.")
    return port


def _versement(raw: Any) -> tuple[str, Decimal]:
    row = kit.lire_objet(raw, "versement")
    nature = row.get("nature")
    if nature not in NATURES:
        raise InvalidInput("Paramètres : versement.nature vaut « acompte » ou « arrhes ».")
    part = _taux(row.get("taux"), "versement.taux")
    if part <= 0:
        raise InvalidInput("Paramètres : versement.taux doit être positif.")
    return nature, part


def _livre(raw: Any, i: int) -> Livre:
    """What the delivery note shows for line ``i``: read at once when written as the contract
    writes it (as ``_ligne``), else by ``_livre_lu``."""
    if type(raw) is dict:
        reference = raw.get("reference_livree")
        quantite = contract_decimal(raw.get("quantite_livree", "0"))
        if quantite is not None and quantite >= 0 and (reference is None or type(reference) is str):
            return Livre(reference[:40] if reference else None, quantite)
    return _livre_lu(raw, i)


def _livre_lu(raw: Any, i: int) -> Livre:
    """The delivery of line ``i`` read step by step, refused in one line when unusable."""
    row = kit.lire_objet(raw, f"livraison {i + 1}")
    reference = row.get("reference_livree")
    quantite = kit.lire_nombre(row.get("quantite_livree", "0"), f"quantité livrée {i + 1}")
    if quantite < 0 or (reference is not None and not isinstance(reference, str)):
        raise InvalidInput(f"Paramètres : livraison {i + 1} illisible.")
    return Livre(reference[:40] if reference else None, quantite)


def _date(raw: Any) -> date:
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        raise InvalidInput("Paramètres : date_devis doit être une date ISO (2026-03-12).") from None


def _jours(raw: Any) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or not 1 <= raw <= 365:
        raise InvalidInput("Paramètres : validite_jours doit être un entier de 1 à 365.")
    return raw


def lire_params(params: Any) -> Devis:
    """Validate the contract params; InvalidInput with one French line when they are unusable."""
    p = kit.lire_objet(params, "l'ensemble")
    lignes = tuple(
        _ligne(r, i) for i, r in enumerate(kit.lire_liste(p.get("lignes"), "lignes", MAX_LIGNES, 1))
    )
    taux = tuple(dict.fromkeys(ligne.taux for ligne in lignes))
    remises = kit.lire_liste(p.get("remises", []), "remises", MAX_REMISES)
    remises_taux = tuple(_taux(r, f"remise {k + 1}") for k, r in enumerate(remises))
    if any(r <= 0 for r in remises_taux):
        raise InvalidInput("Paramètres : chaque remise doit avoir un taux positif.")
    nature, part = _versement(p.get("versement"))
    livraison = kit.lire_liste(p.get("livraison", []), "livraison", MAX_LIGNES)
    if livraison and len(livraison) != len(lignes):
        raise InvalidInput("Paramètres : « livraison » a une ligne par ligne du devis.")
    return Devis(
        date_devis=_date(p.get("date_devis")),
        lignes=lignes,
        remises=remises_taux,
        port=_port(p.get("port"), taux),
        validite_jours=_jours(p.get("validite_jours")),
        nature=nature,
        part=part,
        livraison=tuple(_livre(r, i) for i, r in enumerate(livraison)),
        taux=taux,
    )


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
