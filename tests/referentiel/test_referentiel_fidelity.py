"""The YAML référentiel holds the seed text word for word: nothing left out, nothing invented.

The seed (referentiel/source/referentiel-agora.txt) is read here by its own small parser,
independent of the platform's loader; the parser refuses any line it does not understand,
so no part of the seed can be skipped silently.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from agora import REFERENTIEL_DIR
from agora.referentiel import Referentiel, load_referentiel

SEED = REFERENTIEL_DIR / "source" / "referentiel-agora.txt"

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


# --- the fidelity check -------------------------------------------------------------------


def _bloc_items(where: str, titre: str, savoirs, exemples, competences) -> set[str]:
    bloc = f"du bloc « {titre} » ({where})"
    items = {f"bloc « {titre} » ({where})"}
    items |= {f"compétence {code} {bloc}" for code in competences}
    items |= {f"savoir « {savoir} » {bloc}" for savoir in savoirs}
    items |= {f"exemple « {exemple} » {bloc}" for exemple in exemples}
    return items


def seed_items(poles: list[SeedPole]) -> tuple[set[str], dict[str, list[list[str]]]]:
    """Every item of the seed as a sentence, and the ordered lists of each bloc."""
    items: set[str] = set()
    orders: dict[str, list[list[str]]] = {}
    for pole in poles:
        items |= _pole_items(pole.code, pole.titre, pole.resume, pole.mots_cles_texte)
        for activite in pole.activites:
            items.add(f"activité {activite.code} « {activite.titre} » (pôle {pole.code})")
            orders[activite.code] = [[bloc.titre for bloc in activite.blocs]]
            for bloc in activite.blocs:
                codes = [code for code, _ in bloc.competences]
                items |= {f"compétence {code} « {libelle} »" for code, libelle in bloc.competences}
                items |= _bloc_items(activite.code, bloc.titre, bloc.savoirs, bloc.exemples, codes)
                orders[f"{activite.code} {bloc.titre}"] = [codes, bloc.savoirs, bloc.exemples]
    return items, orders


def referentiel_items(ref: Referentiel) -> tuple[set[str], dict[str, list[list[str]]]]:
    """The same sentences and lists, read from the loaded YAML."""
    items = {f"compétence {c.code} « {c.libelle} »" for c in ref.competences}
    orders: dict[str, list[list[str]]] = {}
    for pole in ref.poles:
        items |= _pole_items(pole.code, pole.titre, pole.resume, pole.mots_cles_texte)
        for activite in pole.activites:
            items.add(f"activité {activite.code} « {activite.titre} » (pôle {pole.code})")
            orders[activite.code] = [[bloc.titre for bloc in activite.blocs]]
            for bloc in activite.blocs:
                savoirs, exemples = list(bloc.savoirs_associes), list(bloc.exemples_concrets)
                codes = list(bloc.competences)
                items |= _bloc_items(activite.code, bloc.titre, savoirs, exemples, codes)
                orders[f"{activite.code} {bloc.titre}"] = [codes, savoirs, exemples]
    return items, orders


def _pole_items(code: str, titre: str, resume: str, mots_cles: str) -> set[str]:
    return {
        f"pôle {code} « {titre} »",
        f"présentation du pôle {code} « {resume} »",
        f"mots-clés du pôle {code} « {mots_cles} »",
    }


def discrepancies(seed: list[SeedPole], ref: Referentiel) -> list[str]:
    """What the YAML misses or adds compared with the seed, and lists in another order."""
    expected, expected_orders = seed_items(seed)
    found, found_orders = referentiel_items(ref)
    report = [f"manquant : {item}" for item in sorted(expected - found)]
    report += [f"en trop : {item}" for item in sorted(found - expected)]
    for where, lists in expected_orders.items():
        got = found_orders.get(where)
        # Different items are reported above; here the same items in another order.
        if got and got != lists and [sorted(x) for x in got] == [sorted(x) for x in lists]:
            report.append(f"ordre différent : {where}")
    return report


# --- the seed itself ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> list[SeedPole]:
    return read_seed()


def _blocs(seed: list[SeedPole]) -> list[SeedBloc]:
    return [bloc for pole in seed for activite in pole.activites for bloc in activite.blocs]


def test_the_seed_has_the_expected_counts(seed):
    blocs = _blocs(seed)
    savoirs = [savoir for bloc in blocs for savoir in bloc.savoirs]
    exemples = [exemple for bloc in blocs for exemple in bloc.exemples]
    assert [pole.code for pole in seed] == ["1", "2", "3"]
    assert sum(len(pole.activites) for pole in seed) == 9
    assert len(blocs) == 34
    assert len({code for bloc in blocs for code, _ in bloc.competences}) == 37
    # Counted by this parser: 83 savoir entries over the 34 blocs, 78 different texts
    # (5 repeat in another bloc); 262 examples, 257 different texts.
    assert (len(savoirs), len(set(savoirs))) == (83, 78)
    assert (len(exemples), len(set(exemples))) == (262, 257)


def test_every_bullet_of_the_seed_is_read(seed):
    """Each « • » of the seed is a bloc, a savoir or an example: none is lost or merged."""
    bullets = SEED.read_text(encoding="utf-8").count("•")
    blocs = _blocs(seed)
    read = len(blocs) + sum(len(bloc.savoirs) + len(bloc.exemples) for bloc in blocs)
    assert bullets == read == 379


def test_a_competency_listed_by_several_blocs_has_one_libelle(seed):
    libelles: dict[str, set[str]] = {}
    for bloc in _blocs(seed):
        for code, libelle in bloc.competences:
            libelles.setdefault(code, set()).add(libelle)
    assert all(len(texts) == 1 for texts in libelles.values())


def test_the_parser_refuses_a_line_it_does_not_understand():
    with pytest.raises(ValueError, match="ligne 2"):
        parse_seed("🔍\nune ligne inattendue\n")


# --- the YAML against the seed -----------------------------------------------------------


def test_the_yaml_holds_the_seed_word_for_word(seed):
    assert discrepancies(seed, load_referentiel()) == []


def test_the_loaded_referentiel_has_the_seed_counts():
    ref = load_referentiel()
    savoirs = [s for bloc in ref.blocs for s in bloc.savoirs_associes]
    exemples = [e for bloc in ref.blocs for e in bloc.exemples_concrets]
    assert (len(ref.poles), len(ref.activites), len(ref.blocs)) == (3, 9, 34)
    assert len(ref.competences) == 37
    assert (len(savoirs), len(set(savoirs))) == (83, 78)
    assert (len(exemples), len(set(exemples))) == (262, 257)


def _edited_copy(tmp_path: Path, name: str, edit) -> Referentiel:
    """A copy of the YAML folder with one file changed by ``edit(data)``."""
    directory = tmp_path / "referentiel"
    shutil.copytree(REFERENTIEL_DIR, directory, ignore=shutil.ignore_patterns("source"))
    path = directory / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_referentiel(directory)


def test_a_removed_example_is_reported(seed, tmp_path):
    def remove(data):
        del data["activites"][1]["blocs"][0]["exemples_concrets"][3]  # 2.2-b1, 4th example

    report = discrepancies(seed, _edited_copy(tmp_path, "pole-2.yaml", remove))
    assert report == [
        "manquant : exemple « Contrôler les virements automatiques » du bloc "
        "« Suivi des décaissements (rapprochement bancaire) » (2.2)"
    ]


def test_an_invented_or_reworded_item_is_reported(seed, tmp_path):
    def reword(data):
        data["competences"][0]["libelle"] = "Identifier la demande"

    report = discrepancies(seed, _edited_copy(tmp_path, "competences.yaml", reword))
    assert report == [
        "manquant : compétence 1.1.1 « Identifier les caractéristiques de la demande »",
        "en trop : compétence 1.1.1 « Identifier la demande »",
    ]


def test_items_in_another_order_are_reported(seed, tmp_path):
    def swap(data):
        savoirs = data["activites"][0]["blocs"][0]["savoirs_associes"]
        savoirs.reverse()

    report = discrepancies(seed, _edited_copy(tmp_path, "pole-3.yaml", swap))
    assert report == [
        "ordre différent : 3.1 Suivi administratif du recrutement, de l'intégration "
        "et du départ des personnels"
    ]
