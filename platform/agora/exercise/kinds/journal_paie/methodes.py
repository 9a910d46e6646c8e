"""The named method errors of a payroll entry, and the French message the student reads."""

CHARGES_PATRONALES_EN_641 = "CHARGES_PATRONALES_EN_641"
COTISATIONS_SALARIALES_EN_645 = "COTISATIONS_SALARIALES_EN_645"
NET_AVANT_IMPOT_EN_421 = "NET_AVANT_IMPOT_EN_421"
PAS_OUBLIE = "PAS_OUBLIE"
URSSAF_PART_SALARIALE = "URSSAF_PART_SALARIALE"
ECHEANCE_CONFONDUE = "ECHEANCE_CONFONDUE"
ECHEANCE_NON_REPORTEE = "ECHEANCE_NON_REPORTEE"
ACOMPTE_OUBLIE = "ACOMPTE_OUBLIE"
AVANTAGE_OUBLIE_AU_BRUT = "AVANTAGE_OUBLIE_AU_BRUT"
AVANTAGE_VERSE_EN_ESPECES = "AVANTAGE_VERSE_EN_ESPECES"
AVANTAGE_NEUTRALISE_EN_641 = "AVANTAGE_NEUTRALISE_EN_641"
ECRITURE_DESEQUILIBREE = "ECRITURE_DESEQUILIBREE"
ECRITURE_SENS_INVERSE = "ECRITURE_SENS_INVERSE"

# The wrong methods computed as a whole exercise (solve.calcule), in the order the grader
# tries them.
FAUTES = (
    CHARGES_PATRONALES_EN_641,
    COTISATIONS_SALARIALES_EN_645,
    PAS_OUBLIE,
    NET_AVANT_IMPOT_EN_421,
    ACOMPTE_OUBLIE,
    AVANTAGE_OUBLIE_AU_BRUT,
    AVANTAGE_VERSE_EN_ESPECES,
    URSSAF_PART_SALARIALE,
    ECHEANCE_CONFONDUE,
    ECHEANCE_NON_REPORTEE,
)

MESSAGES = {
    CHARGES_PATRONALES_EN_641: (
        "Les cotisations patronales ne vont pas au compte 641 : il ne reçoit que les salaires "
        "bruts. Les parts patronales vont au débit du compte 645."
    ),
    COTISATIONS_SALARIALES_EN_645: (
        "Les cotisations salariales sont payées par le salarié : elles sont déjà dans le "
        "salaire brut (641). Le compte 645 ne reçoit que les parts patronales."
    ),
    NET_AVANT_IMPOT_EN_421: (
        "Le compte 421 reçoit le net à payer, après le prélèvement à la source, et non le net "
        "avant impôt."
    ),
    PAS_OUBLIE: (
        "Le prélèvement à la source est retenu sur le salaire et dû à la DGFiP : il va au "
        "crédit du compte 4421 et diminue le net à payer."
    ),
    URSSAF_PART_SALARIALE: (
        "L'URSSAF reçoit les parts salariales et les parts patronales de ses cotisations, pas "
        "seulement les parts salariales."
    ),
    ECHEANCE_CONFONDUE: (
        "Date de paiement confondue : le 5 du mois suivant, c'est pour 50 salariés et plus "
        "payés dans le mois ; sinon c'est le 15."
    ),
    ECHEANCE_NON_REPORTEE: (
        "Cette date tombe un samedi, un dimanche ou un jour férié : l'échéance est reportée au "
        "premier jour ouvré suivant."
    ),
    ACOMPTE_OUBLIE: (
        "L'acompte déjà versé dans le mois est déduit : il va au crédit du compte 425 et le "
        "net à payer (421) diminue d'autant."
    ),
    AVANTAGE_OUBLIE_AU_BRUT: (
        "L'avantage en nature est une partie du salaire : il est compris dans le salaire brut "
        "au débit du compte 641, puis neutralisé au crédit du compte 708."
    ),
    AVANTAGE_VERSE_EN_ESPECES: (
        "L'avantage en nature n'est pas versé en argent : il est déduit du net à payer (421) et "
        "neutralisé au crédit du compte 708."
    ),
    AVANTAGE_NEUTRALISE_EN_641: (
        "Le compte 641 garde tout le salaire brut, avantage en nature compris : la "
        "neutralisation de l'avantage va au crédit du compte 708, pas du 641."
    ),
    ECRITURE_DESEQUILIBREE: (
        "Votre écriture n'est pas équilibrée : le total des débits doit être égal au total des "
        "crédits."
    ),
    ECRITURE_SENS_INVERSE: (
        "Débit et crédit inversés : les charges (641, 645) vont au débit, les dettes envers le "
        "personnel et les organismes (421, 431, 437, 4421) au crédit."
    ),
}
