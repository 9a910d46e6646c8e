"""Drawing a payslip variant from the organisation: the employee, the month's events, the lines.

Legal figures (SMIC, PMSS, rates, AT/MP default, mutuelle range) come from the dated barème;
the AT/MP rate from the organisation's sector profile when it has one.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from agora.calendrier import MOIS as NOMS_MOIS
from agora.company.model import Company, Salarie
from agora.content.baremes import Bareme, LigneCotisation, load_bareme
from agora.errors import DomainError, InvalidInput
from agora.exercise.base import Options, Variant, tirage
from agora.exercise.kinds.bulletin_paie.params import LIBELLE_AT_MP, NAME, nombre
from agora.exercise.kinds.bulletin_paie.solve import MAJORATION_25, MAJORATION_50
from agora.exercise.kinds.bulletin_paie.statement import enonce
from agora.money import cents, fmt

ANNEE = 2026
# The option ``mois``'s default: each student's payslip month is drawn from the seed.
AU_CHOIX = "au_choix"
# Level 1: a short payslip with the lines every student meets first.
LIGNES_NIVEAU_1 = (
    "Sécurité sociale - Maladie, maternité, invalidité, décès",
    "Assurance vieillesse plafonnée",
    "Assurance vieillesse déplafonnée",
    "Retraite complémentaire AGIRC-ARRCO tranche 1",
    "CSG déductible",
    "CSG non déductible",
    "CRDS",
)


LIBELLE_MUTUELLE = "Complémentaire santé"
# A meal in kind is valued at the barème's flat rate; in hotels, cafés, restaurants (IDCC 1979)
# at one minimum garanti a meal.
IDCC_HCR = "1979"
PRIMES = (
    ("Prime d'assiduité", 30, 90),
    ("Prime de rendement", 50, 200),
    ("Prime exceptionnelle", 80, 300),
    ("Prime de polyvalence", 40, 120),
)
TAUX_PAS = {
    1: ("0", "1.1", "2.3", "3.4"),
    2: ("1.1", "2.3", "3.4", "4.5", "5.2", "6.8"),
    3: ("6.8", "7.5", "9.1", "11.6", "12.4"),
}
TRANSPORTS = (
    "abonnement mensuel de bus et de tram",
    "abonnement mensuel de métro et RER",
    "abonnement mensuel de train régional",
)


@dataclass
class Mois:
    """What happens in the month, before the lines are chosen."""

    salarie: Salarie
    taux_horaire: Decimal
    heures_mensuelles: Decimal
    heures_sup_25: Decimal = Decimal(0)
    heures_sup_50: Decimal = Decimal(0)
    absence_heures: Decimal = Decimal(0)
    semaines: list[tuple[Decimal, str]] = field(default_factory=list)  # level 3 time sheet
    primes: list[tuple[str, Decimal]] = field(default_factory=list)
    avantages: list[tuple[str, Decimal]] = field(default_factory=list)
    repas: tuple[int, Decimal] | None = None
    transport: tuple[str, Decimal, Decimal] | None = None  # (pass, price, refund)
    mutuelle: tuple[Decimal, Decimal] | None = None  # (salarial, patronal)

    def brut(self) -> Decimal:
        th = self.taux_horaire
        return (
            cents(th * self.heures_mensuelles)
            - cents(th * self.absence_heures)
            + cents(self.heures_sup_25 * th * MAJORATION_25)
            + cents(self.heures_sup_50 * th * MAJORATION_50)
            + sum((m for _, m in self.primes), Decimal(0))
            + sum((m for _, m in self.avantages), Decimal(0))
        )


def choisir_salarie(rng: random.Random, organisation: Company, niveau: int) -> Salarie:
    """An employee whose payslip the level can show: never an apprentice, whose payslip has its
    own rules (exemptions up to 50 % of the SMIC) that this kind does not apply; full time for
    overtime."""
    ordinaires = [
        s for s in organisation.salaries if s.contrat != "apprentissage" and s.heures_hebdo <= 35
    ]
    if not ordinaires:
        raise InvalidInput(
            "L'organisation n'a aucun salarié hors apprentis : pas de bulletin de paie possible."
        )
    pleins = [s for s in ordinaires if s.heures_hebdo == 35] or ordinaires
    if niveau == 1:
        pool = [s for s in ordinaires if s.statut == "non_cadre"] or ordinaires
    elif niveau == 2:
        pool = [s for s in pleins if s.statut == "non_cadre"] or pleins
    else:
        cadres = [s for s in pleins if s.statut == "cadre"]
        pool = cadres or sorted(pleins, key=lambda s: s.taux_horaire, reverse=True)[:2]
    return rng.choice(pool)


def tirer_mois(
    rng: random.Random, organisation: Company, niveau: int, bareme: Bareme, nourri: bool = True
) -> Mois:
    """The employee and the month's events for the level, and the meals the sector's
    agreement counts (hotels, cafés, restaurants: at every level). ``nourri=False``: an
    employee not fed at work (the compensatory allowance, never a benefit in kind)."""
    mois = _evenements(rng, organisation, niveau, bareme)
    if niveau < 3 and organisation.convention_collective.idcc == IDCC_HCR:
        _repas_hcr(rng, mois, nourri and niveau > 1, bareme)
    return mois


def _repas_hcr(rng: random.Random, mois: Mois, nourri: bool, bareme: Bareme) -> None:
    """HCR: staff fed at work get the meals as a benefit in kind at the minimum garanti; one
    who works outside the staff's meal times (level 1) gets the compensatory allowance instead
    (the same amount, a plain line of the gross pay)."""
    valeur = bareme.minimum_garanti.valeur
    repas = rng.randint(8, 20)
    mois.repas = (repas, valeur)
    if not nourri:
        mois.primes.append(("Indemnité compensatrice de nourriture", cents(repas * valeur)))
    else:
        mois.avantages.append(("Avantage en nature repas", cents(repas * valeur)))


def _evenements(rng: random.Random, organisation: Company, niveau: int, bareme: Bareme) -> Mois:
    salarie = choisir_salarie(rng, organisation, niveau)
    hebdo = salarie.heures_hebdo if niveau == 1 else Decimal(35)
    hebdo = min(hebdo, Decimal(35))
    mois = Mois(
        salarie=salarie,
        taux_horaire=max(salarie.taux_horaire, bareme.smic.horaire),
        heures_mensuelles=cents(hebdo * 52 / 12),
    )
    if niveau == 1:
        if rng.random() < 0.5:
            mois.primes.append(_prime(rng))
        return mois
    mois.primes.append(_prime(rng))
    if niveau == 2:
        mois.heures_sup_25 = rng.choice(
            [Decimal(h) for h in ("2", "3", "3.5", "4", "5", "6", "7.5", "8")]
        )
        return mois
    _releve_semaines(rng, mois)
    _avantages(rng, organisation, mois, bareme)
    _depasser_pmss(rng, mois, bareme)
    return mois


def _prime(rng: random.Random) -> tuple[str, Decimal]:
    libelle, low, high = rng.choice(PRIMES)
    return libelle, Decimal(rng.randint(low * 2, high * 2)) / 2


def _releve_semaines(rng: random.Random, mois: Mois) -> None:
    """Four weeks: one with an unpaid absence, one beyond 43 h (50 %), two ordinary."""
    absence = rng.choice([Decimal("3.5"), Decimal(7), Decimal(7), Decimal(14)])
    extras = [
        rng.choice([9, 10, 11, 12, 13]),
        rng.choice([0, 2, 3, 4, 5, 6, 8]),
        rng.choice([0, 2, 4, 5, 6, 8]),
    ]
    rng.shuffle(extras)
    position = rng.randrange(4)
    semaines: list[tuple[Decimal, str]] = [(Decimal(35 + x), "") for x in extras]
    motif = rng.choice(["convenance personnelle", "rendez-vous personnel", "absence injustifiée"])
    semaines.insert(
        position,
        (35 - absence, f"absence non rémunérée de {nombre(absence).replace('.', ',')} h ({motif})"),
    )
    mois.semaines = semaines
    mois.absence_heures = absence
    mois.heures_sup_25 = Decimal(sum(min(x, 8) for x in extras))
    mois.heures_sup_50 = Decimal(sum(max(0, x - 8) for x in extras))


def _avantages(rng: random.Random, organisation: Company, mois: Mois, bareme: Bareme) -> None:
    """Meals in kind, the transport pass refund (50 %) and the company health insurance."""
    hcr = organisation.convention_collective.idcc == IDCC_HCR
    valeur = bareme.minimum_garanti.valeur if hcr else bareme.avantage_nourriture.repas
    repas = rng.randint(8, 20)
    mois.repas = (repas, valeur)
    mois.avantages.append(("Avantage en nature repas", cents(repas * valeur)))
    prix = Decimal(rng.randint(150, 470)) / 5  # even cents: half of it is exact
    mois.transport = (rng.choice(TRANSPORTS), cents(prix), cents(prix / 2))
    total = (
        Decimal(rng.randint(2 * int(bareme.mutuelle.total_min), 2 * int(bareme.mutuelle.total_max)))
        / 2
    )
    part = max(bareme.mutuelle.part_patronale_min, Decimal(rng.choice([50, 50, 60])))
    patronal = cents(total * part / 100)
    mois.mutuelle = (cents(total) - patronal, patronal)


def _depasser_pmss(rng: random.Random, mois: Mois, bareme: Bareme) -> None:
    """Level 3 shows the tranche 2: a yearly bonus takes the brut above the ceiling if needed."""
    pmss = bareme.pmss.valeur
    ecart = pmss - mois.brut()
    if ecart > -100:
        marge = rng.randint(15, 90) * 10
        prime = (ecart + marge).quantize(Decimal(1)) // 10 * 10
        mois.primes.append(("Prime annuelle d'objectifs", Decimal(prime)))


def taux_at_mp(organisation: Company, bareme: Bareme) -> Decimal:
    """The sector profile's AT/MP rate, else the barème default."""
    try:
        from agora.content.secteurs import load_secteur

        return load_secteur(organisation.secteur).taux_at_mp
    except (ImportError, DomainError):
        return bareme.at_mp.taux_defaut


