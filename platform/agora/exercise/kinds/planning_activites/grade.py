"""Grading of a ``planning_activites`` answer: per-field verdicts, errors carried forward (the
latest dates from the student's own duration, the slacks from their own dates…), any valid
booking accepted, the wrong method named, diagnostics."""

from __future__ import annotations

from functools import cache, cached_property, lru_cache
from typing import Any

from agora.exercise.base import ChampResult, Diagnostic, Grade, champ_result
from agora.exercise.fields import QUANTITE, Lu, verdict
from agora.exercise.grading import (
    Mondes,
    chemin,
    grade_of,
    illisibles,
    notes_par_competence,
    verdict_nomme,
    verdict_reporte,
)
from agora.exercise.kinds.planning_activites import reservations
from agora.exercise.kinds.planning_activites import solve as calc
from agora.exercise.kinds.planning_activites.answer import ANSWER_SCHEMA
from agora.exercise.kinds.planning_activites.messages import MESSAGES, SIGNATURES
from agora.exercise.kinds.planning_activites.params import NAME, Projet, lire_params
from agora.exercise.reading import Lecture, pattern_of

PLANNING, RESSOURCES = "2.1.5", "2.3.1"  # the project plan; the shared resources booked
DUREE_DE = {"date_fin": "duree_projet", "incident.date_fin": "incident.duree_projet"}
DATES = (calc.JOUR_EN_TROP, calc.WEEKENDS_COMPTES, calc.FERIE_IGNORE)
AUTRE_AFFECTATION = "Juste : cette affectation est possible aussi (aucun conflit)."


def fautes_possibles(niveau: int) -> list[str]:
    """The wrong methods that could change some value of this exercise, in the order tried."""
    # The calendar's mistakes first: a wrong end date is more likely miscounted than the
    # result of a wrong pass the student's other values do not show.
    fautes = [calc.JOUR_EN_TROP, calc.WEEKENDS_COMPTES, calc.FERIE_IGNORE]
    fautes += [calc.DEBUT_SOMME_DES_FINS, calc.ANTERIORITE_OUBLIEE, calc.FIN_TARD_MAXIMUM]
    fautes.append(calc.MARGE_FIN_TARD_MOINS_DEBUT_TOT)
    if niveau == 3:
        fautes += [calc.MARGE_LIBRE_EGALE_TOTALE, calc.RETARD_AJOUTE_A_LA_FIN]
    fautes += [calc.CAPACITE_IGNOREE, calc.RESERVATIONS_CHEVAUCHEES]
    if niveau > 1:
        fautes += [calc.DUREE_SEXAGESIMALE, calc.ARRONDI_TRONQUE]
    return fautes


class Reference:
    """What grading needs from the params alone: the answer's values, their place and type,
    and the exercise done with each wrong method (on demand)."""

    def __init__(self, n: Projet):
        self.n = n
        self.valeurs = calc.calcule(n)
        forme = _forme(tuple(self.valeurs))
        self.forme, self.types, self.competences = forme, forme.types, forme.competences
        self.candidates = _Candidates(n.niveau)
        self.monde = Mondes(lambda faute: calc.calcule(n, faute=faute))


class _Forme:
    """What an answer's list of paths alone gives (the same for every variant with as many
    tasks and requests at this level): each path's type, the rows that hold the fields, each
    field as (path, the writer of its expected value) with its row's rank and its name in the
    row, and the competency each field proves, found by a look-up and no call (one per field
    graded): the answer's fields here, any other name (an unreadable one) on demand.

    A number of days (most of the answer) is written by ``str``: the reference's are ints
    (durations, their sums, differences, maxima), whose digits are what QUANTITE writes for a
    whole number, without its formatting through decimals. The others by their type.

    The fields come in the order of the passes (a task's earliest dates, later its latest
    ones): a row's fields are not next to each other, so the rows are read once, in the order
    of their ranks: the answer itself, its objects (``incident``), then the rows of each list
    (``taches``, ``reservations``), each list read once rather than each row walked to from
    the answer; each field is then found in its row by its rank."""

    def __init__(self, paths: tuple[str, ...]):
        self.types = {p: ANSWER_SCHEMA.champs[pattern_of(p)] for p in paths}
        chemins = [chemin(p) for p in paths]
        rangees = [c[:-1] for c in chemins]  # () for a field of the answer itself
        self.objets = list(dict.fromkeys(r[0] for r in rangees if len(r) == 1))
        lignes: dict[str, int] = {}  # each list's name and its number of rows
        for rangee in rangees:
            if len(rangee) == 2:
                nom, i = rangee
                lignes[nom] = max(lignes.get(nom, 0), i + 1)
        self.listes = list(lignes.items())
        rangs = {(): 0} | {(nom,): 1 + k for k, nom in enumerate(self.objets)}
        debut = len(rangs)
        for nom, nombre in self.listes:
            rangs |= {(nom, i): debut + i for i in range(nombre)}
            debut += nombre
        self.champs = [(p, _ecrivain(self.types[p])) for p in paths]
        self.rangs = [rangs[c[:-1]] for c in chemins]  # each field's row
        self.noms = [c[-1] for c in chemins]  # and its name in the row
        self.competences = _Competences({p: _competence(p) for p in paths})

    def lus(self, lecture: Lecture) -> list[Any]:
        """What the answer holds at each field, in their order (a Lu, None where it gives
        none): the rows read once, each field looked up in its row by a map in C."""
        rangees = self.rangees_lues(lecture)
        return list(map(dict.get, map(rangees.__getitem__, self.rangs), self.noms))

    def rangees_lues(self, lecture: Lecture) -> list[dict[str, Any]]:
        """The rows of the answer as read, in the order of their ranks ({} where none)."""
        arbre = _rangee(lecture.arbre)
        lues = [arbre]
        lues += [_rangee(arbre.get(nom)) for nom in self.objets]
        for nom, nombre in self.listes:
            liste = arbre.get(nom)
            lignes = liste[:nombre] if isinstance(liste, list) else []
            lues += map(_rangee, lignes)
            lues += [{}] * (nombre - len(lignes))
        return lues


