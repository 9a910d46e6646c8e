"""Reading a class list exported by school software (CSV): pure parsing, per-line errors.

What school software exports varies: « ; » or « , » separators, UTF-8 (with or without BOM)
or Windows-1252, headers in any case, with accents or not, in any order (« NOM »,
« Prénom », « Né(e) le », « Date de naissance », « Mail »…), dates as 12/03/2009 or
2009-03-12. ``parse_class_list`` accepts all of these and returns the valid students plus a
French message for each line it cannot use; a file it cannot read at all raises
``CsvImportError``. No HTTP, no database: the preview and the confirmation both call it.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from anyascii import anyascii

from agora.errors import InvalidInput

MAX_BYTES = 1_000_000  # a class of 35 weighs ~2 kB; a whole school export stays far below
MAX_STUDENTS = 500
MAX_NAME_LENGTH = 100
SEPARATORS = (";", ",", "\t")
HEADER_SEARCH = 5  # lines looked at to find the header

# Normalised header (lowercase ASCII letters only) -> field.
HEADERS = {
    "nom": "nom",
    "noms": "nom",
    "nomdefamille": "nom",
    "nomusage": "nom",
    "nomdusage": "nom",
    "nomeleve": "nom",
    "nomdeleleve": "nom",
    "prenom": "prenom",
    "prenoms": "prenom",
    "prenomeleve": "prenom",
    "prenomdeleleve": "prenom",
    "premierprenom": "prenom",
    "datedenaissance": "date_naissance",
    "datenaissance": "date_naissance",
    "naissance": "date_naissance",
    "nele": "date_naissance",
    "neele": "date_naissance",
    "neel": "date_naissance",
    "nee": "date_naissance",
    "ne": "date_naissance",
    "datenais": "date_naissance",
    "ddn": "date_naissance",
    "mail": "email",
    "email": "email",
    "emails": "email",
    "courriel": "email",
    "adressemail": "email",
    "adresseemail": "email",
    "adressecourriel": "email",
    "adresseelectronique": "email",
    "maileleve": "email",
    "emaileleve": "email",
    "courrieleleve": "email",
}
REQUIRED = {"nom": "nom", "prenom": "prénom", "date_naissance": "date de naissance"}

_DATE_FR = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_EMAIL = re.compile(r"^[^@\s;,]+@[^@\s;,]+\.[A-Za-z]{2,}$")


class CsvImportError(InvalidInput):
    """The file cannot be used at all (empty, binary, no usable header…): one French message."""


@dataclass(frozen=True)
class ImportedStudent:
    """One valid line of the file."""

    ligne: int
    nom: str
    prenom: str
    date_naissance: date
    email: str | None
    contenu: str = ""  # the line as written, shown if it is refused later (already in the class)

    @property
    def key(self) -> tuple[str, str, date]:
        """Identity used to spot duplicates: names without case or accents, and the birth date."""
        return (fold(self.nom), fold(self.prenom), self.date_naissance)


@dataclass(frozen=True)
class LineError:
    """A line that will not be imported, and why (in French)."""

    ligne: int
    message: str
    contenu: str


@dataclass
class ImportPreview:
    """What the file holds: valid students, lines in error, blank lines skipped."""

    students: list[ImportedStudent] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)
    blank_lines: int = 0
    separator: str = ";"
    encoding: str = "UTF-8"
    columns: dict[str, str] = field(default_factory=dict)  # field -> header as written
    text: str = ""  # the decoded file, re-posted by the preview page and parsed again


def fold(text: str) -> str:
    """Lowercase, no accents, single spaces: « Élodie  LE GALL » -> « elodie le gall »."""
    return " ".join(anyascii(text).lower().split())


def parse_class_list(data: bytes | str) -> ImportPreview:
    """Every student of a class list, with a French error per unusable line.

    ``data`` is the uploaded file (bytes) or the text a preview page posted back.
    Raises CsvImportError when the whole file is unusable.
    """
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8"))
    if size > MAX_BYTES:
        megabytes = f"{size / 1_000_000:.1f}".replace(".", ",")
        raise CsvImportError(
            f"Le fichier est trop gros ({megabytes} Mo) : la limite est de "
            f"{MAX_BYTES // 1_000_000} Mo. Exportez seulement la liste de la classe."
        )
    text, encoding = decode(data) if isinstance(data, bytes) else (data, "UTF-8")
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise CsvImportError("Le fichier est vide : aucun élève à importer.")
    _refuse_binary(text)
    lines = text.splitlines()
    header_index, separator, columns = _find_header(lines)
    rows = _rows(lines[header_index:], separator, header_index)
    preview = ImportPreview(separator=separator, encoding=encoding, text=text)
    preview.columns = {name: rows[0][i].strip() for name, i in columns.items()}
    seen: dict[tuple[str, str, date], int] = {}
    for offset, row in enumerate(rows[1:], start=header_index + 2):
        if not any(cell.strip() for cell in row):
            preview.blank_lines += 1
            continue
        _read_row(preview, seen, offset, row, columns, separator)
    if not preview.students and not preview.errors:
        raise CsvImportError(
            "Le fichier ne contient que la ligne d'en-tête : aucun élève à importer."
        )
    if len(preview.students) > MAX_STUDENTS:
        raise CsvImportError(
            f"Le fichier contient {len(preview.students)} élèves : la limite est de "
            f"{MAX_STUDENTS} par import. Exportez seulement la liste de la classe."
        )
    return preview


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name): UTF-8 (BOM or not) or Windows-1252, decided line by line.

    Line by line, because files assembled by hand from two exports mix both encodings.
    """
    if b"\x00" in data:
        raise CsvImportError(_NOT_CSV)
    data = data.removeprefix(b"\xef\xbb\xbf")
    found: set[str] = set()
    lines = []
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
            if not raw.isascii():
                found.add("UTF-8")
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))
            found.add("Windows-1252")
    encoding = (
        "UTF-8 et Windows-1252 mêlés" if len(found) == 2 else (found.pop() if found else "UTF-8")
    )
    return "\n".join(lines), encoding


