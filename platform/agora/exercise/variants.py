"""Variants: the one place an exercise variant is made, from its seeds, level and options."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from agora.exercise.base import ExerciseKind, Variant
from agora.exercise.registry import get_kind


@lru_cache(maxsize=256)
def company_for(org_seed: int):
    """The organisation of a seed (deterministic, so cached per seed)."""
    from agora.company import generate_company  # Faker loads on first use, not at import

    return generate_company(org_seed)


@dataclass(frozen=True)
class Source:
    """The earlier step whose document a chained step takes (a mission's ``depuis``), and the
    step that one was itself built on, if any; ``etape``: its number in the mission, which the
    document carries (a statement says « à l'étape 1 »), None outside a mission."""

    kind: str
    niveau: int
    seed: int
    options: tuple[tuple[str, str], ...] = ()
    source: Source | None = None
    etape: int | None = None


def build_variant(
    kind: str,
    niveau: int,
    seed: int,
    org_seed: int,
    options: Mapping[str, Any] | None = None,
    source: Source | None = None,
) -> Variant:
    """The variant of one exercise for one organisation, rebuilt identically from what is stored.

    ``options`` are a mission's choices for the kind (checked, defaults filled in): a different
    option gives a different variant, kept apart in the cache and named in the variant. With a
    ``source`` whose document the kind takes, the variant is built on that document (the
    invoice of the mission's earlier step); otherwise it is drawn as usual.
    """
    chosen = get_kind(kind).choose_options(options)
    return _build(kind, niveau, seed, org_seed, tuple(sorted(chosen.items())), source)


@lru_cache(maxsize=2048)
def _build(
    kind: str,
    niveau: int,
    seed: int,
    org_seed: int,
    options: tuple[tuple[str, str], ...],
    source: Source | None = None,
) -> Variant:
    chosen, made, organisation = dict(options), get_kind(kind), company_for(org_seed)
    documents = _documents(made, source, org_seed) if source is not None else None
    if documents:
        variant = made.reprendre(seed, niveau, organisation, chosen, documents)
    else:
        variant = made.generate(seed, niveau, organisation, chosen)
    return replace(variant, options=chosen) if chosen else variant


def _documents(consumer: ExerciseKind, source: Source, org_seed: int) -> dict[str, Any]:
    """The source step's document by type, when the consumer can take it (else empty)."""
    producer = get_kind(source.kind)
    produit = producer.PRODUIT
    if produit not in consumer.CONSOMME or not (producer.document and consumer.reprendre):
        return {}
    earlier = _build(
        source.kind, source.niveau, source.seed, org_seed, source.options, source.source
    )
    upstream = _documents(producer, source.source, org_seed) if source.source else None
    document = producer.document(earlier, company_for(org_seed), upstream or None)
    if source.etape is not None:
        document = {**document, "etape": source.etape}
    return {produit: document}


def documents_of(kind: str, source: Source | None, org_seed: int) -> dict[str, Any] | None:
    """The earlier steps' documents a variant of ``kind`` was built on (None: none)."""
    return (_documents(get_kind(kind), source, org_seed) or None) if source else None


def source_of(
    kind: str,
    niveau: int,
    seed: int,
    options: Mapping[str, Any] | None,
    source: Source | None = None,
    etape: int | None = None,
) -> Source:
    """The Source of an earlier step (step ``etape`` of its mission), its options completed as
    its variant was built."""
    chosen = get_kind(kind).choose_options(options)
    return Source(kind, niveau, seed, tuple(sorted(chosen.items())), source, etape)


def warm_up() -> None:
    """Draw one variant of every kind, so Faker, the sector profiles, the barèmes and the kinds'
    data are loaded once before the first requests.

    Cold, each of thirty-five students starting an exam at the same second loaded them again
    in its own worker thread (bench/exam_load.py, 35 starts: p50 6.7 s instead of 0.3 s).
    """
    from agora.exercise.registry import KINDS

    for kind in KINDS:
        build_variant(kind, 1, 0, 0)
