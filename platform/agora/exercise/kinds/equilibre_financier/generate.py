"""An ``equilibre_financier`` variant drawn from the organisation: a year-end balance sheet sized
on its turnover and shaped by its sector (fixed assets, stocks, receivables, debts), built to show
the situation asked (balanced, stable resources short, or working capital need too high)."""

from __future__ import annotations

import random
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.base import Options, Variant
from agora.exercise.kinds.equilibre_financier.params import NAME
from agora.exercise.kinds.equilibre_financier.secteurs import LIBELLES, Profil, profil, statut
from agora.exercise.kinds.equilibre_financier.statement import enonce

SITUATIONS = ("equilibre", "frng_insuffisant", "bfr_trop_eleve")
AU_CHOIX = "au_choix"
# Amounts to the hundred euros at level 1 (easy to add), the ten at 2, the euro at 3.
ARRONDI = {1: 100, 2: 10, 3: 1}


class Tirage:
    """The draws of one balance sheet, in an order fixed once (changing it changes variants)."""

    def __init__(self, rng: random.Random, ca: Decimal, niveau: int):
        self.rng, self.ca, self.pas = rng, ca, ARRONDI[niveau]

    def part(self, fourchette: tuple[str, str], base: Decimal | None = None) -> int:
        """A share of the turnover (or of ``base``), drawn per mille and rounded to the step."""
        bas, haut = (int(Decimal(x) * 1000) for x in fourchette)
        valeur = (self.ca if base is None else base) * self.rng.randint(bas, haut) / 1000
        return max(self.pas, int(valeur) // self.pas * self.pas)


def _chiffre_affaires(organisation: Any) -> Decimal:
    """The turnover of the twelve months before (a headcount-based guess without history)."""
    total = sum((m.chiffre_affaires_ht for m in organisation.historique), Decimal(0))
    return total or Decimal(90_000 * max(1, len(organisation.salaries)))


def _immobilisations(t: Tirage, p: Profil, niveau: int) -> list[tuple[str, str, int]]:
    """Each fixed asset at gross value followed by its amortisation (goodwill is not amortised)."""
    total = t.part(p.immobilise)
    premier = t.part(("0.30", "0.60"), Decimal(total))
    lignes = []
    for (libelle, amorti), brut in zip(p.immobilisations, (premier, total - premier), strict=True):
        lignes.append((libelle, "immobilisation", brut))
        if amorti:
            cumul = t.part(("0.25", "0.60"), Decimal(brut))
            lignes.append(
                (f"Amortissements ({libelle[0].lower()}{libelle[1:]})", "amortissement", cumul)
            )
    return lignes


def _exploitation(t: Tirage, p: Profil, st: str, niveau: int) -> dict[str, int]:
    """Stocks, receivables and operating debts; at level 3 the prepaid items, a receivable on
    a sold asset, a debt to a fixed-asset supplier and sometimes an impairment or a provision."""
    d = {"stocks": t.part(p.stocks), "creances": t.part(p.creances), "dettes": t.part(p.dettes)}
    if niveau == 3:
        d["cca"] = t.part(("0.003", "0.010"))
        d["pca"] = t.part(("0.005", "0.020")) if st == "association" or t.rng.random() < 0.5 else 0
        d["creance_he"] = t.part(("0.005", "0.020")) if t.rng.random() < 0.6 else 0
        d["dette_immo"] = t.part(("0.010", "0.040"))
        d["depreciation"] = (
            t.part(("0.04", "0.10"), Decimal(d["creances"])) if t.rng.random() < 0.5 else 0
        )
        d["provision"] = t.part(("0.005", "0.015")) if t.rng.random() < 0.5 else 0
    return d


def _bfr(d: Mapping[str, int]) -> int:
    actif = d["stocks"] + d["creances"] + d.get("cca", 0) + d.get("creance_he", 0)
    return actif - d["dettes"] - d.get("pca", 0) - d.get("dette_immo", 0)


def _bfr_positif(t: Tirage, d: dict[str, int]) -> None:
    """A need for working capital of at least 3 to 6 % of turnover: operating debts lowered,
    receivables raised if that is not enough (a restaurant's catering customers…)."""
    cible = t.part(("0.03", "0.06"))
    manque = cible - _bfr(d)
    if manque > 0:
        baisse = min(manque, d["dettes"] - t.part(("0.02", "0.03")))
        d["dettes"] -= max(0, baisse)
        d["creances"] += manque - max(0, baisse)


def _frng(t: Tirage, cible: str, bfr: int, immobilise_net: int) -> int:
    """The FRNG that gives the situation asked, from the working capital need."""
    if cible == "bfr_trop_eleve":
        return max(t.pas, t.part(("0.30", "0.80"), Decimal(bfr)))
    if cible == "frng_insuffisant":
        return -t.part(("0.10", "0.35"), Decimal(immobilise_net))
    frng = bfr + t.part(("0.02", "0.08"))
    return frng if frng > 0 else t.part(("0.01", "0.03"))


def _tresorerie(t: Tirage, tn: int, niveau: int) -> tuple[int, int]:
    """Cash at bank and bank overdraft whose difference is the net cash."""
    if tn >= 0:
        decouvert = t.part(("0.005", "0.015")) if niveau == 3 and t.rng.random() < 0.4 else 0
        return tn + decouvert, decouvert
    disponible = t.part(("0.003", "0.015"))
    return disponible, disponible - tn


def _financement(t: Tirage, ressources: int, deductions: int, brut: int) -> tuple[int, int]:
    """Equity and loans sharing the stable resources left after amortisations and provisions."""
    reste = ressources - deductions
    emprunt = min(t.part(("0.15", "0.45"), Decimal(brut)), t.part(("0.35", "0.60"), Decimal(reste)))
    return reste - emprunt, emprunt


def _capitaux(t: Tirage, st: str, cp: int, niveau: int) -> list[tuple[str, str, int]]:
    noms = LIBELLES[st]
    if niveau == 1:
        return [(noms["capitaux_propres"], "capitaux_propres", cp)]
    apport = t.part(("0.35", "0.60"), Decimal(cp))
    resultat = t.part(("0.05", "0.20"), Decimal(cp))
    return [
        (noms["apport"], "capitaux_propres", apport),
        (noms["reserves"], "capitaux_propres", cp - apport - resultat),
        (noms["resultat"], "capitaux_propres", resultat),
    ]


def _postes(t: Tirage, org: Any, niveau: int, cible: str) -> list[dict[str, str]]:
    p, st = profil(org.secteur), statut(org.relation)
    immos = _immobilisations(t, p, niveau)
    d = _exploitation(t, p, st, niveau)
    if cible != "equilibre":
        _bfr_positif(t, d)
    bfr = _bfr(d)
    brut = sum(m for _, n, m in immos if n == "immobilisation")
    amort = sum(m for _, n, m in immos if n == "amortissement")
    frng = _frng(t, cible, bfr, brut - amort)
    disponible, decouvert = _tresorerie(t, frng - bfr, niveau)
    autres = d.get("depreciation", 0) + d.get("provision", 0)
    if brut + frng - amort - autres < (brut - amort) // 4:
        d["depreciation"] = d["provision"] = 0  # a small, indebted sheet: equity stays positive
    deductions = amort + d.get("depreciation", 0) + d.get("provision", 0)
    cp, emprunt = _financement(t, brut + frng, deductions, brut)
    lignes = immos + _circulant(d, st, disponible) + _capitaux(t, st, cp, niveau)
    lignes += _dettes(d, st, emprunt, decouvert, t)
    return [{"libelle": lib, "nature": n, "montant": str(m)} for lib, n, m in lignes if m]


def _circulant(d: Mapping[str, int], st: str, disponible: int) -> list[tuple[str, str, int]]:
    return [
        ("Stocks", "stock", d["stocks"]),
        (LIBELLES[st]["creances"], "creance_exploitation", d["creances"]),
        ("Dépréciation des créances", "depreciation_circulant", d.get("depreciation", 0)),
        (
            "Créance sur la vente d'une immobilisation",
            "creance_hors_exploitation",
            d.get("creance_he", 0),
        ),
        (
            "Charges constatées d'avance (assurance payée d'avance)",
            "charge_constatee_avance",
            d.get("cca", 0),
        ),
        ("Disponibilités (banque et caisse)", "disponibilites", disponible),
    ]


def _dettes(
    d: Mapping[str, int], st: str, emprunt: int, decouvert: int, t: Tirage
) -> list[tuple[str, str, int]]:
    fournisseurs = d["dettes"] * t.rng.randint(55, 70) // 100 // t.pas * t.pas
    if t.pas == ARRONDI[1]:
        fournisseurs = d["dettes"]  # level 1, few lines: the operating debts on one line
    pca = LIBELLES[st]["pca"]
    return [
        ("Provision pour risques (litige en cours)", "provision", d.get("provision", 0)),
        ("Emprunts auprès des établissements de crédit", "emprunt", emprunt),
        ("Concours bancaires courants (découvert)", "concours_bancaires", decouvert),
        (
            "Dettes fournisseurs"
            if fournisseurs < d["dettes"]
            else "Dettes fournisseurs, fiscales et sociales",
            "dette_exploitation",
            fournisseurs,
        ),
        ("Dettes fiscales et sociales", "dette_exploitation", d["dettes"] - fournisseurs),
        (
            "Dettes sur immobilisations (fournisseur de matériel)",
            "dette_immobilisation",
            d.get("dette_immo", 0),
        ),
        (f"Produits constatés d'avance ({pca})", "produit_constate_avance", d.get("pca", 0)),
    ]


def params(rng: random.Random, organisation: Any, niveau: int, cible: str) -> dict[str, Any]:
    t = Tirage(rng, _chiffre_affaires(organisation), niveau)
    return {
        "organisation": {
            "nom": organisation.raison_sociale,
            "statut": statut(organisation.relation),
        },
        "date_bilan": organisation.exercice_fin.isoformat(),
        "presentation": "comptable" if niveau == 3 else "fonctionnel",
        "postes": _postes(t, organisation, niveau, cible),
    }


def _cible(options: Mapping[str, str] | None) -> str:
    """The situation a mission chose (``au_choix``: drawn for each student); InvalidInput."""
    choisie = dict(options or {}).get("situation", AU_CHOIX)
    if choisie == AU_CHOIX or (isinstance(choisie, str) and choisie in SITUATIONS):
        return choisie
    raise InvalidInput(f"Situation inconnue : « {choisie} » ({', '.join(SITUATIONS)}).")


def generate(seed: int, niveau: int, organisation: Any, options: Options = None) -> Variant:
    """The variant of this seed, level and situation in the organisation."""
    if niveau not in ARRONDI:
        raise InvalidInput(f"Niveau inconnu : {niveau} (1, 2 ou 3).")
    choisie = _cible(options)
    rng = random.Random(f"{NAME}:{seed}:{niveau}:{choisie}")
    cible = choisie if choisie in SITUATIONS else rng.choice(SITUATIONS)
    document = params(rng, organisation, niveau, cible)
    texte = enonce(document, organisation, niveau)
    return Variant(NAME, seed, niveau, document, texte, {"situation": choisie})
