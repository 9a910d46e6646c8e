"""generate_company(seed, secteur): the whole fictitious organisation, reproducible from its seed."""

from __future__ import annotations

import random
import threading
from datetime import date, timedelta
from decimal import Decimal

from faker import Faker

from agora.company import identifiers
from agora.company.cgv import conditions_generales
from agora.company.model import Banque, Company, ConventionCollective, MoisHistorique, Salarie
from agora.company.people import Generation, personne, salaries
from agora.company.tiers import (
    adresse,
    catalogue,
    clients,
    commune,
    fournisseurs,
    nom_depuis_modele,
    slug,
    subventions,
)
from agora.content.baremes import load_bareme
from agora.content.secteurs import FORMES_JURIDIQUES, load_secteur, secteur_codes
from agora.errors import InvalidInput
from agora.money import cents

# VAT regime thresholds of the réel simplifié (CGI, art. 302 septies A, figures 2023-2025):
# turnover of sales / of services, and yearly VAT due.
SEUIL_RSI_VENTES = Decimal("840000")
SEUIL_RSI_SERVICES = Decimal("254000")
SEUIL_RSI_TVA = Decimal("15000")
# Share of turnover that is value added (what VAT is finally paid on), for the regime estimate.
PART_VALEUR_AJOUTEE = Decimal("0.35")

_local = threading.local()


def generate_company(seed: int, secteur: str | None = None, annee: int = 2026) -> Company:
    """The organisation of ``seed`` in ``secteur`` (drawn from the seed when None).

    Same arguments, same organisation, on any machine (with the same Faker version).
    """
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise InvalidInput(f"La graine doit être un entier positif ou nul (reçu : {seed!r}).")
    code = secteur if secteur is not None else choose_secteur(seed)
    gen = Generation(
        rng=random.Random(seed),
        fake=_faker(seed),
        secteur=load_secteur(code),
        reference=date(annee, 1, 1),
        smic=load_bareme(annee).smic.horaire,
    )
    return _build(gen, seed)


def choose_secteur(seed: int) -> str:
    """The sector a seed gets when none is asked for (own generator: explicit = implicit)."""
    return random.Random(seed).choice(secteur_codes())


def _faker(seed: int) -> Faker:
    """One Faker fr_FR per thread (it is slow to build), re-seeded for every organisation."""
    fake = getattr(_local, "faker", None)
    if fake is None:
        fake = _local.faker = Faker("fr_FR")
    # Not the bare seed: Faker draws from its own random.Random, and two generators seeded
    # alike give the same stream, so the drawn city and surname would move together (names
    # then repeat across seeds). A string seed is hashed with SHA-512: stable everywhere.
    fake.seed_instance(f"agora-faker:{seed}")
    return fake


def _build(gen: Generation, seed: int) -> Company:
    # Every draw happens here, in this order: the order is part of what a seed means.
    rng, secteur = gen.rng, gen.secteur
    lieu = commune(gen)
    raison_sociale = nom_depuis_modele(gen, rng.choice(secteur.noms), lieu.ville)
    forme_code = rng.choice(secteur.formes_juridiques)
    forme = FORMES_JURIDIQUES[forme_code]
    naf = rng.choice(secteur.naf)
    siren = identifiers.siren(rng, secteur.siren_prefixes)
    creation = gen.reference - timedelta(days=rng.randint(3 * 365, 35 * 365))
    prenom, nom, femme = personne(gen)
    capital = _capital(gen, forme.capital)
    siege = adresse(gen, lieu)
    telephone = _telephone(gen, lieu.zone_tel)
    debut = _debut_exercice(gen)
    staff = salaries(gen, creation)
    articles = catalogue(gen)
    historique = _historique(gen, _chiffre_affaires(gen, len(staff)), staff, articles)
    # The turnover the fiche shows (last twelve months) decides the VAT regime.
    chiffre_affaires = sum((m.chiffre_affaires_ht for m in historique), Decimal(0))
    tva_sur_debits = secteur.option_tva_sur_debits and rng.random() < 0.5
    cgv = conditions_generales(gen, raison_sociale)
    banque = _banque(gen, chiffre_affaires)
    tiers_clients = clients(gen, secteur.relation)
    tiers_fournisseurs = fournisseurs(gen)
    aides = subventions(gen, lieu.ville)
    domaine = slug(raison_sociale, 30) + (".org" if secteur.relation == "adherent" else ".fr")
    return Company(
        seed=seed,
        secteur=secteur.code,
        secteur_libelle=secteur.libelle,
        raison_sociale=raison_sociale,
        forme_juridique=forme_code,
        capital=capital,
        siren=siren,
        siret=identifiers.siret(siren),
        rcs=f"RCS {lieu.rcs}" if forme.rcs else None,
        naf=naf.code,
        naf_libelle=naf.libelle,
        tva_intracom=identifiers.tva_intracom(siren) if secteur.assujetti_tva else None,
        adresse=siege,
        telephone=telephone,
        email=f"contact@{domaine}",
        site_web=f"https://www.{domaine}",
        dirigeant=f"{prenom} {nom}",
        dirigeant_fonction=forme.fonction[1 if femme else 0],
        date_creation=creation,
        exercice_debut=debut,
        exercice_fin=_add_years(debut, 1) - timedelta(days=1),
        regime_tva=_regime_tva(gen, chiffre_affaires, articles),
        tva_sur_debits=tva_sur_debits,
        convention_collective=ConventionCollective(
            idcc=secteur.convention_collective.idcc, nom=secteur.convention_collective.nom
        ),
        cgv=cgv,
        banque=banque,
        horaires=dict(secteur.horaires),
        salaries=staff,
        clients=tiers_clients,
        fournisseurs=tiers_fournisseurs,
        catalogue=articles,
        historique=historique,
        relation=secteur.relation,
        contraintes=tuple(secteur.contraintes),
        taux_at_mp=secteur.taux_at_mp,
        subventions=aides,
    )


