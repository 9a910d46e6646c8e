"""The checks of a customer, prospect or supplier file, and the rule that turns a row's problems
into its decision: what ``solve`` applies, and what ``grade`` applies to the student's own
diagnosis to credit a decision carried forward from it."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import cache
from itertools import compress
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
_FORMES = frozenset({"sarl", "sas", "sasu", "eurl", "sa", "sci", "snc", "ei", "scop"})
_MOTS = re.compile(r"[a-z0-9]+", re.ASCII)


class Attendu(NamedTuple):
    """What a row calls for: its problems (in ``ORDRE``), the decision, the row to merge into."""

    problemes: tuple[str, ...]
    action: str
    fusion: int | None  # the number (from 1) of the row it duplicates


# A file's numbers are checked at every grade (its params come fresh from the database): those
# written as generate writes them are checked here, in a few operations, with the very tests of
# python-stdnum and schwifty (some 20 to 50 µs a number there); any other writing goes to them.
_FR_NUMERIQUE = re.compile(r"FR\d+", re.ASCII)
# Each digit d as the sum of the digits of 2 × d, for Luhn.
_DOUBLE = str.maketrans("0123456789", "0246813579")


def luhn_ok(chiffres: str) -> bool:
    """The Luhn check of a string of ASCII digits (stdnum.luhn.is_valid): every second digit
    from the right doubled, the digits summed as their ASCII codes (each 48 more) in C."""
    tous = (chiffres[-1::-2] + chiffres[-2::-2].translate(_DOUBLE)).encode()
    return (sum(tous) - 48 * len(tous)) % 10 == 0


def siret_ok(numero: str) -> bool:
    """stdnum's SIRET check: Luhn on the 14 digits and on the SIREN (La Poste's own rule
    left to stdnum)."""
    if len(numero) == 14 and numero.isascii() and numero.isdigit() and numero[:9] != "356000000":
        return luhn_ok(numero) and luhn_ok(numero[:9])
    return siret_fr.is_valid(numero)


def tva_ok(numero: str) -> bool:
    """stdnum's French VAT number check: FR, a numeric key, then a SIREN (Monaco's numbers,
    whose SIREN starts with 000, and the keys with letters left to stdnum)."""
    if len(numero) == 13 and _FR_NUMERIQUE.fullmatch(numero) and numero[4:7] != "000":
        siren = numero[4:]
        return luhn_ok(siren) and int(numero[2:4]) == int(siren + "12") % 97
    return tva_fr.is_valid(numero)


def iban_ok(numero: str) -> bool:
    """ISO 13616 check digits and, for a French IBAN, the RIB key of its BBAN (schwifty's
    checks: a French IBAN of digits only is 27 characters, its check digits those ISO 7064
    computes, its RIB key 97 − (89 × bank + 15 × branch + 3 × account) mod 97)."""
    if _FR_NUMERIQUE.fullmatch(numero):
        if len(numero) != 27:
            return False
        bban = numero[4:]
        iso = 98 - int(bban + "152700") % 97  # « FR » as digits, then the two check digits
        rib = 97 - (89 * int(bban[:5]) + 15 * int(bban[5:10]) + 3 * int(bban[10:21])) % 97
        return int(numero[2:4]) == iso and int(bban[21:]) == rib
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


def cp_ok(code_postal: str, ville: str) -> bool:
    return code_postal.strip() in codes_postaux().get(ville.strip(), frozenset())


def plus_annees(jour: date, annees: int) -> date:
    """The same day ``annees`` later (a 29 February becomes the 28th)."""
    try:
        return jour.replace(year=jour.year + annees)
    except ValueError:
        return jour.replace(year=jour.year + annees, day=28)


def depassee(jour: date, controle: date, annees: int) -> bool:
    """More than ``annees`` years have passed since ``jour`` on the day of the check."""
    return controle > plus_annees(jour, annees)


def expiree(f: Fichier, ligne: Ligne) -> bool:
    """Past the file's retention period, and no invoice still open (the relationship goes on)."""
    annees = load_regles().duree(f.fichier).annees
    return ligne.encours == 0 and depassee(ligne.derniere_activite, f.date_controle, annees)


def encours_retenu(f: Fichier, ligne: Ligne) -> bool:
    """Old enough to archive, but an open invoice keeps it (the level-3 trap)."""
    annees = load_regles().duree(f.fichier).annees
    return ligne.encours > 0 and depassee(ligne.derniere_activite, f.date_controle, annees)


def cle_nom(nom: str) -> frozenset[str]:
    """A name's words, without case, accents, punctuation, order or legal form."""
    if nom.isascii():  # nothing to decompose (NFKD leaves ASCII as it is)
        texte = nom.lower()
    else:
        texte = unicodedata.normalize("NFKD", nom).encode("ascii", "ignore").decode().lower()
    return frozenset(_MOTS.findall(texte)).difference(_FORMES)


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


def originaux(f: Fichier) -> list[int | None]:
    """For each row, the index of the first earlier row of the same tiers (None: none)."""
    premiere: dict[tuple[str, Any], int] = {}
    result: list[int | None] = []
    for j, ligne in enumerate(f.lignes):
        # One look-up per mark: it gives the first row that showed it, or records this one (a
        # row's marks are of different kinds, so none of them finds the row itself).
        vues = [k for m in marques(ligne) if (k := premiere.setdefault(m, j)) != j]
        result.append(min(vues) if vues else None)
    return result


def problemes_de(f: Fichier, ligne: Ligne, doublon: bool) -> tuple[str, ...]:
    """The problems of one row, in ``ORDRE``."""
    # One flag per problem of ORDRE after « aucun », kept in C (no dict nor loop per row).
    trouves = (
        expiree(f, ligne),  # conservation_depassee
        doublon,
        ligne.siret is not None and not siret_ok(ligne.siret),
        ligne.tva is not None and not tva_ok(ligne.tva),
        ligne.iban is not None and not iban_ok(ligne.iban),
        not cp_ok(ligne.code_postal, ligne.ville),
        ligne.sensible,  # donnee_sensible
    )
    return tuple(compress(_PROBLEMES_REELS, trouves))


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
    result = []
    for ligne, origine in zip(f.lignes, originaux(f), strict=True):
        problemes = problemes_de(f, ligne, origine is not None)
        fusion = origine + 1 if "doublon" in problemes and origine is not None else None
        result.append(Attendu(problemes, action_pour(f, ligne, problemes), fusion))
    return result


def droits_attendus(f: Fichier) -> dict[str, dict[str, str]]:
    """The access matrix the tasks call for: role → category → right."""
    return {role.code: dict(role.droits) for role in f.roles}
