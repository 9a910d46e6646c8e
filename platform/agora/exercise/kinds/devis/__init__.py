"""The ``devis`` exercise: from a customer's request, the catalogue and the CGV to the quote
(lines, remises in cascade, port, VAT by rate, validity, acompte or arrhes), and at level 3 the
order checked against the delivery note.

Contract: docs/exercices/devis.md. The params are read in ``params``, the calculation is in
``solve``, the grading in ``grade``, the story in ``generate`` and ``statement``.
"""

from agora.exercise.base import ExerciseKind, KindOption
from agora.exercise.kinds.devis import piece

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Devis : remises, port, TVA, validité, acompte ou arrhes",
    COMPETENCES=("1.2.1", "1.2.2"),
    # 5: the organisation's catalogue keeps its essential lines; 4: a public service quotes its
    # tariffs (no remise); 3: travel charge
    VERSION=5,
    OPTIONS={
        "versement": KindOption(
            libelle="Ce que le client verse à la signature",
            valeurs={
                "au_choix": "Tiré au hasard pour chaque élève",
                "acompte": "Un acompte",
                "arrhes": "Des arrhes",
            },
            defaut="au_choix",
        )
    },
    PRODUIT="devis",  # the accepted quote: the document a later step (the invoice) may take
    piece_commerciale=piece.piece_commerciale,
)
