"""The French statement of a ``declaration_tva`` variant: the month's sales and receipts, the
purchase invoices, the previous return's credit, and the numbered list of what to fill in."""

from __future__ import annotations

from datetime import date
from typing import Any

from agora.calendrier import date_longue, mois_annee
from agora.exercise.enonce import au_service
from agora.exercise.kinds.declaration_tva.params import LIGNE_DU_TAUX, TAUX_UE, lire_params
from agora.exercise.kinds.declaration_tva.partenaire import Declarante, prelude
from agora.exercise.markdown import cellule, numerotee, pourcent, tableau
from agora.money import euros

NATURE = {
    "biens_services": "achat ou service",
    "immobilisation": "immobilisation",
    "non_deductible": "cadeau",
}


def _situation(org: Any, p: dict[str, Any]) -> list[str]:
    jour = date.fromisoformat(p["date_declaration"])
    lignes = [
        au_service(org, "comptable"),
        f"Nous sommes le {date_longue(jour)}.",
        f"Vous préparez la **déclaration de TVA** du mois de **{mois_annee(p['periode'])}**.",
        "C'est le formulaire n° 3310-CA3 (déclaration mensuelle).",
        "",
    ]
    if org.regime_tva == "réel simplifié":
        lignes += ["L'entreprise a choisi de déclarer sa TVA **chaque mois**.", ""]
    if "encaissements" in p:
        lignes += [
            "Pour les **prestations de services**, la TVA est due quand le client **paie**.",
            "Pour les **ventes de biens**, elle est due à la livraison.",
            "",
        ]
    elif org.secteur in ("informatique",) and org.tva_sur_debits:
        lignes += [
            "L'entreprise a choisi de payer la TVA **sur les factures** (option débits).",
            "",
        ]
    return lignes


def tableau_ventes(titre: str, ventes: list[dict], colonne: str, cle: str) -> list[str]:
    lignes = [f"### {titre}", "", f"| Vente | Taux de TVA | {colonne} |", "|---|---:|---:|"]
    for v in ventes:
        lignes.append(f"| {cellule(v['libelle'])} | {pourcent(v['taux'])} | {euros(v[cle])} |")
    return [*lignes, ""]


def _ventes(p: dict[str, Any]) -> list[str]:
    lignes = tableau_ventes("Les ventes du mois", p["ventes"], "Montant HT", "montant_ht")
    if "prestations_facturees" in p:
        lignes += tableau_ventes(
            "Les prestations facturées ce mois (le client n'a pas encore payé)",
            p["prestations_facturees"],
            "Montant HT",
            "montant_ht",
        )
        lignes += tableau_ventes(
            "Les paiements reçus ce mois pour des prestations",
            p["encaissements"],
            "Montant reçu TTC",
            "montant_ttc",
        )
    if p.get("exonerees"):
        lignes += ["### Les recettes exonérées du mois", "", "| Recette | Montant |", "|---|---:|"]
        lignes += [f"| {cellule(e['libelle'])} | {euros(e['montant'])} |" for e in p["exonerees"]]
        lignes.append("")
    return lignes


def tableau_achats(titre: str, achats: list[dict]) -> list[str]:
    """The purchase invoices as a table: piece, supplier, purchase, type, HT, rate, VAT."""
    colonnes = ("Pièce", "Fournisseur", "Achat", "Type", "Montant HT", "Taux", "TVA")
    rangees = [
        (
            a["piece"],
            cellule(a["fournisseur"]),
            cellule(a["libelle"]),
            NATURE[a["nature"]],
            euros(a["montant_ht"]),
            pourcent(a["taux"]),
            euros(a["tva"]),
        )
        for a in achats
    ]
    return [f"### {titre}", "", *tableau(colonnes, rangees, "<<<<>>>"), ""]