_NOT_CSV = (
    "Ce fichier n'est pas un fichier texte CSV (c'est peut-être un classeur Excel ou un PDF). "
    "Dans votre logiciel, choisissez « Exporter » au format CSV."
)


def _refuse_binary(text: str) -> None:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\r\n")
    unreadable = text.count("\ufffd")
    if controls + unreadable > max(3, len(text) // 50):
        raise CsvImportError(_NOT_CSV)


def guess_separator(header: str) -> str:
    """The separator of the header line: the most frequent of « ; », « , », tabulation."""
    counts = {sep: header.count(sep) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ";"


def header_field(header: str) -> str | None:
    """The field a header names (« Né(e) le » -> date_naissance), or None."""
    return HEADERS.get(re.sub(r"[^a-z]", "", fold(header)))


def _find_header(lines: list[str]) -> tuple[int, str, dict[str, int]]:
    """(index, separator, columns) of the header: the first of the first non-blank lines
    naming the columns (some exports put a title line such as « Classe 1re A » above it)."""
    candidates = [i for i, line in enumerate(lines) if line.strip()][:HEADER_SEARCH]
    first_error = None
    for index in candidates:
        separator = guess_separator(lines[index])
        try:
            return index, separator, _columns(_rows([lines[index]], separator, index)[0])
        except CsvImportError as error:
            first_error = first_error or error
    raise first_error


def _rows(lines: list[str], separator: str, offset: int) -> list[list[str]]:
    """The cells of these lines (the first is line ``offset + 1`` of the file).

    CsvImportError when the csv module cannot read them: a cell over its limit of 131 072
    characters, or any other malformed CSV; never its English error.
    """
    reader = csv.reader(lines, delimiter=separator)
    try:
        return list(reader)
    except csv.Error as error:
        where = f"Ligne {offset + reader.line_num}"
        if "field limit" in str(error):
            raise CsvImportError(
                f"{where} : une cellule dépasse {csv.field_size_limit():_} caractères".replace(
                    "_", "\u202f"
                )
                + ". Ce n'est pas une liste d'élèves : exportez la liste de la classe en CSV."
            ) from None
        raise CsvImportError(
            f"{where} : le fichier CSV est mal formé. Exportez de nouveau la liste de la "
            "classe au format CSV."
        ) from None


def _columns(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        name = header_field(title)
        if name and name not in columns:
            columns[name] = index
    missing = [label for name, label in REQUIRED.items() if name not in columns]
    if missing:
        read = ", ".join(f"« {t.strip()} »" for t in header if t.strip()) or "aucune"
        raise CsvImportError(
            f"Colonne{'s' if len(missing) > 1 else ''} introuvable{'s' if len(missing) > 1 else ''}"
            f" : {', '.join(missing)}. Colonnes lues dans la première ligne : {read}. "
            "La première ligne doit nommer les colonnes : nom, prénom, date de naissance "
            "(e-mail facultatif)."
        )
    return columns


def _read_row(preview, seen, number, row, columns, separator) -> None:
    def cell(name: str) -> str:
        index = columns.get(name)
        return " ".join(row[index].split()) if index is not None and index < len(row) else ""

    contenu = separator.join(row)
    problems = []
    nom, prenom = cell("nom"), cell("prenom")
    for label, value in (("nom", nom), ("prénom", prenom)):
        if not value:
            problems.append(f"{label} manquant")
        elif len(value) > MAX_NAME_LENGTH:
            problems.append(f"{label} trop long ({len(value)} caractères)")
        elif "\ufffd" in value:
            problems.append(f"{label} illisible (caractères inconnus)")
        elif control := _control_character(value):
            problems.append(f"{label} avec un caractère invisible interdit ({control})")
    naissance, date_problem = parse_date(cell("date_naissance"))
    if date_problem:
        problems.append(date_problem)
    email = cell("email") or None
    if email and (_control_character(email) or not _EMAIL.match(email)):
        problems.append(f"adresse e-mail invalide « {_visible(email)} »")
    if problems:
        message = " ; ".join(problems)
        preview.errors.append(LineError(number, message[0].upper() + message[1:] + ".", contenu))
        return
    student = ImportedStudent(number, nom, prenom, naissance, email, contenu)
    if student.key in seen:
        preview.errors.append(
            LineError(number, f"Doublon de la ligne {seen[student.key]} (même élève).", contenu)
        )
        return
    seen[student.key] = number
    preview.students.append(student)


def _control_character(text: str) -> str | None:
    """« U+0000 » for the first control character of the text (a database refuses NUL), or None."""
    found = next((ch for ch in text if unicodedata.category(ch) == "Cc"), None)
    return None if found is None else f"U+{ord(found):04X}"


def _visible(text: str) -> str:
    # Control characters shown as « \ufffd » in a message, never sent to the page as they are.
    return "".join("\ufffd" if unicodedata.category(ch) == "Cc" else ch for ch in text)


def parse_date(text: str) -> tuple[date | None, str | None]:
    """(date, None) for 12/03/2009, 12-03-2009, 12.03.2009 or 2009-03-12; else (None, message)."""
    text = text.strip()
    if not text:
        return None, "date de naissance manquante"
    if match := _DATE_ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DATE_FR.match(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        return None, f"date de naissance illisible « {text} » (attendu : JJ/MM/AAAA)"
    try:
        value = date(year, month, day)
    except ValueError:
        return None, f"date de naissance impossible « {text} »"
    if not 1900 <= year <= 2100:
        return None, f"date de naissance invraisemblable « {text} »"
    return value, None
