"""The domain error tree: every error a user may cause, with a French message.

Domain code raises these; the CLI prints ``str(error)`` on one line and exits 2,
the web layer maps them to a French message on the page. Anything else is a bug.
"""


class DomainError(Exception):
    """Base of every error caused by user input or user action (message in French)."""


class InvalidInput(DomainError):
    """A value given by the user cannot be understood (bad amount, bad option, bad JSON)."""


class UnknownCode(DomainError):
    """A code (competency, sector, exercise kind…) does not exist."""


class ContentError(DomainError):
    """A data file of the project (référentiel, scenario, barème) is malformed."""


class AttemptLimitReached(DomainError):
    """Every attempt the teacher allowed for this step has been used."""


class DeadlinePassed(DomainError):
    """The due date of the assignment is over: answers are no longer accepted."""


class StaleTry(DomainError):
    """An answer sent from a form showing an earlier try's statement (another tab, a resend)."""
