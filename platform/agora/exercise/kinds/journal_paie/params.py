"""The params of a ``journal_paie`` variant, read and checked: the month, the organisation's
headcount, and the summary of each payslip of the month (what a ``bulletin_paie`` step provides).

A payslip whose amounts do not follow one another (net à payer ≠ brut − employee shares −
benefits in kind − tax) is refused: its entry could not balance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import chain
from operator import itemgetter
from typing import Any, NamedTuple

from agora.errors import InvalidInput
from agora.exercise import params as kit
from agora.exercise.kinds.journal_paie.regles import ORGANISMES_COTISATIONS
from agora.money import ZERO, euros

NAME = "journal_paie"
MAX_BULLETINS = 12
MAX_LIGNES = 40
MAX_AVANTAGES = 6
EFFECTIF_MAX = 100_000
# The place of each payslip, written once (a refusal names it), as many as are let in.
_BULLETINS = tuple(f"bulletins.{i}" for i in range(MAX_BULLETINS))
# An amount already written the contract's way ("1234.50") skips the lenient reader (speed).
CANONIQUE = re.compile(r"\d{1,9}\.\d{2}", re.ASCII)
# Amounts so written, each followed by a space: a payslip's shares checked at once.
CANONIQUES = re.compile(r"(?:\d{1,9}\.\d{2} )*", re.ASCII)
NUL = "0.00"
# What the summing reads of a line; a line written otherwise is read by ``_cotisation``.
_CHAMPS_LIGNE = itemgetter("organisme", "libelle", "salarial", "patronal")
# A payslip's own amounts but the advance (which may be left out), read together.
_MONTANTS_BULLETIN = itemgetter(
    "salaire_brut", "net_avant_impot", "prelevement_source", "net_a_payer"
)
# A body's (employee shares, employer shares): each of the two.
_SALARIALE, _PATRONALE = itemgetter(0), itemgetter(1)


class Cotisation(NamedTuple):  # not a frozen dataclass: built 40 times a payslip, 2x faster
    libelle: str
    organisme: str
    salarial: Decimal
    patronal: Decimal


@dataclass(frozen=True)
class Avantage:
    """A benefit in kind of the payslip: in the gross pay, never paid in money."""

    libelle: str
    montant: Decimal


class Bulletin(NamedTuple):
    """One payslip, read. A named tuple, not a frozen dataclass: every grade reads its payslips
    anew, and a named tuple is built in a third of the time."""

    salarie: str
    brut: Decimal
    # (employee shares, employer shares) by body the lines name: all grading needs of them.
    parts: dict[str, tuple[Decimal, Decimal]]
    net_avant_impot: Decimal
    pas: Decimal
    net_a_payer: Decimal
    acompte: Decimal
    avantages: tuple[Avantage, ...] = ()
    lignes: tuple[Any, ...] = ()  # the lines as the params write them, already checked

    @property
    def cotisations(self) -> tuple[Cotisation, ...]:
        """The payslip's lines, read again for its statement (grading reads only their sums)."""
        return tuple(_cotisation(raw, "", rang) for rang, raw in enumerate(self.lignes))

    @property
    def total_avantages(self) -> Decimal:
        if not self.avantages:  # most payslips: no benefit in kind, nothing to sum
            return ZERO
        return sum((a.montant for a in self.avantages), ZERO)

    # The shares summed by a map in C, not a generator resumed per body: every payslip of
    # every grade is checked against its employee total.
    @property
    def total_salarial(self) -> Decimal:
        return sum(map(_SALARIALE, self.parts.values()), ZERO)

    @property
    def total_patronal(self) -> Decimal:
        return sum(map(_PATRONALE, self.parts.values()), ZERO)


class Paie(NamedTuple):  # not a frozen dataclass: built at every grade, 3x faster
    annee: int
    mois: int
    effectif: int
    paie_dans_le_mois: bool
    date_paie: date
    bulletins: tuple[Bulletin, ...]


def _montant(raw: Any, where: str) -> Decimal:
    if type(raw) is str and CANONIQUE.fullmatch(raw):
        return Decimal(raw)
    return kit.lire_montant(raw, where)


def _montant_de(b: dict[str, Any], nom: str, where: str, defaut: str | None = None) -> Decimal:
    """The amount ``nom`` of the payslip at ``where`` (its path spelled out only when the
    amount is not written the contract's way: a grade reads five a payslip)."""
    raw = b.get(nom, defaut)
    if type(raw) is str and CANONIQUE.fullmatch(raw):
        return Decimal(raw)
    return kit.lire_montant(raw, f"{where}.{nom}")


