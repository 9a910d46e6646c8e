"""Markdown to safe HTML, the platform's one renderer: statements, stories, teachers' text."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup

# CommonMark without raw HTML (user and content text can never inject markup), plus tables.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")
_ALIGNMENTS = {"left": "gauche", "right": "droite", "center": "centre"}


def _alignment_classes(state) -> None:
    """Table column alignment as a class, not style="": the CSP refuses inline styles."""
    for token in state.tokens:
        for child in [token, *(token.children or [])]:
            style = child.attrs.pop("style", None) if child.attrs else None
            if style and style.startswith("text-align:"):
                child.attrSet("class", f"aligne-{_ALIGNMENTS.get(style[11:], 'gauche')}")


def _focusable_tables(state) -> None:
    """A Markdown table scrolls sideways on a phone (CSS): tabindex lets the keyboard scroll it."""
    for token in state.tokens:
        if token.type == "table_open":
            token.attrSet("tabindex", "0")


def _labelled_cells(state) -> None:
    """Each body cell carries its column's header as ``data-label``: on a phone a table's rows
    become cards (CSS), each value under its name, instead of columns squeezed to a word wide."""
    headers: list[str] = []
    column = 0
    for i, token in enumerate(state.tokens):
        if token.type == "thead_open":
            headers = []
        elif token.type == "th_open":
            headers.append(_plain_text(state.tokens[i + 1]))
        elif token.type == "tr_open":
            column = 0
        elif token.type == "td_open":
            if column < len(headers) and headers[column]:
                token.attrSet("data-label", headers[column])
            column += 1


def _plain_text(inline) -> str:
    """The text of an inline token without its markup (« **Prix HT** » → « Prix HT »)."""
    return "".join(c.content for c in inline.children or () if c.type in ("text", "code_inline"))


_MARKDOWN.core.ruler.push("alignment_classes", _alignment_classes)
_MARKDOWN.core.ruler.push("focusable_tables", _focusable_tables)
_MARKDOWN.core.ruler.push("labelled_cells", _labelled_cells)


@lru_cache(maxsize=4096)
def markdown(text: str | None) -> Markup:
    """Markdown to safe HTML: raw HTML in the source is shown as text, never interpreted.

    Cached: statements and stories are rendered again on every page view.
    """
    return Markup(_MARKDOWN.render(text or ""))
