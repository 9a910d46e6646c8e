"""The facts a written answer must state, taken from the document an earlier step of the
mission makes (``depuis``): the invoice's number, amount, due date and customer, say.

They are the expected values of the student's own variant of that step (its first try: a step
a written step follows keeps its statement on every try), so an answer built on a wrong
invoice is pointed out; the teacher decides what it costs.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from agora.content.missions import Fait, Mission


def piece_de_l_etape(mission: Mission, index: int, org_seed: int) -> Any:
    """The commercial document (agora.documents) step ``index`` makes for the organisation of
    ``org_seed``: its reference solution, first try."""
    from agora.classroom import service
    from agora.exercise.registry import get_kind
    from agora.exercise.variants import company_for

    student = SimpleNamespace(org_seed=org_seed)
    variant = service.step_variant(student, mission, index)
    kind = get_kind(mission.etapes[index].kind)
    solution = kind.read(kind.solve(variant.params))
    documents = service.step_documents(student, mission, index)
    return kind.piece_commerciale(variant, company_for(org_seed), solution, documents)


def faits_depuis(mission: Mission | None, step: Any, org_seed: int) -> list[Fait]:
    """The facts of the earlier step's document for the organisation of ``org_seed``."""
    if mission is None or getattr(step, "depuis", None) is None:
        return []
    doc = piece_de_l_etape(mission, step.depuis - 1, org_seed)
    nom = {"facture": "de la facture", "devis": "du devis", "avoir": "de l'avoir"}.get(doc.type, "")
    faits = [Fait(nature="reference", valeur=doc.numero, libelle=f"le numéro {nom} ({doc.numero})")]
    montant = doc.net_a_payer if doc.net_a_payer is not None else doc.total_ttc
    if montant is not None:
        faits.append(Fait(nature="montant", valeur=f"{montant:f}", libelle=f"le montant {nom}"))
    if doc.reference:
        faits.append(Fait(nature="reference", valeur=doc.reference, libelle="la facture corrigée"))
    if doc.echeance:
        faits.append(Fait(nature="date", valeur=doc.echeance.isoformat(), libelle="l'échéance"))
    return faits
