"""JSON Schema of the référentiel's YAML files, committed in referentiel/schema/ for editors.

The committed files must equal what the models produce (a test checks it). After changing
agora/referentiel/files.py, regenerate them with:

    .venv/bin/python -m agora.referentiel.schema
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from agora import REFERENTIEL_DIR
from agora.referentiel.files import CompetencesFile, PoleFile

SCHEMA_DIR = REFERENTIEL_DIR / "schema"
SCHEMAS: dict[str, type[BaseModel]] = {
    "competences.schema.json": CompetencesFile,
    "pole.schema.json": PoleFile,
}


def render(model: type[BaseModel]) -> str:
    """The schema as committed: indented, accents kept, one final newline."""
    return json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


def write(directory: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema file into ``directory``; the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        path = directory / name
        path.write_text(render(model), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write():
        print(path)
