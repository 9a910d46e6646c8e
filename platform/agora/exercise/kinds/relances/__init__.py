"""Kind ``relances``: follow up the customers' unpaid invoices from the ageing balance.

On a month's last day: per invoice its due date, days late and the reminder step the
organisation's procedure calls for, whether its payment term is legal (L441-10), the late-payment
penalties (CGV rate or ECB + 10 points, never under 3 × the legal interest rate) and the 40 €
indemnity (business customers only); then the reminder letter, whose invoice numbers, amounts
and due dates are checked automatically. The public contract is docs/exercices/relances.md.
"""

from agora.exercise.base import ExerciseKind

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Relances clients : retards, pénalités, indemnité et lettre de relance",
    COMPETENCES=("1.2.4",),
    # 3: invoice numbers of the year of their date, in date order (around an earlier step's);
    # 2: the régie's director is its dirigeant; no « municipale »
    VERSION=3,
    PRODUIT="relance",  # the reminder letter and its figures, for a later step
    CONSOMME={"balance_agee": "la balance âgée après les encaissements"},
)
