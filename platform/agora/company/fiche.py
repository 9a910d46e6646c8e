"""The fiche entreprise: the organisation described in French Markdown."""

from __future__ import annotations

from agora.company.model import Company


def render_fiche(company: Company) -> str:
    """The fiche entreprise in Markdown (presentation, organigramme, chiffres, catalogue, CGV)."""
    return f"# {company.raison_sociale}\n"
