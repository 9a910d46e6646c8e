"""The named method errors of a file cleaning, the message of each (read from messages.yaml),
and the code naming each problem left out."""

from pathlib import Path

from agora.exercise.nommes import codes_declares, messages_lus

DOUBLON_NON_VU = "DOUBLON_NON_VU"
FUSION_MAUVAISE_LIGNE = "FUSION_MAUVAISE_LIGNE"
CLE_NON_VERIFIEE = "CLE_NON_VERIFIEE"
CP_VILLE_NON_CONTROLE = "CP_VILLE_NON_CONTROLE"
CONSERVATION_IGNOREE = "CONSERVATION_IGNOREE"
PIECES_COMPTABLES_SUPPRIMEES = "PIECES_COMPTABLES_SUPPRIMEES"
ARCHIVE_AU_LIEU_DE_SUPPRIMER = "ARCHIVE_AU_LIEU_DE_SUPPRIMER"
ENCOURS_OUBLIE = "ENCOURS_OUBLIE"
DONNEE_SENSIBLE_GARDEE = "DONNEE_SENSIBLE_GARDEE"
SUPPRESSION_ABUSIVE = "SUPPRESSION_ABUSIVE"
FAUSSE_ANOMALIE = "FAUSSE_ANOMALIE"
DROITS_TROP_LARGES = "DROITS_TROP_LARGES"
DROITS_INSUFFISANTS = "DROITS_INSUFFISANTS"

MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"), codes_declares(globals()))

# The problem left out that each code names, when the student did not report it.
MANQUE = {
    "doublon": DOUBLON_NON_VU,
    "siret_invalide": CLE_NON_VERIFIEE,
    "tva_invalide": CLE_NON_VERIFIEE,
    "iban_invalide": CLE_NON_VERIFIEE,
    "cp_ville": CP_VILLE_NON_CONTROLE,
    "conservation_depassee": CONSERVATION_IGNOREE,
    "donnee_sensible": DONNEE_SENSIBLE_GARDEE,
}