def lignes(
    mois: Mois, niveau: int, bareme: Bareme, effectif: int, at_mp: Decimal
) -> list[dict[str, Any]]:
    """The contribution lines of the payslip, in the order a payslip prints them."""
    choisies = bareme.cotisations_pour(mois.salarie.statut, effectif)
    if niveau == 1:
        return [_ligne(lc) for lc in choisies if lc.libelle in LIGNES_NIVEAU_1]
    if mois.brut() <= bareme.pmss.valeur:
        # Real payslips print no tranche 2 line below the ceiling (its base would be 0).
        choisies = [lc for lc in choisies if lc.assiette != "tranche_2"]
    out = [_ligne(lc) for lc in choisies]
    # AT/MP comes after the health lines (maladie, solidarité autonomie), before retirement.
    apres = next((i for i, lc in enumerate(choisies) if lc.assiette != "brut"), len(choisies))
    at = {
        "libelle": LIBELLE_AT_MP,
        "assiette": "brut",
        "taux_salarial": "0",
        "taux_patronal": str(at_mp),
        "deductible": True,
    }
    out.insert(apres, at)
    if mois.mutuelle:
        salarial, patronal = mois.mutuelle
        out.insert(
            1,
            {
                "libelle": LIBELLE_MUTUELLE,
                "assiette": "forfait",
                "montant_salarial": fmt(salarial),
                "montant_patronal": fmt(patronal),
                "deductible": True,
                "patronal_assiette_csg": True,
                "patronal_imposable": True,
            },
        )
    return out


