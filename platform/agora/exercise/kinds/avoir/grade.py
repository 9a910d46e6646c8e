"""Grading of an ``avoir`` answer as read (Lecture): per-field verdicts, error carried forward,
named method errors, and the mandatory mentions of the draft invoice."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from agora.exercise.base import ChampResult, Grade
from agora.exercise.fields import MONTANT, NUMERO, Lu, piece_key, verdict
from agora.exercise.grading import Mondes, grade_of, une_competence
from agora.exercise.kinds.avoir import methodes as m
from agora.exercise.kinds.avoir.answer import CHAMPS_GROUPE, ETAT, NATURE
from agora.exercise.kinds.avoir.params import NAME, Avoir, lire_params
from agora.exercise.kinds.avoir.solve import calcule
from agora.exercise.kinds.avoir.solve import chemins as calc_chemins
from agora.exercise.nommes import Nommes
from agora.exercise.reading import Lecture, sans_index
from agora.money import fmt

COMPETENCE = "1.2.2"  # producing the customer documents: every field of the credit note


class Reference:
    """What grading needs from the params alone, and the credit note done with each wrong
    method (filled on demand)."""

    def __init__(self, a: Avoir):
        self.a = a
        self.ref = calcule(a)
        self.fautes = [
            (faute, m.CODE_PUBLIC.get(faute[0], faute[0])) for faute in m.fautes_possibles(a)
        ]
        # The whole credit note done with a wrong method (a student consistently wrong).
        self.monde = Mondes(lambda faute: calcule(a, faute=faute))
        self.autres_pieces = frozenset(piece_key(p) for p in a.autres_pieces)


def reference(params: dict[str, Any]) -> Reference:
    """The Reference of these params (built at each grade: params come fresh from the
    database, a memo by params object would never hit)."""
    return Reference(lire_params(params))


def _lu(node: Any, key: str) -> Lu | None:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, Lu) else None


def _rangs(rows: Any, taux: tuple[Decimal, ...], cle: str) -> dict[int, dict[str, Any]]:
    """Answer rows by expected group: the row with the same rate, else the row at that place."""
    if not isinstance(rows, list):
        return {}
    lus = [lu.valeur if (lu := _lu(row, cle)) else None for row in rows]
    found: dict[int, dict[str, Any]] = {}
    for g, t in enumerate(taux):
        if t in lus:
            rang = lus.index(t)
        elif g < len(rows) and lus[g] not in taux:
            rang = g
        else:
            continue
        if isinstance(rows[rang], dict):
            found[g] = rows[rang]
    return found


def montants_lus(a: Avoir, arbre: dict[str, Any]) -> dict[str, Lu]:
    """The student's amount fields by the path of the expected amount they answer."""
    lus: dict[str, Lu] = {}
    # The expected paths, built once per shape; rows past the note's are not graded (zip).
    chemins = calc_chemins(len(a.lignes), len(a.taux), len(a.reductions))
    lignes = arbre.get("lignes")
    lignes = lignes if isinstance(lignes, list) else []
    for row, chemin in zip(lignes, chemins.lignes, strict=False):
        _garde(lus, chemin, _lu(row, "montant_ht"))
    for g, row in _rangs(arbre.get("groupes"), a.taux, "taux_tva").items():
        for key, chemin in zip(CHAMPS_GROUPE, chemins.groupes[g], strict=True):
            _garde(lus, chemin, _lu(row, key))
        reductions = row.get("reductions")
        if isinstance(reductions, list):
            for red, chemin in zip(reductions, chemins.reductions[g], strict=False):
                _garde(lus, chemin, _lu(red, "montant"))
    for g, row in _rangs(arbre.get("tva"), a.taux, "taux").items():
        for key, chemin in zip(("base", "montant"), chemins.tva[g], strict=True):
            _garde(lus, chemin, _lu(row, key))
    for key in ("total_ht", "total_tva", "total_ttc"):
        _garde(lus, key, _lu(arbre, key))
    return lus


def _garde(lus: dict[str, Lu], path: str, lu: Lu | None) -> None:
    if lu is not None:
        lus[path] = lu


