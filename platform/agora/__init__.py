"""Agora Sim: training platform for the French Bac Pro AGOrA."""

from pathlib import Path

__version__ = "0.1.0"

# The data folders live beside platform/ in a checkout (editable install).
PROJECT_ROOT = Path(__file__).resolve().parents[2]
REFERENTIEL_DIR = PROJECT_ROOT / "referentiel"
SCENARIOS_DIR = PROJECT_ROOT / "scenarios"
TEMPLATES_DIR = PROJECT_ROOT / "templates"
