"""The one HTML→PDF path (WeasyPrint): static files only, never the network or other files."""

from __future__ import annotations

import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import pytest
from tests.pdf_helpers import pages_as_images, pdf_text

from agora.documents.pdf import html_to_pdf


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
