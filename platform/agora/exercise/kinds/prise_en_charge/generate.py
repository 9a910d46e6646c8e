"""A ``prise_en_charge`` variant drawn from the organisation: one request that fits its sector
(a call, a voicemail, an e-mail or a visitor), its internal directory by function, its rules
(urgent cases, handling times in working days, the hour limit) and the public holidays ahead."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from agora.calendrier import feries_francais
from agora.company.people import femme
from agora.exercise.base import generateur
from agora.exercise.kinds.prise_en_charge import message
from agora.exercise.kinds.prise_en_charge.dictee import ascii_minuscule
from agora.exercise.kinds.prise_en_charge.params import NAME
from agora.exercise.kinds.prise_en_charge.situations import (
    BESOINS,
    FONCTIONS,
    PIECES,
    SERVICE_FONCTION,
    SITUATIONS,
    Situation,
)
from agora.exercise.kinds.prise_en_charge.statement import enonce

ANNEE = 2026
PRENOMS = {
    "madame": ("Claire", "Inès", "Sophie", "Nadia", "Julie", "Fatou", "Céline", "Aurélie"),
    "monsieur": ("Karim", "Julien", "Thomas", "Mathieu", "Alain", "Rémi", "Bruno", "Sébastien"),
}
NOMS = (
    "Durand", "Lefèvre", "Moreau", "Benali", "Girard", "Roux", "Fournier", "Nguyen",
    "Mercier", "Dupré", "Chevalier", "Lambert", "Bonnet", "Faure", "Diallo", "Perrin",
)  # fmt: skip
DOMAINES = ("orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr")
HEURE_LIMITE = "17:30"
CANAUX = {1: ("telephone", "courriel"), 2: ("telephone", "messagerie", "courriel", "accueil")}


def annuaire(org: Any) -> list[dict[str, str]]:
    """One person per function the organisation has, in the order of FONCTIONS."""
    par_fonction: dict[str, Any] = {}
    for s in org.salaries:
        fonction = SERVICE_FONCTION.get(s.service, "administration")
        par_fonction.setdefault(fonction, s)
    return [
        {
            "fonction": f,
            "service": par_fonction[f].service,
            "nom": f"{par_fonction[f].prenom} {par_fonction[f].nom}",
            "emploi": par_fonction[f].emploi_libelle,
        }
        for f in FONCTIONS
        if f in par_fonction
    ]


def situations(org: Any, fonctions: set[str]) -> list[Situation]:
    """The requests that fit the organisation's sector and services."""
    return [
        s
        for s in SITUATIONS
        if (not s.secteurs or org.secteur in s.secteurs) and s.fonction in fonctions
    ]


def _telephone(rng: random.Random, fixe: bool) -> str:
    debut = f"0{rng.randint(1, 5)}" if fixe else rng.choice(("06", "07"))
    return debut + "".join(str(rng.randint(0, 9)) for _ in range(8))


def _erreur_dite(rng: random.Random, tel: str) -> str:
    """The number as the caller first says it, before correcting one pair."""
    i = rng.choice((4, 6, 8))
    paire = f"{(int(tel[i : i + 2]) + rng.randint(1, 9)) % 100:02d}"
    return tel[:i] + paire + tel[i + 2 :]


def _FERIES_ANNEE() -> frozenset[date]:
    """The public holidays of the year (level 1 requests never arrive on one)."""
    return frozenset(j for j, _ in feries_francais(date(ANNEE, 1, 1), date(ANNEE, 12, 31)))


def _quand(rng: random.Random, niveau: int, canal: str) -> tuple[date, str]:
    """The day and time the request arrived; from level 2 sometimes after the hour limit, at
    level 3 often a Friday evening."""
    while True:
        jour = date(ANNEE, rng.randint(1, 11), rng.randint(1, 28))
        vendredi_soir = niveau == 3 and canal != "accueil" and rng.random() < 0.5
        tard = vendredi_soir or (niveau == 2 and canal != "accueil" and rng.random() < 0.3)
        if vendredi_soir:
            jour += timedelta(days=(4 - jour.weekday()) % 7)
        guide_ferie = niveau == 1 and jour in _FERIES_ANNEE()
        if jour.weekday() < 5 and jour.year == ANNEE and not guide_ferie:
            break
    minutes = rng.randint(17 * 60 + 35, 19 * 60 + 30) if tard else rng.randint(510, 1020)
    return jour, f"{minutes // 60:02d}:{minutes % 60:02d}"


