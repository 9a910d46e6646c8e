"""What a prospecting campaign is about in each sector: the offer promoted, the event where the
organisation holds a stand, what a contact won becomes, and who the prospects are."""

from __future__ import annotations

from typing import NamedTuple


class Campagne(NamedTuple):
    offre: str  # « la nouvelle gamme … », after « pour faire connaître »
    salon: str  # where the organisation holds a stand (« au salon de l'habitat »)
    gagne: str  # a contact won, plural (« nouveaux clients »)
    entreprises: bool  # prospects are businesses (else people)


SECTEURS = {
    "regie_eau": Campagne(
        "le nouveau service d'alerte fuite par SMS et la mensualisation",
        "à la foire de la ville",
        "usagers inscrits au service",
        False,
    ),
    "association_sportive": Campagne(
        "la nouvelle section de sport santé et l'appel aux dons",
        "au forum des associations",
        "nouveaux adhérents ou donateurs",
        False,
    ),
    "boulangerie": Campagne(
        "l'offre de plateaux petit-déjeuner pour les entreprises du quartier",
        "au marché des producteurs",
        "nouveaux clients",
        True,
    ),
    "grossiste_fournitures": Campagne(
        "le catalogue de mobilier de bureau de la rentrée",
        "au salon des professionnels du bureau",
        "nouveaux clients",
        True,
    ),
    "informatique": Campagne(
        "l'offre de maintenance informatique pour les PME",
        "au salon du numérique des entreprises",
        "nouveaux clients",
        True,
    ),
    "batiment": Campagne(
        "l'offre de rénovation énergétique des logements",
        "au salon de l'habitat",
        "nouveaux clients",
        False,
    ),
    "librairie": Campagne(
        "la carte de fidélité et les rencontres d'auteurs",
        "au salon du livre",
        "nouveaux clients",
        False,
    ),
    "restaurant": Campagne(
        "l'offre traiteur pour les repas d'entreprise",
        "au salon des métiers de bouche",
        "nouveaux clients",
        True,
    ),
}
# An organisation of a sector not listed above (a new profile) still gets a coherent campaign.
DEFAUT = Campagne("sa nouvelle offre", "à un salon professionnel", "nouveaux clients", False)

PERSONNES = (
    "Mme Lefèvre",
    "M. Morel",
    "Mme Garnier",
    "M. Roux",
    "Mme Bonnet",
    "M. Fontaine",
    "Mme Chevalier",
    "M. Girard",
    "Mme Lambert",
    "M. Mercier",
    "Mme Blanc",
    "M. Guerin",
)
ENTREPRISES = (
    "Cabinet Lemaire",
    "Transports Perrin",
    "Garage Henry",
    "Agence Colin",
    "Pharmacie Renaud",
    "Atelier Brunet",
    "Clinique Vidal",
    "Imprimerie Caron",
    "Hôtel du Parc",
    "Notaires Fabre",
    "Auto-école Picard",
    "Optique Marchand",
)


def campagne(secteur: str) -> Campagne:
    """The campaign of the organisation's sector."""
    return SECTEURS.get(secteur, DEFAUT)
