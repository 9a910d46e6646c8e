"""Teacher: the class competency heatmap agrees with each student's own page."""

import re

from agora.classroom import service
from agora.classroom.teacher.coverage import mission_codes
from agora.content.missions import get_mission, load_missions
from agora.db import utcnow
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind
from agora.referentiel import load_referentiel

MISSION = "du-devis-a-l-encaissement"


def _submit(db, student, assignment, correct=True):
    variant = service.step_variant(student, get_mission(MISSION), 0)
    samples = get_kind("facture").sample_answers(variant.params)
    sample = next(s for s in samples if s.correct == correct and not s.invalid)
    service.submit_exercise(db, student, assignment, 0, flatten(sample.answer), utcnow())
    db.commit()


def _cells(html, name):
    """code -> level text of one student's row of the heatmap."""
    row = html.split(f'<th scope="row">{name}</th>')[1].split("</tr>")[0]
    found = re.findall(r'title="([\d.]+) : ([^"]+)"', row)
    return dict(found)


def test_heatmap_has_every_competency_grouped_by_pole_with_text_in_cells(classroom):
    client, classe, *_ = classroom
    page = client.get(f"/enseignant/classes/{classe.id}/competences")
    assert page.status_code == 200
    referentiel = load_referentiel()
    assert page.text.count('scope="colgroup"') == len(referentiel.poles)
    headers = re.findall(r'<th scope="col" class="code-competence[^"]*">', page.text)
    assert len(headers) == len(referentiel.competences) == 37
    cells = _cells(page.text, "Arnaud Léa")
    assert len(cells) == 37 and set(cells.values()) == {"non évalué"}
    assert '<span class="visually-hidden">non évalué</span>' in page.text
    for word in ("insuffisant", "fragile", "satisfaisant", "très bon"):
        assert word in page.text  # legend


def test_heatmap_changes_with_attempts_and_matches_the_student_page(
    classroom, db, as_student, new_client
):
    client, classe, assignment, lea, tom = classroom
    _submit(db, lea, assignment, correct=True)
    _submit(db, tom, assignment, correct=False)
    page = client.get(f"/enseignant/classes/{classe.id}/competences").text
    lea_cells, tom_cells = _cells(page, "Arnaud Léa"), _cells(page, "Bernard Tom")
    for code in get_kind("facture").COMPETENCES:
        # One try each: one piece of evidence, « en cours d'évaluation », not a level yet.
        assert lea_cells[code] == tom_cells[code] == "en cours d&#39;évaluation"
    for student, cells in ((lea, lea_cells), (tom, tom_cells)):
        mine = as_student(new_client(), student).get("/eleve/competences").text
        for code, level in cells.items():
            row = mine.split(f'<td class="code">{code}</td>')[1].split("</tr>")[0]
            assert f">{level}</span>" in row, (code, level)


def test_each_competency_lists_the_missions_assessing_it(classroom):
    client, classe, *_ = classroom
    page = client.get(f"/enseignant/classes/{classe.id}/competences").text
    for mission in load_missions().values():
        for code in mission_codes(mission):
            row = page.split(f'<tr id="competence-{code.replace(".", "-")}">')[1].split("</tr>")[0]
            assert mission.titre.replace("'", "&#39;") in row
    assigned = page.split('<tr id="competence-1-2-2">')[1].split("</tr>")[0]
    assert "attribuée" in assigned
