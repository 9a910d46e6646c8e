"""The mission page tells the story of the student's own sector family (issue 16): a water
utility's user received an intervention, never goods with shipping costs."""

from html import unescape

from agora.exercise.variants import company_for

MISSION = "du-devis-a-l-encaissement"
REGIE, LIBRAIRIE = 0, 7  # organisation seeds: a water utility, a bookshop


def test_a_water_utility_student_reads_a_public_service_story(
    client, make_classe, make_student, make_assignment, as_student
):
    assert company_for(REGIE).secteur == "regie_eau"
    classe = make_classe()
    student = make_student(classe, org_seed=REGIE)
    assignment = make_assignment(classe, MISSION)
    page = unescape(as_student(client, student).get(f"/eleve/missions/{assignment.id}").text)
    assert "nos agents sont intervenus hier" in page
    for mot in ("la livraison est partie", "frais de port", ":::"):
        assert mot not in page


def test_a_bookshop_student_reads_the_goods_story(
    client, make_classe, make_student, make_assignment, as_student
):
    assert company_for(LIBRAIRIE).secteur == "librairie"
    classe = make_classe()
    student = make_student(classe, org_seed=LIBRAIRIE)
    assignment = make_assignment(classe, MISSION)
    page = unescape(as_student(client, student).get(f"/eleve/missions/{assignment.id}").text)
    assert "la livraison est partie hier" in page and ":::" not in page
