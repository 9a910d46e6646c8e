"""The named method errors of a functional analysis: the message a student reads (messages.yaml
beside), the fields each shows in, and the ones worth looking for at each presentation of the
balance sheet."""

from pathlib import Path

from agora.exercise.kinds.equilibre_financier import solve as s
from agora.exercise.nommes import messages_lus

# The fields (paths without their row index) where each wrong method shows.
SIGNATURES = {
    s.CLASSEMENT_AMORTISSEMENTS: {"postes.masse"},
    s.CONCOURS_EN_RESSOURCES_STABLES: {"postes.masse"},
    s.DETTE_IMMOBILISATION_EN_EXPLOITATION: {"postes.masse"},
    s.EMPLOIS_NETS: {"masses.emplois_stables"},
    s.AMORTISSEMENTS_OUBLIES: {"masses.ressources_stables"},
    s.FRNG_INVERSE: {"frng"},
    s.BFR_INVERSE: {"bfre", "bfrhe", "bfr"},
    s.BFR_AVEC_TRESORERIE: {"bfr"},
    s.TRESORERIE_SANS_CONCOURS: {"tresorerie_nette"},
    s.VERIFICATION_INVERSEE: {"verification"},
    s.RATIO_INVERSE: {
        "ratios.autonomie_financiere",
        "ratios.liquidite_generale",
        "ratios.couverture_emplois_stables",
    },
    s.RATIO_TRONQUE: {
        "ratios.autonomie_financiere",
        "ratios.liquidite_generale",
        "ratios.couverture_emplois_stables",
    },
    s.RATIO_EN_POURCENTAGE: {
        "ratios.autonomie_financiere",
        "ratios.liquidite_generale",
        "ratios.couverture_emplois_stables",
    },
    s.LECTURE_MALGRE_TRESORERIE: {"lecture.situation"},
    s.LECTURE_SANS_FRNG: {"lecture.situation"},
    s.REMEDE_DECOUVERT: {"lecture.remede"},
}

MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"), SIGNATURES)

_CALCULS = (
    s.EMPLOIS_NETS,
    s.AMORTISSEMENTS_OUBLIES,
    s.FRNG_INVERSE,
    s.BFR_INVERSE,
    s.BFR_AVEC_TRESORERIE,
    s.TRESORERIE_SANS_CONCOURS,
    s.VERIFICATION_INVERSEE,
    s.RATIO_TRONQUE,  # before the inverse: near 1, both can give the same value
    s.RATIO_INVERSE,
    s.RATIO_EN_POURCENTAGE,
    s.LECTURE_MALGRE_TRESORERIE,
    s.LECTURE_SANS_FRNG,
    s.REMEDE_DECOUVERT,
)
# The wrong methods looked for, in the order tried: the classification ones need level 3's
# accounting balance sheet (at levels 1 and 2 the sheet is already functional).
FAUTES = {
    "fonctionnel": _CALCULS,
    "comptable": (
        s.CLASSEMENT_AMORTISSEMENTS,
        s.CONCOURS_EN_RESSOURCES_STABLES,
        s.DETTE_IMMOBILISATION_EN_EXPLOITATION,
        *_CALCULS,
    ),
}
