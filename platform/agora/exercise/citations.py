"""What a free text cites (a letter, an e-mail): its amounts, days and document numbers, read
once, for the automatic checks of a writing step (the rest is for the teacher's rubric)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal

from agora.exercise.fields import lettres_et_chiffres, piece_key

# The patterns below start at the first digit of a run (``_cherche`` tries them only there, so
# they carry no leading look-behind for « not inside a longer number »).
# A number as a letter writes it: « 1 234,56 » (groups of three after a space, a no-break
# space or a narrow one), « 1234.56 », « 40 »; never a piece of a longer number or date.
_NOMBRE_CITE = re.compile(
    r"(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,13})([.,]\d{1,2})?(?!\d|[.,]\d)", re.ASCII
)
_ESPACES = re.compile(r"[ \u00a0\u202f]")
_JOUR_CITE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)|(\d{4})-(\d{2})-(\d{2})(?!\d)")
_MOIS_SANS_ACCENT = (
    "janvier", "fevrier", "mars", "avril", "mai", "juin",
    "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
)  # fmt: skip
_JOUR_LONG = re.compile(
    r"(\d{1,2})(?:er)?\s+(" + "|".join(_MOIS_SANS_ACCENT) + r")\s+(\d{4})(?!\d)"
)
# Runs of non-digits: the digit runs between them are where a cited number or day may start
# (any digit, as ``\d`` in the day patterns; ASCII ones, as in the amount pattern). Skipping
# « \D+ » finds them three times faster than searching « \d+ », which restarts at every letter.
_PAS_CHIFFRES = re.compile(r"(\D+)")
_PAS_CHIFFRES_ASCII = re.compile(r"(\D+)", re.ASCII)


class Citations:
    """What a free text cites, read once: its amounts (« 1 234,56 € », « 1234.56 »), its days
    (« 15/03/2026 », « 2026-03-15 », « 15 mars 2026 ») and its letters and digits (to find a
    document number however it is spaced). For the automatic checks of a letter.

    The days written the French long way are looked for only when a day is not among those
    written in figures: most letters write their days in figures, and the long way needs the
    text without its accents and a second scan (a third of a letter's checks)."""

    __slots__ = ("_debuts", "_en_lettres", "_texte", "cle", "en_chiffres", "montants")

    def __init__(self, texte: str):
        debuts, chiffres = _suites(_PAS_CHIFFRES, texte)
        # Without other digits than 0-9 (the usual letter), the ASCII runs are the same runs.
        debuts_ascii = debuts if chiffres.isascii() else _suites(_PAS_CHIFFRES_ASCII, texte)[0]
        self.montants = frozenset(
            Decimal(_ESPACES.sub("", m[1]) + (m[2] or "").replace(",", "."))
            for m in _cherche(_NOMBRE_CITE, texte, debuts_ascii, ".,")
        )
        self.en_chiffres = frozenset(_jours_en_chiffres(texte, debuts))
        self.cle = lettres_et_chiffres(texte)  # (not piece_key: no letter in its cache)
        self._texte, self._debuts = texte, debuts
        self._en_lettres: frozenset[date] | None = None

    @classmethod
    def de(cls, texte: str) -> Citations:
        return cls(texte)

    @property
    def jours(self) -> frozenset[date]:
        """Every existing day the text writes, in figures or the French long way."""
        return self.en_chiffres | self._jours_en_lettres()

    def cite_montant(self, montant: Decimal) -> bool:
        return montant in self.montants

    def cite_jour(self, jour: date) -> bool:
        return jour in self.en_chiffres or jour in self._jours_en_lettres()

    def cite_numero(self, numero: str) -> bool:
        return bool(piece_key(numero)) and piece_key(numero) in self.cle

    def _jours_en_lettres(self) -> frozenset[date]:
        if self._en_lettres is None:
            self._en_lettres = frozenset(_jours_en_lettres(self._texte, self._debuts))
        return self._en_lettres


def _jours_en_chiffres(texte: str, debuts: list[int]) -> list[date]:
    """Every existing day written in figures in the text (its digit runs start at ``debuts``)."""
    trouves = []
    for m in _cherche(_JOUR_CITE, texte, debuts):
        jour, mois, an = (m[1], m[2], m[3]) if m[1] else (m[6], m[5], m[4])
        trouves.append((int(an), int(mois), int(jour)))
    return _existants(trouves)


def _jours_en_lettres(texte: str, debuts: list[int]) -> list[date]:
    """Every existing day written the French long way (« 1er mars 2026 », « 15 août 2026 »)."""
    sans_accent, debuts_sans_accent = _sans_accent(texte, debuts)
    return _existants(
        (int(m[3]), _MOIS_SANS_ACCENT.index(m[2]) + 1, int(m[1]))
        for m in _cherche(_JOUR_LONG, sans_accent, debuts_sans_accent)
    )


def _existants(trouves: Iterable[tuple[int, int, int]]) -> list[date]:
    """The (year, month, day) that are days: « 31/02/2026 » is no day, so not cited."""
    jours = []
    for an, mois, jour in trouves:
        try:
            jours.append(date(an, mois, jour))
        except ValueError:
            continue
    return jours


def _sans_accent(texte: str, debuts: list[int]) -> tuple[str, list[int]]:
    """The text in lower case without accents, and where its digit runs start. An ASCII text
    only needs lowering, which moves no digit."""
    if texte.isascii():
        return texte.lower(), debuts
    sans_accent = unicodedata.normalize("NFKD", texte.lower()).encode("ascii", "ignore").decode()
    return sans_accent, _suites(_PAS_CHIFFRES, sans_accent)[0]


def _suites(pas_chiffres: re.Pattern[str], texte: str) -> tuple[list[int], str]:
    """Where each run of digits starts in the text (the gaps between the runs of
    ``pas_chiffres``), and those digits end to end."""
    morceaux = pas_chiffres.split(texte)  # digits, non-digits, digits… (digits maybe "")
    debuts, position = [], 0
    # one more run of digits than of non-digits: the last one, after the loop
    for chiffres, autres in zip(morceaux[::2], morceaux[1::2], strict=False):
        if chiffres:
            debuts.append(position)
        position += len(chiffres) + len(autres)
    if morceaux[-1]:
        debuts.append(position)
    return debuts, "".join(morceaux[::2])


def _cherche(
    motif: re.Pattern[str], texte: str, debuts: list[int], pas_apres: str = ""
) -> Iterator[re.Match[str]]:
    """``motif.finditer(texte)`` as if it began with « no digit (nor a character of ``pas_apres``)
    just before »: tried only where a run of digits starts (``debuts``). A look-behind in the
    pattern itself is tested at every character of the letter, four times slower."""
    fin = 0
    for debut in debuts:
        if debut < fin or (debut and texte[debut - 1] in pas_apres):
            continue  # inside a number already cited, or its decimals (« ,56 »)
        trouve = motif.match(texte, debut)
        if trouve:
            fin = trouve.end()
            yield trouve
