"""What the student reads for each method error of ``prise_en_charge``, and the fiche's fields
each wrong method changes (where the grader looks for it)."""

from agora.exercise.kinds.prise_en_charge import solve as calc

MESSAGES = {
    calc.TELEPHONE_CHIFFRES: (
        "Le numéro de téléphone est mal noté : relisez-le chiffre par chiffre, deux par deux, "
        "comme on le dicte. Avec un seul chiffre faux, personne ne pourra rappeler."
    ),
    calc.TELEPHONE_AVANT_CORRECTION: (
        "La personne s'est reprise en donnant son numéro : c'est le numéro corrigé, le "
        "second, qu'il faut noter."
    ),
    calc.COURRIEL_MAL_NOTE: (
        "L'adresse électronique est mal recopiée : une lettre de trop ou de moins, et le "
        "courriel n'arrive pas."
    ),
    calc.REFERENCE_MAL_COPIEE: (
        "La référence (commande, facture, dossier) est mal recopiée : c'est elle qui permet "
        "au service de retrouver le dossier. Recopiez-la caractère par caractère."
    ),
    calc.REFERENCE_HORS_SUJET: (
        "Le message cite deux numéros : vous avez noté celui qui ne concerne pas la demande."
    ),
    calc.URGENCE_INVERSEE: (
        "L'urgence se décide avec les règles de l'organisation, pas avec le ton de la "
        "personne : relisez la liste des cas urgents."
    ),
    calc.BESOIN_EXPRIME_RETENU: (
        "Vous avez noté ce que la personne a dit d'abord, pas ce dont elle a vraiment besoin : "
        "le besoin réel se comprend avec la situation et la fin du message."
    ),
    calc.SERVICE_ERRONE: (
        "Ce service ne traite pas ce genre de demande : cherchez dans l'annuaire interne le "
        "service dont c'est le travail."
    ),
    calc.ECHEANCE_CALENDAIRE: (
        "Le délai se compte en jours ouvrés (du lundi au vendredi, sans les jours fériés), "
        "pas en jours calendaires."
    ),
    calc.ECHEANCE_SANS_DECALAGE: (
        "La demande est arrivée après l'heure limite, un week-end ou un jour férié : elle "
        "compte comme reçue le jour ouvré suivant, et le délai part de ce jour-là."
    ),
    calc.ECHEANCE_FERIE_OUVRE: (
        "Un jour férié n'est pas un jour ouvré : il ne compte pas dans le délai."
    ),
    calc.ECHEANCE_JOUR_COMPTE: (
        "Le jour où la demande est reçue ne compte pas : le délai commence le jour ouvré suivant."
    ),
}

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
