"""Typical ``qualite_donnees`` answers: the right one, one per named method error this file
shows, a decision carried forward from a wrong diagnosis, and an unreadable one."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from agora.exercise.base import SampleAnswer
from agora.exercise.kinds.qualite_donnees import messages as m
from agora.exercise.kinds.qualite_donnees.controles import (
    CLES,
    Attendu,
    action_pour,
    attendus,
    encours_retenu,
)
from agora.exercise.kinds.qualite_donnees.params import Fichier, lire_params
from agora.exercise.kinds.qualite_donnees.solve import solution

Regle = Callable[[Fichier, int, Attendu], bool]


def _seul(*problemes: str) -> Regle:
    """Rows whose only problem is one of these (a second one would name another error)."""
    return lambda f, i, a: len(a.problemes) == 1 and a.problemes[0] in problemes


def _action(action: str) -> Regle:
    return lambda f, i, a: a.action == action


def _propre(f: Fichier, i: int, a: Attendu) -> bool:
    return not a.problemes and not encours_retenu(f, f.lignes[i])


def _retenue(f: Fichier, i: int, a: Attendu) -> bool:
    return encours_retenu(f, f.lignes[i])


# Each named error: the rows that can show it, and how the answer of that row goes wrong.
FAUTES: tuple[tuple[str, Regle, dict[str, str]], ...] = (
    (m.DOUBLON_NON_VU, _action("fusionner"), {"action": "conserver"}),
    (m.FUSION_MAUVAISE_LIGNE, _action("fusionner"), {"fusion_avec": "soi"}),
    (m.CLE_NON_VERIFIEE, _seul(*CLES), {"action": "conserver"}),
    (m.CP_VILLE_NON_CONTROLE, _seul("cp_ville"), {"probleme": "aucun", "probleme_2": "aucun"}),
    (m.CONSERVATION_IGNOREE, _seul("conservation_depassee"), {"action": "conserver"}),
    (m.PIECES_COMPTABLES_SUPPRIMEES, _action("archiver"), {"action": "supprimer"}),
    (m.ARCHIVE_AU_LIEU_DE_SUPPRIMER, _action("supprimer"), {"action": "archiver"}),
    (m.ENCOURS_OUBLIE, _retenue, {"action": "archiver"}),
    (m.DONNEE_SENSIBLE_GARDEE, _seul("donnee_sensible"), {"action": "conserver"}),
    (m.SUPPRESSION_ABUSIVE, _propre, {"action": "supprimer"}),
    (m.FAUSSE_ANOMALIE, _propre, {"probleme": "cp_ville"}),
)


def _faux(reference: dict[str, Any], i: int, changes: dict[str, str]) -> dict[str, Any]:
    answer = copy.deepcopy(reference)
    ligne = answer["lignes"][i]
    for champ, valeur in changes.items():
        if champ in ligne or champ == "probleme":
            ligne[champ] = str(i + 1) if valeur == "soi" else valeur
    return answer


def _droits(reference: dict[str, Any], droit: str) -> dict[str, Any]:
    answer = copy.deepcopy(reference)
    answer["droits"] = {r: dict.fromkeys(c, droit) for r, c in answer["droits"].items()}
    return answer


def _reporte(f: Fichier, reference: dict[str, Any], cas: list[Attendu]) -> SampleAnswer | None:
    """A postcode error reported as a wrong key, with the decision the rules give for that:
    « corriger » is right from the student's own diagnosis (carried forward)."""
    for i, a in enumerate(cas):
        if a.problemes == ("cp_ville",):
            answer = _faux(reference, i, {"probleme": "conservation_depassee"})
            answer["lignes"][i]["action"] = action_pour(
                f, f.lignes[i].derniere_activite, {"conservation_depassee"}
            )
            return SampleAnswer(
                "Problème mal nommé, décision juste d'après lui (erreur reportée)",
                answer,
                False,
                (m.CP_VILLE_NON_CONTROLE,),
            )
    return None


def sample_answers(params: dict[str, Any]) -> list[SampleAnswer]:
    """The right answer first, then the named errors this file shows, then an unreadable one."""
    f = lire_params(params)
    reference = solution(f)
    cas = attendus(f)
    samples = [SampleAnswer("Réponse juste", reference, True)]
    for code, regle, changes in FAUTES:
        i = next((i for i, a in enumerate(cas) if regle(f, i, a)), None)
        if i is not None:
            samples.append(
                SampleAnswer(
                    f"Méthode fausse : {code}", _faux(reference, i, changes), False, (code,)
                )
            )
    cellules = [d for role in f.roles for d in role.droits.values()]
    if any(d != "modification" for d in cellules):
        samples.append(
            SampleAnswer(
                "Droits trop larges",
                _droits(reference, "modification"),
                False,
                (m.DROITS_TROP_LARGES,),
            )
        )
    if any(d != "aucun" for d in cellules):
        samples.append(
            SampleAnswer(
                "Droits insuffisants", _droits(reference, "aucun"), False, (m.DROITS_INSUFFISANTS,)
            )
        )
    reporte = _reporte(f, reference, cas)
    if reporte:
        samples.append(reporte)
    illisible = {"lignes": [{"action": "jeter", "fusion_avec": "beaucoup"}]}
    samples.append(SampleAnswer("Réponse illisible", illisible, False, invalid=True))
    return samples
