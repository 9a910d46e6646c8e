"""Counting leave days: jours ouvrables (Monday to Saturday) or ouvrés (Monday to Friday),
public holidays left out, and the public holidays of a summer from the French calendar."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

OUVRABLES = "ouvrables"
OUVRES = "ouvres"
# The last weekday (Monday = 0) each way of counting includes.
_DERNIER_JOUR = {OUVRABLES: 5, OUVRES: 4}
DIMANCHE = 6
SAMEDI = 5
# The leave days among the first ``reste`` (0 to 6) days from a ``premier`` weekday, for each
# way of counting: _EN_PLUS[dernier][premier][reste] (the days after a leave's whole weeks).
_EN_PLUS = {
    dernier: tuple(
        tuple(sum(1 for k in range(reste) if (premier + k) % 7 <= dernier) for reste in range(7))
        for premier in range(7)
    )
    for dernier in _DERNIER_JOUR.values()
}


def jours(debut: date, fin_exclue: date) -> Iterator[date]:
    """Every calendar day from ``debut`` up to the day before ``fin_exclue``."""
    jour = debut
    while jour < fin_exclue:
        yield jour
        jour += timedelta(days=1)


def compte(debut: date, fin_exclue: date, decompte: str, feries: frozenset[date]) -> int:
    """The leave days of [debut, fin_exclue[ counted one way, public holidays left out: whole
    weeks, then the days left over, not each day (grading counts a few leaves many times)."""
    dernier = _DERNIER_JOUR[decompte]
    longueur = (fin_exclue - debut).days
    if longueur <= 0:
        return 0
    semaines, reste = divmod(longueur, 7)
    en_plus = _EN_PLUS[dernier][debut.weekday()][reste]
    # A list, not a generator summed: a summer's few holidays, each tested once.
    feries_comptes = len([j for j in feries if debut <= j < fin_exclue and j.weekday() <= dernier])
    return semaines * (dernier + 1) + en_plus - feries_comptes


def mois_de(jour: date) -> tuple[date, date]:
    """The first day of ``jour``'s month and the first day of the next month."""
    suivant = date(jour.year + 1, 1, 1) if jour.month == 12 else date(jour.year, jour.month + 1, 1)
    return jour.replace(day=1), suivant
