"""The named method errors of a register check, and the message a student reads for each
(messages.yaml beside)."""

from pathlib import Path

from agora.exercise.nommes import messages_lus

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

# Each code above with its message, and no other: a code left out or misspelt in the file is
# refused at import.
MESSAGES = messages_lus(
    Path(__file__).with_name("messages.yaml"),
    (
        DDM_COMME_DLC,
        SEUILS_CONFONDUS,
        LIMITE_PERMISE,
        ECHEANCE_DEPASSEE,
        ANOMALIE_NON_VUE,
        FAUSSE_ANOMALIE,
        MAUVAIS_TYPE,
        ACTION_INADAPTEE,
        VIGILANCE_6_MOIS,
        VIGILANCE_SOUS_SEUIL,
        SIRET_VALIDE_SIGNALE,
        CLE_NON_VERIFIEE,
    ),
)
