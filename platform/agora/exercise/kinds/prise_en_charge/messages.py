"""What the student reads for each method error of ``prise_en_charge``
(messages.yaml beside), and the fiche's fields
each wrong method changes (where the grader looks for it)."""

from pathlib import Path

from agora.exercise.kinds.prise_en_charge import solve as calc
from agora.exercise.nommes import messages_lus

# The answer fields (as patterns) whose value each wrong method changes.
SIGNATURES = {
    calc.TELEPHONE_CHIFFRES: ("demandeur.telephone",),
    calc.TELEPHONE_AVANT_CORRECTION: ("demandeur.telephone",),
    calc.COURRIEL_MAL_NOTE: ("demandeur.courriel",),
    calc.REFERENCE_MAL_COPIEE: ("demande.reference",),
    calc.REFERENCE_HORS_SUJET: ("demande.reference",),
    calc.URGENCE_INVERSEE: ("demande.urgence", "suite.echeance"),
    calc.BESOIN_EXPRIME_RETENU: ("besoin.reel",),
    calc.SERVICE_ERRONE: ("suite.destinataire",),
    **{faute: ("suite.echeance",) for faute in calc.ECHEANCES},
}

MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"), SIGNATURES)
