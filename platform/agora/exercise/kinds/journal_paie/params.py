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
from functools import cached_property
from typing import Any, NamedTuple

from agora.errors import InvalidInput
from agora.exercise.kinds.journal_paie.regles import ORGANISMES_COTISATIONS
from agora.exercise.params import (
    lire_booleen,
    lire_entier,
    lire_jour,
    lire_liste,
    lire_montant,
    lire_objet,
)
from agora.money import ZERO, euros

NAME = "journal_paie"
MAX_BULLETINS = 12
MAX_LIGNES = 40
MAX_AVANTAGES = 6
EFFECTIF_MAX = 100_000
# An amount already written the contract's way ("1234.50") skips the lenient reader (speed).
CANONIQUE = re.compile(r"\d{1,9}\.\d{2}", re.ASCII)


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


@dataclass(frozen=True)
class Bulletin:
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

    @cached_property
    def cotisations(self) -> tuple[Cotisation, ...]:
        """The payslip's lines, for its statement (grading reads only their sums)."""
        return tuple(_cotisation(raw, "", rang) for rang, raw in enumerate(self.lignes))

    @property
    def total_avantages(self) -> Decimal:
        return sum((a.montant for a in self.avantages), ZERO)

    @property
    def total_salarial(self) -> Decimal:
        return sum((salarial for salarial, _ in self.parts.values()), ZERO)

    @property
    def total_patronal(self) -> Decimal:
        return sum((patronal for _, patronal in self.parts.values()), ZERO)


@dataclass(frozen=True)
class Paie:
    annee: int
    mois: int
    effectif: int
    paie_dans_le_mois: bool
    date_paie: date
    bulletins: tuple[Bulletin, ...]


def _montant(raw: Any, where: str) -> Decimal:
    if type(raw) is str and CANONIQUE.fullmatch(raw):
        return Decimal(raw)
    return lire_montant(raw, where)


def _texte(raw: Any, where: str) -> str:
    if not isinstance(raw, str) or not raw.strip() or len(raw) > 120:
        raise InvalidInput(f"Paramètres : {where} doit être un texte non vide.")
    return raw


def _parts(lignes: list[Any], bulletin: str) -> dict[str, tuple[Decimal, Decimal]]:
    """The lines' (employee shares, employer shares) summed by body, each line checked; no
    line object built. The usual line, written the contract's way, is read in this loop (a
    payslip has some 17 lines, a grade reads them all); ``_cotisation`` reads any other, or
    says what is wrong with it."""
    salarial: dict[str, Decimal] = {}
    patronal: dict[str, Decimal] = {}
    for rang, raw in enumerate(lignes):
        get = raw.get if type(raw) is dict else {}.get
        organisme, libelle = get("organisme"), get("libelle")
        part_salariale, part_patronale = get("salarial"), get("patronal")
        if (
            organisme in ORGANISMES_COTISATIONS
            and type(libelle) is str
            and 0 < len(libelle) <= 120
            and not libelle.isspace()  # what strip() removes
            and type(part_salariale) is str
            and type(part_patronale) is str
            and CANONIQUE.fullmatch(part_salariale)
            and CANONIQUE.fullmatch(part_patronale)
        ):
            part_salariale, part_patronale = Decimal(part_salariale), Decimal(part_patronale)
        else:
            _, organisme, part_salariale, part_patronale = _cotisation(raw, bulletin, rang)
        salarial[organisme] = salarial.get(organisme, ZERO) + part_salariale
        patronal[organisme] = patronal.get(organisme, ZERO) + part_patronale
    return {o: (salarial[o], patronal[o]) for o in salarial}


def _cotisation(raw: Any, bulletin: str, rang: int) -> Cotisation:
    """A line not written the usual way: read leniently, or refused in one French line."""
    where = f"{bulletin}.cotisations.{rang}"
    c = lire_objet(raw, where)
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
    a = lire_objet(raw, where)
    return Avantage(
        _texte(a.get("libelle"), f"{where}.libelle"), _montant(a.get("montant"), f"{where}.montant")
    )


def _bulletin(raw: Any, where: str) -> Bulletin:
    b = lire_objet(raw, where)
    lignes = lire_liste(b.get("cotisations"), f"{where}.cotisations", MAX_LIGNES, 1)
    avantages = b.get("avantages_nature", [])
    avantages = lire_liste(avantages, f"{where}.avantages_nature", MAX_AVANTAGES, 0)
    bulletin = Bulletin(
        salarie=_texte(b.get("salarie"), f"{where}.salarie"),
        brut=_montant(b.get("salaire_brut"), f"{where}.salaire_brut"),
        parts=_parts(lignes, where),
        net_avant_impot=_montant(b.get("net_avant_impot"), f"{where}.net_avant_impot"),
        pas=_montant(b.get("prelevement_source"), f"{where}.prelevement_source"),
        net_a_payer=_montant(b.get("net_a_payer"), f"{where}.net_a_payer"),
        acompte=_montant(b.get("acompte", "0.00"), f"{where}.acompte"),
        avantages=tuple(
            _avantage(a, f"{where}.avantages_nature.{i}") for i, a in enumerate(avantages)
        ),
        lignes=tuple(lignes),
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
    p = lire_objet(params, "les paramètres")
    annee, mois = _periode(p.get("periode"))
    bulletins = lire_liste(p.get("bulletins"), "bulletins", MAX_BULLETINS, 1)
    return Paie(
        annee=annee,
        mois=mois,
        effectif=max(1, lire_entier(p.get("effectif"), "effectif", EFFECTIF_MAX)),
        paie_dans_le_mois=lire_booleen(p.get("paie_dans_le_mois", True), "paie_dans_le_mois"),
        date_paie=lire_jour(p.get("date_paie"), "date_paie"),
        bulletins=tuple(_bulletin(b, f"bulletins.{i}") for i, b in enumerate(bulletins)),
    )


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """The params if the contract can compute them; InvalidInput (one French line) otherwise."""
    lire_params(params)
    return params
