"""Bank reconciliation, the French explanation of each diagnostic the grader can raise."""

from __future__ import annotations

MESSAGES = {
    "POINTAGE_INCORRECT": "Une paire pointée ne correspond pas : on pointe une ligne du compte 512 "
    "avec la ligne du relevé de même montant et de même sens.",
    "SENS_RELEVE_INVERSE": "Le relevé est écrit du point de vue de la banque : son crédit est de "
    "l'argent qui entre pour l'entreprise, son débit de l'argent qui sort.",
    "SENS_512_INVERSE": "Dans le compte 512, le débit est l'argent qui entre et le crédit l'argent "
    "qui sort : solde = solde de départ + débits − crédits.",
    "OUBLI_SOLDE_INITIAL": "Le solde de fin de mois part du solde de début de mois.",
    "OUVERTURE_RELEVE_INCORRECTE": "Le relevé part de son propre ancien solde, pas du solde de "
    "départ du compte 512 (les suspens du mois dernier les rendent différents).",
    "SUSPENS_MAUVAIS_COTE": "Côté entreprise : les lignes du relevé absentes du compte 512. Côté "
    "banque : les lignes du compte 512 absentes du relevé.",
    "DEPOT_NON_CREDITE_MAL_PLACE": "Une remise pas encore créditée par la banque est de l'argent "
    "qui va arriver : c'est un ajout côté banque.",
    "CHEQUE_NON_ENCAISSE_MAL_PLACE": "Un chèque émis pas encore encaissé est de l'argent qui va "
    "sortir : c'est une déduction côté banque.",
    "LIGNE_POINTABLE_EN_SUSPENS": "Une ligne présente dans les deux documents se pointe : elle ne "
    "va pas dans l'état de rapprochement.",
    "OUBLI_SUSPENS": "Une opération non pointée manque dans l'état de rapprochement.",
    "SUSPENS_ANTERIEUR_OUBLIE": "Les suspens du mois dernier se pointent avec le relevé de ce "
    "mois ; s'ils n'y sont toujours pas, ils restent dans l'état côté banque.",
    "ERREUR_SAISIE_NON_CORRIGEE": "Une opération a été saisie dans le compte 512 avec un montant "
    "faux : l'écart se corrige côté entreprise.",
    "ERREUR_SAISIE_MAL_PLACEE": "L'écart d'une erreur de saisie va côté entreprise : en ajout si "
    "le compte 512 montre moins d'argent que la banque, en déduction sinon.",
    "SOLDES_RECTIFIES_DIFFERENTS": "Vos deux côtés ne donnent pas le même solde rectifié : il y a "
    "une erreur dans une des listes ou un des soldes.",
    "ECRITURE_SENS_INVERSE": "Argent qui entre : on débite le 512 ; argent qui sort : on crédite "
    "le 512.",
    "COMPTE_INCORRECT": "Le compte de contrepartie ne convient pas à cette opération.",
    "ECRITURE_MONTANT_INCORRECT": "Le montant de l'écriture est celui de la ligne du relevé.",
    "ERREUR_MONTANT_COMPLET": "Pour corriger une erreur de saisie, l'écriture porte sur l'écart, "
    "pas sur le montant complet.",
    "ECRITURE_MANQUANTE": "Chaque ligne du côté entreprise demande une écriture.",
    "ECRITURE_INUTILE": "On ne passe d'écriture que pour le côté entreprise : les suspens côté "
    "banque et les lignes pointées sont déjà dans le compte 512.",
}
