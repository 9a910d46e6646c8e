"""The SEPA credit-transfer file (pain.001) of a supplier-payment attempt: the transfers the
student decided, with the amounts they wrote, built and schema-checked by the
``reglements_fournisseurs`` kind. Shared by the student's and the teacher's download routes,
which check who may read the attempt."""

from __future__ import annotations

from agora.classroom import service
from agora.classroom.models import StepAttempt
from agora.errors import InvalidInput, UnknownCode
from agora.exercise.kinds.reglements_fournisseurs import sepa

KIND = "reglements_fournisseurs"


def has_sepa(attempt: StepAttempt) -> bool:
    """Whether the attempt's answer is a week's transfers (a SEPA file can be made of it)."""
    return attempt.kind == KIND


def sepa_file(attempt: StepAttempt) -> tuple[bytes, str]:
    """(pain.001 XML, file name) of the attempt's transfers; a French error when the attempt
    has none (another kind, or no invoice decided for payment)."""
    if not has_sepa(attempt):
        raise UnknownCode("Cette tentative ne produit pas de fichier de virements.")
    variant = service.attempt_variant(attempt)
    xml = sepa.fichier_eleve(variant.params, attempt.answer)
    if xml is None:
        raise InvalidInput(
            "Aucune facture n'est à payer dans cette réponse : le fichier de virements serait vide."
        )
    sepa.valide(xml)
    return xml, f"virements-sepa-{attempt.id}.xml"
