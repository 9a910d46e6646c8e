"""What the student reads for each method error of ``mouvements_personnel``, and the answer
fields each wrong method changes (where the grader looks for it)."""

from agora.exercise.kinds.mouvements_personnel import solve as calc

MESSAGES = {
    calc.DPAE_APRES: (
        "La DPAE se fait avant l'embauche : au plus tôt 8 jours avant le premier jour, au plus "
        "tard le premier jour avant la prise de poste. Les 8 jours se comptent avant, pas après."
    ),
    calc.ESSAI_MEME_QUANTIEME: (
        "Une période d'essai en mois se compte de date à date : elle finit la veille du même "
        "jour du mois (du 15 mars, 2 mois : fin le 14 mai)."
    ),
    calc.ESSAI_JOURS_OUVRES: (
        "La période d'essai se compte en jours calendaires, pas en jours ouvrés : samedis, "
        "dimanches et jours fériés comptent."
    ),
    calc.RENOUVELLEMENT_NON_PERMIS: (
        "La période d'essai ne se renouvelle que si l'accord de branche le permet ET si le "
        "contrat le prévoit : ici, pas de renouvellement."
    ),
    calc.VIP_PREALABLE_OUBLIEE: (
        "Un salarié de moins de 18 ans ou un travailleur de nuit passe la visite "
        "d'information et de prévention avant de prendre son poste, pas dans les 3 mois."
    ),
    calc.PRECARITE_SUR_SALAIRE_DE_BASE: (
        "L'indemnité de fin de contrat est de 10 % de la rémunération totale brute : salaire "
        "de base et heures supplémentaires, primes comprises."
    ),
    calc.PRECARITE_CAS_EXCLU: (
        "Dans ce cas, l'indemnité de fin de contrat (prime de précarité) n'est pas due "
        "(article L1243-10 du Code du travail)."
    ),
    calc.ICCP_SANS_PRECARITE: (
        "L'indemnité de congés payés se calcule sur la rémunération totale brute, indemnité "
        "de fin de contrat comprise : 10 % × (total brut + indemnité de fin de contrat)."
    ),
    calc.DOCUMENTS_A_LA_NOTIFICATION: (
        "Les documents de fin de contrat sont datés et remis le dernier jour du contrat, pas "
        "le jour du courrier qui annonce la fin."
    ),
    calc.FIN_PREVUE_RETENUE: (
        "Le contrat s'est arrêté avant la date prévue : la sortie et les documents sont datés "
        "du dernier jour réellement travaillé sous contrat."
    ),
    calc.CONSERVATION_DEPUIS_LE_DOCUMENT: (
        "Le registre du personnel et le dossier du salarié se conservent 5 ans à partir du "
        "départ du salarié, pas à partir de la date du document."
    ),
    calc.CONSERVATION_DIX_ANS: (
        "Dix ans, c'est la durée des pièces comptables. Les documents du personnel ont leurs "
        "propres durées (5 ans, 2 ans pour une candidature non retenue)."
    ),
    calc.ANNONCE_CRITERE_OUBLIE: (
        "Cette phrase écarte des candidats pour un motif interdit par l'article L1132-1 du "
        "Code du travail : elle est discriminatoire."
    ),
    calc.ANNONCE_CRITERE_EN_TROP: (
        "Cette phrase décrit le poste ou les compétences attendues : elle n'écarte "
        "personne pour un motif interdit."
    ),
    calc.ARRONDI_TRONQUE: "Les centimes ont été coupés au lieu d'être arrondis au plus proche.",
}

_MONTANTS = ("depart.indemnite_precarite", "depart.iccp")
_DOCUMENTS = tuple(f"documents.{nom}" for nom in calc.DOCUMENTS)
_ANNONCE = ("annonce.#.critere",)
# The answer fields (as patterns) whose value each wrong method changes.
SIGNATURES = {
    calc.DPAE_APRES: ("embauche.dpae_au_plus_tot", "embauche.dpae_au_plus_tard"),
    calc.ESSAI_MEME_QUANTIEME: ("embauche.fin_essai", "embauche.fin_essai_maximale"),
    calc.ESSAI_JOURS_OUVRES: ("embauche.fin_essai", "embauche.fin_essai_maximale"),
    calc.RENOUVELLEMENT_NON_PERMIS: ("embauche.renouvelable", "embauche.fin_essai_maximale"),
    calc.VIP_PREALABLE_OUBLIEE: ("embauche.visite_au_plus_tard",),
    calc.PRECARITE_SUR_SALAIRE_DE_BASE: _MONTANTS,
    calc.PRECARITE_CAS_EXCLU: ("depart.indemnite_cas", *_MONTANTS),
    calc.ICCP_SANS_PRECARITE: ("depart.iccp",),
    calc.DOCUMENTS_A_LA_NOTIFICATION: _DOCUMENTS,
    calc.FIN_PREVUE_RETENUE: (*_DOCUMENTS, "registre.sortie", "conservation.#.jusqu_au"),
    calc.CONSERVATION_DEPUIS_LE_DOCUMENT: ("conservation.#.jusqu_au",),
    calc.CONSERVATION_DIX_ANS: ("conservation.#.jusqu_au",),
    calc.ANNONCE_CRITERE_OUBLIE: _ANNONCE,
    calc.ANNONCE_CRITERE_EN_TROP: _ANNONCE,
    calc.ARRONDI_TRONQUE: _MONTANTS,
}
