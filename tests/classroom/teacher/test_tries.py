"""Teacher: every try of a step with how long it took; the optional penalty per extra try,
applied to the step's points and explained to the student before they retry."""

from datetime import timedelta

from sqlmodel import select

from agora.classroom import service
from agora.classroom.models import Assignment
from agora.content.missions import get_mission
from agora.db import utcnow
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

MISSION = "du-devis-a-l-encaissement"  # step 0: facture, 12 points


def _send(db, student, assignment, correct: bool, now):
    """One try at step 0, right or wrong, on the variant this try is given."""
    tries = [a for a in service.attempts_of(db, student, assignment) if a.step_index == 0]
    variant = service.next_variant(student, assignment, get_mission(MISSION), 0, tries)
    samples = get_kind("facture").sample_answers(variant.params)
    sample = next(s for s in samples if s.correct == correct and not s.invalid)
    service.submit_exercise(db, student, assignment, 0, flatten(sample.answer), now)
    db.commit()


def test_the_mission_page_records_when_each_step_was_first_shown(
    classroom, db, as_student, new_client
):
    _client, _classe, assignment, lea, _tom = classroom
    pupil = as_student(new_client(), lea)
    assert pupil.get(f"/eleve/missions/{assignment.id}").status_code == 200
    first = service.first_displays(db, lea, assignment)
    assert sorted(first) == list(range(len(get_mission(MISSION).etapes)))
    assert pupil.get(f"/eleve/missions/{assignment.id}").status_code == 200
    db.expire_all()
    assert service.first_displays(db, lea, assignment) == first  # the first time stays


def test_teacher_sees_every_try_with_its_score_and_duration(classroom, db):
    client, _classe, assignment, lea, _tom = classroom
    shown = utcnow() - timedelta(hours=1)
    service.record_display(db, lea, assignment, 2, shown)
    _send(db, lea, assignment, False, shown + timedelta(minutes=4, seconds=5))
    _send(db, lea, assignment, True, shown + timedelta(minutes=6))
    page = client.get(f"/enseignant/devoirs/{assignment.id}/eleves/{lea.id}").text
    step = page.split('id="etape-0"')[1].split("</section>")[0]
    assert step.count('<article id="tentative-') == 2
    first, second = step.split("Tentative 1 ")[1], step.split("Tentative 2 ")[1]
    assert '<span class="duree">4 min 05 s</span>' in first.split("</h3>")[0]
    assert '<span class="duree">1 min 55 s</span>' in second.split("</h3>")[0]
    assert "<strong>12 / 12</strong>" in second  # each try with its own score
    assert "<strong>12 / 12</strong>" not in first.split("Tentative 2")[0]


def test_penalty_per_extra_try_is_applied_and_shown(classroom, db, as_student, new_client):
    client, _classe, assignment, lea, _tom = classroom
    assignment.penalite_essai = 20
    db.add(assignment)
    db.commit()
    pupil = as_student(new_client(), lea)
    before = pupil.get(f"/eleve/missions/{assignment.id}").text
    assert "chaque essai après le premier retire 20 % des points" in before
    _send(db, lea, assignment, False, utcnow())
    retry = pupil.get(f"/eleve/missions/{assignment.id}").text.split('id="etape-1"')[0]
    # Before the second try: what it can bring at most, 80 % of 12.
    assert "Pénalité</strong> : chaque essai supplémentaire retire 20 % des points" in retry
    assert "votre prochain essai vaudra au plus 9,6 / 12 points" in retry
    _send(db, lea, assignment, True, utcnow())
    mine = pupil.get(f"/eleve/missions/{assignment.id}").text.split('id="etape-1"')[0]
    assert "<strong>9,6 / 12</strong>" in mine
    assert "<dd>9,6 / 32</dd>" in pupil.get("/eleve").text
    second = service.attempts_of(db, lea, assignment)[-1]
    assert "<strong>9,6 / 12</strong>" in pupil.get(f"/eleve/tentatives/{second.id}").text
    work = client.get(f"/enseignant/devoirs/{assignment.id}/eleves/{lea.id}").text
    assert "<strong>9,6 / 12</strong>" in work
    assert "pénalité de 20 % (essai 2) : 12 sans pénalité" in work
    progress = client.get(f"/enseignant/devoirs/{assignment.id}").text
    assert ">9,6</a>" in progress
    export = client.get(f"/enseignant/devoirs/{assignment.id}/notes.csv").content.decode()
    assert ";9,6;" in export


def test_assign_form_sets_the_penalty_and_refuses_others(classroom, db, csrf):
    client, classe, *_ = classroom
    url = f"/enseignant/classes/{classe.id}/attribuer"
    form = {"mission": "la-paie-de-mars", "attempts": "3", "corrections": "diagnostics",
            "heure": "23:59", "pour": "classe"}  # fmt: skip
    assert "Pénalité par essai supplémentaire" in client.get(url).text
    refused = client.post(url, data={**form, "penalite": "33", "csrf_token": csrf(client, url)})
    assert refused.status_code == 400 and "pénalité par essai dans la liste" in refused.text
    done = client.post(url, data={**form, "penalite": "10", "csrf_token": csrf(client, url)})
    assert done.status_code == 200
    made = db.exec(select(Assignment).where(Assignment.mission_slug == "la-paie-de-mars")).one()
    assert made.penalite_essai == 10
    edit = client.get(f"/enseignant/devoirs/{made.id}/modifier").text
    assert '<option value="10" selected>' in edit
