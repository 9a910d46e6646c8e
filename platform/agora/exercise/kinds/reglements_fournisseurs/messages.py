"""What the student reads for each method error of ``reglements_fournisseurs``, and the answer
fields each wrong method changes (where the grader looks for it)."""

from agora.exercise.kinds.reglements_fournisseurs import solve as calc

MESSAGES = {
    calc.ECHUE_NON_VUE: (
        "L'échéance de cette facture est déjà passée : elle est échue. On la paie tout de "
        "suite, sinon le fournisseur peut réclamer des pénalités de retard et 40 € "
        "d'indemnité."
    ),
    calc.FIN_DE_SEMAINE_OUBLIEE: (
        "Cette facture arrive à échéance avant la fin de la semaine : elle part dans les "
        "virements de cette semaine, pour ne pas payer en retard."
    ),
    calc.RIB_NON_CONTROLE: (
        "Avant de virer, on contrôle les coordonnées bancaires : l'IBAN doit être celui du "
        "fichier fournisseurs, sa clé doit être juste, et le BIC du même pays que l'IBAN. "
        "Sinon, on bloque le paiement et on appelle le fournisseur."
    ),
    calc.AVOIR_NON_DEDUIT: (
        "L'avoir reçu du fournisseur diminue ce qu'on lui doit : reste dû = TTC de la "
        "facture − TTC de l'avoir − ce qui est déjà payé."
    ),
    calc.ACOMPTE_NON_DEDUIT: (
        "Une partie de cette facture est déjà payée : on ne vire que le reste dû."
    ),
    calc.ESCOMPTE_SUR_TTC: (
        "L'escompte se calcule sur le montant hors taxes : escompte = HT × taux d'escompte."
    ),
    calc.ESCOMPTE_SANS_TVA: (
        "L'escompte diminue aussi la TVA : TVA de l'escompte = escompte HT × taux de TVA."
    ),
    calc.JOURS_DEPUIS_FACTURE: (
        "Les jours d'avance se comptent entre le jour du paiement et l'échéance de la "
        "facture, pas depuis la date de la facture."
    ),
    calc.DECOUVERT_365: (
        "Les intérêts du découvert se calculent ici sur une année de 360 jours : "
        "montant × taux ÷ 100 × jours ÷ 360."
    ),
    calc.COUT_SUR_TTC: (
        "Le découvert finance ce qu'on paie vraiment : le TTC moins l'escompte (HT et TVA)."
    ),
    calc.GAIN_TTC: (
        "Pour une organisation qui récupère la TVA, l'escompte ne fait gagner que son montant "
        "hors taxes (la TVA de l'escompte diminue la TVA déductible) : comparez l'escompte HT "
        "au coût du découvert."
    ),
    calc.ARRONDI_TRONQUE: "Les centimes ont été coupés au lieu d'être arrondis au plus proche.",
    calc.ECRITURE_SENS_INVERSE: (
        "Débit et crédit inversés : un règlement débite le fournisseur (401), il crédite la "
        "banque (512), l'escompte obtenu (765) et la TVA déductible (44566)."
    ),
    calc.ESCOMPTE_OBTENU_CONFONDU: (
        "Un escompte obtenu d'un fournisseur est un produit financier : compte 765. Le 665 "
        "sert pour l'escompte accordé à un client, le 609 pour les rabais, remises et "
        "ristournes."
    ),
    calc.TVA_COLLECTEE_CONFONDUE: (
        "Sur un achat, la TVA est déductible : l'escompte diminue le 44566. Le 44571 (TVA "
        "collectée) sert pour les ventes."
    ),
}

# The answer fields (as patterns) whose value each wrong method changes.
_PAIEMENT = ("factures.#.decision", "factures.#.montant", "total")
_COUT = ("escompte.cout", "escompte.decision", *_PAIEMENT)
_ESCOMPTE = ("escompte.montant_ht", "escompte.tva", *_COUT)
SIGNATURES = {
    calc.ECHUE_NON_VUE: ("factures.#.situation",),
    calc.FIN_DE_SEMAINE_OUBLIEE: ("factures.#.situation", *_PAIEMENT),
    calc.RIB_NON_CONTROLE: ("factures.#.rib", *_PAIEMENT),
    calc.AVOIR_NON_DEDUIT: ("factures.#.reste_du", *_PAIEMENT),
    calc.ACOMPTE_NON_DEDUIT: ("factures.#.reste_du", *_PAIEMENT),
    calc.ESCOMPTE_SUR_TTC: _ESCOMPTE,
    calc.ESCOMPTE_SANS_TVA: _ESCOMPTE,
    calc.JOURS_DEPUIS_FACTURE: ("escompte.jours", *_COUT),
    calc.DECOUVERT_365: _COUT,
    calc.COUT_SUR_TTC: _COUT,
    calc.GAIN_TTC: ("escompte.decision", *_PAIEMENT),
    calc.ARRONDI_TRONQUE: _ESCOMPTE,
}
