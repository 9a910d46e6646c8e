"""The quote calculation of the ``devis`` contract, run right or with one typical mistake.

``calcule`` walks the quote from the catalogue prices to the deposit, and the delivery check
at level 3. The grader runs it three ways: right (the reference), from the student's own
earlier values (an error carried forward earns its credit), and with a known wrong method (a
``faute``) to name the misconception behind a wrong value.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from agora.exercise.grading import Etapes
from agora.exercise.kinds.devis.params import Devis, lire_params
from agora.exercise.params import HUNDRED, taux_str
from agora.money import ZERO, cents, cents_down, fmt

# The wrong methods calcule can run (codes of the public diagnostics).
REMISES_ADDITIONNEES = "REMISES_ADDITIONNEES"
PORT_MAL_APPLIQUE = "PORT_MAL_APPLIQUE"
PORT_HORS_BASE_TVA = "PORT_HORS_BASE_TVA"
TVA_SUR_BRUT = "TVA_SUR_BRUT"
ARRONDI_TRONQUE = "ARRONDI_TRONQUE"
VALIDITE_MAL_CALCULEE = "VALIDITE_MAL_CALCULEE"
ACOMPTE_SUR_HT = "ACOMPTE_SUR_HT"
ARRHES_ACOMPTE_CONFONDUS = "ARRHES_ACOMPTE_CONFONDUS"
ECART_LIVRAISON_COMMANDE_FACTUREE = "ECART_LIVRAISON_COMMANDE_FACTUREE"
ECART_LIVRAISON_HORS_COMMANDE_FACTUREE = "ECART_LIVRAISON_HORS_COMMANDE_FACTUREE"

# What a withdrawal costs the customer, by the nature of the sum paid on signing.
CONSEQUENCE = {"acompte": "engagement_ferme", "arrhes": "arrhes_perdues"}
AUTRE_NATURE = {"acompte": "arrhes", "arrhes": "acompte"}
BON_POUR_ACCORD = "mention_date_signature"


def ecart(d: Devis, i: int) -> tuple[str, Decimal]:
    """The gap of order line ``i`` against the delivery note, and the quantity to invoice:
    what was both ordered and delivered (never a wrong reference, never the surplus)."""
    commande, livre = d.lignes[i].quantite, d.livraison[i]
    if livre.reference is None:
        return "manquant", Decimal(0)
    if livre.reference != d.lignes[i].reference:
        return "reference", Decimal(0)
    if livre.quantite < commande:
        return "partiel", livre.quantite
    return ("excedent" if livre.quantite > commande else "conforme"), commande


def calcule(d: Devis, own: Mapping[str, Any] | None = None, faute: str | None = None) -> dict:
    """Every value of the quote by its answer path (``taux.0.net_ht``…).

    ``own`` holds values already given by a student: each later step starts from them when
    present. ``faute`` runs one known wrong method instead of the right one.
    """
    etapes = Etapes(own)
    # ``put`` for a step a later one starts from; a leaf is written to ``out`` straight (no
    # step reads it: the same values, a call less for each of them, three quotes a grade).
    out = etapes.out
    put = etapes.ecrire
    rnd = cents_down if faute == ARRONDI_TRONQUE else cents
    chemins = _chemins(len(d.lignes), len(d.taux), len(d.remises))
    bruts = dict.fromkeys(d.taux, ZERO)
    for (c_reference, c_prix, c_montant), ligne in zip(chemins.lignes, d.lignes, strict=True):
        out[c_reference] = ligne.reference
        prix = put(c_prix, ligne.prix)
        bruts[ligne.taux] += put(c_montant, rnd(ligne.quantite * prix))
    groupes = []
    for (c_brut, c_remises, c_net), taux in zip(chemins.groupes, d.taux, strict=True):
        brut = put(c_brut, bruts[taux])
        reste = brut
        for chemin, remise in zip(c_remises, d.remises, strict=True):
            assiette = brut if faute == REMISES_ADDITIONNEES else reste
            reste -= put(chemin, rnd(assiette * remise / HUNDRED))
        groupes.append((brut, put(c_net, reste)))
    net_commercial = put("net_commercial", sum((net for _, net in groupes), ZERO))
    port = ZERO
    if d.port:
        # Franco de port from the threshold up; the wrong method decides the other way.
        paye = (net_commercial < d.port.franco) != (faute == PORT_MAL_APPLIQUE)
        port = put("port_ht", d.port.forfait if paye else ZERO)
    total_tva = ZERO
    for g, (brut, net) in enumerate(groupes):
        base = brut if faute == TVA_SUR_BRUT else net
        if d.port and d.taux[g] == d.port.taux and faute != PORT_HORS_BASE_TVA:
            base += port
        base = put(chemins.tva[g][0], base)
        total_tva += put(chemins.tva[g][1], rnd(base * d.taux[g] / HUNDRED))
    total_ht = put("total_ht", net_commercial + port)
    total_tva = put("total_tva", total_tva)
    total_ttc = put("total_ttc", total_ht + total_tva)
    _conditions(d, put, out, rnd, faute, total_ht if faute == ACOMPTE_SUR_HT else total_ttc)
    for i in range(len(d.livraison)):  # a line each, when there is a delivery note
        _livraison(d, i, out, faute, chemins.livraison[i])
    return out


class _Chemins(NamedTuple):
    """The answer paths of a quote of one shape (built once: grading is a hot path)."""

    lignes: tuple[tuple[str, str, str], ...]  # reference, price, amount
    groupes: tuple[tuple[str, tuple[str, ...], str], ...]  # gross, remises, net of a rate
    tva: tuple[tuple[str, str], ...]  # base, VAT of a rate
    livraison: tuple[tuple[str, str], ...]  # gap, quantity to invoice of a line


@lru_cache(maxsize=256)
def _chemins(lignes: int, groupes: int, remises: int) -> _Chemins:
    return _Chemins(
        tuple(
            (f"lignes.{i}.reference", f"lignes.{i}.prix_unitaire_ht", f"lignes.{i}.montant_ht")
            for i in range(lignes)
        ),
        tuple(
            (
                f"taux.{g}.brut_ht",
                tuple(f"taux.{g}.remises.{k}.montant" for k in range(remises)),
                f"taux.{g}.net_ht",
            )
            for g in range(groupes)
        ),
        tuple((f"taux.{g}.base_tva", f"taux.{g}.tva") for g in range(groupes)),
        tuple((f"livraison.{i}.ecart", f"livraison.{i}.a_facturer") for i in range(lignes)),
    )


def _conditions(
    d: Devis, put: Any, out: dict, rnd: Any, faute: str | None, assiette: Decimal
) -> None:
    """Validity date, deposit, its nature and what a withdrawal costs, the acceptance."""
    jours = d.validite_jours - (faute == VALIDITE_MAL_CALCULEE)
    out["date_validite"] = d.date_devis + timedelta(days=jours)
    out["acompte"] = rnd(assiette * d.part / HUNDRED)
    confondu = faute == ARRHES_ACOMPTE_CONFONDUS
    nature = put("versement", AUTRE_NATURE[d.nature] if confondu else d.nature)
    out["desistement"] = CONSEQUENCE.get(nature, CONSEQUENCE[d.nature])
    out["bon_pour_accord"] = BON_POUR_ACCORD


def _livraison(d: Devis, i: int, out: dict, faute: str | None, chemins: tuple[str, str]) -> None:
    """The gap of line ``i`` and the quantity to invoice (leaves: written straight)."""
    nature, quantite = ecart(d, i)
    if faute == ECART_LIVRAISON_COMMANDE_FACTUREE:
        quantite = d.lignes[i].quantite
    elif faute == ECART_LIVRAISON_HORS_COMMANDE_FACTUREE:
        quantite = d.livraison[i].quantite
    out[chemins[0]] = nature
    out[chemins[1]] = quantite


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference solution, contract JSON."""
    d = lire_params(params)
    return document(d, calcule(d))


