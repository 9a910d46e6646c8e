"""Sector profiles (scenarios/secteurs/<code>.yaml), validated with pydantic, looked up by code."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from agora import SCENARIOS_DIR
from agora.content.loading import load_yaml_model
from agora.errors import ContentError, UnknownCode

SECTEURS_DIR = SCENARIOS_DIR / "secteurs"
COMMUNES_FILE = SCENARIOS_DIR / "communes.yaml"
DEPARTEMENTS_FILE = SCENARIOS_DIR / "departements.yaml"

# The only VAT rates of metropolitan France (CGI art. 278 to 281 nonies); 0 = outside VAT.
TAUX_TVA_AUTORISES = (Decimal("0"), Decimal("2.1"), Decimal("5.5"), Decimal("10"), Decimal("20"))
JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_HEURE = r"^([01]\d|2[0-3]):[0-5]\d$"
_PLACEHOLDER = re.compile(r"\{(nom|nom2|prenom|ville)\}")
# The families a mission tells its story for (« ::: biens » blocks of scenarios/missions): what
# the organisation does for whom decides the words, a water utility never « livre » goods.
FAMILLES = {
    "biens": "vente de biens",
    "services": "prestation de services",
    "service_public": "service public",
    "association": "association",
}
Famille = Literal["biens", "services", "service_public", "association"]


def _erreur(message: str) -> PydanticCustomError:
    """A validation error whose message is only the French text (no « Value error, »)."""
    return PydanticCustomError("secteur", message)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Fourchette(_Strict):
    """A [min, max] range of Decimal values (prices, hourly rates, amounts)."""

    min: Decimal = Field(ge=0)
    max: Decimal = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Fourchette:
        if self.min > self.max:
            raise _erreur("le minimum dépasse le maximum")
        return self


class FourchetteEntiere(_Strict):
    min: int = Field(ge=0)
    max: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> FourchetteEntiere:
        if self.min > self.max:
            raise _erreur("le minimum dépasse le maximum")
        return self


class Naf(_Strict):
    code: str = Field(pattern=r"^\d{2}\.\d{2}[A-Z]$")
    libelle: str


class Convention(_Strict):
    idcc: str = Field(pattern=r"^\d{4}$")
    nom: str


class ModeleArticle(_Strict):
    """One line of the catalogue pattern: the generator draws a price in the range."""

    designation: str
    unite: str
    prix_ht: Fourchette
    taux_tva: Decimal
    stocke: bool = True
    # What the organisation cannot be without (a water utility's consumption, a bakery's
    # baguette): always in its catalogue, where other lines may be left out.
    essentiel: bool = False

    @field_validator("taux_tva")
    @classmethod
    def _taux_connu(cls, value: Decimal) -> Decimal:
        if value not in TAUX_TVA_AUTORISES:
            raise _erreur("taux de TVA inconnu (0, 2,1, 5,5, 10 ou 20)")
        return value


class Emploi(_Strict):
    intitule: str  # the job's code, as written beside a man's name (« Vendeur »)
    feminin: str = Field(min_length=1)  # as written beside a woman's name (« Vendeuse »)
    service: str
    statut: Literal["cadre", "non_cadre"]
    taux_horaire: Fourchette
    poids: int = Field(default=1, ge=0)  # relative frequency among the other jobs
    obligatoire: bool = False  # at least one such employee in every organisation
    apprentissage: bool = False  # an apprentice may hold this job
    dirige: bool = False  # the head of the organisation holds it: the dirigeant's own name

    def accorde(self, femme: bool) -> str:
        """The job as written beside the name of the one who holds it: French agrees it with
        the person (« Michelle Joly, cheffe boulangère »)."""
        return self.feminin if femme else self.intitule


class ModeleSubvention(_Strict):
    financeur: str
    objet: str
    montant: Fourchette


class ReglePaie(_Strict):
    """A payroll rule of the sector's agreement that a payslip follows, as the statement
    states it, with its source (overtime rates, meals of staff fed by the employer)."""

    sujet: Literal["heures_supplementaires", "repas"]
    texte: str
    source: str


class PlafondReductions(_Strict):
    """A cap the law puts on the reductions of some articles, as the sector states it in
    ``contraintes`` (new books: loi Lang, 5 % to a private buyer, 9 % to a library or a public
    body). Every reduction of the invoice counts, escompte included, in cascade."""

    objet: str  # « livres neufs »
    articles: list[str] = Field(min_length=1)  # the catalogue designations it covers
    taux_max: Decimal = Field(ge=0, lt=100)
    taux_max_collectivites: Decimal = Field(ge=0, lt=100)
    collectivites: list[str] = []  # customer name patterns (clients_entreprises) of public buyers


class Secteur(_Strict):
    code: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    libelle: str
    activite: Literal["vente", "services"]  # which turnover threshold of the VAT regime applies
    relation: Literal["client", "usager", "adherent"]
    famille: Famille  # which of a mission's story variants its organisations read
    naf: list[Naf] = Field(min_length=1)
    convention_collective: Convention
    formes_juridiques: list[str] = Field(min_length=1)
    siren_prefixes: list[str] = Field(default=["3", "4", "5", "7", "8", "9"], min_length=1)
    assujetti_tva: bool = True
    option_tva_sur_debits: bool = False  # services firms may opt to pay VAT on invoicing
    taux_tva: list[Decimal] = Field(min_length=1)  # every rate an item of this sector may carry
    taux_at_mp: Decimal = Field(ge=0, le=20)
    effectif: FourchetteEntiere
    chiffre_affaires_par_salarie: Fourchette
    delais_paiement_jours: list[int] = Field(min_length=1)
    escompte_taux: list[Decimal] = Field(min_length=1)  # 0 = no escompte offered
    mois_debut_exercice: list[int] = Field(default=[1], min_length=1)
    saisonnalite: list[Decimal] = Field(min_length=12, max_length=12)
    noms: list[str] = Field(min_length=3)  # patterns: {nom}, {nom2}, {prenom}, {ville}
    catalogue: list[ModeleArticle] = Field(min_length=5)
    prefixe_reference: str = Field(pattern=r"^[A-Z]{2,4}$")
    clients_entreprises: list[str] = Field(min_length=1)
    part_clients_entreprises: Decimal = Field(ge=0, le=1)
    fournisseurs: list[str] = Field(min_length=3)
    # Those of ``fournisseurs`` that serve the whole country (a publisher, a telecom operator, a
    # national distributor): their office may be anywhere; the others are near the organisation.
    fournisseurs_nationaux: list[str] = []
    # Suppliers every organisation of the sector has besides those drawn from ``fournisseurs``
    # (the caterer of a club's or a firm's events: the one that bills at several VAT rates).
    fournisseurs_permanents: list[str] = []
    emplois: list[Emploi] = Field(min_length=3)
    horaires: dict[str, tuple[str, str] | None]
    contraintes: list[str] = Field(min_length=1)
    regles_paie: list[ReglePaie] = []
    plafonds_reductions: list[PlafondReductions] = []
    subventions: list[ModeleSubvention] = []

    def regle_paie(self, sujet: str) -> ReglePaie | None:
        return next((r for r in self.regles_paie if r.sujet == sujet), None)

    def emploi(self, intitule: str) -> Emploi:
        """The sector's job of code ``intitule``; UnknownCode when it has none."""
        for emploi in self.emplois:
            if emploi.intitule == intitule:
                return emploi
        raise UnknownCode(f"Emploi inconnu dans le secteur {self.code} : « {intitule} ».")

    @field_validator("taux_tva")
    @classmethod
    def _taux_connus(cls, values: list[Decimal]) -> list[Decimal]:
        unknown = [str(v) for v in values if v not in TAUX_TVA_AUTORISES]
        if unknown:
            raise _erreur(f"taux de TVA inconnu(s) : {', '.join(unknown)}")
        return values

    @field_validator("noms")
    @classmethod
    def _noms_varies(cls, patterns: list[str]) -> list[str]:
        # Two drawn parts at least, so that a class of students gets distinct names.
        for pattern in patterns:
            if len(set(_PLACEHOLDER.findall(pattern))) < 2:
                raise _erreur(f"« {pattern} » : au moins deux parties variables attendues")
        return patterns

    @field_validator("delais_paiement_jours")
    @classmethod
    def _delai_legal(cls, values: list[int]) -> list[int]:
        if any(not 0 <= v <= 60 for v in values):
            raise _erreur("délai de paiement hors du plafond légal de 60 jours")
        return values

    @field_validator("horaires")
    @classmethod
    def _semaine(cls, value: dict[str, tuple[str, str] | None]) -> dict:
        if tuple(value) != JOURS:
            raise _erreur("les horaires doivent donner les sept jours, de lundi à dimanche")
        for plage in value.values():
            if plage and not all(_is_time(h) for h in plage):
                raise _erreur("heure attendue au format HH:MM")
        return value

    @model_validator(mode="after")
    def _coherent(self) -> Secteur:
        rates = set(self.taux_tva)
        stray = {a.designation for a in self.catalogue if a.taux_tva not in rates}
        if stray:
            raise _erreur(f"article à un taux non prévu par le secteur : {sorted(stray)[0]}")
        if not self.assujetti_tva and rates != {Decimal("0")}:
            raise _erreur("un organisme non assujetti ne facture qu'à 0 %")
        if not 6 <= self.effectif.min <= self.effectif.max <= 40:
            raise _erreur("l'effectif doit rester entre 6 et 40 salariés")
        designations = {a.designation for a in self.catalogue}
        for plafond in self.plafonds_reductions:
            if not set(plafond.articles) <= designations:
                raise _erreur(f"plafond de réductions : article hors catalogue ({plafond.objet})")
            if not set(plafond.collectivites) <= set(self.clients_entreprises):
                raise _erreur(f"plafond de réductions : client inconnu ({plafond.objet})")
            if not any(_pourcent(plafond.taux_max) in texte for texte in self.contraintes):
                raise _erreur(
                    f"plafond de réductions non annoncé dans les contraintes ({plafond.objet})"
                )
        if not set(self.fournisseurs_nationaux) <= set(self.fournisseurs):
            raise _erreur("fournisseur national absent de la liste des fournisseurs")
        if not any(e.obligatoire for e in self.emplois):
            raise _erreur("au moins un emploi doit être obligatoire")
        unknown = [f for f in self.formes_juridiques if f not in FORMES_JURIDIQUES]
        if unknown:
            raise _erreur(f"forme juridique inconnue : {unknown[0]}")
        return self


