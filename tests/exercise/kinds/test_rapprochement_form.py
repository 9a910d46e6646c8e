"""The rapprochement form beyond the shared round trip (tests/exercise/test_kind_contract.py):
what the empty form grades, verdicts and choices shown again, the help each level gives."""

from __future__ import annotations

import re

from agora.exercise.base import unflatten
from agora.exercise.forms import AnswerForm
from agora.exercise.kinds.rapprochement import KIND as kind


def test_an_empty_form_grades_every_part_of_the_reconciliation(variant, form_values):
    params = variant("rapprochement", 4, 2).params
    answer = unflatten(form_values("rapprochement", params, 2, AnswerForm()))
    grade = kind.grade(params, answer)
    assert {c.champ for c in grade.champs} >= {"pointage", "solde_rectifie", "cote_banque.ajouts"}


def test_a_graded_form_shows_verdicts_and_keeps_the_choices(variant, form_html, form_values):
    params = variant("rapprochement", 5, 3).params
    wrong = kind.sample_answers(params)[1].answer
    form = AnswerForm.from_answer(wrong, kind.grade(params, wrong))
    html = form_html("rapprochement", params, 3, form)
    assert "verdict--faux" in html and "verdict--juste" in html
    assert (
        unflatten(form_values("rapprochement", params, 3, form))["solde_releve"]
        == wrong["solde_releve"]
    )


def test_level_one_guides_and_level_three_mentions_the_entry_error(variant, form_html):
    params1 = variant("rapprochement", 6, 1).params
    params3 = variant("rapprochement", 6, 3).params
    assert "Solde de départ + débits − crédits" in form_html(
        "rapprochement", params1, 1, AnswerForm()
    )
    html3 = form_html("rapprochement", params3, 3, AnswerForm())
    assert "montant faux" in html3
    assert 'name="pointage.0.0" value="S1"' in html3


def test_each_input_gets_the_widget_of_its_type(variant, form_html):
    # Amounts: the decimal keyboard and the € unit.
    html = form_html("rapprochement", variant("rapprochement", 6, 2).params, 2, AnswerForm())
    for name in ("solde_compte_512", "solde_releve", "solde_rectifie", "ecritures.0.montant"):
        tag = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>\s*(<span[^>]*>[^<]*)', html)
        assert tag and 'inputmode="decimal"' in tag[0] and tag[1].endswith("€"), name
    # Accounts: a short text, so that « 411DUPONT » can be typed on a phone (a numeric keypad
    # has no letters); no grey « 627 » inside, which a weak reader takes for a value typed.
    for name in ("ecritures.0.compte_debit", "ecritures.0.compte_credit"):
        tag = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', html)
        assert tag and 'inputmode="text"' in tag[0] and "placeholder" not in tag[0]
