"""The registry of exercise kinds: built-in kinds register exactly like an extension would."""

import importlib
from types import ModuleType

from agora.errors import UnknownCode

# Each name is a module of agora.exercise.kinds exposing the ExerciseKind interface.
KIND_NAMES: tuple[str, ...] = ("facture", "rapprochement", "bulletin_paie", "planning")


def get_kind(name: str) -> ModuleType:
    """The module of one kind; UnknownCode (French message) for a name not registered."""
    if name not in KIND_NAMES:
        known = ", ".join(KIND_NAMES)
        raise UnknownCode(f"Type d'exercice inconnu : « {name} » (types connus : {known}).")
    return importlib.import_module(f"agora.exercise.kinds.{name}")


def all_kinds() -> dict[str, ModuleType]:
    """Every registered kind, by name, in registry order."""
    return {name: get_kind(name) for name in KIND_NAMES}
