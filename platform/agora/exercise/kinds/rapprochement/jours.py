"""The days a bank books operations on: business days, never a weekend nor a public holiday."""

from __future__ import annotations

from datetime import date, timedelta

from agora.calendrier import feries_de


def _ouvre(jour: date) -> bool:
    return jour.weekday() < 5 and jour not in feries_de(jour.year)


def jour_bancaire(jour: date, fin: date) -> date:
    """The day the bank books an operation: a business day (SEPA debits and transfers, card
    and cheque remittances settle on TARGET2 days, never on a weekend or public holiday), the
    next one, or the last one of the month when the month is over (the month-end fees)."""
    suivant = jour
    while not _ouvre(suivant):
        suivant += timedelta(days=1)
    if suivant <= fin:
        return suivant
    while not _ouvre(jour):
        jour -= timedelta(days=1)
    return jour
