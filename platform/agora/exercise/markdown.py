"""What the kinds' statements share to write Markdown: sections, a table, its cells, a rate."""

from collections.abc import Iterable, Sequence
from typing import Any

NBSP = "\u00a0"  # between a number and its unit, so a line never breaks there
# A table cell holds one line and no column bar.
_CELLULE = str.maketrans({"|": "/", "\n": " "})


def cellule(texte: Any) -> str:
    """``texte`` as a Markdown table cell: on one line, its column bars written « / »."""
    return str(texte).translate(_CELLULE)


def milliers(nombre: Any, espace: str = NBSP) -> str:
    """``nombre`` with its thousands set apart by ``espace``: « 12 345 », « 1 234,5 » once its
    point is written as a comma (a non-breaking space by default, so it never breaks)."""
    return f"{nombre:,}".replace(",", espace)


def pourcent(value: str, espace: str = NBSP) -> str:
    """A rate of the contract (« 5.5 ») as a statement prints it: « 5,5 % » (``espace`` before
    the sign: a non-breaking one by default)."""
    return f"{value.replace('.', ',')}{espace}%"


def tableau(
    colonnes: Sequence[str], rangees: Iterable[Sequence[Any]], alignement: str = ""
) -> list[str]:
    """The lines of a Markdown table: its header, its rule (``alignement``, as in a format
    spec: a « > » per column aligned right, « < » or nothing for the others), then a line per
    row of cells already written (``cellule`` for a free text)."""
    regle = "|".join("---:" if s == ">" else "---" for s in alignement.ljust(len(colonnes)))
    return [
        f"| {' | '.join(colonnes)} |",
        f"|{regle}|",
        *(f"| {' | '.join(map(str, rangee))} |" for rangee in rangees),
    ]


def numerotee(elements: Iterable[str]) -> list[str]:
    """The lines of a numbered list (« 1. … », « 2. … »): what to do, in the form's order."""
    return [f"{n}. {element}" for n, element in enumerate(elements, 1)]


def sections(*blocs: Sequence[str]) -> list[str]:
    """The lines of the blocks ``blocs`` (a heading and its text, a table…), one blank line
    between two of them."""
    lignes: list[str] = []
    for bloc in blocs:
        lignes += [*([""] if lignes else []), *bloc]
    return lignes


def section(titre: str, *lignes: str) -> list[str]:
    """The lines of a statement's section: its heading (« ### … », written whole), a blank line,
    its ``lignes`` (a text, a list, a ``tableau``…), then the blank line that closes it."""
    return [titre, "", *lignes, ""]


def texte(*blocs: Sequence[str]) -> str:
    """A statement's Markdown text: the lines of its ``blocs`` one after the other, each ended
    by a newline."""
    return "".join(f"{ligne}\n" for bloc in blocs for ligne in bloc)
