"""Kind ``conformite``: check the regulatory register of the organisation's sector (cold chain
and use-by dates, lot traceability, ten-year liability insurance and periodic checks, drinking-
water analyses, premises safety checks) and its supplier file.

Each row is flagged with its non-conformity (« aucune » for none) and the action it calls for;
each supplier record with its problem (SIRET, IBAN, duplicate, attestation de vigilance) and the
action. The public contract is docs/exercices/conformite.md; each module of the package does one
step of the exercise's life.
"""

from agora.exercise.base import ExerciseKind, KindOption
from agora.exercise.kinds.conformite import generate

FOURNISSEURS = KindOption(
    libelle="Contrôler aussi le fichier fournisseurs (2.1.3)",
    valeurs=generate.FOURNISSEURS,
    defaut="oui",
)

KIND = ExerciseKind.from_package(
    __name__,
    TITRE="Conformité : contrôler un registre réglementaire et le fichier fournisseurs",
    COMPETENCES=("2.1.4", "2.1.3"),
    # 3: the organisation's catalogue and suppliers (sector audit); 2: the régie's director is its
    # dirigeant; no « municipale »
    VERSION=3,
    OPTIONS={"fournisseurs": FOURNISSEURS},
)
