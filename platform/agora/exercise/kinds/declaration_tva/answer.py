"""The answer of a ``declaration_tva``: the CA3 or CA12 lines and the settlement entry, typed."""

from agora.exercise import journal
from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import MONTANT
from agora.exercise.kinds.declaration_tva.params import LIGNE_CA12, LIGNE_DU_TAUX

# Rows the student may write in the settlement entry (the right one has at most seven).
MAX_ECRITURE = 10
LIGNES_CA3 = ("01", "03", "16", "17", "19", "20", "22", "23", "25", "28")
# The CA12 lines not on the CA3 (3517-S-SD: deductions, acomptes, balance, next base).
LIGNES_CA12 = ("24", "26", "29", "30", "33", "34", "35", "57")
TAUX = (*LIGNE_DU_TAUX.values(), *LIGNE_CA12.values())

ANSWER_SCHEMA = AnswerSchema(
    {
        **{f"ligne_{ligne}": MONTANT for ligne in (*LIGNES_CA3, *LIGNES_CA12)},
        **{f"ligne_{ligne}_base": MONTANT for ligne in TAUX},
        **{f"ligne_{ligne}_taxe": MONTANT for ligne in TAUX},
        # The CA12's two acomptes of the year, worked out before line 30.
        "acompte_juillet": MONTANT,
        "acompte_decembre": MONTANT,
        # The neutral journal shape: date, journal, piece and label are given, not graded.
        **journal.schema("ecriture"),
    },
    {"ecriture": MAX_ECRITURE},
)
