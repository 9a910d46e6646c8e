"""The week's supplier payments of the ``reglements_fournisseurs`` contract, run right or with
one typical mistake.

``calcule`` gives every value of the answer by its path (``factures.0.decision``,
``escompte.cout``…) plus the entry's rows (``ecriture``). The grader runs it three ways: right
(the reference), from the student's own earlier values (an error carried forward earns its
credit), and with a known wrong method (a ``faute``) to name the misconception behind a value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

from agora.exercise import journal
from agora.exercise.base import unflatten
from agora.exercise.fields import QUANTITE
from agora.exercise.grading import Etapes
from agora.exercise.journal import LigneEcriture
from agora.exercise.kinds.reglements_fournisseurs.params import (
    MAX_FACTURES,
    FactureFournisseur,
    Reglements,
    lire_params,
)
from agora.exercise.params import HUNDRED
from agora.money import ZERO, cents, cents_down, fmt

# The wrong methods calcule can run (codes of the public diagnostics).
ECHUE_NON_VUE = "ECHUE_NON_VUE"
FIN_DE_SEMAINE_OUBLIEE = "FIN_DE_SEMAINE_OUBLIEE"
RIB_NON_CONTROLE = "RIB_NON_CONTROLE"
AVOIR_NON_DEDUIT = "AVOIR_NON_DEDUIT"
ACOMPTE_NON_DEDUIT = "ACOMPTE_NON_DEDUIT"
ESCOMPTE_SUR_TTC = "ESCOMPTE_SUR_TTC"
ESCOMPTE_SANS_TVA = "ESCOMPTE_SANS_TVA"
JOURS_DEPUIS_FACTURE = "JOURS_DEPUIS_FACTURE"
DECOUVERT_365 = "DECOUVERT_365"
COUT_SUR_TTC = "COUT_SUR_TTC"
GAIN_TTC = "GAIN_TTC"
ARRONDI_TRONQUE = "ARRONDI_TRONQUE"
# Named by the grader from the entry alone (no calculation to run).
ECRITURE_SENS_INVERSE = journal.SENS_INVERSE
ESCOMPTE_OBTENU_CONFONDU = "ESCOMPTE_OBTENU_CONFONDU"
TVA_COLLECTEE_CONFONDUE = "TVA_COLLECTEE_CONFONDUE"

# The answer's choice values.
ECHUE, CETTE_SEMAINE, PLUS_TARD = "echue", "cette_semaine", "plus_tard"
VALIDE, A_BLOQUER = "valide", "a_bloquer"
PAYER, ATTENDRE, BLOQUER = "payer", "attendre", "bloquer"
PRENDRE, NE_PAS_PRENDRE = "prendre", "ne_pas_prendre"

# The entry's accounts (PCG) and those accepted for them.
C_FOURNISSEUR, C_ESCOMPTE, C_TVA, C_BANQUE = "401", "765", "44566", "512"
JOURNAL = "BQ"
Arrondi = Callable[[Decimal], Decimal]
Put = Callable[[str, Any], Any]


def situation(r: Reglements, f: FactureFournisseur, faute: str | None = None) -> str:
    """Overdue (due before the payment day), due by the end of the week, or later."""
    if f.echeance < r.date_paiement:
        return CETTE_SEMAINE if faute == ECHUE_NON_VUE else ECHUE
    if f.echeance <= r.fin_semaine and faute != FIN_DE_SEMAINE_OUBLIEE:
        return CETTE_SEMAINE
    if f.echeance == r.date_paiement:
        return CETTE_SEMAINE
    return PLUS_TARD


def rib(f: FactureFournisseur, faute: str | None = None) -> str:
    """The bank details may be used, or the payment waits for the supplier's confirmation."""
    if faute == RIB_NON_CONTROLE:
        return VALIDE
    return A_BLOQUER if f.motifs_refus else VALIDE


_DEDUCTIONS_OUBLIEES = (AVOIR_NON_DEDUIT, ACOMPTE_NON_DEDUIT)


