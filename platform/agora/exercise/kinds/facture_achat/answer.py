"""The answer of a ``facture_achat``: the check line by line, the corrected foot, the decision
and the purchases-journal entry, with their types (the one schema form and grader read)."""

from agora.exercise import journal
from agora.exercise.answer_names import AnswerSchema
from agora.exercise.fields import MONTANT, TAUX, TEXTE, Choice
from agora.exercise.kinds.facture_achat.params import MAX_LIGNES, MAX_TAUX

ECART = Choice(
    dict(
        aucun="Aucun écart",
        quantite="Quantité (facturée ≠ livrée)",
        prix="Prix unitaire (≠ commande)",
        remise="Remise (≠ commande)",
        taux_tva="Taux de TVA (≠ commande)",
        calcul="Erreur de calcul du montant",
        reference="Article non commandé",
    )
)
DECISION = Choice(
    dict(
        accepter="Accepter la facture",
        demander_avoir="Demander un avoir au fournisseur",
        refuser="Refuser la facture (la renvoyer)",
    )
)
# Rows the student may write in the entry (the right one has at most seven).
MAX_ECRITURE = 10
PIED = (
    "net_commercial",
    "escompte",
    "net_financier",
    "total_ht",
    "total_tva",
    "net_a_payer",
    "montant_avoir",
)

ANSWER_SCHEMA = AnswerSchema(
    {
        "lignes.#.reference": TEXTE,  # as the solution writes it, not graded
        "lignes.#.ecart": ECART,
        "lignes.#.montant_corrige": MONTANT,
        **dict.fromkeys(PIED, MONTANT),
        "tva.#.taux": TAUX,  # as the solution writes it, not graded
        "tva.#.base": MONTANT,
        "tva.#.montant": MONTANT,
        "cout_achat": MONTANT,
        "decision": DECISION,
        **journal.schema("ecriture"),
    },
    {"lignes": MAX_LIGNES, "tva": MAX_TAUX, "ecriture": MAX_ECRITURE},
)
