"""The requests an organisation receives, by sector: who asks, about what, which service of the
organisation handles it, the follow-up, whether the organisation's rules make it urgent, and
the need the caller expresses against the need they really have (level 3).

Plain data with the answer's codes (objects, services, actions, needs) and their French labels.
A sentence may use {ref} (the reference the caller gives) and {article} (an item of the
organisation's catalogue)."""

from __future__ import annotations

from dataclasses import dataclass

OBJETS = {
    "reclamation": "Réclamation (produit, travail, qualité)",
    "commande_livraison": "Commande ou livraison",
    "facturation": "Facture ou paiement",
    "intervention": "Panne, incident, intervention",
    "rendez_vous": "Rendez-vous, réservation ou inscription",
    "personnel": "Question d'un salarié (paie, congés)",
}
URGENCES = {"urgente": "Urgente", "normale": "Normale"}
# The functions a message is passed on to; each organisation's services map to one of them.
FONCTIONS = {
    "direction": "La direction",
    "administration": "L'administration et la comptabilité",
    "commercial": "Le service commercial (devis, ventes)",
    "logistique": "La logistique (stock, livraisons)",
    "technique": "Le service technique ou la production",
    "accueil": "L'accueil et la relation avec le public",
}
SERVICE_FONCTION = {
    "Direction": "direction",
    "Administration": "administration",
    "Commercial": "commercial",
    "Études et devis": "commercial",
    "Logistique": "logistique",
    "Réception et stock": "logistique",
    "Exploitation": "technique",
    "Support": "technique",
    "Travaux": "technique",
    "Production": "technique",
    "Cuisine": "technique",
    "Fournil": "technique",
    "Pâtisserie": "technique",
    "Sport": "technique",
    "Service aux usagers": "accueil",
    "Accueil et vie associative": "accueil",
    "Salle": "accueil",
    "Magasin": "accueil",
    "Librairie": "accueil",
    "Presse et papeterie": "accueil",
}
ACTIONS = {
    "rappeler": "Rappeler la personne",
    "envoyer": "Lui envoyer un document",
    "intervenir": "Organiser une intervention ou une livraison",
    "rendez_vous": "Lui fixer un rendez-vous",
}
BESOINS = {
    "annuler_facture": "Faire annuler la facture",
    "avoir": "Recevoir un avoir pour ce qui a été facturé en trop",
    "explications_bulletin": "Avoir des explications sur son bulletin de paie",
    "regularisation_paie": "Être payé(e) de ce qui manque sur sa paie",
    "reporter_livraison": "Reporter la livraison",
    "bon_commande_signe": "Recevoir le bon de commande signé pour livrer",
    "dedommagement": "Être dédommagé(e)",
    "retablir_eau": "Retrouver l'eau au plus vite",
    "contester_facture": "Ne pas payer la facture",
    "releve_controle": "Faire contrôler le relevé du compteur",
    "annuler_commande": "Annuler la commande",
    "livraison_rapide": "Être livré(e) avant la date dont il a besoin",
    "nouveau_materiel": "Acheter du matériel neuf",
    "retablir_service": "Que le service remarche au plus vite",
    "rembourser_travaux": "Se faire rembourser les travaux",
    "reparation": "Faire réparer la malfaçon",
    "reserver_table": "Réserver une table",
    "menu_adapte": "Un menu adapté à un convive allergique",
    "prix": "Connaître les prix",
    "commande_speciale": "Passer une commande spéciale pour une date précise",
    "tarifs_cotisation": "Connaître le montant de la cotisation",
    "inscription_creneau": "Inscrire son enfant sur un créneau encore libre",
    "disponibilite": "Savoir si un titre est disponible",
    "commande_client": "Commander des exemplaires pour un groupe",
}


@dataclass(frozen=True)
class Situation:
    code: str
    secteurs: tuple[str, ...]  # the sector codes it fits; () for every organisation
    demandeur: str  # "tiers" (client, usager, adhérent), "fournisseur" or "salarie"
    objet: str
    fonction: str  # the function (FONCTIONS) that handles it
    action: str
    urgent: bool  # by the organisation's rules
    piece: str  # the kind of reference: commande, facture, contrat, dossier, bulletin
    reel: str  # the real need
    exprime: str  # what the caller asks at level 3 (another need)
    probleme: str  # what happened
    demande_claire: str  # the request said plainly (levels 1 and 2)
    demande_piege: str  # the request as a caller gets it wrong (level 3): asks ``exprime``
    regle: str  # the organisation's rule that makes it urgent, or the one that does not


