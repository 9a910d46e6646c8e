"""The ``avoir`` exercise: the credit note on an invoice (return, rabais, ristourne, quantity
invoiced too many), and the mandatory mentions of an invoice to check (levels 2 and 3).

Contract: docs/exercices/avoir.md. The params are read in ``params``, the calculation is in
``solve``, the wrong methods in ``methodes``, the grading in ``grade``, the story in
``histoire`` and ``generate``, the statement in ``statement`` and ``brouillon``.
"""

from agora.exercise.base import ExerciseKind, KindOption
from agora.exercise.kinds.avoir import piece

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Facture d'avoir et mentions obligatoires",
    COMPETENCES=("1.2.2",),
    # 5: a supplier credits what it sold; a water bill one metered volume; 4: a chained statement
    # names the invoice's step; 3: no return, port nor goods outside the goods family
    VERSION=5,
    OPTIONS={
        "motif": KindOption(
            "Motif de l'avoir",
            {
                "au_choix": "Au choix de l'exercice, selon le niveau et l'organisation",
                "retour": "Retour de marchandises (ou quantité facturée en trop)",
                "rabais": "Rabais pour un défaut ou un retard",
                "ristourne": "Ristourne de fin d'année",
            },
            "au_choix",
        )
    },
    PRODUIT="avoir",
    CONSOMME={"facture": "la facture d'origine"},
    piece_commerciale=piece.piece_commerciale,
)
