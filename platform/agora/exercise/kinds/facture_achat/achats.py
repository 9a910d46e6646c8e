"""What each sector buys, from which of its suppliers, and into which PCG account: the purchase
documents fit the organisation (a bakery buys flour into 601, a bookshop books to resell into
607, a club coach trips into 624).

An article: (supplier keyword, reference, designation, unit, lowest and highest unit price HT,
VAT rate, account). The keyword is a word of the sector's supplier names (scenarios/secteurs/),
so an invoice from « Moulins Martin » bills flour. Rates: CGI art. 278 (20 %), 278-0 bis (5,5 %:
food, books), 298 septies (2,1 %: press).
"""

from __future__ import annotations

# One article a line, as a table reads (the formatter would split the long ones).
# fmt: off
ARTICLES = {
    "boulangerie": (
        ("Moulins", "FAR-T65", "Farine de blé T65, sac de 25 kg", "sac", 14, 24, "5.5", "601"),
        ("Moulins", "FAR-SEI", "Farine de seigle T130, sac de 25 kg", "sac", 18, 30, "5.5", "601"),
        ("Moulins", "LEV-500", "Levure fraîche, pain de 500 g", "pain", 2, 4, "5.5", "601"),
        ("Laiterie", "BEU-AOP", "Beurre doux AOP, plaque de 1 kg", "plaque", 7, 12, "5.5", "601"),
        ("Laiterie", "CRE-5L", "Crème fraîche 35 %, seau de 5 l", "seau", 18, 28, "5.5", "601"),
        ("Laiterie", "OEU-180", "Œufs frais, plateau de 180", "plateau", 30, 45, "5.5", "601"),
        ("Chocolaterie", "CHO-64", "Chocolat de couverture 64 %, 5 kg", "sac", 45, 80, "5.5", "601"),
        ("Chocolaterie", "BAT-CH", "Bâtons de chocolat, boîte de 1,6 kg", "boîte", 15, 25, "5.5", "601"),
        ("Emballages", "SAC-BAG", "Sachets à baguette, carton de 1 000", "carton", 25, 45, "20", "6026"),
        ("Emballages", "BOI-PAT", "Boîtes à pâtisserie, lot de 100", "lot", 20, 40, "20", "6026"),
        ("Primeurs", "POM-GOL", "Pommes golden, caisse de 10 kg", "caisse", 12, 22, "5.5", "601"),
        ("Primeurs", "FRA-BAR", "Fraises, barquette de 2 kg", "barquette", 8, 16, "5.5", "601"),
        ("Matériel", "MOU-INX", "Moules à cake inox", "pièce", 9, 18, "20", "6063"),
        ("Matériel", "TAP-CUI", "Tapis de cuisson silicone", "pièce", 15, 30, "20", "6063"),
    ),
    "restaurant": (
        ("Primeurs", "LEG-SAI", "Légumes de saison, cagette de 10 kg", "cagette", 15, 30, "5.5", "601"),
        ("Primeurs", "POM-TER", "Pommes de terre, sac de 25 kg", "sac", 12, 22, "5.5", "601"),
        ("Boucherie", "BOE-BAV", "Bavette de bœuf, kg", "kg", 14, 24, "5.5", "601"),
        ("Boucherie", "VOL-FER", "Volaille fermière, pièce", "pièce", 9, 16, "5.5", "601"),
        ("Marée", "POI-CAB", "Cabillaud en filets, kg", "kg", 16, 28, "5.5", "601"),
        ("Marée", "MOU-BOU", "Moules de bouchot, kg", "kg", 3, 6, "5.5", "601"),
        ("Cave", "VIN-ROU", "Vin rouge AOP, carton de 6", "carton", 30, 70, "20", "607"),
        ("Cave", "VIN-BLA", "Vin blanc AOP, carton de 6", "carton", 30, 65, "20", "607"),
        ("Laiterie", "FRO-PLA", "Plateau de fromages affinés", "plateau", 25, 45, "5.5", "601"),
        ("Laiterie", "CRE-RES", "Crème fraîche, pot de 1 l", "pot", 4, 7, "5.5", "601"),
        ("Équipement", "UST-INX", "Bacs gastronormes inox", "pièce", 12, 30, "20", "6063"),
        ("Équipement", "COU-CHF", "Couteaux de chef", "pièce", 25, 60, "20", "6063"),
    ),
    "librairie": (
        ("Éditions", "LIV-ROM", "Romans grand format", "exemplaire", 12, 20, "5.5", "607"),
        ("Éditions", "LIV-POC", "Livres de poche", "exemplaire", 5, 9, "5.5", "607"),
        ("Diffusion", "LIV-BD", "Bandes dessinées", "exemplaire", 9, 16, "5.5", "607"),
        ("Diffusion", "LIV-GUI", "Guides de voyage", "exemplaire", 10, 18, "5.5", "607"),
        ("presse", "JOU-QUO", "Quotidiens régionaux", "exemplaire", 1, 2, "2.1", "607"),
        ("presse", "MAG-HEB", "Magazines hebdomadaires", "exemplaire", 2, 4, "2.1", "607"),
        ("Papeteries", "CAH-A4", "Cahiers A4 grands carreaux", "pièce", 1, 3, "20", "607"),
        ("Papeteries", "STY-4C", "Stylos quatre couleurs", "pièce", 1, 3, "20", "607"),
        ("Jeux", "JEU-SOC", "Jeux de société familiaux", "boîte", 12, 28, "20", "607"),
        ("Jeux", "PUZ-1000", "Puzzles de 1 000 pièces", "boîte", 8, 15, "20", "607"),
        ("jeunesse", "ALB-JEU", "Albums jeunesse", "exemplaire", 6, 12, "5.5", "607"),
        ("jeunesse", "DOC-JEU", "Documentaires jeunesse", "exemplaire", 7, 13, "5.5", "607"),
    ),
    "grossiste_fournitures": (
        ("Papeteries", "RAM-A4", "Ramettes de papier A4 80 g", "carton", 18, 30, "20", "607"),
        ("Papeteries", "ENV-C5", "Enveloppes C5, boîte de 500", "boîte", 12, 22, "20", "607"),
        ("bureau", "CLA-LEV", "Classeurs à levier", "carton", 20, 40, "20", "607"),
        ("bureau", "AGR-PRO", "Agrafeuses professionnelles", "pièce", 8, 20, "20", "607"),
        ("Mobilier", "FAU-ERG", "Fauteuils de bureau ergonomiques", "pièce", 90, 220, "20", "607"),
        ("Mobilier", "CAI-MOB", "Caissons mobiles 3 tiroirs", "pièce", 60, 140, "20", "607"),
        ("Toners", "TON-NOI", "Toners noirs compatibles", "pièce", 25, 60, "20", "607"),
        ("Toners", "CAR-COU", "Cartouches couleur, lot de 4", "lot", 30, 70, "20", "607"),
        ("Stylos", "STY-BIL", "Stylos à bille, boîte de 50", "boîte", 6, 14, "20", "607"),
        ("Stylos", "SUR-FLU", "Surligneurs fluo, lot de 12", "lot", 5, 11, "20", "607"),
    ),
    "informatique": (
        ("Distribution", "ECR-27", "Écrans 27 pouces à revendre", "pièce", 140, 260, "20", "607"),
        ("Distribution", "CLA-SF", "Claviers sans fil à revendre", "pièce", 18, 45, "20", "607"),
        ("Distribution", "SSD-1T", "Disques SSD 1 To à revendre", "pièce", 55, 110, "20", "607"),
        ("Datacenter", "HEB-SRV", "Hébergement de serveur, mois", "mois", 80, 300, "20", "6135"),
        ("Datacenter", "SAU-1T", "Sauvegarde externalisée, To par mois", "mois", 15, 40, "20", "6135"),
        ("logicielles", "LIC-ANN", "Licences annuelles de logiciel", "licence", 60, 240, "20", "651"),
        ("logicielles", "SUP-ANN", "Support éditeur annuel", "contrat", 150, 400, "20", "651"),
        ("Télécoms", "FIB-PRO", "Abonnement fibre professionnelle, mois", "mois", 40, 90, "20", "626"),
        ("Télécoms", "FOR-MOB", "Forfaits mobiles, mois", "forfait", 12, 30, "20", "626"),
    ),
    "batiment": (
        ("Matériaux", "CIM-35", "Ciment CEM II, sac de 35 kg", "sac", 7, 12, "20", "601"),
        ("Matériaux", "PLA-BA13", "Plaques de plâtre BA13", "plaque", 6, 11, "20", "601"),
        ("Peintures", "PEI-MAT", "Peinture acrylique mate, pot de 15 l", "pot", 60, 120, "20", "601"),
        ("Peintures", "SOU-COU", "Sous-couche universelle, pot de 10 l", "pot", 35, 70, "20", "601"),
        ("Menuiseries", "POR-INT", "Portes intérieures isoplanes", "pièce", 60, 140, "20", "601"),
        ("Menuiseries", "PLI-CHE", "Plinthes en chêne, botte de 10", "botte", 40, 90, "20", "601"),
        ("engins", "LOC-PEL", "Location de mini-pelle, jour", "jour", 150, 260, "20", "6135"),
        ("engins", "LOC-ECH", "Location d'échafaudage, semaine", "semaine", 90, 200, "20", "6135"),
        ("Isolation", "LAI-VER", "Laine de verre 100 mm, rouleau", "rouleau", 20, 40, "20", "601"),
        ("Carrelages", "CAR-GRE", "Carrelage grès cérame, m²", "m²", 18, 45, "20", "601"),
        ("Carrelages", "COL-CAR", "Colle à carrelage, sac de 25 kg", "sac", 12, 25, "20", "601"),
    ),
    "regie_eau": (
        ("Canalisations", "TUY-PE", "Tuyau polyéthylène 32 mm, couronne de 50 m", "couronne", 60, 130, "20", "6021"),
        ("Canalisations", "RAC-LAI", "Raccords en laiton", "pièce", 6, 15, "20", "6021"),
        ("Compteurs", "CPT-15", "Compteurs d'eau DN15", "pièce", 25, 55, "20", "6021"),
        ("Compteurs", "ROB-CPT", "Robinets avant compteur", "pièce", 9, 20, "20", "6021"),
        ("Laboratoire", "ANA-BAC", "Analyses bactériologiques", "analyse", 40, 90, "20", "611"),
        ("Laboratoire", "ANA-PHY", "Analyses physico-chimiques", "analyse", 60, 140, "20", "611"),
        ("traitement", "CHL-GAZ", "Chlore gazeux, bouteille de 49 kg", "bouteille", 120, 240, "20", "6021"),
        ("traitement", "REA-PH", "Réactif correcteur de pH, bidon", "bidon", 30, 70, "20", "6021"),
        ("Travaux", "REP-FUI", "Réparation de fuite sur conduite", "intervention", 300, 900, "20", "615"),
        ("Véhicules", "ENT-FOU", "Entretien d'un fourgon", "intervention", 150, 450, "20", "615"),
    ),
    "association_sportive": (
        ("Équipements", "BAL-T5", "Ballons de match taille 5", "pièce", 15, 35, "20", "6063"),
        ("Équipements", "CHA-ENT", "Chasubles d'entraînement", "pièce", 3, 7, "20", "6063"),
        ("Équipements", "PLO-LOT", "Plots et coupelles, lot", "lot", 15, 30, "20", "6063"),
        ("Autocars", "TRA-EQU", "Transport de l'équipe en autocar", "déplacement", 250, 700, "10", "6248"),
        ("Imprimerie", "AFF-A3", "Affiches A3 du tournoi", "lot", 40, 120, "20", "6236"),
        ("Imprimerie", "FLY-A5", "Flyers A5, lot de 1 000", "lot", 30, 80, "20", "6236"),
        ("Textile", "MAI-CLU", "Maillots du club floqués", "pièce", 18, 35, "20", "6063"),
        ("Textile", "SHO-CLU", "Shorts du club", "pièce", 10, 20, "20", "6063"),
    ),
}

