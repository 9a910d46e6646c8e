"""The named method errors of a cash budget: the message a student reads (messages.yaml
beside), the rows each shows in, and the ones worth looking for in a given budget."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from agora.exercise.kinds.budget_tresorerie import solve as s
from agora.exercise.kinds.budget_tresorerie.params import Budget
from agora.exercise.nommes import messages_lus

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

MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"), SIGNATURES)


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
