"""The travel budget and the expense report of the ``frais_deplacement`` contract, run right or
with one typical mistake.

``calcule`` gives every value of the answer by its path (``vehicules.0.ik``…) plus the entry's
rows. The grader runs it three ways: right (the reference), from the student's own earlier
values (an error carried forward earns its credit), and with a known wrong method (a
``faute``) to name the misconception behind a wrong value.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from typing import Any

from agora.exercise import journal
from agora.exercise.base import unflatten
from agora.exercise.fields import QUANTITE
from agora.exercise.grading import Etapes
from agora.exercise.journal import LigneEcriture
from agora.exercise.kinds.frais_deplacement.params import (
    CENT_POUR_CENT,
    Justificatif,
    Note,
    Vehicule,
    lire_params,
)
from agora.exercise.kinds.frais_deplacement.regles import puissance, tranche, tva_exclue
from agora.money import ZERO, cents, cents_down, fmt

# The wrong methods calcule can run (codes of the public diagnostics).
ARRONDI_TRONQUE = "ARRONDI_TRONQUE"
IK_SANS_CUMUL = "IK_SANS_CUMUL"
IK_FORFAIT_SUR_LE_TRAJET = "IK_FORFAIT_SUR_LE_TRAJET"
IK_DEJA_REMBOURSE_OUBLIE = "IK_DEJA_REMBOURSE_OUBLIE"
NUITS_COMPTEES_EN_JOURS = "NUITS_COMPTEES_EN_JOURS"
PLAFOND_IGNORE = "PLAFOND_IGNORE"
JUSTIFICATIF_ABSENT_ACCEPTE = "JUSTIFICATIF_ABSENT_ACCEPTE"
DEPENSE_PERSONNELLE_ACCEPTEE = "DEPENSE_PERSONNELLE_ACCEPTEE"
HORS_MISSION_ACCEPTE = "HORS_MISSION_ACCEPTE"
CARBURANT_EN_PLUS_DES_IK = "CARBURANT_EN_PLUS_DES_IK"
TVA_NON_DEDUCTIBLE_DEDUITE = "TVA_NON_DEDUCTIBLE_DEDUITE"
AVANCE_OUBLIEE = "AVANCE_OUBLIEE"
ECART_INVERSE = "ECART_INVERSE"
# Named by the grader from the entry alone (no calculation to run).
ECRITURE_SENS_INVERSE = journal.SENS_INVERSE

# Decisions on a receipt (the answer's choice values).
REMBOURSE, PLAFONNE, REFUSE = "rembourse", "plafonne", "refuse"
# Why a receipt is refused, and the diagnostic of a student who pays it anyway.
MOTIFS = {
    "sans_justificatif": JUSTIFICATIF_ABSENT_ACCEPTE,
    "hors_dates": HORS_MISSION_ACCEPTE,
    "personnel": DEPENSE_PERSONNELLE_ACCEPTEE,
    "carburant": CARBURANT_EN_PLUS_DES_IK,
}

# The entry's accounts (PCG) and those accepted for them: the convention of the contract page.
C_DEPLACEMENTS, C_MISSIONS, C_TVA, C_AVANCE, C_DU = "6251", "6256", "44566", "425", "421"
ACCEPTES = {C_DU: frozenset({"421", "467"}), C_TVA: frozenset({"44566", "445660"})}
JOURNAL = "OD"
Arrondi = Callable[[Decimal], Decimal]


def bareme(cv: int, km: int | Decimal, rnd: Arrondi = cents) -> Decimal:
    """The barème amount of a yearly distance with a car of this power: d × a + b, to the cent."""
    t = puissance(cv).tranches[tranche(km)]
    return rnd(km * t.a + t.b)


def motif_refus(n: Note, j: Justificatif) -> str | None:
    """Why the organisation refuses this receipt, None when it pays it."""
    if not j.fourni:
        return "sans_justificatif"
    if not n.pendant_la_mission(j.jour):
        return "hors_dates"
    if j.personnel:
        return "personnel"
    if j.nature == "carburant":
        return "carburant"  # the barème kilométrique already pays the fuel
    return None


def plafond(n: Note, j: Justificatif) -> Decimal | None:
    if j.nature == "repas":
        return n.plafond_repas
    return n.plafond_nuit if j.nature == "hotel" else None


def decision(n: Note, j: Justificatif, faute: str | None = None) -> str:
    """Refused, capped at the ceiling, or paid in full (``faute``: one wrong rule)."""
    motif = motif_refus(n, j)
    if motif and MOTIFS[motif] != faute:
        return REFUSE
    haut = plafond(n, j)
    if haut is not None and j.ttc > haut and faute != PLAFOND_IGNORE:
        return PLAFONNE
    return REMBOURSE


def retenu(n: Note, j: Justificatif, choix: Any) -> Decimal:
    """What the organisation pays for the receipt after the decision ``choix``."""
    if choix == REFUSE:
        return ZERO
    if choix == PLAFONNE:
        haut = plafond(n, j)
        if haut is not None and haut < j.ttc:
            return haut
    return j.ttc


def tva_deductible(n: Note, j: Justificatif, paye: Decimal, rnd: Arrondi, faute: str | None):
    """The VAT the organisation deducts on what it pays: none on lodging (CGI ann. II art. 206
    IV-2) nor on foreign VAT, and only the part of the ceiling when it caps the receipt."""
    if not n.tva_recuperable or not paye:
        return ZERO
    exclue = tva_exclue(j.nature) or j.etranger
    if exclue and faute != TVA_NON_DEDUCTIBLE_DEDUITE:
        return ZERO
    if paye == j.ttc:
        return j.tva
    return rnd(paye * j.taux_tva / (CENT_POUR_CENT + j.taux_tva))


def ik_trajet(v: Vehicule, annuelle: Decimal, rnd: Arrondi, faute: str | None) -> Decimal:
    """The allowance of this report: this year's barème amount less what was already paid."""
    if faute == IK_FORFAIT_SUR_LE_TRAJET:
        t = puissance(v.cv).tranches[tranche(v.km_anterieurs + v.km)]
        return rnd(v.km * t.a + t.b)
    if faute == IK_DEJA_REMBOURSE_OUBLIE:
        return annuelle
    return annuelle - bareme(v.cv, v.km_anterieurs, rnd)


