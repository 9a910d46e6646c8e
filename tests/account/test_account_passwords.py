"""Password policy (login, names, repeated character, common passwords) and equal-time refusals."""

import pytest

from agora.account import passwords
from agora.account.models import User
from agora.account.passwords import check_password_policy, common_passwords
from agora.errors import InvalidInput

IDENTITY = {"login": "lea.le-gall", "prenom": "Léa", "nom": "Le Gall"}


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("lea.le-gall", "identifiant"),
        ("LEA.LE-GALL", "identifiant"),
        ("lealegall2008", "identifiant"),
        ("LeGallLea!", "identifiant"),
        ("Le Gall 1234", "identifiant"),
        ("aaaaaaaaaa", "caractère répété"),
        ("azertyuiop", "plus utilisés"),
        ("MotDePasse", "plus utilisés"),
        ("court", "au moins 8"),
    ],
)
def test_weak_passwords_are_refused_with_a_french_reason(password, reason):
    with pytest.raises(InvalidInput, match=reason):
        check_password_policy(password, **IDENTITY)


def test_an_ordinary_passphrase_is_accepted():
    check_password_policy("cheval-agrafe-nuage", **IDENTITY)


def test_the_shipped_list_is_small_and_readable():
    common = common_passwords()
    assert 1000 <= len(common) <= 5000
    assert "marseille" in common and not any(p.startswith("#") for p in common)


def test_password_page_refuses_the_login_as_password(client, make_student, as_student, csrf, db):
    student = make_student(must_change_password=True)
    login = db.get(User, student.user_id).login
    response = client.post(
        "/mot-de-passe",
        data={
            "actuel": "motdepasse-de-test",
            "nouveau": login,
            "confirmation": login,
            "csrf_token": _logged_in_token(client, login, csrf),
        },
    )
    assert response.status_code == 400
    assert "ni votre identifiant" in response.text


def _logged_in_token(client, login, csrf):
    token = csrf(client)
    client.post(
        "/connexion",
        data={"identifiant": login, "mot_de_passe": "motdepasse-de-test", "csrf_token": token},
    )
    return csrf(client, "/mot-de-passe")


def test_unknown_login_runs_a_full_password_verification(client, make_student, log_in, monkeypatch):
    """Same work for an unknown login as for a wrong password: the answer time tells nothing."""
    make_student()
    verified = []
    real = passwords.verify_password

    def spy(password_hash, password):
        verified.append((password_hash[:9], password))
        return real(password_hash, password)

    monkeypatch.setattr(passwords, "verify_password", spy)
    response = log_in(client, "personne.inconnue", "un-essai-quelconque")
    assert response.status_code == 400
    assert "Identifiant ou mot de passe incorrect." in response.text
    assert verified == [("$argon2id", "un-essai-quelconque")]


def test_new_hashes_use_the_documented_argon2_parameters():
    from argon2 import extract_parameters

    params = extract_parameters(passwords.hash_password("cheval-agrafe-nuage"))
    assert (params.memory_cost, params.time_cost, params.parallelism) == (7 * 1024, 5, 1)
    assert params.type.name == "ID"


@pytest.mark.parametrize(
    "older",
    [
        {},  # the library's defaults (64 MiB, 3 passes, 4 lanes), before issue 17
        {"memory_cost": 19 * 1024, "time_cost": 2, "parallelism": 1},  # until December 2026
    ],
)
def test_an_older_hash_is_upgraded_at_the_next_login(client, make_student, log_in, db, older):
    from argon2 import PasswordHasher, extract_parameters

    student = make_student()
    user = db.get(User, student.user_id)
    user.password_hash = PasswordHasher(**older).hash("motdepasse-de-test")
    db.add(user)
    db.commit()
    assert extract_parameters(user.password_hash).memory_cost != 7 * 1024

    assert log_in(client, user.login).status_code == 200
    db.refresh(user)
    params = extract_parameters(user.password_hash)
    assert (params.memory_cost, params.time_cost, params.parallelism) == (7 * 1024, 5, 1)
    assert passwords.verify_password(user.password_hash, "motdepasse-de-test")


def test_an_old_default_hash_still_refuses_a_wrong_password(client, make_student, log_in, db):
    from argon2 import PasswordHasher

    student = make_student()
    user = db.get(User, student.user_id)
    old = PasswordHasher().hash("motdepasse-de-test")
    user.password_hash = old
    db.add(user)
    db.commit()
    response = log_in(client, user.login, "mauvais-mot-de-passe")
    assert response.status_code == 400
    assert "Identifiant ou mot de passe incorrect." in response.text
    db.refresh(user)
    assert user.password_hash == old
