"""The statement of a cash budget to draw up, in Markdown: who asks, the opening cash and the
safety threshold, the forecasts as tables (sales, purchases, payroll, other flows), the payment
rules, then numbered questions in the order of the form (the formulas at level 1)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.calendrier import MOIS
from agora.exercise.markdown import numerotee, pourcent, tableau
from agora.money import euros

DEMANDE = {
    "entreprise": "La direction veut savoir si la banque suffira pour payer tout le monde ces "
    "prochains mois. Elle vous demande de préparer le **budget de trésorerie**.",
    "association": "Le trésorier de l'association veut savoir si le compte en banque suffira "
    "pour payer toutes les dépenses. Il vous demande de préparer le **budget de trésorerie**.",
    "service_public": "Le directeur de la régie veut savoir si la trésorerie suffira ces "
    "prochains mois. Il vous demande de préparer le **budget de trésorerie**.",
}
VENTES = {"entreprise": "Les ventes prévues", "association": "Les recettes prévues",
          "service_public": "La facturation prévue aux usagers"}  # fmt: skip
AIDE = [
    "Aide :",
    "",
    "- une vente est encaissée **TTC** : montant HT × (1 + taux de TVA) ;",
    "- un achat est payé **TTC**, au mois indiqué par son délai ;",
    "- TVA à payer en février = TVA collectée en janvier − TVA déductible en janvier ;",
    "- solde du mois = total des encaissements − total des décaissements ;",
    "- trésorerie de fin de mois = trésorerie de début de mois + solde du mois ;",
    "- la trésorerie de début d'un mois est la trésorerie de fin du mois précédent.",
]


def nom_mois(p: dict[str, Any], k: int) -> str:
    """The month ``k`` of the budget (negative: before it), « mars 2027 »."""
    annee, mois = int(p["mois"][0][:4]), int(p["mois"][0][5:]) - 1 + k
    return f"{MOIS[mois % 12]} {annee + mois // 12}"


def de(mois: str) -> str:
    """« de mars », « d'avril », « d'août », « d'octobre »."""
    return f"d'{mois}" if mois[0] in "aeiouéâ" else f"de {mois}"


def reglement(parts: list[str]) -> str:
    """« comptant », « à 30 jours », « 30 % comptant, 70 % à 30 jours »."""
    quand = ("comptant", "à 30 jours", "à 60 jours")
    donnees = [(quand[k], p) for k, p in enumerate(parts) if Decimal(p)]
    if len(donnees) == 1:
        return donnees[0][0]
    return ", ".join(f"{p} % {q}" for q, p in donnees)


def _taux(taux: str) -> str:
    return "sans TVA" if not Decimal(taux) else pourcent(taux, " ")


def _tableau(titre: str, colonnes: tuple[str, ...], rangees: list[tuple]) -> list[str]:
    return ["", f"### {titre}", "", *tableau(colonnes, rangees)]


def _ventes(p: dict[str, Any]) -> list[str]:
    ventes = [
        (
            nom_mois(p, v["mois"]),
            v["libelle"],
            euros(Decimal(v["montant_ht"])),
            _taux(v["taux_tva"]),
            reglement(v["parts"]),
        )
        for v in p["ventes"]
    ]
    colonnes = ("Mois de facturation", "Vente", "Montant HT", "TVA", "Règlement")
    return _tableau(VENTES[p["organisation"]["statut"]], colonnes, ventes)


def _achats(p: dict[str, Any]) -> list[str]:
    delais = ("comptant", "à 30 jours", "à 60 jours")
    achats = [
        (
            nom_mois(p, a["mois"]),
            a["libelle"],
            euros(Decimal(a["montant_ht"])),
            _taux(a["taux_tva"]),
            delais[a["delai"]],
        )
        for a in p["achats"]
    ]
    colonnes = ("Mois de la facture", "Achat", "Montant HT", "TVA", "Paiement")
    return _tableau("Les achats prévus", colonnes, achats)


def _salaires(p: dict[str, Any]) -> list[str]:
    paies = [
        (nom_mois(p, s["mois"]), euros(Decimal(s["net"])), euros(Decimal(s["charges"])))
        for s in p["salaires"]
    ]
    colonnes = ("Mois de la paie", "Salaires nets", "Charges sociales")
    return _tableau("La paie", colonnes, paies)


