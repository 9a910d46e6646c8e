"""How a caller says a phone number or a reference: by pairs of digits in figures
(« 06 12 34 56 78 ») or in words (« zéro six, douze, trente-quatre… », as it is dictated in
French), and a name as an e-mail address writes it."""

from __future__ import annotations

import unicodedata

UNITES = (
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    "onze", "douze", "treize", "quatorze", "quinze", "seize",
)  # fmt: skip
DIZAINES = {
    2: "vingt",
    3: "trente",
    4: "quarante",
    5: "cinquante",
    6: "soixante",
    8: "quatre-vingt",
}


def nombre(n: int) -> str:
    """A whole number from 0 to 99 in French words (« soixante et onze », « quatre-vingt-dix »)."""
    if n <= 16:
        return UNITES[n]
    if n < 20:
        return f"dix-{UNITES[n - 10]}"
    dizaine, unite = divmod(n, 10)
    if dizaine in (7, 9):  # soixante-dix…, quatre-vingt-dix…: the base 60 or 80 plus 10 to 19
        base, reste = DIZAINES[dizaine - 1], 10 + unite
        lien = " et " if reste == 11 and dizaine == 7 else "-"
        return f"{base}{lien}{nombre(reste)}"
    mot = DIZAINES[dizaine]
    if unite == 0:
        return "quatre-vingts" if dizaine == 8 else mot
    lien = " et " if unite == 1 and dizaine != 8 else "-"
    return f"{mot}{lien}{UNITES[unite]}"


def paire(deux: str) -> str:
    """Two digits as said: « 06 » is « zéro six », « 12 » is « douze »."""
    return f"zéro {UNITES[int(deux[1])]}" if deux[0] == "0" else nombre(int(deux))


def par_paires(numero: str) -> str:
    """« 06 12 34 56 78 »."""
    return " ".join(numero[i : i + 2] for i in range(0, len(numero), 2))


def en_lettres(numero: str) -> str:
    """« zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit »."""
    return ", ".join(paire(numero[i : i + 2]) for i in range(0, len(numero), 2))


def ascii_minuscule(texte: str) -> str:
    """A name as an address writes it: lower case, no accent, no space (« Lefèvre » → lefevre)."""
    sans = unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode().lower()
    return "".join(c for c in sans if c.isalnum())
