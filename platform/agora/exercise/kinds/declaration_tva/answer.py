"""The answer of a ``declaration_tva``: the CA3 lines and the settlement entry, with their types."""

from agora.exercise import journal
from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import MONTANT
from agora.exercise.kinds.declaration_tva.params import LIGNE_DU_TAUX

# Rows the student may write in the settlement entry (the right one has at most seven).
MAX_ECRITURE = 10
LIGNES_CA3 = ("01", "03", "16", "17", "19", "20", "22", "23", "25", "28")

ANSWER_SCHEMA = AnswerSchema(
    {
        **{f"ligne_{ligne}": MONTANT for ligne in LIGNES_CA3},
        **{f"ligne_{ligne}_base": MONTANT for ligne in LIGNE_DU_TAUX.values()},
        **{f"ligne_{ligne}_taxe": MONTANT for ligne in LIGNE_DU_TAUX.values()},
        # The neutral journal shape: date, journal, piece and label are given, not graded.
        **journal.schema("ecriture"),
    },
    {"ecriture": MAX_ECRITURE},
)
