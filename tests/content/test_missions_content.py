"""Every mission file loads, cross-references hold, and each step works for several students."""

from pathlib import Path

import pytest

from agora.company import generate_company
from agora.content.missions import (
    ExerciseStep,
    load_mission,
    load_missions,
    personalise,
    variant_seed,
)
from agora.errors import ContentError
from agora.exercise.registry import get_kind

MISSIONS = load_missions()
GOOD = next(iter(MISSIONS.values()))


def test_at_least_four_missions_chain_the_headline_kinds():
    kinds = {s.kind for m in MISSIONS.values() for s in m.etapes if isinstance(s, ExerciseStep)}
    assert len(MISSIONS) >= 4
    assert {"facture", "rapprochement", "bulletin_paie", "planning"} <= kinds
    assert any(s.type == "redaction" for m in MISSIONS.values() for s in m.etapes)


@pytest.mark.parametrize("slug", sorted(MISSIONS))
@pytest.mark.parametrize("org_seed", [1, 77, 4242])
def test_every_step_generates_and_its_reference_answer_scores_one(slug, org_seed):
    mission = MISSIONS[slug]
    company = generate_company(org_seed)
    assert "{" not in personalise(mission.histoire, company)
    for index, step in enumerate(mission.etapes):
        if not isinstance(step, ExerciseStep):
            continue
        kind = get_kind(step.kind)
        variant = kind.generate(variant_seed(org_seed, slug, index), step.niveau, company)
        samples = kind.sample_answers(variant.params)
        assert kind.grade(variant.params, samples[0].answer).score == 1
        wrong = [s for s in samples[1:] if not s.invalid and not s.correct]
        assert all(kind.grade(variant.params, s.answer).score < 1 for s in wrong)


def test_variant_seeds_differ_per_student_and_step():
    seeds = {variant_seed(o, "m", i) for o in range(20) for i in range(3)}
    assert len(seeds) == 60
    assert variant_seed(5, "m", 1) == variant_seed(5, "m", 1)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "essai.md"
    path.write_text(text, encoding="utf-8")
    return path


def _front(**changes) -> str:
    fields = {
        "titre": "Essai",
        "niveau": "1",
        "duree_minutes": "30",
        "resume": "Un essai.",
        "competences": '["1.2.2"]',
        "etapes": '[{kind: facture, niveau: 1, points: 5, titre: "Facture"}]',
    }
    fields.update(changes)
    head = "\n".join(f"{k}: {v}" for k, v in fields.items() if v is not None)
    return f"---\n{head}\n---\nHistoire chez {{organisation}}.\n"


def test_a_valid_file_loads(tmp_path):
    mission = load_mission(_write(tmp_path, _front()))
    assert mission.slug == "essai" and mission.points == 5


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"etapes": "[{kind: inventaire, niveau: 1, points: 5, titre: X}]"},
            "type d'exercice inconnu",
        ),
        ({"competences": '["9.9.9"]'}, "Compétence inconnue"),
        ({"competences": '["1.2.2", "1.2.1"]'}, "aucune étape n'évalue la compétence 1.2.1"),
        ({"titre": None}, "titre"),
        ({"niveau": "7"}, "niveau"),
        (
            {
                "etapes": "[{type: redaction, titre: X, consigne: Y, points: 5, "
                'competences: ["1.1.2"], rubrique: [{critere: A, points: 2, description: B}]}]'
            },
            "la rubrique totalise 2 points au lieu de 5 points",
        ),
        (
            {
                "etapes": "[{type: redaction, titre: X, consigne: Y, points: 1, "
                'competences: ["1.1.2"], rubrique: [{critere: A, points: 2, description: B}]}]'
            },
            "la rubrique totalise 2 points au lieu de 1 point",
        ),
    ],
)
def test_malformed_missions_name_file_and_field(tmp_path, changes, message):
    path = _write(tmp_path, _front(**changes))
    with pytest.raises(ContentError, match=r"essai\.md") as error:
        load_mission(path)
    assert message in str(error.value)


def test_missing_front_matter_and_unknown_placeholder(tmp_path):
    with pytest.raises(ContentError, match="doit commencer par un bloc"):
        load_mission(_write(tmp_path, "# Pas d'en-tête\n"))
    with pytest.raises(ContentError, match=r"\{patron\} inconnu"):
        load_mission(_write(tmp_path, _front().replace("{organisation}", "{patron}")))


@pytest.mark.parametrize("code", ["1.1.3", "1.3.4", "2.3.2", "3.3.1", "3.3.4"])
def test_each_communication_competency_is_assessed_by_a_writing_rubric(code):
    """Issue 14: each is proven by a criterion of a writing step with the document's parts."""
    criteria = [
        (slug, step.format, c.critere)
        for slug, mission in MISSIONS.items()
        for step in mission.etapes
        if step.type == "redaction" and step.format != "texte"
        for c in step.rubrique
        if code in (c.competences or step.competences)
    ]
    assert criteria, f"aucune mission n'évalue {code} par un écrit"


def test_writing_missions_make_sense_in_every_sector_family():
    """Personalised for goods, services, a public service and an association: no brace left."""
    from agora.company import generate_company

    slugs = [
        "un-courrier-de-mecontentement",
        "la-note-d-information-sur-les-conges",
        "le-compte-rendu-de-la-reunion-d-equipe",
        "la-page-sur-le-site-de-la-mairie",
        "l-information-sur-la-complementaire-sante",
    ]
    for secteur in ("grossiste_fournitures", "informatique", "regie_eau", "association_sportive"):
        company = generate_company(5, secteur=secteur)
        for slug in slugs:
            mission = MISSIONS[slug]
            texts = [mission.histoire] + [s.consigne for s in mission.etapes]
            assert all("{" not in personalise(t, company) for t in texts), (slug, secteur)


def test_no_built_in_summary_names_a_placeholder():
    """The summary is read before any organisation (the teacher's list, the student's card):
    the files write it in plain words; a teacher's own mission is shown with generic ones."""
    from agora.content.missions import generique, load_missions

    assert [m.slug for m in load_missions().values() if "{" in m.resume] == []
    assert generique("{organisation} ouvre. Un {relation} mécontent.") == (
        "L'organisation ouvre. Un client mécontent."
    )
