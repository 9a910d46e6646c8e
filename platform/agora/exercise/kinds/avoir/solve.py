"""The credit note's calculation, run right or with one typical mistake, and its solution JSON.

``calcule`` walks the credit note from the credited lines to the total TTC. The grader uses it
three ways: with the right method (the reference), on the student's own earlier amounts (error
carried forward), and with a known wrong method (``methodes``) to name a misconception.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from agora.exercise.grading import Etapes
from agora.exercise.kinds.avoir import methodes as m
from agora.exercise.kinds.avoir.answer import CHAMPS_GROUPE
from agora.exercise.kinds.avoir.params import PAR_QUANTITE, Avoir, lire_params
from agora.exercise.params import taux_str
from agora.money import ZERO, cents, cents_down, fmt


class Chemins(NamedTuple):
    """The answer paths of a credit note of one shape (built once: grading is a hot path)."""

    lignes: tuple[str, ...]  # the amount of each line
    groupes: tuple[tuple[str, ...], ...]  # the CHAMPS_GROUPE of each group
    reductions: tuple[tuple[str, ...], ...]  # the amount of each reduction, by group
    tva: tuple[tuple[str, str], ...]  # the base and the VAT of each group


@lru_cache(maxsize=256)
def chemins(lignes: int, groupes: int, reductions: int) -> Chemins:
    return Chemins(
        tuple(f"lignes.{i}.montant_ht" for i in range(lignes)),
        tuple(tuple(f"groupes.{g}.{champ}" for champ in CHAMPS_GROUPE) for g in range(groupes)),
        tuple(
            tuple(f"groupes.{g}.reductions.{k}.montant" for k in range(reductions))
            for g in range(groupes)
        ),
        tuple((f"tva.{g}.base", f"tva.{g}.montant") for g in range(groupes)),
    )


class _Calcul(Etapes):
    """One run of the calculation; ``out`` holds every amount by its answer path."""

    def __init__(
        self, a: Avoir, own: Mapping[str, Decimal], faute: str | None, taux_unique: Decimal | None
    ):
        super().__init__(own)
        self.a, self.faute, self.taux_unique = a, faute, taux_unique
        self.rnd = cents_down if faute == m.ARRONDI_TRONQUE else cents
        self.groupe_port = a.taux.index(a.taux_port) if a.taux_port in a.taux else None
        self.chemins = chemins(len(a.lignes), len(a.taux), len(a.reductions))

    def run(self) -> dict[str, Decimal]:
        lignes = [self.ligne(i) for i in range(len(self.a.lignes))]
        self.pied([self.groupe(g, lignes) for g in range(len(self.a.taux))])
        return self.out

    def ligne(self, i: int) -> Decimal:
        """A credited line: quantity credited × unit price, or the rabais on the invoiced line."""
        a, ligne = self.a, self.a.lignes[i]
        if a.nature in PAR_QUANTITE:
            quantite = ligne.quantite
            if self.faute == m.QUANTITE_FACTUREE_CREDITEE:
                quantite = ligne.quantite_facturee
            montant = self.rnd(quantite * ligne.prix)
        else:  # the invoice printed its line rounded: the rabais starts from that amount
            montant = self.rnd(cents(ligne.quantite * ligne.prix) * a.rabais / 100)
        return self.put(self.chemins.lignes[i], montant)

    def brut(self, g: int, lignes: list[Decimal]) -> Decimal:
        """What the group credits before the invoice's reductions."""
        a, faute = self.a, self.faute
        if a.nature == "ristourne":
            chiffre = a.chiffre_ttc[g] if faute == m.AVOIR_CALCULE_SUR_TTC else a.chiffre_ht[g]
            chiffre = self.put(self.chemins.groupes[g][0], chiffre)
            return self.rnd(chiffre * a.ristourne / 100)
        if faute == m.RABAIS_SUR_TOUTE_LA_FACTURE:
            facture = sum(cents(a.lignes[i].quantite * a.lignes[i].prix) for i in a.membres[g])
            return self.rnd((facture + a.hors_credit[g]) * a.rabais / 100)
        brut = sum((lignes[i] for i in a.membres[g]), ZERO)
        return brut + (a.port if faute == m.PORT_CREDITE_BRUT and g == self.groupe_port else 0)

    def groupe(self, g: int, lignes: list[Decimal]) -> Decimal:
        """Gross credited, the invoice's reductions in cascade, escompte: the net financier."""
        a, faute = self.a, self.faute
        _, c_brut, c_net, c_escompte, c_net_financier = self.chemins.groupes[g]
        brut = self.put(c_brut, self.brut(g, lignes))
        base, reduit = brut, ZERO
        for chemin, (_, taux) in zip(self.chemins.reductions[g], a.reductions, strict=True):
            assiette = brut if faute == m.REMISES_ADDITIONNEES else base
            montant = ZERO if faute == m.REMISE_NON_REPRISE else self.rnd(assiette * taux / 100)
            montant = self.put(chemin, montant)
            base, reduit = base - montant, reduit + montant
        net = self.put(c_net, brut - reduit)
        escompte = ZERO if faute == m.ESCOMPTE_NON_REPRIS else self.rnd(net * a.escompte / 100)
        return self.put(c_net_financier, net - self.put(c_escompte, escompte))

    def pied(self, nets: list[Decimal]) -> None:
        """Total HT, the VAT of each rate on its net financier, total VAT and TTC."""
        a, faute = self.a, self.faute
        port = a.port if faute == m.PORT_CREDITE else ZERO
        total_ht = self.put("total_ht", sum(nets, ZERO) + port)
        total_tva = ZERO
        for g, taux in enumerate(a.taux):
            base = nets[g] + (port if g == self.groupe_port else ZERO)
            c_base, c_montant = self.chemins.tva[g]
            base = self.put(c_base, base)
            if faute == m.TAUX_TVA_MELANGES and self.taux_unique is not None:
                taux = self.taux_unique
            montant = ZERO if faute == m.TVA_NON_REGULARISEE else self.rnd(base * taux / 100)
            total_tva += self.put(c_montant, montant)
        total_tva = self.put("total_tva", total_tva)
        self.put("total_ttc", total_ht + total_tva)


