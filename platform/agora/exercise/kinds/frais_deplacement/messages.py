"""What the student reads for each method error of ``frais_deplacement``, and the answer fields
each wrong method changes (where the grader looks for it)."""

from agora.exercise.kinds.frais_deplacement import solve as calc

MESSAGES = {
    calc.ARRONDI_TRONQUE: "Les centimes ont été coupés au lieu d'être arrondis au plus proche.",
    calc.IK_SANS_CUMUL: (
        "La tranche du barème se choisit avec la distance de toute l'année (km déjà faits + "
        "km du déplacement), pas avec les km du seul déplacement."
    ),
    calc.IK_FORFAIT_SUR_LE_TRAJET: (
        "Le « + b » du barème est un forfait pour toute l'année : il ne s'ajoute pas à chaque "
        "déplacement. Indemnité du déplacement = barème de l'année − indemnités déjà versées."
    ),
    calc.IK_DEJA_REMBOURSE_OUBLIE: (
        "Les indemnités déjà versées cette année pour ce véhicule n'ont pas été retirées."
    ),
    calc.NUITS_COMPTEES_EN_JOURS: (
        "Un déplacement de 3 jours ne compte que 2 nuits : l'hôtel se paie par nuit."
    ),
    calc.PLAFOND_IGNORE: (
        "Ce justificatif dépasse le plafond de l'organisation : on rembourse le plafond, "
        "le reste est à la charge du salarié."
    ),
    calc.JUSTIFICATIF_ABSENT_ACCEPTE: "Une dépense sans justificatif ne se rembourse pas.",
    calc.DEPENSE_PERSONNELLE_ACCEPTEE: (
        "Une dépense personnelle n'est pas un frais professionnel : elle est refusée."
    ),
    calc.HORS_MISSION_ACCEPTE: (
        "Cette dépense est en dehors des dates de l'ordre de mission : elle est refusée."
    ),
    calc.CARBURANT_EN_PLUS_DES_IK: (
        "Le carburant est déjà payé par les indemnités kilométriques : le ticket est refusé."
    ),
    calc.TVA_NON_DEDUCTIBLE_DEDUITE: (
        "La TVA de l'hôtel (logement du personnel) et la TVA payée à l'étranger ne se "
        "déduisent pas : 0."
    ),
    calc.AVANCE_OUBLIEE: "L'avance déjà versée au salarié n'a pas été retirée.",
    calc.ECART_INVERSE: (
        "L'écart se calcule réel − budget : négatif quand le budget est respecté, positif "
        "quand il est dépassé."
    ),
    calc.ECRITURE_SENS_INVERSE: (
        "Débit et crédit inversés : les frais et la TVA au débit, l'avance et la dette envers "
        "le salarié au crédit."
    ),
}

# The answer fields (as patterns) whose value each wrong method changes.
_DECISIONS = ("justificatifs.#.decision", "justificatifs.#.retenu", "justificatifs.#.tva")
_TOTAUX = ("total_frais", "a_rembourser", "budget.ecart")
_IK = ("vehicules.#.ik", "budget.transport", "budget.total", *_TOTAUX)
SIGNATURES = {
    calc.ARRONDI_TRONQUE: ("vehicules.#.ik_annuelle", "justificatifs.#.tva", *_IK),
    calc.IK_SANS_CUMUL: ("vehicules.#.distance_annuelle", "vehicules.#.ik_annuelle", *_IK),
    calc.IK_FORFAIT_SUR_LE_TRAJET: _IK,
    calc.IK_DEJA_REMBOURSE_OUBLIE: _IK,
    calc.NUITS_COMPTEES_EN_JOURS: ("budget.hebergement", "budget.total", "budget.ecart"),
    calc.PLAFOND_IGNORE: (*_DECISIONS, *_TOTAUX),
    calc.JUSTIFICATIF_ABSENT_ACCEPTE: (*_DECISIONS, *_TOTAUX),
    calc.DEPENSE_PERSONNELLE_ACCEPTEE: (*_DECISIONS, *_TOTAUX),
    calc.HORS_MISSION_ACCEPTE: (*_DECISIONS, *_TOTAUX),
    calc.CARBURANT_EN_PLUS_DES_IK: (*_DECISIONS, *_TOTAUX),
    calc.TVA_NON_DEDUCTIBLE_DEDUITE: ("justificatifs.#.tva",),
    calc.AVANCE_OUBLIEE: ("a_rembourser",),
    calc.ECART_INVERSE: ("budget.ecart",),
}
