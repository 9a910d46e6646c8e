"""Kind ``qualite_donnees``: clean a customer, prospect or supplier file before it is used.

Each row's problem is named (duplicate, wrong SIRET, VAT number or IBAN key, postcode of another
town, record past its retention period, forbidden comment) and the row decided (keep, correct,
merge with which row, archive, delete, anonymise); then the access rights of the jobs that use the
file are set by need to know. The public contract is docs/exercices/qualite_donnees.md; each
module of the package does one step of the exercise's life.
"""

from agora.exercise.base import ExerciseKind, KindOption
from agora.exercise.kinds.qualite_donnees import formulaire, params

# A mission chooses the file; a supplier file will also serve 2.1.3 once competencies can
# follow an option: today the kind declares only what its fields prove for every file.
FICHIER = KindOption(libelle="Fichier à nettoyer", valeurs=params.FICHIERS, defaut="clients")

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Qualité des données : nettoyer un fichier de tiers (doublons, clés, RGPD, droits d'accès)",
    COMPETENCES=("1.3.1", "1.3.2", "1.3.3"),
    VERSION=2,  # 2: the régie's director is its dirigeant; no « municipale »
    OPTIONS={"fichier": FICHIER},
    formulaire=formulaire.fiches,
)