def reste_du(f: FactureFournisseur, faute: str | None = None) -> Decimal:
    """What the invoice still asks: TTC − credit note TTC − part already paid (worked out as
    the invoice is read, to check it is positive; afresh for a method that forgets a part)."""
    if faute not in _DEDUCTIONS_OUBLIEES:
        return f.reste
    avoir = f.avoir.ttc if f.avoir and faute != AVOIR_NON_DEDUIT else ZERO
    deja = ZERO if faute == ACOMPTE_NON_DEDUIT else f.deja_paye
    return f.ttc - avoir - deja


def escompte(r: Reglements, put: Put, rnd: Arrondi, faute: str | None) -> tuple[Any, ...]:
    """The escompte offered and its cost on the overdraft; returns (decision, HT, VAT)."""
    f = r.factures[r.rang_escompte or 0]
    e = f.escompte
    assert e is not None
    base = f.ttc if faute == ESCOMPTE_SUR_TTC else f.ht
    montant_ht = put("escompte.montant_ht", rnd(base * e.taux / HUNDRED))
    tva_calculee = ZERO if faute == ESCOMPTE_SANS_TVA else rnd(montant_ht * f.taux_tva / HUNDRED)
    tva = put("escompte.tva", tva_calculee)
    if faute == JOURS_DEPUIS_FACTURE:
        jours = (r.date_paiement - f.jour).days
    else:
        jours = max((f.echeance - r.date_paiement).days, 0)
    jours = put("escompte.jours", Decimal(jours))
    paye = f.ttc if faute == COUT_SUR_TTC else f.ttc - montant_ht - tva
    annee = 365 if faute == DECOUVERT_365 else 360
    cout = put("escompte.cout", rnd(paye * r.taux_decouvert / HUNDRED * jours / annee))
    gain = montant_ht if r.assujettie and faute != GAIN_TTC else montant_ht + tva
    decision = put("escompte.decision", PRENDRE if gain > cout else NE_PAS_PRENDRE)
    return decision, montant_ht, tva


# The situations paid this week: the only thing the later steps see of a situation.
PAYEES = frozenset((ECHUE, CETTE_SEMAINE))


def decision(quand: Any, coordonnees: Any, escompte_pris: bool) -> str:
    """Blocked when the bank details are refused; paid when due (or escompte taken)."""
    if coordonnees == A_BLOQUER:
        return BLOQUER
    return PAYER if quand in PAYEES or escompte_pris else ATTENDRE


# What the later steps of ``calcule`` see of a choice the student makes (by its field's
# pattern): two values they see alike (overdue or due this week: paid; waiting or blocked: not
# paid) lead to the same next steps. A field not named here is seen whole.
VU_DE_LA_SUITE: dict[str, Callable[[Any], Any]] = {
    "factures.#.situation": PAYEES.__contains__,
    "factures.#.decision": PAYER.__eq__,
}


# The answer paths of each invoice's fields, written once (calcule runs many times a grade).
CHEMINS = tuple(
    tuple(
        f"factures.{i}.{champ}" for champ in ("situation", "rib", "reste_du", "decision", "montant")
    )
    for i in range(MAX_FACTURES)
)


