"""Helpers shared by the graders: build a grade, carry a student's values step by step, and
tell a value right from their own earlier values or a named wrong one."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from decimal import Decimal
from functools import lru_cache, partial
from itertools import filterfalse
from operator import itemgetter
from typing import Any

from agora.exercise.base import (
    ChampResult,
    Diagnostic,
    Grade,
    SampleAnswer,
    champ_result,
    score_ratio,
)
from agora.exercise.fields import Field, Lu, verdict
from agora.exercise.reading import Lecture, pattern_of


def grade_of(
    kind: str,
    champs: list[ChampResult],
    diagnostics: list[Diagnostic],
    competences: list[tuple[str, Decimal]],
) -> Grade:
    """The Grade of these verdicts, its score the share of right fields (every field counts one)."""
    score = score_ratio(justes(champs), len(champs))
    return Grade(kind, score, champs, diagnostics, competences)


def justes(champs: list[ChampResult]) -> int:
    """How many of these verdicts are right (counted without a Python call per verdict)."""
    return sum(map(_CORRECT, champs))


_CORRECT = itemgetter(3)  # ChampResult.correct


class Etapes:
    """The printed steps of one calculation by their answer path (``groupes.0.net_ht``…).

    Each step continues from the student's own value when they gave one: a later field
    computed right from an earlier wrong value is their error carried forward, not a new one.
    """

    __slots__ = ("out", "own")

    def __init__(self, own: Mapping[str, Any] | None = None):
        self.own = own or {}
        self.out: dict[str, Any] = {}

    def put(self, path: str, value: Any) -> Any:
        """Record the step's right value; what the next steps start from."""
        self.out[path] = value
        return self.own.get(path, value)

    @property
    def ecrire(self) -> Callable[[str, Any], Any]:
        """``put``, or, when the student gave no values, the dict's own ``setdefault``: the same
        for a run that writes each path once, without a Python call (the reference and each
        wrong method write up to a hundred steps a grade)."""
        return self.put if self.own else self.out.setdefault


REPORTE = "Juste à partir de vos résultats précédents (erreur reportée) : point accordé. "


def verdict_reporte(champ: str, field: Field, attendu: Any, lu: Lu) -> ChampResult:
    """A value right from the student's own earlier wrong values: credited, the right one told."""
    if lu.valeur is None or field.same(attendu, lu.valeur):
        return verdict(champ, field, attendu, lu)._replace(correct=True)
    # The wrong value, its verdict built at once (not ``verdict`` then ``_replace``: speed).
    ko = f"{REPORTE}Avec les bons résultats : {field.display(attendu)}."
    return champ_result((champ, _canon(field, attendu), lu.recu, True, ko))


def verdict_nomme(
    champ: str, field: Field, attendu: Any, lu: Lu, explication: str | None
) -> ChampResult:
    """A wrong value, preceded by the message of the wrong method that explains it, if any."""
    if lu.valeur is None or field.same(attendu, lu.valeur):
        return verdict(champ, field, attendu, lu)
    ko = f"Attendu : {field.display(attendu)}."  # as ``verdict`` writes it, built at once
    message = f"{explication} {ko}" if explication else ko
    return champ_result((champ, _canon(field, attendu), lu.recu, False, message))


def _canon(field: Field, attendu: Any) -> str | None:
    """The contract writing of an expected value, as ``verdict`` reports it."""
    return field.canonical(attendu) if attendu is not None else None


def champs_lus(
    champs: list[tuple[str, tuple[str | int, ...], Field]], lecture: Lecture
) -> tuple[list[tuple[str, Field, Lu]], dict[str, Any]]:
    """Of the expected fields (path, path walked, type), those the answer gives, as read; and
    the typed values the student wrote, by path (to carry their errors forward). Each row of
    the answer is walked to once, not once per field (a balance has 50 fields in 8 rows)."""
    donnes, siens = [], {}
    parents: dict[tuple[str | int, ...], Any] = {(): lecture.arbre}
    for parent, noms, feuilles in _par_rangee(champs):
        noeud = _noeud(parents, parent)
        # A row whose fields have names: each field one look-up, without the call of ``_enfant``.
        trouve = noeud.get if noms and type(noeud) is dict else partial(_enfant, noeud)
        for cle, path, field in feuilles:
            lu = trouve(cle)
            if isinstance(lu, Lu):
                donnes.append((path, field, lu))
                if lu.valeur is not None:
                    siens[path] = lu.valeur
    return donnes, siens


