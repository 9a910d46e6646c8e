"""The fictitious organisation of a student: generated from a seed, printed as a fiche."""

from agora.company.fiche import render_fiche
from agora.company.generator import choose_secteur, generate_company
from agora.company.model import Company

__all__ = ["Company", "choose_secteur", "generate_company", "render_fiche"]
