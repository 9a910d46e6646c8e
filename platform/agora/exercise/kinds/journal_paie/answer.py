"""The answer of a ``journal_paie``: the payroll entry's rows, each body's amount and due date,
the payment entry's rows, with their types (the one schema form and grader read)."""

from agora.exercise import journal
from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import COMPTE, JOUR, MONTANT, Text
from agora.exercise.kinds.journal_paie.regles import ORGANISMES

# Rows a student may write: the payroll entry has at most eight, the payment two.
MAX_ECRITURE = 10
MAX_REGLEMENT = 4

ANSWER_SCHEMA = AnswerSchema(
    {
        **journal.schema("ecriture"),
        # As the solution writes them, not graded: the body's name and account.
        **{f"organismes.{o}.libelle": Text(80) for o in ORGANISMES},
        **{f"organismes.{o}.compte": COMPTE for o in ORGANISMES},
        **{f"organismes.{o}.montant": MONTANT for o in ORGANISMES},
        **{f"organismes.{o}.echeance": JOUR for o in ORGANISMES},
        **journal.schema("reglement"),
    },
    {"ecriture": MAX_ECRITURE, "reglement": MAX_REGLEMENT},
)