class FormeJuridique(BaseModel):
    """What a legal form implies for the identity: manager's title, capital, RCS."""

    model_config = ConfigDict(frozen=True)
    fonction: tuple[str, str]  # (masculine, feminine)
    capital: tuple[int, int] | None  # range in euros, None when the form has no capital
    rcs: bool


FORMES_JURIDIQUES: dict[str, FormeJuridique] = {
    "SARL": FormeJuridique(fonction=("Gérant", "Gérante"), capital=(1_000, 50_000), rcs=True),
    "EURL": FormeJuridique(fonction=("Gérant", "Gérante"), capital=(1_000, 20_000), rcs=True),
    "SAS": FormeJuridique(fonction=("Président", "Présidente"), capital=(1_000, 100_000), rcs=True),
    "SASU": FormeJuridique(fonction=("Président", "Présidente"), capital=(1_000, 30_000), rcs=True),
    # SA: 37 000 € minimum (Code de commerce, art. L224-2).
    "SA": FormeJuridique(
        fonction=("Président-directeur général", "Présidente-directrice générale"),
        capital=(37_000, 300_000),
        rcs=True,
    ),
    "Association loi 1901": FormeJuridique(
        fonction=("Président", "Présidente"), capital=None, rcs=False
    ),
    # An EPIC with legal personality is registered at the RCS (Code de commerce, art. L123-1).
    "Régie dotée de la personnalité morale (EPIC)": FormeJuridique(
        fonction=("Directeur", "Directrice"), capital=None, rcs=True
    ),
}


