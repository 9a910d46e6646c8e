"""« L'affiche de la journée portes ouvertes »: a poster step, graded on 1.1.3 and 1.3.4, whose
story reads right in every sector (a shop, an association, a public utility)."""

from __future__ import annotations

import pytest

from agora.company.generator import generate_company
from agora.content.missions import get_mission, personalise
from agora.content.secteurs import secteur_codes
from agora.francais import prepose
from agora.uploads.service import takes_a_file

SLUG = "l-affiche-de-la-journee-portes-ouvertes"


def test_the_poster_step_is_handed_in_as_a_file_and_proves_both_competencies():
    mission = get_mission(SLUG)
    step = mission.etape(0)
    assert takes_a_file(step)
    proven = {code for critere in step.rubrique for code in critere.competences}
    assert proven == {"1.1.3", "1.3.4"}


@pytest.mark.parametrize("secteur", secteur_codes())
def test_the_story_is_personalised_in_every_sector(secteur):
    mission = get_mission(SLUG)
    company = generate_company(7, secteur)
    texts = [mission.resume, mission.histoire, mission.etape(0).consigne]
    for text in texts:
        shown = personalise(text, company)
        assert "{" not in shown and "}" not in shown
    # « du **Bistrot de Paul Roux** » for « Le Bistrot de Paul Roux »: the article contracts.
    assert prepose("de", company.raison_sociale)[1] in personalise(mission.histoire, company)
