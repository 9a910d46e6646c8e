"""Account rules: users, unique logins, password changes, authentication with the login limit."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from anyascii import anyascii
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from agora.account.models import ROLES, KnownAddress, User
from agora.account.passwords import (
    check_password_policy,
    hash_password,
    needs_rehash,
    verify_nobody,
    verify_password,
)
from agora.account.throttle import LoginThrottle
from agora.db import utcnow
from agora.errors import DomainError, InvalidInput

# An address the account logged in from within this many days counts as « known ».
KNOWN_ADDRESS_DAYS = 180


class LoginRefused(DomainError):
    """Wrong login or password (one message for both: do not reveal which logins exist)."""


LOGIN_MAX_LENGTH = 80  # the width of the user.login column


def login_base(prenom: str, nom: str) -> str:
    """« Léa », « Le Gall » -> « lea.le-gall »: lowercase ASCII letters, dots and hyphens.

    Cut to the login column's width (two 60-letter names would not fit).
    """

    def clean(text: str) -> str:
        # anyascii transliterates what NFKD leaves out (« Œ » -> « OE », « ß » -> « ss », « Ł » -> « L »).
        return re.sub(r"[^a-z]+", "-", anyascii(text).lower()).strip("-") or "x"

    return f"{clean(prenom)}.{clean(nom)}"[:LOGIN_MAX_LENGTH].rstrip("-.")


def unique_login(session: Session, prenom: str, nom: str) -> str:
    """prenom.nom, or prenom.nom2, prenom.nom3… when already taken (always within the column)."""
    base = login_base(prenom, nom)
    # Every candidate starts with this prefix, whatever the number the base is cut for.
    prefix = base[: LOGIN_MAX_LENGTH - 10]
    taken = set(session.exec(select(User.login).where(User.login.startswith(prefix))))
    if base not in taken:
        return base
    number = 2
    while _numbered(base, number) in taken:
        number += 1
    return _numbered(base, number)


def _numbered(base: str, number: int) -> str:
    suffix = str(number)
    return base[: LOGIN_MAX_LENGTH - len(suffix)] + suffix


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


def is_known_address(session: Session, user: User, ip: str, now: datetime) -> bool:
    """True when ``user`` logged in from ``ip`` within KNOWN_ADDRESS_DAYS."""
    seen = session.exec(
        select(KnownAddress.last_login_at).where(
            KnownAddress.user_id == user.id, KnownAddress.ip == ip[:64]
        )
    ).first()
    return seen is not None and seen > now - timedelta(days=KNOWN_ADDRESS_DAYS)


def remember_address(session: Session, user: User, ip: str, now: datetime) -> None:
    """Record a successful login of ``user`` from ``ip`` (insert, or refresh a day-old date).

    Most logins come from a known address seen today: they write nothing (on SQLite every
    write queues behind the exam autosaves).
    """
    known = session.exec(
        select(KnownAddress).where(KnownAddress.user_id == user.id, KnownAddress.ip == ip[:64])
    ).first()
    if known is None:
        # Two simultaneous logins may both insert: the second is ignored, not an error.
        insert = (postgresql if session.bind.dialect.name == "postgresql" else sqlite).insert
        session.execute(
            insert(KnownAddress)
            .values(user_id=user.id, ip=ip[:64], last_login_at=now)
            .on_conflict_do_nothing(index_elements=["user_id", "ip"])
        )
    elif known.last_login_at < now - timedelta(days=1):
        known.last_login_at = now
        session.add(known)
    session.flush()


def authenticate(
    session: Session, throttle: LoginThrottle, login: str, password: str, ip: str
) -> User:
    """The user whose login and password these are; LoginRefused or TooManyLoginAttempts.

    The caller records the address (``remember_address``) in its own short write. From an
    address the account has logged in from, the right password is never refused: a
    classmate's wrong guesses, or a flood from the school's shared address, cannot lock the
    owner out. Anywhere else, each (login, address) pair waits longer after each failure.
    """
    login, now = login.strip().lower(), utcnow()
    user = session.exec(select(User).where(User.login == login)).first()
    if user is None or not is_known_address(session, user, ip, now):
        throttle.check(login, ip)
    if user is None:
        verify_nobody(password)  # same time as a wrong password: logins stay secret
    elif verify_password(user.password_hash, password):
        throttle.succeeded(login, ip)
        if needs_rehash(user.password_hash):
            # Made with older parameters: upgraded now, saved by the caller's commit.
            user.password_hash = hash_password(password)
            session.add(user)
        return user
    throttle.failed(login, ip)
    raise LoginRefused("Identifiant ou mot de passe incorrect.")
