"""The diagnostics of a ``devis``: the message of each named method error (messages.yaml beside,
messages_sur_site.yaml for a firm working on site), and where it shows."""

from __future__ import annotations

from pathlib import Path

from agora.exercise.kinds.devis import solve as calc
from agora.exercise.kinds.devis.params import Devis
from agora.exercise.nommes import messages_lus

# The charge's name when the params have no rule (the CGV of a goods seller).
FRAIS_DE_PORT = "frais de port"

# On site (a charge that is not a port), the order is compared to the bon d'intervention:
# what was done is invoiced, nothing was delivered.
SUR_SITE = messages_lus(
    Path(__file__).with_name("messages_sur_site.yaml"),
    (calc.ECART_LIVRAISON_COMMANDE_FACTUREE, calc.ECART_LIVRAISON_HORS_COMMANDE_FACTUREE),
)


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

MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"), SIGNATURES)
