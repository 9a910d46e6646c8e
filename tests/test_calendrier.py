"""Dates and times as French documents write them (agora.calendrier)."""

from datetime import date

from agora.calendrier import date_courte, date_longue, heure_dite, mois_annee


def test_a_day_is_written_day_month_year_from_a_date_or_its_iso_text():
    assert date_courte(date(2026, 3, 5)) == "05/03/2026"
    assert date_courte("2026-12-31") == "31/12/2026"


def test_a_period_names_its_month_and_a_time_its_hours_and_minutes():
    assert mois_annee("2026-03") == "mars 2026"
    assert heure_dite(9 * 60 + 5) == "9 h 05"
    assert date_longue(date(2026, 3, 1)) == "1er mars 2026"
