"""Kind ``budget_tresorerie``: draw up the organisation's cash budget for three to six months
(référentiel 2.2.5).

The student turns the forecasts (sales with their payment terms, purchases, payroll and social
charges, VAT of the month before, loan, fixed charges, an investment, a grant) into the monthly
receipts and payments, the month's net, the opening and closing cash, finds the months under
strain and picks the remedy. The public contract is docs/exercices/budget_tresorerie.md; each
module of the package does one step of the life of the exercise.
"""

from agora.exercise.base import ExerciseKind

# One competency: every field of the budget is part of the periodic cash statement.
KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Budget de trésorerie : encaissements, décaissements, soldes et tensions",
    COMPETENCES=("2.2.5",),
    # 2: the régie's director is its dirigeant; no « municipale »
    # 3: the charges paid « sans TVA » are rent and insurance only (energy bears VAT)
    VERSION=3,
)
