"""Anonymous grading: copies under numbers in a fixed shuffled order, names revealed after."""

import html

import pytest

from agora.classroom import service
from agora.db import utcnow

NAMES = [("Zéphyrine", "Quillebeuf"), ("Anatole", "Vercingeto"), ("Philomène", "Trébuchet")]


@pytest.fixture
def copies(client, db, make_teacher, make_classe, make_student, make_assignment, as_teacher):
    """(teacher's client, assignment, [(student, attempt)]): three e-mails to grade."""
    teacher = make_teacher()
    classe = make_classe(teacher)
    students = [make_student(classe, prenom=p, nom=n) for p, n in NAMES]
    assignment = make_assignment(classe, "du-devis-a-l-encaissement")
    done = []
    for student in students:
        outcome = service.submit_prose(
            db, student, assignment, 1, "Madame, Monsieur, voici le montant.", utcnow()
        )
        done.append((student, outcome.attempt))
    db.commit()
    as_teacher(client, teacher)
    return client, assignment, done


def _no_name(text: str) -> None:
    page = html.unescape(text)
    for prenom, nom in NAMES:
        assert prenom not in page and nom not in page


def test_anonymous_grading_hides_every_name_until_all_are_graded(copies, csrf):
    client, assignment, done = copies
    start = f"/enseignant/devoirs/{assignment.id}/corriger-anonyme"
    seen, numbers = [], []
    for _ in done:
        location = client.get(start, follow_redirects=False).headers["location"]
        assert location.endswith("?anonyme=1")
        page = client.get(location)
        _no_name(page.text)
        number = page.text.split('copie-anonyme">Copie ')[1].split("<")[0]
        numbers.append(int(number))
        assert 'action="http' not in page.text or "?anonyme=1" in page.text
        attempt_id = int(location.split("/tentatives/")[1].split("/")[0])
        seen.append(attempt_id)
        token = csrf(client, location)
        saved = client.post(
            location,
            data={"points": ["1", "2", "1", "1"], "action": "suivant", "csrf_token": token},
            follow_redirects=False,
        )
        assert saved.status_code == 303
        assert saved.headers["location"].endswith(start)
        if len(seen) < len(done):  # the next copy says which was saved, by its number only
            following = client.get(start)
            assert f"Note de la copie {numbers[-1]} enregistrée : 5 / 8." in following.text
            _no_name(following.text)
        # The names stay hidden on the reveal page while copies remain.
        if len(seen) < len(done):
            _no_name(client.get(f"/enseignant/devoirs/{assignment.id}/copies-anonymes").text)
    assert sorted(numbers) == [1, 2, 3]
    assert sorted(seen) == sorted(a.id for _, a in done)
    # Every copy graded: the last « suivant » reveals who wrote which.
    reveal = client.get(start)
    assert "Copies anonymes" in reveal.text
    for prenom, nom in NAMES:
        assert f"{nom} {prenom}" in html.unescape(reveal.text)
    assert "Copie 1" in reveal.text and "5 / 8" in reveal.text


def test_the_anonymous_order_and_numbers_stay_the_same(copies):
    client, assignment, _ = copies
    start = f"/enseignant/devoirs/{assignment.id}/corriger-anonyme"
    first = client.get(start, follow_redirects=False).headers["location"]
    assert client.get(start, follow_redirects=False).headers["location"] == first
    page = client.get(first).text
    number = int(page.split('copie-anonyme">Copie ')[1].split("<")[0])
    # Copie N is always the same student's, whatever the page.
    again = client.get(first).text
    assert f'copie-anonyme">Copie {number}<' in again


def test_a_refused_anonymous_grading_keeps_the_name_hidden(copies, csrf):
    client, _, done = copies
    _, attempt = done[0]
    url = f"/enseignant/tentatives/{attempt.id}/grille?anonyme=1"
    token = csrf(client, url)
    page = client.post(url, data={"points": ["9", "0", "0", "0"], "csrf_token": token})
    assert page.status_code == 400 and "va de 0 à 2" in page.text
    _no_name(page.text)
