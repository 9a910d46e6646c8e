"""Read a YAML data file into a pydantic model, with French errors naming file and path."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from agora.errors import ContentError

Model = TypeVar("Model", bound=BaseModel)


class StrictModel(BaseModel):
    """A model of a data file: an unknown key is an error, and what is read is frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(StrictModel):
    """A dated figure or rule of scenarios/: it cites at least one official source."""

    sources: list[str] = Field(min_length=1)


def read_yaml(path: Path) -> object:
    """Parse one YAML file; ContentError (file and line) when it is not valid YAML."""
    try:
        with path.open(encoding="utf-8") as stream:
            return yaml.safe_load(stream)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f", ligne {mark.line + 1}" if mark else ""
        raise ContentError(f"{path}{where} : YAML invalide ({error})") from error
    except OSError as error:
        raise ContentError(f"{path} : fichier illisible ({error.strerror})") from error


def load_yaml_model(path: Path, model: type[Model]) -> Model:
    """Validate a YAML file against ``model``; ContentError naming the first bad path."""
    data = read_yaml(path)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ContentError(f"{path} : {describe(error)}") from error


def loaded_once(path: Path, model: type[Model]) -> Callable[[], Model]:
    """The function a kind calls for its rules: the YAML file ``path`` validated against
    ``model``, read at the first call and kept (ContentError naming the file and the field
    when it is wrong)."""
    return cache(partial(load_yaml_model, path, model))


def describe(error: ValidationError) -> str:
    """One French line for a pydantic error: where in the file, and why."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "(racine)"
    reason = _reason(first)
    extra = f" ({error.error_count() - 1} autre(s) erreur(s))" if error.error_count() > 1 else ""
    return f"à « {where} » : {reason}{extra}"


def describe_each(error: ValidationError, tags: tuple[str, ...] = ("exercice", "redaction")):
    """Every error as (where, French reason); ``tags`` (a union's discriminator values) are
    left out of the place: « etapes.0.kind », as the file writes it."""
    return [
        (".".join(str(p) for p in e["loc"] if p not in tags) or "(racine)", _reason(e))
        for e in error.errors()
    ]


def _reason(first) -> str:
    reasons = {
        "missing": "champ obligatoire absent",
        "extra_forbidden": "champ inconnu",
        "string_type": "texte attendu",
        "int_parsing": "nombre entier attendu",
        "decimal_parsing": "nombre décimal attendu",
        "string_pattern_mismatch": "valeur non conforme au format attendu",
        "too_short": "liste trop courte",
        "string_too_short": "texte trop court",
        "list_type": "liste attendue",
        "dict_type": "objet (clé : valeur) attendu",
        "bool_parsing": "booléen attendu (true ou false)",
        "greater_than_equal": "valeur trop petite",
        "less_than_equal": "valeur trop grande",
        "int_type": "nombre entier attendu",
        "int_from_float": "nombre entier attendu",
        "union_tag_invalid": "type d'étape inconnu (exercice ou redaction)",
    }
    if first["type"] == "literal_error":
        return f"valeur non prévue (possibles : {first.get('ctx', {}).get('expected', '?')})"
    return reasons.get(first["type"], first["msg"]).removeprefix("Value error, ")
