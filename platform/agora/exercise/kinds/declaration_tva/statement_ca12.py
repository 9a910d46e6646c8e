"""The French statement of a CA12 variant: the year's sales and purchases, last year's line 57
(the base of the acomptes paid this year), last year's credit, and the numbered list of the
3517-S-SD lines to fill."""

from __future__ import annotations

from datetime import date
from typing import Any

from agora.calendrier import date_longue
from agora.exercise.enonce import au_service
from agora.exercise.kinds.declaration_tva.params import LIGNE_CA12, lire_params
from agora.exercise.kinds.declaration_tva.partenaire import Declarante, prelude
from agora.exercise.kinds.declaration_tva.statement import (
    tableau_achats,
    tableau_ventes,
)
from agora.exercise.markdown import cellule, numerotee, pourcent
from agora.money import euros


def _situation(org: Any, p: dict[str, Any]) -> list[str]:
    jour = date.fromisoformat(p["date_declaration"])
    annee = p["periode"]
    lignes = [
        au_service(org, "comptable"),
        f"Nous sommes le {date_longue(jour)}.",
        "L'organisation est au **régime simplifié** de TVA : elle déclare sa TVA **une fois par "
        "an**.",
        f"Vous préparez la **déclaration annuelle de TVA de {annee}** : le formulaire "
        "n° 3517-S-SD, appelé **CA12**.",
        "",
        f"Pendant l'année {annee}, elle a versé **deux acomptes** : un en juillet, un en décembre.",
        "Ils sont calculés sur la TVA de l'année précédente, avant la déduction de la TVA sur les "
        "immobilisations : c'est la **ligne 57** de la CA12 précédente.",
        "",
    ]
    return lignes


def _achats(p: dict[str, Any]) -> list[str]:
    return tableau_achats("Les achats de l'année (total des factures par fournisseur)", p["achats"])


def _annee_passee(p: dict[str, Any]) -> list[str]:
    annee = int(p["periode"]) - 1
    credit = p["credit_anterieur"]
    lignes = [
        f"### La CA12 de {annee}",
        "",
        f"- Ligne 57 (base de calcul des acomptes) : **{euros(p['base_acomptes'])}**.",
    ]
    if credit == "0.00":
        lignes.append("- Elle n'a pas laissé de crédit de TVA.")
    else:
        lignes.append(f"- Elle a laissé un **crédit de TVA** de **{euros(credit)}**.")
    return [*lignes, ""]


METHODE = [
    "### Méthode",
    "",
    "- TVA d'un taux = base HT × taux ÷ 100, arrondie au centime.",
    "- Acompte de juillet = 55 % de la ligne 57 de l'an passé ; acompte de décembre = 40 %.",
    "- Pas d'acompte du tout si cette ligne 57 est inférieure à 1 000 €.",
    "- Solde à payer = TVA due (ligne 28) − acomptes versés (ligne 30).",
    "- Écriture : on débite 44571, on crédite 44566, 44562, 44581 (acomptes) et 44551 (solde).",
    "",
]


def a_faire(p: dict[str, Any], taux: list[str]) -> list[str]:
    """The numbered list of what to do, in the order of the form."""
    etapes = [
        f"Ligne {LIGNE_CA12[t]} (taux de {pourcent(t)}) : la base HT de l'année et la TVA."
        for t in taux
    ]
    etapes += [
        "Ligne 16 : le total de la TVA due ; ligne 19 : le total de la TVA brute (le même ici).",
        "Ligne 20 : la TVA déductible sur les achats de biens et services ; ligne 22 : leur total.",
        "Ligne 23 : la TVA déductible sur les immobilisations (0 s'il n'y en a pas).",
        "Ligne 24 : le crédit de TVA laissé par la CA12 de l'an passé (0 s'il n'y en a pas).",
        "Ligne 26 : le total de la TVA déductible.",
        "Ligne 28 (TVA due) **ou** ligne 29 (crédit) : écrivez 0 dans l'autre.",
        "Les acomptes versés en juillet et en décembre, puis leur total ligne 30.",
        "Ligne 33 (solde à payer) **ou** lignes 34 et 35 (excédent) : écrivez 0 dans les autres.",
        "Ligne 57 : la base des acomptes de l'an prochain (ligne 16 − ligne 22).",
        f"L'écriture de liquidation de la TVA, le "
        f"{date_longue(date.fromisoformat(p['date_declaration']))}"
        " (journal des opérations diverses) : les comptes, les débits et les crédits.",
    ]
    lignes = ["### À faire", "", "Arrondissez chaque montant au centime le plus proche.", ""]
    return lignes + numerotee(etapes)


def enonce(d: Declarante, p: dict[str, Any], niveau: int) -> str:
    """The French Markdown statement of a CA12."""
    taux = [t for t in LIGNE_CA12 if t in lire_params(p).taux]
    lignes = [
        "## Déclarer la TVA de l'année",
        "",
        "### La situation",
        "",
        *prelude(d),
        *_situation(d.organisation, p),
        *tableau_ventes("Les ventes de l'année", p["ventes"], "Montant HT", "montant_ht"),
    ]
    if p.get("exonerees"):
        lignes += ["### Les recettes exonérées de l'année", "", "| Recette | Montant |"]
        lignes += [
            "|---|---:|",
            *(f"| {cellule(e['libelle'])} | {euros(e['montant'])} |" for e in p["exonerees"]),
            "",
        ]
    lignes += [*_achats(p), *_annee_passee(p)]
    if niveau == 1:
        lignes += METHODE
    lignes += a_faire(p, taux)
    return "\n".join(lignes) + "\n"
