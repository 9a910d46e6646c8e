"""One mission page shows every step's form: two steps asking for a field of the same name
(a date, a total…) must not share an HTML id, or a label, a hint or an error message is tied
to the other step's field (screen readers read the wrong one, axe's duplicate-id rules)."""

import re
from collections import Counter
from html import unescape

import pytest

from agora.content.missions import MISSIONS_DIR

MISSIONS = sorted(path.stem for path in MISSIONS_DIR.glob("*.md"))


def _ids(page: str) -> Counter:
    return Counter(unescape(i) for i in re.findall(r'\sid="([^"]+)"', page))


@pytest.mark.parametrize("slug", MISSIONS)
def test_no_two_elements_of_a_mission_page_share_an_id(
    slug, client, make_classe, make_student, make_assignment, as_student
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, slug)
    page = as_student(client, student).get(f"/eleve/missions/{assignment.id}").text
    assert [i for i, n in _ids(page).items() if n > 1] == []


def test_the_format_message_of_a_field_lands_under_that_step_s_field(
    client, make_classe, make_student, make_assignment, as_student
):
    classe = make_classe()
    student = make_student(classe)
    assignment = make_assignment(classe, "du-devis-a-l-encaissement")
    as_student(client, student)
    page = client.get(f"/eleve/missions/{assignment.id}").text
    target = re.search(r'hx-target="#(etape-2-champ-[^"]+-erreur)"', page).group(1)
    name = re.search(r'name="([^"]+)"[^>]*hx-target="#' + re.escape(target), page)
    assert name, "the field of step 3 whose message goes to that target"
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    url = f"/eleve/missions/{assignment.id}/etapes/2/champ"
    response = client.post(
        url, data={"champ": name.group(1), name.group(1): "abc", "csrf_token": csrf}
    )
    message = re.fullmatch(rf'<p class="champ-erreur" id="{target}"[^>]*>(.+)</p>', response.text)
    assert message and "« abc »" in unescape(message.group(1))
