"""Account rules: argon2 password hashes, unique logins, authentication with a rate limit."""

from __future__ import annotations

import re
import time
import unicodedata
from collections import defaultdict, deque
from collections.abc import Callable

from sqlmodel import Session, select

from agora.account.models import ROLES, User
from agora.account.passwords import (
    check_password_policy,
    hash_password,
    verify_nobody,
    verify_password,
)
from agora.errors import DomainError, InvalidInput


class LoginRefused(DomainError):
    """Wrong login or password (one message for both: do not reveal which logins exist)."""


class TooManyLoginAttempts(DomainError):
    """Too many failed logins for this login or from this address."""


def login_base(prenom: str, nom: str) -> str:
    """« Léa », « Le Gall » -> « lea.le-gall »: lowercase ASCII letters, dots and hyphens."""

    def clean(text: str) -> str:
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return re.sub(r"[^a-z]+", "-", ascii_text.lower()).strip("-") or "x"

    return f"{clean(prenom)}.{clean(nom)}"


def unique_login(session: Session, prenom: str, nom: str) -> str:
    """prenom.nom, or prenom.nom2, prenom.nom3… when already taken."""
    base = login_base(prenom, nom)
    taken = set(session.exec(select(User.login).where(User.login.startswith(base))))
    if base not in taken:
        return base
    number = 2
    while f"{base}{number}" in taken:
        number += 1
    return f"{base}{number}"


def create_user(
    session: Session,
    *,
    role: str,
    prenom: str,
    nom: str,
    password: str,
    login: str | None = None,
    must_change_password: bool = True,
    password_hash: str | None = None,
) -> User:
    """A new user with a unique login (flushed, not committed).

    ``password_hash`` lets a caller creating many users with one password hash it once.
    """
    if role not in ROLES:
        raise InvalidInput(f"Rôle inconnu : « {role} » (rôles : {', '.join(ROLES)}).")
    user = User(
        login=login or unique_login(session, prenom, nom),
        role=role,
        prenom=prenom.strip(),
        nom=nom.strip(),
        password_hash=password_hash or hash_password(password),
        must_change_password=must_change_password,
    )
    session.add(user)
    session.flush()
    return user


def check_new_password(user: User, new: str, confirmation: str) -> None:
    """InvalidInput (French) when the new password is too weak or mistyped."""
    if new != confirmation:
        raise InvalidInput("Les deux mots de passe saisis ne sont pas identiques.")
    check_password_policy(new, user.login, user.prenom, user.nom)
    if verify_password(user.password_hash, new):
        raise InvalidInput("Choisissez un mot de passe différent de l'ancien.")


def change_password(session: Session, user: User, current: str, new: str, confirmation: str):
    """Set a new password after checking the current one; other sessions are closed."""
    if not verify_password(user.password_hash, current):
        raise InvalidInput("Le mot de passe actuel est incorrect.")
    check_new_password(user, new, confirmation)
    user.password_hash = hash_password(new)
    user.must_change_password = False
    end_sessions(session, user)  # the route keeps the current one (refresh_version)


def end_sessions(session: Session, user: User) -> None:
    """Invalidate every session of ``user``: a signed cookie cannot be revoked, its version can."""
    user.session_version += 1
    session.add(user)
    session.flush()


class LoginThrottle:
    """Failed-login counter per login and per IP over a sliding window.

    In memory: right for one server process (the default `agora serve`); several processes
    would each count on their own.
    """

    def __init__(
        self,
        per_login: int,
        per_ip: int,
        window_seconds: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_login, self.per_ip, self.window = per_login, per_ip, window_seconds
        self.clock = clock
        self._failures: dict[str, deque[float]] = defaultdict(deque)

    def _count(self, key: str) -> int:
        stamps, horizon = self._failures[key], self.clock() - self.window
        while stamps and stamps[0] < horizon:
            stamps.popleft()
        return len(stamps)

    def check(self, login: str, ip: str) -> None:
        """TooManyLoginAttempts when this login or this address failed too often lately."""
        if (
            self._count(f"login:{login.lower()}") >= self.per_login
            or self._count(f"ip:{ip}") >= self.per_ip
        ):
            minutes = max(1, self.window // 60)
            raise TooManyLoginAttempts(
                "Trop de tentatives de connexion : patientez "
                f"{minutes} minute{'s' if minutes > 1 else ''} avant de réessayer."
            )

    def failed(self, login: str, ip: str) -> None:
        now = self.clock()
        self._failures[f"login:{login.lower()}"].append(now)
        self._failures[f"ip:{ip}"].append(now)

    def succeeded(self, login: str) -> None:
        self._failures.pop(f"login:{login.lower()}", None)


def authenticate(
    session: Session, throttle: LoginThrottle, login: str, password: str, ip: str
) -> User:
    """The user whose login and password these are; LoginRefused or TooManyLoginAttempts."""
    login = login.strip().lower()
    throttle.check(login, ip)
    user = session.exec(select(User).where(User.login == login)).first()
    if user is None:
        verify_nobody(password)  # same time as a wrong password: logins stay secret
    if user is None or not verify_password(user.password_hash, password):
        throttle.failed(login, ip)
        raise LoginRefused("Identifiant ou mot de passe incorrect.")
    throttle.succeeded(login)
    return user
