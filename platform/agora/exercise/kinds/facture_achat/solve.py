"""The check of a supplier invoice (discrepancies, amounts owed, decision) and its entry in the
purchases journal, run right or with one typical mistake.

``calcule`` gives every amount of the corrected invoice by its answer path; the grader runs it
right (the reference), from the student's own earlier values (an error carried forward earns
its credit), and with a known wrong method (``faute``) to name the misconception.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any

from agora.exercise.fields import TAUX
from agora.exercise.journal import LigneEcriture
from agora.exercise.kinds.facture_achat import methodes as m
from agora.exercise.kinds.facture_achat.params import HUNDRED, Achat, Ligne, lire_params
from agora.money import CENT, ZERO, fmt

JOURNAL = "HA"
ECARTS = ("aucun", "quantite", "prix", "remise", "taux_tva", "calcul", "reference")
DECISIONS = ("accepter", "demander_avoir", "refuser")
# The discrepancies that send the invoice back: it must be replaced, not corrected by an avoir.
REFUS = frozenset({"reference", "taux_tva"})

Arrondi = Callable[[Decimal], Decimal]


# The rounding mode given without its keyword: quantize then parses its arguments in half the
# time (some 20 roundings a calculation, three calculations a grade).
def arrondi(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP)


def _tronque(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_DOWN)


def net_ligne(quantite: Decimal, prix: Decimal, remise: Decimal, rnd: Arrondi = arrondi) -> Decimal:
    """A line's net HT: gross = quantity × price, then minus the remise, each to the cent."""
    brut = rnd(quantite * prix)
    return brut - rnd(brut * remise / HUNDRED)


def ecart(ligne: Ligne) -> str:
    """The discrepancy of an invoice line, the first one found in reading order."""
    c, f = ligne.commande, ligne.facture
    if c is None:
        return "reference"
    for nom, juste, facture in (
        ("quantite", ligne.livree, f.quantite),
        ("prix", c.prix, f.prix),
        ("remise", c.remise, f.remise),
        ("taux_tva", c.taux, f.taux),
    ):
        if juste != facture:
            return nom
    if ligne.montant_facture != net_ligne(f.quantite, f.prix, f.remise):
        return "calcul"
    return "aucun"


def decision(ecarts: list[str]) -> str:
    """Accept an invoice without discrepancy, send back one that must be replaced, else ask
    for a credit note."""
    if any(e in REFUS for e in ecarts):
        return "refuser"
    return "demander_avoir" if any(e != "aucun" for e in ecarts) else "accepter"


def taux_corriges(a: Achat) -> list[Decimal]:
    """The VAT rates of the corrected invoice (the order's), in order of first appearance."""
    return list(dict.fromkeys(x.commande.taux for x in a.lignes if x.commande))


def _corrige(ligne: Ligne, rnd: Arrondi, faute: str | None) -> Decimal:
    """What the line should have cost: delivered quantity, ordered price and remise."""
    c = ligne.commande
    if c is None:
        return ZERO
    if faute == m.MONTANT_FACTURE_RECOPIE and ecart(ligne) not in ("aucun", "taux_tva"):
        return ligne.montant_facture
    quantite = c.quantite if faute == m.QUANTITE_COMMANDEE else ligne.livree
    remise = ZERO if faute == m.REMISE_OUBLIEE else c.remise
    return net_ligne(quantite, c.prix, remise, rnd)


def calcule(a: Achat, own: Mapping[str, Any] | None = None, faute: str | None = None) -> dict:
    """Every amount of the corrected invoice by its answer path (``lignes.0.montant_corrige``,
    ``tva.0.montant``…). ``own`` holds values a student gave: each later step starts from them."""
    return calcule_avec(a, net_en_litige(a, decision([ecart(x) for x in a.lignes])), own, faute)


def net_en_litige(a: Achat, decision_juste: str) -> Decimal | None:
    """The net to pay as the supplier printed it when the invoice calls for an avoir (what the
    credit note is worked out from); None when it calls for none."""
    if decision_juste != "demander_avoir":
        return None
    return facture_imprimee(a)["net_a_payer"]


