"""The named method errors of an ageing balance: codes, the message a student reads (messages.yaml
beside), and the fields (patterns without row index) where each one shows."""

from pathlib import Path

from agora.exercise.nommes import messages_lus

RETARD_DEPUIS_FACTURE = "RETARD_DEPUIS_FACTURE"
RETARD_NEGATIF = "RETARD_NEGATIF"
ECHEANCE_SANS_FIN_DE_MOIS = "ECHEANCE_SANS_FIN_DE_MOIS"
PLAFOND_FIN_DE_MOIS_60 = "PLAFOND_FIN_DE_MOIS_60"
TAUX_BCE_SANS_MAJORATION = "TAUX_BCE_SANS_MAJORATION"
TAUX_LEGAL_NON_TRIPLE = "TAUX_LEGAL_NON_TRIPLE"
TAUX_LEGAL_PARTICULIERS = "TAUX_LEGAL_PARTICULIERS"
TAUX_CONTRAT_SOUS_PLANCHER = "TAUX_CONTRAT_SOUS_PLANCHER"
PENALITES_360 = "PENALITES_360"
PENALITES_TRONQUEES = "PENALITES_TRONQUEES"
PENALITES_SANS_ACOMPTE = "PENALITES_SANS_ACOMPTE"
INDEMNITE_CONSOMMATEUR = "INDEMNITE_CONSOMMATEUR"
INDEMNITE_OUBLIEE = "INDEMNITE_OUBLIEE"
LETTRE_INCOMPLETE = "LETTRE_INCOMPLETE"

SIGNATURES = {
    RETARD_DEPUIS_FACTURE: {"factures.jours_retard"},
    RETARD_NEGATIF: {"factures.jours_retard"},
    ECHEANCE_SANS_FIN_DE_MOIS: {"factures.echeance"},
    PLAFOND_FIN_DE_MOIS_60: {"factures.delai_legal"},
    TAUX_BCE_SANS_MAJORATION: {"taux_cgv"},
    TAUX_LEGAL_NON_TRIPLE: {"taux_cgv", "taux_plancher"},
    TAUX_LEGAL_PARTICULIERS: {"taux_cgv", "taux_plancher"},
    TAUX_CONTRAT_SOUS_PLANCHER: {"taux_contrat"},
    PENALITES_360: {"factures.penalites"},
    PENALITES_TRONQUEES: {"factures.penalites"},
    PENALITES_SANS_ACOMPTE: {"factures.penalites", "factures.reste_du"},
    INDEMNITE_CONSOMMATEUR: {"factures.indemnite"},
    INDEMNITE_OUBLIEE: {"factures.indemnite"},
}

MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"), (*SIGNATURES, LETTRE_INCOMPLETE))

# The wrong methods looked for, in the order tried (the letter's check is apart).
FAUTES = tuple(SIGNATURES)
