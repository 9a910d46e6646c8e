"""Grading of a file cleaning as read: a verdict per field, the decision carried forward from the
student's own diagnosis, the named method errors, a score per competency."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from itertools import chain, compress, count, repeat
from operator import itemgetter
from typing import Any, NamedTuple

from agora.exercise.base import ChampResult, Diagnostic, Grade, champ_result, score_ratio
from agora.exercise.fields import Lu, verdict
from agora.exercise.grading import grade_of, illisibles
from agora.exercise.kinds.qualite_donnees import messages as m
from agora.exercise.kinds.qualite_donnees.answer import ACTION, DROIT, NUMERO_LIGNE, PROBLEME
from agora.exercise.kinds.qualite_donnees.controles import (
    ACCEPTEES,
    Attendu,
    action_pour,
    attendus,
    encours_retenu,
)
from agora.exercise.kinds.qualite_donnees.params import DROITS, NAME, Fichier, Ligne, lire_params
from agora.exercise.kinds.qualite_donnees.solve import ligne_solution
from agora.exercise.reading import Lecture

JUSTE = "Juste."
REPORTE = "Juste d'après le problème que vous avez signalé (erreur reportée) : point accordé. "
# Which competency each field proves (the last part of its name).
COMPETENCE = {"action": "1.3.1", "fusion_avec": "1.3.1", "probleme": "1.3.2", "probleme_2": "1.3.2"}
PROTECTION = "1.3.3"
ORDRE_COMPETENCES = ("1.3.1", "1.3.2", "1.3.3")


class Juste(NamedTuple):
    """A row's reference fields: their names, paths, values as read, values as written; and
    as an answer typed as the contract writes them reads (in order, and as the row read), with
    the verdicts of that answer."""

    cles: tuple[str, ...]
    chemins: tuple[str, ...]
    valeurs: list[Any]
    canons: list[str]
    fusion: int | None
    lus: list[Lu]
    ligne: dict[str, Lu]
    champs: tuple[ChampResult, ...]


@lru_cache(maxsize=4096)
def reference_ligne(i: int, attendu: Attendu, deux_problemes: bool) -> Juste:
    """The reference fields of row ``i`` when it calls for ``attendu``: typed as read and as
    the contract writes them, so that a row answered exactly so is judged at once (most rows
    of most answers). A shape of the answer (a row number, problem codes, a decision), the
    same in every file: worked out once, never changed."""
    solution = ligne_solution(attendu, deux_problemes)
    cles = tuple(solution)
    canons = list(solution.values())
    valeurs = canons if attendu.fusion is None else [*canons[:-1], Decimal(canons[-1])]
    chemins = tuple(f"lignes.{i}.{k}" for k in cles)
    lus = [TYPE_DU_CHAMP[k].read(canon) for k, canon in zip(cles, canons, strict=True)]
    champs = tuple(
        champ_result((c, canon, canon, True, JUSTE))
        for c, canon in zip(chemins, canons, strict=True)
    )
    ligne = dict(zip(cles, lus, strict=True))
    return Juste(cles, chemins, valeurs, canons, attendu.fusion, lus, ligne, champs)


TYPE_DU_CHAMP = {
    "probleme": PROBLEME,
    "probleme_2": PROBLEME,
    "action": ACTION,
    "fusion_avec": NUMERO_LIGNE,
}


@lru_cache(maxsize=256)
def competences_des_champs(
    lignes: int, roles: tuple[str, ...], categories: tuple[str, ...]
) -> dict[str, str]:
    """The competency each field of the answer proves, by path, as its letter (its place in
    ORDRE_COMPETENCES: a text of them is counted in C); built once per shape of file (its
    number of rows, its roles and categories), whatever the rows hold. Never changed."""
    competence_de = {
        f"lignes.{i}.{k}": _LETTRE[code] for i in range(lignes) for k, code in COMPETENCE.items()
    }
    competence_de |= {f"droits.{r}.{c}": _LETTRE[PROTECTION] for r in roles for c in categories}
    return competence_de


_LETTRE = {code: str(i) for i, code in enumerate(ORDRE_COMPETENCES)}


def acceptees(action: str) -> frozenset[str]:
    return ACCEPTEES.get(action, frozenset({action}))


class Copie:
    """The verdicts and named errors of one answer, filled row by row."""

    def __init__(self, fichier: Fichier, lecture: Lecture):
        self.fichier, self.lecture = fichier, lecture
        self.champs: list[ChampResult] = []
        self.codes: dict[str, list[str]] = {}  # code -> where it was seen (rows, cells)
        lignes = lecture.arbre.get("lignes")
        self.lignes_lues = lignes if isinstance(lignes, list) else []

    def nomme(self, code: str, ou: str) -> str:
        self.codes.setdefault(code, [])
        if ou not in self.codes[code]:
            self.codes[code].append(ou)
        return m.MESSAGES[code]

    def juste(self, i: int, juste: Juste) -> bool:
        """Judge row ``i`` at once when it is answered as the reference: every field read,
        each value the reference's (other fields given too, or typed otherwise)."""
        lue = self.lignes_lues[i] if i < len(self.lignes_lues) else None
        if not isinstance(lue, dict):
            return False
        lus = list(map(lue.get, juste.cles))  # each a Lu, or None for a field not given
        if lus == juste.lus:  # typed as the contract writes them: the verdicts are known
            self.champs += juste.champs
            return True
        try:
            if list(map(_VALEUR, lus)) != juste.valeurs:
                return False
        except TypeError:  # None has no value
            return False
        # What each field received: a choice's text as typed (Lu.recu, without a call for a
        # text); the row number as the grading JSON reports it.
        recus = map(_BRUT, lus) if juste.fusion is None else [lu.recu for lu in lus]
        self.champs += map(
            champ_result, zip(juste.chemins, juste.canons, recus, _VRAI, _JUSTE, strict=False)
        )
        return True

    def ligne(self, i: int, ligne: Ligne, attendu: Attendu) -> None:
        """Judge row ``i`` field by field (an answer not exactly the reference's)."""
        lus = _ligne_lue(self.lignes_lues, i)
        signales = self._problemes(i, attendu, lus)
        action = _valeur(lus["action"])
        reportee = self._reportee(ligne, attendu, signales, action)
        # A decision carried forward is right: only the diagnosis behind it is named.
        codes = diagnostics_ligne(
            self.fichier, ligne, attendu, signales, None if reportee else action
        )
        conseil = " ".join(self.nomme(code, str(i + 1)) for code in codes)
        self._action(i, attendu, lus["action"], reportee, conseil)
        if attendu.fusion is not None and lus["fusion_avec"] is not None:
            self._fusion(i, attendu.fusion, lus["fusion_avec"])

    def _reportee(
        self, ligne: Ligne, attendu: Attendu, signales: frozenset[str] | None, action: str | None
    ) -> bool:
        """A wrong decision that the rules give for the problems the student reported."""
        if action is None or action in acceptees(attendu.action) or signales is None:
            return False
        if signales == frozenset(attendu.problemes):
            return False
        return action in acceptees(action_pour(self.fichier, ligne.derniere_activite, signales))

    def _problemes(
        self, i: int, attendu: Attendu, lus: dict[str, Lu | None]
    ) -> frozenset[str] | None:
        """Judge the problem fields; returns the problems the student reported (None: none)."""
        if self.fichier.deux_problemes:
            noms, restants = ("probleme", "probleme_2"), [*attendu.problemes, "aucun", "aucun"][:2]
        else:  # one field: any of the row's problems names it
            noms, restants = ("probleme",), [*attendu.problemes] or ["aucun"]
        signales: set[str] = set()
        for nom in noms:
            lu = lus[nom]
            if lu is None:
                continue
            valeur = lu.valeur
            juste = valeur in restants
            if valeur is not None:
                signales.add(valeur)
            if juste:
                restants.remove(valeur)
            cible = valeur if juste else (restants[0] if restants else "aucun")
            resultat = verdict(f"lignes.{i}.{nom}", PROBLEME, cible, lu)
            self.champs.append(_correct(resultat, juste))
        return frozenset(signales - {"aucun"}) if signales else None

    def _action(
        self, i: int, attendu: Attendu, lu: Lu | None, reportee: bool, conseil: str
    ) -> None:
        if lu is None:
            return
        champ = f"lignes.{i}.action"
        valeur = lu.valeur
        if valeur is None or valeur in acceptees(attendu.action):
            juste = attendu.action if valeur is None else valeur
            self.champs.append(verdict(champ, ACTION, juste, lu))
            return
        attendu_texte = f"Attendu : {ACTION.display(attendu.action)}."
        if reportee:
            resultat = verdict(champ, ACTION, attendu.action, lu, ko=REPORTE + attendu_texte)
            self.champs.append(_correct(resultat, True))
            return
        ko = f"{conseil} {attendu_texte}".strip()
        self.champs.append(verdict(champ, ACTION, attendu.action, lu, ko=ko))

    def _fusion(self, i: int, fusion: int, lu: Lu) -> None:
        attendu = Decimal(fusion)
        resultat = verdict(f"lignes.{i}.fusion_avec", NUMERO_LIGNE, attendu, lu)
        if lu.valeur is not None and not resultat.correct:
            conseil = self.nomme(m.FUSION_MAUVAISE_LIGNE, str(i + 1))
            resultat = resultat._replace(message=f"{conseil} Attendu : ligne {fusion}.")
        self.champs.append(resultat)

    def droits(self) -> None:
        matrice = _sous_objet(self.lecture.arbre, "droits")
        forme = tuple((role.code, tuple(role.droits.items())) for role in self.fichier.roles)
        lue, justes = matrice_juste(forme)
        if matrice == lue:  # typed as the contract writes it: the verdicts are known
            self.champs += justes
            return
        # Each role's row of the matrix walked to once (not once per cell, as ``lecture.lu``).
        for role in self.fichier.roles:
            cases = _sous_objet(matrice, role.code)
            for categorie, attendu in role.droits.items():
                lu = cases.get(categorie)
                lu_juste, juste = case_juste(role.code, categorie, attendu)
                if lu == lu_juste:  # typed as the contract writes it: the verdict is known
                    self.champs.append(juste)
                    continue
                if not isinstance(lu, Lu):
                    continue
                champ = juste.champ
                if lu.valeur == attendu:
                    self.champs.append(ChampResult(champ, attendu, lu.recu, True, JUSTE))
                    continue
                resultat = verdict(champ, DROIT, attendu, lu)
                if lu.valeur is not None and not resultat.correct:
                    trop = DROITS.index(lu.valeur) > DROITS.index(attendu)
                    code = m.DROITS_TROP_LARGES if trop else m.DROITS_INSUFFISANTS
                    conseil = self.nomme(code, f"{role.code}.{categorie}")
                    resultat = resultat._replace(message=f"{conseil} {resultat.message}")
                self.champs.append(resultat)


