"""The login limit: exponential back-off per (login, address) pair and a high ceiling per address.

Counting per pair, not per login, means a classmate typing wrong passwords from their own
address slows only themselves; the owner of the account is never refused from an address
they have already logged in from (see ``service.authenticate``). The per-address ceiling is
sized for a whole school behind one NAT address.

Kept in the database (tables ``login_failure_pairs`` and ``login_failure_stamps``), so that
several server processes, or machines on one PostgreSQL, count the same failures. The clock
is the wall clock (shared by the machines). Both tables stay small: at each failure, the rows
too old to matter are purged (a pair quiet for ``forget_after``, a stamp out of the address
window), and each table keeps at most ``max_rows`` rows, the oldest going first, so a flood
from many addresses (IPv6 gives an attacker millions) cannot fill the database. The cap is far
above what a school or an académie records within the windows; reached, it forgets the oldest
failures, never the newest.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from agora.account.models import LoginFailurePair, LoginFailureStamp
from agora.db import write_lock
from agora.errors import DomainError

PAIRS = LoginFailurePair.__table__
STAMPS = LoginFailureStamp.__table__


class TooManyLoginAttempts(DomainError):
    """Too many failed logins from this address, for this login or for all logins."""


class LoginThrottle:
    """Failed logins per (login, address) with exponential back-off, and per address."""

    def __init__(
        self,
        engine: sa.Engine,
        *,
        free_failures: int,
        base_delay: float,
        max_delay: float,
        per_ip: int,
        ip_window: float,
        max_rows: int = 100_000,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.engine = engine
        self.max_rows = max_rows
        self.free, self.base, self.max_delay = free_failures, base_delay, max_delay
        self.per_ip, self.ip_window, self.clock = per_ip, ip_window, clock
        # A pair quiet for this long starts again from zero.
        self.forget_after = max(3600.0, 2 * max_delay)

    def _delay(self, count: int, last: float, now: float) -> float:
        if count < self.free or now - last > self.forget_after:
            return 0.0
        delay = min(self.base * 2 ** (count - self.free), self.max_delay)
        return max(0.0, last + delay - now)

    def _pair_wait(self, connection: sa.Connection, login: str, ip: str, now: float) -> float:
        row = connection.execute(
            sa.select(PAIRS.c.count, PAIRS.c.last).where(
                PAIRS.c.login == login, PAIRS.c.ip == ip[:64]
            )
        ).first()
        return 0.0 if row is None else self._delay(row.count, row.last, now)

    def _ip_wait(self, connection: sa.Connection, ip: str, now: float) -> float:
        stamps = connection.execute(
            sa.select(STAMPS.c.at)
            .where(STAMPS.c.ip == ip[:64], STAMPS.c.at > now - self.ip_window)
            .order_by(STAMPS.c.at.desc())
            .limit(self.per_ip)
        ).all()
        if len(stamps) < self.per_ip:
            return 0.0
        return max(0.0, stamps[-1].at + self.ip_window - now)

    def wait(self, login: str, ip: str) -> float:
        """Seconds before this pair may try again (0: now)."""
        now = self.clock()
        with self.engine.connect() as connection:
            return max(
                self._pair_wait(connection, login, ip, now), self._ip_wait(connection, ip, now)
            )

    def check(self, login: str, ip: str) -> None:
        """TooManyLoginAttempts (with the wait, in French) while this pair must wait."""
        seconds = math.ceil(self.wait(login, ip))
        if seconds > 0:
            raise TooManyLoginAttempts(
                f"Trop de tentatives de connexion : réessayez dans {_duration(seconds)}. "
                "Si vous avez oublié votre mot de passe, demandez à votre enseignant."
            )

    def failed(self, login: str, ip: str) -> None:
        """Count one failure of this pair and of this address (and purge the stale rows, then
        those beyond the cap)."""
        now, ip = self.clock(), ip[:64]
        dialect = self.engine.dialect.name
        insert = (postgresql if dialect == "postgresql" else sqlite).insert
        # One statement: two processes counting the same pair at once both count.
        upsert = insert(PAIRS).values(login=login, ip=ip, count=1, last=now)
        upsert = upsert.on_conflict_do_update(
            index_elements=["login", "ip"],
            set_={
                "count": sa.case(
                    (PAIRS.c.last < now - self.forget_after, 1), else_=PAIRS.c.count + 1
                ),
                "last": now,
            },
        )
        with write_lock(self.engine), self.engine.begin() as connection:
            connection.execute(upsert)
            connection.execute(sa.insert(STAMPS).values(ip=ip, at=now))
            connection.execute(sa.delete(STAMPS).where(STAMPS.c.at <= now - self.ip_window))
            connection.execute(sa.delete(PAIRS).where(PAIRS.c.last < now - self.forget_after))
            # The cap: an index scan of max_rows entries, only paid when a flood is under way
            # (and each failure costs a password hash already).
            for table, newest_first in ((STAMPS, STAMPS.c.id), (PAIRS, PAIRS.c.last)):
                beyond = sa.select(table.c.id).order_by(newest_first.desc()).offset(self.max_rows)
                connection.execute(sa.delete(table).where(table.c.id.in_(beyond)))

    def succeeded(self, login: str, ip: str) -> None:
        self._forget(PAIRS.c.login == login, PAIRS.c.ip == ip[:64])

    def is_slowed(self, login: str) -> bool:
        """True when some address must currently wait before trying this login again."""
        now = self.clock()
        with self.engine.connect() as connection:
            rows = connection.execute(
                sa.select(PAIRS.c.count, PAIRS.c.last).where(PAIRS.c.login == login)
            ).all()
        return any(self._delay(row.count, row.last, now) > 0 for row in rows)

    def slowed_logins(self) -> set[str]:
        """The logins some address must currently wait before trying (one query, a class page)."""
        now = self.clock()
        with self.engine.connect() as connection:
            rows = connection.execute(
                sa.select(PAIRS.c.login, PAIRS.c.count, PAIRS.c.last).where(
                    PAIRS.c.count >= self.free, PAIRS.c.last > now - self.max_delay
                )
            ).all()
        return {row.login for row in rows if self._delay(row.count, row.last, now) > 0}

    def unlock(self, login: str) -> None:
        """Forget every failure on this login (the teacher vouches for the student)."""
        self._forget(PAIRS.c.login == login)

    def _forget(self, *where) -> None:
        with self.engine.connect() as connection:
            found = connection.execute(sa.select(PAIRS.c.id).where(*where).limit(1)).first()
        if found is None:  # the usual successful login: no write at all
            return
        with write_lock(self.engine), self.engine.begin() as connection:
            connection.execute(sa.delete(PAIRS).where(*where))


def _duration(seconds: int) -> str:
    """« 40 secondes », « 3 minutes »: the wait as a student reads it."""
    if seconds < 60:
        return f"{seconds} seconde{'s' if seconds > 1 else ''}"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minute{'s' if minutes > 1 else ''}"
