"""The requests an organisation receives, by sector (situations.yaml, next to this module): who
asks, about what, which service of the organisation handles it, the follow-up, whether the
organisation's rules make it urgent, and the need the caller expresses against the need they
really have (level 3).

Plain data with the answer's codes (objects, services, actions, needs) and their French labels,
read once when the kind is imported (the answer's choices are built from them). A sentence may
use {ref} (the reference the caller gives) and {article} (an item of the organisation's
catalogue)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import model_validator

from agora.content.loading import StrictModel, load_yaml_model


class Situation(StrictModel):
    code: str
    secteurs: tuple[str, ...]  # the sector codes it fits; () for every organisation
    demandeur: Literal["tiers", "fournisseur", "salarie"]  # tiers: client, usager, adhérent
    objet: str
    fonction: str  # the function (FONCTIONS) that handles it
    action: str
    urgent: bool  # by the organisation's rules
    piece: str  # the kind of reference: commande, facture, contrat, dossier, bulletin
    reel: str  # the real need
    exprime: str  # what the caller asks at level 3 (another need)
    probleme: str  # what happened
    demande_claire: str  # the request said plainly (levels 1 and 2)
    demande_piege: str  # the request as a caller gets it wrong (level 3): asks ``exprime``
    regle: str  # the organisation's rule that makes it urgent, or the one that does not


class Situations(StrictModel):
    objets: dict[str, str]
    urgences: dict[str, str]
    fonctions: dict[str, str]
    service_fonction: dict[str, str]
    actions: dict[str, str]
    besoins: dict[str, str]
    pieces: dict[str, str]
    situations: tuple[Situation, ...]

    @model_validator(mode="after")
    def _codes_connus(self) -> Situations:
        """Every code a situation or a service uses has its label."""
        for s in self.situations:
            for code, labels in (
                (s.objet, self.objets),
                (s.fonction, self.fonctions),
                (s.action, self.actions),
                (s.piece, self.pieces),
                (s.reel, self.besoins),
                (s.exprime, self.besoins),
            ):
                if code not in labels:
                    raise ValueError(f"{s.code} : code inconnu « {code} »")
        inconnues = set(self.service_fonction.values()) - set(self.fonctions)
        if inconnues:
            raise ValueError(f"fonction inconnue : {', '.join(sorted(inconnues))}")
        return self


_DONNEES = load_yaml_model(Path(__file__).with_name("situations.yaml"), Situations)

OBJETS = _DONNEES.objets
URGENCES = _DONNEES.urgences
# The functions a message is passed on to; each organisation's services map to one of them.
FONCTIONS = _DONNEES.fonctions
SERVICE_FONCTION = _DONNEES.service_fonction
ACTIONS = _DONNEES.actions
BESOINS = _DONNEES.besoins
PIECES = _DONNEES.pieces
SITUATIONS = _DONNEES.situations
PAR_CODE = {s.code: s for s in SITUATIONS}
