"""The student's organisation file: their own company, as French business pages."""

from datetime import date

from markupsafe import escape

from agora.exercise.variants import company_for
from agora.web.templating import money


def test_organisation_file_shows_my_company(client, make_student, as_student):
    student = make_student(org_seed=321)
    company = company_for(321)
    page = as_student(client, student).get("/eleve/organisation").text
    assert escape(company.raison_sociale) in page
    assert "Présentation" in page  # the fiche entreprise
    for tiers in (*company.clients, *company.fournisseurs):
        assert escape(tiers.nom) in page
    article = company.catalogue[0]
    assert escape(article.designation) in page and money(article.prix_ht) in page
    assert company.banque.iban in page
    assert escape(company.salaries[0].nom) in page


def test_two_students_have_two_organisations(client, new_client, make_student, as_student):
    first, second = make_student(org_seed=1), make_student(org_seed=2)
    page_one = as_student(client, first).get("/eleve/organisation").text
    page_two = as_student(new_client(), second).get("/eleve/organisation").text
    assert escape(company_for(1).raison_sociale) in page_one
    assert escape(company_for(1).raison_sociale) not in page_two


def test_the_last_twelve_months_end_the_month_before_the_platform_date(
    app, client, make_student, as_student
):
    # AGORA_DATE (Settings.date) dates the page; the organisation itself never moves.
    app.state.settings = app.state.settings.model_copy(update={"date": date(2026, 12, 4)})
    page = as_student(client, make_student(org_seed=321)).get("/eleve/organisation").text
    assert "Activité des douze derniers mois, de décembre 2025 à novembre 2026" in page
    mois = '<td data-label="Mois">{}</td>'
    assert mois.format("novembre 2026") in page and mois.format("décembre 2026") not in page
