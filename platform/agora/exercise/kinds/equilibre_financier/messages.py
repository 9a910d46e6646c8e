"""The named method errors of a functional analysis: the message a student reads, the fields
each shows in, and the ones worth looking for at each presentation of the balance sheet."""

from agora.exercise.kinds.equilibre_financier import solve as s

MESSAGES = {
    s.CLASSEMENT_AMORTISSEMENTS: "Les amortissements et dépréciations ne se déduisent pas de "
    "l'actif : l'actif se prend brut, et ils vont dans les ressources stables.",
    s.CONCOURS_EN_RESSOURCES_STABLES: "Les concours bancaires courants (le découvert) sont une "
    "dette de trésorerie à court terme : trésorerie passive, pas ressources stables.",
    s.DETTE_IMMOBILISATION_EN_EXPLOITATION: "Une dette envers le fournisseur d'une "
    "immobilisation n'est pas liée à l'exploitation : dettes hors exploitation.",
    s.EMPLOIS_NETS: "Les emplois stables se prennent à la valeur brute des immobilisations, "
    "sans retirer les amortissements.",
    s.AMORTISSEMENTS_OUBLIES: "Les ressources stables comprennent aussi les amortissements et "
    "dépréciations (avec les capitaux propres, les provisions et les emprunts).",
    s.FRNG_INVERSE: "FRNG = ressources stables − emplois stables (et non l'inverse).",
    s.BFR_INVERSE: "BFR = actif circulant − dettes circulantes (et non l'inverse).",
    s.BFR_AVEC_TRESORERIE: "Le BFR se calcule hors trésorerie : ni les disponibilités ni les "
    "concours bancaires courants.",
    s.TRESORERIE_SANS_CONCOURS: "Trésorerie nette = trésorerie active − trésorerie passive : "
    "retirez les concours bancaires courants.",
    s.VERIFICATION_INVERSEE: "La vérification se fait dans ce sens : trésorerie nette = "
    "FRNG − BFR.",
    s.RATIO_INVERSE: "Le ratio a été calculé à l'envers : reprenez la formule (numérateur ÷ "
    "dénominateur).",
    s.RATIO_TRONQUE: "Le ratio a été coupé à deux décimales au lieu d'être arrondi au plus proche.",
    s.RATIO_EN_POURCENTAGE: "Un ratio s'écrit comme un nombre décimal (par exemple 1,25), pas "
    "en pourcentage.",
    s.LECTURE_MALGRE_TRESORERIE: "La trésorerie nette est négative : ce n'est pas une "
    "situation d'équilibre.",
    s.LECTURE_SANS_FRNG: "Le FRNG est négatif : le premier problème est le financement des "
    "immobilisations, avant le BFR.",
    s.REMEDE_DECOUVERT: "Un découvert finance un besoin durable par une dette à court terme : il "
    "aggrave la situation au lieu de la corriger.",
}

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
