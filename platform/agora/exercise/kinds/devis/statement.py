"""The French statement of a ``devis`` variant: the customer's e-mail, the catalogue extract,
the CGV, at level 3 the delivery note, and the numbered list of what to do."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from agora.calendrier import date_longue
from agora.exercise.enonce import au_service
from agora.exercise.markdown import cellule, numerotee, pourcent, tableau
from agora.money import euros

MOTIFS_REMISE = (
    "remise de quantité",
    "remise de fidélité",
    "remise exceptionnelle de lancement",
    "remise « nouveau client »",
)
VERSEMENT = {
    "acompte": "un **acompte** de {part} du montant TTC",
    "arrhes": "des **arrhes** de {part} du montant TTC",
}


def quantite(value: str) -> str:
    return value.replace(".", ",")


def _courriel(h: Any, p: dict[str, Any], jour: date) -> list[str]:
    client = h.client
    demandes = [
        f"> - {ligne['designation']} : {quantite(ligne['quantite'])} ({cellule(ligne['unite'])})"
        for ligne in p["lignes"]
    ]
    return [
        f"Le {date_longue(jour)}, **{client.nom}** ({client.email}) vous écrit :",
        "",
        "> Bonjour,",
        ">",
        "> Pourriez-vous nous faire un devis pour :",
        ">",
        *demandes,
        ">",
        "> Merci de nous dire aussi combien il faudra verser à la signature.",
        "> Cordialement,",
        f"> {client.nom}",
        "",
    ]


def _catalogue(rng: random.Random, h: Any, p: dict[str, Any]) -> list[str]:
    """The articles asked for, among a few others (the student looks up each one)."""
    demandes = {ligne["reference"] for ligne in p["lignes"]}
    livrees = {r.get("reference_livree") for r in p.get("livraison", [])}
    autres = [a for a in h.articles if a.reference not in demandes]
    extrait = [a for a in h.articles if a.reference in demandes or a.reference in livrees]
    extrait += rng.sample(autres, min(len(autres), 3))
    lignes = [
        "| Référence | Désignation | Unité | Prix unitaire HT | TVA |",
        "|---|---|---|---:|---:|",
    ]
    for a in sorted(set(extrait), key=lambda a: a.reference):
        taux = f"{a.taux_tva.normalize():f}"
        lignes.append(
            f"| {a.reference} | {cellule(a.designation)} | {cellule(a.unite)} "
            f"| {euros(a.prix_ht)} | {pourcent(taux)} |"
        )
    return [*lignes, ""]


# Why a public service's quote grants no remise (generate.Histoire.tarif_public).
TARIFS_DU_SERVICE = (
    "- Les prix sont les tarifs du service votés par l'assemblée délibérante, les mêmes pour "
    "tous les usagers : ni remise, ni rabais."
)


def _cgv(rng: random.Random, h: Any, p: dict[str, Any]) -> list[str]:
    remises = [f"{rng.choice(MOTIFS_REMISE).capitalize()} de {pourcent(r)}" for r in p["remises"]]
    lignes = ["- Remises accordées à ce client : " + ", puis ".join(remises) + "."]
    if not remises:
        lignes = [TARIFS_DU_SERVICE]
    if len(remises) > 1:
        lignes.append(
            "- Les remises s'appliquent l'une après l'autre, dans cet ordre (en cascade)."
        )
    port = p.get("port")
    if port:
        lignes.append(
            f"- {port['libelle'].capitalize()} : forfait de {euros(port['forfait_ht'])} HT, "
            f"offert (franco) dès {euros(port['franco_ht'])} HT de net commercial "
            f"(après remises). TVA à {pourcent(port['taux_tva'])}."
        )
    if h.organisation.tva_intracom is None:
        lignes.append(
            "- L'organisation n'est pas assujettie à la TVA : ses devis portent une TVA à 0 %."
        )
    versement = p["versement"]
    lignes += [
        f"- Le devis est valable **{p['validite_jours']} jours** à compter de sa date.",
        "- À la signature du devis, le client verse "
        + VERSEMENT[versement["nature"]].format(part=pourcent(versement["taux"]))
        + ".",
        "- Le devis est accepté quand le client le renvoie daté et signé, avec la mention "
        "manuscrite « Bon pour accord ».",
        "",
    ]
    return lignes


def _livraison(h: Any, p: dict[str, Any], jour: date) -> list[str]:
    document = "bon d'intervention" if h.sur_site else "bon de livraison"
    designations = {a.reference: a.designation for a in h.organisation.catalogue}
    lignes = [
        "### La commande et l'intervention" if h.sur_site else "### La commande et la livraison",
        "",
        f"Le client a signé le devis : c'est le **bon de commande** n° BC-{jour:%y%m%d}.",
        "Il reprend les lignes et les quantités du devis.",
        f"Voici le **{document}** signé par le client :",
        "",
    ]
    livres = [
        (reference, cellule(designations.get(reference, "")), quantite(livre["quantite_livree"]))
        for livre in p["livraison"]
        if (reference := livre["reference_livree"])
    ]
    colonnes = ("Référence", "Désignation", "Quantité")
    return [*lignes, *tableau(colonnes, livres, "<<>"), ""]


METHODE = [
    "### Méthode",
    "",
    "1. Cherchez chaque article dans le catalogue : sa référence et son prix unitaire HT.",
    "2. Montant HT d'une ligne = quantité × prix unitaire HT.",
    "3. Montant brut HT = somme des montants HT des lignes.",
    "4. Remise = montant brut HT × taux ÷ 100 ; net commercial = brut − remise.",
    "5. TVA = net commercial × taux de TVA ÷ 100 ; total TTC = total HT + TVA.",
    "6. Date de validité = date du devis + 30 jours (comptez sur le calendrier).",
    "7. Versement à la signature = total TTC × pourcentage ÷ 100.",
    "",
]

SANS_REMISE = {"4.": "4. Sans remise : net commercial = montant brut HT."}


def a_faire(h: Any, p: dict[str, Any]) -> list[str]:
    """The numbered list of what to do, in the order of the form."""
    plusieurs = len({ligne["taux_tva"] for ligne in p["lignes"]}) > 1
    etapes = [
        "Pour chaque ligne : la **référence** et le **prix unitaire HT** du catalogue, "
        "puis le **montant HT**.",
        ("Pour chaque taux de TVA : le" if plusieurs else "Le")
        + (
            " **montant brut HT**, chaque **remise** dans l'ordre, le **net HT**."
            if p["remises"]
            else " **montant brut HT** et le **net HT**."
        ),
        "Le **net commercial** du devis.",
    ]
    if "port" in p:
        etapes.append(f"Les **{p['port']['libelle']}** HT (0 s'ils sont offerts).")
    etapes += [
        "Le **total HT**.",
        ("Pour chaque taux : la" if plusieurs else "La") + " **base de TVA** et la **TVA**.",
        "Le **total TVA** et le **total TTC**.",
        "La **date de fin de validité** du devis.",
        "Le **montant à verser** à la signature, ce versement est-il un **acompte** ou des "
        "**arrhes**, et ce que cela change si le client renonce.",
        "Ce que le client doit écrire sur le devis pour l'accepter.",
    ]
    if "livraison" in p:
        fait = "l'intervention" if h.sur_site else "la livraison"
        etapes.append(
            f"Pour chaque ligne de la commande : l'**écart** avec {fait} et la "
            "**quantité à facturer**."
        )
    lignes = ["### À faire", "", "Arrondissez chaque montant au centime le plus proche.", ""]
    return lignes + numerotee(etapes)


def numero_devis(rng: random.Random, jour: date) -> str:
    """The quote's number, drawn after its params."""
    return f"D{jour.year}-{rng.randint(1, 400):04d}"


def enonce(rng: random.Random, h: Any, p: dict[str, Any], niveau: int) -> str:
    """The French Markdown statement."""
    org = h.organisation
    jour = date.fromisoformat(p["date_devis"])
    numero = numero_devis(rng, jour)
    lignes = [
        "## Établir un devis",
        "",
        "### La situation",
        "",
        au_service(org, "commercial"),
        *_courriel(h, p, jour),
        f"{org.dirigeant} ({org.dirigeant_fonction.lower()}) vous demande de préparer le "
        f"**devis n° {numero}**, daté du {date_longue(jour)}.",
        "",
        "### Extrait du catalogue",
        "",
        *_catalogue(rng, h, p),
        "### Extrait des conditions générales de vente",
        "",
        *_cgv(rng, h, p),
    ]
    if "livraison" in p:
        lignes += _livraison(h, p, jour)
    if niveau == 1:
        lignes += METHODE if p["remises"] else [SANS_REMISE.get(e[:2], e) for e in METHODE]
    lignes += a_faire(h, p)
    return "\n".join(lignes) + "\n"
