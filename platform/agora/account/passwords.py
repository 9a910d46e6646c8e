"""Passwords: argon2 hashes, a verification that costs the same for unknown logins, the policy."""

from __future__ import annotations

import os
import re
import secrets
import threading
import unicodedata
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from agora.errors import InvalidInput

# argon2id at OWASP's minimum for interactive logins (Password Storage Cheat Sheet), which lists
# five settings of equal strength from 46 MiB × 1 pass to 7 MiB × 5 passes, 1 lane each. The
# smallest memory is the cheapest on a small server: on 2 cores, two hashes at once cost
# 8.4 ms each against 11.0 ms at 19 MiB × 2 (the cheat sheet's second, used until December
# 2026), and 35 students logging in at the same second (bench/exam_load.py --workers 2 on
# PostgreSQL) waited 649-805 ms at the most instead of 836-996. The library default (64 MiB,
# 3 passes, 4 lanes) made 24 students wait 4-5 s each. Older hashes are redone at the next login.
ARGON2_MEMORY_KIB = 7 * 1024
ARGON2_TIME_COST = 5
ARGON2_PARALLELISM = 1
_HASHER = PasswordHasher(
    time_cost=ARGON2_TIME_COST, memory_cost=ARGON2_MEMORY_KIB, parallelism=ARGON2_PARALLELISM
)
# At most this many hashes at once in the process (each holds 7 MiB and a core): a burst of
# logins queues here instead of exhausting memory; more than 2 per core would only slow all.
MAX_CONCURRENT_HASHES = 2 * (os.cpu_count() or 1)
_HASHING = threading.BoundedSemaphore(MAX_CONCURRENT_HASHES)
MIN_PASSWORD_LENGTH = 8
# Shipped with the account rules, not in scenarios/: it is a security rule, not teaching content.
COMMON_PASSWORDS_FILE = Path(__file__).with_name("mots_de_passe_courants.txt")


def hash_password(password: str) -> str:
    """An argon2id hash (salted, with its parameters) of a password."""
    with _HASHING:
        return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when the password matches the stored hash."""
    try:
        with _HASHING:
            return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when a (verified) hash was made with other parameters than today's."""
    try:
        return _HASHER.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


@cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def verify_nobody(password: str) -> bool:
    """Spend the time of a real verification for a login that does not exist (always False).

    Without it, « unknown login » answers faster than « wrong password » and tells an attacker
    which logins exist.
    """
    verify_password(_dummy_hash(), password)
    return False


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords, lowercase."""
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line and not line.startswith("#"))


def _letters(text: str) -> str:
    """« Le Gall-Éric » -> « legallEric » lowercased: ASCII letters and digits only."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_text.lower())


def _from_identity(password: str, login: str, prenom: str, nom: str) -> bool:
    """True when the password is the login, the first or last name, or one of them + digits."""
    first, last = _letters(prenom), _letters(nom)
    identity = {_letters(login), first, last, first + last, last + first} - {""}
    core = _letters(password)
    return core in identity or core.rstrip("0123456789") in identity


def check_password_policy(password: str, login: str, prenom: str, nom: str) -> None:
    """InvalidInput (French) when a new password is too short, trivial, personal or common."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            f"Le mot de passe doit contenir au moins {MIN_PASSWORD_LENGTH} caractères."
        )
    if len(set(password)) == 1:
        raise InvalidInput("Le mot de passe ne peut pas être un seul caractère répété.")
    if _from_identity(password, login, prenom, nom):
        raise InvalidInput(
            "Le mot de passe ne doit reprendre ni votre identifiant, ni votre prénom, ni votre nom."
        )
    if password.lower() in common_passwords():
        raise InvalidInput(
            "Ce mot de passe fait partie des plus utilisés en France : "
            "choisissez-en un moins prévisible."
        )
