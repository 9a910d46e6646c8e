"""The method errors of an ``avoir`` the grader names: codes, messages, and where each shows.

Each wrong method of the credit note's calculation is a switch of ``solve.calcule``; the grader
runs it on the whole credit note and on the student's own earlier amounts, and names the first
one that gives the wrong amount a student wrote. The answers to the mandatory mentions and the
choice fields have their own codes.
"""

from __future__ import annotations

from decimal import Decimal

from agora.exercise.kinds.avoir.params import PAR_QUANTITE, Avoir

REMISE_NON_REPRISE = "REMISE_NON_REPRISE"
REMISES_ADDITIONNEES = "REMISES_ADDITIONNEES"
ESCOMPTE_NON_REPRIS = "ESCOMPTE_NON_REPRIS"
PORT_CREDITE = "PORT_CREDITE"
PORT_CREDITE_BRUT = "PORT_CREDITE_BRUT"  # internal: the port put in the gross, then reduced
QUANTITE_FACTUREE_CREDITEE = "QUANTITE_FACTUREE_CREDITEE"
RABAIS_SUR_TOUTE_LA_FACTURE = "RABAIS_SUR_TOUTE_LA_FACTURE"
AVOIR_CALCULE_SUR_TTC = "AVOIR_CALCULE_SUR_TTC"
TVA_NON_REGULARISEE = "TVA_NON_REGULARISEE"
TAUX_TVA_MELANGES = "TAUX_TVA_MELANGES"
ARRONDI_TRONQUE = "ARRONDI_TRONQUE"
NATURE_CONFONDUE = "NATURE_CONFONDUE"
REFERENCE_ERRONEE = "REFERENCE_ERRONEE"
MENTION_OUBLIEE = "MENTION_OUBLIEE"
MENTION_EN_TROP = "MENTION_EN_TROP"
MENTION_OBLIGATOIRE_IGNOREE = "MENTION_OBLIGATOIRE_IGNOREE"

# Internal variants of a wrong method, by the public code that names them.
CODE_PUBLIC = {PORT_CREDITE_BRUT: PORT_CREDITE}

MESSAGES = {
    REMISE_NON_REPRISE: "L'avoir reprend les réductions de la facture d'origine : appliquez "
    "au montant crédité la même remise (les mêmes remises, dans le même ordre).",
    REMISES_ADDITIONNEES: "Les remises de la facture s'appliquent en cascade : la deuxième "
    "se calcule sur le montant déjà diminué de la première.",
    ESCOMPTE_NON_REPRIS: "La facture d'origine déduisait un escompte : l'avoir le reprend "
    "au même taux, sur son net commercial, avant de calculer la TVA.",
    PORT_CREDITE: "Les frais de port ne sont pas remboursés par cet avoir : le transport a "
    "bien eu lieu. N'ajoutez le port ni au montant crédité, ni au total HT.",
    QUANTITE_FACTUREE_CREDITEE: "L'avoir crédite seulement la quantité retournée (ou "
    "facturée en trop), pas toute la quantité de la ligne de facture.",
    RABAIS_SUR_TOUTE_LA_FACTURE: "Le rabais porte seulement sur les lignes concernées par le "
    "défaut, pas sur toute la facture.",
    AVOIR_CALCULE_SUR_TTC: "La ristourne se calcule sur le chiffre d'affaires hors taxes : "
    "la TVA de l'avoir s'ajoute ensuite.",
    TVA_NON_REGULARISEE: "L'avoir rembourse aussi la TVA : calculez la TVA de chaque taux "
    "sur le montant HT crédité, puis le total TTC = total HT + TVA.",
    TAUX_TVA_MELANGES: "Chaque taux de TVA a sa propre base et son propre montant : "
    "n'appliquez pas un seul taux à tous les montants.",
    ARRONDI_TRONQUE: "Arrondissez au centime le plus proche : à partir d'un demi-centime, on "
    "arrondit au centime supérieur (ne coupez pas les décimales).",
    NATURE_CONFONDUE: "Relisez ce qui s'est passé : un retour rend la marchandise, un rabais "
    "compense un défaut ou un retard, une ristourne récompense le chiffre d'affaires de "
    "l'année, une erreur de facturation annule une quantité facturée à tort.",
    REFERENCE_ERRONEE: "L'avoir cite la facture qu'il corrige : c'est le numéro de la facture "
    "d'origine, pas celui de l'avoir, du devis ou du bon de livraison.",
    MENTION_OUBLIEE: "Une mention obligatoire manque sur la facture : relisez-la ligne par "
    "ligne en cherchant chaque mention de la liste.",
    MENTION_EN_TROP: "Cette mention n'est pas à ajouter : elle figure déjà sur la facture, "
    "ou elle n'est pas exigée dans cette situation.",
    MENTION_OBLIGATOIRE_IGNOREE: "Cette mention est obligatoire sur cette facture : elle "
    "manque, il faut l'ajouter.",
}

