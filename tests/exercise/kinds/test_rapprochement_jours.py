"""A bank statement books operations on business days only (audit of the sectors, 2026-12): no
SEPA debit, transfer, card remittance nor month-end fee dated a Saturday, a Sunday or a
public holiday."""

from __future__ import annotations

from datetime import date

import pytest

from agora.calendrier import feries_francais
from agora.company import generate_company
from agora.exercise.base import NIVEAUX
from agora.exercise.registry import KINDS


@pytest.mark.parametrize("niveau", NIVEAUX)
def test_the_bank_statement_has_no_weekend_nor_holiday(niveau):
    for seed in range(40):
        variant = KINDS["rapprochement"].generate(seed, niveau, generate_company(seed))
        for ligne in variant.params["releve"]:
            jour = date.fromisoformat(ligne["date"])
            feries = {j for j, _ in feries_francais(jour.replace(day=1), jour)}
            assert jour.weekday() < 5 and jour not in feries, (seed, ligne)
