"""How each sector sells, buys and pays, for its cash budget: its ways of selling (VAT rate,
instalments, share of the month's turnover), its purchases and their payment delay, its payroll
and fixed charges in proportion of the turnover, and the equipment it may buy."""

from __future__ import annotations

from dataclasses import dataclass

Fourchette = tuple[str, str]  # min and max, as a share of the month's turnover


@dataclass(frozen=True)
class Forme:
    """A way of selling: its wording, VAT rate, percent collected 0, 1, 2 months later."""

    libelle: str
    taux: str
    parts: tuple[str, ...]
    poids: Fourchette
    semestriel: bool = False  # billed once in the budget (half-yearly subscriptions)


@dataclass(frozen=True)
class Profil:
    ventes: tuple[Forme, ...]  # the first one alone at level 1
    achats: str
    taux_achats: str
    delai_achats: int  # months
    poids_achats: Fourchette
    poids_salaires: Fourchette  # net wages of a month, share of the average turnover
    # Paid « sans TVA », so only a rent (bare premises: exempt, CGI art. 261 D 4°, unless the
    # landlord opted, art. 260-2°) and an insurance (exempt, art. 261 C 2°); energy and fuel
    # bear VAT at 20 % (art. 278): a régie's pumping power is among its purchases at 20 %.
    charges_fixes: str
    investissement: str


PROFILS: dict[str, Profil] = {
    "boulangerie": Profil(
        (
            Forme("Ventes au magasin (payées le jour même)", "5.5", ("100",), ("0.75", "0.85")),
            Forme(
                "Livraisons aux restaurants (payées à 30 jours)",
                "5.5",
                ("0", "100"),
                ("0.15", "0.25"),
            ),
        ),
        "Farine, beurre et matières premières",
        "5.5",
        1,
        ("0.28", "0.35"),
        ("0.22", "0.28"),
        "Loyer et assurance",
        "Un nouveau four",
    ),
    "restaurant": Profil(
        (
            Forme("Repas servis (payés à table)", "10", ("100",), ("0.80", "0.90")),
            Forme(
                "Repas de groupes et d'entreprises (payés à 30 jours)",
                "10",
                ("0", "100"),
                ("0.10", "0.20"),
            ),
        ),
        "Denrées et boissons",
        "5.5",
        1,
        ("0.28", "0.34"),
        ("0.25", "0.30"),
        "Loyer et assurance",
        "Une chambre froide",
    ),
    "librairie": Profil(
        (
            Forme("Ventes de livres en caisse", "5.5", ("100",), ("0.70", "0.80")),
            Forme(
                "Commandes des écoles (50 % à 30 jours, 50 % à 60 jours)",
                "5.5",
                ("0", "50", "50"),
                ("0.20", "0.30"),
            ),
        ),
        "Livres des éditeurs et distributeurs",
        "5.5",
        2,
        ("0.58", "0.66"),
        ("0.10", "0.14"),
        "Loyer et assurance",
        "De nouveaux rayonnages",
    ),
    "batiment": Profil(
        (
            Forme(
                "Factures de chantiers (30 % comptant, 70 % à 30 jours)",
                "20",
                ("30", "70"),
                ("0.60", "0.70"),
            ),
            Forme(
                "Chantiers des entreprises (à 60 jours)", "20", ("0", "0", "100"), ("0.30", "0.40")
            ),
        ),
        "Matériaux et fournitures",
        "20",
        1,
        ("0.35", "0.42"),
        ("0.25", "0.30"),
        "Loyer du dépôt et assurance",
        "Une mini-pelle",
    ),
    "grossiste_fournitures": Profil(
        (
            Forme(
                "Ventes aux entreprises (40 % à 30 jours, 60 % à 60 jours)",
                "20",
                ("0", "40", "60"),
                ("0.70", "0.80"),
            ),
            Forme("Ventes au comptoir (payées comptant)", "20", ("100",), ("0.20", "0.30")),
        ),
        "Marchandises",
        "20",
        1,
        ("0.62", "0.68"),
        ("0.07", "0.09"),
        "Loyer de l'entrepôt et assurance",
        "Un chariot élévateur",
    ),
    "informatique": Profil(
        (
            Forme(
                "Prestations facturées aux clients (à 30 jours)",
                "20",
                ("0", "100"),
                ("0.75", "0.85"),
            ),
            Forme(
                "Contrats de maintenance (40 % à 30 jours, 60 % à 60 jours)",
                "20",
                ("0", "40", "60"),
                ("0.15", "0.25"),
            ),
        ),
        "Licences et matériel revendu",
        "20",
        1,
        ("0.12", "0.18"),
        ("0.38", "0.45"),
        "Loyer des bureaux et assurance",
        "Des serveurs",
    ),
    "regie_eau": Profil(
        (
            Forme(
                "Factures de consommation d'eau (payées à 30 jours)",
                "5.5",
                ("0", "100"),
                ("0.60", "0.70"),
            ),
            Forme(
                "Abonnements du semestre (20 % comptant, 50 % à 30 jours, 30 % à 60 jours)",
                "5.5",
                ("20", "50", "30"),
                ("1.50", "2.00"),
                semestriel=True,
            ),
        ),
        "Électricité des pompes, produits de traitement et pièces du réseau",
        "20",
        1,
        ("0.10", "0.15"),
        ("0.25", "0.30"),
        "Loyer des locaux et assurance",
        "Un véhicule d'intervention",
    ),
    "association_sportive": Profil(
        (
            Forme("Cotisations des adhérents", "0", ("100",), ("0.70", "0.80")),
            Forme("Buvette et tournois", "0", ("100",), ("0.10", "0.20")),
        ),
        "Matériel sportif et déplacements",
        "20",
        0,
        ("0.15", "0.22"),
        ("0.35", "0.45"),
        "Loyer du local du club et assurance",
        "Un minibus",
    ),
}
# An organisation of a sector not described here: invoices at 30 days.
PAR_DEFAUT = Profil(
    (Forme("Ventes aux clients (à 30 jours)", "20", ("0", "100"), ("0.90", "1.00")),),
    "Achats et fournitures",
    "20",
    1,
    ("0.30", "0.40"),
    ("0.25", "0.30"),
    "Loyer et assurance",
    "Du matériel informatique",
)


def profil(secteur: str) -> Profil:
    return PROFILS.get(secteur, PAR_DEFAUT)


def statut(relation: str) -> str:
    """Who the organisation serves says what it is: members (an association), users (a public
    service), or customers (a company)."""
    return {"adherent": "association", "usager": "service_public"}.get(relation, "entreprise")