# Other accounts accepted for an account, besides its three-digit root: the sub-accounts a PCG
# user writes (6155 maintenance of movables, 6262 telecoms…) and, for software, the rentals a
# subscription may be booked to.
AUSSI_ACCEPTES = {
    "615": ("6152", "6155"),
    "626": ("6262",),
    "651": ("6511", "613", "6135", "6156"),
}

# A fixed asset the organisation may buy (level 3): (supplier keyword, reference, designation,
# lowest and highest price HT, account). Above the capitalisation threshold (achats.yaml).
IMMOBILISATIONS = {
    "boulangerie": ("Matériel", "PET-SPI", "Pétrin à spirale 80 kg", 4000, 9000, "2154"),
    "restaurant": ("Équipement", "FOU-MIX", "Four mixte professionnel", 4500, 9500, "2154"),
    "librairie": ("Papeteries", "ORD-CAI", "Ordinateur de caisse", 800, 1600, "2183"),
    "grossiste_fournitures": ("Logistique", "TRA-ELE", "Transpalette électrique", 2500, 5000, "2154"),
    "informatique": ("Distribution", "SRV-RCK", "Serveur informatique en baie", 3000, 9000, "2183"),
    "batiment": ("Véhicules", "CAM-UTI", "Camionnette utilitaire", 18000, 32000, "2182"),
    "regie_eau": ("Véhicules", "FOU-UTI", "Fourgon d'intervention", 22000, 35000, "2182"),
    "association_sportive": ("Équipements", "ORD-POR", "Ordinateur portable du secrétariat", 600, 1100, "2183"),
}

# A supplier in another EU country (level 3, organisations subject to VAT).
FOURNISSEURS_UE = {
    "boulangerie": ("Backmühle Krüger GmbH", "Allemagne"),
    "restaurant": ("Cantina Rossi SRL", "Italie"),
    "librairie": ("Spellen De Vries BV", "Pays-Bas"),
    "grossiste_fournitures": ("Büromöbel Schmidt GmbH", "Allemagne"),
    "informatique": ("Schermen Janssens NV", "Belgique"),
    "batiment": ("Cerámicas García SL", "Espagne"),
    "regie_eau": ("Wasserzähler Bauer GmbH", "Allemagne"),
}
# fmt: on
