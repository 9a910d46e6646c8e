"""The diagnostics of an ``encaissements``: the code of each named method error, and its message
read from messages.yaml."""

from __future__ import annotations

from pathlib import Path

from agora.exercise import journal
from agora.exercise.nommes import codes_declares, messages_lus

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

MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"), codes_declares(globals()))
