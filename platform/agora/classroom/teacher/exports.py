"""Spreadsheet exports of a class: marks on 20 per mission, competency levels per student.

Building the table reads the database; agora.spreadsheet writes it (CSV or XLSX), as it
writes every export of the platform.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from sqlmodel import Session

from agora import pronote
from agora.authoring.catalog import assignment_mission
from agora.classroom.models import Assignment, Classe
from agora.classroom.teacher.coverage import class_levels
from agora.classroom.teacher.service import (
    StepCell,
    assignments_of,
    cell_score,
    latest_attempts,
    mission_result,
    points,
    students_of,
    targeted_students,
)
from agora.spreadsheet import Table
from agora.web.templating import french_date

PENDING = "à corriger"
NOT_DONE = "non rendu"
NOT_GIVEN = "non attribuée"


def slug(text: str) -> str:
    """« 1re AGOrA A 2025-2026 » -> « 1re-agora-a-2025-2026 » (for file names)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "classe"


def _identity(user) -> list[Any]:
    return [user.nom, user.prenom, user.login]


def grades_table(session: Session, classe: Classe) -> Table:
    """One row per student, one column per assigned mission: the mark on 20.

    A mission not started is « non rendu »; one with a written step still to grade is
    « à corriger »; one given to other students only is « non attribuée ». A step not done
    counts 0 once the mission is started.
    """
    assignments = assignments_of(session, classe)
    missions = [assignment_mission(session, a) for a in assignments]
    headers = ["Nom", "Prénom", "Identifiant"] + [
        f"{m.titre} ({'le ' + french_date(a.due_at, 'short') if a.due_at else 'sans date'}) /20"
        for a, m in zip(assignments, missions, strict=True)
    ]
    cells = [latest_attempts(session, a) for a in assignments]
    targets = [targeted_students(session, a) for a in assignments]
    rows = []
    for student, user in students_of(session, classe):
        row = _identity(user)
        for a, mission, by_key, only in zip(assignments, missions, cells, targets, strict=True):
            if only is not None and student.id not in only:
                row.append(NOT_GIVEN)
                continue
            steps = [
                by_key.get((student.id, i), StepCell(None)) for i in range(len(mission.etapes))
            ]
            result = mission_result(mission, steps, a.penalite_essai)
            row.append(result.sur_20 if result.sur_20 is not None else _status(result))
        rows.append(row)
    return Table(f"Notes {classe.nom}", headers, rows)


def assignment_table(session: Session, assignment: Assignment, classe: Classe) -> Table:
    """One mission in detail: points per step, total and mark on 20 for each student."""
    mission = assignment_mission(session, assignment)
    headers = ["Nom", "Prénom", "Identifiant"]
    headers += [f"Étape {i + 1} /{s.points}" for i, s in enumerate(mission.etapes)]
    headers += [f"Total /{mission.points}", "Note /20"]
    by_key = latest_attempts(session, assignment)
    only = targeted_students(session, assignment)
    rows = []
    for student, user in students_of(session, classe):
        if only is not None and student.id not in only:
            continue
        steps = [by_key.get((student.id, i), StepCell(None)) for i in range(len(mission.etapes))]
        row = _identity(user)
        for cell, step in zip(steps, mission.etapes, strict=True):
            score = cell_score(cell, assignment.penalite_essai)
            row.append(points(score, step.points) if score is not None else _cell_status(cell))
        result = mission_result(mission, steps, assignment.penalite_essai)
        mark = result.sur_20 if result.sur_20 is not None else _status(result)
        row += [result.points if result.started else None, mark]
        rows.append(row)
    return Table(mission.titre, headers, rows)


def assignment_pronote(session: Session, assignment: Assignment, classe: Classe) -> Table:
    """One mission's marks on 20 for PRONOTE (agora.pronote): students given the mission."""
    mission = assignment_mission(session, assignment)
    by_key = latest_attempts(session, assignment)
    only = targeted_students(session, assignment)
    lignes = []
    for student, user in students_of(session, classe):
        if only is not None and student.id not in only:
            continue
        steps = [by_key.get((student.id, i), StepCell(None)) for i in range(len(mission.etapes))]
        result = mission_result(mission, steps)
        why = pronote.A_CORRIGER if result.pending else pronote.NON_RENDU
        lignes.append(
            pronote.Ligne(user.nom, user.prenom, student.date_naissance, result.sur_20, why)
        )
    return pronote.table(mission.titre, lignes)


def _status(result) -> str:
    return PENDING if result.pending else NOT_DONE


def _cell_status(cell: StepCell) -> str | None:
    return PENDING if cell.pending else None


def competences_table(session: Session, classe: Classe) -> Table:
    """One row per student, one column per competency: the level (« satisfaisant »…)."""
    from agora.referentiel import load_referentiel

    competences = load_referentiel().competences
    levels = class_levels(session, classe)
    headers = ["Nom", "Prénom", "Identifiant"] + [f"{c.code} {c.libelle}" for c in competences]
    rows = [
        _identity(user) + [levels[student.id][c.code].libelle for c in competences]
        for student, user in students_of(session, classe)
    ]
    return Table(f"Compétences {classe.nom}", headers, rows)
