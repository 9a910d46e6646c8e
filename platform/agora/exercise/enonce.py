"""What the kinds' statements say alike: their head (the title, then the situation) and the
student's place in the organisation."""

from typing import Any, NamedTuple

from agora.exercise.markdown import section
from agora.francais import de


class Reprise(NamedTuple):
    """What a statement takes up from an earlier step of the mission: the document as the
    statement names it (an invoice's number, a customer), and where the student made it, as
    ``base.a_l_etape`` says it (« à l'étape 2 »)."""

    quoi: str
    ou: str


def tete(titre: str, *situation: str) -> list[str]:
    """The head of a statement: its title (« ## … »), then the section « ### La situation »
    with the lines ``situation``."""
    return [titre, "", *section("### La situation", *situation)]


def au_service(org: Any, service: str) -> str:
    """« Vous travaillez au service comptable de **Boulangerie Martin** (Lyon). »: where the
    student works, ``service`` named as it follows « au service »."""
    qui = de(org.raison_sociale, gras=True)
    return f"Vous travaillez au service {service} {qui} ({org.adresse.ville})."
