"""French formatting filters and safe Markdown used by every page."""

from datetime import UTC, date, datetime
from decimal import Decimal

from agora.web.templating import (
    french_date,
    french_datetime,
    french_month,
    markdown,
    money,
    number,
    percent,
    rate,
)

NNBSP = "\u202f"


def test_money_is_french():
    assert money(Decimal("1234.5")) == f"1{NNBSP}234,50\u00a0€"
    assert money("0") == "0,00\u00a0€"
    assert money(None) == ""


def test_numbers_rates_and_percents():
    assert number(Decimal("151.67")) == "151,67"
    assert number("12", 2) == "12,00"
    assert rate("5.5") == f"5,5{NNBSP}%"
    assert percent(Decimal("0.755")) == f"76{NNBSP}%"
    assert percent("0.755", 1) == f"75,5{NNBSP}%"


def test_dates_in_french_and_paris_time():
    assert french_date(date(2026, 3, 3)) == "3 mars 2026"
    assert french_date("2026-03-03", "short") == "03/03/2026"
    assert french_month("2026-03") == "mars 2026"
    # 23:30 UTC on 31 March is already 1 April in Paris (summer time).
    assert french_datetime(datetime(2026, 3, 31, 23, 30, tzinfo=UTC)) == "1er avril 2026 à 01:30"


def test_the_first_of_the_month_is_written_1er():
    # French typography (audit 11): « 1er mai 2027 », never « 1 mai 2027 ».
    assert french_date(date(2027, 5, 1)) == "1er mai 2027"
    assert french_date(datetime(2026, 11, 1, 9, tzinfo=UTC)) == "1er novembre 2026"
    assert french_date(date(2027, 5, 1), "short") == "01/05/2027"
    assert french_date(date(2027, 5, 11)) == "11 mai 2027"
    assert french_datetime(datetime(2026, 11, 1, 7, 0, tzinfo=UTC)) == "1er novembre 2026 à 08:00"
    assert french_datetime(datetime(2026, 11, 21, 7, 0, tzinfo=UTC)) == "21 novembre 2026 à 08:00"


def test_markdown_keeps_tables_and_drops_raw_html():
    html = str(markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>\n\n**gras**"))
    # tabindex: a table wider than a phone scrolls, and the keyboard must reach it (axe).
    assert '<table tabindex="0">' in html and '<td data-label="a">1</td>' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<strong>gras</strong>" in html
    assert "<img" not in str(markdown('<img src=x onerror="alert(1)">'))
    assert 'href="javascript:' not in str(markdown("[x](javascript:alert(1))"))


def test_a_table_cell_carries_its_column_name_as_plain_escaped_text():
    # On a phone each row is a card whose values are named by these labels (CSS ::before).
    html = str(markdown('| **Prix** "HT" | `code` |\n|---|---|\n| 1 | 2 | \n| 3 |'))
    assert '<td data-label="Prix &quot;HT&quot;">1</td>' in html
    assert (
        '<td data-label="code">2</td>' in html
        and '<td data-label="Prix &quot;HT&quot;">3</td>' in html
    )


def test_a_unit_agrees_with_its_quantity_from_2():
    from agora.web.templating import accord

    assert [accord("heure", q) for q in ("1", "1.5", "1,99", "2", Decimal("8.5"), 41)] == [
        "heure",
        "heure",
        "heure",
        "heures",
        "heures",
        "heures",
    ]
    assert accord("plateau", "3") == "plateaux" and accord("mois", "6") == "mois"
    assert accord("heure de cours", "3") == "heures de cours"
    for symbol in ("kg", "m²", "mg/L", "n/100 mL", "h"):
        assert accord(symbol, "12") == symbol
    assert accord("pièce", "beaucoup") == "pièce" and accord(None, "3") == ""
