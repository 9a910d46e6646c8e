"""File downloads: the response that makes the browser save a file under its name."""

from __future__ import annotations

from fastapi.responses import Response


def xml_download(content: bytes, filename: str) -> Response:
    """The XML file as an attachment."""
    disposition = f'attachment; filename="{filename}"'
    return Response(
        content, media_type="application/xml", headers={"Content-Disposition": disposition}
    )
