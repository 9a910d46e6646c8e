"""The diagnostics of a ``devis``: the message of each named method error, and where it shows."""

from __future__ import annotations

from agora.exercise.kinds.devis import solve as calc
from agora.exercise.kinds.devis.params import Devis

# The charge's name when the params have no rule (the CGV of a goods seller).
FRAIS_DE_PORT = "frais de port"

MESSAGES = {
    calc.REMISES_ADDITIONNEES: "Les remises se calculent en cascade : la deuxième s'applique au "
    "montant déjà diminué de la première. On n'additionne pas les taux.",
    calc.PORT_MAL_APPLIQUE: "Relisez la règle des {frais} des CGV : ils sont offerts (franco) "
    "quand le net commercial HT atteint le seuil, sinon on facture le forfait.",
    calc.PORT_HORS_BASE_TVA: "Les {frais} sont soumis à la TVA : ajoutez-les à la base de TVA "
    "de leur taux.",
    calc.TVA_SUR_BRUT: "La TVA se calcule après les remises : sa base est le net commercial HT "
    "(plus les {frais}), pas le montant brut.",
    calc.ARRONDI_TRONQUE: "Arrondissez au centime le plus proche : à partir d'un demi-centime, on "
    "arrondit au centime supérieur (ne coupez pas les décimales).",
    calc.VALIDITE_MAL_CALCULEE: "Date de validité = date du devis + le nombre de jours des CGV, "
    "en jours de calendrier : le jour du devis ne compte pas, et 30 jours ne font pas un mois.",
    calc.ACOMPTE_SUR_HT: "Le versement à la commande est une part du total TTC (ce que le client "
    "paiera), pas du total HT.",
    calc.ARRHES_ACOMPTE_CONFONDUS: "Acompte ou arrhes : un acompte engage fermement les deux "
    "parties (le client doit payer le tout) ; avec des arrhes, le client peut renoncer en les "
    "perdant, et le vendeur qui renonce rend le double (Code de la consommation, art. L214-1 ; "
    "Code civil, art. 1590).",
    calc.ECART_LIVRAISON_COMMANDE_FACTUREE: "On ne facture que ce qui a été livré : une quantité "
    "manquante ou pas encore livrée ne se facture pas.",
    calc.ECART_LIVRAISON_HORS_COMMANDE_FACTUREE: "On ne facture que ce qui a été commandé : un "
    "article livré en trop ou une mauvaise référence ne se facture pas (il est repris).",
}
# On site (a charge that is not a port), the order is compared to the bon d'intervention:
# what was done is invoiced, nothing was delivered.
SUR_SITE = {
    calc.ECART_LIVRAISON_COMMANDE_FACTUREE: "On ne facture que ce qui a été réalisé : une "
    "quantité manquante ou pas encore réalisée ne se facture pas.",
    calc.ECART_LIVRAISON_HORS_COMMANDE_FACTUREE: "On ne facture que ce qui a été commandé : "
    "une quantité faite en plus ou une mauvaise référence ne se facture pas.",
}


def texte(code: str, d: Devis) -> str:
    """The code's message, naming the charge as the CGV do (« frais de déplacement » for a
    firm working on site), so that the feedback uses the statement's and the form's word."""
    frais = d.port.libelle if d.port else FRAIS_DE_PORT
    if frais != FRAIS_DE_PORT and code in SUR_SITE:
        return SUR_SITE[code]
    return MESSAGES[code].replace("{frais}", frais)


# Where each wrong method shows (answer paths without their indexes).
_MONTANTS_TVA = {"taux.base_tva", "taux.tva", "total_tva", "total_ttc"}
SIGNATURES = {
    calc.REMISES_ADDITIONNEES: {"taux.remises.montant", "taux.net_ht", "net_commercial"},
    calc.PORT_MAL_APPLIQUE: {"port_ht", "total_ht"},
    calc.PORT_HORS_BASE_TVA: _MONTANTS_TVA,
    calc.TVA_SUR_BRUT: _MONTANTS_TVA,
    calc.ARRONDI_TRONQUE: {"lignes.montant_ht", "taux.remises.montant", "taux.tva", "acompte"},
    calc.VALIDITE_MAL_CALCULEE: {"date_validite"},
    calc.ACOMPTE_SUR_HT: {"acompte"},
    calc.ARRHES_ACOMPTE_CONFONDUS: {"versement", "desistement"},
    calc.ECART_LIVRAISON_COMMANDE_FACTUREE: {"livraison.a_facturer"},
    calc.ECART_LIVRAISON_HORS_COMMANDE_FACTUREE: {"livraison.a_facturer"},
}
