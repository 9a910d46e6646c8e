"""The answer toolkit: the types of an answer's fields, read leniently, printed canonically, compared.

A kind declares its answer schema with these types (``AnswerSchema({"lignes.#.montant_ht":
MONTANT, …}, bornes)``); from that one schema come the checked field names of a save, the
inline format message while the student types (``validate``), the typed answer (``read``,
then ``parse`` which refuses an unreadable one at no attempt's cost; ``exercise/reading.py``),
the widgets of the form (``form.field(name)`` in the macros) and the verdicts of the grader
(``verdict``). A value is read once: ``read`` keeps, per field, what was typed, what it means
and why it could not be read (``Lu``), and the grader judges that.

Every type reads what a French person writes (« 1 234,56 € », « 12,5 % », « 8 h 30 »,
« 401000 », « 03/12/2026 »), with ASCII digits only (``money.parse_decimal``'s rules), and
answers an unreadable value with one French message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from agora.calendrier import date_courte
from agora.errors import InvalidInput
from agora.exercise.base import ChampResult, champ_result
from agora.money import cents, euros, fmt, other_digits, parse_amount, parse_decimal

EMPTY = "Champ non rempli."
# Tuples, not ``str | int`` unions: a union is built anew at each call, on every field read.
_SCALAIRES_JSON = (str, int, float, type(None))
_CONTENEURS_JSON = (dict, list)
# Longest text a value may have before it is read at all (the save refuses longer ones too).
_MAX_TEXT = 200
# Texts a field type remembers having read (``Field.memo``) before it starts afresh.
_MEMO_MAX = 4096


def cite(raw: Any, longueur: int = 30) -> str:
    """A value typed by a user, quoted on one short line in a message."""
    return " ".join(str(raw).split())[:longueur]


def is_empty(raw: Any) -> bool:
    """None, a blank string, or an empty list or object: a field the student left empty."""
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    return isinstance(raw, _CONTENEURS_JSON) and not raw


def as_text(raw: Any) -> Any:
    """A JSON number as the text a person wrote (never a binary float); anything else unchanged."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, float):
        return repr(raw) if raw == raw and abs(raw) < 1e15 else "?"
    if isinstance(raw, int):
        return str(raw) if abs(raw) < 10**15 else "?" * 16
    return raw


class Lu(NamedTuple):
    """One field as read: what was typed, its typed value (None: empty or unreadable), and the
    French message when it could not be read."""

    brut: Any
    valeur: Any
    erreur: str | None

    @property
    def recu(self) -> Any:
        """What the grading JSON reports as received (JSON scalars as typed, else text)."""
        brut = self.brut
        return brut if isinstance(brut, _SCALAIRES_JSON) else str(brut)


class Field:
    """A type of answer field. Subclasses set ``widget`` (the form macro that renders it),
    ``inputmode`` and ``suffixe``, and override ``convert`` (and ``canonical``/``display``)."""

    widget = "texte"
    inputmode = "text"
    suffixe = ""
    # A number that may be below zero (a closing cash balance, a difference): only the box it is
    # typed in changes (widgets.champ gives it a keyboard with a « - »); it reads the same.
    negatif = False
    longueur_saisie = _MAX_TEXT  # the longest value a save accepts for a field of this type

    def convert(self, raw: Any) -> Any:
        """The typed value of a non-empty raw value; InvalidInput with a French message."""
        raise NotImplementedError

    def read(self, raw: Any) -> Lu:
        """``raw`` read: never raises (an empty field reads as None with no message)."""
        if type(raw) is not str:
            return self._read(raw)
        lu = self.memo.get(raw)
        if lu is None:
            lu = self._read(raw)
            if len(raw) <= _MAX_TEXT:
                if len(self.memo) >= _MEMO_MAX:
                    self.memo.clear()  # simple and safe between threads; refilled on demand
                self.memo[raw] = lu
        return lu

    @cached_property
    def memo(self) -> dict[str, Lu]:
        """The short texts this type has read, with their ``Lu`` (immutable, so shared): a
        class types the same amounts over and over, and a reader looks them up without a call."""
        return {}

    def _read(self, raw: Any) -> Lu:
        if is_empty(raw):
            return Lu(raw, None, None)
        if isinstance(raw, _CONTENEURS_JSON):
            return Lu(raw, None, "Une seule valeur est attendue ici, pas une liste ni un objet.")
        try:
            return Lu(raw, self.convert(raw), None)
        except InvalidInput as error:
            return Lu(raw, None, str(error))

    def validate(self, raw: Any) -> str | None:
        """The message shown while the student types; None when readable or still empty."""
        return self.read(raw).erreur

    def canonical(self, value: Any) -> str:
        """The contract's writing of a value (``"1234.50"``, ``"5.5"``, ``"2026-12-03"``)."""
        return str(value)

    def display(self, value: Any) -> str:
        """The French writing of a value for a reader (« 1 234,50 € »)."""
        return self.canonical(value)

    def same(self, expected: Any, value: Any) -> bool:
        """True when the value read is the expected one (to the cent, the accepted account…)."""
        return value == expected


