"""A ``facture`` variant drawn from the organisation: its customer (or supplier) and its catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.base import Documents, Options, Variant, tirage
from agora.exercise.kinds.facture import histoire as recit
from agora.exercise.kinds.facture import statement as enonce
from agora.exercise.kinds.facture.params import NAME, verifie_params
from agora.exercise.kinds.facture.statement import arrhes


def generate(seed: int, niveau: int, organisation: Any, options: Options = None) -> Variant:
    """A variant drawn from the organisation: its customer (or supplier) and its catalogue."""
    rng = tirage(NAME, seed, niveau)
    histoire = recit.histoire(rng, organisation, niveau)
    params = recit.params(rng, histoire, niveau)
    texte = enonce.enonce(rng, histoire, params, niveau)
    return Variant(NAME, seed, niveau, params, texte)


def reprendre(
    seed: int, niveau: int, organisation: Any, options: Options, documents: Documents
) -> Variant:
    """The invoice of the quote the student made at an earlier step (a ``devis`` document):
    same customer, lines, remises, port and deposit. Drawn as usual in the rare case the quote
    cannot be invoiced as such (at its level 3, a delivery so short that the deposit paid
    exceeds what it invoices)."""
    rng, histoire, params, jour, numero = _repris(seed, niveau, organisation, documents["devis"])
    try:
        verifie_params(params)
    except InvalidInput:
        return generate(seed, niveau, organisation, options)
    texte = enonce.enonce(rng, histoire, params, niveau, (jour, numero, documents["devis"]))
    return Variant(NAME, seed, niveau, params, texte)


def _repris(seed: int, niveau: int, organisation: Any, devis: dict[str, Any]):
    rng = tirage(NAME, seed, niveau, "depuis")
    histoire = recit.histoire_du_devis(organisation, devis)
    params = recit.params_du_devis(devis, organisation, niveau)
    return rng, histoire, params, *recit.piece_apres(rng, devis)


def rejoue(
    variant: Variant, organisation: Any, documents: Mapping[str, Any] | None = None
) -> tuple[recit.Histoire, date, str]:
    """The variant's story, invoice date and number, replayed from its draw (the contract
    params do not carry them; the statement gave them), on the quote it followed if any."""
    if documents and "devis" in documents:
        _, histoire, _, jour, numero = _repris(
            variant.seed, variant.niveau, organisation, documents["devis"]
        )
        return histoire, jour, numero
    rng = tirage(NAME, variant.seed, variant.niveau)
    histoire = recit.histoire(rng, organisation, variant.niveau)
    recit.params(rng, histoire, variant.niveau)
    jour, numero = recit.piece(rng, organisation)
    return histoire, jour, numero


def document(
    variant: Variant, organisation: Any, documents: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The invoice a later step of a mission takes (``encaissements`` records it): its number,
    date and customer as the statement gave them, and its params. ``documents``: what the
    invoice itself was built on (the quote of an earlier step), to replay it.

    ``achat`` is true when the variant checks a supplier's invoice (an organisation outside
    VAT): no sale to record then."""
    histoire, jour, numero = rejoue(variant, organisation, documents)
    tiers = histoire.tiers
    return {
        "numero": numero,
        "date": jour.isoformat(),
        "echeance": recit.echeance(organisation, jour).isoformat(),  # as the statement gives it
        "achat": histoire.achat,
        "client": None if tiers is None else {"nom": tiers.nom, "code": tiers.code},
        "facture": variant.params,
        # What the payment at signature was (« arrhes » when the quote's CGV say so), for a
        # later step to call it the same.
        "versement": "arrhes" if arrhes((documents or {}).get("devis")) else "acompte",
    }