def calcule(
    r: Reglements,
    own: Mapping[str, Any] | None = None,
    faute: str | None = None,
    avec_ecriture: bool = True,
) -> dict:
    """Every value of the answer by its path, plus ``ecriture`` (its rows) unless
    ``avec_ecriture`` is False (a wrong method is looked for in the fields, never the entry).

    ``own`` holds values already given by a student: each later step starts from them when
    present. ``faute`` runs one known wrong method instead of the right one."""
    etapes = Etapes(own)
    put = etapes.ecrire
    rnd = cents_down if faute == ARRONDI_TRONQUE else cents
    rang = r.rang_escompte
    restes, quand, coordonnees = [], [], []
    for f, (p_situation, p_rib, p_reste, _, _) in zip(r.factures, CHEMINS, strict=False):
        # ``put`` gives what the next steps start from: the student's value, else the right one.
        quand.append(put(p_situation, situation(r, f, faute)))
        coordonnees.append(put(p_rib, rib(f, faute)))
        reste = reste_du(f, faute)
        restes.append(put(p_reste, reste) if r.niveau == 3 else reste)
    pris, esc_ht, esc_tva = NE_PAS_PRENDRE, ZERO, ZERO
    if rang is not None:
        pris, esc_ht, esc_tva = escompte(r, put, rnd, faute)
    payes: list[tuple[FactureFournisseur, Decimal, Decimal]] = []
    remise = ZERO
    for i, f in enumerate(r.factures):
        avec_escompte = i == rang and pris == PRENDRE
        choix = put(CHEMINS[i][3], decision(quand[i], coordonnees[i], avec_escompte))
        if choix != PAYER:
            continue
        du = restes[i] if isinstance(restes[i], Decimal) else reste_du(f)
        net = du - esc_ht - esc_tva if avec_escompte else du
        montant = put(CHEMINS[i][4], net)
        montant = montant if isinstance(montant, Decimal) else net
        payes.append((f, du, montant))
        remise += montant
    total = put("total", remise)
    if not avec_ecriture:
        return etapes.out
    ht = esc_ht if pris == PRENDRE and _escompte_paye(r, payes) else ZERO
    tva = esc_tva if ht else ZERO
    etapes.out["ecriture"] = ecriture(r, payes, ht, tva, total)
    return etapes.out


def _escompte_paye(r: Reglements, payes: list) -> bool:
    rang = r.rang_escompte
    return rang is not None and any(f is r.factures[rang] for f, _, _ in payes)


def ecriture(r: Reglements, payes: list, esc_ht: Any, esc_tva: Any, total: Any) -> list:
    """The entry of the week's transfers: each supplier debited of what it was owed, the
    escompte obtained (765) and its VAT taken back from the deductible VAT (44566) — for an
    organisation that does not recover VAT, the whole escompte to 765 —, the bank credited."""
    if not payes:
        return []
    lignes = [
        LigneEcriture(C_FOURNISSEUR, debit=du, piece=f.numero, libelle=f.fournisseur)
        for f, du, _ in payes
    ]
    if r.assujettie:
        lignes.append(LigneEcriture(C_ESCOMPTE, credit=esc_ht))
        lignes.append(LigneEcriture(C_TVA, credit=esc_tva))
    elif isinstance(esc_ht, Decimal) and isinstance(esc_tva, Decimal):
        lignes.append(LigneEcriture(C_ESCOMPTE, credit=esc_ht + esc_tva))
    if isinstance(total, Decimal):
        lignes.append(LigneEcriture(C_BANQUE, credit=total, piece=r.reference))
    return [ligne for ligne in lignes if ligne.debit or ligne.credit]


LIBELLES = {C_ESCOMPTE: "Escompte obtenu", C_TVA: "TVA sur escompte", C_BANQUE: "Virements SEPA"}


def document(r: Reglements, v: Mapping[str, Any]) -> dict[str, Any]:
    """The contract JSON of an answer from its values by path (nested as the form posts it):
    amounts with two decimals, the days as a whole number, the entry's rows completed."""
    ecrits: dict[str, Any] = {}
    for path, valeur in v.items():
        if path == "ecriture":
            continue
        if isinstance(valeur, Decimal):
            valeur = QUANTITE.canonical(valeur) if path == "escompte.jours" else fmt(valeur)
        ecrits[path] = valeur
    return unflatten(ecrits) | {"ecriture": [_rangee(r, row) for row in v.get("ecriture", ())]}


def _rangee(r: Reglements, ligne: LigneEcriture) -> dict[str, str]:
    libelle = ligne.libelle or LIBELLES.get(ligne.compte, "")
    piece = ligne.piece or r.reference
    complete = replace(
        ligne, date=r.date_paiement, journal=JOURNAL, piece=piece, libelle=f"{libelle}"[:80]
    )
    return complete.to_json()


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference solution, contract JSON."""
    r = lire_params(params)
    return document(r, calcule(r))
