"""French identifiers with valid check digits: SIREN, SIRET, intra-community VAT, RIB/IBAN, BIC.

The check digits are computed here (Luhn from python-stdnum, the VAT key and the RIB key by
their published formulas) so that generating stays fast and deterministic; the tests validate
every generated number with independent validators (python-stdnum, schwifty).
"""

from __future__ import annotations

import random

from stdnum import luhn

# Real French banks: (name, bank code of the RIB, BIC of the head office).
BANQUES: tuple[tuple[str, str, str], ...] = (
    ("BNP Paribas", "30004", "BNPAFRPPXXX"),
    ("Société Générale", "30003", "SOGEFRPPXXX"),
    ("LCL - Le Crédit Lyonnais", "30002", "CRLYFRPPXXX"),
    ("La Banque Postale", "20041", "PSSTFRPPXXX"),
    ("CIC", "30066", "CMCIFRPPXXX"),
    ("Crédit Mutuel", "10278", "CMCIFR2AXXX"),
    ("Crédit Agricole d'Île-de-France", "18206", "AGRIFRPP882"),
    ("Caisse d'Épargne Île-de-France", "17515", "CEPAFRPP751"),
    ("BRED Banque Populaire", "10107", "BREDFRPPXXX"),
    ("Crédit Coopératif", "42559", "CCOPFRPPXXX"),
)

# La Poste's SIREN follows another checksum rule: never generate it.
_SIREN_LA_POSTE = "356000000"


def siren(rng: random.Random, prefixes: list[str]) -> str:
    """A 9-digit SIREN starting with one of ``prefixes``, Luhn check digit last."""
    while True:
        head = rng.choice(prefixes)
        body = head + "".join(str(rng.randrange(10)) for _ in range(8 - len(head)))
        number = body + luhn.calc_check_digit(body)
        if number != _SIREN_LA_POSTE:
            return number


def siret(siren_number: str, etablissement: int = 1) -> str:
    """The SIRET of an establishment: SIREN + 4-digit order number + Luhn check digit."""
    body = f"{siren_number}{etablissement:04d}"
    return body + luhn.calc_check_digit(body)


def tva_intracom(siren_number: str) -> str:
    """The French VAT number: FR + key (12 + 3 × (SIREN mod 97)) mod 97 + SIREN."""
    key = (12 + 3 * (int(siren_number) % 97)) % 97
    return f"FR{key:02d}{siren_number}"


def cle_rib(code_banque: str, code_guichet: str, numero_compte: str) -> str:
    """The 2-digit RIB key: 97 − ((89 × bank + 15 × branch + 3 × account) mod 97)."""
    total = 89 * int(code_banque) + 15 * int(code_guichet) + 3 * int(numero_compte)
    return f"{97 - total % 97:02d}"


def iban_fr(code_banque: str, code_guichet: str, numero_compte: str) -> str:
    """A French IBAN (compact): FR + ISO 7064 check digits + the 23-character RIB."""
    bban = (
        code_banque
        + code_guichet
        + numero_compte
        + cle_rib(code_banque, code_guichet, numero_compte)
    )
    # ISO 13616: move "FR00" to the end, letters as numbers (F = 15, R = 27), mod 97.
    check = 98 - int(bban + "152700") % 97
    return f"FR{check:02d}{bban}"


def compte_bancaire(rng: random.Random) -> tuple[str, str, str]:
    """(bank name, IBAN, BIC) of an account at a real bank, with made-up branch and number."""
    nom, code_banque, bic = rng.choice(BANQUES)
    guichet = f"{rng.randrange(100000):05d}"
    compte = f"{rng.randrange(10**11):011d}"
    return nom, iban_fr(code_banque, guichet, compte), bic


def format_iban(iban: str) -> str:
    """The IBAN as printed on a RIB: groups of four characters."""
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
