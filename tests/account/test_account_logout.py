"""Logging out ends the session everywhere: a copy of the old cookie opens nothing."""

from fastapi.testclient import TestClient


def test_old_cookie_replayed_after_logout_is_sent_to_the_login_page(
    app, client, make_teacher, as_teacher, csrf
):
    as_teacher(client, make_teacher())
    assert client.get("/enseignant", follow_redirects=False).status_code == 200
    stolen = dict(client.cookies)
    client.post("/deconnexion", data={"csrf_token": csrf(client, "/enseignant")})

    with TestClient(app, cookies=stolen) as replay:
        response = replay.get("/enseignant", follow_redirects=False)
    assert response.status_code == 303
    assert "/connexion" in response.headers["location"]


def test_logging_out_one_browser_closes_the_others(
    client, new_client, make_student, as_student, csrf
):
    student = make_student()
    other = as_student(new_client(), student)
    as_student(client, student)
    client.post("/deconnexion", data={"csrf_token": csrf(client, "/eleve")})
    assert other.get("/eleve", follow_redirects=False).status_code == 303
