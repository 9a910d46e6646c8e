"""Exam answers keep only the kind's fields: a hostile name is refused at autosave (nothing
stored, a French message saying so), a save writes its fields into the stored answer, and a
copy stored with hostile fields is graded without them."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from agora.exam.models import RENDUE, ExamAnswer, ExamCopy
from agora.exercise import answer_names
from agora.exercise.registry import get_kind

FACTURE_FIRST = [{"kind": "facture", "niveau": 1, "points": 10}]
HOSTILE = [
    "lignes.80000000",  # padded a list to that index: 5.4 GB, in the grader and the monitor
    "lignes.0.montant_ht.80000000",
    "groupes.0." + ".".join(["a"] * 450),  # nested 450 deep
    "lignes.².montant_ht",  # isdigit() is true, int() fails
    "net_a_payer.0",  # both « a » and « a.0 »
]


def _deep(levels: int) -> dict:
    node: dict | str = "1"
    for _ in range(levels):
        node = {"a": node}
    return node


# A row stored before names were checked, as migration 0010 nested it, or written by hand:
# a key that is no index, an object 450 deep, an object where a value goes, rows past bounds.
HOSTILE_ANSWER = {
    "net_a_payer": "1,00",
    "lignes": {"²": {"montant_ht": "1"}},
    "groupes": [_deep(450)],
    "total_ht": {"0": "1"},
    "tva": [{"montant": "1"}] * 300,
}


@pytest.fixture
def spy_unflatten(monkeypatch):
    """Fails the test when grading hands unflatten a name outside the kind's schema."""
    real, schema = answer_names.unflatten, get_kind("facture").ANSWER_SCHEMA

    def spy(form):
        assert all(schema.accepte(name) for name in form), "unknown name handed to unflatten"
        return real(form)

    monkeypatch.setattr(answer_names, "unflatten", spy)


def _stored(app, copy_id) -> dict:
    with Session(app.state.engine) as s:
        return s.exec(select(ExamAnswer).where(ExamAnswer.copy_id == copy_id)).one().answer


@pytest.mark.parametrize("hostile", HOSTILE)
def test_autosave_refuses_an_unknown_name_and_keeps_the_last_save(
    app, client, make_student, classe, make_exam, as_student, start_exam, autosave, token, hostile
):
    exam = make_exam(questions=FACTURE_FIRST, melange=False)
    as_student(client, make_student(classe=classe))
    copy_id = start_exam(client, exam.code)
    t = token(client, f"/examen/copies/{copy_id}/questions/1")
    assert autosave(client, copy_id, 1, {"total_ht": "12,00"}, t).status_code == 200

    refused = autosave(client, copy_id, 1, {"total_ht": "99,00", hostile: "1"}, t)
    assert refused.status_code == 200  # htmx: the message is in the fragment
    assert "Champ inconnu" in refused.text and "n&#39;a pas été enregistrée" in refused.text
    assert _stored(app, copy_id) == {"total_ht": "12,00"}


def test_a_copy_stored_with_hostile_names_is_graded_without_them(
    app, client, make_student, classe, make_exam, as_student, start_exam, spy_unflatten
):
    from agora.exam import closing

    exam = make_exam(questions=FACTURE_FIRST, melange=False)
    as_student(client, make_student(classe=classe))
    copy_id = start_exam(client, exam.code)
    with Session(app.state.engine) as s:  # a legacy row, stored before names were checked
        answer = s.exec(select(ExamAnswer).where(ExamAnswer.copy_id == copy_id)).one()
        answer.answer = HOSTILE_ANSWER
        copy = s.get(ExamCopy, copy_id)
        copy.statut = RENDUE
        s.add_all([answer, copy])
        s.commit()
        score = closing.grade_copy(s, copy_id, app.state.clock())
        s.commit()
        graded = s.get(ExamCopy, copy_id)
    assert score is not None and graded.graded_at is not None
    assert "net_a_payer" in {c["champ"] for c in _grade_of(app, copy_id)["champs"]}


def test_a_save_writes_its_fields_into_the_stored_answer(
    app, client, make_student, classe, make_exam, as_student, start_exam, autosave, token
):
    exam = make_exam(questions=FACTURE_FIRST, melange=False)
    as_student(client, make_student(classe=classe))
    copy_id = start_exam(client, exam.code)
    t = token(client, f"/examen/copies/{copy_id}/questions/1")
    autosave(client, copy_id, 1, {"total_ht": "12,00", "lignes.1.montant_ht": "3"}, t)
    autosave(client, copy_id, 1, {"lignes.0.montant_ht": "4", "total_ht": "13,00"}, t)
    stored = _stored(app, copy_id)
    assert stored == {"total_ht": "13,00", "lignes": [{"montant_ht": "4"}, {"montant_ht": "3"}]}
    page = client.get(f"/examen/copies/{copy_id}/questions/1").text
    # The form shows the stored answer (the second line is shown only when the variant has two).
    assert 'value="13,00"' in page and 'value="4"' in page


def _grade_of(app, copy_id):
    with Session(app.state.engine) as s:
        return s.exec(select(ExamAnswer).where(ExamAnswer.copy_id == copy_id)).one().grade
