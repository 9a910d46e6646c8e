"""French calendar: the Paris time zone, month and day names, long dates for documents."""

from datetime import date
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
