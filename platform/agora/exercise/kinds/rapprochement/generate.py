"""Bank reconciliation, the variant drawn as usual (``generate``) or built on an earlier step
of the mission (``reprendre``): the week's supplier transfers the student prepared are one
remittance of the month, in the 512 ledger on the payment day and on the statement the next day.

The draw itself is in ``tirage``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from agora.exercise.base import Variant
from agora.exercise.kinds.rapprochement.params import NAME
from agora.exercise.kinds.rapprochement.statement import rediger
from agora.exercise.kinds.rapprochement.tirage import Operation, generate, generer
from agora.money import euros

__all__ = ["generate", "reprendre"]


def remise(virements: Mapping[str, Any]) -> Operation | None:
    """The remittance of the transfers as one bank operation; None when nothing was paid."""
    total = Decimal(virements["total"])
    if total <= 0:
        return None
    jour = date.fromisoformat(virements["date"])
    lendemain = jour + timedelta(days=1)
    ref = virements["reference"]
    return Operation(
        "virement_emis",
        total,
        jour,
        # Debited the next day, unless that is next month: then still pending at the month's end.
        lendemain if lendemain.month == jour.month else None,
        lib_512=f"Virements fournisseurs de la semaine — remise {ref}",
        lib_releve=f"VIR SEPA EMIS REMISE {ref}",
        ref=ref,
    )


def reprendre(
    seed: int,
    niveau: int,
    organisation: Any,
    options: Mapping[str, str] | None,
    documents: Mapping[str, dict[str, Any]],
) -> Variant:
    """The month of the supplier transfers of an earlier step (a ``virements`` document):
    their remittance is among the month's operations; drawn as usual when nothing was paid."""
    virements = documents.get("virements")
    operation = remise(virements) if virements else None
    if operation is None:
        return generate(seed, niveau, organisation, options)
    params, contexte = generer(seed, niveau, organisation, operation)
    texte = (
        f"Les virements aux fournisseurs que vous avez préparés (remise "
        f"**{operation.ref}** du {operation.jour_512:%d/%m/%Y}, "
        f"{len(virements['virements'])} virement(s), total **{euros(operation.montant)}**) "
        "sont partis ce mois-ci : retrouvez-les dans le compte 512 et sur le relevé."
    )
    return Variant(NAME, seed, niveau, params, rediger(params, niveau, contexte, texte))
