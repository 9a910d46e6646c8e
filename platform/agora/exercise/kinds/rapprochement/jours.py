"""The days a bank books operations on: business days, never a weekend nor a public holiday."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from agora.calendrier import feries_francais


@lru_cache(maxsize=8)
def _feries(annee: int) -> frozenset[date]:
    return frozenset(j for j, _ in feries_francais(date(annee, 1, 1), date(annee, 12, 31)))


def jour_bancaire(jour: date, fin: date) -> date:
    """The day the bank books an operation: a business day (SEPA debits and transfers, card
    and cheque remittances settle on TARGET2 days, never on a weekend or public holiday), the
    next one, or the last one of the month when the month is over (the month-end fees)."""

    def ouvre(j: date) -> bool:
        return j.weekday() < 5 and j not in _feries(j.year)

    suivant = jour
    while not ouvre(suivant):
        suivant += timedelta(days=1)
    if suivant <= fin:
        return suivant
    while not ouvre(jour):
        jour -= timedelta(days=1)
    return jour