def _achats(p: dict[str, Any]) -> list[str]:
    lignes = tableau_achats("Les factures d'achat du mois", p["achats"])
    for a in p["acquisitions_ue"]:
        lignes += [
            "### Un achat dans un autre pays de l'Union européenne",
            "",
            f"Facture {a['piece']} : {cellule(a['libelle'])}, {cellule(a['fournisseur'])}.",
            f"Montant HT : **{euros(a['montant_ht'])}**. La facture n'a **pas de TVA**.",
            f"En France, ces biens sont taxés à {pourcent(str(TAUX_UE))}.",
            "",
        ]
    return lignes


def _credit(p: dict[str, Any]) -> list[str]:
    credit = p["credit_anterieur"]
    if credit == "0.00":
        texte = "La déclaration du mois précédent n'a pas laissé de crédit de TVA."
    else:
        texte = (
            f"La déclaration du mois précédent a laissé un **crédit de TVA** de "
            f"**{euros(credit)}** (sa ligne 27, « crédit à reporter »)."
        )
    return ["### La déclaration précédente", "", texte, ""]


METHODE = [
    "### Méthode",
    "",
    "- TVA d'un taux = base HT × taux ÷ 100, arrondie au centime.",
    "- TVA déductible = la TVA écrite sur les factures d'achat.",
    "- TVA à payer = TVA brute (ligne 16) − TVA déductible (ligne 23).",
    "- Écriture : on débite 44571 (TVA collectée), on crédite 44566 (TVA déductible),"
    " on crédite 44551 (TVA à décaisser) du reste.",
    "",
]


def a_faire(p: dict[str, Any], taux: list[str]) -> list[str]:
    """The numbered list of what to do, in the order of the form."""
    ue = bool(p["acquisitions_ue"])
    etapes = ["Ligne A1 : le total HT des ventes taxées ce mois."]
    if ue:
        etapes.append("Ligne B2 : le montant HT des achats de biens dans l'UE.")
    for t in taux:
        etapes.append(f"Ligne {LIGNE_DU_TAUX[t]} (taux de {pourcent(t)}) : la base HT et la TVA.")
    etapes.append("Ligne 16 : le total de la TVA brute.")
    if ue:
        etapes.append("Ligne 17 : la TVA sur les achats de biens dans l'UE.")
    etapes += [
        "Ligne 19 : la TVA déductible sur les immobilisations (0 s'il n'y en a pas).",
        "Ligne 20 : la TVA déductible sur les autres achats.",
        "Ligne 22 : le crédit de TVA du mois précédent (0 s'il n'y en a pas).",
        "Ligne 23 : le total de la TVA déductible.",
        "Ligne 25 (crédit de TVA) **ou** ligne 28 (TVA à payer) : écrivez 0 dans l'autre.",
        f"L'écriture de liquidation de la TVA, le {date_longue(date.fromisoformat(p['date_declaration']))}"
        " (journal des opérations diverses) : les comptes, les débits et les crédits.",
    ]
    lignes = ["### À faire", "", "Arrondissez chaque montant au centime le plus proche.", ""]
    return lignes + numerotee(etapes)


def enonce(
    d: Declarante, p: dict[str, Any], niveau: int, reprise: tuple[str, str] | None = None
) -> str:
    """The French Markdown statement; ``reprise``: (number, "vente" | "achat") of the invoice
    of an earlier step that is among the month's sales or purchases."""
    taux = list(lire_params(p).taux)
    suite = []
    if reprise is not None and reprise[1] == "vente":
        suite = [
            f"La facture **{reprise[0]}** que vous avez établie à l'étape précédente fait partie "
            "des ventes du mois : ses bases HT, taux par taux, sont dans le tableau des ventes.",
            "",
        ]
    elif reprise is not None:
        suite = [
            f"La facture d'achat **{reprise[0]}** que vous avez contrôlée à l'étape précédente "
            "fait partie des achats du mois, telle qu'elle a été reçue et enregistrée.",
            "",
        ]
    lignes = [
        "## Déclarer la TVA du mois",
        "",
        "### La situation",
        "",
        *prelude(d),
        *_situation(d.organisation, p),
        *suite,
        *_ventes(p),
        *_achats(p),
        *_credit(p),
    ]
    if niveau == 1:
        lignes += METHODE
    lignes += a_faire(p, taux)
    return "\n".join(lignes) + "\n"
