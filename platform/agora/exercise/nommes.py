"""The wrong methods one answer's grading names: each listed once, in the order found, with the
French message it is read with (in a field's verdict and in the grade's diagnostics)."""

from __future__ import annotations

from collections.abc import Callable

from agora.exercise.base import Diagnostic


class Nommes:
    """The codes named so far in one answer; ``message(code)``, what the student reads."""

    def __init__(self, message: Callable[[str], str]):
        self.message = message
        self.codes: list[str] = []

    def nomme(self, code: str | None) -> str | None:
        """The message of ``code``, now listed (once); None when there is no code."""
        if code is None:
            return None
        if code not in self.codes:
            self.codes.append(code)
        return self.message(code)

    def devant(self, code: str | None, suite: str) -> str:
        """``suite`` after the message of ``code`` and a space; ``suite`` alone with no code."""
        message = self.nomme(code)
        return f"{message} {suite}" if message is not None else suite

    def diagnostics(self) -> list[Diagnostic]:
        """A diagnostic per code named, in the order found."""
        return [Diagnostic(code, self.message(code)) for code in self.codes]
