"""The corrected exam copy as a PDF: the same block as the student's correction page, printed
(WeasyPrint), looked at as images and as text."""

from __future__ import annotations

import re
from decimal import Decimal

from tests.pdf_helpers import numbers, page_text, pages_as_images, pdf_text

from agora.exam import closing, service
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

QUESTIONS = [
    {"kind": "facture", "niveau": 2, "points": 8},
    {"kind": "rapprochement", "niveau": 1, "points": 6},
]
IP, UA = "10.0.0.1", "test"
TTC = "ESCOMPTE_SUR_TTC"
TTC_MESSAGE = "L'escompte se calcule sur le net commercial, pas sur le TTC."
WRONG = "une erreur quelconque"  # any graded mistake, whatever the organisation's sector


def _fields(db, exam, copy, index, code):
    params = service.answers_of(db, copy.id)[index].params
    samples = get_kind(exam.questions[index]["kind"]).sample_answers(params)
    sample = next(
        s
        for s in samples
        if not s.invalid
        and (
            s.correct
            if code is None
            else not s.correct
            if code == WRONG
            else code in s.expected_diagnostics
        )
    )
    return flatten(sample.answer)


def _graded_copy(db, clock, exam, student, codes=None):
    """By default question 1 with the escompte computed on the TTC, question 2 right; graded,
    published."""
    copy = service.start(db, exam, student, clock(), IP, UA)
    typed = {}
    for index, code in (codes or {0: TTC, 1: None}).items():
        typed.update(fields := _fields(db, exam, copy, index, code))
        service.save_answer(db, copy, index, fields, clock, IP, UA)
    service.submit(db, copy, clock, IP, UA)
    closing.finalise(db, clock(), exam.id)
    exam.published_at = clock()
    db.add(exam)
    db.commit()
    return copy, typed


def test_copy_pdf_is_the_correction_page_printed(
    client, new_client, db, clock, teacher, classe, make_student, make_exam, as_teacher,
    as_student, make_teacher,
):  # fmt: skip
    exam = make_exam(questions=QUESTIONS)
    student = make_student(classe=classe, prenom="Léa", nom="Œillet")
    copy, typed = _graded_copy(db, clock, exam, student)
    copy.points = Decimal("8.75")  # of 14 points: 12,50 / 20, two decimals as every exam mark
    db.add(copy)
    db.commit()
    url = f"/enseignant/evaluations/{exam.id}/copies/{copy.id}/copie.pdf"

    response = as_teacher(client, teacher).get(url)
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert len(pages_as_images(response.content)) >= 1
    text = pdf_text(response.content)
    assert "Léa Œillet" in text and "copie corrigée" in text
    assert re.search(r"Points\s*:?\s*8,75 / 14", text)
    assert re.search(r"Note\s*:?\s*12,50 / 20", text)
    assert "Question 1" in text and "Question 2" in text and "Ce qu'il faut revoir" in text
    assert TTC_MESSAGE in text and "Compétences évaluées" in text
    # the answer form as the page shows it: French labels, never the internal field names
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), re.findall(r"\b[a-z]+_[a-z_]+\b", text)
    assert not [name for name in typed if "_" in name and name in text]
    # nothing the student's own correction page does not show
    page = as_student(new_client(), student).get(f"/examen/copies/{copy.id}/correction")
    assert page.status_code == 200
    shown = numbers(page_text(page.text))
    assert numbers(text) - shown == set(), numbers(text) - shown
    in_fields = set(re.findall(r'<input [^>]*value="([^"]+)"', page.text)) & set(typed.values())
    assert len(in_fields) > 10 and not [v for v in in_fields if v not in text]  # as typed

    intruder = as_teacher(new_client(), make_teacher("Marc", "Autre"))
    assert intruder.get(url).status_code == 404


def test_copy_pdf_of_a_copy_whose_writing_waits_gives_no_mark(
    client, db, clock, teacher, classe, make_student, make_exam, as_teacher
):
    from tests.exam.test_exam_exports import _exam_with_a_writing_to_grade

    exam, copies = _exam_with_a_writing_to_grade(db, clock, make_exam, classe, make_student)
    as_teacher(client, teacher)
    base = f"/enseignant/evaluations/{exam.id}/copies"
    text = pdf_text(client.get(f"{base}/{copies['Bernard'].id}/copie.pdf").content)
    assert re.search(r"Note\s*:?\s*à venir \(rédaction à corriger\)", text), text[:400]
    assert not re.search(r"Note\s*:?\s*0", text)
    assert re.search(r"rédaction à corriger\s*/\s*8 points", text)  # the courriel's points
    graded = pdf_text(client.get(f"{base}/{copies['Arnaud'].id}/copie.pdf").content)
    assert re.search(r"Note\s*:?\s*\d+,\d\d / 20", graded)  # two decimals, as everywhere
