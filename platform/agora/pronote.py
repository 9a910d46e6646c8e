"""Marks in the shape a teacher brings into PRONOTE's « Saisie des notes » (docs/enseignant.md).

One row per student in the alphabetical order of the class list (nom, prénom — the order
PRONOTE lists a class), the mark on 20 as a French decimal (« 12,5 »), blank when there is
no mark, with the reason beside it (« absent », « non rendu », « à corriger »). Written by
agora.spreadsheet: « ; » separator, UTF-8 with BOM, CRLF, formula-looking names made harmless.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from anyascii import anyascii

from agora.spreadsheet import Table

COLONNES = ("Nom", "Prénom", "Né(e) le", "Note", "Remarque")
ABSENT, NON_RENDU, A_CORRIGER = "absent", "non rendu", "à corriger"


@dataclass(frozen=True)
class Ligne:
    nom: str
    prenom: str
    naissance: date | None
    note: Decimal | None  # on 20; None: no mark (the reason in ``remarque``)
    remarque: str = ""


def note_pronote(value: Decimal) -> Decimal:
    """A mark as PRONOTE shows it: at most two decimals, no trailing zero (12,50 -> 12,5)."""
    rounded = value.quantize(Decimal("0.01"), ROUND_HALF_UP)
    return Decimal(format(rounded.normalize(), "f")) if rounded else Decimal(0)


def _ordre(ligne: Ligne) -> tuple[str, str]:
    """Alphabetical as a class list: accents and capitals ignored (« Étienne » after « Durand »)."""
    return (" ".join(anyascii(ligne.nom).lower().split()), anyascii(ligne.prenom).lower())


def table(titre: str, lignes: Iterable[Ligne]) -> Table:
    """The PRONOTE sheet, students in the order of the class list."""
    rows = [
        [
            ligne.nom,
            ligne.prenom,
            ligne.naissance.strftime("%d/%m/%Y") if ligne.naissance else "",
            None if ligne.note is None else note_pronote(ligne.note),
            "" if ligne.note is not None else ligne.remarque,
        ]
        for ligne in sorted(lignes, key=_ordre)
    ]
    return Table(titre[:31] or "Notes", list(COLONNES), rows)
