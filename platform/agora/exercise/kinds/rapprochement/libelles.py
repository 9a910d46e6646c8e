"""Bank reconciliation, reading a statement line's wording: its nature and the accounts accepted.

The vocabulary is data, ``scenarios/banque/libelles.yaml`` (its header says how a wording is
read): keyword phrases without regular expressions, compared without accents or case, a word
ending in ``*`` being a word's beginning. The strongest priority found wins; several natures of
that priority make the wording ambiguous, and every account of each is accepted.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from pydantic import Field, model_validator

from agora import SCENARIOS_DIR
from agora.content.loading import StrictModel, loaded_once
from agora.exercise.fields import account_root

FICHIER = SCENARIOS_DIR / "banque" / "libelles.yaml"
Sens = Literal["entree", "sortie"]


class Nature(StrictModel):
    """One kind of operation: the words that name it and the accounts of its counterpart."""

    nature: str
    libelle: str
    sens: Literal["entree", "sortie", "deux"]
    priorite: int = Field(ge=1, le=4)
    ambigu: bool = False
    comptes: tuple[str, ...] = Field(min_length=1)
    mots: tuple[str, ...] = Field(min_length=1)
    exemples: tuple[tuple[Sens, str], ...] = ()
    sources: tuple[str, ...] = Field(min_length=1)

    def pour(self, entree: bool) -> bool:
        """Whether this nature can be a line going this way."""
        return self.sens == "deux" or (self.sens == "entree") == entree


class Defaut(StrictModel):
    entree: str
    sortie: str


class Vocabulaire(StrictModel):
    """The whole file: sources, natures in file order, the natures of an unknown wording."""

    a_verifier: bool = False
    en_vigueur_le: str
    sources: dict[str, str] = Field(min_length=1)
    comptes_auxiliaires: tuple[str, ...]
    defaut: Defaut
    natures: tuple[Nature, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _references(self) -> Vocabulaire:
        """Every source cited exists, every account is one, natures are named once."""
        noms = [n.nature for n in self.natures]
        if len(noms) != len(set(noms)):
            raise ValueError("une nature est décrite deux fois")
        for n in self.natures:
            if inconnues := [s for s in n.sources if s not in self.sources]:
                raise ValueError(f"{n.nature} : source inconnue {inconnues[0]}")
            if fautifs := [c for c in n.comptes if not c.isdigit()]:
                raise ValueError(f"{n.nature} : « {fautifs[0]} » n'est pas un compte")
        if {self.defaut.entree, self.defaut.sortie} - set(noms):
            raise ValueError("defaut : nature inconnue")
        return self

    def nature(self, nom: str) -> Nature:
        return next(n for n in self.natures if n.nature == nom)


@dataclass(frozen=True)
class Classement:
    """What a wording says: its nature(s) and the accounts accepted (first = the solution's)."""

    natures: tuple[str, ...]
    comptes: tuple[str, ...]
    ambigu: bool


@dataclass(frozen=True)
class _Motif:
    mots: tuple[str, ...]
    nature: Nature


@lru_cache(maxsize=8192)
def sans_accents(texte: str) -> str:
    decomposed = unicodedata.normalize("NFKD", texte)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=8192)
def mots(texte: str) -> tuple[str, ...]:
    """A wording as words: no accents, upper case, anything but a letter or digit separates."""
    simple = sans_accents(texte).upper()
    return tuple("".join(c if c.isalnum() else " " for c in simple).split())


# The vocabulary file, read once (ContentError naming the file and the field if wrong).
vocabulaire = loaded_once(FICHIER, Vocabulaire)


@cache
def _index() -> tuple[dict[str, list[_Motif]], list[_Motif]]:
    """Phrases by their first word; those starting with a word's beginning apart."""
    exacts: dict[str, list[_Motif]] = {}
    debuts: list[_Motif] = []
    for nature in vocabulaire().natures:
        for phrase in nature.mots:
            motif = _Motif(_decouper(phrase), nature)
            if motif.mots[0].endswith("*"):
                debuts.append(motif)
            else:
                exacts.setdefault(motif.mots[0], []).append(motif)
    return exacts, debuts


