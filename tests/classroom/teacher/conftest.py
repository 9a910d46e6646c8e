"""Fixtures of the teacher-side tests: a teacher at work with a class of two students."""

import pytest

MISSION = "du-devis-a-l-encaissement"  # step 0: facture (12 pts), step 1: courriel (8 pts)


@pytest.fixture
def classroom(client, db, make_teacher, make_classe, make_student, make_assignment, as_teacher):
    """(client logged in as the teacher, class, assignment of MISSION, Léa, Tom)."""
    teacher = make_teacher()
    classe = make_classe(teacher)
    lea = make_student(classe, prenom="Léa", nom="Arnaud")
    tom = make_student(classe, prenom="Tom", nom="Bernard")
    assignment = make_assignment(classe, MISSION)
    as_teacher(client, teacher)
    return client, classe, assignment, lea, tom
