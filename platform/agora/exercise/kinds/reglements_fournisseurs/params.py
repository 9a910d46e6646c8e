"""The params of a ``reglements_fournisseurs`` variant: read and checked, one French line when
unusable.

The organisation (its bank account, whether it recovers VAT), the payment day and the end of
its week, the overdraft rate, and the open supplier invoices of the schedule: each with the
supplier's bank details from the supplier file and those printed on the invoice, an escompte
offer (one invoice at most), a credit note to deduct or a part already paid (level 3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from agora.errors import InvalidInput
from agora.exercise import params as kit
from agora.exercise.kinds.reglements_fournisseurs.rib import motifs_refus
from agora.money import ZERO, cents

NAME = "reglements_fournisseurs"
MAX_FACTURES = 10
# How a value is written (an IBAN, a BIC, a supplier code, a SEPA message id), and an example
# the refusal gives.
FORMES = {
    "iban": (r"[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}", "FR7630004000031234567890143"),
    "bic": (r"[A-Z0-9]{8}([A-Z0-9]{3})?", "BNPAFRPPXXX"),
    "code": (r"[A-Z0-9]{1,12}", "F001"),
    "reference": (r"[A-Za-z0-9/\-?:().,'+ ]{1,35}", "VIR20260309-417"),
}
_MOTIFS = {forme: re.compile(motif, re.ASCII) for forme, (motif, _) in FORMES.items()}
# The contract's writing of a rate from 0 to 100 (« 20 », « 5.5 »): what lire_taux accepts, read
# at once (as an amount so written, kit.MONTANT_ECRIT, is).
_TAUX = re.compile(r"\d{1,2}(?:\.\d{1,6})?|100", re.ASCII)
RIEN_PAYE = Decimal("0.00")  # the part already paid of an invoice that names none


# The typed params are plain dataclasses, not frozen ones: a frozen dataclass's __init__ sets
# each field through object.__setattr__, five times slower, and the params are read again at
# every grade. Nothing changes them once read.
@dataclass
class Escompte:
    taux: Decimal  # percent of the HT amount
    jours: int  # paid within this many days of the invoice date


@dataclass
class Avoir:
    numero: str
    ht: Decimal
    tva: Decimal

    @property
    def ttc(self) -> Decimal:
        return self.ht + self.tva


@dataclass
class FactureFournisseur:
    numero: str
    code: str  # the supplier's code in the supplier file (F001…)
    fournisseur: str
    iban_fichier: str
    bic_fichier: str
    iban: str  # as printed on the invoice
    bic: str
    jour: date
    echeance: date
    ht: Decimal
    taux_tva: Decimal
    tva: Decimal
    escompte: Escompte | None
    avoir: Avoir | None
    deja_paye: Decimal
    reste: Decimal  # what it still asks: TTC − credit note TTC − part already paid
    # Every reason to refuse the bank details on the invoice (empty: the transfer may go),
    # found once as the invoice is read: each run of the exercise asks. (Not a cached_property:
    # its first reading, at every grade, cost five times the check itself.)
    motifs_refus: tuple[str, ...]

    @property
    def ttc(self) -> Decimal:
        return self.ht + self.tva


@dataclass
class Reglements:
    """Typed, validated params."""

    niveau: int
    organisation: str
    iban: str
    bic: str
    assujettie: bool
    date_paiement: date
    fin_semaine: date
    taux_decouvert: Decimal
    reference: str
    factures: tuple[FactureFournisseur, ...]
    rang_escompte: int | None  # the index of the invoice that offers an escompte, if any


def _refus(message: str) -> InvalidInput:
    return InvalidInput(f"Paramètres : {message}")


def _texte(raw: Any, ou: str, longueur: int = 70) -> str:
    texte = raw.strip() if isinstance(raw, str) else ""  # stripped once
    if not texte or len(raw) > longueur:
        raise _refus(f"{ou} doit être un texte de 1 à {longueur} caractères.")
    return texte


def _forme(raw: Any, forme: str, ou: str) -> str:
    if not isinstance(raw, str) or not _MOTIFS[forme].fullmatch(raw):
        raise _refus(f"{ou} doit s'écrire comme {FORMES[forme][1]}.")
    return raw


def _montant(raw: Any, ou: str) -> Decimal:
    """``lire_montant``, the contract's writing read at once (each grade reads the params)."""
    if type(raw) is str and kit.MONTANT_ECRIT.fullmatch(raw):
        return Decimal(raw)
    return kit.lire_montant(raw, ou)


def _taux(raw: Any, ou: str) -> Decimal:
    """``lire_taux``, the contract's writing read at once."""
    if type(raw) is str and _TAUX.fullmatch(raw):
        return Decimal(raw)
    return kit.lire_taux(raw, ou)


def _positif(raw: Any, ou: str) -> Decimal:
    value = _montant(raw, ou)
    if not value:
        raise _refus(f"{ou} doit être un montant positif au centime.")
    return value


def _escompte(raw: Any) -> Escompte | None:
    if raw is None:
        return None
    e = kit.lire_objet(raw, "l'escompte de la {facture}")
    taux = _taux(e.get("taux"), "le taux d'escompte de la {facture}")
    if not ZERO < taux <= 10:
        raise _refus("le taux d'escompte de la {facture} doit être compris entre 0 (exclu) et 10.")
    jours = kit.lire_entier(e.get("jours"), "le délai d'escompte de la {facture}", 60)
    return Escompte(taux, jours)