def _autres(p: dict[str, Any]) -> list[str]:
    lignes = [f"- {p['charges_fixes']['libelle']} : {euros(Decimal(p['charges_fixes']['montant']))}"
              " payés chaque mois (sans TVA)."]  # fmt: skip
    if Decimal(p["emprunt"]):
        lignes.append(f"- Remboursement de l'emprunt : {euros(Decimal(p['emprunt']))} chaque mois.")
    x = p.get("investissement")
    if x:
        lignes.append(
            f"- Investissement : {x['libelle'].lower()} acheté et payé en "
            f"{nom_mois(p, x['mois'])}, {euros(Decimal(x['montant_ht']))} HT, TVA "
            f"{_taux(x['taux_tva'])} (TVA déductible le mois de l'achat)."
        )
    s = p.get("subvention")
    if s:
        versements = " ; ".join(
            f"{v['part']} % en {nom_mois(p, v['mois'])}" for v in s["versements"]
        )
        lignes.append(
            f"- Subvention de {s['financeur']} : {euros(Decimal(s['montant']))} "
            f"versés ainsi : {versements} (sans TVA)."
        )
    return ["", "### Les autres encaissements et décaissements", "", *lignes]


def _regles(p: dict[str, Any], niveau: int) -> list[str]:
    regles = [
        "",
        "### Les règles de paiement",
        "",
        "- Les salaires nets sont payés le mois de la paie.",
        "- Les charges sociales sont payées à l'Urssaf le **mois suivant** la paie.",
    ]
    if p["assujetti_tva"]:
        regles.append(
            "- La TVA d'un mois (TVA collectée sur les ventes − TVA déductible sur les achats) "
            "est payée le **mois suivant**. Si elle est négative, rien n'est payé : ce crédit "
            "se retire de la TVA du mois d'après."
        )
    else:
        regles.append("- L'organisation ne paie pas de TVA : elle paie ses achats TTC.")
    if niveau < 3:
        regles.append(
            "- Pour la mesure à proposer : aucune mesure si aucun mois n'est en tension ; "
            "reporter l'investissement s'il est la seule cause de la tension ; un découvert "
            "autorisé si un seul mois est en tension et qu'il manque au plus le découvert "
            "possible ; sinon, pour une entreprise dont les clients doivent, à la fin de chaque "
            "mois en tension, au moins ce qui manque, mobiliser ses créances clients ; sinon, "
            "un financement durable."
        )
    return regles


def _questions(p: dict[str, Any]) -> list[str]:
    q = [
        "Pour chaque mois, calculez les **encaissements** ligne par ligne, puis leur total.",
        "Calculez les **décaissements** ligne par ligne, puis leur total "
        "(écrivez 0 quand il n'y a rien).",
        "Calculez le **solde du mois**, la **trésorerie de début** et la **trésorerie de fin** "
        "de chaque mois.",
        "Pour chaque mois, dites s'il est **en tension** (trésorerie de fin sous le seuil).",
        "Choisissez la **mesure à proposer**.",
    ]
    return numerotee(q)


def enonce(organisation: Any, p: dict[str, Any], niveau: int) -> str:
    """The statement of these params for the organisation, in Markdown."""
    n = len(p["mois"])
    seuil = Decimal(p["seuil"])
    texte = [
        f"# Le budget de trésorerie {de(nom_mois(p, 0))} à {nom_mois(p, n - 1)}",
        "",
        f"Vous travaillez chez **{p['organisation']['nom']}** ({organisation.secteur_libelle}).",
        DEMANDE[p["organisation"]["statut"]],
        "",
        f"- Trésorerie au début {de(nom_mois(p, 0))} : "
        f"**{euros(Decimal(p['tresorerie_initiale']))}**.",
        f"- Seuil de sécurité : un mois est **en tension** si sa trésorerie de fin est sous "
        f"**{euros(seuil)}**."
        if seuil
        else "- Un mois est **en tension** si sa trésorerie de fin est **négative**.",
        f"- La banque peut accorder un découvert autorisé de "
        f"**{euros(Decimal(p['decouvert_maximum']))}** au plus.",
    ]
    texte += _ventes(p) + _achats(p) + _salaires(p) + _autres(p) + _regles(p, niveau)
    if niveau == 1:
        texte += ["", *AIDE]
    texte += [
        "",
        "## Travail à faire",
        "",
        "Les montants sont en euros, arrondis au centime le plus proche à chaque calcul.",
        "",
        *_questions(p),
    ]
    return "\n".join(texte) + "\n"
