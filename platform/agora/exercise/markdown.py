"""What the kinds' statements share to write Markdown: a table cell."""

from typing import Any

# A table cell holds one line and no column bar.
_CELLULE = str.maketrans({"|": "/", "\n": " "})


def cellule(texte: Any) -> str:
    """``texte`` as a Markdown table cell: on one line, its column bars written « / »."""
    return str(texte).translate(_CELLULE)
