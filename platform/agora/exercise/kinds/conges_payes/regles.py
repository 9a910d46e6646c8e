"""The paid-leave figures and rules the kind applies (scenarios/baremes/conges.yaml), with sources."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from agora.content.baremes import BAREMES_DIR
from agora.content.loading import Sourced, StrictModel, loaded_once


class Acquisition(Sourced):
    jours_par_mois: Decimal
    plafond: int
    jours_equivalents_mois: int
    depuis: date


class Regle(Sourced):
    regle: str
    depuis: date


class PeriodeReference(Regle):
    debut: str  # « 06-01 »: the day and month the reference period starts


class Assimiles(Sourced):
    motifs: list[str]
    depuis: date


class Maladie(Sourced):
    jours_par_mois: Decimal
    plafond: int
    depuis: date


class Fenetre(StrictModel):
    debut: str
    fin: str


class CongePrincipal(Sourced):
    minimum_continu: int
    maximum: int
    periode: Fenetre
    depuis: date


class Indemnite(Regle):
    dixieme: Decimal


class JoursOuvres(Regle):
    ratio: str


class Conges(StrictModel):
    en_vigueur_le: date
    acquisition: Acquisition
    arrondi: Regle
    periode_reference: PeriodeReference
    assimiles: Assimiles
    maladie: Maladie
    conge_principal: CongePrincipal
    indemnite: Indemnite
    jours_ouvres: JoursOuvres
    jours_feries: Regle


# The rules file, read once (ContentError naming the file and field when it is wrong).
regles = loaded_once(BAREMES_DIR / "conges.yaml", Conges)
