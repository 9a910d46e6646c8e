"""The named wrong methods of ``suivi_prospection``: the answer fields each changes (where the
grader looks for it), and the message a student reads for each (messages.yaml beside)."""

from pathlib import Path

from agora.exercise.kinds.suivi_prospection import solve as calc
from agora.exercise.nommes import messages_lus

_TAUX = frozenset(
    f"canaux.#.{c}" for c in ("taux_ouverture", "taux_clic", "taux_reponse", "taux_transformation")
)
_COUTS = frozenset(f"canaux.#.{c}" for c in ("cout_contact", "cout_reponse", "cout_client"))

# The fields (patterns) each wrong method changes, where the grader looks for it.
SIGNATURES = {
    # Only where it starts: the rates and costs that follow are the error carried forward.
    calc.NON_DISTRIBUES_COMPTES: frozenset({"canaux.#.touches"}),
    calc.CLIC_SUR_OUVERTURES: frozenset({"canaux.#.taux_clic"}),
    calc.TRANSFORMATION_SUR_CONTACTS: frozenset({"canaux.#.taux_transformation"}),
    calc.TAUX_TRONQUE: _TAUX,
    calc.ARRONDI_TRONQUE: _COUTS,
    calc.MEILLEUR_CANAL_COUT_TOTAL: frozenset({"meilleur_canal"}),
    calc.MEILLEUR_CANAL_COUT_CONTACT: frozenset({"meilleur_canal"}),
    calc.OPPOSITION_RECONTACTEE: frozenset({"prospects.#.action", "prospects.#.fichier"}),
    calc.NPAI_CONSERVE: frozenset({"prospects.#.fichier"}),
    calc.RELANCE_DEPUIS_CAMPAGNE: frozenset({"prospects.#.date_relance"}),
}

MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"), SIGNATURES)
