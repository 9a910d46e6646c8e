"""The student's quote as the real document: the organisation, the customer who asked for it,
the lines and the amounts as the student computed them, the validity date and what the
customer pays at signature."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from agora.documents.commercial import (
    Ajustement,
    DocumentCommercial,
    Ligne,
    LigneTva,
    montant_lu,
    partie_de,
    vendeur_de,
)
from agora.exercise.base import Variant
from agora.exercise.kinds.devis.answer import BON_POUR_ACCORD
from agora.exercise.kinds.devis.generate import document, tire
from agora.exercise.kinds.devis.solve import solve
from agora.exercise.reading import Lecture
from agora.money import euros

VERSEMENTS = {"acompte": "Acompte", "arrhes": "Arrhes"}


def _mentions(lecture: Lecture, params: dict[str, Any]) -> tuple[str, ...]:
    validite = lecture.valeur("date_validite")
    versement = lecture.valeur("versement")
    montant = montant_lu(lecture, "acompte")
    accord = lecture.valeur("bon_pour_accord")
    mentions = [
        f"Devis valable jusqu'au {validite.strftime('%d/%m/%Y')}."
        if isinstance(validite, date)
        else "Devis valable jusqu'au — .",
        f"{VERSEMENTS.get(versement, 'Versement')} à verser à la signature : "
        f"{euros(montant) if montant is not None else '—'}.",
        "Pour accepter le devis : "
        + (BON_POUR_ACCORD.valeurs.get(accord, "—") if isinstance(accord, str) else "—").lower()
        + ".",
    ]
    return tuple(mentions)


def piece_commerciale(
    variant: Variant, organisation: Any, lecture: Lecture, documents: Any = None
) -> DocumentCommercial:
    """The quote with the amounts the student wrote (None where not given or unreadable)."""
    params = variant.params
    _, histoire, _ = tire(variant.seed, variant.niveau, organisation, variant.options)
    numero = document(variant, organisation)["numero"]
    reference = solve(params)  # only for the order of the VAT groups the form shows
    reductions, tva = [], []
    for g, groupe in enumerate(reference["taux"]):
        taux_tva = Decimal(groupe["taux"])
        for k, remise in enumerate(groupe["remises"]):
            montant = montant_lu(lecture, "taux", g, "remises", k, "montant")
            reductions.append(Ajustement("Remise", taux_tva, montant, Decimal(remise["taux"])))
        base, taxe = (
            montant_lu(lecture, "taux", g, "base_tva"),
            montant_lu(lecture, "taux", g, "tva"),
        )
        tva.append(LigneTva(taux_tva, base, taxe))
    port = montant_lu(lecture, "port_ht")
    frais = ()
    if "port" in params and port:
        libelle = params["port"]["libelle"].capitalize()  # frais de port, or de déplacement
        frais = (Ajustement(libelle, Decimal(params["port"]["taux_tva"]), port),)
    return DocumentCommercial(
        type="devis",
        numero=numero,
        date=date.fromisoformat(params["date_devis"]),
        vendeur=vendeur_de(organisation),
        client=partie_de(histoire.client),
        lignes=tuple(
            Ligne(
                ligne["reference"],
                ligne["designation"],
                Decimal(ligne["quantite"]),
                montant_lu(lecture, "lignes", i, "prix_unitaire_ht")
                or Decimal(ligne["prix_unitaire_ht"]),
                Decimal(ligne["taux_tva"]),
                montant_lu(lecture, "lignes", i, "montant_ht"),
            )
            for i, ligne in enumerate(params["lignes"])
        ),
        reductions=tuple(reductions),
        frais=frais,
        tva=tuple(tva),
        total_ht=montant_lu(lecture, "total_ht"),
        total_tva=montant_lu(lecture, "total_tva"),
        total_ttc=montant_lu(lecture, "total_ttc"),
        net_a_payer=None,
        nature="biens",
        mentions=_mentions(lecture, params),
    )
