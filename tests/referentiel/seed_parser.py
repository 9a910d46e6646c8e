"""An independent reading of the seed text of the référentiel, to check the YAML against it.

Deliberately written without the platform's loader: it reads the seed line by line and
refuses any line it does not understand, so nothing of the seed can be silently skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "referentiel" / "source" / "referentiel-agora.txt"

_POLE_NUMBER = re.compile(r"^(0[1-9])$")
_POLE_HEADING = re.compile(r"^Pôle ([1-9]) - (.+)$")
_ACTIVITY = re.compile(r"^([1-9]\.[1-9])$")
_BLOC = re.compile(r"^  • (.+)$")
_COMPETENCY = re.compile(r"^    ([1-9]\.[1-9]\.[1-9]) (.+)$")
_SAVOIRS = re.compile(r"^    Savoirs associés • (.+)$")
_EXEMPLES = re.compile(r"^    Exemples concrets • (.+)$")
_MORE = re.compile(r"^    • (.+)$")
# The seed was copied from a web page: a lone search icon opens it.
_IGNORED = {"", "🔍"}


@dataclass
class SeedBloc:
    titre: str
    competences: list[tuple[str, str]] = field(default_factory=list)
    savoirs: list[str] = field(default_factory=list)
    exemples: list[str] = field(default_factory=list)


@dataclass
class SeedActivite:
    code: str
    titre: str
    blocs: list[SeedBloc] = field(default_factory=list)


@dataclass
class SeedPole:
    code: str
    titre: str
    resume: str
    mots_cles_texte: str
    activites: list[SeedActivite] = field(default_factory=list)


def _items(text: str) -> list[str]:
    """Several « • » items may share one line of the seed."""
    return [item.strip() for item in text.split(" • ")]


def parse_seed(text: str) -> list[SeedPole]:
    """The pôles of the seed, with activities, blocs, competencies, savoirs and examples."""
    lines = text.splitlines()
    poles: dict[str, SeedPole] = {}
    pole = activite = bloc = None
    section: list[str] | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if match := _POLE_NUMBER.match(line):
            code = str(int(match[1]))
            titre, resume, mots_cles = lines[index + 1 : index + 4]
            poles[code] = SeedPole(code, titre, resume, mots_cles)
            index += 4
            continue
        if match := _POLE_HEADING.match(line):
            pole = poles[match[1]]
            assert pole.titre == match[2], f"titre du pôle {match[1]} différent : {line}"
        elif match := _ACTIVITY.match(line):
            activite = SeedActivite(match[1], lines[index + 1])
            pole.activites.append(activite)
            index += 1
        elif match := _BLOC.match(line):
            bloc = SeedBloc(match[1])
            activite.blocs.append(bloc)
            section = None
        elif match := _COMPETENCY.match(line):
            bloc.competences.append((match[1], match[2]))
        elif match := _SAVOIRS.match(line):
            section = bloc.savoirs
            section.extend(_items(match[1]))
        elif match := _EXEMPLES.match(line):
            section = bloc.exemples
            section.extend(_items(match[1]))
        elif match := _MORE.match(line):
            section.extend(_items(match[1]))
        elif line not in _IGNORED:
            raise ValueError(f"ligne {index + 1} du texte source non comprise : {line!r}")
        index += 1
    return list(poles.values())


def read_seed(path: Path = SEED) -> list[SeedPole]:
    return parse_seed(path.read_text(encoding="utf-8"))
