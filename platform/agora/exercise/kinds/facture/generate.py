"""A ``facture`` variant drawn from the organisation: its customer (or supplier) and its catalogue."""

from __future__ import annotations

from collections.abc import Mapping
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
