"""The invoice calculation of the ``facture`` contract, run right or with one typical mistake.

One function, ``calcule``, walks the invoice from the lines to the net à payer. It is used
three ways by the grader: with the correct method (the reference), on the student's own
earlier amounts (error carried forward), and with a known wrong method (a ``faute``) to
recognise the misconception behind a wrong amount.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from agora.errors import InvalidInput
from agora.money import CENT, ZERO, cents, parse_decimal

NATURES = ("remise", "rabais", "ristourne")
HUNDRED = Decimal(100)
MAX_LIGNES, MAX_REDUCTIONS = 200, 10  # what params may hold (a VAT rate per line at most)
_CANONIQUE = re.compile(r"-?\d{1,12}(\.\d{1,3})?", re.ASCII)

# The wrong methods the grader recognises (codes of the public diagnostics).
REDUCTIONS_ADDITIONNEES = "REDUCTIONS_ADDITIONNEES"
ESCOMPTE_SUR_TTC = "ESCOMPTE_SUR_TTC"
# The same misconception, with the TTC of the goods alone (port left aside).
ESCOMPTE_SUR_TTC_HORS_PORT = "ESCOMPTE_SUR_TTC_HORS_PORT"
ESCOMPTE_SUR_BRUT = "ESCOMPTE_SUR_BRUT"
PORT_REDUIT = "PORT_REDUIT"
PORT_HORS_BASE_TVA = "PORT_HORS_BASE_TVA"
PORT_OUBLIE = "PORT_OUBLIE"
TVA_AVANT_REDUCTIONS = "TVA_AVANT_REDUCTIONS"
TVA_AVANT_ESCOMPTE = "TVA_AVANT_ESCOMPTE"
ACOMPTE_NON_DEDUIT = "ACOMPTE_NON_DEDUIT"
TAUX_TVA_MELANGES = "TAUX_TVA_MELANGES"
ARRONDI_TRONQUE = "ARRONDI_TRONQUE"


# Internal variants of a wrong method, by the public code that names them.
CODE_PUBLIC = {ESCOMPTE_SUR_TTC_HORS_PORT: ESCOMPTE_SUR_TTC}


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


def _tronque(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_DOWN)


def _arrondi(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@lru_cache(maxsize=256)
def _chemins(lignes: int, groupes: int, reductions: int) -> tuple[tuple, tuple, tuple]:
    """The answer paths of an invoice of this shape (built once: grading is a hot path)."""
    chemins_lignes = tuple(f"lignes.{i}.montant_ht" for i in range(lignes))
    chemins_groupes = tuple(
        (
            f"groupes.{g}.montant_brut_ht",
            tuple(f"groupes.{g}.reductions.{k}.montant" for k in range(reductions)),
            f"groupes.{g}.net_commercial",
            f"groupes.{g}.escompte",
            f"groupes.{g}.net_financier",
        )
        for g in range(groupes)
    )
    chemins_tva = tuple((f"tva.{g}.base", f"tva.{g}.montant") for g in range(groupes))
    return chemins_lignes, chemins_groupes, chemins_tva


def calcule(
    f: Facture,
    own: Mapping[str, Decimal] | None = None,
    faute: str | None = None,
    taux_unique: Decimal | None = None,
) -> dict[str, Decimal]:
    """Every amount of the invoice by its answer path (``groupes.0.net_commercial``…).

    ``own`` holds amounts already written by a student: each step is computed from them
    when present (error carried forward), else from the step's own result. ``faute`` runs
    one known wrong method instead of the right one (``taux_unique`` for TAUX_TVA_MELANGES).
    """
    own = own or {}
    out: dict[str, Decimal] = {}

    def put(path: str, value: Decimal) -> Decimal:
        out[path] = value
        return own.get(path, value) if own else value

    rnd = _tronque if faute == ARRONDI_TRONQUE else _arrondi
    chemins_lignes, chemins_groupes, chemins_tva = _chemins(
        len(f.lignes), len(f.taux), len(f.reductions)
    )
    lignes = [
        put(chemin, rnd(ligne.quantite * ligne.prix))
        for chemin, ligne in zip(chemins_lignes, f.lignes, strict=True)
    ]
    groupe_port = f.groupe_port
    port = own.get("frais_port_ht", f.port)
    port_dans_base = faute not in (PORT_HORS_BASE_TVA, PORT_OUBLIE, PORT_REDUIT)
    totaux = {"montant_brut_ht": ZERO, "total_reductions": ZERO, "net_commercial": ZERO}
    totaux |= {"escompte": ZERO, "net_financier": ZERO}
    groupes = []
    for g, membres in enumerate(f.membres):
        c_brut, c_reductions, c_nc, c_escompte, c_nf = chemins_groupes[g]
        port_g = port if g == groupe_port else ZERO
        brut = sum([lignes[i] for i in membres], ZERO)
        brut = put(c_brut, brut + port_g if faute == PORT_REDUIT else brut)
        base = brut
        reduit = ZERO
        for chemin, reduction in zip(c_reductions, f.reductions, strict=True):
            assiette = brut if faute == REDUCTIONS_ADDITIONNEES else base
            montant = put(chemin, rnd(assiette * reduction.taux / HUNDRED))
            base -= montant
            reduit += montant
        nc = put(c_nc, brut - reduit)
        assiette = nc
        if faute == ESCOMPTE_SUR_BRUT:
            assiette = brut
        elif faute == ESCOMPTE_SUR_TTC:
            assiette = nc + port_g + rnd((nc + port_g) * f.taux[g] / HUNDRED)
        elif faute == ESCOMPTE_SUR_TTC_HORS_PORT:
            assiette = nc + rnd(nc * f.taux[g] / HUNDRED)
        escompte = put(c_escompte, rnd(assiette * f.escompte_taux / HUNDRED))
        nf = put(c_nf, nc - escompte)
        for key, value in zip(totaux, (brut, reduit, nc, escompte, nf), strict=True):
            totaux[key] += value
        groupes.append((brut, nc, nf, port_g))
    for key, value in totaux.items():
        totaux[key] = put(key, value)
    put("frais_port_ht", f.port)
    total_ht = totaux["net_financier"] + (port if port_dans_base else ZERO)
    total_ht = put("total_ht", total_ht + (port if faute == PORT_HORS_BASE_TVA else ZERO))
    total_tva = ZERO
    for g, (brut, nc, nf, port_g) in enumerate(groupes):
        base = {TVA_AVANT_REDUCTIONS: brut, TVA_AVANT_ESCOMPTE: nc}.get(faute or "", nf)
        base = put(chemins_tva[g][0], base + (port_g if port_dans_base else ZERO))
        taux = taux_unique if faute == TAUX_TVA_MELANGES and taux_unique is not None else f.taux[g]
        total_tva += put(chemins_tva[g][1], rnd(base * taux / HUNDRED))
    total_tva = put("total_tva", total_tva)
    total_ttc = put("total_ttc", total_ht + total_tva)
    acompte = put("acompte", f.acompte)
    put("net_a_payer", total_ttc - (ZERO if faute == ACOMPTE_NON_DEDUIT else acompte))
    return out
