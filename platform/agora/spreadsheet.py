"""The one writer of every CSV and XLSX export: French conventions, formulas made harmless.

A ``Table`` is a titled grid of text, Decimal, int or None (empty cell). CSV comes out as
French spreadsheet software expects it (« ; » separator, UTF-8 with BOM, decimal comma, CRLF);
XLSX through openpyxl, numbers kept as numbers. Any text a spreadsheet would run as a formula
(a name typed as « =HYPERLINK(…) », « +cmd|… », « @SUM(…) ») is written as plain text in both.
Pure: no database, no HTTP.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

# A text cell starting with one of these is run as a formula by spreadsheet software
# (OWASP « CSV injection »): such texts are written as plain text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


@dataclass(frozen=True)
class Table:
    """A titled grid: header texts, then rows of text, Decimal, int or None (empty cell).

    ``frozen_columns``: how many leading columns (the names) stay visible when scrolling.
    """

    title: str
    headers: list[str]
    rows: list[list[Any]]
    frozen_columns: int = 3


def is_formula(text: str) -> bool:
    """True when spreadsheet software would run this text as a formula."""
    return text.startswith(FORMULA_START)


def csv_cell(value: Any) -> str:
    """One CSV cell: decimal comma for numbers, a quote before formula-looking text."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    if isinstance(value, int):
        return str(value)
    text = str(value)
    # The leading apostrophe is what spreadsheet software itself uses to mean « text ».
    return "'" + text if is_formula(text) else text


def to_csv(table: Table) -> bytes:
    """CSV for French spreadsheet software: « ; », decimal comma, UTF-8 with BOM, CRLF."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_cell(h) for h in table.headers])
    writer.writerows([csv_cell(v) for v in row] for row in table.rows)
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(table: Table) -> bytes:
    """An XLSX workbook of one sheet: bold header, numbers as numbers, every text as text."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = re.sub(r"[\[\]:*?/\\]", " ", table.title)[:31] or "Feuille"
    for number, row in enumerate([table.headers, *table.rows], start=1):
        for column, value in enumerate(row, start=1):
            _write(sheet.cell(number, column), value)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, header in enumerate(table.headers, start=1):
        width = min(40, max(10, len(str(header)) + 2))
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = sheet.cell(2, table.frozen_columns + 1).coordinate
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write(cell, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, Decimal):
        # XLSX stores every number as a double: marks and points to the cent are exact enough.
        cell.value = float(value)
        places = max(0, -value.as_tuple().exponent) if value.is_finite() else 0
        cell.number_format = "0." + "0" * places if places else "0"
    elif isinstance(value, int):
        cell.value = value
    else:
        # Control characters are not allowed in XLSX (openpyxl would raise): shown as « � ».
        text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", str(value))
        cell.value = text
        # openpyxl would store « =… » as a formula: force a string cell, and mark formula-looking
        # text « quote prefixed » so that editing the cell in Excel or LibreOffice keeps it text.
        cell.data_type = "s"
        if is_formula(text):
            cell.quotePrefix = True