# The named error of a wrong answer about a mention: (expected state, answered state) -> code.
CODE_MENTION = {
    ("manquante", "presente"): MENTION_OUBLIEE,
    ("presente", "manquante"): MENTION_EN_TROP,
    ("non_exigee", "manquante"): MENTION_EN_TROP,
    ("presente", "non_exigee"): MENTION_OBLIGATOIRE_IGNOREE,
    ("manquante", "non_exigee"): MENTION_OBLIGATOIRE_IGNOREE,
}

# Where each wrong method shows first (answer paths without their indexes).
SIGNATURES = {
    REMISE_NON_REPRISE: {"groupes.reductions.montant", "groupes.net_commercial"},
    REMISES_ADDITIONNEES: {"groupes.reductions.montant", "groupes.net_commercial"},
    ESCOMPTE_NON_REPRIS: {"groupes.escompte", "groupes.net_financier", "tva.base", "total_ht"},
    PORT_CREDITE: {"groupes.montant_brut_ht", "groupes.net_commercial", "tva.base", "total_ht"},
    QUANTITE_FACTUREE_CREDITEE: {"lignes.montant_ht", "groupes.montant_brut_ht"},
    RABAIS_SUR_TOUTE_LA_FACTURE: {"groupes.montant_brut_ht"},
    AVOIR_CALCULE_SUR_TTC: {"groupes.chiffre_affaires_ht", "groupes.montant_brut_ht"},
    TVA_NON_REGULARISEE: {"tva.montant", "total_tva", "total_ttc"},
    TAUX_TVA_MELANGES: {"tva.montant", "total_tva"},
    ARRONDI_TRONQUE: {
        "lignes.montant_ht",
        "groupes.montant_brut_ht",
        "groupes.reductions.montant",
        "groupes.escompte",
        "tva.montant",
    },
}

Faute = tuple[str, Decimal | None]  # a wrong method, and the one rate of TAUX_TVA_MELANGES


def fautes_possibles(a: Avoir) -> list[Faute]:
    """The wrong methods that would change some amount of this credit note, in the order the
    grader tries them."""
    credit = a.nature != "ristourne"
    fautes: list[Faute] = []
    if credit and a.reductions:
        fautes.append((REMISE_NON_REPRISE, None))
    if credit and len(a.reductions) > 1:
        fautes.append((REMISES_ADDITIONNEES, None))
    if credit and a.escompte:
        fautes.append((ESCOMPTE_NON_REPRIS, None))
    if credit and a.port and a.taux_port in a.taux:
        fautes.append((PORT_CREDITE_BRUT, None))
    if credit and a.port:
        fautes.append((PORT_CREDITE, None))
    if a.nature in PAR_QUANTITE and any(x.quantite < x.quantite_facturee for x in a.lignes):
        fautes.append((QUANTITE_FACTUREE_CREDITEE, None))
    if a.nature == "rabais" and any(a.hors_credit):
        fautes.append((RABAIS_SUR_TOUTE_LA_FACTURE, None))
    if a.nature == "ristourne":
        fautes.append((AVOIR_CALCULE_SUR_TTC, None))
    fautes.append((TVA_NON_REGULARISEE, None))
    if len(a.taux) > 1:
        fautes += [(TAUX_TVA_MELANGES, taux) for taux in a.taux]
    fautes.append((ARRONDI_TRONQUE, None))
    return fautes
