"""A letter's citations: the amounts, days and document numbers the automatic checks look for."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from agora.exercise.citations import Citations


def test_citations_find_the_amounts_days_and_numbers_a_letter_writes():
    cite = Citations.de(
        "Notre facture n° fa 2026/0042 du 1er mars 2026, échue le 31/03/2026, reste due : "
        "1\u202f234,56 € (et 40 € d'indemnité). Avoir 2026-04-15 : 12.5 €."
    )
    assert cite.cite_montant(Decimal("1234.56"))
    assert cite.cite_montant(Decimal("40"))
    assert cite.cite_montant(Decimal("12.50"))
    assert not cite.cite_montant(Decimal("234.56"))  # part of a bigger number is not cited
    assert cite.cite_jour(date(2026, 3, 1)) and cite.cite_jour(date(2026, 3, 31))
    assert cite.cite_jour(date(2026, 4, 15))
    assert cite.cite_numero("FA2026-0042")
    assert not cite.cite_numero("FA2026-0043")
    assert not Citations.de("le 31/02/2026").jours  # no such day: not cited
    # A year before an amount is not read as its thousands: « 2026 150,00 € » cites 150.
    assert Citations.de("échue le 31 mai 2026 150,00 € à payer").cite_montant(Decimal("150"))


def test_other_digits_cite_days_but_no_amounts():
    # « ١٢/٠٣/٢٠٢٦ » (Arabic-Indic digits) is a day as ``\d`` reads it; an amount is 0-9 only.
    cite = Citations.de("échue le ١٢/٠٣/٢٠٢٦ : 40 € ou ٤٠ €")
    assert cite.jours == {date(2026, 3, 12)}
    assert cite.montants == {Decimal("40")}
