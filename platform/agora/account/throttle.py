"""The login limit: exponential back-off per (login, address) pair and a high ceiling per address.

Counting per pair, not per login, means a classmate typing wrong passwords from their own
address slows only themselves; the owner of the account is never refused from an address
they have already logged in from (see ``service.authenticate``). The per-address ceiling is
sized for a whole school behind one NAT address.

In memory: right for one server process (the default `agora serve`); several processes
would each count on their own.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass

from agora.errors import DomainError

# Beyond this many remembered pairs, the quiet ones are forgotten (an attacker trying many
# logins must not grow the table without bound).
MAX_PAIRS = 10_000


class TooManyLoginAttempts(DomainError):
    """Too many failed logins from this address, for this login or for all logins."""


@dataclass
class _Failures:
    count: int = 0
    last: float = 0.0


class LoginThrottle:
    """Failed logins per (login, address) with exponential back-off, and per address."""

    def __init__(
        self,
        *,
        free_failures: int,
        base_delay: float,
        max_delay: float,
        per_ip: int,
        ip_window: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.free, self.base, self.max_delay = free_failures, base_delay, max_delay
        self.per_ip, self.ip_window, self.clock = per_ip, ip_window, clock
        self._pairs: dict[tuple[str, str], _Failures] = {}
        self._ips: dict[str, deque[float]] = defaultdict(deque)
        # A pair quiet for this long starts again from zero.
        self.forget_after = max(3600.0, 2 * max_delay)

    def _pair_wait(self, login: str, ip: str, now: float) -> float:
        failures = self._pairs.get((login, ip))
        if failures is None or failures.count < self.free:
            return 0.0
        delay = min(self.base * 2 ** (failures.count - self.free), self.max_delay)
        return max(0.0, failures.last + delay - now)

    def _ip_wait(self, ip: str, now: float) -> float:
        stamps = self._ips.get(ip)
        if not stamps:
            return 0.0
        while stamps and stamps[0] <= now - self.ip_window:
            stamps.popleft()
        if len(stamps) < self.per_ip:
            return 0.0
        return max(0.0, stamps[-self.per_ip] + self.ip_window - now)

    def wait(self, login: str, ip: str) -> float:
        """Seconds before this pair may try again (0: now)."""
        now = self.clock()
        return max(self._pair_wait(login, ip, now), self._ip_wait(ip, now))

    def check(self, login: str, ip: str) -> None:
        """TooManyLoginAttempts (with the wait, in French) while this pair must wait."""
        seconds = math.ceil(self.wait(login, ip))
        if seconds > 0:
            raise TooManyLoginAttempts(
                f"Trop de tentatives de connexion : réessayez dans {_duration(seconds)}. "
                "Si vous avez oublié votre mot de passe, demandez à votre enseignant."
            )

    def failed(self, login: str, ip: str) -> None:
        """Count one failure of this pair and of this address."""
        now = self.clock()
        if len(self._pairs) >= MAX_PAIRS:
            self._forget_quiet(now)
        failures = self._pairs.setdefault((login, ip), _Failures())
        if now - failures.last > self.forget_after:
            failures.count = 0
        failures.count += 1
        failures.last = now
        stamps = self._ips[ip]
        stamps.append(now)
        while len(stamps) > self.per_ip:  # only the latest per_ip matter
            stamps.popleft()

    def succeeded(self, login: str, ip: str) -> None:
        self._pairs.pop((login, ip), None)

    def is_slowed(self, login: str) -> bool:
        """True when some address must currently wait before trying this login again."""
        now = self.clock()
        return any(self._pair_wait(lg, ip, now) > 0 for lg, ip in self._pairs if lg == login)

    def unlock(self, login: str) -> None:
        """Forget every failure on this login (the teacher vouches for the student)."""
        for pair in [pair for pair in self._pairs if pair[0] == login]:
            del self._pairs[pair]

    def _forget_quiet(self, now: float) -> None:
        """Drop the pairs no longer waiting, then (a flood of logins) the oldest half."""
        quiet = [pair for pair, f in self._pairs.items() if now - f.last > self.max_delay]
        for pair in quiet:
            del self._pairs[pair]
        if len(self._pairs) >= MAX_PAIRS:
            for pair in list(self._pairs)[: MAX_PAIRS // 2]:  # insertion order: oldest first
                del self._pairs[pair]
        for ip in [ip for ip, stamps in self._ips.items() if stamps[-1] < now - self.ip_window]:
            del self._ips[ip]


def _duration(seconds: int) -> str:
    """« 40 secondes », « 3 minutes »: the wait as a student reads it."""
    if seconds < 60:
        return f"{seconds} seconde{'s' if seconds > 1 else ''}"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minute{'s' if minutes > 1 else ''}"
