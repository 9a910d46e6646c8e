"""The one export writer: French CSV, XLSX with numbers as numbers and no formula ever."""

import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from agora.spreadsheet import Table, to_csv, to_xlsx

# Every start a spreadsheet reads as a formula (OWASP « CSV injection »).
FORMULAS = [
    '=HYPERLINK("http://x","clic")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


def test_csv_follows_french_spreadsheet_conventions():
    table = Table(
        "Notes", ["Nom", "Note", "Points"], [["Dupont", Decimal("12.5"), 3], ["Martin", None, 0]]
    )
    body = to_csv(table)
    assert body.startswith(b"\xef\xbb\xbf")
    assert body.decode("utf-8-sig") == "Nom;Note;Points\r\nDupont;12,5;3\r\nMartin;;0\r\n"


def test_xlsx_keeps_numbers_as_numbers_with_their_decimals():
    table = Table(
        "Notes : 1re/A",
        ["Nom", "Note", "Total"],
        [["Dupont", Decimal("12.5"), Decimal("7.25")], ["Martin", None, 4]],
    )
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(table))).active
    assert sheet.title == "Notes   1re A" and sheet.freeze_panes == "D2"
    assert sheet["B2"].value == 12.5 and sheet["B2"].number_format == "0.0"
    assert sheet["C2"].value == 7.25 and sheet["C2"].number_format == "0.00"
    assert sheet["B3"].value is None and sheet["C3"].value == 4 and sheet["C3"].data_type == "n"


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_text_is_written_as_text(text):
    table = Table("Notes", ["Nom", "Note"], [[text, Decimal("-1.5")]])
    row = to_csv(table).decode("utf-8-sig").split("\r\n", 1)[1]
    assert row.lstrip('"').startswith("'") and row.endswith(";-1,5\r\n")
    body = to_xlsx(table)
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    # The standard XML parser reads a carriage return back as a line feed; lxml keeps it.
    assert sheet["A2"].value in (text, text.replace("\r", "\n"))
    assert (sheet["A2"].data_type, sheet["A2"].quotePrefix) == ("s", True)
    assert sheet["B2"].value == -1.5  # a negative number is a number, not a formula
    assert b"<f>" not in zipfile.ZipFile(io.BytesIO(body)).read("xl/worksheets/sheet1.xml")


def test_ordinary_text_is_left_alone():
    table = Table("Notes", ["Nom"], [["Dupont-Martin"], ["non rendu"]])
    assert to_csv(table).decode("utf-8-sig").splitlines()[1:] == ["Dupont-Martin", "non rendu"]
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(table))).active
    assert not sheet["A2"].quotePrefix and sheet["A2"].value == "Dupont-Martin"


def test_control_characters_never_break_the_xlsx():
    sheet = openpyxl.load_workbook(
        io.BytesIO(to_xlsx(Table("N", ["Nom"], [["Du\x00p\x1bont"]])))
    ).active
    assert sheet["A2"].value == "Du\ufffdp\ufffdont"
