"""Grading of a ``facture`` answer: per-field verdicts, error carried forward, diagnostics."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from agora.exercise.base import ChampResult, Diagnostic, Grade, score_ratio
from agora.exercise.fields import EMPTY, Lu
from agora.exercise.kinds.facture import solve as calc
from agora.exercise.kinds.facture.answer import CHAMPS_GROUPE, SCALAIRES, noeud
from agora.exercise.kinds.facture.params import NAME, Calculable, lire_calcul
from agora.exercise.kinds.facture.solve import calcule, chemins
from agora.exercise.nommes import messages_lus
from agora.exercise.reading import Lecture
from agora.money import CENT, euros

# Where each wrong method shows first (answer paths without their indexes).
SIGNATURES = {
    calc.REDUCTIONS_ADDITIONNEES: {
        "groupes.reductions.montant",
        "groupes.net_commercial",
        "total_reductions",
        "net_commercial",
    },
    calc.ESCOMPTE_SUR_TTC: {"groupes.escompte", "escompte"},
    calc.ESCOMPTE_SUR_BRUT: {"groupes.escompte", "escompte"},
    calc.PORT_REDUIT: {
        "groupes.montant_brut_ht",
        "groupes.reductions.montant",
        "groupes.net_commercial",
        "montant_brut_ht",
        "total_reductions",
        "net_commercial",
    },
    calc.PORT_HORS_BASE_TVA: {"tva.base", "tva.montant"},
    calc.PORT_OUBLIE: {"total_ht"},
    calc.TVA_AVANT_REDUCTIONS: {"tva.base", "tva.montant"},
    calc.TVA_AVANT_ESCOMPTE: {"tva.base", "tva.montant"},
    calc.ACOMPTE_NON_DEDUIT: {"net_a_payer"},
    calc.TAUX_TVA_MELANGES: {"tva.montant", "total_tva"},
    calc.ARRONDI_TRONQUE: {
        "lignes.montant_ht",
        "groupes.reductions.montant",
        "groupes.escompte",
        "tva.montant",
    },
}

# What the student reads for each wrong method (messages.yaml beside).
MESSAGES = messages_lus(Path(__file__).with_name("messages.yaml"), SIGNATURES)

# A consequence of an error already named is not named again (the port put in the reduced
# base is also missing after the net financier; a forgotten port is also out of the VAT base).
SUIT_DE = {
    calc.PORT_OUBLIE: {calc.PORT_REDUIT},
    calc.PORT_HORS_BASE_TVA: {calc.PORT_REDUIT, calc.PORT_OUBLIE},
}
_AUCUNE: frozenset[str] = frozenset()

# Competency 1.2.2 (producing the customer document): the body of the invoice, down to the
# net financier. VAT, totals, deposit and net à payer prove no competency of their own: 1.2.3
# (following the recording of sales and payments) is for a kind that records them.
COMPETENCE_CORPS = "1.2.2"
_CORPS = frozenset(
    {
        "lignes",
        "groupes",
        "montant_brut_ht",
        "total_reductions",
        "net_commercial",
        "escompte",
        "net_financier",
    }
)
_NOTES_CORPS = _CORPS | {"réponse"}  # an unreadable answer counts against the body


def fautes_possibles(f: Calculable) -> list[tuple[str, Decimal | None]]:
    """The wrong methods (internal code, rate for TAUX_TVA_MELANGES) that would change some
    amount of this invoice, in the order the grader tries them."""
    fautes: list[tuple[str, Decimal | None]] = []
    if len(f.reductions) >= 2:
        fautes.append((calc.REDUCTIONS_ADDITIONNEES, None))
    if f.escompte_taux:
        fautes += [(calc.ESCOMPTE_SUR_TTC, None), (calc.ESCOMPTE_SUR_BRUT, None)]
    if f.escompte_taux and f.port:
        fautes.append((calc.ESCOMPTE_SUR_TTC_HORS_PORT, None))
    if f.port:
        fautes += [(calc.PORT_REDUIT, None), (calc.PORT_HORS_BASE_TVA, None)]
        fautes.append((calc.PORT_OUBLIE, None))
    if f.reductions:
        fautes.append((calc.TVA_AVANT_REDUCTIONS, None))
    if f.escompte_taux:
        fautes.append((calc.TVA_AVANT_ESCOMPTE, None))
    if f.acompte:
        fautes.append((calc.ACOMPTE_NON_DEDUIT, None))
    if len(f.taux) > 1:
        fautes += [(calc.TAUX_TVA_MELANGES, taux) for taux in f.taux]
    fautes.append((calc.ARRONDI_TRONQUE, None))
    return fautes


def _taux(ligne: Any, key: str) -> Decimal | None:
    """The rate read in an answer row (None: no row, no rate, or unreadable)."""
    lu = ligne.get(key) if isinstance(ligne, dict) else None
    return lu.valeur if lu is not None else None


def _match(entries: list[Any], taux: tuple[Decimal, ...], key: str) -> dict[int, Any]:
    """Answer rows by expected group: the row with the same rate, else the row at that place."""
    rates = [_taux(e, key) for e in entries]
    found: dict[int, Any] = {}
    for g, t in enumerate(taux):
        if t in rates:
            found[g] = entries[rates.index(t)]
        elif g < len(entries) and rates[g] not in taux:
            found[g] = entries[g]
    return found


class _Collecte:
    """The fields read of an answer by expected path, and the lists or rows that could not be
    read (``answer.read`` leaves them as unreadable ``Lu``)."""

    def __init__(self, f: Calculable, lecture: Lecture):
        self.lus: dict[str, Lu] = {}
        self.problemes: list[ChampResult] = []
        arbre = lecture.arbre
        if "réponse" in arbre:
            self._probleme("réponse", arbre["réponse"])
            return
        for key in SCALAIRES:
            if key in arbre:
                self.lus[key] = arbre[key]
        # The expected paths, built once per shape (not spelled out at each grade).
        lignes, groupes, tva = chemins(len(f.lignes), len(f.taux), len(f.reductions))
        self._lignes(arbre, lignes)
        self._groupes(f, arbre, groupes)
        self._tva(f, arbre, tva)

    def _probleme(self, path: str, lu: Lu) -> None:
        self.problemes.append(ChampResult(path, None, str(lu.brut)[:60], False, lu.erreur))

    def _liste(self, container: dict[str, Any], key: str, path: str = "") -> list[Any]:
        value = container.get(key)
        if isinstance(value, Lu):
            self._probleme(path or key, value)
            return []
        return value or []

    def _ligne(self, entry: Any, *path: str | int) -> dict[str, Any] | None:
        """The row, or None when it could not be read (a problem at ``path``, spelled out)."""
        if isinstance(entry, Lu):
            self._probleme(".".join(map(str, path)), entry)
            return None
        return entry

    def _lignes(self, arbre: dict[str, Any], chemins_lignes: tuple[str, ...]) -> None:
        entries = self._liste(arbre, "lignes")
        # Rows past the invoice's are not graded (zip stops at its last line).
        for i, (entry, chemin) in enumerate(zip(entries, chemins_lignes, strict=False)):
            row = self._ligne(entry, "lignes", i)
            if row is not None and "montant_ht" in row:
                self.lus[chemin] = row["montant_ht"]

    def _groupes(self, f: Calculable, arbre: dict[str, Any], chemins_groupes: tuple) -> None:
        entries = self._liste(arbre, "groupes")
        for g, entry in _match(entries, f.taux, "taux_tva").items():
            row = self._ligne(entry, "groupes", g)
            if row is None:
                continue
            c_brut, c_reductions, *c_suite = chemins_groupes[g]
            for key, chemin in zip(CHAMPS_GROUPE, (c_brut, *c_suite), strict=True):
                if key in row:
                    self.lus[chemin] = row[key]
            self._reductions(row, g, c_reductions)

    def _reductions(self, row: dict[str, Any], g: int, c_reductions: tuple[str, ...]) -> None:
        entries = self._liste(row, "reductions", f"groupes.{g}.reductions")
        for k, (entry, chemin) in enumerate(zip(entries, c_reductions, strict=False)):
            red = self._ligne(entry, "groupes", g, "reductions", k)
            if red is not None and "montant" in red:
                self.lus[chemin] = red["montant"]

    def _tva(self, f: Calculable, arbre: dict[str, Any], chemins_tva: tuple) -> None:
        entries = self._liste(arbre, "tva")
        for g, entry in _match(entries, f.taux, "taux").items():
            row = self._ligne(entry, "tva", g)
            for key, chemin in zip(("base", "montant"), chemins_tva[g], strict=True):
                if row is not None and key in row:
                    self.lus[chemin] = row[key]


class Reference:
    """What grading needs from the params alone: the invoice, its amounts, and the whole
    invoice done with each wrong method (filled on demand). Kept per params (see ``reference``)."""

    def __init__(self, f: Calculable):
        self.f = f
        self.ref = calcule(f)
        self.attendus = {path: str(value.quantize(CENT)) for path, value in self.ref.items()}
        # Each wrong method with the public code that names it.
        self.fautes = [
            (faute, calc.CODE_PUBLIC.get(faute[0], faute[0])) for faute in fautes_possibles(f)
        ]
        self.mondes: dict[tuple[str, Decimal | None], dict[str, Decimal]] = {}

    def monde(self, faute: tuple[str, Decimal | None]) -> dict[str, Decimal]:
        """The whole invoice done with the wrong method (a student consistently wrong)."""
        if faute not in self.mondes:
            self.mondes[faute] = calcule(self.f, faute=faute[0], taux_unique=faute[1])
        return self.mondes[faute]


def reference(params: Any, lire: Any) -> Reference:
    """The Reference of these params (built at each grade: params come fresh from the
    database, and a memo of references by params would only flatter a benchmark that grades
    the same few variants over and over). ``lire`` turns params into what the calculation
    reads (``lire_calcul``)."""
    return Reference(lire(params))


class _Diagnostiqueur:
    """Finds which known wrong method gives a student's wrong amount (computed on demand)."""

    def __init__(self, reference: Reference, own: dict[str, Decimal]):
        self.f = reference.f
        self.reference = reference
        self.own = own
        self.fautes = reference.fautes
        self.locaux: dict[tuple[str, Decimal | None], dict[str, Decimal]] = {}

    def _local(self, faute: tuple[str, Decimal | None]) -> dict[str, Decimal]:
        """The wrong method applied to the student's own earlier amounts."""
        if faute not in self.locaux:
            self.locaux[faute] = calcule(self.f, self.own, faute=faute[0], taux_unique=faute[1])
        return self.locaux[faute]

    def cherche(self, path: str, value: Decimal, deja: list[str]) -> str | None:
        node = noeud(path)
        for faute, code in self.fautes:
            if node not in SIGNATURES[code] or not SUIT_DE.get(code, _AUCUNE).isdisjoint(deja):
                continue
            if (
                self.reference.monde(faute).get(path) == value
                or self._local(faute).get(path) == value
            ):
                return code
        return None


