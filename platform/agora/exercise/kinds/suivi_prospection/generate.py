"""A ``suivi_prospection`` variant drawn from the organisation: one channel at level 1 (the
e-mailing, rates only), two at level 2 (with the costs and the best channel), three at level 3
(with returned mail, an unsubscribe and the follow-up of each prospect)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from agora.exercise.base import generateur
from agora.exercise.kinds.suivi_prospection import statement
from agora.exercise.kinds.suivi_prospection.campagnes import ENTREPRISES, PERSONNES, campagne
from agora.exercise.kinds.suivi_prospection.params import NAME, lire_params
from agora.exercise.kinds.suivi_prospection.solve import calcule

# Short column headings: the statement's table must fit a phone.
LIBELLES = {
    "emailing": "E-mailing",
    "mailing": "Courrier",
    "telephone": "Téléphone",
    "salon": "Stand",
}
# Per channel: contacts (low, high, step), response share of contacts reached (per mille),
# cost per contact in cents (low, high) and a fixed cost in euros (low, high).
VOLUMES = {
    "emailing": ((800, 3000, 50), (4, 15), (2, 8), (80, 250)),
    "mailing": ((200, 800, 10), (20, 60), (90, 160), (40, 120)),
    "telephone": ((60, 200, 5), (100, 250), (300, 600), (0, 60)),
    "salon": ((60, 250, 1), (150, 400), (0, 0), (600, 2200)),
}
# Returns in the prospect table: always one unsubscribe (the file update), from level 2 a new
# customer; a mailing returned (NPAI) or an e-mail in error only when the figures have
# undelivered mail (level 3); the rest drawn; level 3 has both follow-up cases.
FONDS = ("desabonne", "devenu_client")
AUTRES = ("ouvert_sans_reponse", "demande_info", "non_ouvert")
NB_PROSPECTS = {1: 3, 2: 4, 3: 6}


def _part(rng: random.Random, total: int, bas: int, haut: int, minimum: int = 1) -> int:
    """A share of ``total`` drawn between bas and haut per mille, at least ``minimum``."""
    return max(minimum, total * rng.randint(bas, haut) // 1000)


def _canal(rng: random.Random, canal: str, niveau: int) -> dict[str, Any]:
    (bas, haut, pas), (r_bas, r_haut), (c_bas, c_haut), (f_bas, f_haut) = VOLUMES[canal]
    envoyes = rng.randrange(bas, haut + 1, pas)
    non_distribues = _part(rng, envoyes, 15, 60) if niveau == 3 and canal != "salon" else 0
    touches = envoyes - non_distribues
    row: dict[str, Any] = {
        "canal": canal,
        "libelle": LIBELLES[canal],
        "envoyes": envoyes,
        "non_distribues": non_distribues,
    }
    if canal == "emailing":
        row["ouvertures"] = _part(rng, touches, 180, 350)
        row["clics"] = _part(rng, row["ouvertures"], 100, 250)
    reponses = _part(rng, touches, r_bas, r_haut, minimum=3)
    row["reponses"] = min(reponses, row.get("clics", reponses) + touches // 50)
    row["gagnes"] = _part(rng, row["reponses"], 150, 450)
    cout = Decimal(envoyes * rng.randint(c_bas, c_haut)) / 100 + rng.randint(f_bas, f_haut)
    row["cout"] = str(cout.quantize(Decimal("0.01")))
    return row


def _canaux(rng: random.Random, niveau: int) -> list[dict[str, Any]]:
    autres = ["mailing", "telephone", "salon"]
    rng.shuffle(autres)
    noms = ["emailing", *autres[: niveau - 1]]
    return [_canal(rng, c, niveau) for c in noms]


def _prospects(
    rng: random.Random, niveau: int, debut: date, entreprises: bool, canaux: list[dict]
) -> list[dict]:
    n = NB_PROSPECTS[niveau]
    retours = list(FONDS[: 1 if niveau == 1 else 2])
    if any(c["non_distribues"] for c in canaux if c["canal"] in ("emailing", "mailing")):
        retours.insert(0, "npai")  # a letter back (NPAI) or an e-mail in error
    if niveau == 3:
        retours += ["ouvert_sans_reponse", "demande_info"]
    retours += [rng.choice(AUTRES) for _ in range(n - len(retours))]
    rng.shuffle(retours)
    noms = rng.sample(ENTREPRISES if entreprises else PERSONNES, n)
    return [
        {"nom": nom, "retour": r, "date": (debut + timedelta(days=rng.randint(1, 9))).isoformat()}
        for nom, r in zip(noms, retours, strict=True)
    ]


def _un_meilleur(p: dict[str, Any]) -> bool:
    """No tie on the cost per customer won (the best channel must be one)."""
    d = lire_params(p)
    valeurs = calcule(d)
    couts = [valeurs[f"canaux.{i}.cout_client"] for i in range(len(d.canaux))]
    return couts.count(min(couts)) == 1


def params(rng: random.Random, organisation: Any, niveau: int) -> dict[str, Any]:
    """The contract params of a variant of this level, for this organisation."""
    c = campagne(organisation.secteur)
    debut = date(2026, 3, 2) + timedelta(days=rng.randint(0, 40))
    p: dict[str, Any] = {"date_campagne": debut.isoformat(), "couts": niveau > 1}
    for _ in range(20):  # a tie is rare: draw the channels again
        p["canaux"] = _canaux(rng, niveau)
        if niveau == 1 or _un_meilleur(p | {"prospects": [], "couts": True}):
            break
    p["prospects"] = _prospects(rng, niveau, debut, c.entreprises, p["canaux"])
    if niveau == 3:
        p["delai_relance"], p["delai_offre"] = rng.choice((5, 7, 8)), rng.choice((2, 3))
    return p


# A variant drawn from the organisation: its sector's offer, channels and prospects.
generate = generateur(NAME, params, statement.enonce)
