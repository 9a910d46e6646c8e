"""What the student reads for each method error of ``frais_deplacement``
(messages.yaml beside), and the answer fields
each wrong method changes (where the grader looks for it)."""

from pathlib import Path

from agora.exercise.kinds.frais_deplacement import solve as calc
from agora.exercise.nommes import messages_lus

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

MESSAGES = messages_lus(
    Path(__file__).with_name("messages.yaml"), (*SIGNATURES, calc.ECRITURE_SENS_INVERSE)
)