def calcule_avec(
    a: Achat,
    litige: Decimal | None,
    own: Mapping[str, Any] | None = None,
    faute: str | None = None,
) -> dict:
    """``calcule`` given the invoice's ``net_en_litige``, which depends on the params alone: the
    grader works it out once and runs the calculation several times."""
    own = own or {}
    out: dict[str, Decimal] = {}

    def put(path: str, value: Decimal) -> Decimal:
        out[path] = value
        return own.get(path, value)

    rnd = _tronque if faute == m.ARRONDI_TRONQUE else arrondi
    montants = [
        (put(f"lignes.{i}.montant_corrige", _corrige(x, rnd, faute)), x)
        for i, x in enumerate(a.lignes)
    ]
    nets = [(montant, x.commande.taux) for montant, x in montants if x.commande]
    faux = {x.commande.taux: x.facture.taux for x in a.lignes if x.commande}
    taux = {t: faux[t] if faute == m.TVA_TAUX_FACTURE else t for t in taux_corriges(a)}
    pied(a, nets, taux, put, rnd, faute)
    put("montant_avoir", _avoir(litige, own.get("net_a_payer", out["net_a_payer"])))
    return out


def _avoir(litige: Decimal | None, net_a_payer: Decimal) -> Decimal:
    """The credit note to ask for: what was invoiced too much, TTC (0 unless an avoir is the
    decision: an accepted invoice owes nothing back, a refused one is replaced)."""
    if litige is None:
        return ZERO
    return litige - net_a_payer


def pied(
    a: Achat,
    nets: list[tuple[Decimal, Decimal]],
    taux: Mapping[Decimal, Decimal],
    put: Callable[[str, Decimal], Decimal],
    rnd: Arrondi = arrondi,
    faute: str | None = None,
) -> None:
    """The invoice's foot from its line nets (amount, rate): net commercial, escompte, total
    HT, VAT by rate (the rate applied: ``taux``), total VAT, net to pay and purchase cost."""
    nc = put("net_commercial", sum((n for n, _ in nets), ZERO))
    nf = nc
    if a.escompte_taux:
        escompte = put("escompte", rnd(nc * a.escompte_taux / HUNDRED))
        nf = put("net_financier", nc - escompte)
    port = ZERO if faute == m.PORT_OUBLIE else a.port
    total_ht = put("total_ht", (nc if faute == m.ESCOMPTE_NON_DEDUIT else nf) + port)
    total_tva = ZERO
    for g, t in enumerate(taux):
        base = total_ht if len(taux) == 1 else sum((n for n, r in nets if r == t), ZERO)
        base = put(f"tva.{g}.base", base)
        total_tva += put(f"tva.{g}.montant", rnd(base * taux[t] / HUNDRED))
    total_tva = put("total_tva", total_tva)
    paie_tva = not a.intracommunautaire or faute == m.AUTOLIQUIDATION_PAYEE
    put("net_a_payer", total_ht + (total_tva if paie_tva else ZERO))
    frais = ZERO if faute == m.COUT_SANS_FRAIS else a.port
    put("cout_achat", nf + frais + (ZERO if a.tva_recuperable else total_tva))


def facture_imprimee(a: Achat) -> dict[str, Decimal]:
    """The invoice's foot as the supplier printed it (its lines and rates, right arithmetic)."""
    out: dict[str, Decimal] = {}

    def put(path: str, value: Decimal) -> Decimal:
        out[path] = value
        return value

    nets = [(x.montant_facture, x.facture.taux) for x in a.lignes]
    taux = list(dict.fromkeys(x.facture.taux for x in a.lignes))
    pied(a, nets, {t: t for t in taux}, put)
    return out


