"""The widgets of an answer form: what was typed, its format error, its verdict, its
attributes, everything the student or the teacher typed escaped."""

from agora.exercise import widgets
from agora.exercise.base import ChampResult
from agora.exercise.forms import AnswerForm
from agora.exercise.registry import get_kind


def test_a_field_widget_shows_what_was_typed_its_format_error_and_its_verdict():
    form = AnswerForm(
        values={"tva.0.montant": "81,4<1"},
        errors={"tva.0.montant": "Écrivez un montant, par exemple 12,50."},
        results={
            "tva.0.montant": ChampResult(
                "tva.0.montant", "81.41", "81,4<1", False, "La TVA se calcule…"
            )
        },
        validate_url="/verifier",
        id_prefix="q2-",
    )
    html = widgets.montant(form, "tva.0.montant", "TVA")
    assert '<div class="champ champ--erreur champ--faux">' in html
    assert 'id="q2-champ-tva-0-montant" name="tva.0.montant" value="81,4&lt;1"' in html
    assert 'aria-invalid="true"' in html
    assert 'hx-target="#q2-champ-tva-0-montant-erreur"' in html
    assert "Écrivez un montant, par exemple 12,50.</p>" in html
    assert 'id="q2-champ-tva-0-montant-verdict"' in html and "La TVA se calcule…" in html
    right = AnswerForm(
        results={"tva.0.montant": ChampResult("tva.0.montant", "81.41", "81,41", True, "Juste")}
    )
    html = widgets.montant(right, "tva.0.montant", "TVA")
    assert '<div class="champ champ--juste">' in html and "aria-invalid" not in html
    assert "hx-post" not in html  # no checking endpoint: no inline check


def test_each_widget_is_well_formed_html_and_escapes_what_it_prints():
    form = AnswerForm(
        values={"objet": "<b>Relance</b>", "lettre": "</textarea><script>", "motif": "b"},
        errors={"objet": "Trop long", "lettre": "Écrivez « Madame »"},
        disabled=True,
    )
    html = widgets.texte(form, "objet", "Objet <i>", placeholder='"x"')
    assert 'value="&lt;b&gt;Relance&lt;/b&gt;"' in html and "Objet &lt;i&gt;" in html
    assert 'placeholder="&#34;x&#34;"' in html
    assert 'aria-invalid="true" disabled>' in html  # each attribute spaced from the next
    html = widgets.zone(form, "lettre", "Lettre", longueur=900, lignes=6)
    assert ">&lt;/textarea&gt;&lt;script&gt;</textarea>" in html
    assert 'rows="6" maxlength="900"' in html
    html = widgets.choix(form, "motif", "Motif", [("a", "A & B"), ("b", "C")])
    assert '<option value="b" selected>C</option>' in html and "A &amp; B" in html
    assert "aria-invalid" not in html  # a list cannot be misread


def test_champ_picks_the_widget_of_the_fields_type():
    schema = get_kind("facture").ANSWER_SCHEMA
    html = widgets.champ(AnswerForm(), schema, "total_ht", "Total HT")
    assert 'inputmode="decimal"' in html and "€</span>" in html
    html = widgets.champ(AnswerForm(), schema, "total_ht", "Total HT", unite="sacs")
    assert "sacs</span>" in html and "€" not in html


def test_a_number_that_may_be_below_zero_gets_a_keyboard_with_a_minus():
    # On an iPhone the decimal pad (inputmode="decimal") has no « - »: a month in strain's
    # closing cash, « -1 250,40 », could not be typed. Its text keyboard's digits layer has one.
    budget = get_kind("budget_tresorerie").ANSWER_SCHEMA
    html = widgets.champ(AnswerForm(), budget, "mois.2.tresorerie_fin", "Trésorerie de fin")
    assert 'inputmode="text"' in html and "€</span>" in html
    html = widgets.champ(AnswerForm(), budget, "mois.2.total_encaissements", "Total")
    assert 'inputmode="decimal"' in html  # never below zero: the decimal pad stays
    formation = get_kind("formation").ANSWER_SCHEMA
    html = widgets.champ(AnswerForm(), formation, "ecart_pct", "Écart en % du budget")
    assert 'inputmode="text"' in html and "%</span>" in html