def _texte(raw: Any, where: str) -> str:
    if not isinstance(raw, str) or not raw.strip() or len(raw) > 120:
        raise InvalidInput(f"Paramètres : {where} doit être un texte non vide.")
    return raw


def _parts(lignes: list[Any], bulletin: str) -> dict[str, tuple[Decimal, Decimal]]:
    """The lines' (employee shares, employer shares) summed by body, each line checked. A
    payslip whose every line is written the usual way is summed from its texts, no line object
    built (a grade reads some 60 lines); any other is read line by line by ``_cotisation``,
    which reads a line leniently or says what is wrong with it."""
    # The shares by body: as texts, or as Decimals when read line by line (Decimal() reads both).
    par_organisme: dict[str, tuple[list[Any], list[Any]]] | None = _parts_ecrites(lignes)
    if par_organisme is None:
        par_organisme = _parts_lues(lignes, bulletin)
    return {
        organisme: (sum(map(Decimal, salariales), ZERO), sum(map(Decimal, patronales), ZERO))
        for organisme, (salariales, patronales) in par_organisme.items()
    }


def _parts_ecrites(lignes: list[Any]) -> dict[str, tuple[list[str], list[str]]] | None:
    """The shares as written (texts), by body in the order the lines name them, when every
    line names a body, has a label and writes both its shares the contract's way; else None."""
    try:
        champs = list(map(_CHAMPS_LIGNE, lignes))  # the four values of each line, in C
    except (KeyError, TypeError):  # a line that is no object, or lacks one of them
        return None
    ecrites: dict[str, tuple[list[str], list[str]]] = {}
    for organisme, libelle, part_salariale, part_patronale in champs:
        # (A share that is no text is left to the join in ``_canoniques``, which refuses it.)
        if not (
            organisme in ORGANISMES_COTISATIONS
            and type(libelle) is str
            and 0 < len(libelle) <= 120
            and not libelle.isspace()  # what strip() removes
        ):
            return None
        if organisme not in ecrites:
            ecrites[organisme] = ([], [])
        salariales, patronales = ecrites[organisme]
        # A share of 0.00 (a line often has one) adds nothing to the sum: left out of it.
        if part_salariale != NUL:
            salariales.append(part_salariale)
        if part_patronale != NUL:
            patronales.append(part_patronale)
    # Every share kept, of every body, checked in one pass.
    montants = list(chain.from_iterable(chain.from_iterable(ecrites.values())))
    return ecrites if _canoniques(montants) else None


def _canoniques(montants: list[str]) -> bool:
    """Every amount a text written the contract's way, checked in one pass over them all joined
    by spaces (one regex a list, not one an amount); a space inside an amount would be one
    separator too many."""
    if not montants:
        return True  # every share at 0.00
    try:
        texte = " ".join(montants) + " "
    except TypeError:  # an amount that is no text
        return False
    return texte.count(" ") == len(montants) and CANONIQUES.fullmatch(texte) is not None


def _parts_lues(lignes: list[Any], bulletin: str) -> dict[str, tuple[list[Decimal], list[Decimal]]]:
    """The shares of each line read by ``_cotisation`` (InvalidInput at the first wrong one),
    by body in the order the lines name them."""
    lues: dict[str, tuple[list[Decimal], list[Decimal]]] = {}
    for rang, raw in enumerate(lignes):
        _, organisme, part_salariale, part_patronale = _cotisation(raw, bulletin, rang)
        salariales, patronales = lues.setdefault(organisme, ([], []))
        salariales.append(part_salariale)
        patronales.append(part_patronale)
    return lues


def _cotisation(raw: Any, bulletin: str, rang: int) -> Cotisation:
    """A line not written the usual way: read leniently, or refused in one French line."""
    where = f"{bulletin}.cotisations.{rang}"
    c = kit.lire_objet(raw, where)
    organisme = c.get("organisme")
    if not isinstance(organisme, str) or organisme not in ORGANISMES_COTISATIONS:
        permis = ", ".join(ORGANISMES_COTISATIONS)
        raise InvalidInput(f"Paramètres : {where}.organisme doit être l'un de : {permis}.")
    return Cotisation(
        _texte(c.get("libelle"), f"{where}.libelle"),
        organisme,
        _montant(c.get("salarial"), f"{where}.salarial"),
        _montant(c.get("patronal"), f"{where}.patronal"),
    )


def _avantage(raw: Any, where: str) -> Avantage:
    a = kit.lire_objet(raw, where)
    return Avantage(
        _texte(a.get("libelle"), f"{where}.libelle"), _montant(a.get("montant"), f"{where}.montant")
    )


def _avantages(avantages: list[Any], where: str) -> tuple[Avantage, ...]:
    return tuple(_avantage(a, f"{where}.avantages_nature.{i}") for i, a in enumerate(avantages))


