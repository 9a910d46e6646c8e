"""Independent streams: a new draw in one section of the organisation leaves the other sections as they were."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

import pytest

from agora.classroom import service as classroom
from agora.classroom.teacher import work_views as classroom_teacher
from agora.company import generate_company
from agora.company import generator as generator_module
from agora.company.model import Company
from agora.content.missions import get_mission
from agora.content.secteurs import secteur_codes
from agora.db import utcnow
from agora.exam import closing, creation
from agora.exam import service as exam_service
from agora.exam import views as exam_views
from agora.exam.models import Exam, ExamCopy
from agora.exercise import variants
from agora.exercise.forms import flatten
from agora.exercise.registry import KINDS, get_kind

SEEDS = (0, 7, 123, 2**40)

# The Company fields each section fills, and the builder (in generator.py) that draws them.
CHAMPS = {
    "identite": (
        "raison_sociale",
        "forme_juridique",
        "capital",
        "siren",
        "siret",
        "rcs",
        "naf",
        "naf_libelle",
        "tva_intracom",
        "adresse",
        "telephone",
        "email",
        "site_web",
        "dirigeant",
        "dirigeant_fonction",
        "date_creation",
        "exercice_debut",
        "exercice_fin",
    ),
    "salaries": ("salaries",),
    "catalogue": ("catalogue",),
    "historique": ("historique",),
    "fiscalite": ("regime_tva", "tva_sur_debits"),
    "cgv": ("cgv",),
    "banque": ("banque",),
    "clients": ("clients",),
    "fournisseurs": ("fournisseurs",),
    "subventions": ("subventions",),
}
BUILDERS = {
    "identite": "identite",
    "salaries": "salaries",
    "catalogue": "catalogue",
    "historique": "_historique",
    "fiscalite": "_tva_sur_debits",
    "cgv": "conditions_generales",
    "banque": "_banque",
    "clients": "clients",
    "fournisseurs": "fournisseurs",
    "subventions": "subventions",
}
# Fields that come from the sector profile or the arguments: no draw at all.
FIXES = (
    "seed",
    "secteur",
    "secteur_libelle",
    "convention_collective",
    "horaires",
    "relation",
    "contraintes",
    "taux_at_mp",
)
# The sections whose RESULT a section reads (staff are hired after the creation date, the
# history counts the staff and the catalogue's prices, the bank's balance follows turnover…).
LIT = {
    "salaries": {"identite"},
    "historique": {"salaries", "catalogue"},
    "fiscalite": {"historique", "catalogue"},
    "cgv": {"identite"},
    "banque": {"historique"},
    "subventions": {"identite"},
    # Customers and local suppliers are drawn near the organisation's address.
    "clients": {"identite"},
    "fournisseurs": {"identite"},
}


def _touches(section: str) -> set[str]:
    """The section and every section that reads its result, directly or not."""
    touched = {section}
    while True:
        more = {s for s, read in LIT.items() if read & touched} - touched
        if not more:
            return touched
        touched |= more


def _draws_more(builder, *, avant: bool):
    """The builder with a new draw on both of its sources, before or after its own work."""

    def more(gen) -> None:
        gen.rng.random()
        gen.fake.last_name()
        gen.fake.random.gauss(0, 1)  # leaves a cached value behind in random.Random

    def wrapped(gen, *args):
        if avant:
            more(gen)
        result = builder(gen, *args)
        if not avant:
            more(gen)
        return result

    return wrapped


def _json(company: Company, fields) -> dict:
    data = company.to_dict()
    return {name: json.dumps(data[name], ensure_ascii=False) for name in fields}


@pytest.fixture(scope="module")
def reference():
    """The organisations as generated today, before any section draws more."""
    return {(s, code): generate_company(s, code) for s in SEEDS for code in secteur_codes()}


def test_every_field_of_the_company_belongs_to_one_section():
    # A new field must be placed in a section here, or its independence goes untested.
    placed = [name for fields in CHAMPS.values() for name in fields] + list(FIXES)
    assert sorted(placed) == sorted(f.name for f in dataclasses.fields(Company))
    assert set(BUILDERS) == set(CHAMPS)


@pytest.mark.parametrize("section", list(CHAMPS))
def test_a_new_draw_in_one_section_changes_no_section_that_does_not_read_it(
    monkeypatch, reference, section
):
    builder = getattr(generator_module, BUILDERS[section])
    monkeypatch.setattr(generator_module, BUILDERS[section], _draws_more(builder, avant=True))
    others = [name for s in CHAMPS.keys() - _touches(section) for name in CHAMPS[s]] + list(FIXES)
    changed = 0
    for (seed, code), before in reference.items():
        after = generate_company(seed, code)
        assert _json(after, others) == _json(before, others), (section, seed, code)
        changed += _json(after, CHAMPS[section]) != _json(before, CHAMPS[section])
    assert changed, f"the extra draw should have changed the section {section}"


@pytest.mark.parametrize("section", list(CHAMPS))
def test_a_draw_added_at_the_end_of_a_section_changes_nothing_else(monkeypatch, reference, section):
    builder = getattr(generator_module, BUILDERS[section])
    monkeypatch.setattr(generator_module, BUILDERS[section], _draws_more(builder, avant=False))
    for (seed, code), before in reference.items():
        assert generate_company(seed, code) == before, (section, seed, code)


# ------------------------------------------------------------------ stored exercises stay

MISSION = "du-devis-a-l-encaissement"  # step 0: facture
# Every kind in an evaluation; an evaluation holds at most 10 questions, so in groups of 10.
EXAMS = [
    [{"kind": kind, "niveau": 1, "points": 5} for kind in sorted(KINDS)[i : i + 10]]
    for i in range(0, len(KINDS), 10)
]


@pytest.fixture
def move_section(monkeypatch):
    """move_section(section): from now on the section draws one more value first, as a new
    field would, and no organisation or variant drawn before is served from a cache."""

    def move(section: str) -> None:
        builder = getattr(generator_module, BUILDERS[section])
        monkeypatch.setattr(generator_module, BUILDERS[section], _draws_more(builder, avant=True))
        variants.company_for.cache_clear()
        variants._build.cache_clear()

    yield move
    variants.company_for.cache_clear()  # no moved organisation is left for the next test
    variants._build.cache_clear()


def _sample(kind: str, params: dict, correct: bool) -> dict[str, str]:
    samples = get_kind(kind).sample_answers(params)
    return flatten(next(s for s in samples if s.correct is correct and not s.invalid).answer)


def _shown(client, page: str) -> str:
    response = client.get(page)
    assert response.status_code == 200, (page, response.text[:300])
    return response.text


def _attempted(db, student, assignment, now):
    """A wrong attempt at the mission's first step, stored as a student sends it."""
    drawn = classroom.step_variant(student, get_mission(MISSION), 0)
    done = classroom.submit_exercise(
        db, student, assignment, 0, _sample(drawn.kind, drawn.params, False), now
    )
    db.commit()
    return done.attempt


