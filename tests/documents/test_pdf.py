"""The one HTML→PDF path (WeasyPrint): static files only, never the network or other files."""

from __future__ import annotations

import sys
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import pytest
from tests.pdf_helpers import assert_in_order, pages_as_images, pdf_text

from agora.documents.pdf import html_to_pdf, pdf_de_html


class _Spy(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self):
        _Spy.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_pdf_never_fetches_from_the_network_nor_outside_static(tmp_path):
    server = HTTPServer(("127.0.0.1", 0), _Spy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red }")
    try:
        pdf = html_to_pdf(
            f'<link rel="stylesheet" href="{url}/style.css"><img src="{url}/pixel.png">'
            f'<link rel="stylesheet" href="{secret.as_uri()}">'
            '<link rel="stylesheet" href="css/pdf.css"><h1>Facture n° 12 — 1 234,50 €</h1>'
        )
    finally:
        server.shutdown()
        server.server_close()
    assert _Spy.hits == []
    assert len(pages_as_images(pdf)) == 1
    assert "Facture n° 12 — 1 234,50 €" in pdf_text(pdf).replace("\u202f", " ")


def test_without_weasyprint_s_system_library_the_user_reads_why(monkeypatch):
    # On a server without Pango, importing WeasyPrint fails: the page says what to install.
    from agora.documents.pdf import PdfUnavailable, html_to_pdf

    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(PdfUnavailable, match="Pango manque"):
        html_to_pdf("<p>Bonjour</p>")


def test_every_pdf_prints_a_text_box_whole_over_the_pages():
    # WeasyPrint gives a textarea its rows' height and hides the rest unless pdf.css lets it
    # grow: the text ran on under what follows.
    lines = [f"Ligne {n:03d} écrite par l'élève" for n in range(1, 121)]  # over three pages
    html = (
        '<div class="champ champ--large"><label for="t">Votre texte</label>'
        f'<textarea id="t" rows="2">{chr(10).join(lines)}</textarea></div>'
        "<table><caption>La suite du document</caption><tr><td>1</td></tr></table>"
    )
    pdf = pdf_de_html(html, "Essai", "Agora Sim", date(2026, 12, 5))
    assert len(pages_as_images(pdf)) >= 3
    assert_in_order(pdf_text(pdf, layout=True), lines, "La suite du document")


def test_no_pdf_shows_a_hidden_field():
    # WeasyPrint draws an <input type="hidden"> as a filled box, inside a <form> or not.
    html = (
        '<fieldset><legend>Les réductions</legend><input type="hidden" name="taux" '
        'value="VALEUR-CACHEE"><label for="m">Montant</label><input id="m" value="12,00">'
        '</fieldset><form><input type="hidden" name="csrf_token" value="JETON"></form>'
    )
    text = pdf_text(pdf_de_html(html, "Essai", "Agora Sim", date(2026, 12, 5)))
    assert "12,00" in text and "VALEUR-CACHEE" not in text and "JETON" not in text
