"""No leak: before publication no response to a student carries an expected value or a verdict.

The scan rule (documented here, the one place it is defined):
* the expected values are every numeric string of ``solve(params)`` for each question of THIS
  student's variants as stored when the copy started, searched as written by the contract ("1234.56") and the French way
  (« 1 234,56 » with a space, a no-break space or a narrow no-break space, and « 1234,56 »);
* a value is skipped when it has fewer than 4 significant digits ("0.00", "5.50", "20": too
  short to mean anything, they occur in any page), or when it already appears in the
  student's statement or params (the statement gives it: showing it is no leak);
* the words « correct », « attendu », « score », « verdict », « diagnostic », « juste » /
  « faux » as verdicts, and « note » followed by « / 20 » must not appear either.
The test answers with wrong values (« 1,11 ») so that the student's own input is not an
expected value. After publication the same scan MUST find values (the scanner can fail).
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

from sqlmodel import Session

from agora.exam import closing, grading, service
from agora.exam.models import Exam
from agora.exercise.base import Variant
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

WORDS = re.compile(
    r"\bcorrecte?s?\b|\battendue?s?\b|\bscore|verdict|diagnostic|\bjuste\b|\bfaux\b|/\s*20\b",
    re.IGNORECASE,
)


def _numbers(document) -> list[str]:
    if isinstance(document, dict):
        return [n for v in document.values() for n in _numbers(v)]
    if isinstance(document, list):
        return [n for v in document for n in _numbers(v)]
    if isinstance(document, str) and re.fullmatch(r"-?\d+(\.\d+)?", document):
        return [document]
    return []


def _spellings(value: str) -> set[str]:
    number = Decimal(value)
    whole, _, decimals = f"{abs(number):.{max(0, -number.as_tuple().exponent)}f}".partition(".")
    groups = f"{int(whole):,}"
    forms = {value, value.replace(".", ",")}
    for space in (" ", "\u00a0", "\u202f"):
        grouped = groups.replace(",", space)
        forms.add(grouped + ("," + decimals if decimals else ""))
    return forms


def _significant(value: str) -> int:
    return len(value.replace("-", "").replace(".", "").lstrip("0"))


def stored_variants(engine, exam: Exam, copy_id: int) -> dict[int, Variant]:
    """The variants stored when the copy started, by question index (what the pages use)."""
    with Session(engine) as session:
        answers = service.answers_of(session, copy_id)
        return {index: service.stored_variant(exam, a) for index, a in answers.items()}


def expected_for(variants: dict[int, Variant]) -> dict[str, set[str]]:
    """Expected value -> its spellings, for this student's stored variants (rule above)."""
    found: dict[str, set[str]] = {}
    for variant in variants.values():
        given = variant.enonce + json.dumps(variant.params, ensure_ascii=False)
        for value in _numbers(get_kind(variant.kind).solve(variant.params)):
            spellings = _spellings(value)
            if _significant(value) < 4 or any(s in given for s in spellings):
                continue
            found[value] = spellings
    return found


def _wrong_answer(kind: str, params) -> dict[str, str]:
    """The form fields of the reference answer, every amount replaced by a wrong « 1,11 »."""
    sample = get_kind(kind).sample_answers(params)[0].answer
    return {
        name: ("1,11" if re.fullmatch(r"-?\d+(\.\d+)?", value) else value)
        for name, value in flatten(sample).items()
    }


class Recorder:
    """Keeps every response body (and headers) a student received."""

    def __init__(self, client):
        self.client, self.bodies = client, []

    def __getattr__(self, name):
        method = getattr(self.client, name)
        if name not in {"get", "post"}:
            return method

        def call(*args, **kwargs):
            response = method(*args, **kwargs)
            for r in [*response.history, response]:
                self.bodies.append((str(r.url), r.text + json.dumps(dict(r.headers))))
            return response

        return call


def _leaks(bodies, expected) -> list[str]:
    problems = []
    for url, body in bodies:
        for value, spellings in expected.items():
            for s in spellings:
                if s in body:
                    problems.append(f"{url}: {value} écrit « {s} »")
        for word in WORDS.findall(body):
            problems.append(f"{url}: mot « {word} »")
    return problems


def test_a_full_exam_leaks_nothing_before_publication(
    app, client, classe, make_student, make_exam, clock, as_student, start_exam, token, wait_graded
):
    student = make_student(classe=classe)
    exam = make_exam(duree=20)
    as_student(client, student)
    rec = Recorder(client)

    rec.get("/examen")
    tok = token(client)
    copy_id = int(
        re.search(
            r"/copies/(\d+)/",
            str(rec.post("/examen", data={"code": exam.code, "csrf_token": tok}).url),
        ).group(1)
    )
    variants = stored_variants(app.state.engine, exam, copy_id)
    expected = expected_for(variants)
    assert len(expected) >= 10  # the scan has something to look for
    order = grading.question_order(student.org_seed, exam.id, 3, exam.melange)
    hx = {"HX-Request": "true", "X-CSRF-Token": tok}
    for position, index in enumerate(order, start=1):
        url = f"/examen/copies/{copy_id}/questions/{position}"
        rec.get(url)
        fields = _wrong_answer(variants[index].kind, variants[index].params)
        names = list(fields)
        for cut in (1, len(names) // 2, len(names)):  # typing little by little
            part = {n: fields[n] for n in names[:cut]}
            assert "Enregistré à" in rec.post(url, data=part, headers=hx).text
            clock.advance(seconds=20)
        rec.post(url, data=fields | {"csrf_token": tok, "aller": str(position)})  # no-JS save
        rec.get(f"/examen/copies/{copy_id}/minuteur", headers={"HX-Request": "true"})
        rec.get(f"/examen/copies/{copy_id}/minuteur")
    rec.get(f"/examen/copies/{copy_id}")
    assert (
        rec.post(
            f"/examen/copies/{copy_id}/rendre", data={"csrf_token": tok, "confirmation": "oui"}
        ).status_code
        == 200
    )
    for path in ("", "/questions/1", "/minuteur", "/correction"):
        rec.get(f"/examen/copies/{copy_id}{path}")
    late_field = dict([next(iter(fields.items()))])  # a field of the last question shown
    late = rec.post(f"/examen/copies/{copy_id}/questions/{position}", data=late_field, headers=hx)
    assert "déjà rendue" in late.text
    rec.get("/examen")

    assert wait_graded(copy_id).points is not None  # graded, just not shown
    assert len(rec.bodies) > 25
    assert _leaks(rec.bodies, expected) == []

    # The same scan on the published correction finds the expected values: it can fail.
    with Session(app.state.engine) as s:
        closing.publish(s, s.get(Exam, exam.id), clock())
        s.commit()
    published = Recorder(client)
    published.get(f"/examen/copies/{copy_id}/correction")
    assert published.bodies[-1][1].count("Question") >= 3
    assert any(" écrit « " in p for p in _leaks(published.bodies, expected))
