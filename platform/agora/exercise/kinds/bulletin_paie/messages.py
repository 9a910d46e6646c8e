"""The French texts of payslip grading: the diagnostics and the reminder of each field's method."""

from __future__ import annotations

ECF_MESSAGE = (
    "Juste, calculé à partir de vos résultats précédents (erreur reportée : la méthode est bonne)."
)


MESSAGES = {
    "SALAIRE_BASE_HEBDOMADAIRE": "Le salaire de base est mensuel : taux horaire × heures mensuelles "
    "(151,67 h pour 35 h par semaine), pas × heures de la semaine.",
    "HS_MAUVAIS_TAUX": "Heures supplémentaires : chaque heure est payée au taux horaire majoré, "
    "× 1,25 pour les 8 premières heures de la semaine, × 1,50 au-delà.",
    "HS_OUBLIEES": "Les heures supplémentaires font partie du salaire brut.",
    "HS_50_NON_DISTINGUEES": "Dans une semaine, seules les 8 premières heures supplémentaires "
    "(de 35 h à 43 h) sont à 25 % ; les suivantes sont à 50 % : comptez-les semaine par semaine.",
    "ABSENCE_NON_DEDUITE": "L'absence non rémunérée se retire du salaire de base : "
    "taux horaire × heures d'absence.",
    "PRIME_OUBLIEE": "Les primes font partie du salaire brut.",
    "AVANTAGE_NATURE_HORS_BRUT": "L'avantage en nature s'ajoute au salaire brut : "
    "il est soumis aux cotisations.",
    "TRANSPORT_DANS_BRUT": "Le remboursement des frais de transport n'est pas un salaire : "
    "il ne va pas dans le brut, il s'ajoute après les cotisations.",
    "CSG_SUR_BRUT": "La CSG et la CRDS se calculent sur 98,25 % du brut (abattement de 1,75 %), "
    "plus la part patronale de la complémentaire santé, pas sur 100 % du brut.",
    "CSG_SANS_PATRONAL_MUTUELLE": "La part patronale de la complémentaire santé entre dans la "
    "base de la CSG et de la CRDS : ajoutez-la à 98,25 % du brut.",
    "TRANCHE_A_NON_PLAFONNEE": "Une cotisation plafonnée (tranche A) se calcule sur le brut "
    "limité au plafond mensuel de la sécurité sociale (PMSS), pas sur tout le brut.",
    "TRANCHE_2_MAL_CALCULEE": "La tranche 2 est la partie du brut au-dessus du PMSS : "
    "brut − PMSS (jusqu'à 8 PMSS).",
    "TAUX_SALARIAL_PATRONAL_INVERSES": "Taux salarial et taux patronal inversés : la part "
    "salariale utilise le taux salarial, la part patronale le taux patronal.",
    "NET_IMPOSABLE_SANS_CSG_NON_DEDUCTIBLE": "Net imposable : on ne retire que les cotisations "
    "déductibles ; la CSG non déductible et la CRDS restent dans le net imposable.",
    "NET_IMPOSABLE_SANS_PATRONAL_MUTUELLE": "La part patronale de la complémentaire santé est un "
    "revenu imposable : ajoutez-la au net imposable.",
    "AVANTAGE_NATURE_NON_DEDUIT": "L'avantage en nature a déjà été reçu (en repas, en logement…) : "
    "il se retire du net, il n'est pas payé en argent.",
    "REMBOURSEMENT_TRANSPORT_OUBLIE": "Le remboursement de l'abonnement de transport s'ajoute au "
    "net à payer avant impôt.",
    "NET_AVEC_COTISATIONS_PATRONALES": "Les cotisations patronales sont payées par l'employeur : "
    "elles ne se retirent pas du salaire du salarié.",
    "PAS_SUR_NET_A_PAYER": "Le prélèvement à la source se calcule sur le net imposable, "
    "pas sur le net à payer.",
    "PAS_SUR_BRUT": "Le prélèvement à la source se calcule sur le net imposable, pas sur le brut.",
    "PAS_AJOUTE": "Le prélèvement à la source se retire du net avant impôt, il ne s'ajoute pas.",
    "NET_A_PAYER_SANS_PAS": "Net à payer = net avant impôt − prélèvement à la source.",
    "COUT_EMPLOYEUR_SANS_PATRONALES": "Coût employeur = salaire brut + cotisations patronales.",
    "COUT_EMPLOYEUR_SUR_NET": "Le coût employeur part du salaire brut, pas du net.",
}

RAPPELS = {
    "salaire_base": "Salaire de base = taux horaire × heures mensuelles.",
    "retenue_absence": "Retenue = taux horaire × heures d'absence.",
    "montant_hs_25": "Heures à 25 % = heures × taux horaire × 1,25.",
    "montant_hs_50": "Heures à 50 % = heures × taux horaire × 1,50.",
    "salaire_brut": "Brut = base − absence + heures sup. + primes + avantages en nature.",
    "base": "Reprenez la base de la ligne (brut, tranche, base CSG…).",
    "montant_salarial": "Part salariale = base × taux salarial.",
    "montant_patronal": "Part patronale = base × taux patronal.",
    "total_salarial": "Total des parts salariales de toutes les lignes.",
    "total_patronal": "Total des parts patronales de toutes les lignes.",
    "net_imposable": "Net imposable = brut − cotisations salariales déductibles "
    "+ part patronale imposable de la mutuelle.",
    "net_avant_impot": "Net avant impôt = brut − total salarial − avantages en nature "
    "+ remboursement de transport.",
    "prelevement_source": "Prélèvement = net imposable × taux de prélèvement.",
    "net_a_payer": "Net à payer = net avant impôt − prélèvement à la source.",
    "cout_employeur": "Coût employeur = brut + total patronal.",
}
