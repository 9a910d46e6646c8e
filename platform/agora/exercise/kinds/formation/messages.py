"""What the student reads for each method error of ``formation`` (messages.yaml
beside), and the answer fields each
wrong method changes (where the grader looks for it)."""

from pathlib import Path

from agora.exercise.kinds.formation import solve as calc
from agora.exercise.nommes import messages_lus

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

MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"), SIGNATURES)
