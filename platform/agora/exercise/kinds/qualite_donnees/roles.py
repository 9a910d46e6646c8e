"""The jobs that use the file and the tasks they do on it: each task needs a right (read or
modify) on one category of data; what no task needs gets no access (need to know)."""

from __future__ import annotations

import random
from typing import Any

# The categories of each file (a prospect has no bank details and no invoice yet).
CATEGORIES_DU_FICHIER = {
    "clients": ("coordonnees", "bancaire", "factures"),
    "prospects": ("coordonnees", "echanges"),
    "fournisseurs": ("coordonnees", "bancaire", "factures"),
}
LIBELLES_CATEGORIES = {
    "coordonnees": "Coordonnées (nom, adresse, e-mail)",
    "bancaire": "Coordonnées bancaires (IBAN)",
    "factures": "Factures et règlements",
    "echanges": "Historique des échanges (appels, propositions)",
}
# The rights each job may need on each category; one is drawn per variant.
BESOINS = {
    "comptabilite": {
        "coordonnees": ("lecture",),
        "bancaire": ("modification", "lecture"),
        "factures": ("modification",),
        "echanges": ("aucun",),
    },
    "commercial": {
        "coordonnees": ("modification",),
        "bancaire": ("aucun",),
        "factures": ("lecture", "aucun"),
        "echanges": ("modification",),
    },
    "accueil": {
        "coordonnees": ("lecture", "modification"),
        "bancaire": ("aucun",),
        "factures": ("aucun", "lecture"),
        "echanges": ("lecture", "aucun"),
    },
    "direction": {c: ("lecture",) for c in LIBELLES_CATEGORIES},
    "stagiaire": {
        "coordonnees": ("lecture", "aucun"),
        "bancaire": ("aucun",),
        "factures": ("aucun",),
        "echanges": ("aucun", "lecture"),
    },
}
# The jobs in the statement, by level.
ROLES_PAR_NIVEAU = {
    1: ("comptabilite", "commercial"),
    2: ("comptabilite", "commercial", "accueil"),
    3: ("comptabilite", "commercial", "direction", "stagiaire"),
}


def libelle_role(code: str, relation: str, fichier: str) -> str:
    """The job as the organisation names it."""
    if code == "commercial":
        if fichier == "fournisseurs":
            return "L'acheteur"
        return {"client": "Le commercial", "usager": "Le chargé de clientèle"}.get(
            relation, "Le secrétaire de l'association"
        )
    if code == "accueil":
        return "Le bénévole de l'accueil" if relation == "adherent" else "L'agent d'accueil"
    return {
        "comptabilite": "L'assistant comptable",
        "direction": "La direction",
        "stagiaire": "Le stagiaire",
    }[code]


def roles(rng: random.Random, niveau: int, relation: str, fichier: str) -> list[dict[str, Any]]:
    """The jobs of the statement and the right each needs per category."""
    categories = CATEGORIES_DU_FICHIER[fichier]
    return [
        {
            "code": code,
            "libelle": libelle_role(code, relation, fichier),
            "droits": {c: rng.choice(BESOINS[code][c]) for c in categories},
        }
        for code in ROLES_PAR_NIVEAU[niveau]
    ]


def tache(categorie: str, droit: str, tiers: str) -> str:
    """What a job does that needs this right (``tiers``: « clients », « fournisseurs »…)."""
    phrases = {
        ("coordonnees", "lecture"): f"consulte les adresses pour écrire aux {tiers}",
        ("coordonnees", "modification"): f"met à jour les adresses et les e-mails des {tiers}",
        ("bancaire", "lecture"): "vérifie l'IBAN avant un prélèvement ou un virement",
        ("bancaire", "modification"): "enregistre les nouveaux IBAN (RIB reçus)",
        ("factures", "lecture"): "consulte les factures pour répondre aux questions",
        ("factures", "modification"): "saisit les factures et les règlements",
        ("echanges", "lecture"): "lit l'historique des échanges avant d'appeler",
        ("echanges", "modification"): "note chaque appel et chaque proposition envoyée",
    }
    return phrases[(categorie, droit)]
