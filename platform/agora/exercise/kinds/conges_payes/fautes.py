"""The named method errors of paid leave: their codes, the message a student reads
(messages.yaml beside), the fields each shows in, and the ones worth looking for with each way
of counting days."""

from pathlib import Path

from agora.exercise.nommes import messages_lus

# Days acquired
ARRONDI_INFERIEUR = "ARRONDI_INFERIEUR"
MALADIE_NON_COMPTEE = "MALADIE_NON_COMPTEE"
MALADIE_COMME_TRAVAIL = "MALADIE_COMME_TRAVAIL"
ASSIMILE_NON_COMPTE = "ASSIMILE_NON_COMPTE"
MOIS_INCOMPLET_OUBLIE = "MOIS_INCOMPLET_OUBLIE"
OUVRES_NON_CONVERTIS = "OUVRES_NON_CONVERTIS"
# Days taken
JOURS_CALENDAIRES = "JOURS_CALENDAIRES"
FERIE_COMPTE = "FERIE_COMPTE"
REPRISE_COMPTEE = "REPRISE_COMPTEE"
MAUVAIS_DECOMPTE = "MAUVAIS_DECOMPTE"
# Decisions and days left
PRIORITE_INVERSEE = "PRIORITE_INVERSEE"
EFFECTIF_IGNORE = "EFFECTIF_IGNORE"
DUREE_IGNOREE = "DUREE_IGNOREE"
DROITS_IGNORES = "DROITS_IGNORES"
RESTE_CONGE_REFUSE = "RESTE_CONGE_REFUSE"
# Leave pay
DIXIEME_TRONQUE = "DIXIEME_TRONQUE"
DIXIEME_SANS_PRORATA = "DIXIEME_SANS_PRORATA"
FERIE_DANS_LE_MOIS = "FERIE_DANS_LE_MOIS"
MOINS_FAVORABLE = "MOINS_FAVORABLE"

# The fields (paths without their row index) where each wrong method shows.
SIGNATURES = {
    ARRONDI_INFERIEUR: {"salaries.acquis"},
    MALADIE_NON_COMPTEE: {"salaries.acquis"},
    MALADIE_COMME_TRAVAIL: {"salaries.acquis"},
    ASSIMILE_NON_COMPTE: {"salaries.acquis"},
    MOIS_INCOMPLET_OUBLIE: {"salaries.acquis"},
    OUVRES_NON_CONVERTIS: {"salaries.acquis_ouvres"},
    JOURS_CALENDAIRES: {"salaries.pris"},
    FERIE_COMPTE: {"salaries.pris"},
    REPRISE_COMPTEE: {"salaries.pris"},
    MAUVAIS_DECOMPTE: {"salaries.pris"},
    PRIORITE_INVERSEE: {"salaries.decision"},
    EFFECTIF_IGNORE: {"salaries.decision"},
    DUREE_IGNOREE: {"salaries.decision"},
    DROITS_IGNORES: {"salaries.decision"},
    RESTE_CONGE_REFUSE: {"salaries.reste"},
    DIXIEME_TRONQUE: {"indemnite.dixieme_total"},
    DIXIEME_SANS_PRORATA: {"indemnite.dixieme"},
    FERIE_DANS_LE_MOIS: {"indemnite.jours_mois"},
    MOINS_FAVORABLE: {"indemnite.montant"},
}

MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"), SIGNATURES)

# The wrong methods worth looking for with each way of counting, in the order tried.
_COMMUNES = (
    ARRONDI_INFERIEUR,
    MALADIE_NON_COMPTEE,
    MALADIE_COMME_TRAVAIL,
    ASSIMILE_NON_COMPTE,
    MOIS_INCOMPLET_OUBLIE,
    JOURS_CALENDAIRES,
    FERIE_COMPTE,
    REPRISE_COMPTEE,
    MAUVAIS_DECOMPTE,
    PRIORITE_INVERSEE,
    EFFECTIF_IGNORE,
    DUREE_IGNOREE,
    DROITS_IGNORES,
    RESTE_CONGE_REFUSE,
    DIXIEME_TRONQUE,
    DIXIEME_SANS_PRORATA,
    FERIE_DANS_LE_MOIS,
    MOINS_FAVORABLE,
)
FAUTES = {"ouvrables": _COMMUNES, "ouvres": (*_COMMUNES[:5], OUVRES_NON_CONVERTIS, *_COMMUNES[5:])}
