"""The named method errors of a register check, and the message a student reads for each."""

DDM_COMME_DLC = "DDM_COMME_DLC"
SEUILS_CONFONDUS = "SEUILS_CONFONDUS"
LIMITE_PERMISE = "LIMITE_PERMISE"
ECHEANCE_DEPASSEE = "ECHEANCE_DEPASSEE"
ANOMALIE_NON_VUE = "ANOMALIE_NON_VUE"
FAUSSE_ANOMALIE = "FAUSSE_ANOMALIE"
MAUVAIS_TYPE = "MAUVAIS_TYPE"
ACTION_INADAPTEE = "ACTION_INADAPTEE"
VIGILANCE_6_MOIS = "VIGILANCE_6_MOIS"
VIGILANCE_SOUS_SEUIL = "VIGILANCE_SOUS_SEUIL"
SIRET_VALIDE_SIGNALE = "SIRET_VALIDE_SIGNALE"
CLE_NON_VERIFIEE = "CLE_NON_VERIFIEE"

MESSAGES = {
    DDM_COMME_DLC: "« À consommer de préférence avant » (DDM) n'est pas « à consommer jusqu'au » "
    "(DLC) : après la DDM, le produit peut encore être vendu. Ce n'est pas une non-conformité.",
    SEUILS_CONFONDUS: "Le congélateur et le réfrigérateur n'ont pas la même limite : le froid "
    "négatif doit rester à −18 °C ou moins, le froid positif à +4 °C ou moins.",
    LIMITE_PERMISE: "Une valeur égale à la limite est permise : +4 °C, −18 °C, 50 mg/L, ou le "
    "dernier jour de validité, c'est encore conforme. Seul ce qui dépasse est à signaler.",
    ECHEANCE_DEPASSEE: "La date est passée, même d'un jour : comparez-la au jour du contrôle "
    "(pour une vérification, ajoutez d'abord la périodicité à la dernière vérification).",
    ANOMALIE_NON_VUE: "Cette ligne dépasse la règle : comparez chaque valeur à sa limite.",
    FAUSSE_ANOMALIE: "Cette ligne respecte la règle : relisez la valeur et la limite avant de "
    "signaler une non-conformité.",
    MAUVAIS_TYPE: "La ligne pose bien un problème, mais pas celui-là : relisez la colonne qui "
    "dépasse la règle.",
    ACTION_INADAPTEE: "Chaque non-conformité appelle son action : jeter un produit périmé, faire "
    "réparer un appareil, isoler un lot, demander une attestation, relancer le contrôle, "
    "informer l'ARS, corriger ou fusionner une fiche.",
    VIGILANCE_6_MOIS: "Pour un contrat d'au moins 5 000 € HT, l'attestation de vigilance URSSAF "
    "se redemande tous les 6 mois : une attestation plus ancienne, ou absente, ne vaut plus.",
    VIGILANCE_SOUS_SEUIL: "En dessous de 5 000 € HT, l'attestation de vigilance n'est pas "
    "exigée : son absence n'est pas une anomalie.",
    SIRET_VALIDE_SIGNALE: "Ce SIRET a 14 chiffres et sa clé de Luhn est juste : il est valide.",
    CLE_NON_VERIFIEE: "Un SIRET ou un IBAN a une clé de contrôle : un numéro qui a l'air "
    "juste peut être faux (SIRET : 14 chiffres et clé de Luhn ; IBAN : 27 caractères en France).",
}
