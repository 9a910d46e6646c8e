"""The functional analysis computed: each line's mass, the masses, FRNG, BFR, net cash both ways,
the ratios and the reading of the situation; from the student's own earlier values when given
(errors carried forward), or done with one named wrong method (to recognise it in an answer)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_DOWN, Decimal
from typing import Any

from agora.exercise.kinds.equilibre_financier.answer import type_champ
from agora.exercise.kinds.equilibre_financier.params import (
    DEDUCTIONS,
    MASSE_DE,
    MASSES,
    MASSES_ACTIF,
    MAX_POSTES,
    Bilan,
    lire_params,
)
from agora.money import CENT, cents

# The named wrong methods (diagnostic codes); their messages are in messages.py.
CLASSEMENT_AMORTISSEMENTS = "CLASSEMENT_AMORTISSEMENTS"
CONCOURS_EN_RESSOURCES_STABLES = "CONCOURS_EN_RESSOURCES_STABLES"
DETTE_IMMOBILISATION_EN_EXPLOITATION = "DETTE_IMMOBILISATION_EN_EXPLOITATION"
EMPLOIS_NETS = "EMPLOIS_NETS"
AMORTISSEMENTS_OUBLIES = "AMORTISSEMENTS_OUBLIES"
FRNG_INVERSE = "FRNG_INVERSE"
BFR_INVERSE = "BFR_INVERSE"
BFR_AVEC_TRESORERIE = "BFR_AVEC_TRESORERIE"
TRESORERIE_SANS_CONCOURS = "TRESORERIE_SANS_CONCOURS"
VERIFICATION_INVERSEE = "VERIFICATION_INVERSEE"
RATIO_INVERSE = "RATIO_INVERSE"
RATIO_TRONQUE = "RATIO_TRONQUE"
RATIO_EN_POURCENTAGE = "RATIO_EN_POURCENTAGE"
LECTURE_MALGRE_TRESORERIE = "LECTURE_MALGRE_TRESORERIE"
LECTURE_SANS_FRNG = "LECTURE_SANS_FRNG"
REMEDE_DECOUVERT = "REMEDE_DECOUVERT"

# A wrong classification: the nature and the mass the student puts it in.
CLASSEMENTS_FAUX = {
    CLASSEMENT_AMORTISSEMENTS: {
        "amortissement": "emplois_stables",
        "depreciation_circulant": "actif_exploitation",
    },
    CONCOURS_EN_RESSOURCES_STABLES: {"concours_bancaires": "ressources_stables"},
    DETTE_IMMOBILISATION_EN_EXPLOITATION: {"dette_immobilisation": "dettes_exploitation"},
}
# The remedy that answers each situation.
REMEDES = {
    "equilibre": "maintenir",
    "frng_insuffisant": "ressources_stables",
    "bfr_trop_eleve": "reduire_bfr",
}
ZERO = Decimal(0)
CENT_FOIS = Decimal(100)


def situation(frng: Decimal, tresorerie: Decimal) -> str:
    """The reading of the balance: stable resources short, working capital need too high, or
    balanced (a negative FRNG is read first: it is the more lasting imbalance)."""
    if frng < 0:
        return "frng_insuffisant"
    return "bfr_trop_eleve" if tresorerie < 0 else "equilibre"


class Calcul:
    """One pass down the analysis. ``pose`` records the value a field should hold and carries on
    with the student's own value of that field when there is one (the error carried forward)."""

    def __init__(self, bilan: Bilan, own: Mapping[str, Any], faute: str | None):
        self.b, self.own, self.faute = bilan, own, faute
        self.valeurs: dict[str, Any] = {}
        self.autres: dict[str, Any] = {}  # a second value accepted for a field
        if not own:
            # Without the student's values a step is only written down, each path once a run:
            # the dict's own ``setdefault`` does what ``pose`` does, without a Python call (the
            # reference and the wrong methods' runs, ~36 steps each).
            self.pose = self.valeurs.setdefault  # type: ignore[method-assign]

    def pose(self, path: str, valeur: Any) -> Any:
        self.valeurs[path] = valeur
        mien = self.own.get(path)
        return valeur if mien is None or isinstance(mien, str) != isinstance(valeur, str) else mien

    def classement(self) -> list[str]:
        """The mass of each line: given by the functional sheet, chosen by the student at
        level 3 (a named wrong method moves some natures)."""
        fausses = CLASSEMENTS_FAUX.get(self.faute or "", {})
        masses = [fausses.get(poste.nature, MASSE_DE[poste.nature]) for poste in self.b.postes]
        if self.b.comptable:
            pose = self.pose
            masses = [pose(c, masse) for c, masse in zip(_CHEMINS_MASSE, masses, strict=False)]
        return masses

    def masses(self, classement: list[str]) -> dict[str, Decimal]:
        """Each mass, summed from the lines; an amortisation put in an asset mass is deducted."""
        totaux = dict.fromkeys(MASSES, ZERO)
        for poste, masse in zip(self.b.postes, classement, strict=True):
            deduit = poste.nature in DEDUCTIONS and masse in MASSES_ACTIF
            totaux[masse] += -poste.montant if deduit else poste.montant
        if self.faute == EMPLOIS_NETS:
            totaux["emplois_stables"] -= self.b.total("amortissement")
        elif self.faute == AMORTISSEMENTS_OUBLIES:
            totaux["ressources_stables"] -= self.b.total(*DEDUCTIONS)
        demandees = MASSES if self.b.comptable else _MASSES_SIMPLES
        return {m: self.pose(_CHEMIN_MASSE[m], totaux[m]) for m in demandees} | {
            m: ZERO for m in MASSES if m not in demandees
        }

    def equilibre(self, m: dict[str, Decimal]) -> tuple[Decimal, Decimal]:
        """FRNG, BFR (by nature at level 3), net cash both ways; returns FRNG and net cash."""
        sens = -1 if self.faute == BFR_INVERSE else 1
        frng = m["ressources_stables"] - m["emplois_stables"]
        frng = self.pose("frng", -frng if self.faute == FRNG_INVERSE else frng)
        bfre = sens * (m["actif_exploitation"] - m["dettes_exploitation"])
        if self.b.comptable:
            bfre = self.pose("bfre", bfre)
            hors = self.pose(
                "bfrhe", sens * (m["actif_hors_exploitation"] - m["dettes_hors_exploitation"])
            )
            bfr = bfre + hors
        else:
            bfr = bfre
        if self.faute == BFR_AVEC_TRESORERIE:
            bfr += m["tresorerie_active"] - m["tresorerie_passive"]
        bfr = self.pose("bfr", bfr)
        sans_concours = self.faute == TRESORERIE_SANS_CONCOURS
        tn = m["tresorerie_active"] - (ZERO if sans_concours else m["tresorerie_passive"])
        tn = self.pose("tresorerie_nette", tn)
        ecart = frng - bfr
        self.pose("verification", -ecart if self.faute == VERIFICATION_INVERSEE else ecart)
        return frng, tn

    def ratio(self, nom: str, numerateur: Decimal, denominateur: Decimal) -> Decimal | None:
        """A ratio to two decimals, half up (None when it cannot be computed)."""
        if self.faute == RATIO_INVERSE:
            numerateur, denominateur = denominateur, numerateur
        chemin = _CHEMIN_RATIO[nom]
        if not denominateur:
            return self.pose(chemin, None)
        quotient = numerateur / denominateur
        if self.faute == RATIO_TRONQUE:
            valeur = quotient.quantize(CENT, ROUND_DOWN)
        elif self.faute == RATIO_EN_POURCENTAGE:
            valeur = cents(quotient * CENT_FOIS)
        else:
            valeur = cents(quotient)
        return self.pose(chemin, valeur)

    def ratios(self, m: dict[str, Decimal]) -> None:
        self.ratio(
            "autonomie_financiere", self.b.total("capitaux_propres"), self.b.total("emprunt")
        )
        circulant = m["actif_exploitation"] + m["actif_hors_exploitation"] + m["tresorerie_active"]
        court_terme = (
            m["dettes_exploitation"] + m["dettes_hors_exploitation"] + m["tresorerie_passive"]
        )
        self.ratio("liquidite_generale", circulant, court_terme)
        depreciations = self.b.total("depreciation_circulant")
        if depreciations and court_terme and self.faute is None:
            # The accounting sheet's net current assets: the other reading textbooks use.
            self.autres["ratios.liquidite_generale"] = cents(
                (circulant - depreciations) / court_terme
            )
        if self.b.comptable:
            self.ratio("couverture_emplois_stables", m["ressources_stables"], m["emplois_stables"])

    def lecture(self, frng: Decimal, tn: Decimal) -> None:
        if self.faute == LECTURE_MALGRE_TRESORERIE:
            lue = situation(frng, ZERO)
        elif self.faute == LECTURE_SANS_FRNG:
            lue = situation(ZERO, tn)
        else:
            lue = situation(frng, tn)
        lue = self.pose("lecture.situation", lue)
        remede = REMEDES.get(lue, "maintenir")
        if self.faute == REMEDE_DECOUVERT and remede != "maintenir":
            remede = "decouvert"
        self.pose("lecture.remede", remede)


