"""Every figure or rule of scenarios/baremes/ says where it comes from and from when it
applies: each entry with its sources is dated, itself or by its file, and each figure (a number,
or a string that is one: a rate, an amount, an account number) has a source and a date, in its
entry or above it (issue 13's rule)."""

import re
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


FIGURE = re.compile(r"-?\d+(?:[.,]\d+)?")


def _figure(value) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, (int, float)) or (
        isinstance(value, str) and bool(FIGURE.fullmatch(value))
    )


def unsourced(node, path: str = "", sourced: bool = False, dated: bool = False) -> list[str]:
    """The paths of the figures with no source or no date, in their entry or above it. A list
    of figures may cite its sources beside it (``comptes`` and ``sources_comptes``); a date
    key (``annee``…) is a date, not a figure."""
    if isinstance(node, dict):
        sourced = sourced or bool(node.get("sources"))
        dated = dated or any(node.get(key) for key in DATES)
        found = []
        for key, value in node.items():
            if key in DATES or str(key).startswith("sources"):
                continue
            beside = sourced or bool(node.get(f"sources_{key}"))
            found += unsourced(value, f"{path}.{key}", beside, dated)
        return found
    if isinstance(node, list):
        return [
            p
            for i, value in enumerate(node)
            for p in unsourced(value, f"{path}.{i}", sourced, dated)
        ]
    return [path] if _figure(node) and not (sourced and dated) else []


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


@pytest.mark.parametrize("path", _files(), ids=lambda p: str(p.relative_to(BAREMES)))
def test_each_figure_has_a_source_and_a_date(path):
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert unsourced(document) == []


def test_a_figure_without_source_or_date_is_found():
    assert unsourced({"en_vigueur_le": "2026-01-01", "smic": {"valeur": "12.02"}}) == [
        ".smic.valeur"
    ]
    assert unsourced({"smic": {"valeur": "12.02", "sources": ["Décret"]}}) == [".smic.valeur"]
    assert unsourced({"annee": 2026, "taux": [{"taux": 20, "sources": ["CGI"]}]}) == []
    beside = {"depuis": "2025-01-01", "comptes": [{"numero": "401"}], "sources_comptes": ["PCG"]}
    assert unsourced(beside) == []
    assert unsourced({"depuis": "2025-01-01", "comptes": [{"numero": "401"}]}) == [
        ".comptes.0.numero"
    ]
