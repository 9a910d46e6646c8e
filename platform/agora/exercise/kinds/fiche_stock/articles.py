"""The stocked articles each sector keeps a stock card for: what it buys and uses or resells,
with a realistic purchase cost, daily use and supplier lead time (drawn by the generator)."""

from __future__ import annotations

from dataclasses import dataclass

from agora.francais import de


@dataclass(frozen=True)
class ArticleStocke:
    reference: str
    designation: str
    unite: str  # singular, as on the card: « sac », « bouteille »
    pluriel: str
    cout: tuple[str, str]  # net purchase price per unit, min and max (euros HT)
    frais: tuple[str, str]  # incidental costs per unit (transport…), min and max
    usage: str  # what the issues are, for the statement: « pour la cuisine »
    conso_jour: tuple[int, int]  # units used or sold per working day
    lot: int  # receipts are multiples of this (a pallet, a carton)


def _a(*args: object) -> ArticleStocke:
    return ArticleStocke(*args)  # type: ignore[arg-type]


ARTICLES: dict[str, tuple[ArticleStocke, ...]] = {
    "restaurant": (
        _a(
            "FAR-T55",
            "Farine de blé T55, sac de 25 kg",
            "sac",
            "sacs",
            ("14.20", "21.80"),
            ("0.40", "1.20"),
            "pour la cuisine",
            (1, 2),
            5,
        ),
        _a(
            "VIN-CDR",
            "Vin rouge AOP Côtes-du-Rhône, bouteille 75 cl",
            "bouteille",
            "bouteilles",
            ("4.15", "8.90"),
            ("0.10", "0.45"),
            "servies en salle",
            (4, 9),
            12,
        ),
        _a(
            "HUI-OL5",
            "Huile d'olive vierge extra, bidon de 5 L",
            "bidon",
            "bidons",
            ("27.40", "41.60"),
            ("0.50", "1.50"),
            "pour la cuisine",
            (1, 2),
            4,
        ),
    ),
    "boulangerie": (
        _a(
            "FAR-T65",
            "Farine de tradition T65, sac de 25 kg",
            "sac",
            "sacs",
            ("15.30", "23.70"),
            ("0.30", "1.10"),
            "pour le fournil",
            (2, 5),
            10,
        ),
        _a(
            "BEU-AOP",
            "Beurre AOP pâtissier, plaque de 1 kg",
            "plaque",
            "plaques",
            ("8.05", "12.40"),
            ("0.15", "0.60"),
            "pour les viennoiseries",
            (3, 8),
            10,
        ),
        _a(
            "SUC-25",
            "Sucre en poudre, sac de 25 kg",
            "sac",
            "sacs",
            ("21.10", "29.90"),
            ("0.40", "1.20"),
            "pour la pâtisserie",
            (1, 2),
            5,
        ),
    ),
    "librairie": (
        _a(
            "LIV-POC",
            "Livre de poche, nouveauté du mois",
            "exemplaire",
            "exemplaires",
            ("4.35", "6.95"),
            ("0.05", "0.30"),
            "vendus en magasin",
            (3, 8),
            10,
        ),
        _a(
            "BD-T1",
            "Bande dessinée, tome 1 d'une série",
            "exemplaire",
            "exemplaires",
            ("7.45", "10.60"),
            ("0.10", "0.40"),
            "vendus en magasin",
            (2, 5),
            5,
        ),
        _a(
            "MAN-SCO",
            "Manuel scolaire de mathématiques",
            "exemplaire",
            "exemplaires",
            ("13.10", "18.70"),
            ("0.20", "0.60"),
            "vendus aux familles",
            (2, 6),
            10,
        ),
    ),
    "batiment": (
        _a(
            "CIM-35",
            "Ciment gris CEM II, sac de 35 kg",
            "sac",
            "sacs",
            ("7.15", "10.90"),
            ("0.35", "1.10"),
            "emportés sur les chantiers",
            (3, 8),
            10,
        ),
        _a(
            "BA13",
            "Plaque de plâtre BA13, 250 × 120 cm",
            "plaque",
            "plaques",
            ("6.05", "9.85"),
            ("0.40", "1.20"),
            "posées sur les chantiers",
            (4, 10),
            10,
        ),
        _a(
            "PEI-10L",
            "Peinture acrylique blanche, pot de 10 L",
            "pot",
            "pots",
            ("28.60", "54.80"),
            ("0.60", "2.00"),
            "emportés sur les chantiers",
            (1, 3),
            4,
        ),
    ),
    "regie_eau": (
        _a(
            "CPT-DN15",
            "Compteur d'eau DN 15",
            "compteur",
            "compteurs",
            ("24.70", "44.90"),
            ("0.50", "1.50"),
            "posés chez les usagers",
            (1, 3),
            5,
        ),
        _a(
            "PEHD-32",
            "Tube PEHD Ø 32 mm, couronne de 50 m",
            "couronne",
            "couronnes",
            ("61.20", "108.40"),
            ("1.20", "3.50"),
            "pour les branchements",
            (1, 2),
            2,
        ),
        _a(
            "COL-PEC",
            "Collier de prise en charge Ø 110",
            "collier",
            "colliers",
            ("12.05", "19.70"),
            ("0.20", "0.80"),
            "pour les branchements",
            (1, 3),
            5,
        ),
    ),
    "association_sportive": (
        _a(
            "BAL-T5",
            "Ballon de football taille 5",
            "ballon",
            "ballons",
            ("11.85", "24.60"),
            ("0.30", "1.20"),
            "remis aux équipes",
            (1, 3),
            5,
        ),
        _a(
            "CHA-ENT",
            "Chasuble d'entraînement",
            "chasuble",
            "chasubles",
            ("2.95", "5.70"),
            ("0.10", "0.40"),
            "remises aux éducateurs",
            (2, 5),
            10,
        ),
        _a(
            "MAI-CLU",
            "Maillot du club",
            "maillot",
            "maillots",
            ("9.80", "17.40"),
            ("0.20", "0.70"),
            "vendus aux adhérents",
            (1, 4),
            5,
        ),
    ),
    "grossiste_fournitures": (
        _a(
            "RAM-A4",
            "Ramette de papier A4 80 g (500 feuilles)",
            "ramette",
            "ramettes",
            ("2.27", "3.49"),
            ("0.05", "0.20"),
            "vendues aux clients",
            (20, 45),
            50,
        ),
        _a(
            "CLA-80",
            "Classeur à levier dos 80 mm",
            "classeur",
            "classeurs",
            ("1.18", "2.46"),
            ("0.04", "0.15"),
            "vendus aux clients",
            (10, 25),
            25,
        ),
    ),
    "informatique": (
        _a(
            "TON-NR",
            "Cartouche de toner laser noir",
            "cartouche",
            "cartouches",
            ("46.30", "88.70"),
            ("0.80", "2.50"),
            "installées chez les clients",
            (1, 2),
            4,
        ),
        _a(
            "SOU-SF",
            "Souris sans fil",
            "souris",
            "souris",
            ("8.15", "14.90"),
            ("0.20", "0.60"),
            "remises aux clients",
            (1, 3),
            5,
        ),
        _a(
            "RJ45-3",
            "Câble réseau RJ45 catégorie 6, 3 m",
            "câble",
            "câbles",
            ("2.05", "4.85"),
            ("0.05", "0.20"),
            "posés chez les clients",
            (3, 7),
            10,
        ),
    ),
}

