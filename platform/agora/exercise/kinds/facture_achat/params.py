"""The params of a ``facture_achat`` variant: the order, the delivery note and the supplier's
invoice line by line, read and checked, with one French line when they are unusable."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.fields import QUANTITE, as_text
from agora.exercise.params import lire_jour, lire_liste, lire_objet
from agora.money import cents

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "facture_achat"

MAX_LIGNES = 8
MAX_TAUX = 4
# The columns of the entry a level may grade besides account and amounts (exercise/journal.py).
COLONNES = ("date", "piece")
HUNDRED = Decimal(100)
_COMPTE = re.compile(r"[26]\d{2,7}", re.ASCII)


@dataclass(frozen=True)
class Conditions:
    """A line as one document states it: quantity, unit price HT, remise (%) and VAT rate."""

    quantite: Decimal
    prix: Decimal
    remise: Decimal
    taux: Decimal


@dataclass(frozen=True)
class Ligne:
    """One invoiced line, with the order line it answers (None: never ordered) and the
    quantity the delivery note says was received."""

    reference: str
    designation: str
    compte: str  # the PCG account the purchase goes to
    acceptes: frozenset[str]  # every account accepted for it
    commande: Conditions | None
    livree: Decimal
    facture: Conditions
    montant_facture: Decimal  # the line's net HT as the supplier printed it

    @property
    def immobilisation(self) -> bool:
        return self.compte.startswith("2")


@dataclass(frozen=True)
class Achat:
    """Typed, validated params."""

    fournisseur: str
    numero_facture: str
    date_facture: date
    lignes: tuple[Ligne, ...]
    escompte_taux: Decimal
    port: Decimal
    tva_recuperable: bool  # False for a body outside VAT (an association)
    intracommunautaire: bool  # an EU supplier: invoice HT, VAT self-assessed (autoliquidation)
    colonnes_notees: tuple[str, ...] = ()  # the entry's columns graded too: "date", "piece"

    @property
    def immobilisation(self) -> bool:
        return self.lignes[0].immobilisation


def nombre(raw: Any, where: str) -> Decimal:
    """A number of the params (« 18.40 », 18 read as the text written); one French line. Read
    by the answer toolkit's number type, whose reads of a text are cached (a class generates
    and grades the same params over and over)."""
    lu = _LUS.get(raw) if type(raw) is str else None  # the type's own memo: no call
    if lu is None:
        lu = QUANTITE.read(as_text(raw))
    if lu.valeur is None:
        raise InvalidInput(f"Paramètres : {where} — {lu.erreur or 'manquant'}")
    return lu.valeur


_LUS = QUANTITE.memo  # the texts the number type has read (cleared in place, never replaced)
_ZERO = Decimal(0)
# The bounds of the numbers, built once (each params holds some 25 numbers).
_QUANTITE, _PRIX, _MONTANT, _PORT, _ESCOMPTE = (Decimal(10**k) for k in (5, 7, 9, 6, 1))


def _borne(raw: Any, where: str, haut: Decimal, au_centime: bool = False) -> Decimal:
    value = nombre(raw, where)
    if not _ZERO <= value < haut or (au_centime and value != cents(value)):
        raise InvalidInput(f"Paramètres : {where} doit être un nombre positif inférieur à {haut}.")
    return value


def _texte(raw: Any, where: str, longueur: int = 120) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise InvalidInput(f"Paramètres : {where} doit être un texte.")
    return raw[:longueur]


def _conditions(raw: Any, where: str) -> Conditions:
    row = lire_objet(raw, where)
    return Conditions(
        quantite=_borne(row.get("quantite"), f"la quantité de {where}", _QUANTITE),
        prix=_borne(row.get("prix_unitaire_ht"), f"le prix de {where}", _PRIX, True),
        remise=_borne(row.get("remise", "0"), f"la remise de {where}", HUNDRED),
        taux=_borne(row.get("taux_tva"), f"le taux de TVA de {where}", HUNDRED),
    )


def _compte(raw: Any, where: str) -> str:
    if not isinstance(raw, str) or not _COMPTE.fullmatch(raw):
        raise InvalidInput(f"Paramètres : {where} doit être un compte de classe 2 ou 6 (607).")
    return raw


def _ligne(raw: Any, i: int) -> Ligne:
    where = f"la ligne {i}"
    row = lire_objet(raw, where)
    compte = _compte(row.get("compte"), f"le compte de {where}")
    acceptes = row.get("comptes_acceptes", [compte])
    if not isinstance(acceptes, list) or not acceptes or len(acceptes) > 6:
        raise InvalidInput(f"Paramètres : les comptes acceptés de {where} doivent être une liste.")
    commande = row.get("commande")
    facture = lire_objet(row.get("facture"), f"la facture de {where}")
    return Ligne(
        reference=_texte(row.get("reference"), f"la référence de {where}", 30),
        designation=_texte(row.get("designation"), f"la désignation de {where}"),
        compte=compte,
        acceptes=frozenset(_compte(a, f"un compte accepté de {where}") for a in acceptes),
        commande=None if commande is None else _conditions(commande, f"la commande de {where}"),
        livree=_borne(row.get("quantite_livree"), f"la quantité livrée de {where}", _QUANTITE),
        facture=_conditions(facture, f"la facture de {where}"),
        montant_facture=_borne(
            facture.get("montant_ht"), f"le montant facturé de {where}", _MONTANT, True
        ),
    )


def _lignes(raw: Any) -> tuple[Ligne, ...]:
    brutes = lire_liste(raw, "lignes", MAX_LIGNES, minimum=1)
    lignes = tuple(_ligne(row, i) for i, row in enumerate(brutes, 1))
    if len({ligne.immobilisation for ligne in lignes}) > 1:
        raise InvalidInput(
            "Paramètres : une facture d'immobilisation ne porte que des immobilisations."
        )
    if not any(ligne.commande for ligne in lignes):
        raise InvalidInput("Paramètres : au moins une ligne de la facture a été commandée.")
    return lignes


def _drapeau(raw: Any, where: str) -> bool:
    if not isinstance(raw, bool):
        raise InvalidInput(f"Paramètres : « {where} » vaut true ou false.")
    return raw


def _colonnes(raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or any(c not in COLONNES for c in raw):
        raise InvalidInput("Paramètres : « colonnes_notees » est une liste de date et piece.")
    return tuple(c for c in COLONNES if c in raw)


def lire_params(params: Any) -> Achat:
    """Validate the contract params; InvalidInput with one French line when they are unusable."""
    p = lire_objet(params, "l'ensemble")
    facture = lire_objet(p.get("facture"), "« facture »")
    fournisseur = lire_objet(p.get("fournisseur"), "« fournisseur »")
    achat = Achat(
        fournisseur=_texte(fournisseur.get("nom"), "le nom du fournisseur"),
        numero_facture=_texte(facture.get("numero"), "le numéro de la facture", 30),
        date_facture=lire_jour(facture.get("date"), "la date de la facture"),
        lignes=_lignes(p.get("lignes")),
        escompte_taux=_borne(facture.get("escompte_taux", "0"), "l'escompte", _ESCOMPTE),
        port=_borne(facture.get("port_ht", "0"), "le port", _PORT, True),
        tva_recuperable=_drapeau(p.get("tva_recuperable", True), "tva_recuperable"),
        intracommunautaire=_drapeau(p.get("intracommunautaire", False), "intracommunautaire"),
        colonnes_notees=_colonnes(p.get("colonnes_notees", [])),
    )
    _coherence(achat)
    return achat


def _coherence(a: Achat) -> None:
    """What the calculation needs: one VAT rate when there is port or escompte, the VAT
    recoverable on an EU purchase."""
    taux = {ligne.commande.taux for ligne in a.lignes if ligne.commande}
    if len(taux) > MAX_TAUX:
        raise InvalidInput(f"Paramètres : au plus {MAX_TAUX} taux de TVA sur une facture.")
    if (a.port or a.escompte_taux) and len(taux) > 1:
        raise InvalidInput(
            "Paramètres : port et escompte seulement sur une facture à un seul taux."
        )
    if a.intracommunautaire and not a.tva_recuperable:
        raise InvalidInput("Paramètres : un achat dans l'UE suppose la TVA récupérable.")
    if not a.tva_recuperable and (len({ligne.compte for ligne in a.lignes}) > 1 or a.port):
        raise InvalidInput("Paramètres : sans TVA récupérable, un seul compte et pas de port.")


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
