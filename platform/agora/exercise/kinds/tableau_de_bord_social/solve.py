"""The indicators of the ``tableau_de_bord_social`` contract, run right or with one typical
mistake.

``calcule`` gives every value of the answer by its path (``absences.taux``…). The grader runs it
three ways: right (the reference), from the student's own earlier values (an error carried
forward earns its credit), and with a known wrong method (a ``faute``) to name the
misconception behind a wrong value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from agora.exercise.base import unflatten
from agora.exercise.fields import QUANTITE
from agora.exercise.grading import Etapes
from agora.exercise.kinds.tableau_de_bord_social.params import Donnees, Personne, lire_params
from agora.exercise.kinds.tableau_de_bord_social.regles import (
    bornes,
    load_indicateurs,
    motif_compte,
)
from agora.money import ZERO, cents

# The wrong methods calcule can run (codes of the public diagnostics).
EFFECTIF_FIN_ANNEE = "EFFECTIF_FIN_ANNEE"
EFFECTIF_DEBUT_FIN = "EFFECTIF_DEBUT_FIN"
ABSENCE_NON_COMPTABLE_INCLUSE = "ABSENCE_NON_COMPTABLE_INCLUSE"
ABSENTEISME_SUR_HEURES_TRAVAILLEES = "ABSENTEISME_SUR_HEURES_TRAVAILLEES"
ROTATION_NON_DIVISEE = "ROTATION_NON_DIVISEE"
ACCIDENT_SANS_ARRET_COMPTE = "ACCIDENT_SANS_ARRET_COMPTE"
ACCIDENT_TRAJET_COMPTE = "ACCIDENT_TRAJET_COMPTE"
TF_POUR_MILLE = "TF_POUR_MILLE"
TG_POUR_MILLION = "TG_POUR_MILLION"
AGE_MAUVAISE_DATE = "AGE_MAUVAISE_DATE"
BORNES_DECALEES = "BORNES_DECALEES"
DOUBLON_COMPTE = "DOUBLON_COMPTE"
AGE_IMPOSSIBLE_COMPTE = "AGE_IMPOSSIBLE_COMPTE"
GRAPHIQUE_INADAPTE = "GRAPHIQUE_INADAPTE"
ANOMALIE_NON_VUE = "ANOMALIE_NON_VUE"
ANOMALIE_CORRIGEE_AU_JUGE = "ANOMALIE_CORRIGEE_AU_JUGE"

BANDES = ("moins_de_25", "de_25_a_34", "de_35_a_44", "de_45_a_54", "55_et_plus")
SEXE_CHAMP = {"F": "femmes", "H": "hommes"}
# The chart that fits each indicator, and the one a student picks without thinking.
GRAPHIQUE = {
    "evolution_effectif": "courbe",
    "pyramide_ages": "pyramide",
    "absences_par_motif": "secteurs",
    "absenteisme_par_service": "barres",
}
_GRAPHIQUE_FAUX = {
    "evolution_effectif": "secteurs",
    "pyramide_ages": "barres",
    "absences_par_motif": "courbe",
    "absenteisme_par_service": "secteurs",
}
# What to do of each anomaly; « aucune » when the check finds nothing.
AUCUNE, AUCUN_MOIS = "aucune", "aucun"
SUPPRIMER, FAIRE_VERIFIER, CORRIGER_SEUL, RIEN = (
    "supprimer",
    "faire_verifier",
    "corriger_seul",
    "rien",
)
AGE_MIN, AGE_MAX = 16, 70
MILLION, MILLE = Decimal(1_000_000), Decimal(1000)
CENT = Decimal(100)


def age(naissance: date, jour: date) -> int:
    """Age in whole years on ``jour`` (years revolus)."""
    return jour.year - naissance.year - ((jour.month, jour.day) < (naissance.month, naissance.day))


def bande(age_revolu: int, decalees: bool = False) -> str:
    """The band of an age: 25 is in « 25 à 34 » (``decalees``: the bound put in the band below)."""
    rang = sum(age_revolu > b if decalees else age_revolu >= b for b in bornes())
    return BANDES[rang]


@cache
def _bandes(decalees: bool) -> dict[int, str]:
    """``bande`` of each age from 0 to 120, found once from the rules' bounds (a pyramid
    places every person present, and a grade builds one or two)."""
    return {a: bande(a, decalees) for a in range(121)}


def doublon(d: Donnees) -> str | None:
    """The first matricule written twice in the register."""
    vus: set[str] = set()
    for p in d.personnel:
        if p.matricule in vus:
            return p.matricule
        vus.add(p.matricule)
    return None


def age_impossible(d: Donnees, p: Personne) -> bool:
    return not AGE_MIN <= age(p.naissance, d.date_reference) <= AGE_MAX


def dates_inversees(p: Personne) -> bool:
    return p.sortie is not None and p.sortie < p.entree


def mois_incoherent(d: Donnees) -> int | None:
    """The first month whose end headcount is not last month's + entries − exits (1 to 12)."""
    avant = d.effectif_debut
    for numero, m in enumerate(d.mois, 1):
        if m.effectif_fin != avant + m.entrees - m.sorties:
            return numero
        avant = m.effectif_fin
    return None