def _organisation(rng: random.Random, org: Any, s: Situation) -> str | None:
    if s.demandeur == "fournisseur" and org.fournisseurs:
        return rng.choice(org.fournisseurs).nom
    entreprises = [c for c in org.clients if c.type == "entreprise"]
    if entreprises and (s.objet == "intervention" or rng.random() < 0.5):
        return rng.choice(entreprises).nom
    return None


def _demandeur(rng: random.Random, org: Any, s: Situation, niveau: int, canal: str) -> dict:
    civilite = rng.choice(("madame", "monsieur"))
    prenom, nom = rng.choice(PRENOMS[civilite]), rng.choice(NOMS)
    if s.demandeur == "salarie":
        # An employee writes about their own pay: one of the organisation's staff, in their
        # own service, with the civility of their first name.
        salarie = rng.choice(org.salaries)
        prenom, nom, organisation = salarie.prenom, salarie.nom, salarie.service
        civilite = {True: "madame", False: "monsieur"}.get(femme(prenom), civilite)
    else:
        organisation = _organisation(rng, org, s)
    tel = _telephone(rng, organisation is not None and s.demandeur != "salarie")
    dit = niveau == 3 and canal != "courriel" and rng.random() < 0.5
    courriel = None
    if canal == "courriel" or rng.random() < 0.4:
        domaine = rng.choice(DOMAINES)
        if organisation and s.demandeur != "salarie":
            domaine = f"{ascii_minuscule(organisation)[:30]}.fr"
        courriel = f"{ascii_minuscule(prenom)}.{ascii_minuscule(nom)}@{domaine}"
    return {
        "civilite": civilite,
        "prenom": prenom,
        "nom": nom,
        "organisation": organisation,
        "telephone": tel,
        "telephone_dit": _erreur_dite(rng, tel) if dit else None,
        "courriel": courriel,
    }


def _besoin(rng: random.Random, s: Situation, niveau: int) -> dict[str, Any]:
    exprime = s.exprime if niveau == 3 else s.reel
    autres = [b for b in BESOINS if b not in (s.reel, s.exprime)]
    propositions = sorted({s.reel, s.exprime, *rng.sample(autres, 2)})
    rng.shuffle(propositions)
    return {"exprime": exprime, "reel": s.reel, "propositions": propositions}


def params(rng: random.Random, org: Any, niveau: int) -> dict[str, Any]:
    """The params of one variant."""
    membres = annuaire(org)
    possibles = situations(org, {m["fonction"] for m in membres})
    s = rng.choice(possibles)
    canal = rng.choice(CANAUX.get(niveau, CANAUX[2]))
    jour, heure = _quand(rng, niveau, canal)
    numero = rng.randint(100, 9999)
    reference = f"{PIECES[s.piece]}-{ANNEE}-{numero:04d}"
    leurre = f"{PIECES[s.piece]}-{ANNEE}-{(numero + rng.randint(11, 97)) % 10000:04d}"
    p = {
        "niveau": niveau,
        "situation": s.code,
        "canal": canal,
        "message": [],
        "demandeur": _demandeur(rng, org, s, niveau, canal),
        "demande": {
            "date": jour.isoformat(),
            "heure": heure,
            "objet": s.objet,
            "reference": reference,
            "leurre": leurre if niveau == 3 else None,
            "urgente": s.urgent,
        },
        "besoin": _besoin(rng, s, niveau),
        "annuaire": membres,
        "suite": {"destinataire": s.fonction, "action": s.action},
        "regles": {
            "heure_limite": HEURE_LIMITE,
            "delai_urgent": 1,
            "delai_normal": rng.choice((2, 3, 5)),
            "urgences": sorted({x.regle for x in possibles if x.urgent}),
        },
        "feries": [j.isoformat() for j, _ in feries_francais(jour, jour + timedelta(days=21))],
    }
    article = rng.choice(org.catalogue).designation if org.catalogue else "votre article"
    p["message"] = message.lignes(rng, p, s, org, article)
    return p


# The variant of this seed and level in the organisation.
generate = generateur(NAME, params, enonce)