class _Correction:
    """One answer being graded: the verdicts, and the codes named so far."""

    def __init__(self, reference: Reference, lecture: Lecture):
        self.reference, self.a = reference, reference.a
        self.arbre = lecture.arbre if isinstance(lecture.arbre, dict) else {}
        self.champs = _problemes(lecture)
        self.nommes = Nommes(m.MESSAGES.__getitem__)
        self.locaux: dict[m.Faute, dict[str, Decimal]] = {}

    def pieces(self) -> None:
        """The reference of the original invoice and the nature of the credit note."""
        a, arbre = self.a, self.arbre
        if a.reference is not None and "reference_facture" in arbre:
            lu = _lu(arbre, "reference_facture")
            cite_autre = (
                lu is not None
                and lu.valeur is not None
                and piece_key(lu.valeur) in self.reference.autres_pieces
            )
            code = m.REFERENCE_ERRONEE if cite_autre else None
            self._verdict("reference_facture", NUMERO, a.reference, lu, code)
        if "nature" in arbre:
            lu = _lu(arbre, "nature")
            wrong = lu is not None and lu.valeur is not None and lu.valeur != a.nature
            self._verdict("nature", NATURE, a.nature, lu, m.NATURE_CONFONDUE if wrong else None)

    def _verdict(self, champ: str, field: Any, attendu: Any, lu: Lu | None, code: str | None):
        ko = self.nommes.devant(code, f"Attendu : {field.display(attendu)}.") if code else ""
        self.champs.append(verdict(champ, field, attendu, lu, ko=ko))

    def montants(self) -> None:
        """Each amount: right, right from the student's own earlier amounts, or wrong (named)."""
        ref = self.reference.ref
        lus = montants_lus(self.a, self.arbre)
        # Only the amounts this credit note has (a turnover is a ristourne's alone).
        own = {p: lu.valeur for p, lu in lus.items() if lu.valeur is not None and p in ref}
        ecf = calcule(self.a, own) if any(own[p] != ref[p] for p in own) else ref
        for path, attendu in ref.items():
            lu = lus.get(path)
            if lu is None:
                continue
            valeur = lu.valeur
            if valeur == attendu:  # the common case: ``verdict``'s right one, built at once
                self.champs.append(ChampResult(path, fmt(attendu), lu.recu, True, "Juste."))
                continue
            if valeur is not None and valeur == ecf[path]:
                message = (
                    "Calcul juste à partir de vos montants précédents (erreur reportée) : point "
                    f"accordé. Avec les bons montants : {MONTANT.display(attendu)}."
                )
                self.champs.append(
                    ChampResult(path, MONTANT.canonical(attendu), lu.recu, True, message)
                )
                continue
            ko = ""
            if valeur is not None:
                code = self._cherche(path, valeur, own)
                ko = self.nommes.devant(code, f"Attendu : {MONTANT.display(attendu)}.")
            self.champs.append(verdict(path, MONTANT, attendu, lu, ko=ko))

    def _cherche(self, path: str, value: Decimal, own: dict[str, Decimal]) -> str | None:
        """The first wrong method that gives this amount, on the whole note or on the
        student's own earlier amounts."""
        noeud = sans_index(path)
        for faute, code in self.reference.fautes:
            if noeud not in m.SIGNATURES[code]:
                continue
            if (
                self.reference.monde(faute).get(path) == value
                or self._local(faute, own).get(path) == value
            ):
                return code
        return None

    def _local(self, faute: m.Faute, own: dict[str, Decimal]) -> dict[str, Decimal]:
        if faute not in self.locaux:
            self.locaux[faute] = calcule(self.a, own, faute)
        return self.locaux[faute]

    def mentions(self) -> None:
        """Each mention of the list: present, missing (to add) or not required here."""
        reponses = self.arbre.get("mentions")
        if not isinstance(reponses, dict):
            return
        for mention in self.a.mentions:
            if mention.code not in reponses:
                continue
            lu = _lu(reponses, mention.code)
            valeur = lu.valeur if lu else None
            champ = f"mentions.{mention.code}"
            if valeur == mention.attendu:  # the common case: ``verdict``'s right one, at once
                self.champs.append(ChampResult(champ, mention.attendu, lu.recu, True, "Juste."))
                continue
            ko = ""  # only a wrong answer has a message, and maybe a code
            if valeur is not None:
                code = m.CODE_MENTION.get((mention.attendu, valeur))
                ko = self.nommes.devant(
                    code, f"{mention.libelle} : {ETAT.display(mention.attendu).lower()}."
                )
            self.champs.append(verdict(champ, ETAT, mention.attendu, lu, ko=ko))


def _problemes(lecture: Lecture) -> list[ChampResult]:
    """What cannot be read as the answer's structure (a value where rows are expected…)."""
    problemes = []
    for path, message in lecture.erreurs.items():
        parts = [int(p) if p.isascii() and p.isdigit() else p for p in path.split(".")]
        if lecture.lu(*parts) is None:
            problemes.append(ChampResult(path, None, None, False, message))
    return problemes


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, error carried forward and diagnostics; never raises on the answer."""
    correction = _Correction(reference(params), lecture)
    correction.pieces()
    correction.montants()
    correction.mentions()
    notes = une_competence(COMPETENCE)(correction.champs)
    return grade_of(NAME, correction.champs, correction.nommes.diagnostics(), notes)
