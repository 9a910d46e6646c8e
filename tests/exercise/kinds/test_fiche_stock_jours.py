"""Goods come in and out of the store on the days it works (audit of the sectors, 2026-12):
never on a Sunday, a public holiday or a day the organisation is closed (a water utility's
store on a Sunday, a bakery's on its closing Monday)."""

from __future__ import annotations

from datetime import date

import pytest
from tests.exercise.tirages import variantes

from agora.calendrier import JOURS, feries_de
from agora.content.secteurs import secteur_codes


@pytest.mark.parametrize("secteur", secteur_codes())
def test_stock_moves_on_working_days(secteur):
    for seed, _, organisation, variant in variantes("fiche_stock", range(12), secteur):
        for ligne in variant.params["mouvements"]:
            jour = date.fromisoformat(ligne["date"])
            assert jour.weekday() < 6 and jour not in feries_de(jour.year), (seed, ligne)
            assert organisation.horaires[JOURS[jour.weekday()]] is not None, (seed, ligne)
