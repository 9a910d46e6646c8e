"""What the student reads for each method error of ``reglements_fournisseurs``
(messages.yaml beside), and the answer
fields each wrong method changes (where the grader looks for it)."""

from pathlib import Path

from agora.exercise.kinds.reglements_fournisseurs import solve as calc
from agora.exercise.nommes import messages_lus

# The answer fields (as patterns) whose value each wrong method changes.
_PAIEMENT = ("factures.#.decision", "factures.#.montant", "total")
_COUT = ("escompte.cout", "escompte.decision", *_PAIEMENT)
_ESCOMPTE = ("escompte.montant_ht", "escompte.tva", *_COUT)
SIGNATURES = {
    calc.ECHUE_NON_VUE: ("factures.#.situation",),
    calc.FIN_DE_SEMAINE_OUBLIEE: ("factures.#.situation", *_PAIEMENT),
    calc.RIB_NON_CONTROLE: ("factures.#.rib", *_PAIEMENT),
    calc.AVOIR_NON_DEDUIT: ("factures.#.reste_du", *_PAIEMENT),
    calc.ACOMPTE_NON_DEDUIT: ("factures.#.reste_du", *_PAIEMENT),
    calc.ESCOMPTE_SUR_TTC: _ESCOMPTE,
    calc.ESCOMPTE_SANS_TVA: _ESCOMPTE,
    calc.JOURS_DEPUIS_FACTURE: ("escompte.jours", *_COUT),
    calc.DECOUVERT_365: _COUT,
    calc.COUT_SUR_TTC: _COUT,
    calc.GAIN_TTC: ("escompte.decision", *_PAIEMENT),
    calc.ARRONDI_TRONQUE: _ESCOMPTE,
}

MESSAGES = messages_lus(
    Path(__file__).with_name("messages.yaml"),
    (
        *SIGNATURES,
        calc.ECRITURE_SENS_INVERSE,
        calc.ESCOMPTE_OBTENU_CONFONDU,
        calc.TVA_COLLECTEE_CONFONDUE,
    ),
)
