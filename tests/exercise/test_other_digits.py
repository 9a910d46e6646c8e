"""Digits other than 0-9 in a typed number, amount, time, id or account are a French format
message for that field, never a silent conversion (int() and Decimal() read « ١٢٣ » as 123)."""

from __future__ import annotations

import pytest

from agora.company import generate_company
from agora.exercise.base import FormatErrors, unflatten
from agora.exercise.forms import flatten
from agora.exercise.registry import KINDS, get_kind

OTHER_DIGITS = {
    "arabe": str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"),
    "pleine chasse": str.maketrans("0123456789", "０１２３４５６７８９"),
}


def formatted_fields(kind, fields: dict[str, str]) -> list[str]:
    """The fields with digits that the kind reads with a format (an amount, a time, an id…):
    the solution's value reads, a word does not."""
    return [
        name
        for name, value in fields.items()
        if any(c.isdigit() for c in value)
        and kind.validate_field(name, value) is None
        and kind.validate_field(name, "abc?") is not None
    ]


def _with_numbers(name: str) -> bool:
    """A kind some of whose fields are typed numbers (conformite's are all choices)."""
    from agora.exercise.fields import Choice

    return any(not isinstance(t, Choice) for t in get_kind(name).ANSWER_SCHEMA.champs.values())


@pytest.mark.parametrize("digits", OTHER_DIGITS)
@pytest.mark.parametrize("niveau", (1, 2, 3))
@pytest.mark.parametrize("name", [name for name in KINDS if _with_numbers(name)])
def test_other_digits_are_refused_field_by_field(name, niveau, digits):
    kind = get_kind(name)
    params = kind.generate(5, niveau, generate_company(5)).params
    fields = flatten(kind.solve(params))
    champs = formatted_fields(kind, fields)
    assert champs
    for champ in champs:
        typed = fields[champ].translate(OTHER_DIGITS[digits])
        assert kind.validate_field(champ, typed), (champ, typed)
        with pytest.raises(FormatErrors) as refused:
            kind.parse(unflatten({**fields, champ: typed}))
        named = [e for e in refused.value.errors if champ == e or champ.startswith(e + ".")]
        assert named, (champ, typed, refused.value.errors)  # the field, or its row


def test_a_row_numbered_with_other_digits_is_unreadable_not_a_crash():
    # « ² ».isdigit() is True but int("²") raises: the payslip's reader sorted rows with int().
    with pytest.raises(FormatErrors, match="liste de lignes"):
        get_kind("bulletin_paie").parse({"cotisations": {"0": {}, "²": {}}})
