"""Fixtures of « Mes missions »: a teacher at work, and the editor form of a two-step mission."""

import pytest

# The editor form of a mission: an invoice (automatic) then a written answer (rubric).
FORM = {
    "titre": "La facture du club",
    "niveau": "1",
    "duree_minutes": "30",
    "resume": "Le club de {ville} attend sa facture.",
    "competences": "1.1.1",
    "histoire": "Chez **{organisation}**, le club de sport attend sa facture.",
    "e-0-type": "exercice",
    "e-0-kind": "facture",
    "e-0-niveau": "1",
    "e-0-points": "10",
    "e-0-titre": "Établir la facture du club",
    "e-0-contexte": "",
    "e-1-type": "redaction",
    "e-1-format": "texte",
    "e-1-titre": "Prévenir le club",
    "e-1-consigne": "Écrivez au club que sa facture est prête.",
    "e-1-competences": "1.1.1",
    "e-1-r-0-critere": "Clarté",
    "e-1-r-0-points": "5",
    "e-1-r-0-description": "Le message est clair.",
}


@pytest.fixture
def form():
    return dict(FORM)


@pytest.fixture
def teacher_at_work(client, make_teacher, make_classe, as_teacher):
    """(client logged in as the teacher, the teacher, their class)."""
    teacher = make_teacher()
    classe = make_classe(teacher)
    as_teacher(client, teacher)
    return client, teacher, classe
