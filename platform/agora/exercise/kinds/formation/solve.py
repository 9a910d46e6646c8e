"""The training plan's costs and the staff's social budgets, run right or with one typical
mistake.

``calcule``, the step-by-step calculation of agora.exercise.etapes, walks each session from its
teaching cost to its cost per trainee, then the plan's total, its variance against the budget
and (level 3) the sessions to postpone, the convocation's checklist, the training contribution
and the CSE's budgets.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from agora.exercise.grading import Etapes, document_json
from agora.exercise.kinds.formation.answer import ANSWER_SCHEMA
from agora.exercise.kinds.formation.catalogue import ELEMENTS
from agora.exercise.kinds.formation.params import (
    MAX_ELEMENTS,
    MAX_SESSIONS,
    Cse,
    Plan,
    Session,
    lire_params,
)
from agora.exercise.kinds.formation.regles import (
    load_regles,
    taux_contribution,
    taux_fonctionnement,
)
from agora.exercise.params import HUNDRED
from agora.money import ZERO, cents, cents_down

# The wrong methods calcule can run (codes of the public diagnostics).
TARIF_NON_MULTIPLIE = "TARIF_NON_MULTIPLIE"
FRAIS_NON_MULTIPLIES = "FRAIS_NON_MULTIPLIES"
SALAIRES_OUBLIES = "SALAIRES_OUBLIES"
ARRONDI_TRONQUE = "ARRONDI_TRONQUE"
COUT_MOYEN_PAR_SESSIONS = "COUT_MOYEN_PAR_SESSIONS"
ECART_SIGNE_INVERSE = "ECART_SIGNE_INVERSE"
ECART_PCT_SUR_REALISE = "ECART_PCT_SUR_REALISE"
SENS_INVERSE = "SENS_INVERSE"
REPORT_OBLIGATOIRE = "REPORT_OBLIGATOIRE"
CONVOCATION_ELEMENT_MANQUANT = "CONVOCATION_ELEMENT_MANQUANT"
CONVOCATION_ELEMENT_INUTILE = "CONVOCATION_ELEMENT_INUTILE"
CONTRIBUTION_TAUX_CONFONDU = "CONTRIBUTION_TAUX_CONFONDU"
FONCTIONNEMENT_SOUS_50 = "FONCTIONNEMENT_SOUS_50"
TAUX_FONCTIONNEMENT_CONFONDU = "TAUX_FONCTIONNEMENT_CONFONDU"
MASSE_NETTE = "MASSE_NETTE"

CENTIEME = Decimal("0.01")
Put = Callable[[str, Any], Any]


def _arrondi(valeur: Decimal, faute: str | None) -> Decimal:
    """To the cent half up; cut with ARRONDI_TRONQUE."""
    return cents_down(valeur) if faute == ARRONDI_TRONQUE else cents(valeur)


def _quotient(num: Any, den: int, faute: str | None) -> Decimal | None:
    """num ÷ den (a number of trainees or sessions) to the cent; None when the student's own
    values make it impossible."""
    try:
        return _arrondi(Decimal(num) / den, faute)
    except (ArithmeticError, TypeError):
        return None


def _somme(valeurs: list[Any]) -> Decimal | None:
    try:
        return sum(valeurs, ZERO)
    except (ArithmeticError, TypeError):
        return None


def cout_pedagogique(s: Session, faute: str | None = None) -> Decimal:
    """The training body's price: per day × days, per trainee × trainees, or the flat price."""
    if faute == TARIF_NON_MULTIPLIE or s.tarif_par == "session":
        return s.tarif
    return cents(s.tarif * (s.jours if s.tarif_par == "jour" else s.participants))


# Each row's answer fields, named once (a grade walks them for every answer, three times).
_CHAMPS = ("cout_pedagogique", "frais", "salaires", "cout_total", "cout_participant")
_NOMS = [tuple(f"sessions.{i}.{champ}" for champ in _CHAMPS) for i in range(MAX_SESSIONS)]
_DECISIONS = [f"sessions.{i}.decision" for i in range(MAX_SESSIONS)]
_FIGURES = [f"convocation.{k}.figure" for k in range(MAX_ELEMENTS)]
# What a row's total and cost per trainee start from: its parts and its total.
_ENTREES = [noms[:4] for noms in _NOMS]


