"""The check of a supplier's bank details before a transfer: the IBAN printed on the invoice
is the one of the supplier file, its length, format and check digits are right for its
country (ISO 13616: the country's BBAN pattern, ISO 7064 mod 97-10), and the BIC is well
formed and of the IBAN's country (ISO 9362: its letters 5 and 6, a country of ISO 3166).

schwifty is the reference: ``iban_valide`` says what ``schwifty.IBAN(iban)`` accepts, and
``pays_bic`` what ``schwifty.BIC(bic).country_code`` gives, for any text (fuzz-compared on
over half a million valid and mutated codes of every country of its registry, no
difference). They apply schwifty's rules to schwifty's own data, read once at import: its
per-country IBAN registry (length, BBAN pattern), the ISO 3166 list its BICs are looked up
in (pycountry, its dependency), its reading of a code (``clean``: blanks dropped, capitals).
Building schwifty's objects costs 8 µs an IBAN and 2.5 µs a BIC, at every grade for each
invoice, and no memo can help: each student's variant has its own suppliers' bank details.
"""

from __future__ import annotations

import re
from itertools import product
from string import ascii_uppercase
from typing import NamedTuple

import pycountry
from schwifty import registry
from schwifty.common import clean
from schwifty.exceptions import InvalidCountryCode

# Why bank details are refused, in the order they are checked (the contract's codes).
IBAN_MODIFIE = "iban_modifie"
CLE_IBAN = "cle_iban"
BIC_PAYS = "bic_pays"
MOTIFS = {
    IBAN_MODIFIE: "l'IBAN de la facture n'est pas celui du fichier fournisseurs",
    CLE_IBAN: "la clé de contrôle de l'IBAN est fausse",
    BIC_PAYS: "le BIC n'est pas du même pays que l'IBAN",
}


class _FormatIban(NamedTuple):
    longueur: int  # of the whole IBAN
    bban: re.Pattern[str]  # what follows the check digits
    pays: str  # the country's two letters in ISO 7064's digits (« FR »: « 1527 »)


# The digits of ISO 7064's numbering: a letter is its rank from A = 10 to Z = 35.
_CHIFFRES = str.maketrans({lettre: str(10 + i) for i, lettre in enumerate(ascii_uppercase)})


def _formats_iban() -> dict[str, _FormatIban]:
    """The format of each country of schwifty's registry (asked of every two-letter code: an
    IBAN's country is two capital letters)."""
    formats = {}
    for pays in map("".join, product(ascii_uppercase, repeat=2)):
        try:
            spec = registry.get_iban_spec(pays)
        except InvalidCountryCode:
            continue
        formats[pays] = _FormatIban(spec.iban_length, spec.regex, pays.translate(_CHIFFRES))
    return formats


_FORMATS_IBAN = _formats_iban()
# The check digits ISO 7064 mod 97-10 gives each remainder modulo 97 of the IBAN's number
# (the BBAN, then the country, then 00): 98 minus the remainder, always 02 to 98.
_CLES = tuple(f"{98 - reste:02d}" for reste in range(97))
# ISO 9362 as schwifty checks it (numbers allowed in the business prefix), and the countries
# of ISO 3166 it looks letters 5 and 6 up in.
_BIC = re.compile(r"[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?")
_PAYS_ISO = frozenset(pays.alpha_2 for pays in pycountry.countries)


def iban_valide(iban: str) -> bool:
    """The IBAN's length, format and check digits are right for its country, read as schwifty
    reads it (blanks dropped, in capitals)."""
    return _iban_compact_valide(clean(iban))


def pays_bic(bic: str) -> str | None:
    """The country of a well-formed BIC (its letters 5 and 6), None when it is not one; read as
    schwifty reads it (blanks dropped, in capitals)."""
    return _pays_bic_compact(clean(bic))


def _iban_compact_valide(compact: str) -> bool:
    """``iban_valide`` of an IBAN without blanks nor small letters. Its check digits must be
    those ISO 7064 computes (00, 01 and 99, which pass the bare « modulo 97 = 1 », never are)."""
    forme = _FORMATS_IBAN.get(compact[:2])
    if forme is None or len(compact) != forme.longueur:
        return False
    bban = compact[4:]
    # Capitals and digits only, in the country's pattern.
    if not (bban.isascii() and bban.isalnum() and forme.bban.match(bban)):
        return False
    chiffres = bban if bban.isdigit() else bban.translate(_CHIFFRES)
    return compact[2:4] == _CLES[int(chiffres + forme.pays) * 100 % 97]


def _pays_bic_compact(compact: str) -> str | None:
    """``pays_bic`` of a BIC without blanks nor small letters."""
    pays = compact[4:6]
    return pays if _BIC.fullmatch(compact) and pays in _PAYS_ISO else None


def motifs_refus(iban_fichier: str, bic_fichier: str, iban: str, bic: str) -> tuple[str, ...]:
    """Every reason to refuse these bank details (empty: the transfer may go). The codes are
    written as the params' reader lets them through (``params.FORMES``: capitals and digits,
    no blank), which schwifty reads as they are: nothing to clean."""
    motifs = []
    if iban != iban_fichier or bic != bic_fichier:
        motifs.append(IBAN_MODIFIE)
    if not _iban_compact_valide(iban):
        motifs.append(CLE_IBAN)
    if _pays_bic_compact(bic) != iban[:2]:
        motifs.append(BIC_PAYS)
    return tuple(motifs)
