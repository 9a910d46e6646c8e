"""The method errors of a ``facture_achat`` the grader names: codes, messages, where each shows.

The wrong methods of the calculation are switches of ``solve.calcule`` (the grader runs each
on the whole invoice and on the student's own earlier amounts); the discrepancy choices, the
decision and the entry have their own codes.
"""

from __future__ import annotations

from agora.exercise import journal
from agora.exercise.kinds.facture_achat.params import Achat

QUANTITE_COMMANDEE = "QUANTITE_COMMANDEE"
REMISE_OUBLIEE = "REMISE_OUBLIEE"
MONTANT_FACTURE_RECOPIE = "MONTANT_FACTURE_RECOPIE"
ESCOMPTE_NON_DEDUIT = "ESCOMPTE_NON_DEDUIT"
PORT_OUBLIE = "PORT_OUBLIE"
COUT_SANS_FRAIS = "COUT_SANS_FRAIS"
TVA_TAUX_FACTURE = "TVA_TAUX_FACTURE"
AUTOLIQUIDATION_PAYEE = "AUTOLIQUIDATION_PAYEE"
ARRONDI_TRONQUE = "ARRONDI_TRONQUE"
ECART_NON_VU = "ECART_NON_VU"
ECART_IMAGINAIRE = "ECART_IMAGINAIRE"
ECART_CONFONDU = "ECART_CONFONDU"
DECISION_INADAPTEE = "DECISION_INADAPTEE"
COMPTE_ACHAT_CONFONDU = "COMPTE_ACHAT_CONFONDU"
IMMOBILISATION_EN_CHARGE = "IMMOBILISATION_EN_CHARGE"
COMPTE_TVA_CONFONDU = "COMPTE_TVA_CONFONDU"
AUTOLIQUIDATION_OUBLIEE = "AUTOLIQUIDATION_OUBLIEE"
ECRITURE_SENS_INVERSE = journal.SENS_INVERSE

MESSAGES = {
    QUANTITE_COMMANDEE: "On paie ce qui a été livré : prenez la quantité du bon de livraison, "
    "pas celle du bon de commande.",
    REMISE_OUBLIEE: "La remise du bon de commande se déduit du montant brut de la ligne : "
    "montant brut × taux de remise ÷ 100.",
    MONTANT_FACTURE_RECOPIE: "Le montant corrigé est celui que le fournisseur aurait dû "
    "facturer : recalculez-le avec la quantité livrée et le prix et la remise de la commande.",
    ESCOMPTE_NON_DEDUIT: "L'escompte se déduit avant la TVA : la base de la TVA est le net "
    "financier (net commercial − escompte) plus le port.",
    PORT_OUBLIE: "Les frais de port font partie du total HT et de la base de la TVA.",
    COUT_SANS_FRAIS: "Le coût d'achat comprend les frais accessoires : coût d'achat = net "
    "financier + frais de port.",
    TVA_TAUX_FACTURE: "Le taux de TVA juste est celui du produit (celui du bon de commande), "
    "pas le taux écrit par erreur sur la facture.",
    AUTOLIQUIDATION_PAYEE: "Achat dans l'UE : le fournisseur facture hors taxe. Vous calculez "
    "la TVA, mais vous la déclarez vous-même : le net à payer au fournisseur est le total HT.",
    ARRONDI_TRONQUE: "Arrondissez au centime le plus proche : à partir d'un demi-centime, on "
    "arrondit au centime supérieur (ne coupez pas les décimales).",
    ECART_NON_VU: "Cette ligne a un écart : comparez la quantité facturée à la quantité livrée, "
    "puis le prix, la remise et le taux de TVA à ceux de la commande, puis refaites le calcul.",
    ECART_IMAGINAIRE: "Cette ligne est juste : la quantité est celle livrée, le prix, la remise "
    "et le taux sont ceux de la commande, et le montant est bien calculé.",
    ECART_CONFONDU: "Nommez le bon écart : comparez dans l'ordre la référence, la quantité, "
    "le prix, la remise, le taux de TVA, puis le calcul.",
    DECISION_INADAPTEE: "Sans écart, on accepte la facture. Un montant trop élevé : on demande "
    "un avoir. Un article jamais commandé ou un mauvais taux de TVA : on refuse la facture.",
    COMPTE_ACHAT_CONFONDU: "Choisissez le compte de charge selon ce qui est acheté : 601 "
    "matières premières, 602 autres approvisionnements, 606 achats non stockés, 607 "
    "marchandises revendues, 61 et 62 services, 6241 transport sur achats.",
    IMMOBILISATION_EN_CHARGE: "Un bien durable de plus de 500 € HT est une immobilisation : "
    "compte 21…, TVA au 44562, fournisseur d'immobilisations au 404.",
    COMPTE_TVA_CONFONDU: "Choisissez le bon compte de TVA : 44566 sur les achats, 44562 sur "
    "les immobilisations, 445662 et 4452 pour un achat dans l'UE.",
    AUTOLIQUIDATION_OUBLIEE: "Achat dans l'UE : enregistrez la TVA deux fois, due au crédit "
    "du 4452 et déductible au débit du 445662.",
    ECRITURE_SENS_INVERSE: "Une facture d'achat : la charge et la TVA déductible au débit, le "
    "fournisseur au crédit (et l'escompte obtenu au crédit du 765).",
}

_PIED = {"net_commercial", "escompte", "net_financier", "total_ht", "tva.base", "tva.montant"}
_FIN = {"total_tva", "net_a_payer", "montant_avoir", "cout_achat"}
# Where each wrong method shows (answer paths without their indexes).
SIGNATURES = {
    QUANTITE_COMMANDEE: {"lignes.montant_corrige"},
    REMISE_OUBLIEE: {"lignes.montant_corrige"},
    MONTANT_FACTURE_RECOPIE: {"lignes.montant_corrige"},
    ESCOMPTE_NON_DEDUIT: {"total_ht", "tva.base", "tva.montant"} | _FIN,
    PORT_OUBLIE: {
        "total_ht",
        "tva.base",
        "tva.montant",
        "total_tva",
        "net_a_payer",
        "montant_avoir",
    },
    COUT_SANS_FRAIS: {"cout_achat"},
    TVA_TAUX_FACTURE: {"tva.montant", "total_tva", "net_a_payer", "montant_avoir"},
    AUTOLIQUIDATION_PAYEE: {"net_a_payer", "montant_avoir"},
    ARRONDI_TRONQUE: {"lignes.montant_corrige"} | _PIED | _FIN,
}


def fautes_possibles(a: Achat, ecarts: list[str]) -> list[str]:
    """The wrong methods that may change some amount of this invoice, in the order tried."""
    fautes = []
    if any(x.commande and x.livree != x.commande.quantite for x in a.lignes):
        fautes.append(QUANTITE_COMMANDEE)
    if any(x.commande and x.commande.remise for x in a.lignes):
        fautes.append(REMISE_OUBLIEE)
    if any(e not in ("aucun", "taux_tva") for e in ecarts):
        fautes.append(MONTANT_FACTURE_RECOPIE)
    if a.escompte_taux:
        fautes.append(ESCOMPTE_NON_DEDUIT)
    if a.port:
        fautes += [PORT_OUBLIE, COUT_SANS_FRAIS]
    if "taux_tva" in ecarts:
        fautes.append(TVA_TAUX_FACTURE)
    if a.intracommunautaire:
        fautes.append(AUTOLIQUIDATION_PAYEE)
    fautes.append(ARRONDI_TRONQUE)
    return fautes
