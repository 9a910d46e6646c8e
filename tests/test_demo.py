"""`agora demo` builds the demo school once, deterministically, and prints working logins.

The school is built once for the whole run by `agora demo` itself (the ``demo_template``
fixture: on an empty SQLite file, and on an empty PostgreSQL database); each test reads a copy.
"""

import re

import pytest
from sqlmodel import Session, func, select

from agora.account.models import User
from agora.calendrier import PARIS
from agora.classroom.models import Assignment, Classe, StepAttempt, Student
from agora.classroom.teacher.service import current_school_year
from agora.content.missions import load_missions
from agora.db import utcnow
from agora.demo import STUDENT_PASSWORD, TEACHER, create_demo_if_empty
from agora.exam.models import Exam, ExamCopy


@pytest.fixture
def database_url(database_url, demo_template):
    """This test's database: a copy of the demo school `agora demo` built."""
    with demo_template(_kind(database_url)).copy(database_url) as copy:
        yield copy


@pytest.fixture
def printed(database_url, demo_template) -> str:
    """What `agora demo` printed when it built this test's school."""
    return demo_template(_kind(database_url)).printed


def _kind(database_url: str) -> str:
    return "sqlite" if database_url.startswith("sqlite") else "postgresql"


def test_demo_school_is_built_once_and_its_logins_work(app, client, log_in, printed):
    again = create_demo_if_empty(app.state.engine)  # on the school `agora demo` built
    # The logins it gives are the ones `agora demo` printed.
    assert f"Enseignant : {again.teacher[0]}  /  mot de passe : {again.teacher[1]}" in printed
    assert re.findall(r"Élève      : (\S+)", printed) == again.students
    assert f"code {again.exam_code}" in printed
    with Session(app.state.engine) as session:
        assert session.exec(select(func.count()).select_from(Classe)).one() == 2
        assert session.exec(select(func.count()).select_from(Student)).one() == 48
        # Every mission to the first class, the first two to the second.
        assignments = len(load_missions()) + 2
        assert session.exec(select(func.count()).select_from(Assignment)).one() == assignments
        assert session.exec(select(func.count()).select_from(StepAttempt)).one() > 20
        assert session.exec(select(func.count()).select_from(User)).one() == 49
    student_page = log_in(client, again.students[0], STUDENT_PASSWORD)
    assert str(student_page.url).endswith("/eleve")
    assert "Du devis" in student_page.text


def test_demo_school_has_a_published_evaluation_and_an_open_one(app):
    logins = create_demo_if_empty(app.state.engine)
    with Session(app.state.engine) as session:
        exams = session.exec(select(Exam).order_by(Exam.id)).all()
        assert [e.published_at is not None for e in exams] == [True, False]
        graded = session.exec(
            select(func.count()).select_from(ExamCopy).where(ExamCopy.points.is_not(None))
        ).one()
        assert graded > 15  # most of the 24 students sat the practice exam
    assert logins.exam_code == exams[1].code


def test_agora_demo_command_prints_the_logins(demo_template):
    out = demo_template("sqlite").printed  # `agora demo` on an empty SQLite file
    assert f"Enseignant : {TEACHER[0]}" in out
    assert out.count("Élève      :") == 2
    assert "Évaluation ouverte" in out


def test_the_first_class_shows_evidence_of_every_competency_a_mission_exercise_assesses(app):
    # The teacher's coverage page of the demo school is where a visitor sees what the platform
    # assesses: each competency an exercise of a mission proves must have evidence there.
    from agora.competency.models import CompetencyEvidence
    from agora.content.missions import ExerciseStep
    from agora.exercise.registry import KINDS

    create_demo_if_empty(app.state.engine)
    assessed = {
        code
        for mission in load_missions().values()
        for step in mission.etapes
        if isinstance(step, ExerciseStep)
        for code in KINDS[step.kind].COMPETENCES
    }
    with Session(app.state.engine) as session:
        first = session.exec(select(Classe).order_by(Classe.id)).first()
        shown = set(
            session.exec(
                select(CompetencyEvidence.code)
                .join(Student, Student.id == CompetencyEvidence.student_id)
                .where(Student.classe_id == first.id)
            )
        )
    assert assessed - shown == set()


def test_the_demo_classes_are_of_the_current_school_year(app):
    """The demo's clock is today's: its classes are this school year's (September switch),
    not the year the demo was written in."""
    year = current_school_year(utcnow().astimezone(PARIS).date())
    with Session(app.state.engine) as session:
        assert set(session.exec(select(Classe.annee_scolaire)).all()) == {year}


def _first_class_levels(session) -> tuple[list[Student], dict]:
    """The first demo class's students (in the order they were created) and their levels."""
    from agora.classroom.teacher.coverage import class_levels

    first = session.exec(select(Classe).order_by(Classe.id)).first()
    students = session.exec(
        select(Student).where(Student.classe_id == first.id).order_by(Student.id)
    ).all()
    return list(students), class_levels(session, first)


