"""Counting leave days by whole weeks gives the count a calendar gives day by day: Monday to
Saturday (ouvrables) or to Friday (ouvrés), public holidays of those days left out."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from agora.exercise.kinds.conges_payes.jours import OUVRABLES, OUVRES, compte, jours

FERIES = frozenset({date(2026, 7, 14), date(2026, 8, 15), date(2026, 8, 16), date(2026, 11, 1)})


def au_calendrier(debut: date, fin: date, dernier: int) -> int:
    return sum(1 for j in jours(debut, fin) if j.weekday() <= dernier and j not in FERIES)


@pytest.mark.parametrize(("decompte", "dernier"), [(OUVRABLES, 5), (OUVRES, 4)])
def test_a_count_by_weeks_is_the_calendars(decompte, dernier):
    for debut in (date(2026, 7, 1) + timedelta(days=d) for d in range(0, 140, 3)):
        for duree in (-2, 0, 1, 5, 6, 7, 13, 14, 21, 31, 45):
            fin = debut + timedelta(days=duree)
            assert compte(debut, fin, decompte, FERIES) == au_calendrier(debut, fin, dernier)


def test_a_sunday_holiday_is_no_day_less():
    # 16 August 2026 is a Sunday: neither count had it.
    assert compte(date(2026, 8, 10), date(2026, 8, 17), OUVRABLES, FERIES) == 5
