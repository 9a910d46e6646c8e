"""What each sector's balance sheet holds, in proportion of its yearly turnover: its fixed assets
(named as the trade names them), its stocks, what its customers owe and what it owes (drawn by
the generator), and the wording of each kind of organisation (company, association, public body)."""

from __future__ import annotations

from dataclasses import dataclass

Fourchette = tuple[str, str]  # min and max, as a share of the yearly turnover


@dataclass(frozen=True)
class Profil:
    immobilisations: tuple[tuple[str, bool], ...]  # wording, amortised or not (goodwill)
    immobilise: Fourchette  # gross fixed assets
    stocks: Fourchette
    creances: Fourchette  # what customers, users or members still owe at year end
    dettes: Fourchette  # suppliers, tax and social debts


PROFILS: dict[str, Profil] = {
    "restaurant": Profil(
        (("Fonds commercial", False), ("Matériel de cuisine et mobilier de salle", True)),
        ("0.45", "0.80"),
        ("0.02", "0.04"),
        ("0.01", "0.03"),
        ("0.10", "0.16"),
    ),
    "boulangerie": Profil(
        (("Fonds commercial", False), ("Four, pétrin et matériel du fournil", True)),
        ("0.40", "0.70"),
        ("0.02", "0.04"),
        ("0.01", "0.02"),
        ("0.09", "0.14"),
    ),
    "librairie": Profil(
        (("Fonds commercial", False), ("Agencement du magasin et rayonnages", True)),
        ("0.15", "0.30"),
        ("0.15", "0.25"),
        ("0.03", "0.06"),
        ("0.12", "0.18"),
    ),
    "batiment": Profil(
        (("Véhicules utilitaires", True), ("Outillage et échafaudages", True)),
        ("0.20", "0.40"),
        ("0.04", "0.08"),
        ("0.15", "0.25"),
        ("0.14", "0.20"),
    ),
    "regie_eau": Profil(
        (("Réseaux et branchements d'eau", True), ("Station de traitement et réservoirs", True)),
        ("2.50", "4.50"),
        ("0.01", "0.03"),
        ("0.10", "0.18"),
        ("0.08", "0.14"),
    ),
    "association_sportive": Profil(
        (
            ("Minibus et matériel sportif du club", True),
            ("Aménagement des vestiaires et du club-house", True),
        ),
        ("0.30", "0.80"),
        ("0.01", "0.03"),
        ("0.06", "0.14"),
        ("0.06", "0.12"),
    ),
    "grossiste_fournitures": Profil(
        (
            ("Agencement de l'entrepôt et rayonnages", True),
            ("Chariots et camion de livraison", True),
        ),
        ("0.10", "0.25"),
        ("0.12", "0.20"),
        ("0.15", "0.22"),
        ("0.16", "0.24"),
    ),
    "informatique": Profil(
        (("Logiciels", True), ("Serveurs et matériel informatique", True)),
        ("0.10", "0.25"),
        ("0.03", "0.06"),
        ("0.18", "0.25"),
        ("0.12", "0.18"),
    ),
}
# An organisation of a sector not described here: an office with its furniture and computers.
PAR_DEFAUT = Profil(
    (("Mobilier de bureau", True), ("Matériel informatique", True)),
    ("0.15", "0.35"),
    ("0.02", "0.06"),
    ("0.08", "0.16"),
    ("0.10", "0.16"),
)


def profil(secteur: str) -> Profil:
    return PROFILS.get(secteur, PAR_DEFAUT)


def statut(relation: str) -> str:
    """Who the organisation serves says what it is: members (an association), users (a public
    service), or customers (a company)."""
    return {"adherent": "association", "usager": "service_public"}.get(relation, "entreprise")


# The wording of each line, by status: equity, receivables, deferred income.
LIBELLES = {
    "entreprise": {
        "apport": "Capital",
        "reserves": "Réserves",
        "resultat": "Résultat de l'exercice",
        "capitaux_propres": "Capitaux propres",
        "creances": "Créances clients",
        "pca": "prestations facturées d'avance",
    },
    "association": {
        "apport": "Fonds associatifs sans droit de reprise",
        "reserves": "Réserves de l'association",
        "resultat": "Résultat de l'exercice (excédent)",
        "capitaux_propres": "Fonds associatifs",
        "creances": "Cotisations et subventions à recevoir",
        "pca": "cotisations de la saison suivante",
    },
    "service_public": {
        "apport": "Dotation de la collectivité",
        "reserves": "Réserves et subventions d'investissement",
        "resultat": "Résultat de l'exercice",
        "capitaux_propres": "Fonds propres (dotation, réserves, résultat)",
        "creances": "Créances sur les usagers",
        "pca": "abonnements facturés d'avance",
    },
}