def _ligne(ligne: LigneCotisation) -> dict[str, Any]:
    return {
        "libelle": ligne.libelle,
        "assiette": ligne.assiette,
        "taux_salarial": str(ligne.taux_salarial),
        "taux_patronal": str(ligne.taux_patronal),
        "deductible": ligne.deductible,
    }


def periode(rng: random.Random, choisi: Any) -> str:
    """The payslip's month, « 2026-03 »: the mission's (option ``mois``), else the seed's."""
    # Drawn even when the month is fixed, so that every later draw stays the seed's.
    tire = rng.randint(1, 12)
    numero = NOMS_MOIS.index(choisi) + 1 if choisi in NOMS_MOIS else tire
    return f"{ANNEE}-{numero:02d}"


def params_de(
    rng: random.Random, mois: Mois, niveau: int, bareme: Bareme, lignes_: list, choisi: Any
) -> dict[str, Any]:
    """The contract params of the variant (``choisi``: the option ``mois``)."""
    s = mois.salarie
    return {
        "salarie": {"nom": f"{s.prenom} {s.nom}", "statut": s.statut, "emploi": s.emploi_libelle},
        "periode": periode(rng, choisi),
        "taux_horaire": fmt(mois.taux_horaire),
        "heures_mensuelles": nombre(mois.heures_mensuelles),
        "heures_sup_25": nombre(mois.heures_sup_25),
        "heures_sup_50": nombre(mois.heures_sup_50),
        "absence_heures": nombre(mois.absence_heures),
        "primes": [{"libelle": lib, "montant": fmt(m)} for lib, m in mois.primes],
        "avantages_nature": [{"libelle": lib, "montant": fmt(m)} for lib, m in mois.avantages],
        "pmss": fmt(bareme.pmss.valeur),
        "cotisations": lignes_,
        "taux_pas": rng.choice(TAUX_PAS[niveau]),
        "remboursement_transport": fmt(mois.transport[2] if mois.transport else Decimal(0)),
    }


def generate(seed: int, niveau: int, organisation: Company, options: Options = None) -> Variant:
    """A payslip of one of the organisation's employees, for the level (1 guided, 3 aléas), of
    the month the option ``mois`` names (by default drawn for each student)."""
    rng = tirage(NAME, seed, niveau)
    bareme = load_bareme(ANNEE)
    mois = tirer_mois(rng, organisation, niveau, bareme)
    at_mp = taux_at_mp(organisation, bareme)
    cotisations = lignes(mois, niveau, bareme, len(organisation.salaries), at_mp)
    choisi = (options or {}).get("mois", AU_CHOIX)
    params = params_de(rng, mois, niveau, bareme, cotisations, choisi)
    return Variant(NAME, seed, niveau, params, enonce(organisation, params, mois, niveau))


def document(variant: Variant, organisation: Any, documents: Any = None) -> dict[str, Any]:
    """The payslip a later step of a mission records (``journal_paie``): its params, which
    carry the period, the employee and every line the payroll entry needs."""
    return variant.params
