"""The bulletin_paie exercise: payslip components from the base salary to net à payer and employer cost.

The calculation lives in ``solve``, the grading (error carried forward, diagnostics) in ``grade``
(its French texts in ``messages``), the drawing of a variant in ``generate`` and the French
statement in ``statement`` (with ``champs_demandes``, the fields each level asks for); the
answer's fields and their types in ``answer``.
"""

from agora.calendrier import MOIS
from agora.exercise.base import ExerciseKind, KindOption
from agora.exercise.kinds.bulletin_paie import generate

# A mission whose story is set in a month fixes it (« La paie de mars »); by default each
# student draws one.
MOIS_DU_BULLETIN = KindOption(
    libelle="Mois du bulletin de paie",
    valeurs={generate.AU_CHOIX: "Tiré au hasard pour chaque élève"}
    | {nom: f"{nom.capitalize()} {generate.ANNEE}" for nom in MOIS},
    defaut=generate.AU_CHOIX,
)

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Bulletin de paie : du salaire brut au net à payer",
    COMPETENCES=("3.2.4",),
    # 5: a job agrees with whoever holds it (« vendeuse »); 4: the régie's director is its
    # dirigeant (3: HCR meals at every level)
    VERSION=5,
    OPTIONS={"mois": MOIS_DU_BULLETIN},
    PRODUIT="bulletin_paie",  # the solved payslip: what a payroll journal step may record
)
