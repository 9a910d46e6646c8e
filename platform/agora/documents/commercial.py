"""A French business document (facture, devis, avoir) in one neutral shape: the parties, the
lines, the reductions and charges by VAT rate, the VAT summary, the totals and the mandatory
mentions. Exercise kinds fill it from a student's answer; templates and Factur-X read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

TITRES = {"facture": "Facture", "devis": "Devis", "avoir": "Avoir"}
# « voir la facture », « voir le devis »: the document named with its article.
NOMMES = {"facture": "la facture", "devis": "le devis", "avoir": "l'avoir"}


@dataclass(frozen=True)
class Partie:
    """The seller or the customer as the document prints them."""

    nom: str
    rue: str
    code_postal: str
    ville: str
    siren: str | None = None
    siret: str | None = None
    tva_intracom: str | None = None
    mentions: tuple[str, ...] = ()  # legal form, capital, RCS… (seller)


@dataclass(frozen=True)
class Ligne:
    reference: str
    designation: str
    quantite: Decimal
    prix_unitaire_ht: Decimal
    taux_tva: Decimal
    montant_ht: Decimal | None  # as the student computed it; None when not given


@dataclass(frozen=True)
class Ajustement:
    """A reduction (remise, rabais, ristourne, escompte) or a charge (port) on one VAT rate."""

    libelle: str
    taux_tva: Decimal
    montant: Decimal | None
    taux: Decimal | None = None  # the reduction's percentage, when it has one


@dataclass(frozen=True)
class LigneTva:
    taux: Decimal
    base: Decimal | None
    montant: Decimal | None


@dataclass(frozen=True)
class DocumentCommercial:
    type: str  # "facture", "devis" or "avoir"
    numero: str
    date: date
    vendeur: Partie
    client: Partie
    lignes: tuple[Ligne, ...]
    reductions: tuple[Ajustement, ...]
    frais: tuple[Ajustement, ...]
    tva: tuple[LigneTva, ...]
    total_ht: Decimal | None
    total_tva: Decimal | None
    total_ttc: Decimal | None
    net_a_payer: Decimal | None
    acompte: Decimal | None = None
    # What ``acompte`` was paid as: « acompte », or « arrhes » when the quote's CGV said so
    # (the invoice then keeps that word, as its statement does).
    versement: str = "acompte"
    echeance: date | None = None
    date_livraison: date | None = None
    nature: str = "biens"  # "biens", "services" or "mixte" (the 2026 e-invoicing mention)
    reference: str | None = None  # the invoice a credit note corrects
    mentions: tuple[str, ...] = field(default_factory=tuple)

    @property
    def titre(self) -> str:
        return TITRES[self.type]

    @property
    def complet(self) -> bool:
        """Every amount a structured (Factur-X) invoice needs is given."""
        montants = [self.total_ht, self.total_tva, self.total_ttc, self.net_a_payer]
        montants += [ligne.montant_ht for ligne in self.lignes]
        montants += [a.montant for a in (*self.reductions, *self.frais)]
        montants += [v for t in self.tva for v in (t.base, t.montant)]
        return all(m is not None for m in montants)


def _pourcent(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",") + "\u00a0%"


def libelle(a: Ajustement) -> str:
    """« Remise 5 % », « Frais de port »: what the document prints for an adjustment."""
    return a.libelle if a.taux is None else f"{a.libelle} {_pourcent(a.taux)}"


@dataclass(frozen=True)
class Rangee:
    libelle: str
    montant: Decimal | None
    total: bool = False


def pied(doc: DocumentCommercial) -> list[Rangee]:
    """The rows under the lines, in the order an invoice prints them."""
    plusieurs = len({ligne.taux_tva for ligne in doc.lignes}) > 1
    rangees = []
    for a in doc.reductions:
        sur = f" (articles à {_pourcent(a.taux_tva)})" if plusieurs else ""
        rangees.append(Rangee(f"{libelle(a)}{sur}", a.montant))
    rangees += [Rangee(f"{libelle(a)} HT", a.montant) for a in doc.frais]
    rangees.append(Rangee("Total HT", doc.total_ht, total=True))
    rangees += [
        Rangee(f"TVA à {_pourcent(t.taux)} sur {_base(t.base)}", t.montant) for t in doc.tva
    ]
    rangees.append(Rangee("Total TVA", doc.total_tva))
    rangees.append(Rangee("Total TTC", doc.total_ttc, total=True))
    if doc.type == "devis":  # what the customer pays at signature is in the mentions
        return rangees
    if doc.type == "avoir":
        rangees.append(Rangee("Montant de l'avoir", doc.net_a_payer, total=True))
        return rangees
    if doc.acompte:
        deja = "Arrhes versées" if doc.versement == "arrhes" else "Acompte déjà versé"
        rangees.append(Rangee(deja, doc.acompte))
    rangees.append(Rangee("Net à payer", doc.net_a_payer, total=True))
    return rangees


def _base(base: Decimal | None) -> str:
    from agora.money import euros

    return "—" if base is None else euros(base)


def _adresse(p: Partie) -> list[str]:
    lignes = [p.rue, f"{p.code_postal} {p.ville}"]
    if p.siret:
        lignes.append(f"SIRET {p.siret}")
    elif p.siren:
        lignes.append(f"SIREN {p.siren}")
    if p.tva_intracom:
        lignes.append(f"TVA {p.tva_intracom}")
    return lignes


def parties(doc: DocumentCommercial) -> list[tuple[str, str]]:
    """The seller's and the customer's blocks side by side, line by line (a PDF table cell
    holds one line of text)."""
    gauche, droite = _adresse(doc.vendeur), _adresse(doc.client)
    hauteur = max(len(gauche), len(droite))
    gauche += [""] * (hauteur - len(gauche))
    droite += [""] * (hauteur - len(droite))
    return list(zip(gauche, droite, strict=True))


def partie_de(tiers: Any, mentions: tuple[str, ...] = ()) -> Partie:
    """A customer, a supplier or the organisation as a document prints them."""
    siret = getattr(tiers, "siret", None)
    return Partie(
        nom=getattr(tiers, "raison_sociale", None) or tiers.nom,
        rue=tiers.adresse.rue,
        code_postal=tiers.adresse.code_postal,
        ville=tiers.adresse.ville,
        siren=getattr(tiers, "siren", None) or (siret[:9] if siret else None),
        siret=siret,
        tva_intracom=getattr(tiers, "tva_intracom", None),
        mentions=mentions,
    )


def vendeur_de(org: Any) -> Partie:
    """The organisation as the seller: with its legal form, capital and RCS."""
    capital = f", au capital de {org.capital:,.0f} €".replace(",", "\u202f") if org.capital else ""
    mentions = (f"{org.forme_juridique}{capital}", *([org.rcs] if org.rcs else []))
    return partie_de(org, mentions)


def montant_lu(lecture: Any, *chemin: str | int) -> Decimal | None:
    """An amount the student wrote, read; None when not given or unreadable."""
    valeur = lecture.valeur(*chemin)
    return valeur if isinstance(valeur, Decimal) else None


def tva_lue(lecture: Any, taux: list[dict[str, Any]]) -> tuple[LigneTva, ...]:
    """The VAT summary the student wrote in the answer's ``tva`` rows, one row for each rate
    of ``taux`` (the reference's rows, ``{"taux": …}``), in that order."""
    return tuple(
        LigneTva(
            Decimal(t["taux"]),
            montant_lu(lecture, "tva", i, "base"),
            montant_lu(lecture, "tva", i, "montant"),
        )
        for i, t in enumerate(taux)
    )