SITUATIONS = (
    Situation(
        "facture_en_double", (), "tiers", "facturation", "administration", "envoyer", False,
        "facture", "avoir", "annuler_facture",
        "Sur la facture {ref}, la ligne « {article} » est comptée deux fois.",
        "Je voudrais un avoir pour la ligne en trop, s'il vous plaît.",
        "Annulez-moi cette facture ! Le reste est juste, hein, c'est seulement cette ligne "
        "en double que je ne veux pas payer.",
        "Une erreur de facture n'est pas urgente : elle est traitée dans le délai normal.",
    ),
    Situation(
        "paie_heures_manquantes", (), "salarie", "personnel", "administration", "rappeler", True,
        "bulletin", "regularisation_paie", "explications_bulletin",
        "Sur mon bulletin de paie {ref}, les heures supplémentaires du mois ne sont pas "
        "payées : il me manque une centaine d'euros.",
        "Je voudrais que ce qui manque me soit payé, et qu'on me rappelle pour me dire quand.",
        "Je voudrais juste qu'on m'explique mon bulletin… Enfin, ces heures, je les ai faites, "
        "et j'ai mon loyer à payer.",
        "Une erreur sur la paie d'un salarié est urgente.",
    ),
    Situation(
        "livraison_fournisseur_bloquee", (), "fournisseur", "commande_livraison", "administration",
        "envoyer", True, "commande", "bon_commande_signe", "reporter_livraison",
        "Votre commande {ref} est prête, mais notre transporteur ne peut pas la charger : nous "
        "n'avons pas reçu le bon de commande signé.",
        "Il me faut le bon de commande signé, par courriel, pour livrer.",
        "Vous voulez qu'on reporte la livraison ? Sinon, il me faudrait le bon de commande "
        "signé, et le camion part dès que je l'ai.",
        "Une livraison bloquée est urgente.",
    ),
    Situation(
        "coupure_eau", ("regie_eau",), "tiers", "intervention", "technique", "intervenir", True,
        "contrat", "retablir_eau", "dedommagement",
        "Je n'ai plus d'eau au robinet depuis ce matin, et les voisins non plus. Mon numéro "
        "d'abonnement est le {ref}.",
        "Il faudrait envoyer quelqu'un pour rétablir l'eau au plus vite.",
        "Je veux être dédommagé ! Trois enfants à la maison et pas une goutte d'eau : il faut "
        "que ça revienne aujourd'hui.",
        "Une coupure d'eau est urgente.",
    ),
    Situation(
        "releve_conteste", ("regie_eau",), "tiers", "facturation", "accueil", "rendez_vous",
        False, "facture", "releve_controle", "contester_facture",
        "Ma facture {ref} compte le double de ma consommation habituelle, alors que rien n'a "
        "changé chez moi.",
        "Je voudrais que quelqu'un vienne contrôler le relevé de mon compteur.",
        "Je ne paierai pas cette facture ! Vous avez dû mal lire mon compteur, venez voir "
        "vous-même.",
        "Une contestation de facture n'est pas urgente.",
    ),
    Situation(
        "livraison_client_retard", ("grossiste_fournitures", "librairie"), "tiers",
        "commande_livraison", "logistique", "intervenir", True, "commande", "livraison_rapide",
        "annuler_commande",
        "Notre commande {ref} (« {article} ») devait arriver hier et nous n'avons rien reçu.",
        "Nous en avons besoin avant vendredi : pouvez-vous nous livrer d'ici là ?",
        "Si c'est comme ça, j'annule la commande ! … Enfin, il nous les faut pour vendredi, "
        "c'est tout ce qui compte.",
        "Une livraison bloquée ou en retard pour un client est urgente.",
    ),
    Situation(
        "demande_de_prix", ("grossiste_fournitures", "informatique", "batiment"), "tiers",
        "rendez_vous", "commercial", "rendez_vous", False, "dossier", "prix",
        "annuler_commande",
        "Nous préparons notre budget et nous aurions besoin de « {article} ». Notre dossier "
        "chez vous porte le numéro {ref}.",
        "Pourriez-vous nous recevoir pour parler des prix ?",
        "J'ai failli tout annuler chez vous, vos prix ont augmenté… Mais recevez-nous pour en "
        "parler, c'est urgent pour nous !",
        "Une demande de prix n'est pas urgente.",
    ),
    Situation(
        "panne_client", ("informatique",), "tiers", "intervention", "technique", "intervenir",
        True, "contrat", "retablir_service", "nouveau_materiel",
        "Notre serveur ne répond plus depuis ce matin : plus personne ne peut travailler. Notre "
        "contrat de maintenance porte le numéro {ref}.",
        "Pouvez-vous envoyer un technicien pour que tout remarche ?",
        "Il faut peut-être acheter un serveur neuf ? Ce qu'on veut, c'est pouvoir retravailler "
        "aujourd'hui.",
        "Une panne qui empêche un client de travailler est urgente.",
    ),
    Situation(
        "infiltration", ("batiment",), "tiers", "reclamation", "technique", "intervenir", True,
        "facture", "reparation", "rembourser_travaux",
        "Depuis vos travaux (facture {ref}), l'eau coule au plafond de la salle de bains quand "
        "il pleut.",
        "Il faut que votre équipe revienne réparer.",
        "Je veux être remboursé de ces travaux ! Bon, surtout, il faut que ça arrête de couler.",
        "Une fuite d'eau chez un client est urgente.",
    ),
    Situation(
        "commande_speciale", ("boulangerie", "restaurant"), "tiers", "commande_livraison",
        "technique", "rappeler", False, "commande", "commande_speciale", "prix",
        "Je voudrais « {article} » pour vingt personnes, le samedi en huit. J'ai déjà un bon "
        "de commande chez vous, le {ref}.",
        "Pouvez-vous me rappeler pour confirmer la commande ?",
        "C'est combien, pour vingt ? Enfin, le prix, peu importe, ce qu'il me faut c'est que "
        "ce soit prêt le samedi en huit.",
        "Une commande spéciale n'est pas urgente : elle est confirmée dans le délai normal.",
    ),
    Situation(
        "reservation_allergie", ("restaurant",), "tiers", "rendez_vous", "technique", "rappeler",
        False, "dossier", "menu_adapte", "reserver_table",
        "Nous avons réservé pour un anniversaire (réservation {ref}). Un des invités est "
        "allergique aux fruits à coque.",
        "Pouvez-vous prévoir un menu sans fruits à coque pour lui ?",
        "Je voudrais réserver une table… ah non, c'est déjà fait. C'est pour mon invité "
        "allergique : il ne doit rien manger avec des fruits à coque.",
        "Une réservation n'est pas urgente.",
    ),
    Situation(
        "produit_defectueux", ("boulangerie", "librairie", "grossiste_fournitures"), "tiers",
        "reclamation", "accueil", "rappeler", False, "facture", "avoir", "dedommagement",
        "J'ai acheté « {article} » chez vous (ticket {ref}) et il n'est pas conforme.",
        "Je voudrais un avoir pour cet achat.",
        "Je veux être dédommagé ! Bon, un avoir sur mon prochain achat, ça m'ira.",
        "Une réclamation sur un produit n'est pas urgente.",
    ),
    Situation(
        "inscription", ("association_sportive",), "tiers", "rendez_vous", "accueil", "envoyer",
        False, "dossier", "inscription_creneau", "tarifs_cotisation",
        "Mon fils voudrait faire « {article} » cette année. Notre dossier de l'an dernier "
        "porte le numéro {ref}.",
        "Pouvez-vous m'envoyer le dossier d'inscription pour le créneau du mercredi ?",
        "C'est combien, la cotisation ? Il paraît qu'il ne reste presque plus de place le "
        "mercredi, c'est le seul jour où il peut venir.",
        "Une demande d'inscription n'est pas urgente.",
    ),
    Situation(
        "installation_fermee", ("association_sportive",), "tiers", "intervention", "technique",
        "rappeler", True, "dossier", "retablir_service", "dedommagement",
        "Le gymnase était fermé ce soir à l'heure de l'entraînement de mon fils (licence "
        "{ref}), et personne n'a prévenu.",
        "Je voudrais savoir si l'entraînement a lieu demain : rappelez-moi.",
        "Je veux être remboursé de la séance ! Et surtout savoir si l'entraînement a lieu "
        "demain.",
        "Un entraînement annulé sans prévenir est urgent.",
    ),
)  # fmt: skip

DEMANDEURS = ("tiers", "fournisseur", "salarie")
PIECES = {
    "commande": "CMD",
    "facture": "FA",
    "contrat": "CT",
    "dossier": "DOS",
    "bulletin": "BP",
}
PAR_CODE = {s.code: s for s in SITUATIONS}
