"""What each sector plans: a project of the organisation (its tasks in a sensible order) and the
shared resources its staff book (rooms, vehicles or machines, with what they hold)."""

from __future__ import annotations

from typing import NamedTuple


class Modele(NamedTuple):
    titre: str
    taches: tuple[str, ...]  # at least 12, in an order where a task may follow any earlier one


class Parc(NamedTuple):
    famille: str  # « salles », « véhicules »… as the statement names them
    unite: str  # what the capacity counts (« personnes », « places »…)
    ressources: tuple[tuple[str, str, int], ...]  # (code, label, capacity), smallest first
    objets: tuple[str, ...]  # what the requests are for


_DEMENAGEMENT = Modele(
    "Déménagement des bureaux",
    (
        "Faire l'inventaire du mobilier",
        "Demander trois devis de déménageurs",
        "Choisir le déménageur",
        "Prévenir le personnel et les partenaires",
        "Commander les cartons",
        "Faire transférer les lignes et Internet",
        "Emballer les dossiers",
        "Démonter le mobilier",
        "Transporter le mobilier",
        "Installer les postes informatiques",
        "Ranger les dossiers",
        "Faire l'état des lieux de sortie",
        "Mettre à jour l'adresse sur les documents",
        "Inaugurer les nouveaux bureaux",
    ),
)

PROJETS = {
    "association_sportive": Modele(
        "Organisation du tournoi annuel du club",
        (
            "Réserver le gymnase",
            "Demander l'accord de la mairie",
            "Écrire le règlement du tournoi",
            "Lancer les inscriptions des équipes",
            "Chercher des partenaires",
            "Commander les coupes et médailles",
            "Recruter les bénévoles",
            "Faire imprimer les affiches",
            "Établir le tableau des matchs",
            "Organiser la buvette",
            "Installer les terrains et la sono",
            "Accueillir les équipes",
            "Remettre les prix",
            "Envoyer les remerciements",
        ),
    ),
    "batiment": Modele(
        "Rénovation d'un appartement",
        (
            "Relever les mesures chez le client",
            "Faire signer le devis",
            "Commander les matériaux",
            "Protéger les sols et les meubles",
            "Déposer l'ancienne cuisine",
            "Reprendre l'électricité",
            "Reprendre la plomberie",
            "Poser les cloisons en plaques de plâtre",
            "Faire les enduits",
            "Poser le carrelage",
            "Peindre les murs et plafonds",
            "Poser la nouvelle cuisine",
            "Nettoyer le chantier",
            "Réceptionner les travaux avec le client",
        ),
    ),
    "boulangerie": Modele(
        "Lancement d'une gamme de pains bio",
        (
            "Choisir les recettes",
            "Trouver un meunier bio",
            "Demander la certification bio",
            "Commander les farines",
            "Faire les essais de fabrication",
            "Calculer les prix de vente",
            "Former les vendeuses",
            "Créer les étiquettes",
            "Préparer la vitrine",
            "Annoncer la gamme aux clients",
            "Fabriquer le premier stock",
            "Lancer la vente",
            "Recueillir l'avis des clients",
            "Ajuster les recettes",
        ),
    ),
    "regie_eau": Modele(
        "Renouvellement d'une série de compteurs d'eau",
        (
            "Recenser les compteurs à changer",
            "Lancer la consultation des fournisseurs",
            "Commander les compteurs",
            "Informer les abonnés par courrier",
            "Préparer les tournées",
            "Former les agents au nouveau modèle",
            "Recevoir et contrôler les compteurs",
            "Prendre les rendez-vous chez les abonnés",
            "Poser les compteurs du secteur nord",
            "Poser les compteurs du secteur sud",
            "Relever les index de départ",
            "Mettre à jour le fichier des abonnés",
            "Contrôler un échantillon de poses",
            "Faire le bilan au conseil d'exploitation",
        ),
    ),
    "restaurant": Modele(
        "Préparation d'un banquet de mariage",
        (
            "Rencontrer les mariés",
            "Établir le menu et le devis",
            "Encaisser l'acompte",
            "Commander les produits",
            "Réserver le personnel d'extra",
            "Louer la vaisselle et le linge",
            "Faire le plan de table",
            "Préparer les fonds et les sauces",
            "Préparer les desserts",
            "Dresser la salle",
            "Cuire et dresser les plats",
            "Servir le banquet",
            "Ranger et rendre la location",
            "Facturer le solde",
        ),
    ),
    "librairie": Modele(
        "Organisation d'une rencontre avec un auteur",
        (
            "Contacter la maison d'édition",
            "Fixer la date avec l'auteur",
            "Commander les livres de l'auteur",
            "Réserver la salle",
            "Créer l'affiche et le carton d'invitation",
            "Annoncer l'événement aux clients",
            "Prévoir le buffet",
            "Recevoir et ranger les livres",
            "Aménager l'espace de dédicace",
            "Accueillir l'auteur",
            "Animer la rencontre",
            "Faire le bilan des ventes",
            "Retourner les invendus",
            "Remercier l'auteur et l'éditeur",
        ),
    ),
}

PARCS = {
    "salles": Parc(
        "salles de réunion",
        "personnes",
        (("S1", "Petite salle", 6), ("S2", "Salle du jardin", 12), ("S3", "Grande salle", 30)),
        (
            "Réunion d'équipe",
            "Entretien d'embauche",
            "Formation des nouveaux",
            "Point avec un fournisseur",
            "Réunion de service",
            "Visioconférence avec un partenaire",
            "Comité de pilotage du projet",
            "Présentation aux partenaires",
        ),
    ),
    "vehicules": Parc(
        "véhicules",
        "places",
        (("V1", "Fourgonnette", 3), ("V2", "Citadine", 5), ("V3", "Minibus", 9)),
        (
            "Rendez-vous chez un client",
            "Livraison urgente",
            "Transport d'une équipe",
            "Visite d'un chantier",
            "Course chez un fournisseur",
            "Déplacement à la banque",
            "Tournée de contrôle",
            "Transport du matériel",
        ),
    ),
}
# The sectors whose staff book vehicles; the others book meeting rooms.
PARC_DU_SECTEUR = {
    "association_sportive": "vehicules",
    "batiment": "vehicules",
    "regie_eau": "vehicules",
    "grossiste_fournitures": "vehicules",
}


def modele(secteur: str) -> Modele:
    return PROJETS.get(secteur, _DEMENAGEMENT)


def parc(secteur: str) -> Parc:
    return PARCS[PARC_DU_SECTEUR.get(secteur, "salles")]