class Commune(BaseModel):
    """A real (postcode, city) pair, with the RCS registry and phone zone that serve it, and
    where it lies (a business trip's kilometres are measured from there)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    code_postal: str = Field(pattern=r"^\d{5}$")
    ville: str
    rcs: str
    zone_tel: str = Field(pattern=r"^0[1-5]$")
    latitude: float = Field(ge=41, le=52)  # metropolitan France and Corsica
    longitude: float = Field(ge=-5.5, le=10)
    port_continent: str | None = None  # an island's: the town of the table its ferry reaches


class Departement(BaseModel):
    """A département of metropolitan France and those sharing a land border with it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    nom: str
    voisins: list[str]


class _Departements(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    departements: dict[str, Departement] = Field(min_length=90)


class _Communes(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    communes: list[Commune] = Field(min_length=10)


def _pourcent(taux: Decimal) -> str:
    """« 5 % » as the stated constraint writes the rate."""
    return f"{taux.normalize():f}".replace(".", ",") + " %"


def _is_time(text: str) -> bool:
    return re.match(_HEURE, text) is not None


@cache
def load_secteurs(directory: Path = SECTEURS_DIR) -> dict[str, Secteur]:
    """Every sector profile, by code (sorted); ContentError when a file is malformed."""
    profiles: dict[str, Secteur] = {}
    for path in sorted(directory.glob("*.yaml")):
        profile = load_yaml_model(path, Secteur)
        if profile.code != path.stem:
            raise ContentError(f"{path} : le code « {profile.code} » doit être le nom du fichier")
        profiles[profile.code] = profile
    if not profiles:
        raise ContentError(f"{directory} : aucun profil de secteur")
    return profiles


def secteur_codes() -> list[str]:
    """The known sector codes, sorted."""
    return sorted(load_secteurs())


def familles_presentes() -> tuple[str, ...]:
    """The families of the known sectors (in FAMILLES order): those a mission must tell."""
    present = {s.famille for s in load_secteurs().values()}
    return tuple(f for f in FAMILLES if f in present)


def famille_de(organisation: Any) -> str:
    """The sector family of an organisation: which story its exercises tell (goods or not)."""
    return load_secteur(organisation.secteur).famille


def load_secteur(code: str) -> Secteur:
    """One sector profile; UnknownCode (listing the known ones) when it does not exist."""
    profiles = load_secteurs()
    if code not in profiles:
        known = ", ".join(sorted(profiles))
        raise UnknownCode(f"Secteur inconnu : « {code} » (secteurs connus : {known}).")
    return profiles[code]


@cache
def load_communes(path: Path = COMMUNES_FILE) -> tuple[Commune, ...]:
    """The table of real communes addresses are drawn from; ContentError when an island's
    ferry lands in a town the table does not hold."""
    communes = tuple(load_yaml_model(path, _Communes).communes)
    villes = {c.ville for c in communes}
    for commune in communes:
        if commune.port_continent is not None and commune.port_continent not in villes:
            raise ContentError(
                f"{path} : port_continent de {commune.ville} : « {commune.port_continent} » "
                "n'est pas une commune de la table."
            )
    return communes


def departement(code_postal: str) -> str:
    """The département of a postcode: its first two digits (« 20 » for the whole of Corsica)."""
    return code_postal[:2]


@cache
def load_voisins(path: Path = DEPARTEMENTS_FILE) -> dict[str, frozenset[str]]:
    """Each département with its neighbours; ContentError when a border is listed one way only
    or a commune of the table lies in a département the file does not know."""
    table = load_yaml_model(path, _Departements).departements
    for code, dep in table.items():
        for voisin in dep.voisins:
            if code not in (table[voisin].voisins if voisin in table else ()):
                raise ContentError(
                    f"{path} : à « departements.{code}.voisins » : {voisin} n'a pas {code} "
                    "pour voisin (une limite se lit dans les deux sens)."
                )
    for commune in load_communes():
        if departement(commune.code_postal) not in table:
            raise ContentError(f"{path} : département de {commune.ville} absent.")
    return {code: frozenset(dep.voisins) for code, dep in table.items()}


def communes_proches(code_postal: str) -> tuple[Commune, ...]:
    """The communes of the table in the postcode's département or a neighbouring one."""
    dep = departement(code_postal)
    proches = load_voisins()[dep] | {dep}
    return tuple(c for c in load_communes() if departement(c.code_postal) in proches)
