"""The kit of a step-by-step kind, one whose solve module's ``calcule(d, own=None, faute=None)``
gives every answer value by path (from the student's own earlier values ``own``, or done with
a known wrong method ``faute``): its reference, its grader and its typical answers."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from decimal import DecimalException
from functools import partial
from typing import Any

from agora.exercise.base import Grade, SampleAnswer
from agora.exercise.grading import (
    ReferenceEtapes,
    corrige_etapes,
    methode_fausse,
    reponses_fausses,
)
from agora.exercise.reading import Lecture, pattern_of

Calcule = Callable[..., dict[str, Any]]


class ReferenceCalculee(ReferenceEtapes):
    """The ReferenceEtapes of the typed params ``d`` of a kind whose ``calcule`` computes every
    value: the right ones, and each wrong method's exercise when first asked for;
    ``competence_de(path)``, the competency a field proves; ``fautes``, the wrong methods this
    exercise may show, in the order tried."""

    def __init__(
        self,
        d: Any,
        calcule: Calcule,
        type_of: Callable[[str], Any],
        competence_de: Callable[[str], str],
        fautes: list[str] | None = None,
    ):
        super().__init__(calcule(d), type_of, lambda faute: calcule(d, faute=faute))
        self.d = d
        self.calcule = calcule
        self.competence_de = competence_de
        self.fautes = fautes or []
        # Each wrong method done from the student's own values, once per grade (a reference is
        # built per grade): every wrong field asks again for the same few methods.
        self._siens: dict[str, dict[str, Any]] = {}
        self._own: dict[str, Any] | None = None

    def reporte(self, own: dict[str, Any]) -> Mapping[str, Any]:
        """Every value computed from the student's own earlier values (errors carried)."""
        return self.calcule(self.d, own)

    def methode(self, candidates: list[str], own: dict[str, Any], path: str, valeur: Any):
        """The wrong method among ``candidates`` behind a wrong value (``methode_fausse``): the
        whole exercise done that way, then that way from the student's own values ``own``."""
        return methode_fausse(candidates, self.monde, partial(self._depuis, own), path, valeur)

    def _depuis(self, own: dict[str, Any], faute: str) -> dict[str, Any]:
        """``calcule(d, own, faute)``, kept for these very ``own`` (those of this grade)."""
        if own is not self._own:
            self._siens, self._own = {}, own
        siens = self._siens.get(faute)
        if siens is None:
            siens = self._siens[faute] = self.calcule(self.d, own, faute)
        return siens

    def signee(self, signatures: Mapping[str, Collection[str]], own, path: str, valeur: Any):
        """The wrong method behind a wrong value among the ``fautes`` that change this field
        (``signatures``: the field patterns each one changes)."""
        motif = pattern_of(path)
        candidates = [faute for faute in self.fautes if motif in signatures[faute]]
        return self.methode(candidates, own, path, valeur)


def depuis_siens(calcule: Calcule, d: Any, own: dict[str, Any], faute: str | None = None):
    """``calcule(d, own, faute)``: the exercise carried on from the student's own values, or
    None when they are too large to compute with (a hostile answer never crashes grading)."""
    try:
        return calcule(d, own, faute)
    except (DecimalException, OverflowError, ValueError):
        return None


Cause = Callable[[Any, dict[str, Any], str, Any], str | None]


def correcteur(
    nom: str,
    reference: Callable[[Any], ReferenceCalculee],
    cause: Cause,
    messages: Mapping[str, str],
    competences: tuple[str, ...],
) -> Callable[[dict[str, Any], Lecture], Grade]:
    """The ``grade(params, lecture)`` of a step-by-step kind: the reference of the params
    (``reference(params)``), each answer
    graded by ``corrige_etapes`` with the wrong method named by ``cause(ref, own, path,
    value)``, a score for each of ``competences`` (in that order); never raises on the
    answer."""
    # No memo of the reference by params object: params come fresh from the database at each
    # grade, so such a memo never hits and its deepcopy costs more than the reference.

    def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
        ref = reference(params)
        notes = (ref.competence_de, competences)
        return corrige_etapes(nom, ref, lecture, ref.reporte, partial(cause, ref), messages, notes)

    return grade


def reponses_typiques(
    calcule: Calcule,
    d: Any,
    fautes: list[str],
    change: Callable[[str, str], bool],
    document: Callable[[dict[str, Any]], dict[str, Any]],
    reportee: tuple[str, str, Any],
    illisible: dict[str, Any],
    autres: Iterable[SampleAnswer] = (),
) -> list[SampleAnswer]:
    """The typical answers of the params ``d``: the right one, one per wrong method of
    ``fautes`` it shows apart, ``autres``, an error carried forward (``reportee``: its label,
    the path made wrong and by how much, every later step right from it) and ``illisible``."""
    juste = calcule(d)
    libelle, path, ecart = reportee
    faux = {path: juste[path] + ecart}
    return [
        SampleAnswer("Réponse juste", document(juste), True),
        *reponses_fausses(fautes, lambda faute: calcule(d, faute=faute), juste, change, document),
        *autres,
        SampleAnswer(libelle, document(calcule(d, faux) | faux), False),
        SampleAnswer("Réponse illisible", illisible, False, invalid=True),
    ]
