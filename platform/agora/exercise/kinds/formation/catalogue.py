"""What a variant draws from: the training actions that fit each sector (the mandatory ones
flagged, with the rule that makes them so), the training bodies, the items a convocation may
hold, and the social and cultural activities of the staff."""

from __future__ import annotations

from typing import NamedTuple


class Action(NamedTuple):
    intitule: str
    obligatoire: bool  # a safety training the job requires (docs/exercices/formation.md)
    distanciel: bool  # may be followed at a distance (no travel, no meal)


INCENDIE = Action("Sécurité incendie : manipulation des extincteurs", True, False)
SST = Action("Sauveteur secouriste du travail (SST)", True, False)
COMMUNES = (
    INCENDIE,
    Action("Bureautique : tableur niveau 2", False, True),
    Action("Accueil et relation client au téléphone", False, True),
    Action("Gestes et postures au travail", False, False),
    Action("Premiers pas avec le logiciel de gestion (PGI)", False, True),
)
# Per sector: the actions of its trade (a mandatory one first where the trade has one).
METIERS = {
    "batiment": (
        Action("Habilitation électrique B0-H0V (non électricien)", True, False),
        Action("Travail en hauteur et port du harnais", True, False),
        Action("Lecture de plans et métrés", False, False),
    ),
    "boulangerie": (
        Action("Hygiène alimentaire (méthode HACCP)", False, False),
        Action("Viennoiserie et pâtisserie : nouvelles recettes", False, False),
        Action("Vente et mise en valeur de la vitrine", False, False),
    ),
    "restaurant": (
        Action("Hygiène alimentaire en restauration commerciale (HACCP)", True, False),
        Action("Accords mets et vins pour le service", False, False),
        Action("Allergènes : informer le client", False, True),
    ),
    "grossiste_fournitures": (
        Action("Conduite de chariot élévateur (CACES R489)", True, False),
        Action("Gestion des stocks et inventaire", False, True),
        Action("Négociation commerciale avec les clients professionnels", False, True),
    ),
    "informatique": (
        Action("Cybersécurité : les bons réflexes", False, True),
        Action("Gestion de projet agile", False, True),
        Action("Protection des données personnelles (RGPD)", False, True),
    ),
    "librairie": (
        Action("Conseil au lecteur et animation de rencontres", False, False),
        Action("Logiciel de gestion des commandes de livres", False, True),
        Action("Vitrine et merchandising", False, False),
    ),
    "association_sportive": (
        SST,
        Action("Encadrement des jeunes publics", False, False),
        Action("Recherche de financements et de partenaires", False, True),
    ),
    "regie_eau": (
        Action("Habilitation électrique B1V-BR (électricien)", True, False),
        Action("Intervention en espace confiné (réseaux d'eau)", True, False),
        Action("Relation avec les usagers : réclamations", False, True),
    ),
}
ORGANISMES = (
    "Formavenir",
    "Centre Prévention Sécurité",
    "Atelier Compétences",
    "Institut Métiers Plus",
    "Campus Pro Formation",
    "Cap Savoirs",
)
# Items a convocation may hold: the ones it must, then personal data it must not.
ELEMENTS = {
    "intitule": ("L'intitulé de la formation", True),
    "dates": ("Les dates de la formation", True),
    "horaires": ("Les horaires de chaque journée", True),
    "lieu": ("Le lieu (ou le lien de connexion si la formation est à distance)", True),
    "organisme": ("Le nom et le contact de l'organisme de formation", True),
    "objectifs": ("Les objectifs et le programme", True),
    "frais": ("La prise en charge des frais (trajet, repas)", True),
    "salaire": ("Le salaire du participant", False),
    "secu": ("Son numéro de sécurité sociale", False),
    "evaluation": ("L'avis de son responsable sur son travail", False),
    "famille": ("Sa situation de famille", False),
    "absences": ("Ses jours d'absence de l'année", False),
}
REQUIS = tuple(code for code, (_, requis) in ELEMENTS.items() if requis)
INUTILES = tuple(code for code, (_, requis) in ELEMENTS.items() if not requis)
# Social and cultural activities of the staff (budget des activités sociales et culturelles).
ACTIVITES = (
    "Arbre de Noël des enfants du personnel",
    "Chèques-cadeaux de fin d'année",
    "Billetterie (cinéma, spectacles)",
    "Participation aux chèques-vacances",
    "Sortie du personnel",
    "Abonnements sportifs",
)


def actions(secteur: str) -> tuple[Action, ...]:
    """The actions a sector's plan draws from: its trade's, then the common ones."""
    return METIERS.get(secteur, ()) + COMMUNES