def _started_copy(db, teacher, classe, student, now, questions):
    """A copy of an evaluation holding every kind, started, with the right answer saved to each."""
    exam = creation.create_exam(
        db, teacher.id, classe, titre="Évaluation", questions=questions, melange=False,
        opens_at=now - timedelta(minutes=1), closes_at=now + timedelta(hours=3), duree_minutes=60,
    )  # fmt: skip
    db.commit()
    with exam_service.writing(db):
        copy = exam_service.start(db, exam, student, now, "127.0.0.1", "test")
    for index, answer in exam_service.answers_of(db, copy.id).items():
        variant = exam_service.stored_variant(exam, answer)
        fields = _sample(variant.kind, variant.params, True)
        with exam_service.writing(db):
            exam_service.save_answer(db, copy, index, fields, lambda: now, "127.0.0.1", "test")
    return exam, copy


@pytest.mark.parametrize("questions", EXAMS, ids=lambda q: f"{q[0]['kind']}…")
def test_a_new_draw_in_the_organisation_changes_no_stored_exercise(
    app, client, db, make_teacher, make_classe, make_student, make_assignment, as_student,
    move_section, questions,
):  # fmt: skip
    now = utcnow().replace(microsecond=0)
    app.state.clock = lambda: now  # the exam timer on the pages shows the same time left
    teacher = make_teacher()
    classe = make_classe(teacher)
    student, assignment = make_student(classe), make_assignment(classe, MISSION)
    attempt = _attempted(db, student, assignment, now)
    exam, copy = _started_copy(db, teacher, classe, student, now, questions)
    as_student(client, student)
    pages = [f"/eleve/tentatives/{attempt.id}"]
    pages += [f"/examen/copies/{copy.id}/questions/{n}" for n in range(1, len(questions) + 1)]
    before = {page: _shown(client, page) for page in pages}
    review = classroom_teacher.student_work_page(db, classe, assignment, student).steps[0]

    # The identity is drawn first and read by staff, CGV and grants; the name is in every
    # statement: every exercise drawn from now on is another one.
    move_section("identite")
    assert classroom.step_variant(student, get_mission(MISSION), 0).enonce != attempt.enonce
    stored = exam_service.answers_of(db, copy.id)
    for index, answer in stored.items():
        assert exam_service.new_variant(exam, student.org_seed, index).enonce != answer.enonce

    assert {page: _shown(client, page) for page in pages} == before  # rendered as stored
    moved_review = classroom_teacher.student_work_page(db, classe, assignment, student).steps[0]
    assert (moved_review.enonce, moved_review.attempts[0].params) == (
        review.enonce,
        review.attempts[0].params,
    )
    # The attempt re-graded from its stored params gives its stored grade, and a new attempt
    # is graded against them too: the right answer of the stored variant scores 1.
    kind = get_kind(attempt.kind)
    assert kind.grade(attempt.params, attempt.answer).to_json() == attempt.grade
    right = _sample(attempt.kind, attempt.params, True)
    again = classroom.submit_exercise(db, student, assignment, 0, right, now)
    assert again.grade.score == 1 and again.attempt.params == attempt.params

    with exam_service.writing(db):
        exam_service.submit(db, copy, lambda: now, "127.0.0.1", "test")
    closing.finalise(db, now, exam.id)
    assert db.get(ExamCopy, copy.id).points == exam.total_points  # graded on the stored variants
    assert closing.regrade(db, db.get(Exam, exam.id), now) == (0, 1)
    corrected = exam_views.correction_page(db, exam, db.get(ExamCopy, copy.id), student)
    assert [(q.enonce, q.params) for q in corrected.questions] == [
        (stored[i].enonce, stored[i].params) for i in range(len(questions))
    ]