_CONTRACT_AMOUNT = re.compile(r"-?\d{1,13}\.\d{2}", re.ASCII)


def _read_text(field: Field, raw: str) -> Lu:
    """A text read by a field type, through its memo."""
    return field.read(raw)


class Amount(Field):
    """An amount in euros, to the cent: « 1 234,56 € », « 1234.56 », « -12 »."""

    widget = "montant"
    inputmode = "decimal"
    suffixe = "€"

    def __init__(self, negatif: bool = False):
        self.negatif = negatif

    def convert(self, raw: Any) -> Decimal:
        if type(raw) is str and _CONTRACT_AMOUNT.fullmatch(raw):
            return Decimal(raw)  # the contract's own writing: the common case, read fast
        return parse_amount(_number_text(raw, "montant"))

    # The money writers themselves, not a method calling them: one Python call less for each
    # graded amount (every verdict writes its expected value).
    canonical = staticmethod(fmt)
    display = staticmethod(euros)


_CONTRACT_NUMBER = re.compile(r"-?\d{1,13}(?:\.\d{1,6})?", re.ASCII)


class Number(Field):
    """A number with any decimals (a rate, a quantity, hours in decimal): « 12,5 », « 5.5 % »."""

    widget = "montant"
    inputmode = "decimal"

    def __init__(self, quoi: str = "nombre", suffixe: str = "", negatif: bool = False):
        self.quoi = quoi
        self.suffixe = suffixe
        self.negatif = negatif

    def convert(self, raw: Any) -> Decimal:
        if type(raw) is str and _CONTRACT_NUMBER.fullmatch(raw):
            return Decimal(raw)  # the contract's own writing (« 20 », « 5.5 »), read fast
        texte = _number_text(raw, self.quoi)
        if isinstance(texte, str) and self.suffixe:
            texte = texte.strip().removesuffix(self.suffixe)
        return parse_decimal(texte, self.quoi)

    def canonical(self, value: Decimal) -> str:
        """« 20 », « 5.5 », « 151.67 »: no useless zero."""
        texte = f"{value:f}"
        return texte.rstrip("0").rstrip(".") if "." in texte else texte

    def display(self, value: Decimal) -> str:
        texte = self.canonical(value).replace(".", ",")
        return f"{texte}\u00a0{self.suffixe}" if self.suffixe else texte


def _number_text(raw: Any, quoi: str) -> Any:
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and not abs(raw) < 10**15:
        # A JSON number too large to write, or NaN / infinity: say so rather than quote it.
        if raw == raw and abs(raw) != float("inf"):
            raise InvalidInput(f"Ce {quoi} est trop grand : 15 chiffres au plus.")
        raise InvalidInput(f"Le {quoi} doit être un nombre écrit en chiffres.")
    texte = as_text(raw)
    if isinstance(texte, bool) or not isinstance(texte, str):
        raise InvalidInput(f"Le {quoi} doit être un nombre écrit en chiffres.")
    if len(texte) > _MAX_TEXT:
        raise InvalidInput(f"Le {quoi} « {cite(texte, 20)}… » est trop long.")
    return texte


_HOURS = re.compile(r"(\d{1,3})(?:h|:)(\d{2})?", re.ASCII)


class Hours(Field):
    """A duration in hours, decimal or in hours and minutes: « 151,67 », « 8 h 30 », « 8:30 »."""

    widget = "montant"
    inputmode = "decimal"
    suffixe = "h"

    def convert(self, raw: Any) -> Decimal:
        texte = _number_text(raw, "nombre d'heures")
        compact = "".join(texte.lower().split())
        match = _HOURS.fullmatch(compact)
        if match:
            minutes = int(match[2] or 0)
            if minutes > 59:
                raise InvalidInput(f"« {cite(texte, 20)} » : les minutes vont de 00 à 59.")
            return cents(Decimal(int(match[1])) + Decimal(minutes) / 60)
        return parse_decimal(compact.removesuffix("h"), "nombre d'heures")

    def canonical(self, value: Decimal) -> str:
        return Number().canonical(value)

    def display(self, value: Decimal) -> str:
        return f"{Number().display(value)}\u00a0h"


_TIME = re.compile(r"(\d{1,2})(?:[h:](\d{2})?)?", re.ASCII)


