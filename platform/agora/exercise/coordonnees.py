"""Answer field types for a person's contact details: a French phone number, an e-mail address
and a person's name, read as a French person writes them (« 06 12 34 56 78 », « +33 6 12… »,
« Mme Claire Durand ») and compared as a colleague reading the note would.

Kept beside ``exercise/fields.py`` (which is already at its size limit) with the same contract:
``convert`` reads or raises InvalidInput in French, ``canonical`` writes, ``same`` compares.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.fields import Field, cite

_SEPARATEURS = re.compile(r"[\s.\-/()]+")
_INDICATIF = re.compile(r"^(?:\+33|0033)(?:0)?")
_COURRIEL = re.compile(r"[a-z0-9._%+\-]{1,64}@[a-z0-9\-]{1,63}(?:\.[a-z0-9\-]{1,63})*\.[a-z]{2,24}")
_MOT = re.compile(r"[a-z]+")
_CIVILITES = frozenset({"m", "mme", "mlle", "monsieur", "madame", "mademoiselle"})


class Telephone(Field):
    """A French phone number of ten digits: « 06 12 34 56 78 », « 06.12.34.56.78 »,
    « +33 6 12 34 56 78 »; canonical « 0612345678 », displayed by pairs."""

    inputmode = "tel"

    def convert(self, raw: Any) -> str:
        if not isinstance(raw, str):
            raise InvalidInput("Écrivez le numéro de téléphone, par exemple 06 12 34 56 78.")
        texte = _SEPARATEURS.sub("", raw[:40])
        texte = _INDICATIF.sub("0", texte)
        if not (len(texte) == 10 and texte.isascii() and texte.isdigit() and texte[0] == "0"):
            raise InvalidInput(
                f"« {cite(raw, 20)} » n'est pas un numéro de téléphone à 10 chiffres "
                "(par exemple 06 12 34 56 78)."
            )
        return texte

    def display(self, value: str) -> str:
        return " ".join(value[i : i + 2] for i in range(0, len(value), 2))


class Courriel(Field):
    """An e-mail address, compared without regard to case: « Claire.Durand@Exemple.fr »."""

    inputmode = "email"

    def convert(self, raw: Any) -> str:
        if not isinstance(raw, str):
            raise InvalidInput("Écrivez l'adresse électronique, par exemple nom@exemple.fr.")
        texte = "".join(raw[:120].split()).lower()
        if not _COURRIEL.fullmatch(texte):
            raise InvalidInput(
                f"« {cite(raw, 30)} » n'est pas une adresse électronique (par exemple "
                "nom@exemple.fr)."
            )
        return texte


def mots(nom: str) -> tuple[str, ...]:
    """A name as its words in lower case without accents or punctuation (« Lefèvre-Dupré » →
    lefevre, dupre)."""
    sans_accent = unicodedata.normalize("NFKD", nom).encode("ascii", "ignore").decode().lower()
    return tuple(_MOT.findall(sans_accent))


class NomPersonne(Field):
    """A person's name as noted on a message: the expected value is the family name; the answer
    may add the first name and the civility, in any case and with or without accents
    (« DURAND », « Mme Claire Durand », « durand claire » are all « Durand »)."""

    def convert(self, raw: Any) -> str:
        if not isinstance(raw, str):
            raise InvalidInput("Écrivez le nom de la personne.")
        texte = " ".join(raw.split())
        if len(texte) > 80 or not mots(texte):
            raise InvalidInput(f"« {cite(raw, 20)} » n'est pas un nom.")
        return texte

    def same(self, expected: str, value: str) -> bool:
        """Every word of the family name present, at most two more words (first names), the
        civility ignored."""
        attendus = mots(expected)
        donnes = [m for m in mots(value) if m not in _CIVILITES]
        return set(attendus) <= set(donnes) and len(donnes) <= len(attendus) + 2


# Words a note may put before an organisation's name without changing which one it is.
_GENERIQUES = frozenset(
    {"service", "societe", "ste", "entreprise", "equipe", "de", "du", "la", "le"}
)


class NomOrganisation(NomPersonne):
    """An organisation's or a service's name as noted on a message: no word that is not in
    its name (« service », « société » aside), and at least two of its words of three letters
    or more (all of them when it has fewer): « Restaurant Da Costa » is « Restaurant Da Costa
    d'Angoulême », « service Salle » is « Salle »; case and accents do not count."""

    def convert(self, raw: Any) -> str:
        if not isinstance(raw, str):
            raise InvalidInput("Écrivez le nom de l'organisation ou du service.")
        return super().convert(raw)

    def same(self, expected: str, value: str) -> bool:
        attendus = set(mots(expected))
        donnes = set(mots(value))
        forts = {m for m in attendus if len(m) > 2 or m.isdigit()}
        if not donnes or not donnes <= attendus | _GENERIQUES:
            return False
        return len(donnes & forts) >= min(2, len(forts))


TELEPHONE = Telephone()
COURRIEL = Courriel()
NOM_PERSONNE = NomPersonne()
NOM_ORGANISATION = NomOrganisation()