_MASSES_SIMPLES = tuple(m for m in MASSES if "hors_exploitation" not in m)
# The answer path of each line's mass, by its place (zipped with the lines: one per line).
_CHEMINS_MASSE = tuple(f"postes.{i}.masse" for i in range(MAX_POSTES))
# The answer paths of the masses and ratios, written once (each run of calcule poses them all).
_CHEMIN_MASSE = {m: f"masses.{m}" for m in MASSES}
_CHEMIN_RATIO = {
    r: f"ratios.{r}"
    for r in ("autonomie_financiere", "liquidite_generale", "couverture_emplois_stables")
}


def calcule(bilan: Bilan, own: Mapping[str, Any] | None = None, faute: str | None = None) -> Calcul:
    """Every field's value, by field path (``masses.emplois_stables``), in form order."""
    c = Calcul(bilan, own or {}, faute)
    m = c.masses(c.classement())
    frng, tn = c.equilibre(m)
    c.ratios(m)
    c.lecture(frng, tn)
    return c


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference answer, contract JSON."""
    bilan = lire_params(params)
    return document(bilan, calcule(bilan).valeurs)


def document(bilan: Bilan, valeurs: Mapping[str, Any]) -> dict[str, Any]:
    """Field values as the answer JSON (nested, canonical strings)."""
    racine: dict[str, Any] = {}
    if bilan.comptable:
        racine["postes"] = [{} for _ in bilan.postes]
    for path, valeur in valeurs.items():
        if valeur is None:
            continue
        texte = type_champ(path).canonical(valeur)
        parts = path.split(".")
        if parts[0] == "postes":
            racine["postes"][int(parts[1])][parts[2]] = texte
        elif len(parts) == 2:
            racine.setdefault(parts[0], {})[parts[1]] = texte
        else:
            racine[path] = texte
    return racine
