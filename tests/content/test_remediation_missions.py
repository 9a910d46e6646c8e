"""Remediation missions: one level-1 step of a kind, built for every kind, with the options of
the step they follow, and never listed among the missions a teacher chooses from."""

import pytest

from agora.content.missions import get_mission, load_missions
from agora.content.remediation import remediation_slug
from agora.errors import UnknownCode
from agora.exercise.registry import KINDS


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_has_a_one_step_level_1_remediation(kind):
    mission = get_mission(remediation_slug(kind))
    assert mission.titre == f"Remédiation : {KINDS[kind].TITRE}"
    assert [(s.kind, s.niveau) for s in mission.etapes] == [(kind, 1)]
    assert set(mission.competences) == set(KINDS[kind].COMPETENCES)


def test_the_step_options_follow_the_remediation():
    slug = remediation_slug("fiche_stock", {"methode": "peps"})
    assert slug == "remediation-fiche_stock--methode-peps"
    assert get_mission(slug).etapes[0].options["methode"] == "peps"
    # a value a slug cannot carry (« février ») falls back to the default
    assert remediation_slug("bulletin_paie", {"mois": "février"}) == "remediation-bulletin_paie"


def test_the_diagnosed_method_is_named_to_the_students():
    slug = remediation_slug("facture", {}, "ESCOMPTE_SUR_TTC")
    assert slug == "remediation-facture--pour-escompte_sur_ttc"
    contexte = get_mission(slug).etapes[0].contexte
    assert "Point à revoir" in contexte and "pas sur le TTC" in contexte
    # a code the kind does not name to students: the remediation of the kind, without it
    assert remediation_slug("facture", {}, "INCONNU") == "remediation-facture"


@pytest.mark.parametrize(
    "slug",
    [
        "remediation-inconnu",
        "remediation-fiche_stock--methode-lifo",
        "remediation-",
        "remediation-facture--pour-inconnu",
    ],
)
def test_an_unknown_remediation_is_an_unknown_mission(slug):
    with pytest.raises(UnknownCode, match="Mission inconnue"):
        get_mission(slug)


def test_remediations_are_not_in_the_teachers_list():
    assert not [slug for slug in load_missions() if slug.startswith("remediation-")]


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_named_method_error_can_be_given_as_a_remediation_that_names_it(kind):
    """The class report offers a remediation for each method error its students made: every code
    a kind's sample answers raise has its message, and the remediation says it."""
    from agora.company import generate_company

    codes = set()
    for seed in (0, 1):
        for niveau in (1, 2, 3):
            params = KINDS[kind].generate(seed, niveau, generate_company(seed)).params
            for sample in KINDS[kind].sample_answers(params):
                codes |= {d.code for d in KINDS[kind].grade(params, sample.answer).diagnostics}
    assert codes, "its sample answers name no method error"
    for code in sorted(codes):
        slug = remediation_slug(kind, {}, code)
        assert slug.endswith(f"--pour-{code.lower()}"), (code, slug)
        contexte = get_mission(slug).etapes[0].contexte
        assert f"**Point à revoir** : {KINDS[kind].MESSAGES[code]}" in contexte
