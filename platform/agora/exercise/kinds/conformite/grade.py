"""Grading of a register check as read: a verdict per field, the action carried forward from the
student's own finding, the named method errors, a score per competency."""

from __future__ import annotations

from typing import Any

from agora.exercise.base import ChampResult, Diagnostic, Grade
from agora.exercise.fields import Choice, Lu, verdict
from agora.exercise.grading import (
    grade_of,
    illisibles,
    notes_par_competence,
    verdict_reporte,
)
from agora.exercise.kinds.conformite import messages as m
from agora.exercise.kinds.conformite.answer import ACTION, ANOMALIE, ANOMALIE_FOURNISSEUR
from agora.exercise.kinds.conformite.controles import (
    ACTION_POUR,
    DATES,
    Constat,
    constats,
    constats_fournisseurs,
    vigilance_exigee,
)
from agora.exercise.kinds.conformite.params import NAME, Registre, lire_params
from agora.exercise.kinds.conformite.regles import load_regles
from agora.exercise.reading import Lecture

JUSTE = "Juste."
REGISTRE, FICHIER = "2.1.4", "2.1.3"
PARTIES = (("lignes", ANOMALIE, REGISTRE), ("fournisseurs", ANOMALIE_FOURNISSEUR, FICHIER))


class Reference:
    """What grading needs from the params alone."""

    def __init__(self, registre: Registre):
        self.registre = registre
        self.constats = {
            "lignes": constats(registre),
            "fournisseurs": constats_fournisseurs(registre),
        }


def reference(params: dict[str, Any]) -> Reference:
    """The Reference of these params (built at each grade: params come fresh from the
    database, a memo by params object would never hit)."""
    return Reference(lire_params(params))


def competence_de(champ: str) -> str:
    return FICHIER if champ.startswith("fournisseurs") else REGISTRE


def code_registre(registre: Registre, i: int, c: Constat, signale: str) -> str:
    """The method error behind a register row judged wrongly (``signale`` ≠ the right one)."""
    releve = registre.lignes[i]
    if c.anomalie != "aucune" and signale == "aucune":
        positif = load_regles().temperatures.froid_positif
        if releve.controle == "froid_negatif" and releve.valeur is not None:
            return m.SEUILS_CONFONDUS if releve.valeur <= positif else m.ANOMALIE_NON_VUE
        return m.ECHEANCE_DEPASSEE if releve.controle in DATES else m.ANOMALIE_NON_VUE
    if c.anomalie == "aucune":
        if releve.controle == "ddm":
            return m.DDM_COMME_DLC
        if c.a_la_limite:
            return m.LIMITE_PERMISE
        # a fridge within +4 °C flagged: the freezer's −18 °C applied to it
        return m.SEUILS_CONFONDUS if releve.controle == "froid_positif" else m.FAUSSE_ANOMALIE
    return m.MAUVAIS_TYPE


def code_fournisseur(registre: Registre, i: int, c: Constat, signale: str) -> str:
    """The method error behind a supplier record judged wrongly."""
    if c.anomalie != "aucune" and signale == "aucune":
        if c.anomalie == "vigilance_perimee":
            return m.VIGILANCE_6_MOIS
        cles = ("siret_invalide", "iban_invalide")
        return m.CLE_NON_VERIFIEE if c.anomalie in cles else m.ANOMALIE_NON_VUE
    if c.anomalie == "aucune":
        if signale == "siret_invalide":
            return m.SIRET_VALIDE_SIGNALE
        if signale == "vigilance_perimee":
            if not vigilance_exigee(registre.fournisseurs[i]):
                return m.VIGILANCE_SOUS_SEUIL
            return m.LIMITE_PERMISE if c.a_la_limite else m.FAUSSE_ANOMALIE
        return m.FAUSSE_ANOMALIE
    return m.MAUVAIS_TYPE


CODE_DE = {"lignes": code_registre, "fournisseurs": code_fournisseur}


class Copie:
    """The verdicts and named errors of one answer, filled row by row."""

    def __init__(self, ref: Reference, lecture: Lecture):
        self.ref, self.lecture = ref, lecture
        self.champs: list[ChampResult] = []
        self.codes: dict[str, list[str]] = {}  # code -> the rows where it was seen

    def nomme(self, code: str, ou: str) -> str:
        vus = self.codes.setdefault(code, [])
        if ou not in vus:
            vus.append(ou)
        return m.MESSAGES[code]

    def partie(self, nom: str, champ_anomalie: Choice) -> None:
        rows = self.lecture.arbre.get(nom)
        rows = rows if isinstance(rows, list) else []
        for i, c in enumerate(self.ref.constats[nom]):
            row = rows[i] if i < len(rows) and isinstance(rows[i], dict) else {}
            anomalie, action = row.get("anomalie"), row.get("action")
            anomalie = anomalie if isinstance(anomalie, Lu) else None
            action = action if isinstance(action, Lu) else None
            self.ligne(nom, i, c, champ_anomalie, anomalie, action)

    def ligne(
        self, nom: str, i: int, c: Constat, champ: Choice, anomalie: Lu | None, action: Lu | None
    ) -> None:
        p = f"{nom}.{i}."
        signale = anomalie.valeur if anomalie is not None else None
        if signale == c.anomalie and action is not None and action.valeur == c.action:
            self.champs += [  # the row as the reference gives it: most rows of most answers
                ChampResult(p + "anomalie", c.anomalie, anomalie.recu, True, JUSTE),  # type: ignore[union-attr]
                ChampResult(p + "action", c.action, action.recu, True, JUSTE),
            ]
            return
        ou = f"{nom} {i + 1}"
        if anomalie is not None:
            if signale is None or signale == c.anomalie:
                self.champs.append(verdict(p + "anomalie", champ, c.anomalie, anomalie))
            else:
                code = CODE_DE[nom](self.ref.registre, i, c, signale)
                conseil = self.nomme(code, ou)
                ko = f"{conseil} Attendu : {champ.display(c.anomalie)}."
                self.champs.append(verdict(p + "anomalie", champ, c.anomalie, anomalie, ko=ko))
        if action is None:
            return
        choisie = action.valeur
        if choisie is None or choisie == c.action:
            self.champs.append(verdict(p + "action", ACTION, c.action, action))
        elif signale is not None and signale != c.anomalie and choisie == ACTION_POUR[signale]:
            self.champs.append(verdict_reporte(p + "action", ACTION, c.action, action))
        else:
            conseil = self.nomme(m.ACTION_INADAPTEE, ou)
            ko = f"{conseil} Attendu : {ACTION.display(c.action)}."
            self.champs.append(verdict(p + "action", ACTION, c.action, action, ko=ko))


def corrige(ref: Reference, lecture: Lecture) -> Grade:
    """Grade one answer as read; never raises."""
    copie = Copie(ref, lecture)
    for nom, champ, _ in PARTIES:
        copie.partie(nom, champ)
    champs = illisibles(copie.champs, lecture) + copie.champs
    diagnostics = [
        Diagnostic(code, m.MESSAGES[code], {"ou": ou}) for code, ou in copie.codes.items()
    ]
    competences = notes_par_competence(champs, competence_de, (REGISTRE, FICHIER))
    return grade_of(NAME, champs, diagnostics, competences)


def grade(params: dict[str, Any], lecture: Lecture) -> Grade:
    """Per-field verdicts, actions carried forward and diagnostics; never raises on the answer."""
    return corrige(reference(params), lecture)
