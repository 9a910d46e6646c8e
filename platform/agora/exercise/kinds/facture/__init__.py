"""The ``facture`` exercise: from an accepted devis to the invoice (réductions, escompte, port, TVA, acompte).

Contract: the ``facture`` section of the exercise specification. The params are read in
``params``, the calculation is in ``solve``, the grading in ``grade``, the story in ``statement``.
"""

from agora.exercise.base import ExerciseKind
from agora.exercise.kinds.facture import piece

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Facture avec réductions, escompte, port et TVA",
    COMPETENCES=("1.2.2",),
    # 8: a water bill follows a meter reading; a supplier bills its trade; 7: a sale's statement
    # gives the payment term and due date, names the quote's step and its arrhes; 6: a public
    # service bills its tariffs (no reduction, no escompte); 5: family
    VERSION=8,
    PRODUIT="facture",  # the solved invoice: the document a later step may record
    CONSOMME={"devis": "le devis accepté"},
    piece_commerciale=piece.piece_commerciale,
)
