"""Typical ``conformite`` answers: the right one, one per named method error this variant shows,
an action carried forward from a wrong finding, and an unreadable one."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.kinds.conformite import messages as m
from agora.exercise.kinds.conformite.controles import (
    ACTION_POUR,
    DATES,
    Constat,
    constats,
    constats_fournisseurs,
    vigilance_exigee,
)
from agora.exercise.kinds.conformite.params import Registre, lire_params
from agora.exercise.kinds.conformite.regles import load_regles
from agora.exercise.kinds.conformite.solve import solution

# The non-conformity a row of each kind would have if it were beyond its limit.
TYPE_DE = {
    "froid_positif": "temperature_hors_plage",
    "froid_negatif": "temperature_hors_plage",
    "dlc": "dlc_depassee",
    "ddm": "dlc_depassee",
    "lot": "lot_rappele",
    "decennale": "decennale_expiree",
    "verification": "verification_en_retard",
    "analyse": "analyse_non_conforme",
}
Regle = Callable[[Registre, int, Constat], bool]
AUCUNE = {"anomalie": "aucune", "action": "aucune"}
# Conforming rows whose flagging has its own name (a passed DDM, a fridge judged at −18 °C).
NOMMES = ("ddm", "froid_positif")


def _nc(r: Registre, i: int, c: Constat) -> bool:
    return c.anomalie != "aucune"


def _congelateur_tiede(r: Registre, i: int, c: Constat) -> bool:
    releve = r.lignes[i]
    positif = load_regles().temperatures.froid_positif
    return _nc(r, i, c) and releve.controle == "froid_negatif" and releve.valeur <= positif  # type: ignore[operator]


def _non_vue(r: Registre, i: int, c: Constat) -> bool:
    return _nc(r, i, c) and r.lignes[i].controle not in (*DATES, "froid_negatif")


def _propre(r: Registre, i: int, c: Constat) -> bool:
    return not _nc(r, i, c) and not c.a_la_limite and r.lignes[i].controle not in NOMMES


def _frigo_conforme(r: Registre, i: int, c: Constat) -> bool:
    return not _nc(r, i, c) and not c.a_la_limite and r.lignes[i].controle == "froid_positif"


def _signale(r: Registre, i: int) -> dict[str, str]:
    anomalie = TYPE_DE[r.lignes[i].controle]
    return {"anomalie": anomalie, "action": ACTION_POUR[anomalie]}


def _autre_type(r: Registre, i: int, c: Constat) -> dict[str, str]:
    """Another non-conformity than the right one, with the action the right one calls for."""
    autre = "lot_sans_fournisseur" if c.anomalie == "lot_rappele" else "lot_rappele"
    return {"anomalie": autre, "action": c.action}


def _mauvaise_action(r: Registre, i: int, c: Constat) -> dict[str, str]:
    return {"action": "jeter" if c.action != "jeter" else "informer_ars"}


# Register rows: the error, the rows that show it, and how the row's answer goes wrong.
FAUTES_REGISTRE: tuple[tuple[str, Regle, Callable[[Registre, int, Constat], dict]], ...] = (
    (
        m.DDM_COMME_DLC,
        lambda r, i, c: r.lignes[i].controle == "ddm",
        lambda r, i, c: _signale(r, i),
    ),
    (m.SEUILS_CONFONDUS, _congelateur_tiede, lambda r, i, c: AUCUNE),
    (m.SEUILS_CONFONDUS, _frigo_conforme, lambda r, i, c: _signale(r, i)),
    (
        m.LIMITE_PERMISE,
        lambda r, i, c: c.a_la_limite and not _nc(r, i, c),
        lambda r, i, c: _signale(r, i),
    ),
    (
        m.ECHEANCE_DEPASSEE,
        lambda r, i, c: _nc(r, i, c) and r.lignes[i].controle in DATES,
        lambda r, i, c: AUCUNE,
    ),
    (m.ANOMALIE_NON_VUE, _non_vue, lambda r, i, c: AUCUNE),
    (m.FAUSSE_ANOMALIE, _propre, lambda r, i, c: _signale(r, i)),
    (m.MAUVAIS_TYPE, _nc, _autre_type),
    (m.ACTION_INADAPTEE, _nc, _mauvaise_action),
)
SIGNALE_VIGILANCE = {"anomalie": "vigilance_perimee", "action": "demander_attestation"}
SIGNALE_SIRET = {"anomalie": "siret_invalide", "action": "corriger_fiche"}
FAUTES_FICHIER: tuple[tuple[str, Regle, dict[str, str]], ...] = (
    (m.VIGILANCE_6_MOIS, lambda r, i, c: c.anomalie == "vigilance_perimee", AUCUNE),
    (
        m.VIGILANCE_SOUS_SEUIL,
        lambda r, i, c: c.anomalie == "aucune" and not vigilance_exigee(r.fournisseurs[i]),
        SIGNALE_VIGILANCE,
    ),
    (m.SIRET_VALIDE_SIGNALE, lambda r, i, c: c.anomalie == "aucune", SIGNALE_SIRET),
    (m.CLE_NON_VERIFIEE, lambda r, i, c: c.anomalie in ("siret_invalide", "iban_invalide"), AUCUNE),
)


def _faux(reference: dict[str, Any], partie: str, i: int, changes: dict) -> dict[str, Any]:
    answer = copy.deepcopy(reference)
    answer[partie][i].update(changes)
    return answer


def _sample(code: str, answer: dict[str, Any]) -> SampleAnswer:
    return SampleAnswer(f"Méthode fausse : {code}", answer, False, (code,))


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The right answer first, then the named errors this variant shows, then an unreadable one."""
    r = lire_params(params)
    reference = solution(r)
    samples = [SampleAnswer("Réponse juste", reference, True)]
    cas = constats(r)
    for code, regle, change in FAUTES_REGISTRE:
        i = next((i for i, c in enumerate(cas) if regle(r, i, c)), None)
        if i is not None:
            samples.append(_sample(code, _faux(reference, "lignes", i, change(r, i, cas[i]))))
    cas_f = constats_fournisseurs(r)
    for code, regle, changes in FAUTES_FICHIER:
        i = next((i for i, c in enumerate(cas_f) if regle(r, i, c)), None)
        if i is not None:
            samples.append(_sample(code, _faux(reference, "fournisseurs", i, changes)))
    i = next((i for i, c in enumerate(cas) if _nc(r, i, c)), None)
    if i is not None:  # a wrong finding, and the action it calls for: carried forward
        autre = _autre_type(r, i, cas[i])["anomalie"]
        changes = {"anomalie": autre, "action": ACTION_POUR[autre]}
        samples.append(
            SampleAnswer(
                "Problème mal nommé, action juste d'après lui (erreur reportée)",
                _faux(reference, "lignes", i, changes),
                False,
                (m.MAUVAIS_TYPE,),
            )
        )
    illisible = {"lignes": [{"anomalie": "trop chaud", "action": "on verra"}]}
    samples.append(SampleAnswer("Réponse illisible", illisible, False, invalid=True))
    return samples
