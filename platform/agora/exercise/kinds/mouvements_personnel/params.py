"""The params of a ``mouvements_personnel`` variant: the branch agreement, the hiring, the end of
a fixed-term contract with its monthly pay, the personnel-file items to keep and the job ad,
read into typed objects or refused in one French line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from agora.exercise import params as kit
from agora.exercise.kinds.mouvements_personnel.regles import CATEGORIES, PIECES

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "mouvements_personnel"

MOTIFS = ("accroissement", "remplacement", "saisonnier", "vacances_scolaires")
PROPOSITIONS = ("aucune", "refusee")
AUCUN = "aucun"
CRITERES = (
    "age",
    "sexe",
    "origine",
    "situation_famille",
    "apparence",
    "residence",
    "sante_handicap",
    "convictions",
)
MAX_MOIS = 12
MAX_PIECES = 4
MAX_PHRASES = 10


@dataclass(frozen=True)
class Embauche:
    salarie: str
    emploi: str
    categorie: str
    debut: date
    date_naissance: date
    renouvellement_au_contrat: bool  # the contract stipulates the trial may be renewed
    travail_de_nuit: bool

    @property
    def mineur(self) -> bool:
        d, n = self.debut, self.date_naissance
        return d.year - n.year - ((d.month, d.day) < (n.month, n.day)) < 18


@dataclass(frozen=True)
class Mois:
    mois: str
    base: Decimal
    autres: Decimal  # overtime, bonuses: gross pay beyond the base salary


@dataclass(frozen=True)
class Depart:
    salarie: str
    emploi: str
    debut: date
    fin_prevue: date
    fin: date  # the last day of the contract (earlier than planned after an early end)
    motif: str
    proposition_cdi: str
    rupture_anticipee: bool  # ended early at the employee's request
    courrier: date  # the letter that announced the end
    mois: tuple[Mois, ...]


@dataclass(frozen=True)
class Piece:
    code: str
    date_piece: date  # the item's own date (the contract's signature, the pay slip's…)


@dataclass(frozen=True)
class Phrase:
    texte: str
    critere: str  # AUCUN, or the criterion of L1132-1 it shows


@dataclass(frozen=True)
class Mouvements:
    """Typed, validated params of one exercise."""

    niveau: int
    convention: str
    renouvellement_permis: bool  # the branch agreement allows one renewal
    embauche: Embauche
    depart: Depart
    pieces: tuple[Piece, ...]
    poste: str
    phrases: tuple[Phrase, ...]


def _jour(raw: Any, ou: str) -> date:
    return kit.jour_entre(raw, ou, 1900)  # from 1900: a date of birth


def _embauche(raw: Any) -> Embauche:
    e = kit.lire_objet(raw, "embauche")
    embauche = Embauche(
        salarie=kit.texte_attendu(e.get("salarie"), "embauche.salarie"),
        emploi=kit.texte_attendu(e.get("emploi"), "embauche.emploi"),
        categorie=kit.code_attendu(e.get("categorie"), "embauche.categorie", CATEGORIES),
        debut=_jour(e.get("debut"), "embauche.debut"),
        date_naissance=_jour(e.get("date_naissance"), "embauche.date_naissance"),
        renouvellement_au_contrat=kit.lire_booleen(
            e.get("renouvellement_au_contrat"), "embauche.renouvellement_au_contrat"
        ),
        travail_de_nuit=kit.lire_booleen(e.get("travail_de_nuit"), "embauche.travail_de_nuit"),
    )
    if embauche.debut.day > 28:
        raise kit.refus("embauche.debut", "un premier jour du 1er au 28 du mois est attendu")
    return embauche


def _mois(raw: Any, ou: str) -> Mois:
    m = kit.lire_objet(raw, ou)
    return Mois(
        mois=kit.texte_attendu(m.get("mois"), f"{ou}.mois", 7),
        base=kit.lire_montant(m.get("base"), f"{ou}.base"),
        autres=kit.lire_montant(m.get("autres"), f"{ou}.autres"),
    )


def _depart(raw: Any) -> Depart:
    d = kit.lire_objet(raw, "depart")
    lignes = kit.lire_liste(d.get("mois"), "depart.mois", MAX_MOIS, minimum=1)
    depart = Depart(
        salarie=kit.texte_attendu(d.get("salarie"), "depart.salarie"),
        emploi=kit.texte_attendu(d.get("emploi"), "depart.emploi"),
        debut=_jour(d.get("debut"), "depart.debut"),
        fin_prevue=_jour(d.get("fin_prevue"), "depart.fin_prevue"),
        fin=_jour(d.get("fin"), "depart.fin"),
        motif=kit.code_attendu(d.get("motif"), "depart.motif", MOTIFS),
        proposition_cdi=kit.code_attendu(
            d.get("proposition_cdi"), "depart.proposition_cdi", PROPOSITIONS
        ),
        rupture_anticipee=kit.lire_booleen(d.get("rupture_anticipee"), "depart.rupture_anticipee"),
        courrier=_jour(d.get("courrier"), "depart.courrier"),
        mois=tuple(_mois(m, f"depart.mois {i + 1}") for i, m in enumerate(lignes)),
    )
    if not depart.debut <= depart.fin <= depart.fin_prevue:
        raise kit.refus("depart.fin", "le contrat finit entre son début et sa fin prévue")
    if depart.fin.month == 2 and depart.fin.day == 29:
        raise kit.refus("depart.fin", "un 29 février n'a pas d'anniversaire")
    return depart


def _piece(raw: Any, ou: str) -> Piece:
    p = kit.lire_objet(raw, ou)
    jour = _jour(p.get("date_piece"), f"{ou}.date_piece")
    if jour.month == 2 and jour.day == 29:
        raise kit.refus(f"{ou}.date_piece", "un 29 février n'a pas d'anniversaire")
    return Piece(kit.code_attendu(p.get("piece"), f"{ou}.piece", PIECES), jour)


def _phrase(raw: Any, ou: str) -> Phrase:
    p = kit.lire_objet(raw, ou)
    return Phrase(
        kit.texte_attendu(p.get("texte"), f"{ou}.texte", 300),
        kit.code_attendu(p.get("critere"), f"{ou}.critere", (AUCUN, *CRITERES)),
    )


def lire_params(params: Any) -> Mouvements:
    """Validate the contract params; InvalidInput with one French line when they are unusable."""
    p = kit.lire_objet(params, "l'ensemble")
    convention = kit.lire_objet(p.get("convention"), "convention")
    annonce = kit.lire_objet(p.get("annonce"), "annonce")
    pieces = kit.lire_liste(p.get("conservation"), "conservation", MAX_PIECES, minimum=1)
    phrases = kit.lire_liste(annonce.get("phrases"), "annonce.phrases", MAX_PHRASES, minimum=1)
    return Mouvements(
        niveau=kit.niveau_attendu(p.get("niveau")),
        convention=kit.texte_attendu(convention.get("nom"), "convention.nom"),
        renouvellement_permis=kit.lire_booleen(
            convention.get("renouvellement_essai"), "convention.renouvellement_essai"
        ),
        embauche=_embauche(p.get("embauche")),
        depart=_depart(p.get("depart")),
        pieces=tuple(_piece(x, f"conservation {i + 1}") for i, x in enumerate(pieces)),
        poste=kit.texte_attendu(annonce.get("poste"), "annonce.poste"),
        phrases=tuple(_phrase(x, f"annonce.phrases {i + 1}") for i, x in enumerate(phrases)),
    )


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
