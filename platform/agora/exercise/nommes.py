"""The wrong methods one answer's grading names: each listed once, in the order found, with the
French message it is read with (in a field's verdict and in the grade's diagnostics); and the
messages of a kind, read from its YAML file."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Annotated

from pydantic import ConfigDict, RootModel, StringConstraints

from agora.content.loading import load_yaml_model
from agora.errors import ContentError
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


class Messages(RootModel[dict[str, Annotated[str, StringConstraints(min_length=1)]]]):
    """A kind's messages file: each diagnostic code with the sentence a student reads."""

    model_config = ConfigDict(frozen=True)


def codes_declares(constantes: Mapping[str, object]) -> tuple[str, ...]:
    """The codes a module declares as constants, each named as what it holds
    (``DDM_COMME_DLC = "DDM_COMME_DLC"``), in their order: ``codes_declares(globals())`` after
    them gives ``messages_lus`` the codes of a kind that lists them nowhere else."""
    return tuple(code for nom, code in constantes.items() if code == nom)


def messages_lus(fichier: Path, codes: Collection[str] | None = None) -> dict[str, str]:
    """What the student reads for each wrong method a kind names (code -> French message), in
    the order of its YAML file ``fichier``: texts are data. ContentError naming the file when
    one of ``codes`` has no message, or when the file gives one to a code the kind never names
    (a message the grader would never show, or a code misspelt). Without ``codes`` (a grader
    that writes its codes as text, with no constants to list them), the file is their list."""
    messages = load_yaml_model(fichier, Messages).root
    if codes is None:
        return messages
    if manquants := [code for code in codes if code not in messages]:
        raise ContentError(f"{fichier} : aucun message pour {', '.join(manquants)}.")
    if inconnus := [code for code in messages if code not in codes]:
        raise ContentError(f"{fichier} : code d'erreur inconnu du type : {', '.join(inconnus)}.")
    return messages