# The expected fields of each list given to ``champs_lus``, in runs of one row (the list, kept
# here with its runs, is a variant's: the same object at every grade, never changed once built).
_RANGEES: dict[int, tuple[Any, list]] = {}


def _par_rangee(
    champs: list[tuple[str, tuple[str | int, ...], Field]],
) -> list[tuple[tuple[str | int, ...], bool, list[tuple[str | int, str, Field]]]]:
    """The fields in their order, in runs that share a row: (the row's path, whether every
    field of the run is named by a text rather than an index, [(the field's name in it, path,
    type)])."""
    memo = _RANGEES.get(id(champs))
    if memo is not None and memo[0] is champs:
        return memo[1]
    rangees: list[tuple[tuple[str | int, ...], list[tuple[str | int, str, Field]]]] = []
    for path, parcours, field in champs:
        parent = parcours[:-1]
        if not rangees or rangees[-1][0] != parent:
            rangees.append((parent, []))
        rangees[-1][1].append((parcours[-1], path, field))
    runs = [(parent, all(type(f[0]) is str for f in run), run) for parent, run in rangees]
    if len(_RANGEES) >= 512:
        _RANGEES.clear()
    _RANGEES[id(champs)] = (champs, runs)
    return runs


def _noeud(parents: dict[tuple[str | int, ...], Any], chemin: tuple[str | int, ...]) -> Any:
    """The node at ``chemin``, walked to once and kept in ``parents`` (the root is at ())."""
    noeud = parents.get(chemin, _PAS_VU)  # one look-up when it is known (None: absent)
    if noeud is _PAS_VU:
        noeud = parents[chemin] = _enfant(_noeud(parents, chemin[:-1]), chemin[-1])
    return noeud


_PAS_VU = object()


def _enfant(noeud: Any, part: str | int) -> Any:
    """One step down a read answer (as ``Lecture.lu`` walks it); None when there is nothing."""
    if isinstance(noeud, dict) and isinstance(part, str):
        return noeud.get(part)
    if isinstance(noeud, list) and isinstance(part, int) and 0 <= part < len(noeud):
        return noeud[part]
    return None


@lru_cache(maxsize=8192)  # graders walk every path of every variant: the same few hundred
def chemin(path: str) -> tuple[str | int, ...]:
    """A dotted field name as the path ``Lecture.lu`` walks: ``lignes.2.montant`` → (« lignes »,
    2, « montant »)."""
    return tuple(int(part) if part.isdigit() else part for part in path.split("."))


def notes_par_competence(
    champs: list[ChampResult], competence_de: Callable[[str], str], codes: tuple[str, ...]
) -> list[tuple[str, Decimal]]:
    """Each competency in ``codes`` scored on the fields it proves (``competence_de`` names the
    competency of a field's path), in that order; left out when none of its fields was graded.
    Every grade ends here: the fields are counted by maps in C, the wrong ones alone (a few)
    one by one."""
    prouvent = list(map(competence_de, map(_CHAMP, champs)))
    fausses = [competence_de(champ[0]) for champ in filterfalse(_CORRECT, champs)]
    notes = []
    for code in codes:
        total = prouvent.count(code)
        if total:
            notes.append((code, score_ratio(total - fausses.count(code), total)))
    return notes


_CHAMP, _CORRECT = itemgetter(0), itemgetter(3)  # ChampResult.champ, ChampResult.correct


class Mondes:
    """An exercise done with each known wrong method (``calcule(faute)``), each done once, when
    a grader first needs it to name the method behind a wrong value."""

    def __init__(self, calcule: Callable[[str], dict[str, Any]]):
        self._calcule = calcule
        self._faits: dict[str, dict[str, Any]] = {}

    def __call__(self, faute: str) -> dict[str, Any]:
        if faute not in self._faits:
            self._faits[faute] = self._calcule(faute)
        return self._faits[faute]


def reconnaissable(monde: dict, juste: dict, avant: list[dict], chemins: Callable) -> bool:
    """Whether a wrong method's values differ from the right ones somewhere ``chemins(path)``
    allows, and there from every method tried before (else a grader names the earlier one):
    the test a kind's typical answers pass to be told apart."""
    return any(
        monde[p] != juste[p] and all(autre.get(p) != monde[p] for autre in avant)
        for p in juste
        if chemins(p)
    )


