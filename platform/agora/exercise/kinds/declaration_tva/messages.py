"""The diagnostics of a ``declaration_tva``: the message of each named method error, and where it shows."""

from __future__ import annotations

from agora.exercise.kinds.declaration_tva import solve as calc

MESSAGES = {
    calc.ARRONDI_TRONQUE: "Arrondissez la TVA au centime le plus proche : à partir d'un "
    "demi-centime, on arrondit au centime supérieur (ne coupez pas les décimales).",
    calc.ENCAISSEMENT_TTC_COMME_HT: "Un encaissement est un montant TTC : sa base HT = TTC × 100 "
    "÷ (100 + taux). Ne prenez pas le TTC comme base.",
    calc.EXIGIBILITE_FACTURATION: "Pour les prestations de services, la TVA est due quand le "
    "client paie (à l'encaissement, CGI art. 269-2-c) : comptez les encaissements du mois, pas "
    "les factures du mois.",
    calc.IMMOBILISATION_EN_ABS: "La TVA sur une immobilisation (un bien gardé plusieurs années) "
    "va ligne 19, pas ligne 20 ; elle est enregistrée au compte 44562.",
    calc.TVA_NON_DEDUCTIBLE_DEDUITE: "Cette TVA n'est pas déductible (cadeau de plus de 73 € TTC, "
    "voiture de tourisme : CGI annexe II, art. 206) : ne la mettez pas dans la TVA déductible.",
    calc.CREDIT_ANTERIEUR_OUBLIE: "Le crédit de TVA de la déclaration précédente (sa ligne 27) se "
    "reporte ligne 22 et s'ajoute à la TVA déductible.",
    calc.AUTOLIQUIDATION_OUBLIEE: "Un achat de biens dans un autre pays de l'UE est taxé en "
    "France par l'acheteur (autoliquidation) : sa base va ligne 03 et dans la ligne du taux, sa "
    "TVA ligne 17 et dans le total ligne 16.",
    calc.AUTOLIQUIDATION_NON_DEDUITE: "La TVA autoliquidée sur une acquisition dans l'UE est due "
    "(ligne 16) mais aussi déductible : ajoutez-la ligne 20.",
    calc.SOLDE_INVERSE: "Si la TVA brute (ligne 16) dépasse la TVA déductible (ligne 23), la "
    "différence est à payer (ligne 28) ; sinon, c'est un crédit de TVA (ligne 25).",
    calc.ECRITURE_SENS_INVERSE: "Pour solder un compte, on l'inscrit du côté opposé à son solde : "
    "la TVA collectée (44571, solde créditeur) se débite, la TVA déductible (44566, 44562) se "
    "crédite.",
    calc.COMPTE_TVA_CONFONDU: "Choisissez le bon compte : 44562 pour la TVA sur immobilisations, "
    "44566 pour les autres achats, 44551 pour la TVA à payer, 44567 pour un crédit de TVA.",
}

# Where each wrong method shows (answer paths).
_TAXES = {"ligne_08_taxe", "ligne_09_taxe", "ligne_9B_taxe", "ligne_T6_taxe", "ligne_16"}
_BASES = {"ligne_01", "ligne_08_base", "ligne_09_base", "ligne_9B_base", "ligne_T6_base"}
SIGNATURES = {
    calc.ARRONDI_TRONQUE: _TAXES | {"ligne_17"},
    calc.ENCAISSEMENT_TTC_COMME_HT: _BASES | _TAXES,
    calc.EXIGIBILITE_FACTURATION: _BASES | _TAXES,
    calc.IMMOBILISATION_EN_ABS: {"ligne_19", "ligne_20"},
    calc.TVA_NON_DEDUCTIBLE_DEDUITE: {"ligne_20", "ligne_23"},
    calc.CREDIT_ANTERIEUR_OUBLIE: {"ligne_22", "ligne_23"},
    calc.AUTOLIQUIDATION_OUBLIEE: {
        "ligne_03",
        "ligne_08_base",
        "ligne_08_taxe",
        "ligne_16",
        "ligne_17",
        "ligne_20",
    },
    calc.AUTOLIQUIDATION_NON_DEDUITE: {"ligne_20", "ligne_23"},
    calc.SOLDE_INVERSE: {"ligne_25", "ligne_28"},
}
