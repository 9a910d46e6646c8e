"""The checks of a customer, prospect or supplier file, and the rule that turns a row's problems
into its decision: what ``solve`` applies, and what ``grade`` applies to the student's own
diagnosis to credit a decision carried forward from it."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from functools import cache, partial
from itertools import compress, count, repeat
from operator import and_, contains, eq, gt, ne, not_
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
# words are then what bytes.split finds, all in C. A line break is kept: it parts the names of
# a column read as one text (and bytes.split parts words at it as at a space).
_MOTS = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 or c == 10 else 32
    for c in range(256)
)


class Attendu(NamedTuple):
    """What a row calls for: its problems (in ``ORDRE``), the decision, the row to merge into."""

    problemes: tuple[str, ...]
    action: str
    fusion: int | None  # the number (from 1) of the row it duplicates


# A file's numbers are checked at every grade (its params come fresh from the database): those
# written as generate writes them are checked here, in a few operations, with the very tests of
# python-stdnum and schwifty (some 20 to 50 µs a number there); any other writing goes to them.
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
    if numero.startswith("FR") and numero[2:].isdigit() and numero.isascii():  # FR, digits
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
    if numero.startswith("FR") and numero[2:].isdigit() and numero.isascii():  # FR, digits
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


def cles_noms(noms: tuple[str, ...]) -> Iterator[frozenset[bytes]]:
    """Each name's words, without case, accents, punctuation, order or legal form: the names
    encoded and translated as one text, a name a line."""
    texte = "\n".join(noms)
    if texte.isascii():  # nothing to decompose (NFKD leaves ASCII as it is)
        octets = texte.encode()
    else:  # NFKD returns an ASCII name at once, and decomposes the others
        texte = "\n".join(map(unicodedata.normalize, repeat("NFKD"), noms))
        octets = texte.encode("ascii", "ignore")
    lignes = octets.translate(_MOTS).split(b"\n")
    if len(lignes) != len(noms):  # a name of several lines: each name alone
        decomposes = map(unicodedata.normalize, repeat("NFKD"), noms)
        lignes = [nom.encode("ascii", "ignore").translate(_MOTS) for nom in decomposes]
    return map(frozenset.difference, map(frozenset, map(bytes.split, lignes)), repeat(_FORMES))


def cle_nom(nom: str) -> frozenset[bytes]:
    """A name's words, without case, accents, punctuation, order or legal form."""
    return next(cles_noms((nom,)))


def marques(ligne: Ligne) -> tuple[tuple[str, Any], ...]:
    """What tells a tiers: its SIRET, its e-mail, its name's words at its postcode. Two rows
    sharing any one of them are the same tiers."""
    email = ("email", ligne.email.strip().lower())
    nom = ("nom", (cle_nom(ligne.nom), ligne.code_postal.strip()))
    if ligne.siret:
        return email, ("siret", "".join(ligne.siret.split())), nom
    return email, nom


def _origines(
    noms: tuple[str, ...],
    cps: tuple[str, ...],
    emails: tuple[str, ...],
    sirets: tuple[str | None, ...],
) -> list[int]:
    """The first row of each row's tiers: the first that showed one of its ``marques`` (the
    row itself when none came before). Each kind of mark has its dict, in which one look-up
    per row gives the first row that showed it, or records this one."""
    par_email = map({}.setdefault, map(str.lower, map(str.strip, emails)), count())
    par_nom = map({}.setdefault, zip(cles_noms(noms), map(str.strip, cps), strict=True), count())
    vus: dict[str, int] = {}
    par_siret = [
        j if not s else vus.setdefault("".join(s.split()), j) for j, s in enumerate(sirets)
    ]
    return list(map(min, par_email, par_nom, par_siret))


def _fausses(ok: Callable[[str], bool], numeros: tuple[str | None, ...]) -> list[bool]:
    """Which numbers of a column fail their check (an absent number fails none)."""
    return [numero is not None and not ok(numero) for numero in numeros]


def _expirees(
    f: Fichier, jours: tuple[date, ...], encours: tuple[Decimal, ...]
) -> Iterator[bool] | list[bool]:
    """Which records are past the file's retention period (an invoice still open keeps the
    relationship going)."""
    annees = load_regles().duree(f.fichier).annees
    premier = limite(f.date_controle, annees)
    sans_facture = map(eq, encours, repeat(_ZERO))
    # From this day on, adding the period leaves the calendar: depassee raises, as it did.
    hors_calendrier = date(10_000 - annees, 1, 1)
    if max(jours) < hors_calendrier:
        return map(and_, sans_facture, map(gt, repeat(premier), jours))
    controle = f.date_controle
    return [
        sans and (depassee(jour, controle, annees) if jour >= hors_calendrier else jour < premier)
        for sans, jour in zip(sans_facture, jours, strict=True)
    ]


def attendus(f: Fichier) -> list[Attendu]:
    """What each row of the file calls for: its problems in ``ORDRE``, its decision, the row
    it duplicates. A file comes fresh from the database at every grade: each check runs over
    a column of the file in C; a row is looked at alone only when it has a problem."""
    _, noms, _, cps, villes, emails, sirets, tvas, ibans, jours, encours, _, sensibles = f.colonnes
    origines = _origines(noms, cps, emails, sirets)
    codes = codes_postaux()
    villes_cps = map(codes.get, map(str.strip, villes), repeat(()))
    trouves = zip(  # one flag per problem of ORDRE after « aucun »
        _expirees(f, jours, encours),  # conservation_depassee
        map(ne, origines, count()),  # doublon
        _fausses(siret_ok, sirets),
        _fausses(tva_ok, tvas),
        _fausses(iban_ok, ibans),
        map(not_, map(contains, villes_cps, map(str.strip, cps))),  # cp_ville
        sensibles,  # donnee_sensible
        strict=True,
    )
    problemes = list(map(tuple, map(compress, repeat(_PROBLEMES_REELS), trouves)))
    resultat = [_PROPRE] * len(problemes)
    for j in compress(count(), problemes):  # the rows with a problem
        origine = origines[j]
        fusion = None if origine == j else origine + 1
        resultat[j] = _ATTENDU((problemes[j], action_pour(f, jours[j], problemes[j]), fusion))
    return resultat


# What a row without a problem calls for, and an Attendu from its values in order (without
# the named tuple's __new__, a Python function).
_PROPRE = Attendu((), "conserver", None)
_ZERO = Decimal(0)  # no invoice open (a Decimal compares faster with a Decimal)
_ATTENDU = partial(tuple.__new__, Attendu)


def action_pour(f: Fichier, activite: date, problemes: tuple[str, ...] | frozenset[str]) -> str:
    """The decision the rules give for these problems of a row last active on ``activite``:
    retention first, then the duplicate, then the corrections; nothing to do without one."""
    if "conservation_depassee" in problemes:
        pieces = load_regles().conservation.pieces_comptables.annees
        if f.fichier == "prospects" or depassee(activite, f.date_controle, pieces):
            return "supprimer"  # nothing to keep: no invoice, or past the ten years
        return "archiver"  # the invoices are kept ten years (Code de commerce, L123-22)
    if "doublon" in problemes:
        return "fusionner"
    return "corriger" if problemes else "conserver"


def droits_attendus(f: Fichier) -> dict[str, dict[str, str]]:
    """The access matrix the tasks call for: role → category → right."""
    return {role.code: dict(role.droits) for role in f.roles}