def methodes_montrables(
    fautes: list[str], monde_de: Callable[[str], dict], juste: dict, change: Callable
) -> list[tuple[str, dict]]:
    """The wrong methods a typical answer can show apart, each with its values, in the order
    tried; ``change(faute, path)``: whether that method may change that field."""
    vus: list[dict] = []
    montrables = []
    for faute in fautes:
        monde = monde_de(faute)
        if reconnaissable(monde, juste, vus, lambda path, f=faute: change(f, path)):
            montrables.append((faute, monde))
        vus.append(monde)
    return montrables


def illisibles(champs: list[ChampResult], lecture: Lecture) -> list[ChampResult]:
    """The fields the answer could not read that no verdict names yet: each one wrong, with
    its format message (a finished exam copy is graded as it is)."""
    if not lecture.erreurs:
        return []  # the common case: no set of the verdicts' names to build
    vus = {c.champ for c in champs}
    return [
        ChampResult(nom, None, None, False, message)
        for nom, message in lecture.erreurs.items()
        if nom not in vus
    ]


def candidates_par_motif(
    signatures: Mapping[str, Collection[str]],
) -> Callable[[tuple[str, ...], str], tuple[str, ...]]:
    """``candidates(fautes, motif)``: the wrong methods among ``fautes`` whose signature
    names ``motif`` (a field's pattern or kind), in the order tried; worked out once per set
    of methods and motif, not at each wrong value (a shape, the same for every variant)."""

    @lru_cache(maxsize=256)
    def candidates(fautes: tuple[str, ...], motif: str) -> tuple[str, ...]:
        return tuple(faute for faute in fautes if motif in signatures[faute])

    return candidates


def methode_fausse(
    candidates: list[str],
    monde: Callable[[str], dict[str, Any]],
    depuis_siens: Callable[[str], dict[str, Any]],
    path: str,
    valeur: Any,
) -> str | None:
    """The known wrong method behind a wrong value: the whole exercise done that way first,
    then that way from the student's own earlier values; None when none gives it."""
    for faute in candidates:
        if monde(faute).get(path) == valeur:
            return faute
    for faute in candidates:
        if depuis_siens(faute).get(path) == valeur:
            return faute
    return None


@lru_cache(maxsize=256)
def champs_de_la_forme(
    paths: tuple[str, ...], type_of: Callable[[str], Any]
) -> list[tuple[str, tuple[str | int, ...], Any]]:
    """The fields of a reference whose values have these paths: (path, path walked, type),
    built once per shape (the number of rows, lines, prospects…) whatever the values, and
    shared (never changed): params come fresh from the database at each grade, and
    ``champs_lus`` walks a list it has seen with its rows found once."""
    return [(p, chemin(p), type_of(p)) for p in paths]


class ReferenceEtapes:
    """What a step-by-step grader needs from the params alone: the reference values by path,
    each field with its path walked and type, the reference's writing of each, and the
    exercise done with each wrong method (``monde(faute)``, computed once when first asked)."""

    def __init__(
        self,
        valeurs: dict[str, Any],
        type_of: Callable[[str], Any],
        monde: Callable[[str], dict[str, Any]],
    ):
        self.valeurs = valeurs
        self.champs = champs_de_la_forme(tuple(valeurs), type_of)
        self.canon = {p: f.canonical(valeurs[p]) for p, _, f in self.champs}
        self.monde = Mondes(monde)


def juge(
    path: str,
    field: Field,
    lu: Lu,
    attendu: Any,
    canon: str,
    reporte: Any,
    cause: Callable[[], str | None],
    messages: Mapping[str, str],
    codes: list[str],
) -> ChampResult:
    """One field's verdict: right; empty; right from the student's own earlier values
    (``reporte``, credited); else wrong, with the message of the method ``cause()`` names (its
    code added once to ``codes``)."""
    if lu.valeur is not None and (lu.valeur == attendu or field.same(attendu, lu.valeur)):
        return champ_result((path, canon, lu.recu, True, "Juste."))
    if lu.valeur is None:
        return verdict(path, field, attendu, lu)
    if reporte is not None and field.same(reporte, lu.valeur):  # verdict_reporte, written once
        ko = f"{REPORTE}Avec les bons résultats : {field.display(attendu)}."
        return champ_result((path, canon, lu.recu, True, ko))
    code = cause()
    if code and code not in codes:
        codes.append(code)
    return verdict_nomme(path, field, attendu, lu, messages[code] if code else None)


