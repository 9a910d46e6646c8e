"""Grading of a ``devis`` answer: per-field verdicts, error carried forward, diagnostics."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from agora.exercise.base import ChampResult, Grade, champ_result
from agora.exercise.fields import Field, Lu, verdict
from agora.exercise.grading import champs_de_la_forme, champs_lus, grade_of, notes_par_competence
from agora.exercise.kinds.devis import solve as calc
from agora.exercise.kinds.devis.answer import ANSWER_SCHEMA
from agora.exercise.kinds.devis.messages import SIGNATURES, texte
from agora.exercise.kinds.devis.params import NAME, Devis, lire_params
from agora.exercise.nommes import Nommes
from agora.exercise.reading import Lecture, sans_index

# The fields that prove each competency (answer paths without their indexes, first part).
# 1.2.2, producing the customer document: the body of the quote down to its totals.
# 1.2.1, applying the procedures and the CGV: validity, deposit and its nature, acceptance,
# and the order against the delivery note.
COMPETENCES = {
    "1.2.1": frozenset(
        {"date_validite", "acompte", "versement", "desistement", "bon_pour_accord", "livraison"}
    ),
    "1.2.2": frozenset(
        {"lignes", "taux", "net_commercial", "port_ht", "total_ht", "total_tva", "total_ttc"}
    ),
}
# The competency of each first part (a field proves one): one look-up a verdict.
_COMPETENCE_DE = {racine: code for code, racines in COMPETENCES.items() for racine in racines}


@lru_cache(maxsize=1024)  # the same few hundred paths at every grade: one look-up a verdict
def _competence(path: str) -> str | None:
    """The competency a field proves, by its first part; None for none."""
    return _COMPETENCE_DE.get(path.partition(".")[0])


def fautes_possibles(d: Devis) -> list[str]:
    """The wrong methods that would change some value of this quote, in the order tried."""
    fautes = []
    if len(d.remises) >= 2:
        fautes.append(calc.REMISES_ADDITIONNEES)
    if d.port:
        fautes += [calc.PORT_MAL_APPLIQUE, calc.PORT_HORS_BASE_TVA]
    if d.remises and any(d.taux):
        fautes.append(calc.TVA_SUR_BRUT)
    fautes += [calc.ACOMPTE_SUR_HT, calc.ARRHES_ACOMPTE_CONFONDUS, calc.VALIDITE_MAL_CALCULEE]
    if any(calc.ecart(d, i)[0] != "conforme" for i in range(len(d.livraison))):
        fautes += [
            calc.ECART_LIVRAISON_COMMANDE_FACTUREE,
            calc.ECART_LIVRAISON_HORS_COMMANDE_FACTUREE,
        ]
    fautes.append(calc.ARRONDI_TRONQUE)
    return fautes


class Reference:
    """What grading needs from the params alone: the quote, its values, each graded field
    with its path walked and type, and the quote done with each wrong method (filled on
    demand)."""

    def __init__(self, d: Devis):
        self.d = d
        self.valeurs = calc.calcule(d)
        self.fautes = fautes_possibles(d)
        self.mondes: dict[str, dict[str, Any]] = {}
        self.champs = champs_de_la_forme(tuple(self.valeurs), ANSWER_SCHEMA.type_of)

    def monde(self, faute: str) -> dict[str, Any]:
        if faute not in self.mondes:
            self.mondes[faute] = calc.calcule(self.d, faute=faute)
        return self.mondes[faute]


def reference(params: dict[str, Any]) -> Reference:
    """The Reference of these params (built at each grade: params come fresh from the
    database, a memo by params object would never hit)."""
    return Reference(lire_params(params))


def _validite_fausse(d: Devis, valeur: Any) -> bool:
    """A date one day off (the day of the quote counted, or one too many), or months added."""
    if not isinstance(valeur, date):
        return False
    attendu = d.date_devis + timedelta(days=d.validite_jours)
    if abs((valeur - attendu).days) == 1:
        return True
    mois = d.date_devis.month - 1 + max(1, round(d.validite_jours / 30))
    try:
        return valeur == d.date_devis.replace(
            year=d.date_devis.year + mois // 12, month=mois % 12 + 1
        )
    except ValueError:
        return False


class _Diagnostic:
    """Finds the known wrong method behind a student's wrong value (computed on demand)."""

    def __init__(self, ref: Reference, own: dict[str, Any]):
        self.ref, self.own = ref, own
        self.locaux: dict[str, dict[str, Any]] = {}

    def _local(self, faute: str) -> dict[str, Any]:
        if faute not in self.locaux:
            self.locaux[faute] = calc.calcule(self.ref.d, self.own, faute)
        return self.locaux[faute]

    def cherche(self, path: str, valeur: Any) -> str | None:
        node = sans_index(path)
        if node == "date_validite":
            return calc.VALIDITE_MAL_CALCULEE if _validite_fausse(self.ref.d, valeur) else None
        if node == "desistement":
            return calc.ARRHES_ACOMPTE_CONFONDUS
        candidates = [f for f in self.ref.fautes if node in SIGNATURES[f]]
        # The whole quote done the wrong way first (cached per variant), then the wrong way
        # from the student's own earlier values (computed for this answer only if needed).
        for monde in (self.ref.monde, self._local):
            for faute in candidates:
                if monde(faute).get(path) == valeur:
                    return faute
        return None


