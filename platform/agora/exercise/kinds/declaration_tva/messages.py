"""The diagnostics of a ``declaration_tva``: the message of each named method error, and where it shows."""

from __future__ import annotations

from agora.exercise.kinds.declaration_tva import ca12
from agora.exercise.kinds.declaration_tva import solve as calc
from agora.exercise.kinds.declaration_tva.params import CA12

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
    "France par l'acheteur (autoliquidation) : sa base va ligne B2 et dans la ligne du taux, sa "
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
    ca12.ACOMPTES_TAUX_INVERSES: "L'acompte de juillet est de 55 % et celui de décembre de 40 % "
    "de la TVA de l'an passé (ligne 57 de la CA12 précédente), pas l'inverse.",
    ca12.ACOMPTES_SOUS_SEUIL: "Quand la TVA de l'an passé (ligne 57 de la CA12 précédente) est "
    "inférieure à 1 000 €, aucun acompte n'est dû (CGI art. 287-3) : les acomptes et la ligne 30 "
    "valent 0.",
    ca12.ACOMPTES_OUBLIES: "Les acomptes de juillet et de décembre ont déjà été payés : leur total "
    "va ligne 30 et se retire de la TVA due (ligne 28).",
    ca12.BASE_ACOMPTES_IMMO_DEDUITE: "La base des acomptes de l'an prochain (ligne 57) est la TVA "
    "due avant la déduction de la TVA sur immobilisations : ligne 16 − ligne 22, sans retirer la "
    "ligne 23.",
}

# The CA12 numbers its lines otherwise: the same mistakes, told with its lines and accounts.
MESSAGES_CA12 = MESSAGES | {
    calc.IMMOBILISATION_EN_ABS: "La TVA sur une immobilisation (un bien gardé plusieurs années) "
    "va ligne 23 de la CA12, pas ligne 20 ; elle est enregistrée au compte 44562.",
    calc.CREDIT_ANTERIEUR_OUBLIE: "Le crédit de TVA laissé par la CA12 de l'an passé se reporte "
    "ligne 24 et s'ajoute à la TVA déductible (ligne 26).",
    calc.SOLDE_INVERSE: "Si la TVA brute (ligne 19) dépasse la TVA déductible (ligne 26), la "
    "différence est due (ligne 28) ; sinon, c'est un crédit (ligne 29).",
    calc.COMPTE_TVA_CONFONDU: "Choisissez le bon compte : 44562 pour la TVA sur immobilisations, "
    "44566 pour les autres achats, 44581 pour les acomptes versés, 44551 pour le solde à payer, "
    "44567 pour un crédit de TVA.",
}

# Where each wrong method shows (answer paths).
_TAXES = {"ligne_08_taxe", "ligne_09_taxe", "ligne_9B_taxe", "ligne_T6_taxe", "ligne_16"}
_TAXES_CA12 = {"ligne_5A_taxe", "ligne_06_taxe", "ligne_6C_taxe", "ligne_19", "ligne_57"}
_ACOMPTES = {"acompte_juillet", "acompte_decembre"}
_BASES = {"ligne_01", "ligne_08_base", "ligne_09_base", "ligne_9B_base", "ligne_T6_base"}
SIGNATURES = {
    calc.ARRONDI_TRONQUE: _TAXES | _TAXES_CA12 | _ACOMPTES | {"ligne_17"},
    calc.ENCAISSEMENT_TTC_COMME_HT: _BASES | _TAXES,
    calc.EXIGIBILITE_FACTURATION: _BASES | _TAXES,
    calc.IMMOBILISATION_EN_ABS: {"ligne_19", "ligne_20", "ligne_22", "ligne_23"},
    calc.TVA_NON_DEDUCTIBLE_DEDUITE: {"ligne_20", "ligne_22", "ligne_23", "ligne_26", "ligne_57"},
    calc.CREDIT_ANTERIEUR_OUBLIE: {"ligne_22", "ligne_23", "ligne_24", "ligne_26"},
    calc.AUTOLIQUIDATION_OUBLIEE: {
        "ligne_03",
        "ligne_08_base",
        "ligne_08_taxe",
        "ligne_16",
        "ligne_17",
        "ligne_20",
    },
    calc.AUTOLIQUIDATION_NON_DEDUITE: {"ligne_20", "ligne_23"},
    calc.SOLDE_INVERSE: {"ligne_25", "ligne_28", "ligne_29"},
    ca12.ACOMPTES_TAUX_INVERSES: _ACOMPTES,
    ca12.ACOMPTES_SOUS_SEUIL: _ACOMPTES | {"ligne_30"},
    ca12.ACOMPTES_OUBLIES: {"ligne_30"},
    ca12.BASE_ACOMPTES_IMMO_DEDUITE: {"ligne_57"},
}


def messages(regime: str) -> dict[str, str]:
    """The diagnostics' messages with the lines of the return's form."""
    return MESSAGES_CA12 if regime == CA12 else MESSAGES