def _charges(a: Achat, imprime: Mapping[str, Decimal]) -> list[LigneEcriture]:
    """The debit rows of what was bought, one per account, at the printed net commercial."""
    par_compte: dict[str, LigneEcriture] = {}
    for x in a.lignes:
        avant = par_compte.get(x.compte)
        montant = x.montant_facture + (avant.debit if avant else ZERO)
        par_compte[x.compte] = LigneEcriture(x.compte, debit=montant, acceptes=x.acceptes)
    rows = list(par_compte.values())
    if a.port and a.immobilisation:  # transport and installation add to the asset's cost
        rows[0] = replace(rows[0], debit=rows[0].debit + a.port)
    elif a.port:
        rows.append(LigneEcriture("6241", debit=a.port, acceptes=_comptes_port(rows[0].compte)))
    if not a.tva_recuperable:  # the VAT a body outside VAT pays is part of its cost
        rows[0] = replace(rows[0], debit=rows[0].debit + imprime["total_tva"])
    return rows


def _comptes_port(compte: str) -> frozenset[str]:
    """Transport on purchases: 6241, or an incidental-costs sub-account of the purchase (6015,
    6075…) or 608, as the PCG allows."""
    acceptes = {"6241", "608"}
    if len(compte) == 3 and compte.startswith("60"):
        acceptes.add(compte + "5")
    return frozenset(acceptes)


def ecriture(a: Achat, decision_juste: str) -> list[LigneEcriture]:
    """The purchases-journal entry of the invoice as received; none when it is refused."""
    if decision_juste == "refuser":
        return []
    imprime = facture_imprimee(a)
    rows = _charges(a, imprime)
    tva = imprime["total_tva"]
    if a.intracommunautaire:
        rows.append(LigneEcriture("445662", debit=tva, acceptes=frozenset({"445662", "44566"})))
        rows.append(LigneEcriture("4452", credit=tva))
    elif a.tva_recuperable and tva:
        rows.append(LigneEcriture("44562" if a.immobilisation else "44566", debit=tva))
    if a.escompte_taux:
        rows.append(LigneEcriture("765", credit=imprime["escompte"]))
    fournisseur = "404" if a.immobilisation else "401"
    rows.append(LigneEcriture(fournisseur, credit=imprime["net_a_payer"]))
    return [replace(r, piece=a.numero_facture, journal=JOURNAL, date=a.date_facture) for r in rows]


def document(a: Achat, valeurs: Mapping[str, Decimal], ecarts: list[str], choix: str) -> dict:
    """The contract JSON of the check and its entry."""
    doc: dict[str, Any] = {
        "lignes": [
            {
                "reference": x.reference,
                "ecart": ecarts[i],
                "montant_corrige": fmt(valeurs[f"lignes.{i}.montant_corrige"]),
            }
            for i, x in enumerate(a.lignes)
        ]
    }
    for cle in ("net_commercial", "escompte", "net_financier", "total_ht"):
        if cle in valeurs:
            doc[cle] = fmt(valeurs[cle])
    doc["tva"] = [
        {
            "taux": TAUX.canonical(t),
            "base": fmt(valeurs[f"tva.{g}.base"]),
            "montant": fmt(valeurs[f"tva.{g}.montant"]),
        }
        for g, t in enumerate(taux_corriges(a))
    ]
    for cle in ("total_tva", "net_a_payer", "montant_avoir", "cout_achat"):
        doc[cle] = fmt(valeurs[cle])
    doc["decision"] = choix
    doc["ecriture"] = [_ligne_json(a, r) for r in ecriture(a, decision(ecarts))]
    return doc


def _ligne_json(a: Achat, r: LigneEcriture) -> dict[str, str]:
    return replace(r, libelle=f"Facture {a.numero_facture} {a.fournisseur}"[:80]).to_json()


def solve(params: dict[str, Any]) -> dict[str, Any]:
    """The reference solution, contract JSON."""
    a = lire_params(params)
    ecarts = [ecart(x) for x in a.lignes]
    return document(a, calcule(a), ecarts, decision(ecarts))
