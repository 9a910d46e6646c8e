"""Every PDF the platform makes comes from HTML through one path: WeasyPrint.

A page's template block is wrapped in ``documents/pdf.html`` (A4, print styles, DejaVu Sans for
French text) and printed, so the page and its PDF never say different things. WeasyPrint was
chosen over own drawing code (fpdf2, line by line) because it lays out real HTML and CSS:
tables stay tables, long text wraps and breaks across pages. Templates may only load files
from the static folder: any other URL (network, other files) is refused.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment
from jinja2_fragments import render_block

from agora import TEMPLATES_DIR
from agora.errors import DomainError

STATIC_DIR = TEMPLATES_DIR.parent / "static"
SHELL = "documents/pdf.html"


class FetchRefused(ValueError):
    """A template asked for a resource outside the static folder."""


def _fetcher():
    """WeasyPrint's fetcher restricted to files under the static folder (no network)."""
    from urllib.parse import unquote, urlsplit

    from weasyprint.urls import URLFetcher

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            root = STATIC_DIR.resolve()
            target = Path(unquote(parts.path)).resolve()
            if parts.scheme != "file" or not target.is_relative_to(root):
                raise FetchRefused(f"ressource refusée dans un PDF : {url[:80]}")
            return super().fetch(url, headers)

    return StaticOnly(allowed_protocols={"file"})


class PdfUnavailable(DomainError):
    """WeasyPrint cannot load its system libraries (Pango) on this server."""


def html_to_pdf(html: str) -> bytes:
    """The PDF of a complete HTML document (static files resolved from the static folder)."""
    try:
        from weasyprint import HTML
    except (OSError, ImportError):  # Pango missing on the system (OSError), or the library
        raise PdfUnavailable(
            "Ce serveur ne peut pas produire de PDF : la bibliothèque Pango manque "
            "(Debian : apt-get install libpango-1.0-0 libpangoft2-1.0-0)."
        ) from None

    document = HTML(string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=_fetcher())
    return document.write_pdf()


def render_pdf(
    env: Environment,
    template: str,
    block: str,
    values: dict[str, Any],
    *,
    titre: str,
    auteur: str,
    jour: date,
) -> bytes:
    """The PDF of one block of a page template, in the printed shell (title, author, date:
    the date given, not the clock, so the same document gives the same content)."""
    body = render_block(env, template, block, values)
    return html_to_pdf(shell(env, body, titre=titre, auteur=auteur, jour=jour))


def shell(env: Environment, body: str, *, titre: str, auteur: str, jour: date) -> str:
    """``body`` (already rendered, trusted HTML) inside the printed page."""
    from markupsafe import Markup

    return env.get_template(SHELL).render(
        corps=Markup(body), titre=titre, auteur=auteur, jour=jour.isoformat()
    )


def pdf_de_html(html: str, titre: str, auteur: str, jour: date, env: Environment | None = None):
    """The PDF of an HTML block (a commercial document), dated ``jour``."""
    from agora.web.templating import make_environment

    env = env or make_environment(TEMPLATES_DIR)
    return html_to_pdf(shell(env, html, titre=titre, auteur=auteur, jour=jour))
