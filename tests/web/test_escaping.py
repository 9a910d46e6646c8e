"""User text (names, answers) is escaped on every page."""

from sqlmodel import select

from agora.account.models import User


def test_a_hostile_name_is_shown_as_text(client, db, make_student, as_student):
    student = make_student(prenom="<script>alert('x')</script>", nom="<b>Nom</b>")
    login = db.exec(select(User.login).where(User.id == student.user_id)).one()
    assert login.startswith("script-alert-x-script.b-nom-b")
    page = as_student(client, student).get("/eleve")
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page.text
    assert "&lt;b&gt;Nom&lt;/b&gt;" in page.text


def test_login_error_echoes_the_login_escaped(client, csrf):
    token = csrf(client)
    page = client.post(
        "/connexion",
        data={"identifiant": '"><script>x</script>', "mot_de_passe": "a", "csrf_token": token},
    )
    assert "<script>x</script>" not in page.text
    assert "&#34;&gt;&lt;script&gt;" in page.text


def test_open_redirect_after_login_is_refused(client, make_student, db, csrf):
    student = make_student()
    login = db.get(User, student.user_id).login
    token = csrf(client)
    response = client.post(
        "/connexion",
        data={
            "identifiant": login,
            "mot_de_passe": "motdepasse-de-test",
            "csrf_token": token,
            "suivant": "//evil.example/",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"


def test_session_cookie_is_httponly_and_samesite(client, make_student, db, csrf):
    student = make_student()
    login = db.get(User, student.user_id).login
    token = csrf(client)
    response = client.post(
        "/connexion",
        data={"identifiant": login, "mot_de_passe": "motdepasse-de-test", "csrf_token": token},
        follow_redirects=False,
    )
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
