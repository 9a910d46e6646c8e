"""What the student reads for each method error of ``formation``, and the answer fields each
wrong method changes (where the grader looks for it)."""

from agora.exercise.kinds.formation import solve as calc

MESSAGES = {
    calc.TARIF_NON_MULTIPLIE: (
        "Le tarif de l'organisme est donné par jour ou par participant : multipliez-le par le "
        "nombre de jours ou de participants (seul un tarif « par session » se prend tel quel)."
    ),
    calc.FRAIS_NON_MULTIPLIES: (
        "Les frais de trajet et de repas sont donnés par participant : multipliez-les par le "
        "nombre de participants."
    ),
    calc.SALAIRES_OUBLIES: (
        "Le coût de la session comprend aussi les salaires maintenus pendant la formation : "
        "coût pédagogique + frais + salaires."
    ),
    calc.ARRONDI_TRONQUE: "Les centimes ont été coupés au lieu d'être arrondis au plus proche.",
    calc.COUT_MOYEN_PAR_SESSIONS: (
        "Le coût moyen par participant divise le coût total du plan par le nombre de "
        "participants (départs en formation), pas par le nombre de sessions."
    ),
    calc.ECART_SIGNE_INVERSE: (
        "L'écart se calcule réalisé − budget : une dépense au-dessus du budget donne un écart "
        "positif."
    ),
    calc.ECART_PCT_SUR_REALISE: (
        "L'écart en pourcentage se calcule sur le budget (le prévu), pas sur le réalisé : "
        "écart ÷ budget × 100."
    ),
    calc.SENS_INVERSE: (
        "Pour une dépense, dépenser plus que le budget est défavorable ; dépenser moins est "
        "favorable."
    ),
    calc.REPORT_OBLIGATOIRE: (
        "Une formation obligatoire pour le poste (sécurité, habilitation) ne se reporte pas : "
        "reportez d'abord les formations non obligatoires les moins prioritaires."
    ),
    calc.CONVOCATION_ELEMENT_MANQUANT: (
        "Il manque à la convocation une information dont le salarié a besoin (intitulé, dates, "
        "horaires, lieu, organisme, objectifs, prise en charge des frais)."
    ),
    calc.CONVOCATION_ELEMENT_INUTILE: (
        "Une convocation ne contient pas de données personnelles sans rapport avec la "
        "formation (salaire, numéro de sécurité sociale, famille, absences, avis du "
        "responsable) : seulement ce qui est utile (RGPD, minimisation)."
    ),
    calc.CONTRIBUTION_TAUX_CONFONDU: (
        "La contribution à la formation professionnelle est de 0,55 % de la masse salariale "
        "brute sous 11 salariés et de 1 % à partir de 11 salariés."
    ),
    calc.FONCTIONNEMENT_SOUS_50: (
        "Sous 50 salariés, l'employeur ne verse pas de budget de fonctionnement au CSE : "
        "0,20 % ne s'applique qu'à partir de 50 salariés."
    ),
    calc.TAUX_FONCTIONNEMENT_CONFONDU: (
        "Budget de fonctionnement : 0,20 % de la masse salariale brute de 50 à 1 999 salariés, "
        "0,22 % à partir de 2 000 salariés."
    ),
    calc.MASSE_NETTE: (
        "Les budgets du CSE se calculent sur la masse salariale brute (le brut déclaré en DSN), "
        "pas sur les salaires nets."
    ),
}

_PARTICIPANT = frozenset({"sessions.#.cout_participant", "cout_moyen"})
_ECARTS = frozenset({"ecart", "ecart_pct", "cse.asc_ecart"})
_BUDGETS_CSE = frozenset({"cse.budget_fonctionnement", "cse.budget_asc"})

# The fields (patterns) each wrong method changes, where the grader looks for it: only where
# it starts, the fields that follow are the error carried forward.
SIGNATURES = {
    calc.TARIF_NON_MULTIPLIE: frozenset({"sessions.#.cout_pedagogique"}),
    calc.FRAIS_NON_MULTIPLIES: frozenset({"sessions.#.frais"}),
    calc.SALAIRES_OUBLIES: frozenset({"sessions.#.cout_total"}),
    calc.ARRONDI_TRONQUE: _PARTICIPANT,
    calc.COUT_MOYEN_PAR_SESSIONS: frozenset({"cout_moyen"}),
    calc.ECART_SIGNE_INVERSE: _ECARTS,
    calc.ECART_PCT_SUR_REALISE: frozenset({"ecart_pct"}),
    calc.SENS_INVERSE: frozenset({"ecart_sens", "cse.asc_sens"}),
    calc.REPORT_OBLIGATOIRE: frozenset({"sessions.#.decision"}),
    calc.CONVOCATION_ELEMENT_MANQUANT: frozenset({"convocation.#.figure"}),
    calc.CONVOCATION_ELEMENT_INUTILE: frozenset({"convocation.#.figure"}),
    calc.CONTRIBUTION_TAUX_CONFONDU: frozenset({"contribution"}),
    calc.FONCTIONNEMENT_SOUS_50: frozenset({"cse.budget_fonctionnement"}),
    calc.TAUX_FONCTIONNEMENT_CONFONDU: frozenset({"cse.budget_fonctionnement"}),
    calc.MASSE_NETTE: _BUDGETS_CSE,
}
