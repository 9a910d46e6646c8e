"""Every figure or rule of scenarios/baremes/ says where it comes from and from when it
applies: each entry with its sources is dated, itself or by its file (issue 13's rule)."""

from pathlib import Path

import pytest
import yaml

BAREMES = Path(__file__).resolve().parents[2] / "scenarios" / "baremes"
DATES = ("depuis", "en_vigueur_le", "annee", "date")


def undated(node, path: str = "", dated: bool = False) -> list[str]:
    """The paths of the entries that cite sources with no date, in them or above them."""
    if isinstance(node, dict):
        dated = dated or any(node.get(key) for key in DATES)
        found = [path or "/"] if "sources" in node and not dated else []
        for key, value in node.items():
            found += undated(value, f"{path}.{key}", dated)
        return found
    if isinstance(node, list):
        return [p for i, value in enumerate(node) for p in undated(value, f"{path}.{i}", dated)]
    return []


def _files() -> list[Path]:
    return sorted(BAREMES.rglob("*.yaml"))


def test_the_baremes_folder_has_its_files():
    assert len(_files()) >= 18


@pytest.mark.parametrize("path", _files(), ids=lambda p: str(p.relative_to(BAREMES)))
def test_each_sourced_entry_is_dated(path):
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert undated(document) == []


def test_an_undated_sourced_entry_is_found():
    assert undated({"taux": {"valeur": "1", "sources": ["Code"]}}) == [".taux"]
    assert undated({"en_vigueur_le": "2026-01-01", "taux": {"sources": ["Code"]}}) == []