def _quantite(value: Decimal) -> str:
    texte = f"{value:f}"
    return texte.rstrip("0").rstrip(".") if "." in texte else texte


def document(d: Devis, v: Mapping[str, Any]) -> dict[str, Any]:
    """The contract JSON of a quote from its values by answer path."""
    result: dict[str, Any] = {
        "lignes": [
            {
                "reference": ligne.reference,
                "prix_unitaire_ht": fmt(v[f"lignes.{i}.prix_unitaire_ht"]),
                "montant_ht": fmt(v[f"lignes.{i}.montant_ht"]),
            }
            for i, ligne in enumerate(d.lignes)
        ],
        "taux": [_groupe(d, v, g) for g in range(len(d.taux))],
        "net_commercial": fmt(v["net_commercial"]),
    }
    if d.port:
        result["port_ht"] = fmt(v["port_ht"])
    for key in ("total_ht", "total_tva", "total_ttc"):
        result[key] = fmt(v[key])
    result["date_validite"] = v["date_validite"].isoformat()
    result["acompte"] = fmt(v["acompte"])
    for key in ("versement", "desistement", "bon_pour_accord"):
        result[key] = v[key]
    if d.livraison:
        result["livraison"] = [
            {
                "reference": ligne.reference,
                "ecart": v[f"livraison.{i}.ecart"],
                "a_facturer": _quantite(v[f"livraison.{i}.a_facturer"]),
            }
            for i, ligne in enumerate(d.lignes)
        ]
    return result


def _groupe(d: Devis, v: Mapping[str, Any], g: int) -> dict[str, Any]:
    p = f"taux.{g}."
    return {
        "taux": taux_str(d.taux[g]),
        "brut_ht": fmt(v[p + "brut_ht"]),
        "remises": [
            {"taux": taux_str(r), "montant": fmt(v[f"{p}remises.{k}.montant"])}
            for k, r in enumerate(d.remises)
        ],
        "net_ht": fmt(v[p + "net_ht"]),
        "base_tva": fmt(v[p + "base_tva"]),
        "tva": fmt(v[p + "tva"]),
    }
