"""No internal name where a student reads: the page of every mission (so of every kind), before
and after an answer is corrected, shows no `snake_case` field name (solde_releve,
cote_entreprise…) nor « creneaux » in its text, its labels or its help."""

import re
from html.parser import HTMLParser

import pytest

from agora.classroom import service
from agora.content.missions import load_missions
from agora.exercise.forms import flatten
from agora.exercise.registry import get_kind

# A word with an underscore between letters (« solde_releve »), or the answer's list name.
INTERNE = re.compile(r"\b[a-zà-ÿ0-9]+(?:_[a-zà-ÿ0-9]+)+\b|\bcreneaux\b", re.IGNORECASE)
LUS = ("aria-label", "placeholder", "title", "alt")  # attributes a student reads or hears


class Lisible(HTMLParser):
    """The text a student reads: text outside scripts and styles, and the attributes read out."""

    def __init__(self):
        super().__init__()
        self.morceaux: list[str] = []
        self._cache = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._cache += 1
        self.morceaux += [v for k, v in attrs if k in LUS and v]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._cache -= 1

    def handle_data(self, data):
        if not self._cache:
            self.morceaux.append(data)


def _internes(html: str) -> set[str]:
    lisible = Lisible()
    lisible.feed(html)
    return {m for texte in lisible.morceaux for m in INTERNE.findall(texte)}


MISSIONS = sorted(load_missions())


@pytest.mark.parametrize("slug", MISSIONS)
def test_no_internal_name_on_a_mission_page_before_and_after_a_correction(
    slug, client, make_classe, make_student, make_assignment, as_student, csrf
):
    classe = make_classe()
    student, assignment = make_student(classe), make_assignment(classe, slug)
    as_student(client, student)
    page = f"/eleve/missions/{assignment.id}"
    assert _internes(client.get(page).text) == set()

    # A wrong answer to the first step: its verdicts and diagnostics are read too.
    mission = load_missions()[slug]
    etape = mission.etapes[0]
    if getattr(etape, "kind", None) is None:
        return  # a written step: graded by the teacher
    variant = service.step_variant(student, mission, 0)
    kind = get_kind(etape.kind)
    echantillons = kind.sample_answers(variant.params)
    faux = next((s for s in echantillons if not s.correct and not s.invalid), echantillons[0])
    token = csrf(client, page)
    reponse = client.post(f"{page}/etapes/0", data={"csrf_token": token, **flatten(faux.answer)})
    assert reponse.status_code in (200, 303)
    assert _internes(client.get(page).text) == set()
