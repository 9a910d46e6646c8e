"""The named method errors of a file cleaning, and the message a student reads for each."""

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

MESSAGES = {
    DOUBLON_NON_VU: "Une même personne ou entreprise a deux fiches (même SIRET, même e-mail, ou "
    "même nom écrit autrement à la même adresse) : on garde la première et on fusionne l'autre "
    "avec elle.",
    FUSION_MAUVAISE_LIGNE: "Un doublon se fusionne avec la première fiche de la même personne ou "
    "entreprise : vérifiez le numéro de ligne.",
    CLE_NON_VERIFIEE: "Un SIRET, un numéro de TVA ou un IBAN a une clé de contrôle : un numéro "
    "qui a la bonne forme peut quand même être faux. Il faut le corriger.",
    CP_VILLE_NON_CONTROLE: "Le code postal doit être celui de la ville : sinon le courrier se "
    "perd. Il faut corriger la fiche.",
    CONSERVATION_IGNOREE: "Une fiche gardée plus de 3 ans après la dernière activité dépasse la "
    "durée de conservation : elle ne reste pas dans le fichier actif.",
    PIECES_COMPTABLES_SUPPRIMEES: "Un ancien client ou fournisseur a des factures, qu'on garde "
    "10 ans (Code de commerce) : on archive sa fiche, on ne la supprime pas.",
    ARCHIVE_AU_LIEU_DE_SUPPRIMER: "Il n'y a rien à garder (prospect sans facture, ou factures de "
    "plus de 10 ans) : la fiche se supprime ou s'anonymise, elle ne s'archive pas.",
    ENCOURS_OUBLIE: "Une facture reste à régler : la relation n'est pas finie, la fiche reste "
    "dans le fichier actif, même si la dernière commande est ancienne.",
    DONNEE_SENSIBLE_GARDEE: "Santé, opinions, religion, syndicat ou jugement sur la personne : "
    "ces données n'ont rien à faire dans un commentaire. On corrige la fiche en l'effaçant.",
    SUPPRESSION_ABUSIVE: "Cette fiche est encore utile (dans la durée de conservation) : on ne "
    "la supprime pas et on ne l'archive pas.",
    FAUSSE_ANOMALIE: "Cette fiche est juste : relisez-la (clé de contrôle, ville, date) avant "
    "de signaler un problème.",
    DROITS_TROP_LARGES: "Chacun n'a accès qu'à ce dont il a besoin pour son travail : pas de "
    "modification pour qui consulte seulement, aucun accès pour qui n'en a pas besoin.",
    DROITS_INSUFFISANTS: "Une tâche de cette personne a besoin de ces données : lecture pour "
    "consulter, modification pour saisir.",
}

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
