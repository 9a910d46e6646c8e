"""Bank reconciliation, the statement: the situation, the ledger and the bank statement in Markdown."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from agora.calendrier import MOIS, date_courte
from agora.money import euros

if TYPE_CHECKING:  # tirage imports this module
    from agora.exercise.kinds.rapprochement.tirage import Contexte


def montant(value: str | Decimal) -> str:
    """« 1 234,56 » (the € is in the column header)."""
    return euros(value, symbol=False)


def _montant(raw: str) -> str:
    return montant(raw) if Decimal(raw) else ""


def rediger(params: dict[str, Any], niveau: int, ctx: Contexte, reprise: str = "") -> str:
    """The French Markdown statement, in the order of the form; ``reprise`` says which
    operation comes from an earlier step of the mission."""
    mois = f"{MOIS[ctx.debut.month - 1]} {ctx.debut.year}"
    parties = [
        f"# Rapprochement bancaire — {mois}",
        f"**{ctx.entreprise}** · banque : **{ctx.banque}**",
        _situation(ctx, mois, niveau),
        *([reprise] if reprise else []),
    ]
    if params.get("suspens_anterieurs"):
        parties.append(_suspens(params, ctx))
    parties += [_grand_livre(params, ctx), _releve(params, ctx, niveau), _travail(niveau)]
    if niveau == 1:
        parties.append(_aide())
    return "\n\n".join(parties) + "\n"


def _situation(ctx: Contexte, mois: str, niveau: int) -> str:
    texte = (
        f"{ctx.demandeur} ({ctx.fonction.lower()}) vous confie le rapprochement bancaire "
        f"de {mois}. Le compte 512 de l'entreprise et le relevé de la banque {ctx.banque} "
        "n'arrivent pas au même solde. Vous devez trouver pourquoi, puis passer les "
        "écritures qui manquent dans le compte 512."
    )
    if niveau == 3:
        texte += (
            "\n\nAttention : le rapprochement du mois dernier avait laissé des opérations "
            "en suspens, et une opération a peut-être été saisie avec un montant faux."
        )
    return texte


def _suspens(params: dict[str, Any], ctx: Contexte) -> str:
    veille = ctx.debut.toordinal() - 1
    lignes = [
        "## Document 1 — Suspens du rapprochement précédent",
        f"Au {date.fromordinal(veille).strftime('%d/%m/%Y')}, ces opérations étaient déjà dans "
        "le compte 512 (elles sont comprises dans son solde de départ), mais pas encore sur "
        "le relevé de la banque.",
        "",
        "| Ligne | Date | Libellé | Débit | Crédit |",
        "|---|---|---|--:|--:|",
    ]
    for s in params["suspens_anterieurs"]:
        lignes.append(
            f"| {s['id']} | {date_courte(s['date'])} | {s['libelle']} "
            f"| {_montant(s['debit'])} | {_montant(s['credit'])} |"
        )
    return "\n".join(lignes)


def _grand_livre(params: dict[str, Any], ctx: Contexte) -> str:
    numero = 2 if params.get("suspens_anterieurs") else 1
    lignes = [
        f"## Document {numero} — Compte 512 Banque de l'entreprise",
        "Débit = argent qui entre. Crédit = argent qui sort.",
        "",
        "| Ligne | Date | Pièce | Libellé | Débit | Crédit |",
        "|---|---|---|---|--:|--:|",
        f"| | {ctx.debut.strftime('%d/%m/%Y')} | | **Solde au début du mois** "
        f"| {montant(params['solde_initial'])} | |",
    ]
    for c in params["compte_512"]:
        lignes.append(
            f"| {c['id']} | {date_courte(c['date'])} | {c.get('ref', '')} | {c['libelle']} "
            f"| {_montant(c['debit'])} | {_montant(c['credit'])} |"
        )
    return "\n".join(lignes)


def _releve(params: dict[str, Any], ctx: Contexte, niveau: int) -> str:
    numero = 3 if params.get("suspens_anterieurs") else 2
    suspens = params.get("suspens_anterieurs", [])
    ouverture = Decimal(params["solde_initial"]) - sum(
        (Decimal(s["debit"]) - Decimal(s["credit"]) for s in suspens), Decimal(0)
    )
    sens = (
        "La banque écrit de son point de vue : **crédit = argent qui entre** sur le compte "
        "de l'entreprise, **débit = argent qui sort**."
        if niveau == 1
        else "Relevé établi par la banque."
    )
    lignes = [
        f"## Document {numero} — Relevé de compte {ctx.banque} du "
        f"{ctx.debut.strftime('%d/%m/%Y')} au {ctx.fin.strftime('%d/%m/%Y')}",
        sens,
        "",
        "| Ligne | Date | Libellé | Débit | Crédit |",
        "|---|---|---|--:|--:|",
        f"| | {ctx.debut.strftime('%d/%m/%Y')} | **Ancien solde "
        f"{'créditeur' if ouverture >= 0 else 'débiteur'}** | "
        + (f"| {montant(ouverture)} |" if ouverture >= 0 else f"{montant(-ouverture)} | |"),
    ]
    for b in params["releve"]:
        lignes.append(
            f"| {b['id']} | {date_courte(b['date'])} | {b['libelle']} "
            f"| {_montant(b['debit'])} | {_montant(b['credit'])} |"
        )
    return "\n".join(lignes)


def _travail(niveau: int) -> str:
    etapes = [
        "## Travail à faire",
        "1. **Pointage** : pour chaque ligne du compte 512, choisissez la ligne du relevé "
        "qui correspond (même montant, même sens). Laissez vide si aucune ne correspond.",
        "2. **Solde du compte 512** à la fin du mois.",
        "3. **Solde du relevé** à la fin du mois.",
        "4. **Côté entreprise** : les lignes du relevé qui ne sont pas "
        "dans le compte 512, en ajouts ou en déductions.",
        "5. **Côté banque** : les lignes du compte 512 qui ne sont pas sur "
        "le relevé, en ajouts ou en déductions.",
        "6. **Solde rectifié** : il doit être le même des deux côtés.",
        "7. **Écritures** : une écriture pour chaque ligne du côté entreprise "
        "(ligne, compte débité, compte crédité, montant).",
    ]
    if niveau == 3:
        etapes += [
            "",
            "Suspens du mois dernier : pointez-les comme les lignes du compte 512 (S1, S2…). "
            "Une opération saisie avec un montant faux : pointez-la quand même avec sa ligne "
            "du relevé (même pièce), inscrivez l'écart côté entreprise avec le numéro de la "
            "ligne du compte 512, et corrigez-la par une écriture de ce montant.",
        ]
    return "\n".join(etapes)


def _aide() -> str:
    return "\n".join(
        [
            "## Aide",
            "- Côté entreprise : ce que la banque a enregistré et pas encore l'entreprise "
            "(frais bancaires, virements reçus, prélèvements…).",
            "- Côté banque : ce que l'entreprise a enregistré et pas encore la banque "
            "(chèques émis pas encore encaissés, remises pas encore créditées).",
            "- Argent qui entre = ajout ; argent qui sort = déduction.",
            "- Solde rectifié = solde + ajouts − déductions.",
            "- Comptes utiles : 627 services bancaires, 661 charges d'intérêts, "
            "768 produits financiers, 411 clients, 401 fournisseurs, 431 URSSAF, "
            "606 énergie et eau, 626 téléphone et internet.",
        ]
    )
