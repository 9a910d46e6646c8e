"""Kind ``formation``: the organisation's training plan (plan de développement des compétences)
for the year and the staff's social budgets.

Each session's teaching cost, expenses, salaries maintained (level 3), total and cost per
trainee; the plan's total and average cost per trainee, its variance against the budget in
euros and percent, favourable or not, and at level 3 the optional sessions to postpone; the
items a convocation must hold; the training contribution; the CSE's operating budget (0.20 %
or 0.22 % of the gross payroll from 50 employees) and the social and cultural activities'
budget, spending and variance. The public contract is docs/exercices/formation.md.
"""

from agora.exercise.base import ExerciseKind

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Plan de formation : coûts des sessions, budget, convocation, budgets du CSE",
    COMPETENCES=("3.1.3", "3.3.2"),
    VERSION=3,  # 3: apprentices paid their legal minimum; 2: the régie's director is its dirigeant
)