def _avoir(raw: Any, taux_tva: Decimal, ht_facture: Decimal) -> Avoir | None:
    if raw is None:
        return None
    a = kit.lire_objet(raw, "l'avoir de la {facture}")
    ht = _positif(a.get("montant_ht"), "le montant HT de l'avoir de la {facture}")
    if ht >= ht_facture:
        raise _refus("l'avoir de la {facture} doit être inférieur à la facture.")
    numero = _texte(a.get("numero"), "le numéro de l'avoir de la {facture}", 35)
    return Avoir(numero, ht, cents(ht * taux_tva / kit.HUNDRED))


# An invoice's refusals name it (« la facture 3 »). Its readers write them with this mark in
# its place, filled in by ``_facture`` when one is raised: the params are read at every grade,
# their invoices are almost never refused, and no place is spelled out for nothing.
FACTURE = "{facture}"


def _facture(raw: Any, rang: int) -> FactureFournisseur:
    """The invoice of rank ``rang`` (from 1), a refusal naming it."""
    try:
        return _facture_lue(raw)
    except InvalidInput as refus:
        # The mark is the refusal's place, which comes before any value it quotes: the first.
        raise InvalidInput(str(refus).replace(FACTURE, f"facture {rang}", 1)) from None


def _facture_lue(raw: Any) -> FactureFournisseur:
    f = kit.lire_objet(raw, "la {facture}")
    four = kit.lire_objet(f.get("fournisseur"), "le fournisseur de la {facture}")
    jour = kit.lire_jour(f.get("date"), "la date de la {facture}")
    echeance = kit.lire_jour(f.get("echeance"), "l'échéance de la {facture}")
    if echeance < jour:
        raise _refus("l'échéance de la {facture} précède sa date.")
    ht = _positif(f.get("montant_ht"), "le montant HT de la {facture}")
    taux = _taux(f.get("taux_tva"), "le taux de TVA de la {facture}")
    tva = cents(ht * taux / kit.HUNDRED)
    avoir = _avoir(f.get("avoir"), taux, ht)
    deja = (
        _montant(f["deja_paye"], "le montant déjà payé de la {facture}")
        if "deja_paye" in f
        else RIEN_PAYE  # most invoices: "0.00" as the contract reads it, without reading it
    )
    reste = ht + tva - (avoir.ttc if avoir else ZERO) - deja
    if reste <= 0:
        raise _refus("la {facture} doit laisser un reste à payer positif.")
    escompte = _escompte(f.get("escompte"))
    if escompte and (avoir or deja):
        raise _refus("la {facture} ne peut avoir à la fois un escompte et un avoir ou un acompte.")
    identite = _identite(f, four)
    refus = motifs_refus(*identite[3:])  # the file's IBAN and BIC, then the invoice's
    return FactureFournisseur(
        *identite, jour, echeance, ht, taux, tva, escompte, avoir, deja, reste, refus
    )


def _identite(f: dict[str, Any], four: dict[str, Any]) -> tuple[str, ...]:
    """The invoice's number, its supplier's code and name, the IBAN and BIC of the supplier
    file, those printed on the invoice: most often the file's own, already checked."""
    numero = _texte(f.get("numero"), "le numéro de la {facture}", 35)
    code = _forme(four.get("code"), "code", "le code du fournisseur de la {facture}")
    nom = _texte(four.get("nom"), "le nom du fournisseur de la {facture}")
    iban_fichier = _forme(four.get("iban"), "iban", "l'IBAN du fichier pour la {facture}")
    bic_fichier = _forme(four.get("bic"), "bic", "le BIC du fichier pour la {facture}")
    iban, bic = f.get("iban"), f.get("bic")
    if iban != iban_fichier:
        iban = _forme(iban, "iban", "l'IBAN imprimé sur la {facture}")
    if bic != bic_fichier:
        bic = _forme(bic, "bic", "le BIC imprimé sur la {facture}")
    return numero, code, nom, iban_fichier, bic_fichier, iban, bic


def lire_params(params: Any) -> Reglements:
    """Validate the contract params; InvalidInput with one French line when they are unusable."""
    p = kit.lire_objet(params, "l'ensemble")
    org = kit.lire_objet(p.get("organisation"), "« organisation »")
    niveau = kit.lire_entier(p.get("niveau", 2), "niveau", 3)
    paiement = kit.lire_jour(p.get("date_paiement"), "date_paiement")
    fin = kit.lire_jour(p.get("fin_semaine"), "fin_semaine")
    if not 0 <= (fin - paiement).days <= 6:
        raise _refus("fin_semaine doit tomber dans les 6 jours qui suivent date_paiement.")
    taux = kit.lire_taux(p.get("taux_decouvert"), "taux_decouvert")
    if not ZERO < taux <= 30:
        raise _refus("taux_decouvert doit être compris entre 0 (exclu) et 30.")
    brutes = kit.lire_liste(p.get("factures"), "factures", MAX_FACTURES, 1)
    factures = tuple(_facture(raw, i + 1) for i, raw in enumerate(brutes))
    if len({f.numero for f in factures}) < len(factures):
        raise _refus("deux factures ont le même numéro.")
    escomptes = [i for i, f in enumerate(factures) if f.escompte]  # their ranks
    if len(escomptes) > 1:
        raise _refus("une seule facture peut proposer un escompte.")
    if any(f.jour > paiement for f in factures):
        raise _refus("une facture est postérieure à date_paiement.")
    if niveau < 1:
        raise _refus("niveau doit valoir 1, 2 ou 3.")
    return Reglements(
        niveau,
        _texte(org.get("nom"), "le nom de l'organisation", 120),
        _forme(org.get("iban"), "iban", "l'IBAN de l'organisation"),
        _forme(org.get("bic"), "bic", "le BIC de l'organisation"),
        kit.lire_booleen(org.get("assujettie_tva"), "assujettie_tva"),
        paiement,
        fin,
        taux,
        _forme(p.get("reference_remise"), "reference", "reference_remise"),
        factures,
        escomptes[0] if escomptes else None,
    )


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
