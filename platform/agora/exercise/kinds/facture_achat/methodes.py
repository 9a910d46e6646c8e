"""The method errors of a ``facture_achat`` the grader names: codes, messages, where each shows.

The wrong methods of the calculation are switches of ``solve.calcule`` (the grader runs each
on the whole invoice and on the student's own earlier amounts); the discrepancy choices, the
decision and the entry have their own codes. The messages are data, in messages.yaml beside.
"""

from __future__ import annotations

from pathlib import Path

from agora.exercise import journal
from agora.exercise.kinds.facture_achat.params import Achat
from agora.exercise.nommes import codes_declares, messages_lus

QUANTITE_COMMANDEE = "QUANTITE_COMMANDEE"
REMISE_OUBLIEE = "REMISE_OUBLIEE"
MONTANT_FACTURE_RECOPIE = "MONTANT_FACTURE_RECOPIE"
ESCOMPTE_NON_DEDUIT = "ESCOMPTE_NON_DEDUIT"
PORT_OUBLIE = "PORT_OUBLIE"
COUT_SANS_FRAIS = "COUT_SANS_FRAIS"
TVA_TAUX_FACTURE = "TVA_TAUX_FACTURE"
AUTOLIQUIDATION_PAYEE = "AUTOLIQUIDATION_PAYEE"
ARRONDI_TRONQUE = "ARRONDI_TRONQUE"
ECART_NON_VU = "ECART_NON_VU"
ECART_IMAGINAIRE = "ECART_IMAGINAIRE"
ECART_CONFONDU = "ECART_CONFONDU"
DECISION_INADAPTEE = "DECISION_INADAPTEE"
COMPTE_ACHAT_CONFONDU = "COMPTE_ACHAT_CONFONDU"
IMMOBILISATION_EN_CHARGE = "IMMOBILISATION_EN_CHARGE"
COMPTE_TVA_CONFONDU = "COMPTE_TVA_CONFONDU"
AUTOLIQUIDATION_OUBLIEE = "AUTOLIQUIDATION_OUBLIEE"
ECRITURE_SENS_INVERSE = journal.SENS_INVERSE

MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"), codes_declares(globals()))

_PIED = {"net_commercial", "escompte", "net_financier", "total_ht", "tva.base", "tva.montant"}
_FIN = {"total_tva", "net_a_payer", "montant_avoir", "cout_achat"}
# Where each wrong method shows (answer paths without their indexes).
SIGNATURES = {
    QUANTITE_COMMANDEE: {"lignes.montant_corrige"},
    REMISE_OUBLIEE: {"lignes.montant_corrige"},
    MONTANT_FACTURE_RECOPIE: {"lignes.montant_corrige"},
    ESCOMPTE_NON_DEDUIT: {"total_ht", "tva.base", "tva.montant"} | _FIN,
    PORT_OUBLIE: {
        "total_ht",
        "tva.base",
        "tva.montant",
        "total_tva",
        "net_a_payer",
        "montant_avoir",
    },
    COUT_SANS_FRAIS: {"cout_achat"},
    TVA_TAUX_FACTURE: {"tva.montant", "total_tva", "net_a_payer", "montant_avoir"},
    AUTOLIQUIDATION_PAYEE: {"net_a_payer", "montant_avoir"},
    ARRONDI_TRONQUE: {"lignes.montant_corrige"} | _PIED | _FIN,
}


def fautes_possibles(a: Achat, ecarts: list[str]) -> list[str]:
    """The wrong methods that may change some amount of this invoice, in the order tried."""
    fautes = []
    if any(x.commande and x.livree != x.commande.quantite for x in a.lignes):
        fautes.append(QUANTITE_COMMANDEE)
    if any(x.commande and x.commande.remise for x in a.lignes):
        fautes.append(REMISE_OUBLIEE)
    if any(e not in ("aucun", "taux_tva") for e in ecarts):
        fautes.append(MONTANT_FACTURE_RECOPIE)
    if a.escompte_taux:
        fautes.append(ESCOMPTE_NON_DEDUIT)
    if a.port:
        fautes += [PORT_OUBLIE, COUT_SANS_FRAIS]
    if "taux_tva" in ecarts:
        fautes.append(TVA_TAUX_FACTURE)
    if a.intracommunautaire:
        fautes.append(AUTOLIQUIDATION_PAYEE)
    fautes.append(ARRONDI_TRONQUE)
    return fautes