@lru_cache(maxsize=1024)
def matrice_juste(
    forme: tuple[tuple[str, tuple[tuple[str, str], ...]], ...],
) -> tuple[dict[str, dict[str, Lu]], tuple[ChampResult, ...]]:
    """The rights matrix typed as the contract writes the rights of ``forme`` (each role with
    its categories and rights), as read, and its verdicts: a shape, worked out once."""
    lue = {role: {c: case_juste(role, c, droit)[0] for c, droit in cases} for role, cases in forme}
    justes = tuple(case_juste(role, c, droit)[1] for role, cases in forme for c, droit in cases)
    return lue, justes


@lru_cache(maxsize=1024)
def case_juste(role: str, categorie: str, droit: str) -> tuple[Lu, ChampResult]:
    """A cell of the rights matrix typed as the contract writes ``droit``, as read, and its
    verdict when ``droit`` is expected: a shape (a role, a category, a right), worked out once."""
    return DROIT.read(droit), champ_result(
        (f"droits.{role}.{categorie}", droit, droit, True, JUSTE)
    )


_BRUT, _VALEUR = itemgetter(0), itemgetter(1)  # Lu.brut, Lu.valeur
_VRAI, _JUSTE = repeat(True), repeat(JUSTE)  # the verdict of each field of a right row
_CHAMP, _CORRECT = itemgetter(0), itemgetter(3)  # ChampResult.champ, .correct


