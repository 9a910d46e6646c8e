"""The params of a ``suivi_prospection`` variant: read and checked, one French line when unusable."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from agora.errors import InvalidInput
from agora.exercise import params as kit
from agora.money import ZERO

# The kind's name, in its variants and grades (every module of the kind may import params).
NAME = "suivi_prospection"

MAX_CANAUX, MAX_PROSPECTS = 4, 12
VOLUME_MAX = 10**7  # more contacts than any school campaign: hostile params stay small
# The channels a campaign may use; only the e-mailing has opens and clicks.
CANAUX = ("emailing", "mailing", "telephone", "salon")
# What a prospect did last (the returns of the campaign), each with its follow-up rule.
RETOURS = (
    "ouvert_sans_reponse",
    "demande_info",
    "desabonne",
    "npai",
    "non_ouvert",
    "devenu_client",
)


# Named tuples, not frozen dataclasses: the params are read at every grade, and a frozen
# dataclass's __init__ costs a call per field (a campaign has a dozen channels and prospects).
class Canal(NamedTuple):
    canal: str
    libelle: str
    cout: Any  # Decimal, the whole cost of the channel's campaign
    envoyes: int
    non_distribues: int  # bounced e-mails, letters back NPAI, wrong numbers
    ouvertures: int | None  # e-mailing only
    clics: int | None
    reponses: int
    gagnes: int


class Prospect(NamedTuple):
    nom: str
    retour: str
    jour: date


class Campagne(NamedTuple):
    """Typed, validated params."""

    date_campagne: date
    canaux: tuple[Canal, ...]
    prospects: tuple[Prospect, ...]
    couts: bool  # level 2 and up: the cost figures and the best channel are asked
    delai_relance: int | None  # days after an opened e-mail left unanswered (None: no follow-up)
    delai_offre: int | None  # days after a request for information


def _compte(row: dict[str, Any], cle: str, where: str, maximum: int) -> int:
    raw = row.get(cle)
    if type(raw) is int and 0 <= raw <= maximum:
        return raw  # lire_entier's common case, without writing the place its message names
    return kit.lire_entier(raw, f"{cle} du canal {where}", maximum)


def _ouvertures(row: dict[str, Any], where: str, touches: int) -> tuple[int | None, int | None]:
    if row.get("canal") != "emailing":
        return None, None
    ouvertures = _compte(row, "ouvertures", where, touches)
    return ouvertures, _compte(row, "clics", where, ouvertures)


def _canal(raw: Any, i: int) -> Canal:
    where = str(i + 1)
    row = kit.lire_objet(raw, f"le canal {where}")
    canal = kit.code_connu(row.get("canal"), CANAUX, f"canal {where} inconnu")
    envoyes = _compte(row, "envoyes", where, VOLUME_MAX)
    non_distribues = _compte(row, "non_distribues", where, envoyes)
    touches = envoyes - non_distribues
    ouvertures, clics = _ouvertures(row, where, touches)
    reponses = _compte(row, "reponses", where, touches)
    gagnes = _compte(row, "gagnes", where, reponses)
    if gagnes < 1:
        raise InvalidInput(f"Paramètres : le canal {where} doit avoir au moins un contact gagné.")
    cout = kit.lire_montant(row.get("cout"), f"coût du canal {where}")
    if cout <= ZERO:
        raise InvalidInput(f"Paramètres : le coût du canal {where} doit être positif.")
    libelle = row.get("libelle", canal)
    return Canal(
        canal,
        str(libelle)[:80],
        cout,
        envoyes,
        non_distribues,
        ouvertures,
        clics,
        reponses,
        gagnes,
    )


def _prospect(raw: Any, i: int) -> Prospect:
    row = kit.lire_objet(raw, f"le prospect {i + 1}")
    retour = row.get("retour")
    if not isinstance(retour, str) or retour not in RETOURS:
        raise InvalidInput(f"Paramètres : retour du prospect {i + 1} inconnu.")
    return Prospect(str(row.get("nom", ""))[:80], retour, kit.lire_jour(row.get("date"), "date"))


def _delai(p: dict[str, Any], cle: str) -> int | None:
    if p.get(cle) is None:
        return None
    return kit.lire_entier(p[cle], cle, 60)


def lire_params(params: Any) -> Campagne:
    """Validate the contract params; InvalidInput with one French line when they are unusable."""
    p = kit.lire_objet(params, "l'ensemble")
    canaux = tuple(
        _canal(r, i) for i, r in enumerate(kit.lire_liste(p.get("canaux"), "canaux", MAX_CANAUX, 1))
    )
    if len({c.canal for c in canaux}) != len(canaux):
        raise InvalidInput("Paramètres : chaque canal ne figure qu'une fois.")
    prospects = kit.lire_liste(p.get("prospects"), "prospects", MAX_PROSPECTS)
    relance, offre = _delai(p, "delai_relance"), _delai(p, "delai_offre")
    if (relance is None) != (offre is None):
        raise InvalidInput("Paramètres : delai_relance et delai_offre vont ensemble.")
    return Campagne(
        date_campagne=kit.lire_jour(p.get("date_campagne"), "date_campagne"),
        canaux=canaux,
        prospects=tuple(_prospect(r, i) for i, r in enumerate(prospects)),
        couts=kit.lire_booleen(p.get("couts"), "couts"),
        delai_relance=relance,
        delai_offre=offre,
    )


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """Validate params from outside; InvalidInput with one French line when unusable."""
    lire_params(params)
    return params
