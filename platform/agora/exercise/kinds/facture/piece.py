"""The student's invoice as the real document: the organisation and its customer (or, for a
purchase to check, the supplier and the organisation), the lines, and the amounts as the
student computed them, with the mandatory mentions (L441-9 Code de commerce, art. 242 nonies A
annexe II CGI, and those the 2026 e-invoicing reform adds)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from agora.documents.commercial import (
    Ajustement,
    DocumentCommercial,
    Ligne,
    montant_lu,
    partie_de,
    tva_lue,
    vendeur_de,
)
from agora.exercise.base import Variant
from agora.exercise.kinds.facture.generate import rejoue
from agora.exercise.kinds.facture.solve import solve
from agora.exercise.kinds.facture.statement import arrhes, libelle_port
from agora.exercise.reading import Lecture

# Code de commerce, L441-10: the rate when the supplier's conditions say nothing else.
PENALITES_LEGALES = (
    "taux de la Banque centrale européenne à son opération de refinancement la plus récente, "
    "majoré de 10 points"
)
NATURES = {"remise": "Remise", "rabais": "Rabais", "ristourne": "Ristourne"}


def _nature(params: dict[str, Any], org: Any, achat: bool) -> str:
    """Goods (stocked articles), services, or both: the 2026 mention « nature de l'opération »."""
    stockes = {a.reference: a.stock_minimum > 0 for a in org.catalogue}
    biens = [
        (not ligne["reference"].startswith(("REP-", "SRV-")))
        if achat
        else stockes.get(ligne["reference"])
        for ligne in params["lignes"]
    ]
    if all(biens):
        return "biens"
    return "services" if not any(biens) else "mixte"


def _escompte_fournisseur(params: dict[str, Any]) -> str:
    if "escompte_taux" in params:
        return "Escompte pour paiement comptant déduit sur la facture."
    return "Pas d'escompte pour paiement anticipé."


def _somme(montants: list[Decimal | None]) -> Decimal | None:
    """A total the form does not ask (one VAT rate: the total VAT is its amount)."""
    return None if None in montants else sum(montants, Decimal(0))


def piece_commerciale(
    variant: Variant, organisation: Any, lecture: Lecture, documents: Any = None
) -> DocumentCommercial:
    """The invoice with the amounts the student wrote (None where not given or unreadable);
    ``documents``: the quote of an earlier step the invoice followed, if any."""
    params = variant.params
    histoire, jour, numero = rejoue(variant, organisation, documents)
    reference = solve(params)  # only for the order of the VAT groups the form shows
    reductions: list[Ajustement] = []
    for g, groupe in enumerate(reference["groupes"]):
        taux_tva = Decimal(groupe["taux_tva"])
        for k, r in enumerate(groupe["reductions"]):
            montant = montant_lu(lecture, "groupes", g, "reductions", k, "montant")
            libelle = NATURES.get(r["nature"], r["nature"])
            reductions.append(Ajustement(libelle, taux_tva, montant, Decimal(r["taux"])))
        if "escompte_taux" in params:
            montant = montant_lu(lecture, "groupes", g, "escompte")
            escompte = Decimal(params["escompte_taux"])
            reductions.append(Ajustement("Escompte", taux_tva, montant, escompte))
    frais = ()
    if "frais_port_ht" in params:
        # Given in the statement, not asked in the form: the student's value if they wrote one.
        port = montant_lu(lecture, "frais_port_ht") or Decimal(params["frais_port_ht"])
        libelle = libelle_port(histoire.famille)
        frais = (Ajustement(libelle, Decimal(params["taux_tva_port"]), port),)
    tva = tva_lue(lecture, reference["tva"])
    org = organisation
    tiers = histoire.tiers
    vendeur = partie_de(tiers) if histoire.achat else vendeur_de(org)
    client = vendeur_de(org) if histoire.achat else partie_de(tiers)
    cgv = org.cgv
    delai = getattr(tiers, "delai_paiement_jours", None) if histoire.achat else None
    echeance = jour + timedelta(days=delai or cgv.delai_paiement_jours)
    professionnel = histoire.achat or getattr(tiers, "type", "") == "entreprise"
    realisation = (
        f"Date de livraison : {jour.strftime('%d/%m/%Y')} ; adresse de livraison : celle du client."
        if histoire.famille == "biens"
        else f"Date de réalisation de la prestation : {jour.strftime('%d/%m/%Y')}."
    )
    mentions = [
        realisation,
        f"Paiement à {delai or cgv.delai_paiement_jours} jours, au plus tard le "
        f"{echeance.strftime('%d/%m/%Y')}.",
        cgv.escompte_conditions if not histoire.achat else _escompte_fournisseur(params),
        f"Pénalités de retard : {PENALITES_LEGALES if histoire.achat else cgv.penalites_retard}.",
    ]
    if professionnel:
        mentions.append(
            "Indemnité forfaitaire pour frais de recouvrement : 40 € (art. D441-5 du "
            "Code de commerce)."
        )
    mentions.append("TVA acquittée sur les débits : non (option non exercée).")
    return DocumentCommercial(
        type="facture",
        numero=numero,
        date=jour,
        vendeur=vendeur,
        client=client,
        lignes=tuple(
            Ligne(
                ligne["reference"],
                ligne["designation"],
                Decimal(ligne["quantite"]),
                Decimal(ligne["prix_unitaire_ht"]),
                Decimal(ligne["taux_tva"]),
                montant_lu(lecture, "lignes", i, "montant_ht"),
            )
            for i, ligne in enumerate(params["lignes"])
        ),
        reductions=tuple(reductions),
        frais=frais,
        tva=tva,
        total_ht=montant_lu(lecture, "total_ht"),
        total_tva=montant_lu(lecture, "total_tva") or _somme([t.montant for t in tva]),
        total_ttc=montant_lu(lecture, "total_ttc"),
        acompte=Decimal(params["acompte"]) if "acompte" in params else None,
        versement="arrhes" if arrhes((documents or {}).get("devis")) else "acompte",
        net_a_payer=montant_lu(lecture, "net_a_payer"),
        echeance=echeance,
        date_livraison=jour,
        nature=_nature(params, org, histoire.achat),
        mentions=tuple(mentions),
    )