def _correct(resultat: ChampResult, correct: bool) -> ChampResult:
    """A verdict told right or wrong (not ``_replace``: a Python call of the named tuple)."""
    champ, attendu, recu, _, message = resultat
    return champ_result((champ, attendu, recu, correct, message))


def _sous_objet(noeud: dict[str, Any], cle: str) -> dict[str, Any]:
    """The object at ``cle`` of an answer's object (empty when absent or not an object)."""
    sous = noeud.get(cle)
    return sous if isinstance(sous, dict) else {}


def _ligne_lue(lignes: list[Any], i: int) -> dict[str, Lu | None]:
    """The fields of row ``i`` as read (None for each one absent), found once per row."""
    ligne = lignes[i] if i < len(lignes) else None
    if not isinstance(ligne, dict):
        return dict.fromkeys(COMPETENCE)
    return {k: v if isinstance(v := ligne.get(k), Lu) else None for k in COMPETENCE}


def _valeur(lu: Lu | None) -> Any:
    return lu.valeur if lu is not None else None


def diagnostics_ligne(
    f: Fichier, ligne: Ligne, attendu: Attendu, signales: frozenset[str] | None, action: str | None
) -> list[str]:
    """The named errors behind a row's answer: a problem not reported, one reported wrongly,
    a decision the rules do not give."""
    codes: list[str] = []
    if signales is not None:
        codes += [m.MANQUE[p] for p in attendu.problemes if p not in signales]
        if signales and not attendu.problemes:
            retenu = "conservation_depassee" in signales and encours_retenu(f, ligne)
            codes.append(m.ENCOURS_OUBLIE if retenu else m.FAUSSE_ANOMALIE)
    if action is not None and action not in acceptees(attendu.action):
        codes += _mauvaise_decision(f, ligne, attendu, action)
    return list(dict.fromkeys(codes))