def _rangee(noeud: Any) -> dict[str, Any]:
    """A row as read, or {} where the answer holds none there (a field or other)."""
    return noeud if isinstance(noeud, dict) else {}


def _ecrivain(field: Any) -> Any:
    """How an expected value of this type is written (see _Forme)."""
    return str if field is QUANTITE else field.canonical


@lru_cache(maxsize=256)
def _forme(paths: tuple[str, ...]) -> _Forme:
    return _Forme(paths)


@cache
def _candidates_de(pattern: str, niveau: int) -> list[str]:
    """The wrong methods that may change a field of this pattern, in the order tried."""
    return [f for f in fautes_possibles(niveau) if pattern in SIGNATURES[f]]


class _Candidates:
    """The wrong methods to try on each answer path, looked up by the path's pattern."""

    def __init__(self, niveau: int):
        self.niveau = niveau

    def __getitem__(self, path: str) -> list[str]:
        return _candidates_de(pattern_of(path), self.niveau)


class _Competences(dict):
    def __missing__(self, path: str) -> str:
        return _competence(path)


def reference(params: Any) -> Reference:
    """The Reference of these params."""
    return Reference(lire_params(params))


class Copie:
    """One answer being graded: its values, the exercise redone from them, the codes found."""

    def __init__(self, ref: Reference, own: dict[str, Any]):
        self.ref = ref
        self.own = own
        self._ecf: dict[str, Any] | None = None
        self.codes: list[str] = []
        self._siens: dict[str, dict] = {}
        self._durees: dict[str, int] = {}  # by end date: a wrong date asks for it twice

    @cached_property
    def choix(self) -> list[Any]:
        """The student's resource for each request (None where they gave none)."""
        demandes = self.ref.n.demandes
        return [self.own.get(chemins[0]) for chemins in calc.RESERVATIONS[: len(demandes)]]

    @property
    def ecf(self) -> dict[str, Any]:
        """The exercise redone from the student's own values (when first needed: only a wrong
        value needs it)."""
        if self._ecf is None:
            self._ecf = calc.calcule(self.ref.n, self.own)
        return self._ecf

    def duree(self, path: str) -> int:
        """The duration (working days) an end date is counted from: the student's own when
        they gave a usable one (then the whole plan need not be redone), else as calcule."""
        if path not in self._durees:
            self._durees[path] = self._duree(DUREE_DE[path])
        return self._durees[path]

    def _duree(self, cle: str) -> int:
        sienne = self.own.get(cle)
        if sienne is not None and calc.jours(sienne, None) == sienne:
            return int(sienne)
        return calc.jours(self.ecf[cle], self.ecf[cle])

    def reporte(self, path: str) -> Any:
        """The value of ``path`` computed right from the student's own earlier values."""
        if path in DUREE_DE:
            return calc.date_fin(self.ref.n, self.duree(path))
        return self.ecf.get(path)

    def note(self, code: str | None) -> str | None:
        """Keep the code once; its message (None for no code)."""
        if code is None:
            return None
        if code not in self.codes:
            self.codes.append(code)
        return MESSAGES[code]

    def depuis_siens(self, faute: str) -> dict[str, Any]:
        if faute not in self._siens:
            self._siens[faute] = calc.calcule(self.ref.n, self.own, faute)
        return self._siens[faute]

    def methode(self, path: str, valeur: Any) -> str | None:
        """The known wrong method behind a wrong value: first that method from the student's
        own earlier values (it changes only the step it is about), then the whole exercise
        done that way."""
        candidates = self.ref.candidates[path]
        if path in DUREE_DE:  # a date is miscounted from the duration: no need to redo it all
            jours = self.duree(path)
            faute = next((f for f in DATES if calc.date_fin(self.ref.n, jours, f) == valeur), None)
            if faute is not None:
                return faute
        for monde in (self.depuis_siens, self.ref.monde):
            faute = next((f for f in candidates if monde(f).get(path) == valeur), None)
            if faute is not None:
                return faute
        return None

    def probleme(self, path: str) -> str | None:
        i = int(path.split(".")[1])
        return reservations.probleme(i, self.choix, self.ref.n.demandes, self.ref.n.ressources)

    def code_chemin(self, path: str, valeur: tuple[str, ...]) -> str | None:
        """A critical path with a task of some slack, or without a task of none."""
        attendu = set(self.ecf[path])
        if set(valeur) - attendu - set(self.ref.valeurs[path]):
            return calc.CHEMIN_AVEC_MARGE
        return calc.CHEMIN_INCOMPLET if attendu - set(valeur) else None


