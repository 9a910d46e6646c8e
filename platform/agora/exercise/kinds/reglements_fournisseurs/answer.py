"""The answer of a ``reglements_fournisseurs``: for each invoice of the schedule its due
situation, the check of its bank details, what is still due, the decision and the amount
transferred; the escompte's study; the total of the transfers; the entry."""

from agora.exercise import journal
from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import MONTANT, QUANTITE, Choice
from agora.exercise.kinds.reglements_fournisseurs import solve as calc
from agora.exercise.kinds.reglements_fournisseurs.params import MAX_FACTURES

SITUATION = Choice(
    {
        calc.ECHUE: "Déjà échue",
        calc.CETTE_SEMAINE: "À échéance cette semaine",
        calc.PLUS_TARD: "À échéance plus tard",
    }
)
RIB = Choice({calc.VALIDE: "Coordonnées conformes", calc.A_BLOQUER: "Coordonnées à vérifier"})
DECISION = Choice(
    {
        calc.PAYER: "Payer cette semaine",
        calc.ATTENDRE: "Attendre l'échéance",
        calc.BLOQUER: "Bloquer le paiement",
    }
)
ESCOMPTE = Choice({calc.PRENDRE: "Prendre l'escompte", calc.NE_PAS_PRENDRE: "Ne pas le prendre"})
# Rows the student may write in the entry (the right one has at most nine).
MAX_ECRITURE = MAX_FACTURES + 3

ANSWER_SCHEMA = AnswerSchema(
    {
        "factures.#.situation": SITUATION,
        "factures.#.rib": RIB,
        "factures.#.reste_du": MONTANT,
        "factures.#.decision": DECISION,
        "factures.#.montant": MONTANT,
        "escompte.montant_ht": MONTANT,
        "escompte.tva": MONTANT,
        "escompte.jours": QUANTITE,
        "escompte.cout": MONTANT,
        "escompte.decision": ESCOMPTE,
        "total": MONTANT,
        # The neutral journal shape: date, journal, piece and label are given, not graded.
        **journal.schema("ecriture"),
    },
    {"factures": MAX_FACTURES, "ecriture": MAX_ECRITURE},
)
