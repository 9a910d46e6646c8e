"""The statement of an ``encaissements`` variant: the customer's documents of the period in a
table, then what to record, letter and follow, in the form's order (Markdown, no HTML)."""

from __future__ import annotations

from typing import Any

from agora.calendrier import date_courte
from agora.exercise.enonce import Reprise
from agora.exercise.fields import TAUX
from agora.exercise.kinds.encaissements.params import (
    RRR,
    Avoir,
    Encaissements,
    Facture,
    Reglement,
    lire_params,
)
from agora.exercise.kinds.encaissements.regles import regles
from agora.exercise.kinds.encaissements.solve import ecritures
from agora.francais import de
from agora.money import euros

MODES = {"cheque": "chèque remis en banque", "virement": "virement reçu", "carte": "carte bancaire"}
MOTIFS = {
    "rabais": "rabais accordé",
    "remise": "remise accordée après la facture",
    "ristourne": "ristourne",
    "retour": "retour de marchandises",
    "trop_facture": "quantité facturée en trop",
}


def _facture(f: Facture, arrhes: bool = False) -> str:
    if f.ttc == f.total_ht + f.port and not f.escompte and not any(m for _, m in f.tva):
        # An organisation outside VAT: one amount, no VAT.
        morceaux = [f"**montant {euros(f.ttc)}** (pas de TVA)"]
        if f.acompte:
            morceaux.append(f"{_deja(arrhes)} {euros(f.acompte)}")
        return " ; ".join([*morceaux, f"échéance {date_courte(f.echeance)}"])
    morceaux = [f"montant HT {euros(f.net_commercial)}"]
    if f.escompte:
        morceaux.append(f"escompte {euros(f.escompte)} (net financier {euros(f.total_ht)})")
    if f.port:
        morceaux.append(f"port HT {euros(f.port)}")
    morceaux += [f"TVA {TAUX.display(t)} : {euros(m)}" for t, m in f.tva if m]
    morceaux.append(f"**TTC {euros(f.ttc)}**")
    if f.acompte:
        morceaux.append(f"{_deja(arrhes)} {euros(f.acompte)}")
    morceaux.append(f"échéance {date_courte(f.echeance)}")
    return " ; ".join(morceaux)


def _avoir(a: Avoir, niveau: int) -> str:
    morceaux = [f"{MOTIFS[a.motif]} sur la facture {a.facture}"]
    if not any(t for t, _ in a.ht):
        return " ; ".join([*morceaux, f"**montant {euros(a.ttc)}** (pas de TVA)"])
    for (t, ht), (_, tva) in zip(a.ht, a.tva, strict=True):
        morceaux.append(f"HT {euros(ht)} (TVA {TAUX.display(t)})")
        if niveau < 3 and tva:
            morceaux.append(f"TVA {euros(tva)}")
    if niveau < 3:
        morceaux.append(f"**TTC {euros(a.ttc)}**")
    return " ; ".join(morceaux)


def _deja(arrhes: bool) -> str:
    return "arrhes déjà reçues" if arrhes else "acompte déjà reçu"


def _reglement(r: Reglement, arrhes: bool = False) -> str:
    if r.acompte:
        quoi = "arrhes" if arrhes else "acompte"
        return f"{quoi} ({MODES[r.mode]}) à valoir sur la facture {r.factures[0]} ; **{euros(r.montant)}**"
    return f"{MODES[r.mode]} pour : {', '.join(r.factures)} ; **{euros(r.montant)}**"


def _ligne(d: Any, niveau: int, arrhes: frozenset[str] = frozenset()) -> str:
    """A document's row; ``arrhes``: the invoices whose deposit was paid as arrhes."""
    if isinstance(d, Facture):
        return f"| {date_courte(d.jour)} | {d.piece} | Facture | {_facture(d, d.piece in arrhes)} |"
    if isinstance(d, Avoir):
        return f"| {date_courte(d.jour)} | {d.piece} | Avoir | {_avoir(d, niveau)} |"
    verses = d.acompte and d.factures[0] in arrhes
    quoi = "Arrhes" if verses else "Acompte" if d.acompte else "Règlement"
    return f"| {date_courte(d.jour)} | {d.piece} | {quoi} | {_reglement(d, verses)} |"


def arrhes_de(params: dict[str, Any]) -> frozenset[str]:
    """The invoices whose deposit was paid as arrhes (a quote's CGV): recorded as a deposit, at
    4191 until the invoice, but called by their name."""
    return frozenset(
        d.get("facture")
        for d in params["documents"]
        if d.get("type") == "acompte" and d.get("nature") == "arrhes"
    )


