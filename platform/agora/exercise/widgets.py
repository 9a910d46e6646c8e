"""The widgets of an answer form, printed in Python: an amount, a short text, a choice, a long
text, and ``champ``, the one a field's type in the kind's answer schema chooses.

The kinds' form templates call them as ``f.champ(form, schema, name, label, …)`` (``{% set f =
widgets %}``). They were Jinja macros; a form has up to 300 fields, and Jinja's calls of five
macros a field cost more than the markup itself: the exam's question page spent a quarter of
its rendering there. Every text printed is escaped here, as Jinja's autoescape did.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape

from agora.exercise.forms import AnswerForm, FieldState


def montant(
    form: AnswerForm,
    name: str,
    label: Any,
    hint: Any = "",
    suffix: Any = "€",
    inputmode: Any = "decimal",
) -> Markup:
    """A number typed the French way (amount, rate, hours), with its unit beside the box."""
    c = form.field(name)
    unite = (
        f'\n    <span class="champ-unite" aria-hidden="true">{escape(suffix)}</span>'
        if suffix
        else ""
    )
    return _champ(
        c,
        label,
        hint,
        '  <span class="champ-saisie">\n'
        f'    <input type="text" inputmode="{escape(inputmode)}" autocomplete="off"'
        ' spellcheck="false"\n'
        f'      id="{escape(c.id)}" name="{escape(name)}" value="{escape(c.value)}"'
        f"{_etat(form, c, hint, True)}>{unite}\n"
        "  </span>\n",
    )


def texte(
    form: AnswerForm,
    name: str,
    label: Any,
    hint: Any = "",
    inputmode: Any = "text",
    placeholder: Any = "",
) -> Markup:
    """A short text (an account number, a line id, a time such as 09:00)."""
    c = form.field(name)
    exemple = f' placeholder="{escape(placeholder)}"' if placeholder else ""
    return _champ(
        c,
        label,
        hint,
        f'  <input type="text" inputmode="{escape(inputmode)}" autocomplete="off"'
        ' spellcheck="false"\n'
        f'    id="{escape(c.id)}" name="{escape(name)}" value="{escape(c.value)}"{exemple}'
        f"{_etat(form, c, hint, True)}>\n",
    )


def choix(
    form: AnswerForm, name: str, label: Any, options: Iterable[tuple[Any, Any]], hint: Any = ""
) -> Markup:
    """One choice among options: (value, label) pairs."""
    c = form.field(name)
    lignes = "".join(
        f'    <option value="{escape(value)}"{" selected" if c.value == str(value) else ""}>'
        f"{escape(text)}</option>\n"
        for value, text in options
    )
    return _champ(
        c,
        label,
        hint,
        f'  <select id="{escape(c.id)}" name="{escape(name)}"{_etat(form, c, hint, False)}>\n'
        '    <option value="">— choisir —</option>\n'
        f"{lignes}"
        "  </select>\n",
    )


def zone(
    form: AnswerForm, name: str, label: Any, hint: Any = "", longueur: int = 4000, lignes: int = 14
) -> Markup:
    """A long text typed in a text area (a letter): its rows, the characters it may hold."""
    c = form.field(name)
    return _champ(
        c,
        label,
        hint,
        f'  <textarea id="{escape(c.id)}" name="{escape(name)}" rows="{escape(lignes)}"'
        f' maxlength="{escape(longueur)}" spellcheck="true"{_etat(form, c, hint, True)}>'
        f"{escape(c.value)}</textarea>\n",
    )


def champ(
    form: AnswerForm,
    schema: Any,
    name: str,
    label: Any,
    hint: Any = "",
    placeholder: Any = "",
    unite: Any = "",
) -> Markup:
    """Any field of a kind's answer, its widget chosen by its type in the kind's answer schema
    (``schema = answer_schema("facture")`` in the form template): an amount gets the decimal
    keyboard and its unit, a choice its list, a time or an account a short text (with an
    example as its placeholder, if given). ``unite`` writes beside a number box a unit the
    params give (an article's « sacs »), in place of its type's own (« € », « h »).

    A number that may be below zero gets the phone's text keyboard: the decimal pad of an
    iPhone has no « - » (browsers « may or may not show a minus key » with ``decimal`` or
    ``numeric``, MDN), the digits layer of its text keyboard has one, with the comma; the GOV.UK
    Design System asks for ``decimal`` likewise, unless the number can be negative."""
    type_ = schema.type_of(name)
    widget = type_.widget if type_ else None
    if widget == "montant":
        clavier = "text" if type_.negatif else type_.inputmode
        return montant(form, name, label, hint, suffix=unite or type_.suffixe, inputmode=clavier)
    if widget == "zone":
        return zone(form, name, label, hint, longueur=type_.longueur_saisie)
    if widget == "choix":
        return choix(form, name, label, type_.valeurs.items(), hint)
    inputmode = type_.inputmode if type_ else "text"
    return texte(form, name, label, hint, inputmode=inputmode, placeholder=placeholder)


def _champ(c: FieldState, label: Any, hint: Any, saisie: str) -> Markup:
    """The field's block: its label, its hint, what is typed in, its format error (a live
    region htmx fills as it is typed), its verdict once graded."""
    aide = f'  <p class="champ-aide" id="{escape(c.id)}-aide">{escape(hint)}</p>\n' if hint else ""
    return Markup(
        f'<div class="{c.classes}">\n'
        f'  <label for="{escape(c.id)}">{escape(label)}</label>\n'
        f"{aide}{saisie}"
        f'  <p class="champ-erreur" id="{escape(c.id)}-erreur" role="status" aria-live="polite">'
        f"{escape(c.error or '')}</p>\n"
        f"{_verdict(c)}"
        "</div>\n"
    )


def _etat(form: AnswerForm, c: FieldState, hint: Any, invalide: bool) -> str:
    """The attributes every input shares: what describes it, whether it is unreadable
    (``invalide``: a select has nothing to misread), disabled, and its htmx format check."""
    decrit = f"{escape(c.id)}-erreur" + (f" {escape(c.id)}-aide" if hint else "")
    attributs = f'\n    aria-describedby="{decrit}"'
    if invalide and c.error:
        attributs += ' aria-invalid="true"'
    if form.disabled:
        return attributs + " disabled"
    if form.validate_url:
        attributs += (
            f'\n    hx-post="{escape(form.validate_url)}"'
            f' hx-trigger="input changed delay:500ms, blur" hx-target="#{escape(c.id)}-erreur"'
            f' hx-swap="outerHTML" hx-vals=\'{{"champ": "{escape(c.name)}"}}\''
            ' hx-include="this"'
        )
    return attributs


def _verdict(c: FieldState) -> str:
    if not c.result:
        return ""
    juste = c.result.correct
    return (
        f'  <p class="verdict {"verdict--juste" if juste else "verdict--faux"}"'
        f' id="{escape(c.id)}-verdict">\n'
        f'    <span class="verdict-icone" aria-hidden="true">{"✔" if juste else "✘"}</span>\n'
        f'    <span class="visually-hidden">{"Juste" if juste else "Faux"} :</span>\n'
        f"    {escape(c.result.message)}\n"
        "  </p>\n"
    )
