"""The fictitious organisation a student works in: plain frozen dataclasses, JSON-serialisable."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Adresse:
    rue: str
    code_postal: str
    ville: str


@dataclass(frozen=True)
class ConventionCollective:
    idcc: str
    nom: str


@dataclass(frozen=True)
class CGV:
    """Conditions générales de vente (payment terms within the legal 60-day limit)."""

    delai_paiement_jours: int
    penalites_retard: str  # e.g. "3 fois le taux d'intérêt légal"
    indemnite_recouvrement: Decimal  # 40 € fixed by law
    escompte_taux: Decimal  # 0 when no escompte for early payment
    escompte_conditions: str
    texte: str  # the CGV as the fiche prints them (Markdown)


@dataclass(frozen=True)
class Banque:
    nom: str
    iban: str
    bic: str
    solde_initial: Decimal
    date_solde: date


def annees_revolues(depuis: date, jour: date) -> int:
    """Whole years from ``depuis`` to ``jour`` (an age, a seniority)."""
    return jour.year - depuis.year - ((jour.month, jour.day) < (depuis.month, depuis.day))


@dataclass(frozen=True)
class Salarie:
    id: str  # "E1", "E2"… stable within a company
    nom: str
    prenom: str
    date_naissance: date
    emploi: str  # the job's code in the sector (« Vendeur »): what a kind matches on
    emploi_libelle: str  # the job beside the name, agreeing with the person (« Vendeuse »)
    service: str
    contrat: str  # "CDI", "CDD", "apprentissage", "temps_partiel"
    heures_hebdo: Decimal  # contract weekly hours, e.g. Decimal("35")
    date_entree: date
    statut: str  # "cadre" | "non_cadre"
    # Never below the SMIC of the barème year; an apprentice's, never below the legal % of it
    # for their age and year of the contract (scenarios/baremes/<année>.yaml, « apprentis »).
    taux_horaire: Decimal

    def age_le(self, jour: date) -> int:
        """Age in whole years on a given day."""
        return annees_revolues(self.date_naissance, jour)

    def annee_contrat(self, jour: date) -> int:
        """The year of the contract running on ``jour`` (1 in its first twelve months): what an
        apprentice's minimum wage depends on, with the age."""
        return annees_revolues(self.date_entree, jour) + 1


@dataclass(frozen=True)
class Client:
    code: str  # "C001"…
    nom: str
    type: str  # "entreprise" | "particulier" | "usager" | "adherent"
    adresse: Adresse
    email: str
    siret: str | None = None
    tva_intracom: str | None = None


@dataclass(frozen=True)
class Fournisseur:
    code: str  # "F001"…
    nom: str
    adresse: Adresse
    email: str
    siret: str
    tva_intracom: str
    iban: str
    bic: str
    delai_paiement_jours: int


@dataclass(frozen=True)
class Article:
    reference: str
    designation: str
    unite: str
    prix_ht: Decimal
    taux_tva: Decimal  # percent, e.g. Decimal("5.5"); Decimal("0") outside VAT
    stock: int
    stock_minimum: int


# Catalogue lines of the building trade meant for private homes (at reduced VAT) or for
# businesses only (business premises, new buildings, at 20 %).
POUR_PARTICULIERS = ("logement", "rénovation énergétique")
POUR_ENTREPRISES = ("professionnel", "construction neuve")


def pour_ce_client(designation: str, particulier: bool) -> bool:
    """Whether a catalogue line may be sold to a private customer (``particulier``) or to a
    business: no works in homes for a business, none on business premises for a household."""
    reserve = POUR_ENTREPRISES if particulier else POUR_PARTICULIERS
    nom = designation.lower()
    return not any(mot in nom for mot in reserve)


@dataclass(frozen=True)
class MoisHistorique:
    mois: str  # "2026-03"
    chiffre_affaires_ht: Decimal
    nombre_clients: int
    nombre_commandes: int
    jours_absence: int
    embauches: int
    departs: int


@dataclass(frozen=True)
class Subvention:
    """A grant received (associations, public bodies): outside VAT, not a sale."""

    financeur: str
    objet: str
    montant: Decimal


@dataclass(frozen=True)
class Company:
    seed: int
    secteur: str  # profile code, file name in scenarios/secteurs/
    secteur_libelle: str
    raison_sociale: str
    forme_juridique: str
    capital: Decimal | None
    siren: str
    siret: str
    rcs: str | None  # "RCS Lyon" ; None for a body not registered
    naf: str
    naf_libelle: str
    tva_intracom: str | None  # None for a body outside VAT
    adresse: Adresse
    telephone: str
    email: str
    site_web: str
    dirigeant: str  # "Prénom Nom"
    dirigeant_fonction: str  # "Gérant", "Président", "Maire"…
    date_creation: date
    exercice_debut: date
    exercice_fin: date
    regime_tva: str  # "réel normal" | "réel simplifié" | "non assujetti" | "franchise en base"
    tva_sur_debits: bool
    convention_collective: ConventionCollective
    cgv: CGV
    banque: Banque
    horaires: dict[str, tuple[str, str] | None]  # "lundi" -> ("09:00", "19:00") or None if closed
    salaries: tuple[Salarie, ...]
    clients: tuple[Client, ...]
    fournisseurs: tuple[Fournisseur, ...]
    catalogue: tuple[Article, ...]
    historique: tuple[MoisHistorique, ...]
    relation: str  # "client" | "usager" | "adherent": how the organisation names who it serves
    contraintes: tuple[str, ...]  # regulatory constraints of the sector
    taux_at_mp: Decimal | None = None  # employer's work-accident rate (%) of the sector
    subventions: tuple[Subvention, ...] = ()  # grants of the current year (associations)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: Decimal and date become strings, field order kept."""
        return _jsonable(dataclasses.asdict(self))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (Decimal, date)):
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    return value