class TimeOfDay(Field):
    """A time of day, as minutes after midnight: « 09:00 », « 9h30 », « 9 h »."""

    inputmode = "text"

    def convert(self, raw: Any) -> int:
        if not isinstance(raw, str):
            raise InvalidInput("Heure illisible : écrivez-la comme 09:00.")
        compact = "".join(raw.lower().split())
        if other_digits(compact):
            raise InvalidInput(f"« {cite(raw, 20)} » : écrivez l'heure avec les chiffres de 0 à 9.")
        match = _TIME.fullmatch(compact)
        if not match:
            raise InvalidInput(f"« {cite(raw, 20)} » n'est pas une heure : écrivez-la comme 09:00.")
        heures, minutes = int(match[1]), int(match[2] or 0)
        if minutes > 59 or heures > 24 or (heures == 24 and minutes):
            raise InvalidInput(f"« {cite(raw, 20)} » n'existe pas : l'heure va de 00:00 à 24:00.")
        return heures * 60 + minutes

    def canonical(self, value: int) -> str:
        return f"{value // 60:02d}:{value % 60:02d}"


_FRENCH_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", re.ASCII)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


class Day(Field):
    """A calendar day: « 03/12/2026 », « 3.12.2026 » or ISO « 2026-12-03 »."""

    widget = "jour"
    inputmode = "text"  # a phone's numeric keypad often has no « / »

    def convert(self, raw: Any) -> date:
        if not isinstance(raw, str):
            raise InvalidInput("Écrivez la date comme 03/12/2026.")
        compact = "".join(raw.split())
        try:
            if _ISO_DATE.fullmatch(compact):
                return date.fromisoformat(compact)
            match = _FRENCH_DATE.fullmatch(compact)
            if match:
                return date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            raise InvalidInput(f"« {cite(raw, 20)} » : ce jour n'existe pas.") from None
        raise InvalidInput(f"« {cite(raw, 20)} » n'est pas une date : écrivez-la comme 03/12/2026.")

    def canonical(self, value: date) -> str:
        return value.isoformat()

    def display(self, value: date) -> str:
        return date_courte(value)


_ACCOUNT = re.compile(r"\d{2,8}[A-Z0-9]{0,12}", re.ASCII)


class Account(Field):
    """A PCG account number: « 401 », « 401000 » (the same account), « 411DUPONT »."""

    inputmode = "text"

    def convert(self, raw: Any) -> str:
        texte = as_text(raw)
        if not isinstance(texte, str) or isinstance(raw, bool):
            raise InvalidInput("Écrivez un numéro de compte, par exemple 627.")
        return _account(texte[:40])

    def same(self, expected: str | Iterable[str], value: str) -> bool:
        """``expected`` is an account or the set of accepted ones; « 4010 » is « 401 »."""
        if isinstance(expected, str):
            return account_root(value) == account_root(expected)
        return account_root(value) in _roots(frozenset(expected))


@lru_cache(maxsize=1024)
def _roots(accepted: frozenset[str]) -> frozenset[str]:
    """The roots of a set of accepted accounts (an entry's rows ask for the same sets often)."""
    return frozenset(account_root(a) for a in accepted)


@lru_cache(maxsize=1024)
def _account(texte: str) -> str:
    compte = "".join(texte.split()).upper()
    if not _ACCOUNT.fullmatch(compte):
        raise InvalidInput(
            f"« {cite(texte, 20)} » n'est pas un numéro de compte (par exemple 627, 411)."
        )
    return compte


@lru_cache(maxsize=4096)
def account_root(compte: str) -> str:
    """An account without the zeros that pad it to a software's length: « 401000 » → « 401 »."""
    if not compte.isdigit():
        return compte
    racine = compte.rstrip("0")
    return racine if len(racine) >= 3 else compte[:3]


_LINE_REF = re.compile(r"[A-Z]{1,3}\d{1,4}", re.ASCII)


class LineRef(Field):
    """A reference to a line of a document in the statement: « C3 », « b 5 »."""

    inputmode = "text"

    def __init__(self, exemple: str = "C3 ou B5"):
        self.exemple = exemple

    def convert(self, raw: Any) -> str:
        if not isinstance(raw, str):
            raise InvalidInput(f"Choisissez un numéro de ligne, par exemple {self.exemple}.")
        ident = "".join(raw[:40].split()).upper()
        if not _LINE_REF.fullmatch(ident):
            raise InvalidInput(
                f"« {cite(raw, 20)} » n'est pas un numéro de ligne (par exemple {self.exemple})."
            )
        return ident


# « n° », « No. », « numéro : » before a document number: what a person writes, not the number.
_PIECE_PREFIXE = re.compile(r"(?:N[°º]|NO[.:\s]|N[.:]|NUM[ÉE]RO)\s*:?\s*")
_PIECE = re.compile(r"[A-Z0-9][A-Z0-9 ./_-]{0,39}", re.ASCII)


