"""The identity section of the organisation: name, legal form, numbers, seat, manager, fiscal year."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from agora.company import identifiers
from agora.company.model import Adresse
from agora.company.people import Generation, personne
from agora.company.tiers import adresse, commune, nom_depuis_modele, slug
from agora.content.secteurs import FORMES_JURIDIQUES
from agora.money import cents


@dataclass(frozen=True)
class Identite:
    """The identity fields of a ``Company``, with the same names; other sections read them."""

    raison_sociale: str
    forme_juridique: str
    capital: Decimal | None
    siren: str
    siret: str
    rcs: str | None
    naf: str
    naf_libelle: str
    tva_intracom: str | None
    adresse: Adresse
    telephone: str
    email: str
    site_web: str
    dirigeant: str
    dirigeant_fonction: str
    date_creation: date
    exercice_debut: date
    exercice_fin: date

    def champs(self) -> dict[str, Any]:
        """The fields as ``Company`` keyword arguments (shallow: nested dataclasses kept)."""
        return {field.name: getattr(self, field.name) for field in dataclasses.fields(self)}


def identite(gen: Generation) -> Identite:
    """Draw the identity from the section's own sources."""
    rng, secteur = gen.rng, gen.secteur
    lieu = commune(gen)
    raison_sociale = nom_depuis_modele(gen, rng.choice(secteur.noms), lieu.ville)
    forme_code = rng.choice(secteur.formes_juridiques)
    forme = FORMES_JURIDIQUES[forme_code]
    naf = rng.choice(secteur.naf)
    siren = identifiers.siren(rng, secteur.siren_prefixes)
    creation = gen.reference - timedelta(days=rng.randint(3 * 365, 35 * 365))
    prenom, nom, femme = personne(gen)
    debut = _debut_exercice(gen)
    domaine = slug(raison_sociale, 30) + (".org" if secteur.relation == "adherent" else ".fr")
    return Identite(
        raison_sociale=raison_sociale,
        forme_juridique=forme_code,
        capital=_capital(gen, forme.capital),
        siren=siren,
        siret=identifiers.siret(siren),
        rcs=f"RCS {lieu.rcs}" if forme.rcs else None,
        naf=naf.code,
        naf_libelle=naf.libelle,
        tva_intracom=identifiers.tva_intracom(siren) if secteur.assujetti_tva else None,
        adresse=adresse(gen, lieu),
        telephone=_telephone(gen, lieu.zone_tel),
        email=f"contact@{domaine}",
        site_web=f"https://www.{domaine}",
        dirigeant=f"{prenom} {nom}",
        dirigeant_fonction=forme.fonction[1 if femme else 0],
        date_creation=creation,
        exercice_debut=debut,
        exercice_fin=debut.replace(year=debut.year + 1) - timedelta(days=1),
    )


def _capital(gen: Generation, bounds: tuple[int, int] | None) -> Decimal | None:
    if bounds is None:
        return None
    # Round figures, as in the articles of association.
    step = 1000 if bounds[0] >= 1000 else 100
    return cents(gen.rng.randint(bounds[0] // step, bounds[1] // step) * step)


def _telephone(gen: Generation, zone: str) -> str:
    pairs = [zone] + [f"{gen.rng.randrange(100):02d}" for _ in range(4)]
    return " ".join(pairs)


def _debut_exercice(gen: Generation) -> date:
    """First day of the fiscal year in progress on the reference day."""
    mois = gen.rng.choice(gen.secteur.mois_debut_exercice)
    debut = date(gen.reference.year, mois, 1)
    return debut if debut <= gen.reference else date(gen.reference.year - 1, mois, 1)