def _budget(n: Note, put: Callable[[str, Any], Any], rnd: Arrondi, faute: str | None):
    """The travel order's budget (3.2.2): planned km, nights and meals at the ceilings;
    returns its total."""
    v = n.vehicules[0]
    if faute == IK_SANS_CUMUL:
        transport = bareme(v.cv, n.ordre.km_prevus, rnd)
    else:
        avant = v.km_anterieurs
        transport = bareme(v.cv, avant + n.ordre.km_prevus, rnd) - bareme(v.cv, avant, rnd)
    nuits = n.ordre.nuits + (1 if faute == NUITS_COMPTEES_EN_JOURS else 0)
    postes = [transport, nuits * n.plafond_nuit, n.ordre.repas * n.plafond_repas]
    return _total_du_budget(put, postes)


# The lines of the budget, in the order of ``_budget``'s values.
POSTES_DU_BUDGET = ("budget.transport", "budget.hebergement", "budget.repas")


def _total_du_budget(put: Callable[[str, Any], Any], postes: list[Decimal]) -> Decimal:
    """The budget's lines (``POSTES_DU_BUDGET``), then their total (from the student's own
    lines when given)."""
    return put("budget.total", sum(map(put, POSTES_DU_BUDGET, postes), ZERO))


def _vehicules(n: Note, put: Callable[[str, Any], Any], rnd: Arrondi, faute: str | None):
    """The mileage allowance of each car; returns their total."""
    total = ZERO
    sans_cumul = faute == IK_SANS_CUMUL
    for v, (c_distance, c_annuelle, c_ik) in zip(
        n.vehicules, _cles("vehicules", _CHAMPS_VEHICULE, len(n.vehicules)), strict=False
    ):
        km = v.km if sans_cumul else v.km_anterieurs + v.km
        if n.niveau == 1:
            annuelle = bareme(v.cv, km, rnd)
        else:
            distance = put(c_distance, Decimal(km))
            annuelle = put(c_annuelle, bareme(v.cv, distance, rnd))
        ik = annuelle if sans_cumul else ik_trajet(v, annuelle, rnd, faute)
        total += put(c_ik, ik)
    return total


