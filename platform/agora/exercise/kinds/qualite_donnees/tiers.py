"""The clean records of a file, taken from the organisation (its customers, its suppliers) and,
when it has too few, made in its sector's image: names, real communes, valid identifiers."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from agora.company import identifiers
from agora.company.tiers import DOMAINES_PERSONNELS, PREFIXES_ENTREPRISES, elide, slug
from agora.content.secteurs import load_communes, load_secteur
from agora.exercise.kinds.qualite_donnees.controles import marques
from agora.exercise.kinds.qualite_donnees.params import Ligne
from agora.money import fmt

# Comments a file may hold: useful ones, and ones that must not be kept (health, opinions,
# religion, union membership, a judgement on the person: RGPD art. 9, CNIL).
NEUTRES = (
    "Préfère être appelé le matin.",
    "Envoyer les courriers par e-mail.",
    "Demande une facture papier.",
    "Joignable surtout en fin de journée.",
    "Contact à privilégier : le secrétariat.",
)
SENSIBLES_PERSONNE = (
    "Suivi pour une dépression, ne pas insister au téléphone.",
    "Militant syndical, se méfier.",
    "Pratiquant, ne jamais appeler le vendredi.",
    "Vote pour un parti extrémiste.",
    "En arrêt maladie pour un cancer.",
    "Personne pénible et un peu bête.",
)
SENSIBLES_ENTREPRISE = (
    "Le gérant sort de l'hôpital (problème cardiaque).",
    "La gérante est syndiquée, prudence.",
    "Le patron est très engagé en politique, éviter le sujet.",
    "Le comptable est dépressif, être patient.",
)


def _personne(rng: random.Random, prenoms: list[str], noms: list[str]) -> tuple[str, str]:
    return rng.choice(prenoms), rng.choice(noms)


def _date_recente(rng: random.Random, controle: date) -> date:
    """Well inside any retention period: between two weeks and two and a half years ago."""
    return controle - timedelta(days=rng.randint(15, 900))


class Source:
    """What the organisation gives to make records from: its people's names, its sector's
    patterns, the communes, and how it names who it serves."""

    def __init__(self, organisation: Any, fichier: str):
        self.org, self.fichier = organisation, fichier
        self.secteur = load_secteur(organisation.secteur)
        gens = [(s.prenom, s.nom) for s in organisation.salaries]
        for c in organisation.clients:
            if c.type != "entreprise" and " " in c.nom:
                gens.append(tuple(c.nom.split(" ", 1)))  # type: ignore[arg-type]
        self.prenoms = sorted({p for p, _ in gens})
        self.noms = sorted({n for _, n in gens})
        self.type_personne = (
            "particulier" if organisation.relation == "client" else organisation.relation
        )

    def modeles(self) -> list[str]:
        return (
            self.secteur.fournisseurs
            if self.fichier == "fournisseurs"
            else self.secteur.clients_entreprises
        )

    def entreprise(self, rng: random.Random) -> dict[str, Any]:
        lieu = rng.choice(load_communes())
        prenom, nom = _personne(rng, self.prenoms, self.noms)
        autre = rng.choice(self.noms)
        raison = elide(
            rng.choice(self.modeles()).format(nom=nom, nom2=autre, prenom=prenom, ville=lieu.ville)
        )
        siren = identifiers.siren(rng, PREFIXES_ENTREPRISES)
        boite = "commandes" if self.fichier == "fournisseurs" else "contact"
        return {
            "nom": raison,
            "type": "entreprise",
            "code_postal": lieu.code_postal,
            "ville": lieu.ville,
            "email": f"{boite}@{slug(raison, 30)}.fr",
            "siret": identifiers.siret(siren, rng.randint(1, 5)),
            "tva": identifiers.tva_intracom(siren),
        }

    def personne(self, rng: random.Random) -> dict[str, Any]:
        lieu = rng.choice(load_communes())
        prenom, nom = _personne(rng, self.prenoms, self.noms)
        adresse = f"{slug(prenom, garder_mots_vides=True)}.{slug(nom, garder_mots_vides=True)}"
        return {
            "nom": f"{prenom} {nom}",
            "type": self.type_personne,
            "code_postal": lieu.code_postal,
            "ville": lieu.ville,
            "email": f"{adresse}@{rng.choice(DOMAINES_PERSONNELS)}",
            "siret": None,
            "tva": None,
        }

    def existants(self) -> list[dict[str, Any]]:
        """The organisation's own customers or suppliers (a prospect file has none yet)."""
        if self.fichier == "prospects":
            return []
        tiers = self.org.fournisseurs if self.fichier == "fournisseurs" else self.org.clients
        return [
            {
                "nom": t.nom,
                "type": getattr(t, "type", "entreprise"),
                "code_postal": t.adresse.code_postal,
                "ville": t.adresse.ville,
                "email": t.email,
                "siret": t.siret,
                "tva": t.tva_intracom,
            }
            for t in tiers
        ]


def _prefixe(fichier: str) -> str:
    return {"clients": "C", "prospects": "P", "fournisseurs": "F"}[fichier]


def base(
    rng: random.Random, organisation: Any, fichier: str, nombre: int, controle: date
) -> list[dict[str, Any]]:
    """``nombre`` clean records, at least three of them businesses (SIRET and VAT to check)."""
    source = Source(organisation, fichier)
    candidats = source.existants()
    rng.shuffle(candidats)
    part = float(source.secteur.part_clients_entreprises) if fichier != "fournisseurs" else 1.0
    lignes: list[dict[str, Any]] = []
    vues: set[tuple[str, Any]] = set()
    essais = 0
    while len(lignes) < nombre and essais < 50 * nombre:
        essais += 1
        manque = 3 - sum(r["type"] == "entreprise" for r in lignes)
        if candidats and manque < nombre - len(lignes):
            record = candidats.pop()
        elif manque >= nombre - len(lignes) or rng.random() < part:
            record = source.entreprise(rng)
        else:
            record = source.personne(rng)
        propres = set(marques(en_ligne(record)))
        if not propres & vues:  # never two records of one tiers by chance
            lignes.append(record)
            vues |= propres
    for i, record in enumerate(lignes):
        _completer(rng, record, fichier, controle, f"{_prefixe(fichier)}{i + 1:03d}")
    return lignes


def _completer(
    rng: random.Random, record: dict[str, Any], fichier: str, controle: date, code: str
) -> None:
    """Code, bank details, last activity, open invoices and a comment."""
    iban = None
    if fichier == "fournisseurs" or (fichier == "clients" and rng.random() < 0.45):
        iban = identifiers.compte_bancaire(rng)[1]  # suppliers paid by transfer, direct debits
    encours = 0
    if fichier != "prospects" and rng.random() < 0.3:
        encours = rng.randint(2000, 250000)
    record.update(
        code=code,
        iban=iban,
        derniere_activite=_date_recente(rng, controle).isoformat(),
        encours=fmt(Decimal(encours).scaleb(-2)),
        commentaire=rng.choice(NEUTRES) if rng.random() < 0.3 else "",
        commentaire_sensible=False,
    )


def en_ligne(record: dict[str, Any]) -> Ligne:
    """A record as the typed row the checks read (only the fields they compare matter here)."""
    return Ligne(
        code=record.get("code", ""),
        nom=record["nom"],
        type=record["type"],
        code_postal=record["code_postal"],
        ville=record["ville"],
        email=record["email"],
        siret=record.get("siret"),
        tva=record.get("tva"),
        iban=record.get("iban"),
        derniere_activite=date(2000, 1, 1),
        encours=Decimal(0),
        commentaire="",
        sensible=False,
    )
