"""The student's credit note as the real document: the seller and the customer of the story,
the credited lines (returned, invoiced too many, or the rabais on each line; the ristourne on
each VAT rate's turnover), the reductions reversed, and the amounts as the student computed
them, with the reference of the invoice it corrects."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.documents.commercial import (
    Ajustement,
    DocumentCommercial,
    Ligne,
    Partie,
    montant_lu,
    tva_lue,
    vendeur_de,
)
from agora.exercise.base import Variant
from agora.exercise.kinds.avoir import histoire
from agora.exercise.kinds.avoir.generate import rejoue
from agora.exercise.kinds.avoir.solve import solve
from agora.exercise.markdown import pourcent
from agora.exercise.reading import Lecture

NATURES = {"remise": "Remise", "rabais": "Rabais", "ristourne": "Ristourne"}


def _partie(p: histoire.Partie) -> Partie:
    rue, _, ville = p.adresse.rpartition(", ")
    code_postal, _, ville = ville.partition(" ")
    return Partie(p.nom, rue, code_postal, ville, siren=p.siren, tva_intracom=p.tva)


def _lignes(params: dict[str, Any], reference: dict[str, Any], lecture: Lecture) -> tuple:
    """The credited lines, as the credit note prints them."""
    if params["nature"] == "ristourne":
        r = params["ristourne"]
        return tuple(
            Ligne(
                "RISTOURNE",
                f"Ristourne de {pourcent(r['taux'])} sur le chiffre d'affaires {r['annee']}",
                Decimal(1),
                Decimal(g["montant_brut_ht"]),
                Decimal(g["taux_tva"]),
                montant_lu(lecture, "groupes", i, "montant_brut_ht"),
            )
            for i, g in enumerate(reference["groupes"])
        )
    facture = {ligne["reference"]: ligne for ligne in params["facture"]["lignes"]}
    quantites = {
        params["facture"]["lignes"][c["ligne"] - 1]["reference"]: c["quantite"]
        for c in params.get("credits", [])
    }
    lignes = []
    for i, credit in enumerate(reference["lignes"]):
        origine = facture[credit["reference"]]
        designation, quantite = origine["designation"], quantites.get(credit["reference"])
        if quantite is None:  # a rabais on the line
            taux = pourcent(params["rabais"]["taux"])
            designation, quantite = f"Rabais de {taux} sur : {designation}", "1"
        lu = montant_lu(lecture, "lignes", i, "montant_ht")
        prix = (
            Decimal(origine["prix_unitaire_ht"])
            if quantite != "1"
            else Decimal(credit["montant_ht"])
        )
        lignes.append(
            Ligne(
                credit["reference"],
                designation,
                Decimal(quantite),
                prix,
                Decimal(origine["taux_tva"]),
                lu,
            )
        )
    return tuple(lignes)


def piece_commerciale(
    variant: Variant, organisation: Any, lecture: Lecture, documents: Any = None
) -> DocumentCommercial:
    """The credit note with the amounts the student wrote (None where not given)."""
    params = variant.params
    h = rejoue(variant, organisation, documents)
    reference = solve(params)
    reductions = []
    for g, groupe in enumerate(reference["groupes"]):
        taux_tva = Decimal(groupe["taux_tva"])
        for k, r in enumerate(groupe["reductions"]):
            montant = montant_lu(lecture, "groupes", g, "reductions", k, "montant")
            libelle = f"{NATURES.get(r['nature'], r['nature'])} de la facture, reprise"
            reductions.append(Ajustement(libelle, taux_tva, montant, Decimal(r["taux"])))
        if Decimal(groupe["escompte"]):
            montant = montant_lu(lecture, "groupes", g, "escompte")
            reductions.append(Ajustement("Escompte de la facture, repris", taux_tva, montant))
    tva = tva_lue(lecture, reference["tva"])
    total_ttc = montant_lu(lecture, "total_ttc")
    facture = params.get("facture")
    origine = (
        f"Avoir sur la facture n° {facture['numero']} du {facture['date'][8:]}/"
        f"{facture['date'][5:7]}/{facture['date'][:4]}."
        if facture
        else f"Ristourne sur les factures de l'année {params['ristourne']['annee']}."
    )
    return DocumentCommercial(
        type="avoir",
        numero=params["pieces"]["avoir"],
        date=h.jour_avoir,
        vendeur=_partie(h.vendeur) if h.achat else vendeur_de(organisation),
        client=vendeur_de(organisation) if h.achat else _partie(h.client),
        lignes=_lignes(params, reference, lecture),
        reductions=tuple(reductions),
        frais=(),
        tva=tva,
        total_ht=montant_lu(lecture, "total_ht"),
        total_tva=montant_lu(lecture, "total_tva"),
        total_ttc=total_ttc,
        net_a_payer=total_ttc,  # what is credited to the customer
        reference=facture["numero"] if facture else None,
        mentions=(origine, h.raison.replace("**", "")),
    )