def corrige(reference: Reference, lecture: Lecture) -> Grade:
    """Grade one answer as read against the invoice; never raises."""
    f, ref = reference.f, reference.ref
    collecte = _Collecte(f, lecture)
    lus = {path: collecte.lus[path] for path in ref if path in collecte.lus}
    own = {path: lu.valeur for path, lu in lus.items() if lu.valeur is not None}
    ecf = calcule(f, own) if any(own[p] != ref[p] for p in own) else ref
    diagnostiqueur = _Diagnostiqueur(reference, own)
    champs = list(collecte.problemes)
    codes: list[str] = []
    for path, lu in lus.items():
        attendu, value = reference.attendus[path], lu.valeur
        if value is None:
            champs.append(ChampResult(path, attendu, lu.recu, False, lu.erreur or EMPTY))
        elif value == ref[path]:
            champs.append(ChampResult(path, attendu, lu.recu, True, "Juste."))
        elif value == ecf[path]:
            message = (
                "Calcul juste à partir de vos montants précédents (erreur reportée) : "
                f"point accordé. Avec les bons montants : {euros(attendu)}."
            )
            champs.append(ChampResult(path, attendu, lu.recu, True, message))
        else:
            code = diagnostiqueur.cherche(path, value, codes)
            message = f"Attendu : {euros(attendu)}."
            if code:
                message = f"{MESSAGES[code]} {message}"
                if code not in codes:
                    codes.append(code)
            champs.append(ChampResult(path, attendu, lu.recu, False, message))
    return Grade(
        kind=NAME,
        score=score_ratio(sum(c.correct for c in champs), len(champs)),
        champs=champs,
        diagnostics=[Diagnostic(code, MESSAGES[code]) for code in codes],
        competences=_competences(champs),
    )


def _competences(champs: list[ChampResult]) -> list[tuple[str, Decimal]]:
    """1.2.2 scored on the body's fields (an unreadable answer counts); none when none graded."""
    corps = [c.correct for c in champs if c.champ.partition(".")[0] in _NOTES_CORPS]
    return [(COMPETENCE_CORPS, score_ratio(sum(corps), len(corps)))] if corps else []


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, error carried forward and diagnostics of an answer as read."""
    return corrige(reference(params, lire_calcul), lecture)