# Every organisation uses paper: the card of an unknown sector.
PAR_DEFAUT = (
    _a(
        "RAM-A4",
        "Ramette de papier A4 80 g (500 feuilles)",
        "ramette",
        "ramettes",
        ("2.45", "3.90"),
        ("0.05", "0.20"),
        "pour les bureaux",
        (2, 5),
        10,
    ),
)


def articles(secteur: str) -> tuple[ArticleStocke, ...]:
    """The articles a sector keeps stock cards for (office paper when the sector is unknown)."""
    return ARTICLES.get(secteur, PAR_DEFAUT)


# Who sells each article, named after the organisation's town (« Minoterie de Cergy »).
FOURNISSEURS = {
    "FAR-T55": "Minoterie",
    "VIN-CDR": "Cave et vignobles",
    "HUI-OL5": "Épicerie en gros",
    "FAR-T65": "Minoterie",
    "BEU-AOP": "Crémerie en gros",
    "SUC-25": "Épicerie en gros",
    "LIV-POC": "Diffusion du livre",
    "BD-T1": "Diffusion du livre",
    "MAN-SCO": "Diffusion scolaire",
    "CIM-35": "Négoce de matériaux",
    "BA13": "Négoce de matériaux",
    "PEI-10L": "Comptoir des peintures",
    "CPT-DN15": "Comptoir des réseaux d'eau",
    "PEHD-32": "Comptoir des réseaux d'eau",
    "COL-PEC": "Comptoir des réseaux d'eau",
    "BAL-T5": "Équipement sportif",
    "CHA-ENT": "Équipement sportif",
    "MAI-CLU": "Textile sportif",
    "RAM-A4": "Papeterie en gros",
    "CLA-80": "Papeterie en gros",
    "TON-NR": "Distribution informatique",
    "SOU-SF": "Distribution informatique",
    "RJ45-3": "Distribution informatique",
}


def fournisseur(article: ArticleStocke, ville: str) -> str:
    """The article's supplier, in the organisation's town."""
    return f"{FOURNISSEURS.get(article.reference, 'Fournitures')} {de(ville)}"
