"""Variants: the one place an exercise variant is made, from its seeds, level and options."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from typing import Any

from agora.exercise.base import Variant
from agora.exercise.registry import get_kind


@lru_cache(maxsize=256)
def company_for(org_seed: int):
    """The organisation of a seed (deterministic, so cached per seed)."""
    from agora.company import generate_company  # Faker loads on first use, not at import

    return generate_company(org_seed)


def build_variant(
    kind: str, niveau: int, seed: int, org_seed: int, options: Mapping[str, Any] | None = None
) -> Variant:
    """The variant of one exercise for one organisation, rebuilt identically from what is stored.

    ``options`` are a mission's choices for the kind (checked, defaults filled in): a different
    option gives a different variant, kept apart in the cache and named in the variant.
    """
    chosen = get_kind(kind).choose_options(options)
    return _build(kind, niveau, seed, org_seed, tuple(sorted(chosen.items())))


@lru_cache(maxsize=2048)
def _build(
    kind: str, niveau: int, seed: int, org_seed: int, options: tuple[tuple[str, str], ...]
) -> Variant:
    chosen = dict(options)
    variant = get_kind(kind).generate(seed, niveau, company_for(org_seed), chosen)
    return replace(variant, options=chosen) if chosen else variant


def warm_up() -> None:
    """Draw one variant of every kind, so Faker, the sector profiles, the barèmes and the kinds'
    data are loaded once before the first requests.

    Cold, each of thirty-five students starting an exam at the same second loaded them again
    in its own worker thread (bench/exam_load.py, 35 starts: p50 6.7 s instead of 0.3 s).
    """
    from agora.exercise.registry import KINDS

    for kind in KINDS:
        build_variant(kind, 1, 0, 0)
