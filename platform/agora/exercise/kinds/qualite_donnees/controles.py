"""The checks of a customer, prospect or supplier file, and the rule that turns a row's problems
into its decision: what ``solve`` applies, and what ``grade`` applies to the student's own
diagnosis to credit a decision carried forward from it."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal
from functools import cache, partial
from itertools import compress, count, repeat
from typing import Any, NamedTuple

from schwifty import IBAN
from schwifty.exceptions import SchwiftyException
from stdnum.fr import siret as siret_fr
from stdnum.fr import tva as tva_fr

from agora.content.secteurs import load_communes
from agora.exercise.kinds.qualite_donnees.params import Fichier, Ligne
from agora.exercise.kinds.qualite_donnees.regles import load_regles

# The problem codes, in the order a row's problems are listed (the decision follows the first).
PROBLEMES = {
    "aucun": "Aucun problème",
    "conservation_depassee": "Durée de conservation dépassée",
    "doublon": "Doublon : la même personne ou entreprise deux fois",
    "siret_invalide": "SIRET faux (clé de contrôle)",
    "tva_invalide": "Numéro de TVA intracommunautaire faux",
    "iban_invalide": "IBAN faux (clé de contrôle)",
    "cp_ville": "Le code postal ne correspond pas à la ville",
    "donnee_sensible": "Donnée interdite dans le commentaire",
}
ORDRE = tuple(PROBLEMES)
_PROBLEMES_REELS = ORDRE[1:]  # every problem but « aucun »
CLES = ("siret_invalide", "tva_invalide", "iban_invalide")
ACTIONS = {
    "conserver": "Conserver la fiche telle quelle",
    "corriger": "Corriger la fiche",
    "fusionner": "Fusionner avec une autre ligne",
    "archiver": "Archiver",
    "supprimer": "Supprimer",
    "anonymiser": "Anonymiser",
}
# At the end of a retention period the law accepts deletion or anonymisation alike.
ACCEPTEES = {"supprimer": frozenset({"supprimer", "anonymiser"})}
# Words that name a legal form, not the business: « SARL Dupont » is « Dupont SARL ».
_FORMES = frozenset({b"sarl", b"sas", b"sasu", b"eurl", b"sa", b"sci", b"snc", b"ei", b"scop"})
# A name's ASCII bytes with capitals lowered and every byte but a letter or digit a space: its
# words are then what bytes.split finds, all in C.
_MOTS = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256)
)


class Attendu(NamedTuple):
    """What a row calls for: its problems (in ``ORDRE``), the decision, the row to merge into."""

    problemes: tuple[str, ...]
    action: str
    fusion: int | None  # the number (from 1) of the row it duplicates


# A file's numbers are checked at every grade (its params come fresh from the database): those
# written as generate writes them are checked here, in a few operations, with the very tests of
# python-stdnum and schwifty (some 20 to 50 µs a number there); any other writing goes to them.
_FR_NUMERIQUE = re.compile(r"FR\d+", re.ASCII)
# Each ASCII digit d as the sum of the digits of 2 × d, for Luhn: every second digit from the
# right doubled, the digits summed (stdnum.luhn). The digits are summed as their ASCII codes,
# each 48 more than its value: the sum of n of them is right when it is 48 × n mod 10.
_DOUBLE = bytes.maketrans(b"0123456789", bytes((0, 2, 4, 6, 8, 1, 3, 5, 7, 9)))


def siret_ok(numero: str) -> bool:
    """stdnum's SIRET check: Luhn on the 14 digits and on the SIREN (La Poste's own rule
    left to stdnum)."""
    if numero.isascii() and numero.isdigit():
        if len(numero) != 14:
            return False  # stdnum's length check: a digit dropped (level 2's wrong SIRET)
        if numero[:9] != "356000000":
            # The 14 digits double their even places (from 0), the SIREN (the first nine) its
            # odd ones: one encoding, one translation for both.
            octets = numero.encode()
            doubles = octets.translate(_DOUBLE)
            return (sum(octets[1::2]) + sum(doubles[0::2])) % 10 == 48 * 7 % 10 and (
                sum(octets[0:9:2]) + sum(doubles[1:9:2])
            ) % 10 == 48 * 5 % 10
    return siret_fr.is_valid(numero)


def tva_ok(numero: str) -> bool:
    """stdnum's French VAT number check: FR, a numeric key, then a SIREN (Monaco's numbers,
    whose SIREN starts with 000, and the keys with letters left to stdnum)."""
    if _FR_NUMERIQUE.fullmatch(numero):
        if len(numero) != 13:
            return False  # stdnum's length check: a digit dropped (level 2's wrong number)
        if numero[4:7] != "000":
            octets = numero.encode()  # Luhn on the SIREN, from place 4: its odd places doubled
            luhn = (sum(octets[4::2]) + sum(octets[5::2].translate(_DOUBLE))) % 10 == 48 * 5 % 10
            return luhn and int(numero[2:4]) == int(numero[4:] + "12") % 97
    return tva_fr.is_valid(numero)


def iban_ok(numero: str) -> bool:
    """ISO 13616 check digits and, for a French IBAN, the RIB key of its BBAN (schwifty's
    checks: a French IBAN of digits only is 27 characters, its check digits those ISO 7064
    computes, its RIB key 97 − (89 × bank + 15 × branch + 3 × account) mod 97)."""
    if _FR_NUMERIQUE.fullmatch(numero):
        # The RIB key k is right when the 23 digits of the BBAN are 0 mod 97 and 1 <= k <= 97
        # (89, 15 and 3 are 10^18, 10^13 and 10^2 mod 97); the ISO check digits of such a BBAN
        # are then 98 − (BBAN × 10^6 + « FR00 » as 152700) mod 97 = 98 − 22: always 76.
        bban = numero[4:]
        return (
            len(numero) == 27
            and numero[2:4] == "76"
            and 0 < int(bban[21:]) <= 97
            and int(bban) % 97 == 0
        )
    try:
        IBAN(numero, validate_bban=True)
    except (SchwiftyException, ValueError):
        return False
    return True


@cache
def codes_postaux() -> dict[str, frozenset[str]]:
    """Each town of scenarios/communes.yaml with its postcodes (Paris has several)."""
    table: dict[str, set[str]] = {}
    for commune in load_communes():
        table.setdefault(commune.ville, set()).add(commune.code_postal)
    return {ville: frozenset(codes) for ville, codes in table.items()}


def plus_annees(jour: date, annees: int) -> date:
    """The same day ``annees`` later (a 29 February becomes the 28th)."""
    try:
        return jour.replace(year=jour.year + annees)
    except ValueError:
        return jour.replace(year=jour.year + annees, day=28)


def depassee(jour: date, controle: date, annees: int) -> bool:
    """More than ``annees`` years have passed since ``jour`` on the day of the check."""
    return controle > plus_annees(jour, annees)


def limite(controle: date, annees: int) -> date:
    """The first day of last activity not past ``annees`` years on ``controle``: depassee(jour,
    controle, annees) is jour < limite(controle, annees) while jour's year + annees is a year."""
    try:  # a date is past when (year + annees, month, day) comes before the check's
        return date(controle.year - annees, controle.month, controle.day)
    except ValueError:
        if controle.year - annees < 1:
            return date.min  # none is past
        return date(controle.year - annees, 3, 1)  # 29 February: the 28th is past, not the 1st


