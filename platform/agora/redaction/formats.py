"""The writing formats and their parts, as a student fills them and a reader reads them.

One table: each format lists its parts in reading order. ``lire`` turns the posted fields into
the stored answer (a dict of parts) or raises FormatErrors with a French message per part, so
the form comes back with what was typed. A missing professional part (an objet, a formule de
politesse) is not refused here: it is a mistake the teacher grades and the pre-checks point out.
Old answers ``{"texte": ...}`` stay readable as the format « texte ».
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from agora.exercise.base import FormatErrors

MAX_TOTAL = 10_000  # characters of one answer, every part together
_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")


@dataclass(frozen=True)
class Partie:
    """One part of a document: its field name, French label, widget and limits.

    ``nature``: « ligne » (one line), « bloc » (a few lines: an address, a signature),
    « texte » (the body), « courriels » (e-mail addresses), « piece » (chosen from a list).
    ``attendue``: the pre-checks flag it when it is left empty.
    """

    nom: str
    libelle: str
    nature: str = "ligne"
    attendue: bool = True
    aide: str = ""
    maximum: int = 300

    @property
    def lignes(self) -> int:
        return {"bloc": 4, "texte": 12}.get(self.nature, 1)


@dataclass(frozen=True)
class Format:
    code: str
    libelle: str
    parties: tuple[Partie, ...]
    corps: str  # the part holding the main text (length and spelling are counted on it)

    def partie(self, nom: str) -> Partie:
        return next(p for p in self.parties if p.nom == nom)


_CORPS = Partie("corps", "Corps du message", "texte", maximum=8000)

FORMATS: dict[str, Format] = {
    f.code: f
    for f in (
        Format("texte", "Texte", (Partie("texte", "Votre texte", "texte", maximum=MAX_TOTAL),), "texte"),
        Format(
            "courriel",
            "Courriel",
            (
                Partie("a", "À", "courriels", aide="Une ou plusieurs adresses, séparées par des virgules."),
                Partie("cc", "Cc", "courriels", attendue=False, aide="Facultatif : les personnes informées en copie."),
                Partie("objet", "Objet", maximum=150),
                _CORPS,
                Partie("piece_jointe", "Pièce jointe", "piece", attendue=False),
            ),
            "corps",
        ),
        Format(
            "lettre",
            "Lettre",
            (
                Partie("expediteur", "Expéditeur", "bloc", aide="Nom de l'organisation, adresse, téléphone ou courriel."),
                Partie("destinataire", "Destinataire", "bloc", aide="Nom (et fonction), adresse complète."),
                Partie("references", "Références", attendue=False, aide="Vos réf. / Nos réf., s'il y en a."),
                Partie("lieu_date", "Lieu et date", aide="Par exemple : Lyon, le 3 mars 2026"),
                Partie("objet", "Objet", maximum=150),
                Partie("formule_appel", "Formule d'appel", aide="Par exemple : Madame, / Monsieur,"),
                Partie("corps", "Corps de la lettre", "texte", maximum=8000),
                Partie("formule_politesse", "Formule de politesse", "bloc", maximum=400),
                Partie("signature", "Signature", "bloc", aide="Prénom, nom et fonction du signataire."),
            ),
            "corps",
        ),
        Format(
            "note",
            "Note de service",
            (
                Partie("de", "De", aide="L'émetteur et sa fonction."),
                Partie("a", "À", aide="Les destinataires (un service, tout le personnel…)."),
                Partie("date", "Date"),
                Partie("objet", "Objet", maximum=150),
                Partie("corps", "Texte de la note", "texte", maximum=8000),
            ),
            "corps",
        ),
        Format(
            "compte_rendu",
            "Compte rendu",
            (
                Partie("date", "Date et lieu de la réunion"),
                Partie("participants", "Participants", "bloc", aide="Présents, excusés, secrétaire de séance."),
                Partie("ordre_du_jour", "Ordre du jour", "bloc", maximum=1500),
                Partie("decisions", "Relevé des échanges et des décisions", "texte", maximum=6000),
                Partie("suite", "Suite à donner", "bloc", maximum=1500, aide="Qui fait quoi, pour quand."),
            ),
            "decisions",
        ),
        Format(
            "publication",
            "Publication",
            (
                Partie("titre", "Titre", maximum=150),
                Partie("texte", "Texte", "texte", maximum=5000),
            ),
            "texte",
        ),
        Format(
            "page_web",
            "Page web",
            (
                Partie("titre", "Titre de la page", maximum=150),
                Partie("texte", "Contenu de la page", "texte", maximum=6000),
                Partie(
                    "mentions_legales",
                    "Mentions légales",
                    "bloc",
                    maximum=2000,
                    aide="Éditeur (nom, adresse, contact), directeur de la publication, hébergeur (nom, adresse, téléphone).",
                ),
            ),
            "texte",
        ),
    )
}  # fmt: skip


def format_de(step: Any) -> Format:
    """The format a prose step asks for (a web page is a publication with ``support: page_web``)."""
    code = getattr(step, "format", "texte")
    if code == "publication" and getattr(step, "support", None) == "page_web":
        code = "page_web"
    return FORMATS.get(code, FORMATS["texte"])


def format_par_code(code: Any) -> Format:
    """The format named ``code`` (an exam question's params name theirs); a plain text for any
    other value: a copy started before its question named a format was typed as one text."""
    return FORMATS.get(code, FORMATS["texte"]) if isinstance(code, str) else FORMATS["texte"]


def lire(fmt: Format, fields: dict[str, str] | str, pieces: list[str] = ()) -> dict[str, str]:
    """The stored answer (each part, trimmed) from the posted fields; FormatErrors with a French
    message per part when it cannot be kept. ``pieces``: the attachments the student may choose.
    A bare string (older callers) is the body."""
    if isinstance(fields, str):
        fields = {fmt.corps: fields}
    answer = {p.nom: _clean(fields.get(p.nom, "")) for p in fmt.parties}
    errors: dict[str, str] = {}
    for p in fmt.parties:
        value = answer[p.nom]
        if len(value) > p.maximum:
            errors[p.nom] = f"{len(value)} caractères : {p.maximum} au plus, raccourcissez."
        elif p.nature == "courriels" and value:
            wrong = [a for a in _adresses(value) if not _EMAIL.match(a)]
            if wrong:
                errors[p.nom] = (
                    f"« {wrong[0]} » n'est pas une adresse électronique (nom@domaine.fr)."
                )
        elif p.nature == "piece" and value and value not in pieces:
            errors[p.nom] = "Choisissez la pièce jointe dans la liste proposée."
    if not answer[fmt.corps]:
        errors.setdefault(
            fmt.corps,
            f"Votre texte est vide : rédigez « {fmt.partie(fmt.corps).libelle} » avant d'envoyer.",
        )
    if sum(len(v) for v in answer.values()) > MAX_TOTAL:
        errors.setdefault(
            fmt.corps, f"Votre réponse dépasse {MAX_TOTAL} caractères : raccourcissez-la."
        )
    if errors:
        raise FormatErrors(errors)
    return {k: v for k, v in answer.items() if v}


def _clean(value: Any) -> str:
    text = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def _adresses(value: str) -> list[str]:
    return [a.strip() for a in re.split(r"[,;]", value) if a.strip()]


@dataclass(frozen=True)
class Document:
    """An answer ready to be shown as the document it is: the format and each part's text."""

    format: Format
    parties: dict[str, str]

    def __getitem__(self, nom: str) -> str:
        return self.parties.get(nom, "")

    @property
    def texte(self) -> str:
        """Every part, in reading order (what length and spelling are counted on)."""
        return "\n".join(
            self.parties[p.nom] for p in self.format.parties if self.parties.get(p.nom)
        )


def document(answer: dict[str, Any] | None, step: Any = None) -> Document:
    """A stored answer as its document; an old ``{"texte": ...}`` answer is a plain text."""
    answer = answer or {}
    fmt = format_de(step)
    if set(answer) == {"texte"} and fmt.code not in ("texte", "publication", "page_web"):
        fmt = FORMATS["texte"]
    return Document(fmt, {p.nom: str(answer.get(p.nom) or "") for p in fmt.parties})


def pieces_disponibles(
    company: Any, mission: Any = None, index: int = 0, org_seed: int | None = None
) -> list[str]:
    """What a student may attach to an e-mail: the documents made at earlier steps of the
    mission (« Facture n° FA2026-0158 (étape 1) » for the student of ``org_seed``), then the
    organisation's own documents (names shown as the student reads them)."""
    from agora.exercise.registry import KINDS

    documents_precedents = [
        _piece_de_l_etape(mission, number - 1, org_seed)
        for number, step in enumerate((mission.etapes[:index] if mission else []), start=1)
        if getattr(step, "type", "") == "exercice" and KINDS[step.kind].piece_commerciale
    ]
    situation = pieces_de_la_situation(mission.etapes[index], company) if mission else []
    return situation + documents_precedents + pieces_propres(company)


NOMS_DES_PIECES = {"facture": "Facture", "devis": "Devis", "avoir": "Avoir"}


def _piece_de_l_etape(mission: Any, index: int, org_seed: int | None) -> str:
    """The name of the commercial document a student made at step ``index`` (its type and
    number, as it was issued), not the kind's title (« Facture avec réductions, escompte… »,
    which the document may not have); « Document de l'étape N » when no student is known."""
    if org_seed is None:
        return f"Document de l'étape {index + 1}"
    from agora.redaction.faits import piece_de_l_etape

    doc = piece_de_l_etape(mission, index, org_seed)
    nom = NOMS_DES_PIECES.get(doc.type, doc.type.capitalize())
    return f"{nom} n° {doc.numero} (étape {index + 1})"


def pieces_de_la_situation(step: Any, company: Any) -> list[str]:
    """The documents a writing step's situation gives (« pieces_jointes »), for this organisation."""
    from agora.content.missions import personalise

    return [personalise(p, company) for p in getattr(step, "pieces_jointes", [])]


def pieces_propres(company: Any) -> list[str]:
    """The organisation's own documents, which any e-mail may carry."""
    nom = company.raison_sociale
    return [
        f"Fiche de présentation — {nom}",
        f"Conditions générales — {nom}",
        f"Coordonnées bancaires (RIB) — {nom}",
    ]
