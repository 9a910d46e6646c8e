"""The caps a sector's law puts on reductions (new books: loi Lang), as the kinds draw them.

The sector profile states the cap (``plafonds_reductions``, announced in its ``contraintes``);
an invoice, quote or credit note that sells one of the capped articles keeps every reduction it
grants — remises, rabais, ristournes and escompte, in cascade — within the cap for its buyer
(a higher one for a library or public body). Nothing here draws at random: a kind that bounds
its reductions keeps the draws of every other sector unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from agora.content.secteurs import PlafondReductions, load_secteurs

HUNDRED = Decimal(100)
HALF = Decimal("0.5")


def _regles(organisation: Any) -> list[PlafondReductions]:
    secteur = load_secteurs().get(getattr(organisation, "secteur", None) or "")
    return list(secteur.plafonds_reductions) if secteur else []


def _modele(pattern: str) -> re.Pattern[str]:
    parts = re.split(r"\{[a-z0-9]+\}", pattern)
    return re.compile(".+".join(re.escape(p) for p in parts))


def collectivite(regle: PlafondReductions, client: str | None) -> bool:
    """Whether the buyer named ``client`` is a library or public body (its name follows one of
    the rule's customer patterns)."""
    return bool(client) and any(_modele(p).fullmatch(client) for p in regle.collectivites)


def plafond(organisation: Any, client: str | None, designations: Iterable[str]) -> Decimal | None:
    """The cap (percent) on the reductions of a sale of these articles to this buyer by this
    organisation; None when no capped article is sold."""
    designations = set(designations)
    caps = [
        r.taux_max_collectivites if collectivite(r, client) else r.taux_max
        for r in _regles(organisation)
        if designations & set(r.articles)
    ]
    return min(caps) if caps else None


def taux_cumule(taux: Iterable[Decimal | str]) -> Decimal:
    """The total reduction of rates applied in cascade, in percent."""
    reste = Decimal(1)
    for t in taux:
        reste *= 1 - Decimal(t) / HUNDRED
    return (1 - reste) * HUNDRED


def _part(cap: Decimal, nombre: int) -> Decimal:
    return (cap / nombre / HALF).to_integral_value(rounding=ROUND_FLOOR) * HALF


def borne(taux: Sequence[str], cap: Decimal | None) -> list[str]:
    """The rates ``taux`` (in cascade) brought within ``cap``: unchanged when they fit, else each
    rate at most an equal share of the cap (by half points), so their sum fits it."""
    if cap is None or taux_cumule(taux) <= cap:
        return list(taux)
    part = _part(cap, len(taux))
    return [f"{min(Decimal(t), part).normalize():f}" for t in taux]


def plafonne(params: dict[str, Any], organisation: Any, client: str | None) -> dict[str, Any]:
    """Invoice-shaped params (``lignes``, ``reductions``, ``escompte_taux``) with their
    reductions within the sector's cap for this sale; the same dict when no cap applies."""
    designations = [ligne.get("designation", "") for ligne in params.get("lignes", ())]
    cap = plafond(organisation, client, designations)
    reductions = list(params.get("reductions") or ())
    taux = [r["taux"] for r in reductions]
    if "escompte_taux" in params:
        taux.append(params["escompte_taux"])
    bornes = borne(taux, cap)
    if bornes == taux:
        return params
    result = dict(params)
    result["reductions"] = [
        {**r, "taux": t} for r, t in zip(reductions, bornes[: len(reductions)], strict=True)
    ]
    if "escompte_taux" in params:
        result["escompte_taux"] = bornes[-1]
    return result
