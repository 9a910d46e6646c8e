"""The payroll payment rules the kind applies (scenarios/baremes/paie_versements.yaml): the bodies
paid and their accounts, which payslip line goes to which body, the due date of the DSN and its
postponement past a weekend or a public holiday."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from agora.calendrier import feries_francais
from agora.content.baremes import BAREMES_DIR
from agora.content.loading import Sourced, StrictModel, loaded_once

URSSAF, RETRAITE, PREVOYANCE, DGFIP = "urssaf", "retraite_complementaire", "prevoyance", "dgfip"
# The bodies a payslip line may go to, in the order the solution lists them; the DGFiP (the
# tax withheld) comes last.
ORGANISMES_COTISATIONS = (URSSAF, RETRAITE, PREVOYANCE)
ORGANISMES = (*ORGANISMES_COTISATIONS, DGFIP)


class Organisme(Sourced):
    libelle: str
    compte: str


class Rattachement(Sourced):
    retraite_complementaire: tuple[str, ...]
    prevoyance: tuple[str, ...]


class Echeances(Sourced):
    seuil_effectif: int
    jour_avant_seuil: int
    jour_des_le_seuil: int
    a_verifier: bool = False


class Regle(Sourced):
    regle: str
    a_verifier: bool = False


class Contrepassation(StrictModel):
    mots: tuple[str, ...]  # a benefit whose label holds one of these words
    comptes: tuple[str, ...]  # the charge accounts that bore its cost


class Avantages(Sourced):
    compte: str
    acceptes: tuple[str, ...]
    contrepassation: dict[str, Contrepassation]
    regle: str

    def comptes(self, libelles: Iterable[str]) -> frozenset[str]:
        """Every account accepted to neutralise benefits so labelled: the product account,
        the old transfer account, and the charge accounts each benefit's nature reverses."""
        comptes = set(self.acceptes)
        for libelle in libelles:
            mots = libelle.lower()
            for c in self.contrepassation.values():
                if any(mot in mots for mot in c.mots):
                    comptes.update(c.comptes)
        return frozenset(comptes)


class Regles(StrictModel):
    en_vigueur_le: str
    organismes: dict[str, Organisme]
    rattachement: Rattachement
    echeances: Echeances
    report: Regle
    avantages_nature: Avantages
    comptes: Regle

    def organisme_de(self, libelle: str) -> str:
        """The body a payslip line is paid to, by its label (URSSAF unless listed)."""
        if libelle in self.rattachement.retraite_complementaire:
            return RETRAITE
        if libelle in self.rattachement.prevoyance:
            return PREVOYANCE
        return URSSAF

    def jour_echeance(self, effectif: int, paie_dans_le_mois: bool) -> int:
        """The day of month M+1 the DSN and the payments are due: 5 or 15."""
        e = self.echeances
        grand = effectif >= e.seuil_effectif and paie_dans_le_mois
        return e.jour_des_le_seuil if grand else e.jour_avant_seuil


# The rules file, read once (ContentError naming the file and field when it is wrong).
regles = loaded_once(BAREMES_DIR / "paie_versements.yaml", Regles)


@lru_cache(maxsize=64)
def feries(annee: int) -> frozenset[date]:
    """The French public holidays of a year (metropolitan France)."""
    return frozenset(j for j, _ in feries_francais(date(annee, 1, 1), date(annee, 12, 31)))


def ouvre(jour: date) -> bool:
    return jour.weekday() < 5 and jour not in feries(jour.year)


@lru_cache(maxsize=1024)
def reporte(jour: date) -> date:
    """The first working day from ``jour`` (``jour`` itself when it is one)."""
    while not ouvre(jour):
        jour += timedelta(days=1)
    return jour


def mois_suivant(annee: int, mois: int, jour: int) -> date:
    """The day ``jour`` of the month after (annee, mois)."""
    return date(annee + mois // 12, mois % 12 + 1, jour)
