"""The login limit slows an attacker without locking out the owner, a class or the teacher."""

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlmodel import select

from agora.account.models import KnownAddress, User
from agora.account.throttle import LoginThrottle, TooManyLoginAttempts

SCHOOL, OUTSIDE = "192.0.2.10", "198.51.100.7"
SLOWED = "Trop de tentatives de connexion"


@pytest.fixture
def clock(app):
    """Time of the app's login limit, moved by hand."""
    now = [1000.0]
    app.state.login_throttle.clock = lambda: now[0]
    return now


@pytest.fixture
def browser_at(app):
    """browser_at(ip) -> a new browser whose requests come from ``ip``."""
    clients = []

    def make(ip: str) -> TestClient:
        clients.append(TestClient(app, client=(ip, 50000)).__enter__())
        return clients[-1]

    yield make
    for c in clients:
        c.__exit__(None, None, None)


def _login_of(db, student) -> str:
    return db.get(User, student.user_id).login


def test_back_off_doubles_per_login_and_address_only(app):
    now = [0.0]
    throttle = LoginThrottle(
        app.state.engine,
        free_failures=3,
        base_delay=2,
        max_delay=60,
        per_ip=1000,
        ip_window=600,
        clock=lambda: now[0],
    )
    for _ in range(3):
        throttle.check("lea.martin", OUTSIDE)
        throttle.failed("lea.martin", OUTSIDE)
    waits = []
    for _ in range(6):
        waits.append(throttle.wait("lea.martin", OUTSIDE))
        now[0] += waits[-1]
        throttle.failed("lea.martin", OUTSIDE)
    assert waits == [2, 4, 8, 16, 32, 60]
    assert throttle.wait("lea.martin", SCHOOL) == 0  # another address: not slowed
    assert throttle.wait("tom.petit", OUTSIDE) == 0  # another login: not slowed
    with pytest.raises(TooManyLoginAttempts, match="1 minute"):
        throttle.check("lea.martin", OUTSIDE)


def test_attacker_is_slowed_even_with_the_right_password(
    browser_at, make_student, log_in, db, clock
):
    login = _login_of(db, make_student())
    attacker = browser_at(OUTSIDE)
    for _ in range(5):
        assert "incorrect" in log_in(attacker, login, "devine-1234").text
    blocked = log_in(attacker, login)  # right password, unknown address, during the wait
    assert blocked.status_code == 400
    assert SLOWED in blocked.text
    clock[0] += 2  # the first wait is over
    assert log_in(attacker, login).status_code == 200


def test_classmate_failures_do_not_lock_the_owner_out_at_school(
    browser_at, make_student, log_in, db, csrf
):
    student = make_student()
    login = _login_of(db, student)
    owner = browser_at(SCHOOL)
    assert log_in(owner, login).status_code == 200  # the school address is now known
    owner.post("/deconnexion", data={"csrf_token": csrf(owner, "/eleve")})
    classmate = browser_at(SCHOOL)
    for _ in range(12):
        assert log_in(classmate, login, "je-tente-ma-chance").status_code == 400

    back = log_in(owner, login)
    assert back.status_code == 200
    assert str(back.url).endswith("/eleve")
    remembered = db.exec(select(KnownAddress.ip).where(KnownAddress.user_id == student.user_id))
    assert list(remembered) == [SCHOOL]


def test_a_flood_from_the_school_address_does_not_lock_the_teacher(
    app, browser_at, make_teacher, make_student, log_in, db, csrf
):
    app.state.login_throttle.per_ip = 10
    teacher = make_teacher()
    first = browser_at(SCHOOL)
    assert log_in(first, teacher.login).status_code == 200
    flood = browser_at(SCHOOL)
    for number in range(12):
        log_in(flood, f"eleve.inconnu{number}", "n-importe-quoi")
    newcomer = _login_of(db, make_student())
    assert SLOWED in log_in(flood, newcomer).text  # the address as a whole is slowed…

    assert log_in(browser_at(SCHOOL), teacher.login).status_code == 200  # …not the teacher


