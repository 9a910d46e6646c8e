"""The ``facture`` exercise: from an accepted devis to the invoice (réductions, escompte, port, TVA, acompte).

Contract: the ``facture`` section of the exercise specification. The params are read in
``params``, the calculation is in ``solve``, the grading in ``grade``, the story in ``statement``.
"""

from agora.exercise.base import ExerciseKind
from agora.exercise.kinds.facture import answer, generate, grade, params, samples, solve

KIND = ExerciseKind(
    NAME=params.NAME,
    TITRE="Facture avec réductions, escompte, port et TVA",
    COMPETENCES=("1.2.2",),
    VERSION=1,
    ANSWER_SCHEMA=answer.ANSWER_SCHEMA,
    check_params=params.check_params,
    generate=generate.generate,
    parse=answer.parse,
    solve=solve.solve,
    grade=grade.grade,
    sample_answers=samples.sample_answers,
    validate_field=answer.validate_field,
    PRODUIT="facture",  # the solved invoice: the document a later step may record
)
