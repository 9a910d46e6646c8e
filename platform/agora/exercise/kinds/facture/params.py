"""The params of a ``facture`` variant: read and checked, with one French line when unusable."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from agora.errors import InvalidInput
from agora.money import ZERO, cents, parse_decimal

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "facture"

NATURES = ("remise", "rabais", "ristourne")
HUNDRED = Decimal(100)
MAX_LIGNES, MAX_REDUCTIONS = 200, 10  # what params may hold (a VAT rate per line at most)
_CANONIQUE = re.compile(r"-?\d{1,12}(\.\d{1,3})?", re.ASCII)


@dataclass(frozen=True)
class Ligne:
    reference: str
    designation: str
    quantite: Decimal
    prix: Decimal
    taux: Decimal


@dataclass(frozen=True)
class Reduction:
    nature: str
    taux: Decimal


@dataclass(frozen=True)
class Facture:
    """Typed, validated params. Groups are the distinct VAT rates in order of first appearance."""

    lignes: tuple[Ligne, ...]
    reductions: tuple[Reduction, ...]
    escompte_taux: Decimal
    port: Decimal
    taux_port: Decimal
    acompte: Decimal
    taux: tuple[Decimal, ...]
    membres: tuple[tuple[int, ...], ...]

    @property
    def groupe_port(self) -> int:
        return self.taux.index(self.taux_port)


def taux_str(taux: Decimal) -> str:
    """A rate as the contract prints it: "20", "5.5", "2.1" (no trailing zeros, no exponent)."""
    return f"{taux.normalize():f}"


def texte_nombre(raw: Any) -> Any:
    """A JSON number as the text a person wrote (never a binary float), so that the usual
    checks (digits, size) apply to it; anything else unchanged."""
    if isinstance(raw, float) and raw == raw and abs(raw) < 1e15:
        return repr(raw)
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    return raw


def nombre_canonique(raw: Any) -> Decimal | None:
    """Fast path for a number already written as the contract writes it ("45.00", "20")."""
    if type(raw) is str and len(raw) < 16 and _CANONIQUE.fullmatch(raw):
        return Decimal(raw)
    return None


def _nombre(raw: Any, where: str, what: str = "nombre") -> Decimal:
    rapide = nombre_canonique(raw)
    if rapide is not None:
        return rapide
    raw = texte_nombre(raw)
    if raw is None:
        raise InvalidInput(f"Paramètres : {where} manquant.")
    try:
        return parse_decimal(raw, what)
    except InvalidInput as error:
        raise InvalidInput(f"Paramètres : {where} — {error}") from error


def _taux(raw: Any, where: str) -> Decimal:
    value = _nombre(raw, where, "taux")
    if not ZERO <= value < HUNDRED:
        raise InvalidInput(f"Paramètres : {where} doit être compris entre 0 et 100 (exclu).")
    return value


def _montant(raw: Any, where: str) -> Decimal:
    value = _nombre(raw, where, "montant")
    if value < 0:
        raise InvalidInput(f"Paramètres : {where} ne peut pas être négatif.")
    if value != cents(value):
        raise InvalidInput(f"Paramètres : {where} a plus de deux décimales.")
    return value


def _ligne(raw: Any, i: int) -> Ligne:
    where = f"ligne {i + 1}"
    if not isinstance(raw, dict):
        raise InvalidInput(f"Paramètres : la {where} doit être un objet {{…}}.")
    quantite = _nombre(raw.get("quantite"), f"quantité de la {where}", "nombre")
    if quantite <= 0:
        raise InvalidInput(f"Paramètres : la quantité de la {where} doit être positive.")
    prix = _nombre(raw.get("prix_unitaire_ht"), f"prix unitaire HT de la {where}", "montant")
    if prix < 0:
        raise InvalidInput(f"Paramètres : le prix unitaire HT de la {where} est négatif.")
    return Ligne(
        reference=str(raw.get("reference", f"L{i + 1}"))[:40],
        designation=str(raw.get("designation", ""))[:120],
        quantite=quantite,
        prix=prix,
        taux=_taux(raw.get("taux_tva"), f"taux de TVA de la {where}"),
    )


def _reduction(raw: Any, k: int) -> Reduction:
    where = f"réduction {k + 1}"
    if not isinstance(raw, dict):
        raise InvalidInput(f"Paramètres : la {where} doit être un objet {{…}}.")
    nature = raw.get("nature")
    if nature not in NATURES:
        raise InvalidInput(
            f"Paramètres : nature de la {where} inconnue (remise, rabais ou ristourne)."
        )
    taux = _taux(raw.get("taux"), f"taux de la {where}")
    if taux <= 0:
        raise InvalidInput(f"Paramètres : le taux de la {where} doit être positif.")
    return Reduction(nature, taux)


def lire_params(params: Any) -> Facture:
    """Validate the contract params; InvalidInput with one French line when they are unusable."""
    if not isinstance(params, dict):
        raise InvalidInput("Paramètres : un objet JSON {…} est attendu.")
    lignes_raw = params.get("lignes")
    if not isinstance(lignes_raw, list) or not lignes_raw:
        raise InvalidInput("Paramètres : « lignes » doit être une liste d'au moins une ligne.")
    if len(lignes_raw) > MAX_LIGNES:
        raise InvalidInput(f"Paramètres : trop de lignes ({MAX_LIGNES} au plus).")
    lignes = tuple(_ligne(raw, i) for i, raw in enumerate(lignes_raw))
    reductions_raw = params.get("reductions") or []
    if not isinstance(reductions_raw, list) or len(reductions_raw) > MAX_REDUCTIONS:
        raise InvalidInput(
            f"Paramètres : « reductions » doit être une liste ({MAX_REDUCTIONS} au plus)."
        )
    reductions = tuple(_reduction(raw, k) for k, raw in enumerate(reductions_raw))
    taux = tuple(dict.fromkeys(ligne.taux for ligne in lignes))
    membres = tuple(tuple(i for i, ligne in enumerate(lignes) if ligne.taux == t) for t in taux)
    port = _montant(params.get("frais_port_ht", "0"), "frais_port_ht")
    taux_port = _taux_port(params.get("taux_tva_port"), taux, port)
    return Facture(
        lignes=lignes,
        reductions=reductions,
        escompte_taux=_taux(params.get("escompte_taux", "0"), "escompte_taux"),
        port=port,
        taux_port=taux_port,
        acompte=_montant(params.get("acompte", "0"), "acompte"),
        taux=taux,
        membres=membres,
    )


def verifie_params(params: Any) -> Facture:
    """lire_params, plus the checks that need the whole invoice (the deposit fits in the TTC)."""
    from agora.exercise.kinds.facture.solve import calcule  # solve reads its params from here

    facture = lire_params(params)
    if facture.acompte > calcule(facture)["total_ttc"]:
        raise InvalidInput("Paramètres : l'acompte dépasse le total TTC de la facture.")
    return facture


def _taux_port(raw: Any, taux: tuple[Decimal, ...], port: Decimal) -> Decimal:
    if raw is None:
        if len(taux) > 1 and port > 0:
            raise InvalidInput(
                "Paramètres : taux_tva_port est obligatoire quand les articles ont plusieurs taux."
            )
        return taux[0]
    value = _taux(raw, "taux_tva_port")
    if value not in taux:
        raise InvalidInput("Paramètres : taux_tva_port doit être l'un des taux des articles.")
    return value


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    verifie_params(params)
    return params