def _situation(org: Any, e: Encaissements) -> list[str]:
    qui = {"usager": "les usagers", "adherent": "les adhérents et les partenaires"}.get(
        getattr(org, "relation", "client"), "les clients"
    )
    return [
        f"Vous êtes assistant ou assistante de gestion chez **{org.raison_sociale}**.",
        f"Vous suivez ce que {qui} doivent à l'organisation.",
        f"Aujourd'hui, c'est le compte {de(e.client, gras=True)} (compte {e.compte_client}).",
        "Voici ses documents de la période, dans l'ordre des dates.",
    ]


def _aide(e: Encaissements) -> list[str]:
    """Level 1: the accounts and the rules, written out."""
    r = regles()
    tva = any(m for f in e.factures for _, m in f.tva)
    comptes = [e.compte_client[:3], e.compte_produits, *(["44571"] if tva else []), "512"]
    lignes = ["", "**Aide.** Les comptes à utiliser :", ""]
    lignes += [f"- {c} : {r.libelle(c)}" for c in comptes]
    facture = (
        "débit 411 (TTC), crédit ventes (HT), crédit 44571 (TVA)"
        if tva
        else ("débit 411, crédit ventes (pas de TVA)")
    )
    return [*lignes, "", f"- Une facture : {facture}.", "- Un règlement : débit 512, crédit 411."]


def _a_faire(e: Encaissements, niveau: int, arrhes: frozenset[str] = frozenset()) -> list[str]:
    lignes = [
        "",
        "### Ce que vous devez faire",
        "",
        "1. Enregistrez chaque document : journal des ventes (VT) pour les factures et les "
        "avoirs, journal de banque (BQ) pour l'argent reçu. Une ligne par compte ; la TVA, "
        "une ligne par taux.",
    ]
    avances = [d for d in e.documents if isinstance(d, Facture) and d.acompte]
    if any(d.piece in arrhes for d in avances):
        # PCG: arrhes received are an advance on the order, like a deposit (4191), until the
        # invoice (or, if the customer gives up the sale, until they are kept as income).
        lignes.append(
            "   Les arrhes reçues avant la facture vont au compte 4191 (avances et acomptes "
            "reçus), comme un acompte. Le jour de la facture, passez une écriture à part pour "
            "les imputer (débit 4191, crédit 411)."
        )
    if any(d.piece not in arrhes for d in avances):
        lignes.append(
            "   L'acompte reçu avant la facture va au compte 4191. Le jour de la facture, "
            "passez une écriture à part pour l'imputer (débit 4191, crédit 411)."
        )
    if niveau < 3 and any(isinstance(d, Avoir) and d.motif in RRR for d in e.documents):
        lignes.append("   Un rabais accordé après la facture va au compte 709.")
    lignes += [
        f"2. Lettrez le compte {e.compte_client} : donnez la même lettre (A, B…) aux lignes "
        "dont le total des débits égale exactement le total des crédits. Une ligne qui ne "
        "s'équilibre pas reste « non lettrée ».",
        f"3. Établissez la balance âgée au **{date_courte(e.date_balance)}** : pour chaque facture, "
        "le reste dû et sa tranche.",
        "   Retard = date de la balance − date d'échéance, en jours. Tranches : non échu "
        "(0 jour ou moins), de 1 à 30 jours, de 31 à 60 jours, plus de 60 jours. "
        "Une facture payée entièrement est « soldée ».",
        "4. Faites le total de chaque tranche, puis le solde du compte client.",
    ]
    if niveau == 3:
        lignes.append(
            "   Si le client a payé plus que ce qu'il devait, notez le trop-perçu : il diminue "
            "le solde."
        )
    return lignes


def enonce(org: Any, params: dict[str, Any], niveau: int, reprise: Reprise | None = None) -> str:
    """The Markdown statement for the level; ``reprise``: the invoice the student made at an
    earlier step of the mission (its number), and that step."""
    e = lire_params(params)
    lignes = [f"## Les encaissements {de(e.client)}", "", *_situation(org, e), ""]
    if reprise is not None:
        lignes[-1:-1] = [
            f"La facture {reprise.quoi} est celle que vous avez préparée {reprise.ou} "
            "de la mission : enregistrez ses montants justes."
        ]
    lignes += ["| Date | Pièce | Document | Détail |", "|---|---|---|---|"]
    arrhes = arrhes_de(params)
    lignes += [_ligne(d, niveau, arrhes) for d in e.documents]
    if niveau == 1:
        lignes += _aide(e)
    lignes += _a_faire(e, niveau, arrhes)
    lignes.append("")
    lignes.append(f"Il y a {len(ecritures(e))} écritures à passer.")
    return "\n".join(lignes) + "\n"