def calcule(
    a: Avoir, own: Mapping[str, Decimal] | None = None, faute: m.Faute | None = None
) -> dict[str, Decimal]:
    """Every amount of the credit note by its answer path (``groupes.0.net_commercial``…).

    ``own`` holds amounts a student wrote: each step starts from them when present (error
    carried forward). ``faute`` runs one wrong method: its code, and for TAUX_TVA_MELANGES
    the one rate applied everywhere.
    """
    code, taux_unique = faute or (None, None)
    return _Calcul(a, own or {}, code, taux_unique).run()


def _groupe(a: Avoir, v: Mapping[str, Decimal], g: int) -> dict[str, Any]:
    p = f"groupes.{g}."
    groupe: dict[str, Any] = {"taux_tva": taux_str(a.taux[g])}
    if a.nature == "ristourne":
        groupe["chiffre_affaires_ht"] = fmt(v[p + "chiffre_affaires_ht"])
    groupe["montant_brut_ht"] = fmt(v[p + "montant_brut_ht"])
    groupe["reductions"] = [
        {"nature": nature, "taux": taux_str(taux), "montant": fmt(v[f"{p}reductions.{k}.montant"])}
        for k, (nature, taux) in enumerate(a.reductions)
    ]
    for key in ("net_commercial", "escompte", "net_financier"):
        groupe[key] = fmt(v[p + key])
    return groupe


def document(a: Avoir, v: Mapping[str, Decimal]) -> dict[str, Any]:
    """The contract JSON of a credit note from its amounts by answer path."""
    result: dict[str, Any] = {}
    if a.reference is not None:
        result["reference_facture"] = a.reference
    result["nature"] = a.nature
    if a.lignes:
        result["lignes"] = [
            {"reference": ligne.reference, "montant_ht": fmt(v[f"lignes.{i}.montant_ht"])}
            for i, ligne in enumerate(a.lignes)
        ]
    result["groupes"] = [_groupe(a, v, g) for g in range(len(a.taux))]
    result["tva"] = [
        {
            "taux": taux_str(t),
            "base": fmt(v[f"tva.{g}.base"]),
            "montant": fmt(v[f"tva.{g}.montant"]),
        }
        for g, t in enumerate(a.taux)
    ]
    result |= {key: fmt(v[key]) for key in ("total_ht", "total_tva", "total_ttc")}
    if a.mentions:
        result["mentions"] = {mention.code: mention.attendu for mention in a.mentions}
    return result


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference solution, contract JSON."""
    a = lire_params(params)
    return document(a, calcule(a))
