"""generate_company(seed, secteur): the whole fictitious organisation, reproducible from its seed.

Each section (identity, staff, catalogue, history, VAT option, CGV, bank, customers, suppliers,
grants) draws from its own streams, derived from the seed and the section's name.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from faker import Faker

from agora.company import identifiers
from agora.company.cgv import conditions_generales
from agora.company.identite import identite
from agora.company.model import Banque, Company, ConventionCollective, MoisHistorique, Salarie
from agora.company.people import Generation, femme, salaries
from agora.company.tiers import catalogue, clients, fournisseurs, subventions
from agora.content.baremes import Apprentis, load_bareme
from agora.content.secteurs import Secteur, load_secteur, secteur_codes
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


@dataclass(frozen=True)
class _Contexte:
    """What every section shares: the seed and the fixed context; never a random stream."""

    seed: int
    secteur: Secteur
    reference: date
    smic: Decimal
    apprentis: Apprentis

    def section(self, nom: str) -> Generation:
        """Fresh sources for the section ``nom``, derived from the seed and that name only.

        A string seed is hashed with SHA-512 by ``random``: stable across machines and
        PYTHONHASHSEED. The Faker is the thread's one, re-seeded here: build a section
        completely before opening the next one.
        """
        fake = _faker()
        # Not the rng's seed: two generators seeded alike give the same stream, so the drawn
        # city and surname would move together (names then repeat across seeds).
        fake.seed_instance(f"agora-faker:{self.seed}:{nom}")
        return Generation(
            rng=random.Random(f"agora:{self.seed}:{nom}"),
            fake=fake,
            secteur=self.secteur,
            reference=self.reference,
            smic=self.smic,
            apprentis=self.apprentis,
        )


def generate_company(seed: int, secteur: str | None = None, annee: int = 2026) -> Company:
    """The organisation of ``seed`` in ``secteur`` (drawn from the seed when None).

    Same arguments, same organisation, on any machine (with the same Faker version).
    """
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise InvalidInput(f"La graine doit être un entier positif ou nul (reçu : {seed!r}).")
    code = secteur if secteur is not None else choose_secteur(seed)
    bareme = load_bareme(annee)
    contexte = _Contexte(
        seed=seed,
        secteur=load_secteur(code),
        reference=date(annee, 1, 1),
        smic=bareme.smic.horaire,
        apprentis=bareme.apprentis,
    )
    return _build(contexte)


def choose_secteur(seed: int) -> str:
    """The sector a seed gets when none is asked for (own generator: explicit = implicit)."""
    return random.Random(seed).choice(secteur_codes())


def _faker() -> Faker:
    """The thread's Faker fr_FR: building one is slow, so each section re-seeds it."""
    fake = getattr(_local, "faker", None)
    if fake is None:
        fake = _local.faker = Faker("fr_FR")
    return fake


def _build(ctx: _Contexte) -> Company:
    # Each section draws from its own streams, so a new draw in one leaves the others as they
    # were; a section that needs another reads its result, never its streams.
    secteur = ctx.secteur
    ident = identite(ctx.section("identite"))
    staff = _dirigeant_salarie(
        salaries(ctx.section("salaries"), ident.date_creation), secteur, ident.dirigeant
    )
    articles = catalogue(ctx.section("catalogue"))
    historique = _historique(ctx.section("historique"), staff, articles)
    # The turnover the fiche shows (last twelve months) decides the VAT regime.
    chiffre_affaires = sum((m.chiffre_affaires_ht for m in historique), Decimal(0))
    return Company(
        seed=ctx.seed,
        secteur=secteur.code,
        secteur_libelle=secteur.libelle,
        **ident.champs(),
        regime_tva=_regime_tva(secteur, chiffre_affaires, articles),
        tva_sur_debits=_tva_sur_debits(ctx.section("fiscalite")),
        convention_collective=ConventionCollective(
            idcc=secteur.convention_collective.idcc, nom=secteur.convention_collective.nom
        ),
        cgv=conditions_generales(ctx.section("cgv"), ident.raison_sociale),
        banque=_banque(ctx.section("banque"), chiffre_affaires),
        horaires=dict(secteur.horaires),
        salaries=staff,
        clients=clients(ctx.section("clients"), secteur.relation, ident.adresse),
        fournisseurs=fournisseurs(ctx.section("fournisseurs"), ident.adresse),
        catalogue=articles,
        historique=historique,
        relation=secteur.relation,
        contraintes=tuple(secteur.contraintes),
        taux_at_mp=secteur.taux_at_mp,
        subventions=subventions(ctx.section("subventions"), ident.adresse.ville),
    )


def _dirigeant_salarie(
    staff: tuple[Salarie, ...], secteur: Secteur, dirigeant: str
) -> tuple[Salarie, ...]:
    """The employee whose job heads the organisation (« Directeur de la régie ») is the
    dirigeant the fiche names, not a second director: the first one holding it takes the
    dirigeant's name, and the job agrees with them (nothing is drawn, so the other sections are
    unchanged)."""
    postes = {e.intitule: e for e in secteur.emplois if e.dirige}
    tete = next((s for s in staff if s.emploi in postes), None)
    if tete is None:
        return staff
    prenom, _, nom = dirigeant.partition(" ")
    libelle = postes[tete.emploi].accorde(bool(femme(prenom)))
    dirigeant_salarie = replace(tete, prenom=prenom, nom=nom, emploi_libelle=libelle)
    return tuple(dirigeant_salarie if s is tete else s for s in staff)


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


def _chiffre_affaires(gen: Generation, effectif: int) -> Decimal:
    par_salarie = gen.secteur.chiffre_affaires_par_salarie
    ratio = Decimal(gen.rng.randrange(1001)) / 1000
    return cents(effectif * (par_salarie.min + (par_salarie.max - par_salarie.min) * ratio))


def _regime_tva(secteur: Secteur, chiffre_affaires: Decimal, articles: tuple) -> str:
    """Réel simplifié below the turnover and VAT thresholds, réel normal above."""
    if not secteur.assujetti_tva:
        return "non assujetti"
    seuil = SEUIL_RSI_VENTES if secteur.activite == "vente" else SEUIL_RSI_SERVICES
    taux_moyen = sum(a.taux_tva for a in articles) / len(articles) / 100
    tva_due = chiffre_affaires * PART_VALEUR_AJOUTEE * taux_moyen
    return (
        "réel simplifié"
        if chiffre_affaires <= seuil and tva_due <= SEUIL_RSI_TVA
        else "réel normal"
    )


def _tva_sur_debits(gen: Generation) -> bool:
    """Half the organisations whose sector allows it opt for VAT on debits."""
    return gen.secteur.option_tva_sur_debits and gen.rng.random() < 0.5


def _historique(
    gen: Generation, staff: tuple[Salarie, ...], articles: tuple
) -> tuple[MoisHistorique, ...]:
    """The twelve months before the reference day; hires match the employees' entry dates."""
    rng = gen.rng
    chiffre_affaires = _chiffre_affaires(gen, len(staff))
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