def encours_retenu(f: Fichier, ligne: Ligne) -> bool:
    """Old enough to archive, but an open invoice keeps it (the level-3 trap)."""
    annees = load_regles().duree(f.fichier).annees
    return ligne.encours > 0 and depassee(ligne.derniere_activite, f.date_controle, annees)


def cle_nom(nom: str) -> frozenset[bytes]:
    """A name's words, without case, accents, punctuation, order or legal form."""
    if nom.isascii():  # nothing to decompose (NFKD leaves ASCII as it is)
        octets = nom.encode()
    else:
        octets = unicodedata.normalize("NFKD", nom).encode("ascii", "ignore")
    return frozenset(octets.translate(_MOTS).split()).difference(_FORMES)


def marques(ligne: Ligne) -> tuple[tuple[str, Any], ...]:
    """What tells a tiers: its SIRET, its e-mail, its name's words at its postcode. Two rows
    sharing any one of them are the same tiers."""
    email = ("email", ligne.email.strip().lower())
    nom = ("nom", (cle_nom(ligne.nom), ligne.code_postal.strip()))
    if ligne.siret:
        return email, ("siret", "".join(ligne.siret.split())), nom
    return email, nom


def meme_tiers(a: Ligne, b: Ligne) -> bool:
    """Same SIRET, same e-mail, or same name words at the same postcode."""
    return bool(set(marques(a)) & set(marques(b)))


