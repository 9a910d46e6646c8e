"""What each sector liable to VAT buys in a month, the fixed asset it may acquire and what it may
buy in another EU country: the VAT return's documents fit the sector.

Rates: CGI art. 278 (20 %), 278-0 bis (5,5 % : food for later consumption, water, books…),
279 (10 % : on-site food, sanitation, passenger transport, works in homes), 298 septies (2,1 % :
press). Each tuple: (label, VAT rate, lowest and highest amount HT).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from agora.content.loading import StrictModel, load_yaml_model


class _Vendeurs(StrictModel):
    vendeurs: dict[str, tuple[tuple[str, ...], str]]


# Who sells each purchase: words of a supplier name, the seller when none (vendeurs.yaml).
VENDEURS = load_yaml_model(Path(__file__).with_name("vendeurs.yaml"), _Vendeurs).vendeurs


def vendeur(org: Any, achat: str) -> str:
    """The supplier of the organisation that sells ``achat`` (its name holds one of the
    purchase's words), else the seller the purchase names."""
    mots, autre = VENDEURS[achat]
    noms = [f.nom for f in org.fournisseurs]
    return next((n for n in noms if any(m.lower() in n.lower() for m in mots)), autre)


ACHATS = {
    "restaurant": (
        ("Viandes et poissons", "5.5", 1800, 6500),
        ("Fruits et légumes", "5.5", 700, 2600),
        ("Vins et spiritueux", "20", 900, 3800),
        ("Produits d'entretien et d'hygiène", "20", 150, 600),
        ("Réparation de la chambre froide", "20", 250, 1200),
    ),
    "boulangerie": (
        ("Farine de blé T65", "5.5", 900, 3200),
        ("Beurre, œufs et crème", "5.5", 800, 2900),
        ("Sachets et boîtes d'emballage", "20", 200, 900),
        ("Électricité du fournil", "20", 600, 1900),
    ),
    "librairie": (
        ("Livres achetés au distributeur", "5.5", 8000, 30000),
        ("Journaux et magazines achetés au dépositaire", "2.1", 900, 3500),
        ("Articles de papeterie", "20", 700, 3000),
        ("Électricité du magasin", "20", 250, 900),
    ),
    "grossiste_fournitures": (
        ("Achats de ramettes de papier (marchandises)", "20", 9000, 60000),
        ("Achats de mobilier de bureau (marchandises)", "20", 6000, 45000),
        ("Transport sur achats", "20", 400, 2500),
        ("Entretien des locaux", "20", 300, 1200),
    ),
    "informatique": (
        ("Ordinateurs achetés pour être revendus", "20", 2000, 9000),
        ("Sous-traitance de développement", "20", 1500, 8000),
        ("Abonnements aux logiciels", "20", 300, 1500),
        ("Location des bureaux", "20", 1200, 3500),
    ),
    "batiment": (
        ("Peintures et enduits", "20", 1200, 5000),
        ("Parquet stratifié et plinthes", "20", 900, 4500),
        ("Location d'échafaudage", "20", 300, 1500),
        ("Carburant des camionnettes", "20", 400, 1400),
    ),
    "regie_eau": (
        ("Produits de traitement de l'eau", "20", 2500, 9000),
        ("Analyses de laboratoire", "20", 900, 3500),
        ("Électricité des stations de pompage", "20", 4000, 15000),
        ("Pièces pour compteurs d'eau", "20", 600, 2500),
    ),
}

IMMOBILISATIONS = {
    "restaurant": ("Four mixte professionnel", 4500, 9500),
    "boulangerie": ("Pétrin mécanique", 3500, 8000),
    "librairie": ("Rayonnages et présentoirs", 2500, 7000),
    "grossiste_fournitures": ("Chariot élévateur", 9000, 18000),
    "informatique": ("Serveur informatique", 3000, 9000),
    "batiment": ("Camionnette utilitaire", 18000, 32000),
    "regie_eau": ("Pompe de relevage", 6000, 15000),
}

# Goods bought from a supplier in another EU country (normal rate), by sector.
ACQUISITIONS_UE = {
    "restaurant": ("Vins de Toscane", "Italie", 1500, 5000),
    "boulangerie": ("Moules et plaques de cuisson", "Allemagne", 600, 2500),
    "librairie": ("Jeux de société", "Belgique", 1200, 4000),
    "grossiste_fournitures": ("Fauteuils de bureau", "Allemagne", 5000, 20000),
    "informatique": ("Écrans 27 pouces", "Pays-Bas", 2000, 8000),
    "batiment": ("Carrelage en grès cérame", "Espagne", 2000, 7000),
    "regie_eau": ("Compteurs d'eau", "Allemagne", 3000, 9000),
}
PAYS_FOURNISSEUR = {
    "Italie": "IT",
    "Allemagne": "DE",
    "Belgique": "BE",
    "Pays-Bas": "NL",
    "Espagne": "ES",
}

# Sectors whose sales are mostly services: VAT due on receipts unless the débits option.
SERVICES = frozenset({"batiment", "informatique"})
