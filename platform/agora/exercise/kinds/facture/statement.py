"""The French statement of a ``facture`` variant: the situation, the customer (or supplier), the
articles delivered (the services performed, outside the goods family), the conditions and what
to compute; the story it tells is drawn in ``histoire``.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from agora.calendrier import date_longue
from agora.exercise.base import a_l_etape
from agora.exercise.enonce import au_service
from agora.exercise.kinds.facture.histoire import Histoire, echeance, piece, volume_releve
from agora.exercise.markdown import cellule, numerotee
from agora.francais import de
from agora.money import euros

NBSP = "\u00a0"

MOTIFS = {
    "remise": ("pour l'importance de la commande", "accordée aux clients fidèles"),
    "rabais": ("pour un retard de livraison", "pour un léger défaut d'aspect"),
    "ristourne": ("sur le chiffre d'affaires de l'année",),
}
# A service is not delivered nor damaged: its rabais makes up for a job late, incomplete or cut.
RABAIS_PRESTATION = (
    "pour un retard dans l'intervention",
    "pour une intervention incomplète",
    "pour une interruption du service",
)
# What the invoice bills, as the story of each family names it: (section title, done on...).
FAITS = {
    "biens": ("Les articles livrés", "Les articles ont été livrés"),
    "services": ("Les prestations réalisées", "Les prestations ont été réalisées"),
    "service_public": ("Les prestations facturées", "Les prestations ont été réalisées"),
    "association": ("Les prestations facturées", "Les prestations ont été réalisées"),
}

# What a supplier's invoice bills an organisation outside the goods family: goods (a club's
# balls) or services (its coach trips), named alike.
FACTURE_RECUE = "Ce que facture le fournisseur"


# What a supplier's rabais makes up for, whether it sold goods (a club's balls) or a service
# (its coach trip): neither is « une intervention ».
RABAIS_ACHAT = ("pour un défaut de qualité", "pour un retard sur la date prévue")


def _motifs(nature: str, famille: str, achat: bool = False) -> tuple[str, ...]:
    if nature != "rabais" or famille == "biens":
        return MOTIFS[nature]
    return RABAIS_ACHAT if achat else RABAIS_PRESTATION


def libelle_port(famille: str) -> str:
    """« Frais de port » for goods; a service's charge after reductions is a travel charge (the
    frais de déplacement of a quote the invoice follows)."""
    return "Frais de port" if famille == "biens" else "Frais de déplacement"


ARTICLES = {"remise": "la", "rabais": "le", "ristourne": "la"}


def pourcent(value: str) -> str:
    return f"{value.replace('.', ',')}{NBSP}%"


def _tiers(h: Histoire) -> list[str]:
    t = h.tiers
    if t is None:
        return []
    titre = "Le fournisseur" if h.achat else "Le client"
    adresse = f"{t.adresse.rue}, {t.adresse.code_postal} {t.adresse.ville}"
    lignes = [f"### {titre}", "", "| Nom | SIRET | Adresse |", "|---|---|---|"]
    lignes.append(f"| {cellule(t.nom)} | {t.siret or '—'} | {cellule(adresse)} |")
    return [*lignes, ""]


def _articles(p: dict[str, Any]) -> list[str]:
    lignes = [
        "| Référence | Désignation | Quantité | Prix unitaire HT | TVA |",
        "|---|---|---:|---:|---:|",
    ]
    for ligne in p["lignes"]:
        lignes.append(
            f"| {cellule(ligne['reference'])} | {cellule(ligne['designation'])} "
            f"| {ligne['quantite']} | {euros(ligne['prix_unitaire_ht'])} "
            f"| {pourcent(ligne['taux_tva'])} |"
        )
    return [*lignes, ""]


# Why a public service's invoice deducts nothing (histoire.TARIFS_PUBLICS).
TARIFS_DU_SERVICE = (
    "- Les prix sont les tarifs du service votés par l'assemblée délibérante, les mêmes pour "
    "tous les usagers : ni remise, ni rabais, ni ristourne, ni escompte."
)


def _paiement(h: Histoire, jour: date) -> list[str]:
    """A sale's payment term and due date, as the invoice prints them (a later step of a
    mission asks for the due date, or records it)."""
    if h.achat:
        return []
    delai = h.organisation.cgv.delai_paiement_jours
    quand = f"à {delai} jours date de facture" if delai else "comptant, à réception de la facture"
    return [f"- Paiement {quand} : échéance le {echeance(h.organisation, jour):%d/%m/%Y}."]


def arrhes(devis: dict[str, Any] | None) -> bool:
    """Was the payment at signature of the quote an earlier step made arrhes (the CGV's word,
    which that step grades), not an acompte?"""
    versement = ((devis or {}).get("devis") or {}).get("versement") or {}
    return versement.get("nature") == "arrhes"


def _conditions(
    rng: random.Random, p: dict[str, Any], h: Histoire, devis: dict | None = None
) -> list[str]:
    famille = h.famille
    lignes = [TARIFS_DU_SERVICE] if h.tarif_public else []
    for r in p["reductions"]:
        motif = rng.choice(_motifs(r["nature"], famille, h.achat))
        lignes.append(f"- {r['nature'].capitalize()} de {pourcent(r['taux'])} {motif}.")
    if len(p["reductions"]) > 1:
        lignes.append("- Les réductions s'appliquent dans cet ordre, l'une après l'autre.")
    if "escompte_taux" in p:
        lignes.append(
            f"- Escompte de {pourcent(p['escompte_taux'])} pour paiement comptant : "
            "il est déduit sur la facture."
        )
    if "frais_port_ht" in p:
        lignes.append(
            f"- {libelle_port(famille)} : {euros(p['frais_port_ht'])} HT, "
            f"TVA à {pourcent(p['taux_tva_port'])}."
        )
    if "acompte" in p and arrhes(devis):
        lignes.append(f"- Arrhes versées à la signature du devis : {euros(p['acompte'])}.")
    elif "acompte" in p and h.tarif_public:
        lignes.append(
            f"- Acomptes déjà prélevés ce semestre (mensualisation) : {euros(p['acompte'])}."
        )
    elif "acompte" in p:
        lignes.append(f"- Acompte déjà versé à la commande : {euros(p['acompte'])}.")
    return lignes


def _releve(h: Histoire, jour: date, numero: str, volume: str) -> list[str]:
    """A public service bills the half-year after reading the meter, not an order."""
    org = h.organisation
    nom = h.tiers.nom if h.tiers else "l'usager"
    return [
        au_service(org, "aux usagers"),
        f"Le compteur d'eau de l'usager **{nom}** a été relevé le {date_longue(jour)} : "
        f"{volume} m³ consommés depuis le dernier relevé, il y a six mois.",
        f"{org.dirigeant} ({org.dirigeant_fonction.lower()}) vous demande de **préparer la "
        f"facture du semestre** n° {numero}.",
        "",
    ]


def _situation(
    rng: random.Random,
    h: Histoire,
    p: dict[str, Any],
    jour: date,
    numero: str,
    devis: dict | None = None,
) -> list[str]:
    org = h.organisation
    fait = FAITS[h.famille][1]
    nom = h.tiers.nom if h.tiers else "le client"
    chef = f"{org.dirigeant} ({org.dirigeant_fonction.lower()})"
    if devis is not None:
        return [
            f"Vous travaillez au service commercial {de(org.raison_sociale, gras=True)} "
            f"({org.adresse.ville}).",
            f"Le client **{nom}** a signé le devis n° {devis['numero']} que vous avez préparé "
            f"{a_l_etape(devis)} de la mission.",
            f"{fait} le {date_longue(jour)}.",
            f"{chef} vous demande de **préparer la facture** n° {numero}, aux conditions du devis.",
            "",
        ]
    volume = volume_releve(p, org) if h.tarif_public else None
    if volume is not None:
        return _releve(h, jour, numero, volume)
    rang = rng.randint(1, 300)
    accepte_le = jour - timedelta(days=rng.randint(7, 30))
    devis_numero = f"D{accepte_le.year}-{rang:04d}"  # numbered in the year it was made
    accepte = date_longue(accepte_le)
    if h.achat:
        debut = [
            f"L'organisation **{org.raison_sociale}** n'est pas assujettie à la TVA : "
            "elle ne facture pas de TVA.",
            "Mais ses fournisseurs, eux, lui facturent la TVA.",
            "",
        ]
        if not h.hors_tva:
            debut = [
                f"Vous travaillez au service comptable {de(org.raison_sociale, gras=True)}.",
                "",
            ]
        return [
            *debut,
            f"Le {accepte}, {org.raison_sociale} a accepté le devis n° {devis_numero} "
            f"du fournisseur **{nom}**.",
            f"La livraison est arrivée le {date_longue(jour)}, avec la facture n° {numero}."
            if h.famille == "biens"
            else f"La facture n° {numero} du {date_longue(jour)} est arrivée.",
            f"{chef} vous demande de **vérifier cette facture** avant de la payer.",
            "Refaites tous les calculs de la facture.",
            "",
        ]
    return [
        au_service(org, "commercial"),
        f"Le {accepte}, le client **{nom}** a accepté le devis n° {devis_numero}.",
        f"{fait} le {date_longue(jour)}.",
        f"{chef} vous demande de **préparer la facture** n° {numero}.",
        "",
    ]


METHODE = [
    "### Méthode",
    "",
    "1. Montant HT d'une ligne = quantité × prix unitaire HT.",
    "2. Montant brut HT = somme des montants HT des lignes.",
    "3. Remise = montant brut HT × taux de la remise ÷ 100.",
    "4. Net commercial = montant brut HT − remise. C'est le total HT de la facture.",
    "5. TVA = total HT × taux de TVA ÷ 100. La base de TVA est le total HT.",
    "6. Total TTC = total HT + TVA. Ici, le net à payer est égal au total TTC.",
    "",
]
# The same method when the invoice grants no reduction (a public service's tariffs).
METHODE_SANS_REDUCTION = [
    *METHODE[:4],
    "3. Sans réduction, le net commercial est égal au montant brut HT. C'est le total HT de la "
    "facture.",
    "4. TVA = total HT × taux de TVA ÷ 100. La base de TVA est le total HT.",
    "5. Total TTC = total HT + TVA. Ici, le net à payer est égal au total TTC.",
    "",
]


# The e-invoicing reform (CGI art. 289 bis, loi de finances 2024): every company receives
# electronic invoices from 1 September 2026; large and mid-sized ones issue them from then,
# small ones from 1 September 2027.
REFORME = [
    "### La facture électronique",
    "",
    "Depuis le 1er septembre 2026, toute entreprise doit pouvoir **recevoir** ses factures "
    "sous forme électronique (par exemple au format Factur-X : un PDF qui contient aussi les "
    "données de la facture, lisibles par un logiciel). Les petites entreprises devront aussi "
    "les **émettre** ainsi à partir du 1er septembre 2027.",
    "Après votre réponse, vous pourrez télécharger votre facture en PDF et en Factur-X : "
    "le logiciel du client lira vos montants tels quels, vérifiez-les bien.",
    "",
]


def a_faire(p: dict[str, Any], famille: str = "biens", versees: bool = False) -> list[str]:
    """The numbered list of what to compute, in the order of the form; ``versees``: the
    payment at signature was arrhes."""
    quoi = "Les articles n'ont pas tous" if famille == "biens" else "Les lignes n'ont pas toutes"
    plusieurs = len({ligne["taux_tva"] for ligne in p["lignes"]}) > 1
    noms = [
        f"{ARTICLES[r['nature']]} **{r['nature']}** de {pourcent(r['taux'])}"
        for r in p["reductions"]
    ]
    etapes = ["Pour chaque ligne, le **montant HT**."]
    if plusieurs:
        etapes.append(
            f"{quoi} le même taux de TVA : pour chaque taux "
            "(une colonne par taux), faites les étapes suivantes jusqu'au "
            + ("net financier." if "escompte_taux" in p else "net commercial.")
        )
    etapes.append("Le **montant brut HT**.")
    if noms:
        etapes.append(
            ("Chaque réduction, dans l'ordre : " if len(noms) > 1 else "")
            + ", puis ".join(noms)
            + "."
        )
    etapes.append("Le **net commercial**.")
    if "escompte_taux" in p:
        etapes.append("L'**escompte** et le **net financier**.")
    etapes.append("Le **total HT** de la facture.")
    etapes.append(
        "Pour chaque taux, la **base de TVA** et le **montant de TVA**."
        if plusieurs
        else "La **base de TVA** et le **montant de TVA**."
    )
    if plusieurs:
        etapes.append("Le **total TVA**.")
    etapes.append("Le **total TTC**.")
    etapes.append(
        "Le **net à payer**"
        + (
            (" (les arrhes sont déjà versées)." if versees else " (l'acompte est déjà versé).")
            if "acompte" in p
            else "."
        )
    )
    lignes = ["### À faire", "", "Arrondissez chaque montant au centime le plus proche.", ""]
    return lignes + numerotee(etape[0].upper() + etape[1:] for etape in etapes)


def enonce(
    rng: random.Random,
    h: Histoire,
    p: dict[str, Any],
    niveau: int,
    piece_devis: tuple[date, str, dict] | None = None,
) -> str:
    """The French Markdown statement: situation, documents, conditions, what to compute.

    ``piece_devis``: the invoice's date and number, and the quote of an earlier step of the
    mission that the invoice follows (else both are drawn and the quote is only named)."""
    org = h.organisation
    jour, numero, devis = piece_devis if piece_devis else (*piece(rng, org), None)
    titre = "Vérifier une facture fournisseur" if h.achat else "Préparer une facture client"
    lignes = [f"## {titre}", "", "### La situation", ""]
    lignes += _situation(rng, h, p, jour, numero, devis)
    lignes += _tiers(h)
    facture = FACTURE_RECUE if h.achat and h.famille != "biens" else FAITS[h.famille][0]
    lignes += [f"### {facture}", "", *_articles(p)]
    lignes += ["### Les conditions", "", *_conditions(rng, p, h, devis), *_paiement(h, jour), ""]
    if niveau == 1:
        lignes += METHODE if p["reductions"] else METHODE_SANS_REDUCTION
    if niveau == 3:
        lignes += REFORME
    lignes += a_faire(p, h.famille, arrhes(devis))
    return "\n".join(lignes) + "\n"