def corrige_etapes(
    nom: str,
    ref: Any,
    lecture: Lecture,
    reporte: Callable[[dict[str, Any]], Mapping[str, Any]],
    cause: Callable[[dict[str, Any], str, Any], str | None],
    messages: Mapping[str, str],
    competences: tuple[Callable[[str], str], tuple[str, ...]],
) -> Grade:
    """The Grade of an answer read against a step-by-step reference ``ref`` (its ``champs`` as
    (path, path walked, type), ``valeurs`` and ``canon`` by path): each field judged by
    ``juge``, the carried-forward values computed once from the student's own
    (``reporte(own)``, only when some value differs), the wrong method named by ``cause(own,
    path, value)``, unreadable fields left over wrong, a score per competency (``competences``:
    the competency of a path, and the codes in order). Never raises if its callables don't."""
    donnes, own = champs_lus(ref.champs, lecture)
    valeurs, canon = ref.valeurs, ref.canon
    differe = any(valeurs[p] != v for p, v in own.items())
    ecf = reporte(own) if differe else valeurs
    codes: list[str] = []
    champs = []
    for path, field, lu in donnes:
        attendu, valeur = valeurs[path], lu.valeur
        if valeur is not None and (valeur == attendu or field.same(attendu, valeur)):
            champs.append(champ_result((path, canon[path], lu.recu, True, "Juste.")))
            continue  # the common case, without the cost of a judge
        trouve = partial(cause, own, path, valeur)
        reporte_ = ecf.get(path)
        champs.append(
            juge(path, field, lu, attendu, canon[path], reporte_, trouve, messages, codes)
        )
    return grade_final(nom, champs, lecture, codes, messages, par_competence(*competences))


Notes = Callable[[list[ChampResult]], list[tuple[str, Decimal]]]


def grade_final(
    kind: str,
    champs: list[ChampResult],
    lecture: Lecture,
    codes: list[str],
    messages: Mapping[str, str],
    notes: Notes,
) -> Grade:
    """The Grade of an answer's verdicts, once the fields it could not read are added (each
    wrong, ``illisibles``): the wrong methods ``codes`` named by their ``messages``, and each
    competency scored by ``notes`` on every verdict (``par_competence``, ``une_competence``)."""
    champs = champs + illisibles(champs, lecture)
    nommes = [Diagnostic(code, messages[code]) for code in codes]
    return grade_of(kind, champs, nommes, notes(champs))


def par_competence(competence_de: Callable[[str], str], codes: tuple[str, ...]) -> Notes:
    """The ``notes`` of ``grade_final`` for a kind whose fields prove several competencies
    (``notes_par_competence``)."""
    return partial(notes_par_competence, competence_de=competence_de, codes=codes)


def une_competence(code: str) -> Notes:
    """The ``notes`` of ``grade_final`` for a kind whose every field proves ``code``."""

    def notes(champs: list[ChampResult]) -> list[tuple[str, Decimal]]:
        return [(code, score_ratio(justes(champs), len(champs)))] if champs else []

    return notes


def document_json(valeurs: Mapping[str, Any], type_of: Callable[[str], Field | None]) -> dict:
    """The answer JSON of values by dotted path (``lignes.0.montant``, ``total``), each written
    as its type writes it (``type_of(path)``, an AnswerSchema's); a None value is left out,
    rows of a list are objects created in order."""
    document: dict[str, Any] = {}
    for path, valeur in valeurs.items():
        field = type_of(path)
        if valeur is None or field is None:
            continue
        *parents, dernier = chemin(path)
        noeud: Any = document
        for part, suivant in zip(parents, [*parents, dernier][1:], strict=True):
            if isinstance(part, int):
                noeud.extend({} for _ in range(part + 1 - len(noeud)))
                noeud = noeud[part]
            else:
                noeud = noeud.setdefault(part, [] if isinstance(suivant, int) else {})
        noeud[dernier] = field.canonical(valeur)
    return document


def reponses_fausses(
    fautes: list[str], monde_de: Callable, juste: dict, change: Callable, document: Callable
) -> list[SampleAnswer]:
    """A typical answer per wrong method this exercise shows apart (``methodes_montrables``),
    labelled with it and expecting its diagnostic; ``document(valeurs)`` writes an answer."""
    return [
        SampleAnswer(f"Méthode fausse : {faute}", document(monde), False, (faute,))
        for faute, monde in methodes_montrables(fautes, monde_de, juste, change)
    ]


def change_selon(signatures: Mapping[str, Collection[str]]) -> Callable[[str, str], bool]:
    """The ``change(faute, path)`` of ``reponses_fausses`` for a kind that lists, for each wrong
    method, the field patterns it changes (its ``SIGNATURES``)."""
    return lambda faute, path: pattern_of(path) in signatures[faute]
