"""The invoice calculation of the ``facture`` contract, run right or with one typical mistake.

One function, ``calcule``, walks the invoice from the lines to the net à payer. It is used
three ways by the grader: with the correct method (the reference), on the student's own
earlier amounts (error carried forward), and with a known wrong method (a ``faute``) to
recognise the misconception behind a wrong amount.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any

from agora.exercise.grading import Etapes
from agora.exercise.kinds.facture.answer import CHAMPS_GROUPE, SCALAIRES
from agora.exercise.kinds.facture.params import Calculable, Facture, lire_params
from agora.exercise.params import HUNDRED, taux_str
from agora.money import ZERO, cents, cents_down, fmt

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


# The totals of the groups' steps, in the order of a group's steps.
_TOTAUX = ("montant_brut_ht", "total_reductions", "net_commercial", "escompte", "net_financier")


@lru_cache(maxsize=256)
def chemins(lignes: int, groupes: int, reductions: int) -> tuple[tuple, tuple, tuple]:
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
    f: Calculable,
    own: Mapping[str, Decimal] | None = None,
    faute: str | None = None,
    taux_unique: Decimal | None = None,
) -> dict[str, Decimal]:
    """Every amount of the invoice by its answer path (``groupes.0.net_commercial``…).

    ``own`` holds amounts already written by a student: each step is computed from them
    when present (error carried forward), else from the step's own result. ``faute`` runs
    one known wrong method instead of the right one (``taux_unique`` for TAUX_TVA_MELANGES).
    """
    etapes = Etapes(own)
    put, own, out = etapes.put, etapes.own, etapes.out
    rnd = cents_down if faute == ARRONDI_TRONQUE else cents
    chemins_lignes, chemins_groupes, chemins_tva = chemins(
        len(f.lignes), len(f.taux), len(f.reductions)
    )
    lignes = [
        put(chemin, rnd(ligne.quantite * ligne.prix))
        for chemin, ligne in zip(chemins_lignes, f.lignes, strict=True)
    ]
    groupe_port = f.groupe_port
    port = own.get("frais_port_ht", f.port)
    port_dans_base = faute not in (PORT_HORS_BASE_TVA, PORT_OUBLIE, PORT_REDUIT)
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
        groupes.append((brut, reduit, nc, escompte, nf))
    # Each total is the sum of its column over the groups (in the order of _TOTAUX).
    colonnes = zip(*groupes, strict=True)
    *_, net_financier = [
        put(key, sum(colonne, ZERO)) for key, colonne in zip(_TOTAUX, colonnes, strict=True)
    ]
    put("frais_port_ht", f.port)
    total_ht = net_financier + (port if port_dans_base else ZERO)
    total_ht = put("total_ht", total_ht + (port if faute == PORT_HORS_BASE_TVA else ZERO))
    total_tva = ZERO
    for g, (brut, _, nc, _, nf) in enumerate(groupes):
        base = brut if faute == TVA_AVANT_REDUCTIONS else nc if faute == TVA_AVANT_ESCOMPTE else nf
        port_g = port if g == groupe_port and port_dans_base else ZERO
        base = put(chemins_tva[g][0], base + port_g)
        taux = taux_unique if faute == TAUX_TVA_MELANGES and taux_unique is not None else f.taux[g]
        total_tva += put(chemins_tva[g][1], rnd(base * taux / HUNDRED))
    total_tva = put("total_tva", total_tva)
    total_ttc = put("total_ttc", total_ht + total_tva)
    acompte = put("acompte", f.acompte)
    put("net_a_payer", total_ttc - (ZERO if faute == ACOMPTE_NON_DEDUIT else acompte))
    return out


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference solution, contract JSON."""
    f = lire_params(params)
    return document(f, calcule(f))


def document(f: Facture, v: dict[str, Decimal]) -> dict[str, Any]:
    """The contract JSON of an invoice from its amounts by answer path."""
    groupes = []
    for g, taux in enumerate(f.taux):
        p = f"groupes.{g}."
        reductions = [
            {
                "nature": r.nature,
                "taux": taux_str(r.taux),
                "montant": fmt(v[f"{p}reductions.{k}.montant"]),
            }
            for k, r in enumerate(f.reductions)
        ]
        groupe = {"taux_tva": taux_str(taux), "montant_brut_ht": fmt(v[p + "montant_brut_ht"])}
        groupe["reductions"] = reductions
        groupe |= {key: fmt(v[p + key]) for key in CHAMPS_GROUPE[1:]}
        groupes.append(groupe)
    result: dict[str, Any] = {
        "lignes": [
            {"reference": ligne.reference, "montant_ht": fmt(v[f"lignes.{i}.montant_ht"])}
            for i, ligne in enumerate(f.lignes)
        ],
        "groupes": groupes,
    }
    for key in SCALAIRES:
        if key == "total_tva":
            result["tva"] = [
                {
                    "taux": taux_str(t),
                    "base": fmt(v[f"tva.{g}.base"]),
                    "montant": fmt(v[f"tva.{g}.montant"]),
                }
                for g, t in enumerate(f.taux)
            ]
        result[key] = fmt(v[key])
    return result
