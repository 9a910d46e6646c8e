"""The named method errors of a register check; the message a student reads for each is in
messages.yaml, beside."""

from pathlib import Path

from agora.exercise.nommes import codes_declares, messages_lus

DDM_COMME_DLC = "DDM_COMME_DLC"
SEUILS_CONFONDUS = "SEUILS_CONFONDUS"
LIMITE_PERMISE = "LIMITE_PERMISE"
ECHEANCE_DEPASSEE = "ECHEANCE_DEPASSEE"
ANOMALIE_NON_VUE = "ANOMALIE_NON_VUE"
FAUSSE_ANOMALIE = "FAUSSE_ANOMALIE"
MAUVAIS_TYPE = "MAUVAIS_TYPE"
ACTION_INADAPTEE = "ACTION_INADAPTEE"
VIGILANCE_6_MOIS = "VIGILANCE_6_MOIS"
VIGILANCE_SOUS_SEUIL = "VIGILANCE_SOUS_SEUIL"
SIRET_VALIDE_SIGNALE = "SIRET_VALIDE_SIGNALE"
CLE_NON_VERIFIEE = "CLE_NON_VERIFIEE"

MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"), codes_declares(globals()))
