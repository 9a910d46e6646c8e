"""One-shot messages across a redirect (post, redirect, get): « Modifications enregistrées. ».

A route calls ``flash(request, message)`` before it redirects; the next full page takes the
message out of the session and base.html shows it once (templates/_partials/flash.html).
Kept in the signed session cookie, never in the URL: a reload or a shared link shows nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from fastapi import Request

SESSION_KEY = "flash"
Kind = Literal["succes", "erreur", "info"]


@dataclass(frozen=True)
class Flash:
    """A message and its kind (the CSS modifier message--<kind>)."""

    kind: Kind
    message: str

    @property
    def role(self) -> str:
        """An error interrupts a screen reader (alert); anything else waits its turn (status)."""
        return "alert" if self.kind == "erreur" else "status"


def flash(request: Request, message: str, kind: Kind = "succes") -> None:
    """Show ``message`` on the next full page this browser loads."""
    request.session[SESSION_KEY] = [kind, message]


def take_flash(request: Request) -> Flash | None:
    """The waiting message, removed from the session (so it shows once), or None."""
    if "session" not in request.scope:  # the crash handler runs outside the session middleware
        return None
    stored = request.session.pop(SESSION_KEY, None)
    return Flash(*stored) if stored else None
