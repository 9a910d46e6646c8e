"""The bulletin_paie exercise: payslip components from the base salary to net à payer and employer cost.

The calculation lives in ``solve``, the grading (error carried forward, diagnostics) in ``grade``
(its French texts in ``messages``), the drawing of a variant in ``generate`` and the French
statement in ``statement`` (with ``champs_demandes``, the fields each level asks for); the
answer's fields and their types in ``answer``.
"""

from agora.exercise.base import ExerciseKind
from agora.exercise.kinds.bulletin_paie import answer, generate, grade, params, samples, solve

KIND = ExerciseKind.from_modules(
    (params, answer, generate, solve, grade, samples),
    TITRE="Bulletin de paie : du salaire brut au net à payer",
    COMPETENCES=("3.2.4",),
    VERSION=2,
    PRODUIT="bulletin_paie",  # the solved payslip: what a payroll journal step may record
)
