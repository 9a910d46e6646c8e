"""The one Jinja environment of the app, with French formatting filters (Babel) and Markdown."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal, format_percent
from jinja2 import BytecodeCache, Environment, FileSystemLoader, select_autoescape
from jinja2.bccache import Bucket

from agora import redaction
from agora.calendrier import PARIS
from agora.content.missions import NIVEAUX
from agora.exercise import widgets
from agora.exercise.registry import get_kind
from agora.francais import de, insecables
from agora.markdown_html import markdown
from agora.redaction import prechecks
from agora.redaction.formats import format_par_code

LOCALE = "fr_FR"


def money(value: Decimal | int | str | None) -> str:
    """« 1 234,56 € » (narrow no-break spaces as Babel prints them)."""
    if value is None or value == "":
        return ""
    return format_currency(Decimal(str(value)), "EUR", locale=LOCALE)


def number(value: Decimal | int | str | None, decimals: int | None = None) -> str:
    """« 1 234,5 »; with ``decimals``, exactly that many decimals."""
    if value is None or value == "":
        return ""
    pattern = None if decimals is None else "#,##0." + "0" * decimals if decimals else "#,##0"
    return format_decimal(Decimal(str(value)), format=pattern, locale=LOCALE)


def percent(value: Decimal | float | str | None, decimals: int = 0) -> str:
    """A ratio 0.755 -> « 76 % » (or « 75,5 % » with one decimal)."""
    if value is None or value == "":
        return ""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "\u202f%"
    return format_percent(Decimal(str(value)), format=pattern, locale=LOCALE)


def rate(value: Decimal | str | None) -> str:
    """A rate already in percent, « 5.5 » -> « 5,5 % »."""
    if value is None or value == "":
        return ""
    return f"{number(value)}\u202f%"


def _jour(value: date) -> str:
    """The day of a long date: « 1er » for the first of the month (French typography), else « 3 »."""
    return "d'er'" if value.day == 1 else "d"


def french_date(value: date | datetime | str | None, style: str = "long") -> str:
    """« 3 mars 2026 », « 1er mai 2027 » (style "long") or « 03/03/2026 » (style "short")."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    if isinstance(value, datetime):
        value = _local(value).date()
    long = f"{_jour(value)} MMMM y"
    return format_date(value, format="dd/MM/yyyy" if style == "short" else long, locale=LOCALE)


def french_month(value: date | str | None) -> str:
    """« mars 2026 » from a date or a "2026-03" month."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value + "-01" if len(value) == 7 else value)
    return format_date(value, format="LLLL y", locale=LOCALE)


def french_datetime(value: datetime | None) -> str:
    """« 3 mars 2026 à 14:05 », « 1er mai 2027 à 08:00 » in Paris time (naive datetimes are
    taken as UTC)."""
    if value is None:
        return ""
    local = _local(value)
    return format_datetime(local, format=f"{_jour(local)} MMMM y 'à' HH:mm", locale=LOCALE)


# Unit symbols never take the plural (« 2 kg », « 3 h »); a word does (« 2 heures »).
_SYMBOLES = frozenset(
    {"g", "kg", "mg", "µg", "t"}  # masses
    | {"l", "L", "cl", "cL", "ml", "mL"}  # volumes
    | {"m", "cm", "mm", "km"}  # lengths
    | {"h", "min", "s"}  # durations
    | {"W", "kW", "Wh", "kWh", "ko", "Mo", "Go", "To"}  # power, energy, data
)


def accord(unite: str | None, quantite: Decimal | int | str | None) -> str:
    """The unit of ``quantite``, agreed: « couverts » for 41, « heures » for 8,5 but « heure »
    for 1,5 (plural from 2, the usual rule); a symbol (« m² », « kg », « mg/L ») or a word
    already ending in -s, -x, -z (« mois ») stays as it is; -au, -eu take an x (« plateaux »).
    In a unit of several words, the first one agrees (« heures de cours »)."""
    unite = unite or ""
    try:
        several = Decimal(str(quantite).replace(",", ".").replace(" ", "")) >= 2
    except (InvalidOperation, ValueError):
        return unite
    head, space, rest = unite.partition(" ")
    if not several or head in _SYMBOLES or not head.isalpha() or head[-1] in "sxz":
        return unite
    return head + ("x" if head.endswith(("au", "eu")) else "s") + space + rest


def _local(value: datetime) -> datetime:
    aware = value if value.tzinfo else value.replace(tzinfo=ZoneInfo("UTC"))
    return aware.astimezone(PARIS)


FILTERS = {
    "accord": accord,
    "markdown": markdown,
    "money": money,
    "number": number,
    "percent": percent,
    "rate": rate,
    "date_fr": french_date,
    "datetime_fr": french_datetime,
    "month_fr": french_month,
    "de": de,  # « Aménagement {{ nom|de }} » → « Aménagement d'Odette Brunel »
    "insecables": insecables,  # « clients » with no-break spaces inside the guillemets
}


class _CompiledTemplates(BytecodeCache):
    """Templates compiled once a process for every environment made here: each app (the test
    suite makes one a test) and each PDF rendered without one compiled every page again, a
    fifth of a second for a big one. A template whose source changed is compiled anew (Jinja
    checks each template's checksum)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def compile_all(env: Environment) -> None:
    """Compile every page and partial now rather than at its first request."""
    for name in env.list_templates(extensions=["html"]):
        env.get_template(name)


def make_environment(templates_dir: Path) -> Environment:
    """The app's Jinja environment (autoescape on; lenient Undefined, as the kinds' forms expect)."""
    env = Environment(
        loader=FileSystemLoader(templates_dir),
        bytecode_cache=_COMPILED,
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    # A kind's form template reads its answer schema, and `widgets.champ` picks each field's
    # widget from it (`{% set f = widgets %}`: agora/exercise/widgets.py).
    env.globals["answer_schema"] = lambda kind: get_kind(kind).ANSWER_SCHEMA
    env.globals["widgets"] = widgets
    # A form whose layout needs logic gets it laid out in Python (the planning grid).
    env.globals["vue_formulaire"] = lambda kind, params, form: get_kind(kind).formulaire(
        params, form
    )
    # A written answer as its document, its pre-checks, and the format an exam question's
    # params name (templates/redaction/, templates/exam/_redaction.html).
    env.globals["document_redige"] = redaction.document
    env.globals["prechecks_redaction"] = prechecks.prechecks_de
    env.globals["format_redaction"] = format_par_code
    env.globals["niveaux"] = NIVEAUX  # 2 -> « standard »: the level of a mission as given
    return env
