"""The French statement of a ``facture_achat`` variant: the order, the delivery note and the
invoice as tables, an extract of the chart of accounts, and the numbered list of what to do."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from agora.calendrier import date_longue
from agora.exercise.enonce import au_service
from agora.exercise.fields import TAUX
from agora.exercise.kinds.facture_achat.params import Achat, lire_params
from agora.exercise.kinds.facture_achat.solve import facture_imprimee
from agora.exercise.markdown import cellule, numerotee, tableau
from agora.money import euros

COMPTES = (
    ("2154", "Matériel industriel"),
    ("2182", "Matériel de transport"),
    ("2183", "Matériel de bureau et matériel informatique"),
    ("401", "Fournisseurs"),
    ("404", "Fournisseurs d'immobilisations"),
    ("44562", "TVA déductible sur immobilisations"),
    ("44566", "TVA déductible sur autres biens et services"),
    ("445662", "TVA déductible intracommunautaire"),
    ("4452", "TVA due intracommunautaire"),
    ("601", "Achats de matières premières"),
    ("602", "Achats d'autres approvisionnements (6021 matières consommables, 6026 emballages)"),
    ("606", "Achats non stockés (6063 petit équipement)"),
    ("607", "Achats de marchandises (revendues telles quelles)"),
    ("609", "Rabais, remises et ristournes obtenus sur achats"),
    ("611", "Sous-traitance générale"),
    ("613", "Locations (6135 locations de matériel)"),
    ("615", "Entretien et réparations"),
    ("623", "Publicité (6236 catalogues et imprimés)"),
    ("624", "Transports (6241 sur achats, 6248 divers)"),
    ("626", "Frais postaux et de télécommunications"),
    ("651", "Redevances pour licences de logiciels"),
    ("765", "Escomptes obtenus"),
)


def _pourcent(valeur: str | Decimal) -> str:
    return TAUX.display(Decimal(valeur))


def _jour(iso: str) -> str:
    return date_longue(date.fromisoformat(iso))


def _situation(org: Any, p: dict[str, Any]) -> list[str]:
    f = p["fournisseur"]
    pays = "" if f["pays"] == "France" else f" (fournisseur installé en {f['pays']})"
    lignes = [
        au_service(org, "comptable"),
        f"Le {_jour(p['commande']['date'])}, nous avons commandé à **{f['nom']}**{pays}.",
        (
            f"La livraison est arrivée le {_jour(p['livraison']['date'])}."
            if _biens(p)
            else f"Le travail a été fait le {_jour(p['livraison']['date'])}."
        ),
        f"La facture est arrivée le {_jour(p['facture']['date'])}.",
        "Avant de la payer, vous la comparez au bon de commande et au bon de "
        + ("livraison." if _biens(p) else "réception."),
        "",
    ]
    if not p["tva_recuperable"]:
        lignes += [
            "Notre organisation n'est **pas assujettie à la TVA** : elle ne récupère pas la TVA.",
            "La TVA payée fait donc partie du coût de l'achat.",
            "",
        ]
    return lignes


def _commande(p: dict[str, Any]) -> list[str]:
    colonnes = ("Référence", "Désignation", "Quantité", "Prix unitaire HT", "Remise", "Taux de TVA")
    commandes = [
        (
            x["reference"],
            cellule(x["designation"]),
            c["quantite"],
            euros(c["prix_unitaire_ht"]),
            _pourcent(c["remise"]),
            _pourcent(c["taux_tva"]),
        )
        for x in p["lignes"]
        if (c := x["commande"])
    ]
    titre = f"### Le bon de commande n° {p['commande']['numero']}"
    return [titre, "", *tableau(colonnes, commandes, "<<>>>>"), ""]


def _biens(p: dict[str, Any]) -> bool:
    """Goods are delivered; a service is received (the document is then a service report)."""
    return all(x["compte"][:2] in ("60", "21") for x in p["lignes"])


def _livraison(p: dict[str, Any]) -> list[str]:
    titre = "Le bon de livraison" if _biens(p) else "Le bon de réception des prestations"
    colonnes = ("Référence", "Désignation", f"Quantité {'livrée' if _biens(p) else 'reçue'}")
    livres = [
        (x["reference"], cellule(x["designation"]), x["quantite_livree"])
        for x in p["lignes"]
        if x["commande"]
    ]
    titre = f"### {titre} n° {p['livraison']['numero']}"
    return [titre, "", *tableau(colonnes, livres, "<<>"), ""]


def _facture(p: dict[str, Any], a: Achat) -> list[str]:
    ue = p["intracommunautaire"]
    colonnes = ["Référence", "Désignation", "Quantité", "Prix unitaire HT", "Remise", "Montant HT"]
    colonnes += [] if ue else ["Taux de TVA"]
    facturees = []
    for x in p["lignes"]:
        f = x["facture"]
        ligne = [x["reference"], cellule(x["designation"]), f["quantite"]]
        ligne += [euros(f["prix_unitaire_ht"]), _pourcent(f["remise"]), euros(f["montant_ht"])]
        facturees.append(ligne + ([] if ue else [_pourcent(f["taux_tva"])]))
    titre = f"### La facture n° {p['facture']['numero']} (fournisseur : {cellule(p['fournisseur']['nom'])})"
    alignement = "<<>>>>" + ("" if ue else ">")
    return [titre, "", *tableau(colonnes, facturees, alignement), "", *_pied(a)]


def _pied(a: Achat) -> list[str]:
    v = facture_imprimee(a)
    lignes = [f"- Net commercial HT : {euros(v['net_commercial'])}"]
    if a.escompte_taux:
        lignes.append(
            f"- Escompte de {_pourcent(a.escompte_taux)} pour paiement comptant : "
            f"{euros(v['escompte'])}"
        )
        lignes.append(f"- Net financier HT : {euros(v['net_financier'])}")
    if a.port:
        lignes.append(f"- Frais de port HT : {euros(a.port)}")
    lignes.append(f"- **Total HT : {euros(v['total_ht'])}**")
    if a.intracommunautaire:
        return [
            *lignes,
            "- TVA : **autoliquidation** (la TVA est due par l'acheteur).",
            f"- **Net à payer : {euros(v['net_a_payer'])}**",
            "",
        ]
    taux = dict.fromkeys(x.facture.taux for x in a.lignes)
    for g, t in enumerate(taux):
        lignes.append(f"- TVA à {_pourcent(t)} : {euros(v[f'tva.{g}.montant'])}")
    lignes.append(f"- **Net à payer TTC : {euros(v['net_a_payer'])}**")
    return [*lignes, ""]


def _plan() -> list[str]:
    lignes = ["### Extrait du plan comptable", "", "| Compte | Intitulé |", "|---|---|"]
    lignes += [f"| {numero} | {intitule} |" for numero, intitule in COMPTES]
    return [*lignes, ""]


METHODE = [
    "### Méthode",
    "",
    "- On paie ce qui est **livré**, au **prix** et avec la **remise** de la commande.",
    "- Montant HT d'une ligne = quantité × prix unitaire, moins la remise.",
    "- TVA = base HT × taux ÷ 100, arrondie au centime.",
    "- Sans écart, on **accepte** la facture ; un montant trop élevé : on **demande un avoir**.",
    "- Écriture : la charge (6…) et la TVA déductible (44566) au débit, le fournisseur (401)"
    " au crédit.",
    "",
]


def a_faire(a: Achat) -> list[str]:
    """The numbered list of what to do, in the order of the form."""
    etapes = [
        "Pour chaque ligne de la facture : l'écart (aucun, quantité, prix, remise, taux de TVA,"
        " calcul ou référence non commandée) et le montant HT qui aurait dû être facturé"
        " (0 pour un article non commandé).",
        "Le net commercial HT corrigé.",
    ]
    if a.escompte_taux:
        etapes.append("L'escompte et le net financier corrigés.")
    etapes.append("Le total HT corrigé" + (" (frais de port compris)." if a.port else "."))
    if a.intracommunautaire:
        etapes.append("La TVA française que nous devons (base et montant), puis le total de TVA.")
    else:
        etapes.append("La TVA de chaque taux (base et montant), puis le total de TVA.")
    etapes += [
        "Le net à payer corrigé, puis l'avoir à demander : net à payer de la facture reçue"
        " − net à payer corrigé (0 si vous acceptez ou refusez la facture).",
        "Le coût d'achat : net "
        + ("financier" if a.escompte_taux else "commercial")
        + (" + frais de port" if a.port else "")
        + ("." if a.tva_recuperable else " + TVA (non récupérable)."),
        "Votre décision : accepter la facture, demander un avoir, ou la refuser.",
        "L'écriture de la facture **telle que nous l'avons reçue** au journal des achats (HA),"
        " si elle n'est pas refusée : "
        + ("la date, la pièce, " if a.colonnes_notees else "")
        + "les comptes, les débits et les crédits.",
    ]
    lignes = ["### À faire", "", "Arrondissez chaque montant au centime le plus proche.", ""]
    return lignes + numerotee(etapes)


def enonce(org: Any, p: dict[str, Any], niveau: int) -> str:
    """The French Markdown statement."""
    a = lire_params(p)
    lignes = [
        "## Contrôler et enregistrer une facture d'achat",
        "",
        "### La situation",
        "",
        *_situation(org, p),
        *_commande(p),
        *_livraison(p),
        *_facture(p, a),
        *_plan(),
    ]
    if niveau == 1:
        lignes += METHODE
    lignes += a_faire(a)
    return "\n".join(lignes) + "\n"
