"""The named method errors of an ageing balance: codes, the message a student reads, and the
fields (patterns without row index) where each one shows."""

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

MESSAGES = {
    RETARD_DEPUIS_FACTURE: "Le retard se compte à partir de l'échéance, pas de la date de la "
    "facture : jours de retard = date de la balance − date d'échéance.",
    RETARD_NEGATIF: "Une facture qui n'est pas encore échue n'a aucun jour de retard : écrivez "
    "0, pas un nombre négatif.",
    ECHEANCE_SANS_FIN_DE_MOIS: "« Fin de mois » : après avoir ajouté les jours à la date de la "
    "facture, allez au dernier jour de ce mois.",
    PLAFOND_FIN_DE_MOIS_60: "Le plafond « fin de mois » est de 45 jours, pas de 60 : 60 jours "
    "ne sont permis qu'à compter de la date de la facture.",
    TAUX_BCE_SANS_MAJORATION: "Le taux légal des pénalités est le taux de la BCE majoré de 10 "
    "points : ajoutez 10 au taux de la BCE.",
    TAUX_LEGAL_NON_TRIPLE: "Le plancher est de trois fois le taux de l'intérêt légal : "
    "multipliez ce taux par 3.",
    TAUX_LEGAL_PARTICULIERS: "Entre professionnels, prenez le taux de l'intérêt légal des "
    "« autres cas » (créancier professionnel), pas celui des particuliers.",
    TAUX_CONTRAT_SOUS_PLANCHER: "Le taux du contrat est sous le plancher légal (trois fois le "
    "taux de l'intérêt légal) : c'est le plancher qui s'applique.",
    PENALITES_360: "Les pénalités se calculent sur une année de 365 jours : montant × taux × "
    "jours de retard ÷ 365.",
    PENALITES_TRONQUEES: "Les pénalités ont été coupées au centime au lieu d'être arrondies au "
    "centime le plus proche.",
    PENALITES_SANS_ACOMPTE: "Le client a déjà versé un acompte : les pénalités portent sur le "
    "reste dû, pas sur le montant TTC de la facture.",
    INDEMNITE_CONSOMMATEUR: "L'indemnité forfaitaire de 40 € ne s'applique qu'à un client "
    "professionnel, jamais à un particulier.",
    INDEMNITE_OUBLIEE: "Un client professionnel en retard doit l'indemnité forfaitaire de 40 € "
    "pour frais de recouvrement, pour chaque facture.",
    LETTRE_INCOMPLETE: "La lettre doit citer chaque facture en retard du client : son numéro, "
    "le montant restant dû et la date d'échéance.",
}

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

# The wrong methods looked for, in the order tried (the letter's check is apart).
FAUTES = tuple(SIGNATURES)
