"""Guards on the project layout that other tools rely on."""

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_platform_is_a_source_root_not_a_package():
    assert not (ROOT / "platform" / "__init__.py").exists()


def test_standard_platform_module_still_imports():
    module = importlib.import_module("platform")
    assert module.__file__ is not None
    assert Path(module.__file__).parent != ROOT / "platform"
    assert module.python_version() == ".".join(map(str, sys.version_info[:3]))


def test_agora_is_imported_from_the_source_root():
    import agora

    assert Path(agora.__file__).parent == ROOT / "platform" / "agora"