def test_the_first_class_competency_map_shows_every_band(app):
    # A class where everyone is « très bon » looks fake and hides what the map is for.
    with Session(app.state.engine) as session:
        _, levels = _first_class_levels(session)
    shown = {level.code for by_code in levels.values() for level in by_code.values()}
    assert {"insuffisant", "fragile", "satisfaisant", "tres-bon"} <= shown


def test_a_struggling_demo_student_has_lower_levels_than_one_at_ease(app):
    from agora.demo import SEED
    from agora.demo_profils import A_L_AISE, EN_DIFFICULTE, class_profils

    with Session(app.state.engine) as session:
        students, levels = _first_class_levels(session)
    profils = class_profils(SEED, 0, len(students))

    def mean_rank(student: Student) -> float:
        ranks = [level.rang for level in levels[student.id].values() if level.rang]
        return sum(ranks) / len(ranks)

    by_profile = {
        profil: [mean_rank(s) for s, p in zip(students, profils, strict=True) if p is profil]
        for profil in (EN_DIFFICULTE, A_L_AISE)
    }
    assert by_profile[EN_DIFFICULTE] and by_profile[A_L_AISE]
    assert max(by_profile[EN_DIFFICULTE]) < min(by_profile[A_L_AISE])


def test_the_demo_practice_exam_has_marks_from_failing_to_full(app):
    with Session(app.state.engine) as session:
        practice = session.exec(select(Exam).order_by(Exam.id)).first()
        points = session.exec(
            select(ExamCopy.points).where(
                ExamCopy.exam_id == practice.id, ExamCopy.points.is_not(None)
            )
        ).all()
    assert min(points) < 10 <= 16 < max(points)  # out of 20


def _prose_copies(session) -> list[tuple[StepAttempt, Student, object, object]]:
    """Every written copy of the demo: (attempt, its student, its mission, its step)."""
    from agora.classroom.service import PROSE_KIND

    missions = load_missions()
    rows = session.exec(
        select(StepAttempt, Student, Assignment)
        .join(Student, Student.id == StepAttempt.student_id)
        .join(Assignment, Assignment.id == StepAttempt.assignment_id)
        .where(StepAttempt.kind == PROSE_KIND)
        .order_by(StepAttempt.id)
    ).all()
    return [
        (a, s, missions[g.mission_slug], missions[g.mission_slug].etape(a.step_index))
        for a, s, g in rows
    ]


def test_the_demo_copies_are_written_in_their_steps_format(app):
    # A teacher grading a web page, a staff note or a reply to a complaint must not read the
    # same letter about an invoice in each of them.
    from agora.redaction.formats import document

    with Session(app.state.engine) as session:
        copies = _prose_copies(session)
    by_format: dict[str, list] = {}
    for attempt, _, _, step in copies:
        by_format.setdefault(document(attempt.answer, step).format.code, []).append(
            document(attempt.answer, step)
        )
    assert {"lettre", "note", "courriel", "compte_rendu", "page_web"} <= set(by_format)
    texts = {code: {d.texte for d in docs} for code, docs in by_format.items()}
    for code, other in [("lettre", "note"), ("page_web", "courriel"), ("compte_rendu", "lettre")]:
        assert texts[code].isdisjoint(texts[other])
    for code, docs in by_format.items():
        # Someone in the class hands in every part the format expects.
        expected = [p.nom for p in docs[0].format.parties if p.attendue]
        assert any(all(d[nom] for nom in expected) for d in docs), code
    assert any(d["formule_appel"] for d in by_format["lettre"])
    for code in ("page_web", "publication", "compte_rendu"):
        assert not any("Madame, Monsieur" in d.texte for d in by_format[code]), code
    assert not any("facture" in d.texte.lower() for d in by_format["page_web"])


def test_a_demo_student_at_ease_writes_a_copy_that_passes_more_prechecks(app):
    # The grading page shows the pre-checks beside each copy: a class where every copy passes
    # (or fails) the same ones hides what they are for.
    from agora.demo import SEED
    from agora.demo_profils import A_L_AISE, EN_DIFFICULTE, class_profils
    from agora.redaction.prechecks import prechecks_de

    with Session(app.state.engine) as session:
        copies = _prose_copies(session)
        students, _ = _first_class_levels(session)
    profils = dict(
        zip([s.id for s in students], class_profils(SEED, 0, len(students)), strict=True)
    )
    passed: dict[tuple, dict] = {}
    for attempt, student, mission, step in copies:
        profil = profils.get(student.id)
        if profil in (A_L_AISE, EN_DIFFICULTE) and (step.faits or step.depuis):
            ok = sum(c.ok for c in prechecks_de(attempt.answer, step, student.org_seed, mission))
            key = (mission.slug, attempt.step_index)
            passed.setdefault(key, {}).setdefault(profil, []).append(ok)
    compared = [by for by in passed.values() if len(by) == 2]
    assert compared
    for by in compared:
        assert min(by[A_L_AISE]) > max(by[EN_DIFFICULTE])