def _mauvaise_decision(f: Fichier, ligne: Ligne, attendu: Attendu, action: str) -> list[str]:
    prevue = attendu.action
    garde = action in ("conserver", "corriger")
    if prevue == "fusionner" and garde:
        return [m.DOUBLON_NON_VU]
    if prevue == "archiver" and action in acceptees("supprimer"):
        return [m.PIECES_COMPTABLES_SUPPRIMEES]
    if prevue == "supprimer" and action == "archiver":
        return [m.ARCHIVE_AU_LIEU_DE_SUPPRIMER]
    if "conservation_depassee" in attendu.problemes and garde:
        return [m.CONSERVATION_IGNOREE]
    if prevue in ("conserver", "corriger") and not garde and action != "fusionner":
        return [m.ENCOURS_OUBLIE if encours_retenu(f, ligne) else m.SUPPRESSION_ABUSIVE]
    if prevue == "corriger" and action == "conserver":
        return [m.MANQUE[p] for p in attendu.problemes if p in m.MANQUE][:1]
    return []


def _competences(
    competence_de: dict[str, str], champs: list[ChampResult]
) -> list[tuple[str, Decimal]]:
    """1.3.1 (decisions), 1.3.2 (problems reported), 1.3.3 (access rights), each on its fields
    (a format error outside the fields proves none)."""
    # Counted in C: each verdict's competency by its path ("" for none), then those of the
    # right ones, as texts of letters.
    lettres = list(map(competence_de.get, map(_CHAMP, champs), repeat("")))
    tous, justes = "".join(lettres), "".join(compress(lettres, map(_CORRECT, champs)))
    notes = [(code, lettre, tous.count(lettre)) for code, lettre in _LETTRE.items()]
    return [(code, score_ratio(justes.count(lettre), n)) for code, lettre, n in notes if n]


def corrige(f: Fichier, lecture: Lecture) -> Grade:
    """Grade one answer as read; never raises. One pass down the rows: each one checked
    (the rows before it seen) and its answer judged."""
    copie, deux = Copie(f, lecture), f.deux_problemes
    lues = chain(copie.lignes_lues, repeat(None))
    for i, attendu, lue in zip(count(), attendus(f), lues):
        juste = reference_ligne(i, attendu, deux)
        if lue == juste.ligne:  # typed as the contract writes it: the verdicts are known
            copie.champs += juste.champs
        elif not copie.juste(i, juste):
            copie.ligne(i, f.ligne(i), attendu)
    copie.droits()
    champs = illisibles(copie.champs, lecture) + copie.champs
    diagnostics = [
        Diagnostic(code, m.MESSAGES[code], {"ou": ou}) for code, ou in copie.codes.items()
    ]
    roles = tuple(r.code for r in f.roles)
    competence_de = competences_des_champs(len(f.colonnes[0]), roles, f.categories)
    return grade_of(NAME, champs, diagnostics, _competences(competence_de, champs))


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, decisions carried forward and diagnostics; never raises on the answer
    (params come fresh from the database: the file is read at each grade)."""
    return corrige(lire_params(params), lecture)