def _montants_ecrits(b: dict[str, Any]) -> list[Decimal] | None:
    """The payslip's own five amounts (gross, net before tax, tax, net, advance), when each is
    a text written the contract's way, checked in one regex; else None."""
    try:
        ecrits = [*_MONTANTS_BULLETIN(b), b.get("acompte", NUL)]
    except KeyError:
        return None
    return list(map(Decimal, ecrits)) if _canoniques(ecrits) else None


def _montants_lus(b: dict[str, Any], where: str, lignes: list[Any]) -> tuple[Any, ...]:
    """The gross, the shares and the other amounts, read one by one in the contract's order
    (the first wrong one refused)."""
    brut = _montant_de(b, "salaire_brut", where)
    parts = _parts(lignes, where)
    return (
        brut,
        parts,
        _montant_de(b, "net_avant_impot", where),
        _montant_de(b, "prelevement_source", where),
        _montant_de(b, "net_a_payer", where),
        _montant_de(b, "acompte", where, NUL),
    )


def _bulletin(raw: Any, where: str) -> Bulletin:
    b = kit.lire_objet(raw, where)
    # Each value taken at once when the params write it as the generator does; read by its
    # reader, which refuses it naming its place, only otherwise (the place is not written
    # for nothing: a grade reads every payslip).
    lignes, avantages, salarie = (
        b.get("cotisations"),
        b.get("avantages_nature", []),
        b.get("salarie"),
    )
    if type(lignes) is not list or not 1 <= len(lignes) <= MAX_LIGNES:
        lignes = kit.lire_liste(lignes, f"{where}.cotisations", MAX_LIGNES, 1)
    if type(avantages) is not list or len(avantages) > MAX_AVANTAGES:
        avantages = kit.lire_liste(avantages, f"{where}.avantages_nature", MAX_AVANTAGES, 0)
    if type(salarie) is not str or not salarie.strip() or len(salarie) > 120:
        salarie = _texte(salarie, f"{where}.salarie")
    montants = _montants_ecrits(b)
    if montants is None:
        brut, parts, net_avant_impot, pas, net_a_payer, acompte = _montants_lus(b, where, lignes)
    else:  # the amounts cannot be refused: the shares are the first that may be
        brut, net_avant_impot, pas, net_a_payer, acompte = montants
        parts = _parts(lignes, where)
    bulletin = Bulletin(
        salarie,
        brut,
        parts,
        net_avant_impot,
        pas,
        net_a_payer,
        acompte,
        _avantages(avantages, where) if avantages else (),  # most have none
        tuple(lignes),
    )
    net = bulletin.brut - bulletin.total_salarial - bulletin.total_avantages
    if bulletin.net_avant_impot != net:
        raise InvalidInput(
            f"Paramètres : {where} — le net avant impôt n'est pas le brut moins les "
            f"cotisations salariales et les avantages en nature ({euros(net)})."
        )
    if bulletin.net_a_payer != bulletin.net_avant_impot - bulletin.pas:
        raise InvalidInput(
            f"Paramètres : {where} — le net à payer n'est pas le net avant impôt moins le "
            "prélèvement à la source."
        )
    if bulletin.acompte > bulletin.net_a_payer:
        raise InvalidInput(f"Paramètres : {where} — l'acompte dépasse le net à payer.")
    return bulletin


def _periode(raw: Any) -> tuple[int, int]:
    try:
        jour = date.fromisoformat(f"{raw}-01") if isinstance(raw, str) and len(raw) == 7 else None
    except ValueError:
        jour = None
    if jour is None or not 2000 <= jour.year <= 2098:
        raise InvalidInput("Paramètres : periode doit être un mois AAAA-MM.")
    return jour.year, jour.month


def lire_params(params: Any) -> Paie:
    """The typed params; InvalidInput (one French line) when they cannot be used."""
    p = kit.lire_objet(params, "les paramètres")
    annee, mois = _periode(p.get("periode"))
    bulletins = kit.lire_liste(p.get("bulletins"), "bulletins", MAX_BULLETINS, 1)
    return Paie(
        annee=annee,
        mois=mois,
        effectif=max(1, kit.lire_entier(p.get("effectif"), "effectif", EFFECTIF_MAX)),
        paie_dans_le_mois=kit.lire_booleen(p.get("paie_dans_le_mois", True), "paie_dans_le_mois"),
        date_paie=kit.lire_jour(p.get("date_paie"), "date_paie"),
        bulletins=tuple([_bulletin(b, _BULLETINS[i]) for i, b in enumerate(bulletins)]),
    )


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """The params if the contract can compute them; InvalidInput (one French line) otherwise."""
    lire_params(params)
    return params