def _banque(gen: Generation, chiffre_affaires: Decimal) -> Banque:
    """The main account: a real bank, and an opening balance of 15 % to 60 % of a month's sales."""
    nom, iban, bic = identifiers.compte_bancaire(gen.rng)
    share = Decimal(gen.rng.randint(15, 60)) / 100
    return Banque(
        nom=nom,
        iban=iban,
        bic=bic,
        solde_initial=cents(chiffre_affaires / 12 * share),
        date_solde=gen.reference,
    )


def _capital(gen: Generation, bounds: tuple[int, int] | None) -> Decimal | None:
    if bounds is None:
        return None
    # Round figures, as in the articles of association.
    step = 1000 if bounds[0] >= 1000 else 100
    return cents(gen.rng.randint(bounds[0] // step, bounds[1] // step) * step)


def _telephone(gen: Generation, zone: str) -> str:
    pairs = [zone] + [f"{gen.rng.randrange(100):02d}" for _ in range(4)]
    return " ".join(pairs)


def _chiffre_affaires(gen: Generation, effectif: int) -> Decimal:
    par_salarie = gen.secteur.chiffre_affaires_par_salarie
    ratio = Decimal(gen.rng.randrange(1001)) / 1000
    return cents(effectif * (par_salarie.min + (par_salarie.max - par_salarie.min) * ratio))


def _regime_tva(gen: Generation, chiffre_affaires: Decimal, articles: tuple) -> str:
    """Réel simplifié below the turnover and VAT thresholds, réel normal above."""
    if not gen.secteur.assujetti_tva:
        return "non assujetti"
    seuil = SEUIL_RSI_VENTES if gen.secteur.activite == "vente" else SEUIL_RSI_SERVICES
    taux_moyen = sum(a.taux_tva for a in articles) / len(articles) / 100
    tva_due = chiffre_affaires * PART_VALEUR_AJOUTEE * taux_moyen
    return (
        "réel simplifié"
        if chiffre_affaires <= seuil and tva_due <= SEUIL_RSI_TVA
        else "réel normal"
    )


def _debut_exercice(gen: Generation) -> date:
    """First day of the fiscal year in progress on the reference day."""
    mois = gen.rng.choice(gen.secteur.mois_debut_exercice)
    debut = date(gen.reference.year, mois, 1)
    return debut if debut <= gen.reference else date(gen.reference.year - 1, mois, 1)


def _add_years(day: date, years: int) -> date:
    return day.replace(year=day.year + years)


def _historique(
    gen: Generation, chiffre_affaires: Decimal, staff: tuple[Salarie, ...], articles: tuple
) -> tuple[MoisHistorique, ...]:
    """The twelve months before the reference day; hires match the employees' entry dates."""
    rng = gen.rng
    b2b = gen.secteur.part_clients_entreprises >= Decimal("0.5")
    prix_moyen = sum(a.prix_ht for a in articles) / len(articles)
    panier = prix_moyen * (Decimal(6) if b2b else Decimal("1.5"))
    year = gen.reference.year - 1
    months = []
    for month in range(1, 13):
        noise = Decimal(rng.randint(92, 108)) / 100
        ca = cents(chiffre_affaires / 12 * gen.secteur.saisonnalite[month - 1] * noise)
        commandes = max(1, int(ca / panier))
        part_clients = Decimal(rng.randint(35, 70) if b2b else rng.randint(75, 95)) / 100
        months.append(
            MoisHistorique(
                mois=f"{year}-{month:02d}",
                chiffre_affaires_ht=ca,
                nombre_clients=max(1, int(commandes * part_clients)),
                nombre_commandes=commandes,
                jours_absence=round(len(staff) * rng.randint(40, 140) / 100),
                embauches=sum(
                    1 for s in staff if (s.date_entree.year, s.date_entree.month) == (year, month)
                ),
                departs=1 if rng.random() < 0.12 else 0,
            )
        )
    return tuple(months)
