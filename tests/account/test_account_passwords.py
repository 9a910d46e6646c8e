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