def _fixes(s: Session, d: Plan) -> tuple:
    """A session's parts that start from no student value: teaching cost, expenses, salaries
    maintained (None when not asked)."""
    salaires = None
    if d.cout_horaire is not None:
        salaires = cents(s.participants * s.jours * d.heures_par_jour * d.cout_horaire)
    return cout_pedagogique(s), cents(s.frais_par_participant * s.participants), salaires


def _session(s: Session, noms: tuple, fixes: tuple, put: Put, faute: str | None) -> Any:
    """One session's costs (``noms``: its fields, ``fixes``: its right parts); returns its
    total cost (the student's if given)."""
    pedagogique, frais, salaires = fixes
    if faute == TARIF_NON_MULTIPLIE:
        pedagogique = cout_pedagogique(s, faute)
    elif faute == FRAIS_NON_MULTIPLIES:
        frais = s.frais_par_participant
    parts = [put(noms[0], pedagogique), put(noms[1], frais)]
    if salaires is not None:
        salaires = put(noms[2], salaires)
        if faute != SALAIRES_OUBLIES:
            parts.append(salaires)
    total = put(noms[3], _somme(parts))
    put(noms[4], _quotient(total, s.participants, faute))
    return total


def _ecart(d: Plan, total: Any, put: Put, faute: str | None) -> None:
    """The variance against the budget: actual − budget, its share of the budget, its sense."""
    try:
        reel = Decimal(total)
        ecart = d.budget - reel if faute == ECART_SIGNE_INVERSE else reel - d.budget
        ecart = put("ecart", ecart)
        base = reel if faute == ECART_PCT_SUR_REALISE else d.budget
        pct = (Decimal(ecart) * HUNDRED / base).quantize(CENTIEME, ROUND_HALF_UP)
    except (ArithmeticError, TypeError):
        pct = None
    put("ecart_pct", pct)
    put("ecart_sens", _sens(total, d.budget, faute))


def _sens(reel: Any, budget: Any, faute: str | None) -> str | None:
    """A cost above its budget is unfavourable (from the student's own figures)."""
    try:
        defavorable = Decimal(reel) > Decimal(budget)
    except (ArithmeticError, TypeError):
        return None
    if faute == SENS_INVERSE:
        defavorable = not defavorable
    return "defavorable" if defavorable else "favorable"


def reportees(d: Plan, couts: list[Any], faute: str | None = None) -> set[int]:
    """The sessions to postpone: the optional ones from the lowest priority up, until the plan
    fits the budget (every session, mandatory ones too, with REPORT_OBLIGATOIRE)."""
    try:
        total = sum((Decimal(c) for c in couts), Decimal(0))
    except (ArithmeticError, TypeError):
        return set()
    reportees: set[int] = set()
    for i in d.garde("ordre des reports", lambda: _ordre_des_reports(d)):
        if total <= d.budget:
            break
        if d.sessions[i].obligatoire and faute != REPORT_OBLIGATOIRE:
            continue
        reportees.add(i)
        total -= Decimal(couts[i])
    return reportees


def _ordre_des_reports(d: Plan) -> list[int]:
    """The sessions from the lowest priority up (the last listed first among equals)."""
    return sorted(range(len(d.sessions)), key=lambda i: (-d.sessions[i].priorite, -i))


# Each item's figure on a right convocation (the catalogue's), written once.
_FIGURE = {code: "oui" if requis else "non" for code, (_, requis) in ELEMENTS.items()}


def _convocation(d: Plan, put: Put, faute: str | None) -> None:
    """Whether each item goes on the convocation: the catalogue's figure; the first required
    item left out with CONVOCATION_ELEMENT_MANQUANT, every item put with ..._INUTILE."""
    if faute == CONVOCATION_ELEMENT_INUTILE:
        figures = ["oui"] * len(d.elements)
    else:
        figures = [_FIGURE[code] for code in d.elements]
        if faute == CONVOCATION_ELEMENT_MANQUANT and "oui" in figures:
            figures[figures.index("oui")] = "non"
    for k, figure in enumerate(figures):
        put(_FIGURES[k], figure)