def test_teacher_unlocks_their_student(
    browser_at, make_student, make_teacher, make_classe, as_teacher, log_in, csrf, db, clock
):
    teacher = make_teacher()
    student = make_student(make_classe(teacher))
    login = _login_of(db, student)
    slowed = browser_at(OUTSIDE)
    for _ in range(6):
        log_in(slowed, login, "oublie-mon-mdp")

    desk = as_teacher(browser_at(SCHOOL), teacher)
    page = desk.get(f"/enseignant/classes/{student.classe_id}")
    assert "connexion ralentie" in page.text
    token = csrf(desk, "/enseignant")
    done = desk.post(f"/enseignant/eleves/{student.id}/debloquer", data={"csrf_token": token})
    assert "Connexion débloquée" in done.text
    assert "connexion ralentie" not in done.text
    assert log_in(slowed, login).status_code == 200


def test_unlock_is_refused_for_another_teachers_student(
    browser_at, make_student, make_teacher, make_classe, as_teacher, log_in, csrf, db, clock
):
    student = make_student(make_classe(make_teacher()))
    login = _login_of(db, student)
    slowed = browser_at(OUTSIDE)
    for _ in range(6):
        log_in(slowed, login, "oublie-mon-mdp")

    other = as_teacher(browser_at(SCHOOL), make_teacher(prenom="Marc", nom="Autre"))
    token = csrf(other, "/enseignant")
    refused = other.post(f"/enseignant/eleves/{student.id}/debloquer", data={"csrf_token": token})
    assert refused.status_code == 404
    assert SLOWED in log_in(slowed, login).text


def test_a_student_cannot_unlock_anyone(browser_at, make_student, as_student, csrf):
    student = make_student()
    own = as_student(browser_at(SCHOOL), student)
    token = csrf(own, "/eleve")
    response = own.post(f"/enseignant/eleves/{student.id}/debloquer", data={"csrf_token": token})
    assert response.status_code == 403


def test_a_limit_set_through_one_app_holds_on_another_on_the_same_database(
    settings, browser_at, make_student, log_in, db
):
    """Two server processes (two create_app on one database) count the same failures."""
    from agora.app import create_app

    login = _login_of(db, make_student())
    attacker = browser_at(OUTSIDE)
    for _ in range(5):
        assert "incorrect" in log_in(attacker, login, "devine-1234").text

    other = create_app(settings)
    try:
        with TestClient(other, client=(OUTSIDE, 50001)) as elsewhere:
            blocked = log_in(elsewhere, login)  # the right password, on the other process
            assert blocked.status_code == 400
            assert SLOWED in blocked.text
        assert other.state.login_throttle.is_slowed(login)
        assert other.state.login_throttle.slowed_logins() == {login}
        other.state.login_throttle.unlock(login)  # a teacher unlocks on the other one…
    finally:
        other.state.engine.dispose()
    assert log_in(attacker, login).status_code == 200  # …and it holds here


def _rows(app) -> tuple[list[tuple[str, str]], list[str]]:
    from agora.account.throttle import PAIRS, STAMPS

    with app.state.engine.connect() as connection:
        pairs = connection.execute(sa.select(PAIRS.c.login, PAIRS.c.ip)).all()
        stamps = connection.execute(sa.select(STAMPS.c.ip)).scalars().all()
    return sorted(tuple(p) for p in pairs), sorted(stamps)


def _throttle(app, now, **kwargs) -> LoginThrottle:
    limits = {"free_failures": 1, "base_delay": 60, "max_delay": 600, "per_ip": 1000}
    return LoginThrottle(app.state.engine, ip_window=600, clock=lambda: now[0], **limits | kwargs)


def test_failures_too_old_to_matter_are_purged(app):
    now = [0.0]
    throttle = _throttle(app, now)
    throttle.failed("lea.martin", OUTSIDE)
    now[0] += throttle.forget_after + 1  # past the pair's memory and the address window
    throttle.failed("hugo.petit", SCHOOL)
    assert _rows(app) == ([("hugo.petit", SCHOOL)], [SCHOOL])


def test_a_flood_from_many_addresses_keeps_at_most_the_cap_and_the_newest_failures(app):
    now = [0.0]
    throttle = _throttle(app, now, max_rows=10)
    for i in range(25):  # all within the windows: nothing is old enough to be purged by age
        now[0] += 1
        throttle.failed(f"eleve{i:02d}", f"2001:db8::{i}")
    pairs, stamps = _rows(app)
    assert len(pairs) == 10 and len(stamps) == 10
    assert pairs == [(f"eleve{i:02d}", f"2001:db8::{i}") for i in range(15, 25)]
    assert throttle.wait("eleve24", "2001:db8::24") > 0  # the newest failure still slows