def _champ(copie: Copie, path: str, lu: Lu) -> ChampResult:
    """The verdict on a field not right at first sight: unreadable, another valid booking,
    carried forward from the student's values, or wrong with the method error named when one
    explains it."""
    ref = copie.ref
    field, attendu = ref.types[path], ref.valeurs[path]
    if lu.valeur is None:
        return verdict(path, field, attendu, lu)
    if path.endswith(".ressource"):
        code = copie.probleme(path)
        if code is None:
            return ChampResult(path, field.canonical(attendu), lu.recu, True, AUTRE_AFFECTATION)
        return verdict_nomme(path, field, attendu, lu, copie.note(code))
    if lu.valeur == copie.reporte(path):
        if path.endswith(".cout") and copie.probleme(path) is None:
            return ChampResult(path, field.canonical(lu.valeur), lu.recu, True, "Juste.")
        return verdict_reporte(path, field, attendu, lu)
    faute = copie.methode(path, lu.valeur)
    if faute is None and path.endswith("chemin_critique"):
        faute = copie.code_chemin(path, lu.valeur)
    return verdict_nomme(path, field, attendu, lu, copie.note(faute))


def _competence(path: str) -> str:
    return RESSOURCES if path.startswith("reservations.") else PLANNING


def corrige(ref: Reference, lecture: Lecture) -> Grade:
    """Grade one answer as read; never raises."""
    champs, a_revoir, siens = _premier_tour(ref, lecture)
    codes: list[str] = []
    if a_revoir:  # only now are all the student's values known, which their errors carry
        copie = Copie(ref, siens)
        for i, path, lu in a_revoir:
            champs[i] = _champ(copie, path, lu)
        codes = copie.codes
    champs += illisibles(champs, lecture)
    nommes = [Diagnostic(code, MESSAGES[code]) for code in codes]
    return grade_of(
        NAME,
        champs,
        nommes,
        notes_par_competence(champs, ref.competences.__getitem__, (PLANNING, RESSOURCES)),
    )


def _premier_tour(ref: Reference, lecture: Lecture) -> tuple[list, list, dict[str, Any]]:
    """One walk through the fields the answer gives, in the reference's order: the verdict of
    each right one (most of them), a place kept for each other one with what it needs to be
    graded, and the typed values the student wrote by path.

    The expected values come in the order of the shape's fields (both the reference's), so
    each is met along them, not looked up by path. A right field's verdict is the tuple's own
    constructor, with its expected value written there and then (only a given field needs
    it) and what was typed as it is (``Lu.recu`` of a text)."""
    champs: list[ChampResult | None] = []
    a_revoir: list[tuple[int, str, Lu]] = []
    siens: dict[str, Any] = {}
    forme = ref.forme
    for (path, ecrire), lu, attendu in zip(
        forme.champs, forme.lus(lecture), ref.valeurs.values(), strict=True
    ):
        if not isinstance(lu, Lu):
            continue  # not given (or a row where a field is expected: read as unreadable)
        valeur = lu[1]
        if valeur == attendu:  # an expected value is never None: this one was given
            siens[path] = valeur
            brut = lu[0]
            recu = brut if type(brut) is str else lu.recu
            champs.append(champ_result((path, ecrire(attendu), recu, True, "Juste.")))
        else:
            if valeur is not None:
                siens[path] = valeur
            a_revoir.append((len(champs), path, lu))
            champs.append(None)
    return champs, a_revoir, siens


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, errors carried forward and diagnostics; never raises on the answer."""
    return corrige(reference(params), lecture)
