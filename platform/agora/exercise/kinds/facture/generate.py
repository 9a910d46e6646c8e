"""A ``facture`` variant drawn from the organisation: its customer (or supplier) and its catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from agora.exercise.base import Variant, tirage
from agora.exercise.kinds.facture import statement as enonce
from agora.exercise.kinds.facture.params import NAME


def generate(
    seed: int, niveau: int, organisation: Any, options: Mapping[str, str] | None = None
) -> Variant:
    """A variant drawn from the organisation: its customer (or supplier) and its catalogue."""
    rng = tirage(NAME, seed, niveau)
    histoire = enonce.histoire(rng, organisation, niveau)
    params = enonce.params(rng, histoire, niveau)
    texte = enonce.enonce(rng, histoire, params, niveau)
    return Variant(NAME, seed, niveau, params, texte)


def rejoue(variant: Variant, organisation: Any) -> tuple[enonce.Histoire, date, str]:
    """The variant's story, invoice date and number, replayed from its draw (the contract
    params do not carry them; the statement gave them)."""
    rng = tirage(NAME, variant.seed, variant.niveau)
    histoire = enonce.histoire(rng, organisation, variant.niveau)
    enonce.params(rng, histoire, variant.niveau)
    jour, numero = enonce.piece(rng, organisation)
    return histoire, jour, numero


def document(variant: Variant, organisation: Any) -> dict[str, Any]:
    """The invoice a later step of a mission takes (``encaissements`` records it): its number,
    date and customer as the statement gave them, and its params.

    ``achat`` is true when the variant checks a supplier's invoice (an organisation outside
    VAT): no sale to record then."""
    histoire, jour, numero = rejoue(variant, organisation)
    tiers = histoire.tiers
    return {
        "numero": numero,
        "date": jour.isoformat(),
        "achat": histoire.achat,
        "client": None if tiers is None else {"nom": tiers.nom, "code": tiers.code},
        "facture": variant.params,
    }
