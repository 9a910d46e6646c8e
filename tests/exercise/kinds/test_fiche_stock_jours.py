"""Goods come in and out of the store on the days it works (audit of the sectors, 2026-12):
never on a Sunday, a public holiday or a day the organisation is closed (a water utility's
store on a Sunday, a bakery's on its closing Monday)."""

from __future__ import annotations

from datetime import date

import pytest

from agora.calendrier import JOURS, feries_de
from agora.company import generate_company
from agora.content.secteurs import secteur_codes
from agora.exercise.base import NIVEAUX
from agora.exercise.registry import KINDS


@pytest.mark.parametrize("secteur", secteur_codes())
def test_stock_moves_on_working_days(secteur):
    for seed in range(12):
        organisation = generate_company(seed, secteur)
        for niveau in NIVEAUX:
            params = KINDS["fiche_stock"].generate(seed, niveau, organisation).params
            for ligne in params["mouvements"]:
                jour = date.fromisoformat(ligne["date"])
                assert jour.weekday() < 6 and jour not in feries_de(jour.year), (seed, ligne)
                assert organisation.horaires[JOURS[jour.weekday()]] is not None, (seed, ligne)
