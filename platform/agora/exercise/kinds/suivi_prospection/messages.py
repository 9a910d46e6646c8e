"""What the student reads for each method error of ``suivi_prospection``, and the answer
fields each wrong method changes (where the grader looks for it)."""

from agora.exercise.kinds.suivi_prospection import solve as calc

MESSAGES = {
    calc.NON_DISTRIBUES_COMPTES: (
        "Les envois non distribués (e-mails en erreur, courriers NPAI, numéros faux) n'ont "
        "touché personne : contacts atteints = envois − non distribués."
    ),
    calc.CLIC_SUR_OUVERTURES: (
        "Le taux de clic se calcule sur les e-mails délivrés (contacts atteints), pas sur les "
        "ouvertures : clics ÷ e-mails délivrés × 100."
    ),
    calc.TRANSFORMATION_SUR_CONTACTS: (
        "Le taux de transformation compare les contacts gagnés aux réponses, pas aux contacts "
        "atteints : gagnés ÷ réponses × 100."
    ),
    calc.TAUX_TRONQUE: (
        "Le taux a été coupé au lieu d'être arrondi au dixième le plus proche "
        "(6,25 % s'arrondit à 6,3 %)."
    ),
    calc.ARRONDI_TRONQUE: "Les centimes ont été coupés au lieu d'être arrondis au plus proche.",
    calc.MEILLEUR_CANAL_COUT_TOTAL: (
        "Le canal le moins cher au total n'est pas le plus rentable : comparez le coût par "
        "contact gagné."
    ),
    calc.MEILLEUR_CANAL_COUT_CONTACT: (
        "Un contact bon marché ne rapporte pas forcément : le canal le plus rentable a le coût "
        "par contact gagné le plus bas."
    ),
    calc.OPPOSITION_RECONTACTEE: (
        "Cette personne s'est désabonnée : c'est une opposition (RGPD, art. 21). On ne la "
        "contacte plus et on note l'opposition dans le fichier."
    ),
    calc.NPAI_CONSERVE: (
        "Le courrier est revenu (NPAI) ou l'e-mail en erreur : l'adresse est fausse, il faut "
        "la vérifier avant le prochain envoi."
    ),
    calc.RELANCE_DEPUIS_CAMPAGNE: (
        "La date de relance se compte à partir de la dernière action du prospect, pas de la "
        "date d'envoi de la campagne."
    ),
}

_TAUX = frozenset(
    f"canaux.#.{c}" for c in ("taux_ouverture", "taux_clic", "taux_reponse", "taux_transformation")
)
_COUTS = frozenset(f"canaux.#.{c}" for c in ("cout_contact", "cout_reponse", "cout_client"))

# The fields (patterns) each wrong method changes, where the grader looks for it.
SIGNATURES = {
    # Only where it starts: the rates and costs that follow are the error carried forward.
    calc.NON_DISTRIBUES_COMPTES: frozenset({"canaux.#.touches"}),
    calc.CLIC_SUR_OUVERTURES: frozenset({"canaux.#.taux_clic"}),
    calc.TRANSFORMATION_SUR_CONTACTS: frozenset({"canaux.#.taux_transformation"}),
    calc.TAUX_TRONQUE: _TAUX,
    calc.ARRONDI_TRONQUE: _COUTS,
    calc.MEILLEUR_CANAL_COUT_TOTAL: frozenset({"meilleur_canal"}),
    calc.MEILLEUR_CANAL_COUT_CONTACT: frozenset({"meilleur_canal"}),
    calc.OPPOSITION_RECONTACTEE: frozenset({"prospects.#.action", "prospects.#.fichier"}),
    calc.NPAI_CONSERVE: frozenset({"prospects.#.fichier"}),
    calc.RELANCE_DEPUIS_CAMPAGNE: frozenset({"prospects.#.date_relance"}),
}