def _decouper(phrase: str) -> tuple[str, ...]:
    """A phrase of the file as words read like a wording, each « * » kept on its word's end."""
    decoupe: list[str] = []
    for brut in phrase.split():
        partie = mots(brut.rstrip("*"))
        decoupe += (*partie[:-1], partie[-1] + "*" * brut.endswith("*"))
    return tuple(decoupe)


def _mot_lu(attendu: str, mot: str) -> bool:
    return mot.startswith(attendu[:-1]) if attendu.endswith("*") else mot == attendu


def _lu_a(motif: _Motif, lus: tuple[str, ...], i: int) -> bool:
    """Whether the phrase reads at word ``i`` of the wording."""
    if i + len(motif.mots) > len(lus):
        return False
    return all(_mot_lu(a, m) for a, m in zip(motif.mots, lus[i:], strict=False))


def _natures_lues(libelle: str, entree: bool) -> list[Nature]:
    """Every nature one of whose phrases reads in the wording, for a line going this way, less
    those only read inside a longer phrase of another nature (« TAXE SUR LES SALAIRES »)."""
    exacts, debuts = _index()
    lus = mots(libelle)
    lectures: list[tuple[int, int, Nature]] = []
    for i, mot in enumerate(lus):
        candidats = exacts.get(mot, []) + [m for m in debuts if _mot_lu(m.mots[0], mot)]
        for motif in candidats:
            if motif.nature.pour(entree) and _lu_a(motif, lus, i):
                lectures.append((i, i + len(motif.mots), motif.nature))
    vues: dict[str, Nature] = {}
    for debut, fin, nature in lectures:
        if not any(d <= debut and fin <= f and f - d > fin - debut for d, f, _ in lectures):
            vues[nature.nature] = nature
    return list(vues.values())


@lru_cache(maxsize=8192)
def classer(libelle: str, entree: bool) -> Classement:
    """The nature(s) of a statement line and the accounts accepted for its counterpart."""
    vues = _natures_lues(libelle, entree)
    if not vues:
        return par_defaut(entree)
    forte = min(n.priorite for n in vues)
    ordre = {n.nature: k for k, n in enumerate(vocabulaire().natures)}
    retenues = sorted((n for n in vues if n.priorite == forte), key=lambda n: ordre[n.nature])
    comptes = tuple(dict.fromkeys(c for n in retenues for c in n.comptes))
    ambigu = len(retenues) > 1 or retenues[0].ambigu
    return Classement(tuple(n.nature for n in retenues), comptes, ambigu)


@cache
def par_defaut(entree: bool) -> Classement:
    """An unknown wording: a customer's money in (411), a supplier's money out (401)."""
    v = vocabulaire()
    nature = v.nature(v.defaut.entree if entree else v.defaut.sortie)
    return Classement((nature.nature,), nature.comptes, nature.ambigu)


def compte_admis(comptes: tuple[str, ...], compte: str) -> bool:
    """Is ``compte`` one of the accepted ``comptes``? A third party's or the bank's account takes
    a subsidiary suffix (« 411DUPONT », « 5121 »); the others may be padded with zeros
    (« 627000 » is « 627 », but « 6271 » is neither 627 nor 6278)."""
    prefixes, racines = _admis(comptes)
    return compte.startswith(prefixes) or account_root(compte) in racines


@lru_cache(maxsize=256)  # by accepted set, a shape: an entry's rows ask for the same few
def _admis(comptes: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    """Of the accepted ``comptes``, those a subsidiary suffix may follow; and the roots of all,
    as ``COMPTE.same`` compares them."""
    auxiliaires = vocabulaire().comptes_auxiliaires
    return tuple(c for c in comptes if c in auxiliaires), frozenset(map(account_root, comptes))
