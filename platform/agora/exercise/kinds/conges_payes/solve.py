"""The paid leave computed: days acquired, days of each request, decisions in priority order,
days left, and the leave pay (tenth rule against salary maintenance); from the student's own
earlier values when given (errors carried forward), or with one named wrong method (to
recognise it in an answer)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import cache, lru_cache
from typing import Any

from agora.exercise.grading import Etapes
from agora.exercise.kinds.conges_payes import fautes as f
from agora.exercise.kinds.conges_payes.jours import OUVRABLES, OUVRES, compte, mois_de
from agora.exercise.kinds.conges_payes.params import MAX_SALARIES, Conges, Salarie, lire_params
from agora.exercise.kinds.conges_payes.regles import regles
from agora.money import cents, cents_down

ACCORDE = "accorde"
REFUS_DUREE = "refuse_duree"
REFUS_DROITS = "refuse_droits"
REFUS_EFFECTIF = "refuse_effectif"
# Each decision as the form offers it.
DECISIONS = {
    ACCORDE: "Accordé",
    REFUS_DUREE: "Refusé : le congé d'été doit durer de 12 à 24 jours ouvrables",
    REFUS_DROITS: "Refusé : pas assez de jours acquis",
    REFUS_EFFECTIF: "Refusé : trop peu de personnes présentes",
}
ZERO = Decimal(0)
# The fields of one employee's row, in the order of the form.
RUBRIQUES = ("acquis", "acquis_ouvres", "pris", "decision", "reste")
# The fields of the days acquired (paths without their row index).
ACQUIS = frozenset({"salaries.acquis", "salaries.acquis_ouvres"})
# Each employee's fields by name (``_CHAMPS[1]["pris"]`` is ``salaries.1.pris``), spelled once:
# a grade walks them in every pass over the exercise.
_CHAMPS = [
    {rubrique: f"salaries.{i}.{rubrique}" for rubrique in RUBRIQUES} for i in range(MAX_SALARIES)
]


def _fraction(valeur: Decimal | int) -> Fraction:
    return Fraction(Decimal(valeur))


# The wrong methods that change the days acquired (acquis_par_methode), and those that change
# the days a request uses; any other method gives the right ones.
FAUTES_D_ACQUISITION = frozenset(
    {
        f.ASSIMILE_NON_COMPTE,
        f.MALADIE_COMME_TRAVAIL,
        f.MALADIE_NON_COMPTEE,
        f.MOIS_INCOMPLET_OUBLIE,
        f.ARRONDI_INFERIEUR,
    }
)
FAUTES_DE_DECOMPTE = frozenset(
    {f.JOURS_CALENDAIRES, f.FERIE_COMPTE, f.REPRISE_COMPTEE, f.MAUVAIS_DECOMPTE}
)


def mois_comptes(s: Salarie) -> tuple[int, int, int]:
    """The months of the reference period worked, absent but counted as work, on sick leave.
    (The params refuse absences that overlap each other or the part month.)"""
    assimiles = regles().assimiles.motifs
    absent = assimile = maladie = 0
    for a in s.absences:
        absent += len(a.mois)
        assimile += len(a.mois) if a.motif in assimiles else 0
        maladie += len(a.mois) if a.motif == "maladie" else 0
    return 12 - s.premier_mois - absent - (s.incomplet is not None), assimile, maladie


@cache
def _taux() -> tuple[int, int, int, int, int, int]:
    """The rules' days earned a month of work and of sick leave and their two ceilings, in
    whole units of 1/``unite`` day (integers: no Fraction arithmetic at each grade); the days
    of work worth a month; and ``unite``."""
    r = regles()
    par_mois = _fraction(r.acquisition.jours_par_mois)
    maladie = _fraction(r.maladie.jours_par_mois)
    equivalent = r.acquisition.jours_equivalents_mois
    # A part month earns par_mois × days ÷ equivalent: whole units too.
    unite = par_mois.denominator * maladie.denominator * equivalent
    return (
        int(par_mois * unite),
        int(maladie * unite),
        r.maladie.plafond * unite,
        r.acquisition.plafond * unite,
        equivalent,
        unite,
    )


def acquis_par_methode(s: Salarie) -> dict[str | None, Decimal]:
    """The whole jours ouvrables an employee earned over the reference period, done right
    (None) and with each wrong method of acquiring days: all at once, as a wrong answer's
    grading looks for each (L3141-3, -4, -5, -5-1): 2,5 a month of work or of an absence
    counted as work, 2 a month of sick leave (24 at most), 2,5 × days worked ÷ 24 for a part
    month; 30 at most, then rounded (``arrondi_acquis``). Each part is counted once in units of
    1/``unite`` day (``_taux``); a wrong method leaves one out or counts it another way."""
    par_mois, maladie_mois, plafond_maladie, plafond, equivalent, _ = _taux()
    travail, assimile, maladie = mois_comptes(s)
    assimile_compte = par_mois * assimile
    maladie_comptee = min(plafond_maladie, maladie_mois * maladie)
    incomplet = par_mois // equivalent * min(s.incomplet[1], equivalent) if s.incomplet else 0
    juste = par_mois * travail + assimile_compte + maladie_comptee + incomplet
    exacts = {
        None: juste,
        f.ASSIMILE_NON_COMPTE: juste - assimile_compte,
        f.MALADIE_COMME_TRAVAIL: juste - maladie_comptee + par_mois * maladie,
        f.MALADIE_NON_COMPTEE: juste - maladie_comptee,
        f.MOIS_INCOMPLET_OUBLIE: juste - incomplet,
        f.ARRONDI_INFERIEUR: juste,
    }
    return {faute: arrondi_acquis(min(total, plafond), faute) for faute, total in exacts.items()}


def acquis_de_chacun(c: Conges) -> list[dict[str | None, Decimal]]:
    """Each employee's ``acquis_par_methode``, kept with the params: it depends on them alone,
    and grading asks for it in each pass over the exercise and with each wrong method."""
    return c.garde("acquis", lambda: [acquis_par_methode(s) for s in c.salaries])


def arrondi_acquis(unites: int, faute: str | None = None) -> Decimal:
    """A fractional number of days (``acquis_par_methode``'s units) is raised to the next whole day
    (L3141-7)."""
    unite = _taux()[-1]
    return Decimal(unites // unite if faute == f.ARRONDI_INFERIEUR else -(-unites // unite))


def en_ouvres(acquis: Decimal) -> Decimal:
    """Jours ouvrables as jours ouvrés: × 5 ÷ 6, raised to the next whole day (30 → 25)."""
    if acquis == acquis.to_integral_value():  # whole days, the common case: integers only
        return Decimal(-(-int(acquis) * 5 // 6))
    return Decimal(math.ceil(_fraction(acquis) * 5 / 6))


def duree_ouvrable(c: Conges, s: Salarie) -> int:
    """The jours ouvrables of a request (public holidays left out): the 12-to-24 rule's count."""
    return compte(s.demande.depart, s.demande.reprise, OUVRABLES, c.feries)


def jours_pris(c: Conges, s: Salarie, faute: str | None = None) -> Decimal:
    """The leave days a request uses, counted the exercise's way (or a named wrong way)."""
    d = s.demande
    if faute == f.JOURS_CALENDAIRES:
        return Decimal((d.reprise - d.depart).days)
    fin = d.reprise + timedelta(days=1) if faute == f.REPRISE_COMPTEE else d.reprise
    feries = frozenset() if faute == f.FERIE_COMPTE else c.feries
    decompte = c.decompte
    if faute == f.MAUVAIS_DECOMPTE:
        decompte = OUVRES if decompte == OUVRABLES else OUVRABLES
    return Decimal(compte(d.depart, fin, decompte, feries))


def pris_de_chacun(c: Conges, faute: str | None = None) -> list[Decimal]:
    """Each employee's ``jours_pris`` (right or counted a wrong way), kept with the params as
    ``acquis_de_chacun`` is."""
    return c.garde(("pris", faute), lambda: [jours_pris(c, s, faute) for s in c.salaries])


def ordre(c: Conges, faute: str | None = None) -> list[int]:
    """The employees' indexes in the order their requests are decided."""
    if c.priorite == "anciennete":
        rangs = sorted(range(len(c.salaries)), key=lambda i: (c.salaries[i].date_entree, i))
    else:
        rangs = sorted(range(len(c.salaries)), key=lambda i: (c.salaries[i].demande.le, i))
    return rangs[::-1] if faute == f.PRIORITE_INVERSEE else rangs


def manque_de_monde(
    c: Conges, accordes: list[tuple[date, date]], depart: date, reprise: date
) -> bool:
    """True when, some day of [depart, reprise[, fewer than the minimum would be present.

    The most people are away on the first day of this leave or of a granted leave that starts
    during it: only those days are counted."""
    debuts = [depart, *(a for a, _ in accordes if depart < a < reprise)]
    for jour in debuts:
        absents = 1 + sum(1 for a, b in accordes if a <= jour < b)
        if c.effectif - absents < c.presents_minimum:
            return True
    return False


class Calcul(Etapes):
    """One pass over the exercise (``out``: each field's value by path), from the student's own
    earlier values when given (``put``), or with one named wrong method (``faute``); ``autres``
    holds a second accepted value of a field (the other rounding)."""

    def __init__(self, c: Conges, own: Mapping[str, Any], faute: str | None):
        super().__init__(own)
        self.c, self.faute = c, faute
        self.autres: dict[str, Decimal] = {}
        if not self.own:
            # Without the student's values a step is only written down, each path once a pass:
            # the dict's own ``setdefault`` does what ``put`` does, with no Python call.
            self.put = self.out.setdefault  # type: ignore[method-assign]

    def accepte(self, t: Any, path: str, valeur: Any) -> bool:
        """The value is the one this pass gives ``path``, or the other value accepted for it."""
        autre = self.autres.get(path)
        return t.same(self.out[path], valeur) or (autre is not None and t.same(autre, valeur))

    def acquis(self) -> list[Decimal]:
        """The days acquired by each employee, in the exercise's unit."""
        c, faute = self.c, self.faute
        methode = faute if faute in FAUTES_D_ACQUISITION else None
        tous = []
        for i, par_methode in enumerate(acquis_de_chacun(c)):
            champs = _CHAMPS[i]
            acquis = self.put(champs["acquis"], par_methode[methode])
            if c.decompte == OUVRES:
                converti = acquis if faute == f.OUVRES_NON_CONVERTIS else en_ouvres(acquis)
                acquis = self.put(champs["acquis_ouvres"], converti)
            tous.append(acquis)
        return tous

    def droits(self) -> list[tuple[Decimal, Decimal]]:
        """(days acquired in the exercise's unit, days the request uses) of each employee."""
        decompte = self.faute if self.faute in FAUTES_DE_DECOMPTE else None
        pris = pris_de_chacun(self.c, decompte)
        return [
            (acquis, self.put(_CHAMPS[i]["pris"], pris[i]))
            for i, acquis in enumerate(self.acquis())
        ]

    def decisions(self, droits: list[tuple[Decimal, Decimal]]) -> None:
        """Each request decided in priority order: duration, rights, then staffing."""
        c, faute = self.c, self.faute
        r = regles().conge_principal
        accordes: list[tuple[date, date]] = []
        inverse = faute == f.PRIORITE_INVERSEE
        durees = c.garde("durees", lambda: [duree_ouvrable(c, s) for s in c.salaries])  # params
        for i in c.garde(("ordre", inverse), lambda: ordre(c, faute if inverse else None)):
            (acquis, pris), d, duree = droits[i], c.salaries[i].demande, durees[i]
            if faute != f.DUREE_IGNOREE and not r.minimum_continu <= duree <= r.maximum:
                decision = REFUS_DUREE
            elif faute != f.DROITS_IGNORES and pris > acquis:
                decision = REFUS_DROITS
            elif faute != f.EFFECTIF_IGNORE and manque_de_monde(c, accordes, d.depart, d.reprise):
                decision = REFUS_EFFECTIF
            else:
                decision = ACCORDE
            if self.put(_CHAMPS[i]["decision"], decision) == ACCORDE:
                accordes.append((d.depart, d.reprise))

    def restes(self, droits: list[tuple[Decimal, Decimal]]) -> None:
        """The days left: rights − days taken when the leave is granted, the rights otherwise."""
        for i, (acquis, pris) in enumerate(droits):
            champs = _CHAMPS[i]
            accorde = self.out[champs["decision"]] == ACCORDE
            mienne = self.own.get(champs["decision"])
            accorde = accorde if mienne is None else mienne == ACCORDE
            pris_ou_rien = pris if accorde or self.faute == f.RESTE_CONGE_REFUSE else ZERO
            self.put(champs["reste"], acquis - pris_ou_rien)

    def indemnite(self, acquis: Decimal, pris: Decimal) -> None:
        """The leave pay: the tenth of the reference gross pro rata of the days taken, against
        the monthly salary ÷ the month's days × the days taken; the larger is paid (L3141-24)."""
        c, faute = self.c, self.faute
        dixieme_brut = c.brut_reference * regles().indemnite.dixieme
        total = cents_down(dixieme_brut) if faute == f.DIXIEME_TRONQUE else cents(dixieme_brut)
        total = self.put("indemnite.dixieme_total", total)
        if faute == f.DIXIEME_SANS_PRORATA:
            dixieme = total
        else:
            dixieme = _prorata(total, pris, acquis)
            self.autres["indemnite.dixieme"] = _prorata(dixieme_brut, pris, acquis)
        dixieme = self.put("indemnite.dixieme", dixieme)
        oubli = faute == f.FERIE_DANS_LE_MOIS
        jours = c.garde(("jours_mois", oubli), lambda: jours_du_mois(c, oubli))  # params alone
        jours_mois = self.put("indemnite.jours_mois", jours)
        salaire = c.salaries[c.paie].salaire_mensuel
        valeur_jour = self.put("indemnite.valeur_jour", _prorata(salaire, Decimal(1), jours_mois))
        maintien = self.put("indemnite.maintien", cents(valeur_jour * pris))
        self.autres["indemnite.maintien"] = _prorata(salaire, pris, jours_mois)
        choix = min if faute == f.MOINS_FAVORABLE else max
        self.put("indemnite.montant", choix(dixieme, maintien))


def jours_du_mois(c: Conges, ferie_compte: bool = False) -> Decimal:
    """The leave days of the month of the paid leave (its public holidays left out, unless
    ``ferie_compte``): what the salary maintenance divides the monthly salary by."""
    debut, fin = mois_de(c.salaries[c.paie].demande.depart)
    return Decimal(compte(debut, fin, c.decompte, frozenset() if ferie_compte else c.feries))


def _prorata(montant: Decimal, part: Decimal, tout: Decimal) -> Decimal:
    """montant × part ÷ tout to the cent, half up; 0 when ``tout`` is 0."""
    return cents(montant * part / tout) if tout else ZERO


def calcule(
    c: Conges,
    own: Mapping[str, Any] | None = None,
    faute: str | None = None,
    rubriques: AbstractSet[str] | None = None,
) -> Calcul:
    """Every field's value by field path (``salaries.1.pris``); the reference's in the form's
    order. ``rubriques``: the only fields wanted (paths without their row index), the steps
    after them left undone (a wrong method is looked for in the few fields it changes)."""
    calcul = Calcul(c, own or {}, faute)
    tout = rubriques is None
    if not tout and rubriques <= ACQUIS:  # a wrong way of acquiring days: nothing after it
        calcul.acquis()
        return calcul
    droits = calcul.droits()
    if tout or not rubriques.isdisjoint(("salaries.decision", "salaries.reste")):
        calcul.decisions(droits)
    if tout or "salaries.reste" in rubriques:
        calcul.restes(droits)
    if tout or any(r.startswith("indemnite.") for r in rubriques):
        calcul.indemnite(*droits[c.paie])
    if not own and faute is None:  # the reference: its fields in the order of the form
        calcul.out = {path: calcul.out[path] for path in _dans_l_ordre(tuple(calcul.out))}
    return calcul


@lru_cache(maxsize=64)
def _dans_l_ordre(paths: tuple[str, ...]) -> tuple[str, ...]:
    """The reference's paths in the form's order, sorted once per shape of the exercise."""
    return tuple(sorted(paths, key=_rang))


def _rang(path: str) -> tuple[int, int, str]:
    """Rows first, in order, each field in the form's order; then the leave pay."""
    parts = path.split(".")
    if parts[0] == "salaries":
        return 0, int(parts[1]), str(RUBRIQUES.index(parts[2]))
    return 1, 0, ""  # the leave pay's fields keep the order they were computed in


def avec_faute(c: Conges, faute: str) -> dict[str, Any]:
    """The values of the fields a wrong method changes (``fautes.SIGNATURES``; the others may be
    missing). A wrong way of acquiring days or of counting a request's days changes one value
    per employee, read straight off what the params keep (as ``Calcul`` does): no pass over the
    exercise for them, the most often looked for."""
    if faute in FAUTES_D_ACQUISITION:
        return {
            _CHAMPS[i]["acquis"]: par_methode[faute]
            for i, par_methode in enumerate(acquis_de_chacun(c))
        }
    if faute in FAUTES_DE_DECOMPTE:
        return {_CHAMPS[i]["pris"]: pris for i, pris in enumerate(pris_de_chacun(c, faute))}
    return calcule(c, None, faute, f.SIGNATURES[faute]).out


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference answer, contract JSON."""
    c = lire_params(params)
    return document(c, calcule(c).out)


def document(c: Conges, valeurs: Mapping[str, Any]) -> dict[str, Any]:
    """Field values as the answer JSON (nested, canonical strings), one row per employee."""
    from agora.exercise.kinds.conges_payes.answer import ANSWER_SCHEMA

    lignes: list[dict[str, str]] = [{} for _ in c.salaries]
    racine: dict[str, Any] = {"salaries": lignes, "indemnite": {}}
    for path, valeur in valeurs.items():
        texte = ANSWER_SCHEMA.type_of(path).canonical(valeur)
        parts = path.split(".")
        if parts[0] == "salaries":
            lignes[int(parts[1])][parts[2]] = texte
        else:
            racine["indemnite"][parts[1]] = texte
    return racine
