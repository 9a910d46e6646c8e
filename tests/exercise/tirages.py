"""The variants a sector test reads: a kind drawn for each seed's organisation (of one sector,
or any), at each level, as the platform draws them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from agora.company import generate_company
from agora.exercise.base import NIVEAUX, Variant
from agora.exercise.registry import KINDS


def variantes(
    kind: str, seeds: Iterable[int], secteur: str | None = None, niveaux=NIVEAUX, options=None
) -> Iterator[tuple[int, int, Any, Variant]]:
    """(seed, level, organisation, variant) of ``kind`` for each seed and level, the
    organisation drawn once per seed (in ``secteur``, or the seed's own sector), with the
    mission's ``options`` if any."""
    for seed in seeds:
        organisation = generate_company(seed, secteur)
        for niveau in niveaux:
            yield (
                seed,
                niveau,
                organisation,
                KINDS[kind].generate(seed, niveau, organisation, options),
            )