def _age_impossible(d: Donnees) -> str | None:
    """The matricule of the first row with an impossible age."""
    return next((p.matricule for p in d.personnel if age_impossible(d, p)), None)


def _dates_inversees(d: Donnees) -> str | None:
    """The matricule of the first row that leaves before it enters."""
    return next((p.matricule for p in d.personnel if dates_inversees(p)), None)


def _mois_incoherent(d: Donnees) -> str | None:
    """The first month whose headcount the movements do not explain, as the answer writes it."""
    mois = mois_incoherent(d)
    return f"{mois:02d}" if mois else None


# Each check of the data (1.3.1): what it finds (None: nothing) and the answer's paths of what
# it found and of what to do of it.
CONTROLE = {
    "doublon": (doublon, "anomalies.doublon.ligne", "anomalies.doublon.action"),
    "age": (_age_impossible, "anomalies.age.ligne", "anomalies.age.action"),
    "dates": (_dates_inversees, "anomalies.dates.ligne", "anomalies.dates.action"),
    "effectif": (_mois_incoherent, "anomalies.effectif.mois", "anomalies.effectif.action"),
}


# What the answer writes when a check finds nothing (« aucune » anomaly, « aucun » month).
_RIEN_VU = {"doublon": AUCUNE, "age": AUCUNE, "dates": AUCUNE, "effectif": AUCUN_MOIS}


def present(d: Donnees, p: Personne) -> bool:
    return p.entree <= d.date_reference and (p.sortie is None or p.sortie > d.date_reference)


# The answer path of each cell of the pyramid (band, sex), in the answer's order.
_CASES = {(b, sexe): f"pyramide.{b}.{champ}" for b in BANDES for sexe, champ in SEXE_CHAMP.items()}


def pyramide(d: Donnees, faute: str | None = None) -> dict[str, int]:
    """Staff present on the reference day by band and sex, each person once, the rows with an
    impossible age or reversed dates left out (to check first)."""
    comptes = dict.fromkeys(_CASES.values(), 0)
    reference = d.date_reference
    decalees = faute == BORNES_DECALEES
    bandes = _bandes(decalees)
    vus: set[str] = set()
    for p in d.personnel:
        if p.matricule in vus and faute != DOUBLON_COMPTE:
            continue
        vus.add(p.matricule)
        if not present(d, p) or dates_inversees(p):
            continue
        # The age on the reference day, found once: it tells an impossible age and the band.
        age_reference = age(p.naissance, reference)
        if not AGE_MIN <= age_reference <= AGE_MAX and faute != AGE_IMPOSSIBLE_COMPTE:
            continue
        age_revolu = age(p.naissance, d.date_bilan) if faute == AGE_MAUVAISE_DATE else age_reference
        b = bandes.get(age_revolu) or bande(age_revolu, decalees)
        comptes[_CASES[b, p.sexe]] += 1
    return comptes


def _effectif(d: Donnees, faute: str | None) -> Decimal:
    fins = [m.effectif_fin for m in d.mois]
    if faute == EFFECTIF_FIN_ANNEE:
        return Decimal(fins[-1])
    if faute == EFFECTIF_DEBUT_FIN:
        return cents(Decimal(d.effectif_debut + fins[-1]) / 2)
    return cents(Decimal(sum(fins)) / 12)