class Controle:
    """The checks of one file's rows, read in order, with what they share worked out once per
    file: the day a record's retention period ends, the towns' postcodes, the marks of the
    rows already seen."""

    def __init__(self, f: Fichier):
        self.f = f
        self.annees = load_regles().duree(f.fichier).annees
        self.limite = limite(f.date_controle, self.annees)
        # From this day on, adding the period leaves the calendar: depassee raises, as it did.
        self.hors_calendrier = date(10_000 - self.annees, 1, 1)
        self.codes = codes_postaux()
        # Each mark with the first row that showed it: one look-up per mark gives that row, or
        # records this one (a row's marks are of different kinds: none finds the row itself).
        self.premiere: dict[tuple[str, Any], int] = {}

    def attendu(self, ligne: Ligne, j: int) -> Attendu:
        """What row ``j`` calls for, the rows before it checked (the file is read in order):
        its problems in ``ORDRE``, its decision, the row it duplicates."""
        _, _, _, cp, ville, _, siret, tva, iban, jour, encours, _, sensible = ligne
        # The first row of each mark is this one or an earlier: the least is j when none came
        # before.
        origine = min(map(self.premiere.setdefault, marques(ligne), repeat(j)))
        # One flag per problem of ORDRE after « aucun », kept in C (no dict nor loop per row).
        trouves = (
            encours == _ZERO and self.expiree(jour),  # conservation_depassee
            origine != j,  # doublon
            siret is not None and not siret_ok(siret),
            tva is not None and not tva_ok(tva),
            iban is not None and not iban_ok(iban),
            cp.strip() not in self.codes.get(ville.strip(), ()),
            sensible,  # donnee_sensible
        )
        if not any(trouves):
            return _PROPRE
        problemes = tuple(compress(_PROBLEMES_REELS, trouves))
        fusion = None if origine == j else origine + 1
        return _ATTENDU((problemes, action_pour(self.f, ligne, problemes), fusion))

    def expiree(self, jour: date) -> bool:
        """A last activity past the file's retention period (an invoice still open keeps the
        relationship going: the caller asks only without one)."""
        if jour >= self.hors_calendrier:
            return depassee(jour, self.f.date_controle, self.annees)
        return jour < self.limite


# What a row without a problem calls for, and an Attendu from its values in order (without
# the named tuple's __new__, a Python function).
_PROPRE = Attendu((), "conserver", None)
_ZERO = Decimal(0)  # no invoice open (a Decimal compares faster with a Decimal)
_ATTENDU = partial(tuple.__new__, Attendu)


def action_pour(f: Fichier, ligne: Ligne, problemes: tuple[str, ...] | frozenset[str]) -> str:
    """The decision the rules give for these problems: retention first, then the duplicate,
    then the corrections; nothing to do without a problem."""
    if "conservation_depassee" in problemes:
        pieces = load_regles().conservation.pieces_comptables.annees
        if f.fichier == "prospects" or depassee(ligne.derniere_activite, f.date_controle, pieces):
            return "supprimer"  # nothing to keep: no invoice, or past the ten years
        return "archiver"  # the invoices are kept ten years (Code de commerce, L123-22)
    if "doublon" in problemes:
        return "fusionner"
    return "corriger" if problemes else "conserver"


def attendus(f: Fichier) -> list[Attendu]:
    """What each row of the file calls for."""
    return list(map(Controle(f).attendu, f.lignes, count()))


def droits_attendus(f: Fichier) -> dict[str, dict[str, str]]:
    """The access matrix the tasks call for: role → category → right."""
    return {role.code: dict(role.droits) for role in f.roles}
