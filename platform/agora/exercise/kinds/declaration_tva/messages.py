"""The diagnostics of a ``declaration_tva``: the message of each named method error
(messages.yaml beside, messages_ca12.yaml for the CA12's lines), and where it shows."""

from __future__ import annotations

from pathlib import Path

from agora.exercise.kinds.declaration_tva import ca12
from agora.exercise.kinds.declaration_tva import solve as calc
from agora.exercise.kinds.declaration_tva.params import CA12
from agora.exercise.nommes import messages_lus

# Where each wrong method shows (answer paths).
_TAXES = {"ligne_08_taxe", "ligne_09_taxe", "ligne_9B_taxe", "ligne_T6_taxe", "ligne_16"}
_TAXES_CA12 = {"ligne_5A_taxe", "ligne_06_taxe", "ligne_6C_taxe", "ligne_19", "ligne_57"}
_ACOMPTES = {"acompte_juillet", "acompte_decembre"}
_BASES = {"ligne_01", "ligne_08_base", "ligne_09_base", "ligne_9B_base", "ligne_T6_base"}
SIGNATURES = {
    calc.ARRONDI_TRONQUE: _TAXES | _TAXES_CA12 | _ACOMPTES | {"ligne_17"},
    calc.ENCAISSEMENT_TTC_COMME_HT: _BASES | _TAXES,
    calc.EXIGIBILITE_FACTURATION: _BASES | _TAXES,
    calc.IMMOBILISATION_EN_ABS: {"ligne_19", "ligne_20", "ligne_22", "ligne_23"},
    calc.TVA_NON_DEDUCTIBLE_DEDUITE: {"ligne_20", "ligne_22", "ligne_23", "ligne_26", "ligne_57"},
    calc.CREDIT_ANTERIEUR_OUBLIE: {"ligne_22", "ligne_23", "ligne_24", "ligne_26"},
    calc.AUTOLIQUIDATION_OUBLIEE: {
        "ligne_03",
        "ligne_08_base",
        "ligne_08_taxe",
        "ligne_16",
        "ligne_17",
        "ligne_20",
    },
    calc.AUTOLIQUIDATION_NON_DEDUITE: {"ligne_20", "ligne_23"},
    calc.SOLDE_INVERSE: {"ligne_25", "ligne_28", "ligne_29"},
    ca12.ACOMPTES_TAUX_INVERSES: _ACOMPTES,
    ca12.ACOMPTES_SOUS_SEUIL: _ACOMPTES | {"ligne_30"},
    ca12.ACOMPTES_OUBLIES: {"ligne_30"},
    ca12.BASE_ACOMPTES_IMMO_DEDUITE: {"ligne_57"},
}

MESSAGES = messages_lus(
    Path(__file__).with_name("messages.yaml"),
    (*SIGNATURES, calc.ECRITURE_SENS_INVERSE, calc.COMPTE_TVA_CONFONDU),
)

# The CA12 numbers its lines otherwise: the same mistakes, told with its lines and accounts.
MESSAGES_CA12 = MESSAGES | messages_lus(
    Path(__file__).with_name("messages_ca12.yaml"),
    (
        calc.IMMOBILISATION_EN_ABS,
        calc.CREDIT_ANTERIEUR_OUBLIE,
        calc.SOLDE_INVERSE,
        calc.COMPTE_TVA_CONFONDU,
    ),
)


def messages(regime: str) -> dict[str, str]:
    """The diagnostics' messages with the lines of the return's form."""
    return MESSAGES_CA12 if regime == CA12 else MESSAGES
