"""The named wrong methods of ``mouvements_personnel``: the answer fields each changes (where
the grader looks for it), and the message a student reads for each (messages.yaml beside)."""

from pathlib import Path

from agora.exercise.kinds.mouvements_personnel import solve as calc
from agora.exercise.nommes import messages_lus

_MONTANTS = ("depart.indemnite_precarite", "depart.iccp")
_DOCUMENTS = tuple(f"documents.{nom}" for nom in calc.DOCUMENTS)
_ANNONCE = ("annonce.#.critere",)
# The answer fields (as patterns) whose value each wrong method changes.
SIGNATURES = {
    calc.DPAE_APRES: ("embauche.dpae_au_plus_tot", "embauche.dpae_au_plus_tard"),
    calc.ESSAI_MEME_QUANTIEME: ("embauche.fin_essai", "embauche.fin_essai_maximale"),
    calc.ESSAI_JOURS_OUVRES: ("embauche.fin_essai", "embauche.fin_essai_maximale"),
    calc.RENOUVELLEMENT_NON_PERMIS: ("embauche.renouvelable", "embauche.fin_essai_maximale"),
    calc.VIP_PREALABLE_OUBLIEE: ("embauche.visite_au_plus_tard",),
    calc.PRECARITE_SUR_SALAIRE_DE_BASE: _MONTANTS,
    calc.PRECARITE_CAS_EXCLU: ("depart.indemnite_cas", *_MONTANTS),
    calc.ICCP_SANS_PRECARITE: ("depart.iccp",),
    calc.DOCUMENTS_A_LA_NOTIFICATION: _DOCUMENTS,
    calc.FIN_PREVUE_RETENUE: (*_DOCUMENTS, "registre.sortie", "conservation.#.jusqu_au"),
    calc.CONSERVATION_DEPUIS_LE_DOCUMENT: ("conservation.#.jusqu_au",),
    calc.CONSERVATION_DIX_ANS: ("conservation.#.jusqu_au",),
    calc.ANNONCE_CRITERE_OUBLIE: _ANNONCE,
    calc.ANNONCE_CRITERE_EN_TROP: _ANNONCE,
    calc.ARRONDI_TRONQUE: _MONTANTS,
}

MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"), SIGNATURES)
