"""The corrected exam copy as a PDF: the same block as the student's correction page, printed
(WeasyPrint), looked at as images and as text."""

from __future__ import annotations

import re
from decimal import Decimal

from sqlmodel import select
from tests.pdf_helpers import assert_in_order, numbers, page_text, pages_as_images, pdf_text

from agora.exam import closing, service
from agora.exam.models import ExamAnswer
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


WRITTEN = [f"Ligne {n:02d} du corps du courriel, écrite par l'élève." for n in range(1, 41)]
LONG = "Une ligne bien plus longue que la largeur de la page " * 4 + "<b>balise</b> & fin."


def test_the_copy_pdf_prints_the_whole_written_answer_before_its_rubric(
    db, client, new_client, make_exam, classe, make_student, as_student, as_teacher, teacher,
    start_exam, autosave, token, clock, csrf,
):  # fmt: skip
    """A written answer of 40 lines (and one that wraps) is printed whole, line by line, in a
    box that grows over the pages: nothing hidden under the rubric that follows."""
    exam = make_exam(questions=[{"kind": "redaction", "mission": "l-appel-du-client", "etape": 1}])
    student = as_student(new_client(), make_student(classe))
    copy_id = start_exam(student, exam.code)
    corps = "\n".join([*WRITTEN[:20], LONG, *WRITTEN[20:]])
    fields = {"a": "paul@exemple.fr", "objet": "Rappeler le client", "corps": corps}
    saved = autosave(student, copy_id, 1, fields, token(student, f"/examen/copies/{copy_id}"))
    assert saved.status_code == 200 and "Enregistré" in saved.text
    clock.advance(hours=4)
    teacher_client = as_teacher(client, teacher)
    teacher_client.get(f"/enseignant/evaluations/{exam.id}/redactions")  # copies collected
    answer = db.exec(select(ExamAnswer).where(ExamAnswer.copy_id == copy_id)).one()
    grade = f"/enseignant/evaluations/{exam.id}/redactions/{answer.id}"
    graded = teacher_client.post(
        grade, data={"points": ["3", "2", "2"], "csrf_token": csrf(teacher_client, grade)}
    )
    assert graded.status_code in (200, 303), re.findall(r"message[^>]*>([^<]+)", graded.text)

    response = teacher_client.get(f"/enseignant/evaluations/{exam.id}/copies/{copy_id}/copie.pdf")
    assert response.status_code == 200
    pages_as_images(response.content)
    assert_in_order(pdf_text(response.content, layout=True), WRITTEN, "Votre note critère")
    flat = " ".join(pdf_text(response.content).split())
    assert " ".join(LONG.split()) in flat  # wrapped, escaped, printed whole


def test_the_copy_pdf_never_shows_a_hidden_field(
    client, db, clock, teacher, classe, make_student, make_exam, as_teacher
):
    """The facture's form keeps each group's VAT rate in a hidden field: printed outside a
    <form>, it must stay hidden, not show as a filled box next to the answers."""
    exam = make_exam(questions=QUESTIONS)
    copy, _typed = _graded_copy(db, clock, exam, make_student(classe=classe))
    response = as_teacher(client, teacher).get(
        f"/enseignant/evaluations/{exam.id}/copies/{copy.id}/copie.pdf"
    )
    pages_as_images(response.content)
    text = pdf_text(response.content)
    # the group's legend is followed by its first field, not by the hidden rate
    legend = r"(?:Les réductions|Articles à [\d,]+ % de TVA)"
    assert re.search(rf"{legend}\s+Montant brut HT", text), re.findall(rf"{legend}\s+\S+", text)
    assert re.search(r"TVA à ([\d,]+) %\s+Base de TVA à \1 %", text)


def test_a_shuffled_copy_names_each_question_by_its_number_in_the_teachers_list(
    client, new_client, db, clock, teacher, classe, make_student, make_exam, as_teacher,
    as_student,
):  # fmt: skip
    # The student's « Question 1 » was the teacher's Q2 (results, exports): « j'ai raté la Q1 »
    # and the teacher's sheet did not speak of the same question.
    from agora.exam.views import question_index

    exam = make_exam(questions=QUESTIONS, melange=True)
    students = [make_student(classe=classe) for _ in range(12)]
    student = next(s for s in students if question_index(exam, s, 1) == 1)  # Q2 shown first
    copy, _ = _graded_copy(db, clock, exam, student, {0: WRONG, 1: None})

    page = as_student(new_client(), student).get(f"/examen/copies/{copy.id}/correction")
    shown = page_text(page.text)
    assert re.search(r"Question 1\s+\S.*\(question 2 du sujet\)", shown), shown[:2000]
    url = f"/enseignant/evaluations/{exam.id}/copies/{copy.id}/copie.pdf"
    printed = " ".join(pdf_text(as_teacher(client, teacher).get(url).content).split())
    assert "(question 2 du sujet)" in printed and "(question 1 du sujet)" in printed


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
