"""French calendar: the Paris time zone, month and day names, dates and times as documents write
them."""

from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

# Every time a user reads is Paris time; the database stores UTC.
PARIS = ZoneInfo("Europe/Paris")

MOIS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def date_longue(jour: date, jour_semaine: bool = False, annee: bool = True) -> str:
    """« 1er mars 2026 », « lundi 9 mars » : how a French letter writes a date."""
    texte = f"{jour.day}{'er' if jour.day == 1 else ''} {MOIS[jour.month - 1]}"
    if jour_semaine:
        texte = f"{JOURS[jour.weekday()]} {texte}"
    return f"{texte} {jour.year}" if annee else texte


def date_courte(jour: date | str) -> str:
    """« 05/03/2026 »: a day as a form or a table writes it (``jour``, a date or its ISO text)."""
    if isinstance(jour, str):
        jour = date.fromisoformat(jour)
    # Written out rather than strftime (3× its cost): every wrong day's message shows one.
    return f"{jour.day:02d}/{jour.month:02d}/{jour.year}"


def mois_annee(periode: str) -> str:
    """« mars 2026 »: the month of a period written « 2026-03 »."""
    annee, mois = periode.split("-")
    return f"{MOIS[int(mois) - 1]} {annee}"


def heure_dite(minutes: int) -> str:
    """« 9 h 05 »: a time of day (``minutes`` after midnight) as a French text writes it."""
    return f"{minutes // 60} h {minutes % 60:02d}"


def date_heure(moment: datetime) -> str:
    """« mardi 3 mars 2026 à 14:05 », in Paris time (``moment`` is aware)."""
    local = moment.astimezone(PARIS)
    return f"{date_longue(local.date(), jour_semaine=True)} à {local:%H:%M}"


@lru_cache(maxsize=64)
def feries_francais(debut: date, fin: date) -> tuple[tuple[date, str], ...]:
    """The French public holidays between two days (both included), with their French names.

    Read from the ``holidays`` library when a variant is generated; the variant keeps the list,
    so a later version of the library never changes an exercise already drawn."""
    import holidays  # imported here: only generation needs it

    annees = list(range(debut.year, fin.year + 1))
    calendrier = holidays.France(years=annees, language="fr")
    return tuple(sorted((j, str(nom)) for j, nom in calendrier.items() if debut <= j <= fin))


@lru_cache(maxsize=16)
def feries_de(annee: int) -> frozenset[date]:
    """The French public holidays of a year, as a set of days (read once per year: a
    generation that checks many days asks often)."""
    return frozenset(j for j, _ in feries_francais(date(annee, 1, 1), date(annee, 12, 31)))