class DocNumber(Field):
    """The number of a business document (invoice, credit note, quote): « FA2026-0042 »,
    « fa 2026-0042 », « n° FA2026-0042 »; the same number whatever its case, spaces or dashes."""

    inputmode = "text"

    def convert(self, raw: Any) -> str:
        if not isinstance(raw, str):
            raise InvalidInput("Écrivez le numéro du document, par exemple FA2026-0042.")
        texte = " ".join(raw[:60].split()).upper()
        texte = _PIECE_PREFIXE.sub("", texte, count=1)
        if not _PIECE.fullmatch(texte) or not any(c.isdigit() for c in texte):
            raise InvalidInput(
                f"« {cite(raw, 20)} » n'est pas un numéro de document (par exemple FA2026-0042)."
            )
        return texte

    def same(self, expected: str, value: str) -> bool:
        """Letters and digits compared, in upper case: « FA 2026/0042 » is « FA2026-0042 »."""
        return piece_key(expected) == piece_key(value)


# Every byte but the ASCII capitals and digits: what a document number's key leaves out.
_NI_LETTRE_NI_CHIFFRE = bytes(range(128)).translate(None, b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def lettres_et_chiffres(texte: str) -> str:
    """The ASCII capitals and digits of a text once in upper case, end to end (« fa 2026/0042 »
    → « FA20260042 »; « ß » → « SS », « é » → nothing). Uncached, for a letter: the bytes
    (other characters dropped, then the ASCII ones) cost a tenth of a regular expression's
    substitution of every gap between two words."""
    return texte.upper().encode("ascii", "ignore").translate(None, _NI_LETTRE_NI_CHIFFRE).decode()


@lru_cache(maxsize=4096)  # the few document numbers of a variant, compared again and again
def piece_key(numero: str) -> str:
    """A document number reduced to its letters and digits, in upper case."""
    return lettres_et_chiffres(numero)


class Choice(Field):
    """One value among a fixed set (its keys), each with a French label for the form."""

    widget = "choix"

    def __init__(self, valeurs: Mapping[str, str]):
        self.valeurs = dict(valeurs)

    def convert(self, raw: Any) -> str:
        key = str(raw).strip() if isinstance(raw, str) else None
        if key not in self.valeurs:
            return self._unknown(raw)
        return key

    def _unknown(self, raw: Any) -> str:
        raise InvalidInput(f"« {cite(raw, 20)} » n'est pas un choix proposé.")

    def display(self, value: str) -> str:
        return self.valeurs.get(value, value)


class Text(Field):
    """A free text of at most ``longueur`` characters, kept as typed (spaces trimmed)."""

    def __init__(self, longueur: int = _MAX_TEXT):
        self.longueur = longueur

    def convert(self, raw: Any) -> str:
        if not isinstance(raw, str):
            raise InvalidInput("Un texte est attendu ici.")
        if len(raw) > self.longueur:
            raise InvalidInput(f"Ce texte dépasse {self.longueur} caractères : raccourcissez-le.")
        return raw.strip()


class LongText(Text):
    """A long free text typed in a text area (a letter, an e-mail): up to ``longueur`` characters,
    which is also what a save accepts for it."""

    widget = "zone"

    def __init__(self, longueur: int = 4000):
        super().__init__(longueur)
        self.longueur_saisie = longueur


# The shared instances kinds declare their schemas with.
MONTANT = Amount()
TAUX = Number("taux", "%")
QUANTITE = Number("nombre")
# The same, for a value that may be below zero (a balance, a difference: « -1 250,40 »).
MONTANT_SIGNE = Amount(negatif=True)
TAUX_SIGNE = Number("taux", "%", negatif=True)
QUANTITE_SIGNEE = Number("nombre", negatif=True)
HEURES = Hours()
HORAIRE = TimeOfDay()
JOUR = Day()
COMPTE = Account()
LIGNE = LineRef()
TEXTE = Text()
NUMERO = DocNumber()


def verdict(
    champ: str, field: Field, attendu: Any, lu: Lu | None, ok: str = "Juste.", ko: str = ""
) -> ChampResult:
    """The verdict on one field: unfilled, unreadable, right, or wrong (« Attendu : … »)."""
    canon = field.canonical(attendu) if attendu is not None else None
    if lu is None or lu.valeur is None:
        message = (lu.erreur if lu else None) or EMPTY
        return champ_result((champ, canon, lu.recu if lu else None, False, message))
    correct = field.same(attendu, lu.valeur)
    message = ok if correct else (ko or f"Attendu : {field.display(attendu)}.")
    return champ_result((champ, canon, lu.recu, correct, message))
