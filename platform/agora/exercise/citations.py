"""What a free text cites (a letter, an e-mail): its amounts, days and document numbers, read
once, for the automatic checks of a writing step (the rest is for the teacher's rubric)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from agora.exercise.fields import piece_key

# A number as a letter writes it: « 1 234,56 » (groups of three after a space, a no-break
# space or a narrow one), « 1234.56 », « 40 »; never a piece of a longer number or date.
_NOMBRE_CITE = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,13})([.,]\d{1,2})?(?!\d|[.,]\d)", re.ASCII
)
_ESPACES = re.compile(r"[ \u00a0\u202f]")
_JOUR_CITE = re.compile(
    r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)|(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"
)
_MOIS_SANS_ACCENT = (
    "janvier", "fevrier", "mars", "avril", "mai", "juin",
    "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
)  # fmt: skip
_JOUR_LONG = re.compile(
    r"(?<!\d)(\d{1,2})(?:er)?\s+(" + "|".join(_MOIS_SANS_ACCENT) + r")\s+(\d{4})(?!\d)"
)


@dataclass(frozen=True)
class Citations:
    """What a free text cites, read once: its amounts (« 1 234,56 € », « 1234.56 »), its days
    (« 15/03/2026 », « 2026-03-15 », « 15 mars 2026 ») and its letters and digits (to find a
    document number however it is spaced). For the automatic checks of a letter."""

    montants: frozenset[Decimal]
    jours: frozenset[date]
    cle: str

    @classmethod
    def de(cls, texte: str) -> Citations:
        montants = frozenset(
            Decimal(_ESPACES.sub("", entier) + decimales.replace(",", "."))
            for entier, decimales in _NOMBRE_CITE.findall(texte)
        )
        return cls(montants, frozenset(_jours_cites(texte)), piece_key(texte))

    def cite_montant(self, montant: Decimal) -> bool:
        return montant in self.montants

    def cite_jour(self, jour: date) -> bool:
        return jour in self.jours

    def cite_numero(self, numero: str) -> bool:
        return bool(piece_key(numero)) and piece_key(numero) in self.cle


def _jours_cites(texte: str) -> list[date]:
    """Every existing day written in the text, as a number date or the French long way."""
    trouves = []
    for m in _JOUR_CITE.finditer(texte):
        jour, mois, an = (m[1], m[2], m[3]) if m[1] else (m[6], m[5], m[4])
        trouves.append((int(an), int(mois), int(jour)))
    sans_accent = unicodedata.normalize("NFKD", texte.lower()).encode("ascii", "ignore").decode()
    for m in _JOUR_LONG.finditer(sans_accent):
        trouves.append((int(m[3]), _MOIS_SANS_ACCENT.index(m[2]) + 1, int(m[1])))
    jours = []
    for an, mois, jour in trouves:
        try:
            jours.append(date(an, mois, jour))
        except ValueError:
            continue  # « 31/02/2026 » is no day: not cited
    return jours