def _absences(d: Donnees, put: Callable[[str, Any], Any], faute: str | None) -> None:
    toutes = faute == ABSENCE_NON_COMPTABLE_INCLUSE
    total = put(
        "absences.total",
        sum((a.heures for a in d.absences if toutes or motif_compte(a.motif)), ZERO),
    )
    base = (
        d.heures_travaillees if faute == ABSENTEISME_SUR_HEURES_TRAVAILLEES else d.heures_theoriques
    )
    put("absences.taux", cents(total * CENT / base))


def _rotation(d: Donnees, put: Callable[[str, Any], Any], moyen: Any, faute: str | None) -> None:
    entrees = put("rotation.entrees", Decimal(sum(m.entrees for m in d.mois)))
    sorties = put("rotation.sorties", Decimal(sum(m.sorties for m in d.mois)))
    mouvements = entrees + sorties if faute == ROTATION_NON_DIVISEE else (entrees + sorties) / 2
    put("rotation.taux", cents(mouvements * CENT / moyen) if moyen > 0 else ZERO)


def _accidents(d: Donnees, put: Callable[[str, Any], Any], faute: str | None) -> None:
    retenus = [
        a
        for a in d.accidents
        if (a.arret or faute == ACCIDENT_SANS_ARRET_COMPTE)
        and (a.nature == "travail" or faute == ACCIDENT_TRAJET_COMPTE)
    ]
    nombre = put("accidents.avec_arret", Decimal(len(retenus)))
    jours = put("accidents.jours_perdus", Decimal(sum(a.jours_perdus for a in retenus)))
    regle = load_indicateurs().accidents
    tf = MILLE if faute == TF_POUR_MILLE else Decimal(regle.multiplicateur_tf)
    tg = MILLION if faute == TG_POUR_MILLION else Decimal(regle.multiplicateur_tg)
    put("accidents.tf", cents(nombre * tf / d.heures_travaillees))
    put("accidents.tg", cents(jours * tg / d.heures_travaillees))


def _controles(d: Donnees, put: Callable[[str, Any], Any], faute: str | None) -> None:
    """The checks the exercise asks, and those alone: what each finds and what to do of it."""
    for controle in d.controles:
        trouve, chemin, chemin_action = CONTROLE[controle]
        rien_vu = _RIEN_VU[controle]
        valeur = rien_vu if faute == ANOMALIE_NON_VUE else trouve(d) or rien_vu
        put(chemin, valeur)
        rien = valeur in (AUCUNE, AUCUN_MOIS)
        action = RIEN if rien else SUPPRIMER if controle == "doublon" else FAIRE_VERIFIER
        if faute == ANOMALIE_CORRIGEE_AU_JUGE and action == FAIRE_VERIFIER:
            action = CORRIGER_SEUL
        put(chemin_action, action)


# The parts of the answer (the first names of its paths): the indicators, the fields later
# steps start from, then those that start from nothing the student wrote.
INDICATEURS = frozenset({"effectif", "absences", "rotation", "accidents"})
PARTIES = INDICATEURS | {"pyramide", "graphiques", "anomalies"}


def calcule(
    d: Donnees,
    own: Mapping[str, Any] | None = None,
    faute: str | None = None,
    parties: frozenset[str] = PARTIES,
) -> dict:
    """Every value of the answer by its path. ``own`` holds values already given by a student:
    each later step starts from them when present. ``faute`` runs one known wrong method.
    ``parties``: the parts of the answer to work out, all by default (the average headcount
    always: the turnover starts from it)."""
    etapes = Etapes(own)
    put = etapes.ecrire
    moyen = put("effectif.moyen", _effectif(d, faute))
    if "absences" in parties:
        _absences(d, put, faute)
    if "rotation" in parties:
        _rotation(d, put, moyen, faute)
    if "accidents" in parties:
        _accidents(d, put, faute)
    if "pyramide" in parties:
        for path, nombre in pyramide(d, faute).items():
            put(path, Decimal(nombre))
    if "graphiques" in parties:
        graphique = _GRAPHIQUE_FAUX if faute == GRAPHIQUE_INADAPTE else GRAPHIQUE
        for g in d.graphiques:
            put(f"graphiques.{g}", graphique[g])
    if "anomalies" in parties:
        _controles(d, put, faute)
    return etapes.out


def document(v: Mapping[str, Any]) -> dict[str, Any]:
    """The contract JSON of an answer from its values by path (nested as the form posts it)."""
    return unflatten({p: x if isinstance(x, str) else QUANTITE.canonical(x) for p, x in v.items()})


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference solution, contract JSON."""
    return document(calcule(lire_params(params)))