def _base(c: Cse, faute: str | None) -> Decimal:
    return c.masse_nette if faute == MASSE_NETTE and c.masse_nette is not None else c.masse_brute


def taux_cse(effectif: int, faute: str | None = None) -> Decimal:
    """The operating budget's rate; the wrong ones of FONCTIONNEMENT_SOUS_50 and the swap."""
    taux, b = taux_fonctionnement(effectif), load_regles().budget_fonctionnement
    if faute == FONCTIONNEMENT_SOUS_50 and not taux:
        return b.taux
    if faute == TAUX_FONCTIONNEMENT_CONFONDU and taux:
        return b.taux if taux == b.taux_majore else b.taux_majore
    return taux


def _cse(c: Cse, put: Put, faute: str | None) -> None:
    if c.fonctionnement:
        taux = taux_cse(c.effectif, faute)
        put("cse.budget_fonctionnement", cents(_base(c, faute) * taux / HUNDRED))
    budget = put("cse.budget_asc", cents(_base(c, faute) * c.taux_asc / HUNDRED))
    realise = put("cse.asc_realise", _somme([a.montant for a in c.activites]))
    try:
        ecart = Decimal(realise) - Decimal(budget)
        put("cse.asc_ecart", -ecart if faute == ECART_SIGNE_INVERSE else ecart)
    except (ArithmeticError, TypeError):
        put("cse.asc_ecart", None)
    put("cse.asc_sens", _sens(realise, budget, faute))


def contribution(effectif: int, masse: Decimal, faute: str | None = None) -> Decimal:
    taux = taux_contribution(effectif)
    if faute == CONTRIBUTION_TAUX_CONFONDU:
        taux = taux_contribution(1 if effectif >= 11 else 11)
    return cents(masse * taux / HUNDRED)


def calcule(d: Plan, own: Mapping[str, Any] | None = None, faute: str | None = None) -> dict:
    """Every value of the answer by its path (``sessions.0.cout_total``…); ``own`` holds the
    student's values each later step starts from, ``faute`` runs one known wrong method."""
    etapes = Etapes(own)
    put = etapes.ecrire
    _plan(d, put, faute)
    _a_part(d, put, faute)
    _cse(d.cse, put, faute)
    return etapes.out


Acquis = Callable[[int, Session], Any]


def _plan(d: Plan, put: Put, faute: str | None, acquis: Acquis | None = None) -> None:
    """Each session's costs, the plan's total, then what follows from them."""
    couts = _sessions(d, put, faute, acquis)
    _suite(d, couts, put("total_plan", _somme(couts)), put, faute)


def _sessions(d: Plan, put: Put, faute: str | None, acquis: Acquis | None) -> list[Any]:
    """Each session's costs; returns their totals. ``acquis(i, s)``, when given, is the total
    of a session whose steps need not be done again (None: they are)."""
    fixes = d.garde("fixes", lambda: [_fixes(session, d) for session in d.sessions])
    couts = []
    for i, s in enumerate(d.sessions):
        cout = acquis(i, s) if acquis else None
        couts.append(_session(s, _NOMS[i], fixes[i], put, faute) if cout is None else cout)
    return couts


def _suite(d: Plan, couts: list[Any], total: Any, put: Put, faute: str | None) -> None:
    """From the sessions' costs and the plan's total: the average cost per trainee, the
    variance against the budget and (level 3) the sessions to postpone."""
    if d.niveau > 1:
        diviseur = len(d.sessions) if faute == COUT_MOYEN_PAR_SESSIONS else None
        departs = diviseur or sum(s.participants for s in d.sessions)
        put("cout_moyen", _quotient(total, departs, faute))
    _ecart(d, total, put, faute)
    if d.arbitrage:
        reporte = reportees(d, couts, faute)
        for i in range(len(d.sessions)):
            put(_DECISIONS[i], "reporter" if i in reporte else "maintenir")


def _a_part(d: Plan, put: Put, faute: str | None) -> None:
    """The steps that start from no earlier value: the convocation, the contribution."""
    _convocation(d, put, faute)
    if d.contribution is not None:
        put("contribution", contribution(*d.contribution, faute))