def corrige(ref: Reference, lecture: Lecture) -> Grade:
    """Grade one answer as read against the quote; never raises."""
    lus, own = champs_lus(ref.champs, lecture)
    valeurs = ref.valeurs
    # Equal values are the same for every type here: ``same`` is called only when they differ.
    differe = any(
        (v := own[p]) != valeurs[p] and not field.same(valeurs[p], v)
        for p, field, _ in lus
        if p in own
    )
    ecf = calc.calcule(ref.d, own) if differe else valeurs
    diagnostic = _Diagnostic(ref, own)
    champs = _illisibles(lecture, lus)
    nommes = Nommes(lambda code: texte(code, ref.d))
    for path, field, lu in lus:
        attendu, valeur = valeurs[path], lu.valeur
        if valeur is None:
            champs.append(verdict(path, field, attendu, lu))
        elif valeur == attendu or field.same(attendu, valeur):
            brut = lu.brut  # what was typed: a text, most often, reported as it is (Lu.recu)
            recu = brut if type(brut) is str else lu.recu
            champs.append(champ_result((path, field.canonical(attendu), recu, True, "Juste.")))
        elif field.same(ecf[path], valeur):
            message = (
                "Calcul juste à partir de vos résultats précédents (erreur reportée) : point "
                f"accordé. Avec les bons résultats : {field.display(attendu)}."
            )
            champs.append(_verdict(path, field, attendu, lu, True, message))
        else:
            code = diagnostic.cherche(path, valeur)
            ko = nommes.devant(code, f"Attendu : {field.display(attendu)}.")
            champs.append(_verdict(path, field, attendu, lu, False, ko))
    diagnostics = nommes.diagnostics()
    return grade_of(
        NAME, champs, diagnostics, notes_par_competence(champs, _competence, COMPETENCES)
    )


def _verdict(path: str, field: Field, attendu: Any, lu: Lu, juste: bool, message: str):
    """The verdict on a filled wrong value, as ``verdict`` writes it (built at once: speed)."""
    canon = field.canonical(attendu) if attendu is not None else None
    return champ_result((path, canon, lu.recu, juste, message))


def _illisibles(lecture: Lecture, lus: list[tuple[str, Field, Lu]]) -> list[ChampResult]:
    """The parts of the answer that could not be read at all (a list written as one value…),
    each wrong with its message; the fields read report their own errors."""
    if not lecture.erreurs:
        return []  # the common case: no set of the names read to build
    donnes = {path for path, _, _ in lus}
    return [
        ChampResult(nom, None, None, False, message)
        for nom, message in lecture.erreurs.items()
        if nom not in donnes
    ]


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, error carried forward and diagnostics; never raises on the answer."""
    return corrige(reference(params), lecture)
