"""The answer of a ``frais_deplacement``: the travel budget, the mileage allowances, the decision
on each receipt, the totals and the entry, with their types (form, save and grader read them)."""

from agora.exercise import journal
from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import MONTANT, MONTANT_SIGNE, QUANTITE, Choice
from agora.exercise.kinds.frais_deplacement.params import MAX_JUSTIFICATIFS, MAX_VEHICULES
from agora.exercise.kinds.frais_deplacement.solve import PLAFONNE, REFUSE, REMBOURSE

DECISION = Choice(
    {
        REMBOURSE: "Remboursé en totalité",
        PLAFONNE: "Remboursé jusqu'au plafond",
        REFUSE: "Refusé",
    }
)
# Rows the student may write in the entry (the right one has at most five).
MAX_ECRITURE = 8

ANSWER_SCHEMA = AnswerSchema(
    {
        "budget.transport": MONTANT,
        "budget.hebergement": MONTANT,
        "budget.repas": MONTANT,
        "budget.total": MONTANT,
        "budget.ecart": MONTANT_SIGNE,  # costs − budget: below zero when the budget is kept
        "vehicules.#.distance_annuelle": QUANTITE,
        "vehicules.#.ik_annuelle": MONTANT,
        "vehicules.#.ik": MONTANT,
        "justificatifs.#.decision": DECISION,
        "justificatifs.#.retenu": MONTANT,
        "justificatifs.#.tva": MONTANT,
        "total_frais": MONTANT,
        "a_rembourser": MONTANT,
        # The neutral journal shape: date, journal, piece and label are given, not graded.
        **journal.schema("ecriture"),
    },
    {
        "vehicules": MAX_VEHICULES,
        "justificatifs": MAX_JUSTIFICATIFS,
        "ecriture": MAX_ECRITURE,
    },
)
