"""Test-only kinds: one with an option, one consuming an invoice (no production kind does yet)."""

from __future__ import annotations

from agora.exercise.answer_names import AnswerSchema
from agora.exercise.base import ExerciseKind, Grade, KindOption, Variant
from agora.exercise.fields import MONTANT
from agora.exercise.reading import Lecture


def _generate(name: str):
    def generate(seed, niveau, organisation, options=None) -> Variant:
        return Variant(name, seed, niveau, {"options": dict(options or {})}, "Énoncé d'essai.")

    return generate


def _kind(name: str, **declarations) -> ExerciseKind:
    return ExerciseKind(
        NAME=name,
        TITRE="Essai",
        COMPETENCES=("1.2.2",),
        VERSION=1,
        ANSWER_SCHEMA=AnswerSchema({"total": MONTANT}, {}),
        check_params=lambda params: params,
        generate=_generate(name),
        read=lambda answer: Lecture(answer, {}),
        solve=lambda params: {"total": "1.00"},
        grade_read=lambda params, lecture: Grade(name, 1, [], [], []),
        sample_answers=lambda params: [],
        **declarations,
    )


STOCKS = _kind(
    "essai_stocks",
    OPTIONS={
        "methode": KindOption(
            "Méthode de valorisation des stocks", {"cmup": "CMUP", "fifo": "Premier entré"}, "cmup"
        )
    },
)
JOURNAL = _kind("essai_journal", CONSOMME={"facture": "la facture à enregistrer"})
