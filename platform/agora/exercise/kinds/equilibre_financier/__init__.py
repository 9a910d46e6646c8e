"""Kind ``equilibre_financier``: report on the organisation's financial balance from its
year-end balance sheet (référentiel 2.2.6).

The student totals the masses of the functional balance sheet (at level 3, after classifying
each line of the accounting one), computes the FRNG, the working capital need, the net cash both
ways and the ratios, then reads the situation and picks the remedy. The public contract is
docs/exercices/equilibre_financier.md; each module of the package does one step of the life of
the exercise.
"""

from agora.exercise.base import ExerciseKind, KindOption

# A mission may fix the situation the balance sheet shows; by default each student draws one.
SITUATION = KindOption(
    libelle="Situation financière que montre le bilan",
    valeurs={
        "au_choix": "Tirée au hasard pour chaque élève",
        "equilibre": "Équilibre (trésorerie positive)",
        "frng_insuffisant": "FRNG négatif",
        "bfr_trop_eleve": "BFR plus grand que le FRNG (trésorerie négative)",
    },
    defaut="au_choix",
)

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Équilibre financier : bilan fonctionnel, FRNG, BFR, trésorerie et ratios",
    COMPETENCES=("2.2.6",),
    # 3: a club's « minibus et matériel sportif »; 2: the régie's director is its dirigeant; no «
    # municipale »
    VERSION=3,
    OPTIONS={"situation": SITUATION},
)
