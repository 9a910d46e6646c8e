"""The diagnostics of an ``encaissements``: the code and the message of each named method error."""

from __future__ import annotations

from agora.exercise import journal

ECRITURE_SENS_INVERSE = journal.SENS_INVERSE
CLIENT_AU_HT = "CLIENT_AU_HT"
COMPTE_PRODUIT_CONFONDU = "COMPTE_PRODUIT_CONFONDU"
TVA_DEDUCTIBLE_CONFONDUE = "TVA_DEDUCTIBLE_CONFONDUE"
ESCOMPTE_OBTENU_CONFONDU = "ESCOMPTE_OBTENU_CONFONDU"
ESCOMPTE_DEDUIT_DES_VENTES = "ESCOMPTE_DEDUIT_DES_VENTES"
ACOMPTE_CONFONDU = "ACOMPTE_CONFONDU"
ENCAISSEMENT_EN_VENTE = "ENCAISSEMENT_EN_VENTE"
LETTRAGE_DESEQUILIBRE = "LETTRAGE_DESEQUILIBRE"
RESTE_DU_NON_DIMINUE = "RESTE_DU_NON_DIMINUE"
TRANCHE_DATE_FACTURE = "TRANCHE_DATE_FACTURE"

MESSAGES = {
    ECRITURE_SENS_INVERSE: "Débit et crédit sont inversés : une facture de vente débite le "
    "client (411) et crédite les ventes et la TVA collectée ; un avoir fait l'inverse ; un "
    "encaissement débite la banque (512) et crédite le client.",
    CLIENT_AU_HT: "Le client doit le montant TTC : le compte 411 s'inscrit toutes taxes "
    "comprises, la TVA va au 44571 et le hors taxe au compte de ventes.",
    COMPTE_PRODUIT_CONFONDU: "Choisissez le compte de ventes de l'activité : 707 pour des "
    "marchandises revendues, 701 pour des produits fabriqués, 706 pour des services ; 709 pour "
    "un rabais, une remise ou une ristourne accordé après la facture.",
    TVA_DEDUCTIBLE_CONFONDUE: "Sur une vente, la TVA est collectée : compte 44571. Le 44566 "
    "(TVA déductible) sert pour les achats.",
    ESCOMPTE_OBTENU_CONFONDU: "Un escompte accordé à un client est une charge : compte 665. "
    "Le 765 sert pour l'escompte obtenu d'un fournisseur.",
    ESCOMPTE_DEDUIT_DES_VENTES: "L'escompte ne diminue pas les ventes : créditez le compte de "
    "ventes du net commercial et débitez l'escompte au 665.",
    ACOMPTE_CONFONDU: "Un acompte reçu avant la facture n'est pas encore une vente : créditez "
    "le 4191 (avances et acomptes reçus), puis soldez-le sur la facture.",
    ENCAISSEMENT_EN_VENTE: "Un règlement n'est pas une nouvelle vente : il solde la dette du "
    "client, au crédit du compte 411.",
    LETTRAGE_DESEQUILIBRE: "Une même lettre ne va qu'à des lignes dont les débits égalent "
    "exactement les crédits : un paiement partiel ou un trop-perçu reste non lettré.",
    RESTE_DU_NON_DIMINUE: "Le reste dû d'une facture = TTC − acompte − avoirs − règlements "
    "déjà reçus pour elle.",
    TRANCHE_DATE_FACTURE: "Le retard se compte à partir de l'échéance, pas de la date de la "
    "facture : retard = date de la balance − date d'échéance.",
}
