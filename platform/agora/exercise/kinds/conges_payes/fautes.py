"""The named method errors of paid leave: their codes, the message a student reads, the fields
each shows in, and the ones worth looking for with each way of counting days."""

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

MESSAGES = {
    ARRONDI_INFERIEUR: "Un nombre de jours acquis qui n'est pas entier s'arrondit toujours au "
    "jour entier supérieur (Code du travail, L3141-7).",
    MALADIE_NON_COMPTEE: "Depuis la loi du 22 avril 2024, un arrêt maladie non professionnelle "
    "donne aussi des congés : 2 jours ouvrables par mois d'arrêt.",
    MALADIE_COMME_TRAVAIL: "Un mois d'arrêt maladie non professionnelle donne 2 jours "
    "ouvrables, pas 2,5 comme un mois travaillé.",
    ASSIMILE_NON_COMPTE: "Un congé maternité ou un arrêt pour accident du travail compte comme "
    "du travail effectif : 2,5 jours ouvrables par mois.",
    MOIS_INCOMPLET_OUBLIE: "Le mois incomplet compte aussi : 2,5 × jours travaillés ÷ 24.",
    OUVRES_NON_CONVERTIS: "En jours ouvrés, les droits valent les jours ouvrables × 5 ÷ 6 "
    "(30 jours ouvrables = 25 jours ouvrés).",
    JOURS_CALENDAIRES: "Les congés ne se comptent pas en jours du calendrier : le dimanche "
    "et les jours fériés ne sont pas décomptés.",
    FERIE_COMPTE: "Un jour férié chômé pendant le congé n'est pas décompté.",
    REPRISE_COMPTEE: "Le jour de la reprise du travail n'est pas un jour de congé : on compte "
    "jusqu'à la veille de la reprise.",
    MAUVAIS_DECOMPTE: "Le décompte n'est pas le bon : en jours ouvrables on compte du lundi au "
    "samedi, en jours ouvrés du lundi au vendredi.",
    PRIORITE_INVERSEE: "Les demandes s'étudient dans l'ordre de priorité donné par l'énoncé, "
    "la plus prioritaire d'abord.",
    EFFECTIF_IGNORE: "Ce congé laisserait trop peu de personnes présentes certains jours : la "
    "règle de présence minimale oblige à le refuser.",
    DUREE_IGNOREE: "Le congé principal d'été doit compter de 12 à 24 jours ouvrables d'affilée "
    "(Code du travail, L3141-17 à L3141-19).",
    DROITS_IGNORES: "Le congé demandé dépasse les jours acquis : il ne peut pas être accordé.",
    RESTE_CONGE_REFUSE: "Un congé refusé n'est pas pris : les jours acquis restent entiers.",
    DIXIEME_TRONQUE: "Le dixième doit être arrondi au centime le plus proche, pas coupé.",
    DIXIEME_SANS_PRORATA: "Le dixième de l'année paie tous les jours acquis : pour ce congé, "
    "multipliez-le par jours pris ÷ jours acquis.",
    FERIE_DANS_LE_MOIS: "Les jours du mois ne comprennent pas le jour férié chômé.",
    MOINS_FAVORABLE: "Le salarié reçoit le montant le plus favorable des deux méthodes : le plus "
    "grand (Code du travail, L3141-24).",
}

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
