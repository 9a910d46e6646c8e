"""An employee who writes about their pay is one of the organisation's staff (audit of the
sectors, 2026-12): their name and service are in its organisation chart, and the civility
they sign with fits their first name."""

from __future__ import annotations

import pytest
from tests.exercise.tirages import variantes

from agora.company.people import femme
from agora.content.secteurs import secteur_codes


@pytest.mark.parametrize("secteur", secteur_codes())
def test_an_employee_asking_about_pay_is_on_the_staff(secteur):
    vus = 0
    for seed, niveau, organisation, variant in variantes("prise_en_charge", range(40), secteur):
        personnel = {(s.prenom, s.nom, s.service) for s in organisation.salaries}
        if not variant.params["situation"].startswith("paie"):
            continue
        vus += 1
        d = variant.params["demandeur"]
        assert (d["prenom"], d["nom"], d["organisation"]) in personnel, (seed, niveau, d)
        assert d["civilite"] == ("madame" if femme(d["prenom"]) else "monsieur"), d
    assert vus
