"""The named method errors of a cash budget: the message a student reads, the rows each shows
in, and the ones worth looking for in a given budget."""

from __future__ import annotations

from functools import lru_cache

from agora.exercise.kinds.budget_tresorerie import solve as s
from agora.exercise.kinds.budget_tresorerie.params import Budget

MESSAGES = {
    s.VENTES_HT: "Une vente est encaissée toutes taxes comprises : prenez le montant TTC "
    "(HT × (1 + taux de TVA)), pas le montant HT.",
    s.ENCAISSEMENT_MOIS_VENTE: "Une vente à crédit n'est pas encaissée le mois de la vente : "
    "répartissez-la selon ses délais de règlement (à 30 jours = le mois suivant).",
    s.SUBVENTION_ENTIERE: "La subvention est versée en plusieurs fois : chaque versement est "
    "encaissé le mois où il est reçu.",
    s.ACHATS_HT: "Un achat se paie toutes taxes comprises : décaissez le montant TTC, pas le "
    "montant HT.",
    s.INVESTISSEMENT_HT: "L'investissement se paie toutes taxes comprises : décaissez le TTC ; "
    "sa TVA est récupérée ensuite, en moins sur la TVA à payer du mois suivant.",
    s.CHARGES_SOCIALES_MEME_MOIS: "Les charges sociales d'une paie sont payées à l'Urssaf le "
    "mois suivant, pas le mois de la paie.",
    s.TVA_MEME_MOIS: "La TVA d'un mois se paie le mois suivant : en février, on paie la TVA "
    "de janvier.",
    s.TVA_DEDUCTIBLE_OUBLIEE: "La TVA à payer = TVA collectée − TVA déductible (sur les achats "
    "et l'investissement) : la TVA déductible a été oubliée.",
    s.SOLDE_INVERSE: "Solde du mois = encaissements − décaissements (et non l'inverse).",
    s.SOLDE_CUMULE: "Le solde du mois ne concerne que ce mois : encaissements du mois − "
    "décaissements du mois, sans ajouter les mois précédents.",
    s.DEBUT_NON_REPORTE: "La trésorerie de début de mois est la trésorerie de fin du mois "
    "précédent, pas celle du début du budget.",
    s.TENSION_SOUS_ZERO: "Un mois est en tension dès que la trésorerie de fin passe sous le "
    "seuil de sécurité, même si elle reste positive.",
    s.DECOUVERT_BESOIN_DURABLE: "Un découvert ne couvre qu'un besoin court et limité : ici le "
    "manque dure plusieurs mois ou dépasse le découvert possible.",
}

# The fields (without the month) where each wrong method shows.
SIGNATURES = {
    s.VENTES_HT: "ventes",
    s.ENCAISSEMENT_MOIS_VENTE: "ventes",
    s.SUBVENTION_ENTIERE: "subvention",
    s.ACHATS_HT: "achats",
    s.INVESTISSEMENT_HT: "investissement",
    s.CHARGES_SOCIALES_MEME_MOIS: "charges_sociales",
    s.TVA_MEME_MOIS: "tva",
    s.TVA_DEDUCTIBLE_OUBLIEE: "tva",
    s.SOLDE_INVERSE: "solde_mois",
    s.SOLDE_CUMULE: "solde_mois",
    s.DEBUT_NON_REPORTE: "tresorerie_debut",
    s.TENSION_SOUS_ZERO: "tension",
    s.DECOUVERT_BESOIN_DURABLE: "remede",
}


def signature(path: str) -> str:
    """The field of a path without its month: ``mois.2.tva`` → ``tva``."""
    return path.rsplit(".", 1)[-1]


def fautes_possibles(b: Budget) -> list[str]:
    """The wrong methods that can show in this budget, in the order tried."""
    return list(_fautes(*b.lignes(), bool(b.seuil)))


def fautes_par_champ(b: Budget) -> dict[str, list[str]]:
    """The wrong methods that can show in this budget by the field they show in (without
    its month), in the order tried: a wrong field's candidates at once."""
    return _par_champ(*b.lignes(), bool(b.seuil))


@lru_cache(maxsize=64)
def _fautes(enc: tuple[str, ...], dec: tuple[str, ...], seuil: bool) -> tuple[str, ...]:
    """``fautes_possibles`` of a budget of these rows, with a threshold or not: found once
    per shape of budget, whatever its amounts (shared: never changed)."""
    lignes = set(enc) | set(dec) | {"solde_mois", "tresorerie_debut", "remede"}
    if seuil:
        lignes.add("tension")
    return tuple(f for f, champ in SIGNATURES.items() if champ in lignes)


@lru_cache(maxsize=64)
def _par_champ(enc: tuple[str, ...], dec: tuple[str, ...], seuil: bool) -> dict[str, list[str]]:
    """``fautes_par_champ`` of a budget of these rows, found once per shape (shared)."""
    par_champ: dict[str, list[str]] = {}
    for faute in _fautes(enc, dec, seuil):
        par_champ.setdefault(SIGNATURES[faute], []).append(faute)
    return par_champ
