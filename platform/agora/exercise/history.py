"""A history that never moves: what an attempt or exam answer keeps of its variant, and back.

A started exercise stores its variant whole: the params it is graded against, the statement
the student read (its inputs include the organisation, which a company-model upgrade may
change) and the content version of the generator that drew it. Pages, grading, re-grading
and corrections rebuild the Variant from these columns, never from the seeds.

The content version is the kind's name and its generator ``VERSION`` (« facture/1 »): it says
which generator drew a stored exercise, for an appeal or an audit. A per-kind number rather
than the package version, which moves with every release whether a generator changed or not.
"""

from __future__ import annotations

from typing import Any

from agora.exercise.base import Variant
from agora.exercise.registry import get_kind


def content_version(kind: str) -> str:
    """The version of the generator that draws ``kind`` today (« facture/1 »)."""
    return f"{kind}/{get_kind(kind).VERSION}"


def stored_columns(variant: Variant) -> dict[str, Any]:
    """The columns an attempt or an exam answer keeps of its variant."""
    return {
        "params": variant.params,
        "enonce": variant.enonce,
        "content_version": content_version(variant.kind),
    }
