"""The answer of a ``formation``: the cost of each session and of the plan, the budget
variance, the postponed sessions, the convocation's checklist, the training contribution and
the CSE's budgets, with their types (form, save and grader read them)."""

from __future__ import annotations

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import MONTANT, MONTANT_SIGNE, TAUX_SIGNE, Choice
from agora.exercise.kinds.formation.params import MAX_ELEMENTS, MAX_SESSIONS

SENS = Choice(
    {
        "favorable": "Favorable (dépense inférieure ou égale au budget)",
        "defavorable": "Défavorable (dépense supérieure au budget)",
    }
)
DECISION = Choice({"maintenir": "Maintenir cette année", "reporter": "Reporter à l'an prochain"})
FIGURE = Choice({"oui": "Oui, à mettre", "non": "Non, à ne pas mettre"})

ANSWER_SCHEMA = AnswerSchema(
    {
        "sessions.#.cout_pedagogique": MONTANT,
        "sessions.#.frais": MONTANT,
        "sessions.#.salaires": MONTANT,
        "sessions.#.cout_total": MONTANT,
        "sessions.#.cout_participant": MONTANT,
        "total_plan": MONTANT,
        "cout_moyen": MONTANT,
        # spent − budget: below zero when the plan costs less than its budget
        "ecart": MONTANT_SIGNE,
        "ecart_pct": TAUX_SIGNE,
        "ecart_sens": SENS,
        "sessions.#.decision": DECISION,
        "convocation.#.figure": FIGURE,
        "contribution": MONTANT,
        "cse.budget_fonctionnement": MONTANT,
        "cse.budget_asc": MONTANT,
        "cse.asc_realise": MONTANT,
        "cse.asc_ecart": MONTANT_SIGNE,
        "cse.asc_sens": SENS,
    },
    {"sessions": MAX_SESSIONS, "convocation": MAX_ELEMENTS},
)