def calcule(
    n: Note, own: Mapping[str, Any] | None = None, faute: str | None = None, avec_ecriture=True
) -> dict:
    """Every value of the answer by its path, plus ``ecriture`` (its rows).

    ``own`` holds values already given by a student: each later step starts from them when
    present. ``faute`` runs one known wrong method instead of the right one.
    ``avec_ecriture=False`` leaves the rows out (the grader never looks for a method there)."""
    etapes = Etapes(own)
    put = etapes.ecrire
    rnd = _arrondi(faute)
    prevu = _budget(n, put, rnd, faute)
    ik = _vehicules(n, put, rnd, faute)
    payes, tvas = [], []
    tva_demandee = n.niveau > 1 and n.tva_recuperable
    cles = _cles("justificatifs", _CHAMPS_JUSTIFICATIF, len(n.justificatifs))
    for j, (c_decision, c_retenu, c_tva) in zip(n.justificatifs, cles, strict=False):
        choix = put(c_decision, decision(n, j, faute))
        paye = put(c_retenu, retenu(n, j, choix))
        if n.tva_recuperable:
            tva = tva_deductible(n, j, paye, rnd, faute)
            if tva_demandee:
                tva = put(c_tva, tva)
        else:
            tva = ZERO  # the organisation recovers no VAT: none asked, none in the entry
        payes.append(paye)
        tvas.append(tva)
    total = put("total_frais", ik + sum(payes, ZERO))
    avance = ZERO if faute == AVANCE_OUBLIEE else n.ordre.avance
    du = put("a_rembourser", total - avance)
    if n.niveau > 1:
        put("budget.ecart", _ecart(total, prevu, faute))
    if n.niveau > 1 and avec_ecriture:
        etapes.out["ecriture"] = ecriture(n, ik, payes, tvas, avance, du)
    return etapes.out


# The fields ``_budget`` writes: they follow from the travel order alone, before the report.
CHAMPS_DU_BUDGET = frozenset(
    {"budget.transport", "budget.hebergement", "budget.repas", "budget.total"}
)


def _ecart(total: Decimal, prevu: Decimal, faute: str | None) -> Decimal:
    """The gap between what was spent and what was planned (3.2.2)."""
    return prevu - total if faute == ECART_INVERSE else total - prevu


# The budget's fields and its gap: no value of the expense report follows from them.
SANS_SUITE_DANS_LA_NOTE = CHAMPS_DU_BUDGET | {"budget.ecart"}


def reporte(n: Note, justes: dict, own: Mapping[str, Any], faux: Collection[str]) -> dict:
    """``calcule(n, own)``, given ``justes = calcule(n)`` and the paths where ``own`` differs
    from it (``faux``, which the grader knows from its verdicts): the exercise carried on from
    the student's own values, worked out again only where they differ from the right ones.

    A wrong budget (most often the nights counted as days) changes only the budget and its
    gap: the expense report and its entry are the right ones, not computed a second time."""
    if not faux:
        return justes
    if not SANS_SUITE_DANS_LA_NOTE.issuperset(faux):
        return calcule(n, own)
    etapes = Etapes(own)
    # The budget's lines follow from the travel order alone: the right ones, not computed again.
    prevu = _total_du_budget(etapes.put, [justes[p] for p in POSTES_DU_BUDGET])
    if n.niveau > 1:
        total = own.get("total_frais", justes["total_frais"])  # as calcule's put gives it
        etapes.put("budget.ecart", _ecart(total, prevu, None))
    return justes | etapes.out