# The steps each wrong method changes: the sessions' costs (and all that follows from them),
# only what follows from the plan's total, the steps apart, the CSE's budgets.
_CHANGE_LES_SESSIONS = frozenset(
    {TARIF_NON_MULTIPLIE, FRAIS_NON_MULTIPLIES, SALAIRES_OUBLIES, ARRONDI_TRONQUE}
)
_CHANGE_LA_SUITE = frozenset(
    {
        COUT_MOYEN_PAR_SESSIONS,
        ECART_SIGNE_INVERSE,
        ECART_PCT_SUR_REALISE,
        SENS_INVERSE,
        REPORT_OBLIGATOIRE,
    }
)
_CHANGE_A_PART = frozenset(
    {CONVOCATION_ELEMENT_MANQUANT, CONVOCATION_ELEMENT_INUTILE, CONTRIBUTION_TAUX_CONFONDU}
)
_CHANGE_LE_CSE = frozenset(
    {
        ECART_SIGNE_INVERSE,
        SENS_INVERSE,
        FONCTIONNEMENT_SOUS_50,
        TAUX_FONCTIONNEMENT_CONFONDU,
        MASSE_NETTE,
    }
)


def avec_faute(d: Plan, juste: Mapping[str, Any], faute: str) -> dict:
    """What ``calcule(d, faute=faute)`` gives, from the right values ``juste``: only the steps
    this wrong method changes are done again (a grader asks for it to name the method)."""
    monde = dict(juste)

    def put(path: str, value: Any) -> Any:
        monde[path] = value
        return value

    if faute in _CHANGE_LES_SESSIONS:
        _plan(d, put, faute, lambda i, s: None if _change(s, faute) else juste[_NOMS[i][3]])
    elif faute in _CHANGE_LA_SUITE:
        couts = [juste[_NOMS[i][3]] for i in range(len(d.sessions))]
        _suite(d, couts, juste["total_plan"], put, faute)
    if faute in _CHANGE_A_PART:
        _a_part(d, put, faute)
    if faute in _CHANGE_LE_CSE:
        _cse(d.cse, put, faute)
    return monde


def _change(s: Session, faute: str) -> bool:
    """Whether a wrong method of the sessions' costs changes this session: a flat price is the
    same multiplied or not, and so are the expenses of a single trainee or of none."""
    if faute == TARIF_NON_MULTIPLIE:
        return s.tarif_par != "session"
    if faute == FRAIS_NON_MULTIPLIES:
        return s.participants > 1 and bool(s.frais_par_participant)
    return True


def depuis_les_siens(d: Plan, own: Mapping[str, Any], juste: Mapping[str, Any]) -> dict:
    """The steps that start from earlier values, carried on from the student's own ``own`` (an
    error carried forward earns its credit) where these differ from the right ones ``juste``.
    A step started from right values gives the right value again, which grades a wrong field
    as no carried value does: such steps (a session, what follows the plan's total, the ASC's
    variance) are left out, and so are the steps that start from no earlier value."""
    etapes = Etapes(own)
    put = etapes.put

    def acquis(i: int, s: Session) -> Any:
        return None if _differe(own, juste, _ENTREES[i]) else juste[_NOMS[i][3]]

    couts = _sessions(d, put, None, acquis)
    total = put("total_plan", _somme(couts))
    totaux = [juste[noms[3]] for noms in _NOMS[: len(couts)]]
    if total != juste["total_plan"] or couts != totaux or _differe(own, juste, ("ecart",)):
        _suite(d, couts, total, put, None)
    if _differe(own, juste, _ASC):  # what the ASC's variance and its sense start from
        _cse(d.cse, put, None)
    return etapes.out


_ASC = ("cse.budget_asc", "cse.asc_realise")


def _differe(own: Mapping[str, Any], juste: Mapping[str, Any], noms: tuple[str, ...]) -> bool:
    """Whether the student gave some of these values other than the right ones."""
    return any(nom in own and own[nom] != juste[nom] for nom in noms)


def document(v: Mapping[str, Any]) -> dict[str, Any]:
    """The contract JSON of the answer from its values by path (a value None is left out)."""
    return document_json(v, ANSWER_SCHEMA.type_of)


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference solution, contract JSON."""
    d = lire_params(params)
    return document(calcule(d))
