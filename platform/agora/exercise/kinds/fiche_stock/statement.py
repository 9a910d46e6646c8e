"""The statement of a stock card, in Markdown: the article and its month in the organisation, the
documents as tables, then numbered questions in the order of the form (short sentences)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from agora.calendrier import MOIS
from agora.exercise.markdown import milliers, numerotee
from agora.money import euros

METHODE = {
    "cmup_periode": (
        "le **coût moyen unitaire pondéré de fin de période** (CMUP de la période). Toutes les "
        "sorties du mois sont valorisées au même coût, calculé à la fin du mois."
    ),
    "cmup_mouvement": (
        "le **coût moyen unitaire pondéré après chaque entrée** (CMUP après chaque entrée). "
        "Chaque sortie est valorisée au CMUP du moment."
    ),
    "peps": (
        "**premier entré, premier sorti** (PEPS). Les unités les plus anciennes sortent en "
        "premier, à leur coût d'achat."
    ),
}
AIDE = {
    "cmup_periode": "CMUP = (valeur du stock initial + valeur des entrées) ÷ (quantité du stock "
    "initial + quantité des entrées).",
    "cmup_mouvement": "Après une entrée : nouvelle valeur du stock = ancienne valeur + valeur de "
    "l'entrée, puis CMUP = valeur du stock ÷ quantité en stock. Après une sortie : valeur du "
    "stock = quantité restante × CMUP.",
    "peps": "Une sortie prend d'abord le lot le plus ancien. Si ce lot ne suffit pas, elle finit "
    "avec le lot suivant, à son coût à lui.",
}
CONSTAT = {
    "casse": "Le magasinier a jeté des {pluriel} abîmés, sans remplir de bon de sortie.",
    "sortie_non_saisie": "Un bon de sortie a été retrouvé dans un tiroir : il n'est pas sur la "
    "fiche.",
    "demarque_inconnue": "Rien n'a été jeté et aucun bon n'a été oublié. Personne ne sait "
    "expliquer l'écart.",
    "livraison_non_saisie": "Un bon de livraison a été rangé sans être noté sur la fiche.",
}


def jour(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{'1er' if d.day == 1 else d.day} {MOIS[d.month - 1]}"


def _q(texte: str) -> str:
    return milliers(Decimal(texte))


def _qu(texte: str, article: dict[str, str]) -> str:
    """A quantity with its unit, singular for one: « 1 ballon », « 12 ballons »."""
    return f"{_q(texte)} {article['unite'] if Decimal(texte) == 1 else article['pluriel']}"


def _documents(p: dict[str, Any], ht: str) -> list[str]:
    a, si = p["article"], p["stock_initial"]
    valeur = euros(Decimal(si["quantite"]) * Decimal(si["cout_unitaire"]))
    lignes = [
        f"## Le stock au {jour(p['periode']['debut'])}",
        "",
        f"| Quantité | Coût unitaire {ht} | Valeur |",
        "|---:|---:|---:|",
        f"| {_qu(si['quantite'], a)} | {euros(si['cout_unitaire'])} | {valeur} |",
        "",
        "## Les mouvements du mois",
        "",
        f"| N° | Date | Pièce | Mouvement | Quantité | Prix d'achat net unitaire {ht} | Frais "
        "de transport de la livraison |",
        "|---:|---|---|---|---:|---:|---:|",
    ]
    for n, m in enumerate(p["mouvements"], 1):
        if m["nature"] == "entree":
            prix, frais = euros(m["prix_unitaire_net"]), euros(m["frais_accessoires"])
            sens = "Entrée (achat)"
        else:
            prix, frais, sens = "", "", "Sortie"
        lignes.append(
            f"| {n} | {jour(m['date'])} | {m['piece']} | {sens} | {_q(m['quantite'])} | {prix} "
            f"| {frais} |"
        )
    return lignes


def _appro(p: dict[str, Any]) -> list[str]:
    a, art = p["approvisionnement"], p["article"]
    return [
        "## L'approvisionnement",
        "",
        "| Donnée | Valeur |",
        "|---|---:|",
        f"| Consommation moyenne par jour | {_qu(a['consommation_jour'], art)} |",
        f"| Délai de livraison du fournisseur | {a['delai_jours']} jours |",
        f"| Stock de sécurité | {_qu(a['stock_securite'], art)} |",
        f"| Stock maximum (place disponible) | {_qu(a['stock_maximum'], art)} |",
    ]


def _inventaire(p: dict[str, Any]) -> list[str]:
    inv, a = p["inventaire"], p["article"]
    return [
        "## L'inventaire du dernier jour",
        "",
        f"Le {jour(p['periode']['fin'])}, vous comptez les {a['pluriel']} dans la réserve : "
        f"**{_qu(inv['quantite_comptee'], a)}**.",
        "",
        CONSTAT[inv["constat"]].format(pluriel=a["pluriel"]),
    ]


def _questions(p: dict[str, Any]) -> list[str]:
    methode, pl = p["methode"], p["article"]["pluriel"]
    q = [
        "Pour chaque entrée, calculez le **coût d'achat unitaire** (prix d'achat net + frais de "
        "transport ÷ quantité reçue), puis le **montant** de l'entrée (quantité × coût unitaire).",
    ]
    if methode == "cmup_periode":
        q += [
            "Calculez le **total des entrées** : la quantité et la valeur.",
            "Calculez le **CMUP** de la période.",
        ]
    elif methode == "cmup_mouvement":
        q += [
            "Après chaque mouvement, donnez la **quantité en stock** et la **valeur du stock**. "
            "Après chaque entrée, calculez le nouveau **CMUP**. Valorisez chaque **sortie** au "
            "CMUP du moment.",
        ]
    else:
        q += [
            "Valorisez chaque **sortie** en prenant les lots les plus anciens d'abord. Après "
            "chaque mouvement, donnez la **quantité en stock** et la **valeur du stock**.",
        ]
    q += [
        "Calculez le **total des sorties** : la quantité et la valeur.",
        "Donnez le **stock final** de la fiche : la quantité et la valeur.",
    ]
    if p.get("inventaire"):
        q += [
            "Calculez l'**écart d'inventaire** (stock compté − stock de la fiche) en quantité et "
            "en valeur, choisissez son **explication**, puis donnez la **valeur du stock réel**.",
        ]
    base, nom = (
        ("le stock compté", "stock compté")
        if p.get("inventaire")
        else ("le stock final", "stock final")
    )
    q += [
        f"Calculez la **consommation pendant le délai de livraison**, puis le **stock "
        f"d'alerte** (stock de sécurité + consommation pendant le délai), en {pl}.",
        f"Comparez {base} au stock d'alerte : **faut-il commander** ? Si oui, quelle "
        "**quantité** ? (La livraison doit ramener le stock au stock maximum : quantité = stock "
        f"maximum − {nom} + consommation pendant le délai. Sinon, écrivez 0.)",
    ]
    return numerotee(q)


def enonce(p: dict[str, Any], organisation: Any, niveau: int) -> str:
    """The statement of these params for the organisation, in Markdown."""
    a = p["article"]
    ht = "HT" if p["tva_recuperable"] else "TTC"
    texte = [
        f"# La fiche de stock des {a['pluriel']}",
        "",
        f"Vous travaillez chez **{organisation.raison_sociale}** ({organisation.secteur_libelle}).",
        f"Vous tenez la fiche de stock de l'article « {a['designation']} » "
        f"(référence {a['reference']}).",
        f"Fournisseur : {p['fournisseur']}. Les {a['pluriel']} sont {a['usage']}.",
        "",
        f"La méthode de valorisation est {METHODE[p['methode']]}",
    ]
    if niveau == 1:
        texte += ["", f"Aide : {AIDE[p['methode']]}"]
    if not p["tva_recuperable"]:
        texte += ["", "L'organisation ne récupère pas la TVA : les prix sont donc TTC."]
    texte += ["", *_documents(p, ht), "", *_appro(p)]
    if p.get("inventaire"):
        texte += ["", *_inventaire(p)]
    texte += [
        "",
        "## Travail à faire",
        "",
        "Arrondissez chaque coût unitaire et chaque montant au centime le plus proche.",
        "",
        *_questions(p),
    ]
    return "\n".join(texte) + "\n"