def budget(n: Note, faute: str | None = None) -> dict:
    """The values of ``CHAMPS_DU_BUDGET`` as ``calcule(n, faute=faute)`` gives them, without the
    report: the grader's test of a wrong method on a budget field."""
    etapes = Etapes()
    _budget(n, etapes.put, _arrondi(faute), faute)
    return etapes.out


def _arrondi(faute: str | None) -> Arrondi:
    return cents_down if faute == ARRONDI_TRONQUE else cents


# The answer fields of each car and of each receipt, in the order calcule writes them.
_CHAMPS_VEHICULE = ("distance_annuelle", "ik_annuelle", "ik")
_CHAMPS_JUSTIFICATIF = ("decision", "retenu", "tva")


@lru_cache(maxsize=32)
def _cles(liste: str, champs: tuple[str, ...], nombre: int) -> tuple[tuple[str, ...], ...]:
    """The paths of the ``champs`` of each of ``nombre`` rows of ``liste``, written once per
    number of rows (calcule runs at least once a grade, over a dozen receipts)."""
    return tuple(tuple(f"{liste}.{i}.{champ}" for champ in champs) for i in range(nombre))


def ecriture(n: Note, ik: Decimal, payes: list, tvas: list, avance: Decimal, du: Decimal):
    """The entry of the expense report: travel costs and missions (HT when the VAT is
    recovered), deductible VAT, the advance settled, the balance owed to the employee."""
    sejour = ZERO
    trajet = ik
    for j, paye, tva in zip(n.justificatifs, payes, tvas, strict=True):
        if j.nature in ("repas", "hotel"):
            sejour += paye - tva
        else:
            trajet += paye - tva
    lignes = [
        LigneEcriture(C_DEPLACEMENTS, debit=trajet),
        LigneEcriture(C_MISSIONS, debit=sejour),
        LigneEcriture(C_TVA, debit=sum(tvas, ZERO), acceptes=ACCEPTES[C_TVA]),
        LigneEcriture(C_AVANCE, credit=avance),
        LigneEcriture(C_DU, credit=du, acceptes=ACCEPTES[C_DU]),
    ]
    return [ligne for ligne in lignes if ligne.debit or ligne.credit]


LIBELLES = {
    C_DEPLACEMENTS: "Indemnités kilométriques et frais de route",
    C_MISSIONS: "Repas et hébergement",
    C_TVA: "TVA déductible",
    C_AVANCE: "Avance sur frais réglée",
    C_DU: "Note de frais à rembourser",
}


def document(n: Note, v: Mapping[str, Any]) -> dict[str, Any]:
    """The contract JSON of an answer from its values by path (nested as the form posts it)."""
    plat = {
        path: valeur if isinstance(valeur, str) else _texte(path, valeur)
        for path, valeur in v.items()
        if path != "ecriture"
    }
    resultat = unflatten(plat)
    if "ecriture" in v:
        resultat["ecriture"] = [_rangee(n, ligne) for ligne in v["ecriture"]]
    return resultat


def _texte(path: str, valeur: Any) -> str:
    return QUANTITE.canonical(valeur) if path.endswith("distance_annuelle") else fmt(valeur)


def _rangee(n: Note, ligne: LigneEcriture) -> dict[str, str]:
    complete = replace(
        ligne, date=n.date_note, journal=JOURNAL, piece=n.piece, libelle=LIBELLES[ligne.compte]
    )
    return complete.to_json()


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference solution, contract JSON."""
    n = lire_params(params)
    return document(n, calcule(n))
