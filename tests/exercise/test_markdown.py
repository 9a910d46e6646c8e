"""The Markdown the statements share (agora.exercise.markdown, agora.exercise.enonce): a table
whose rule aligns the amounts right, a cell kept on one line, a rate and a number written the
French way, sections, a numbered list, a statement's head and text."""

from types import SimpleNamespace

from agora.exercise.enonce import au_service, tete
from agora.exercise.markdown import (
    cellule,
    milliers,
    numerotee,
    pourcent,
    section,
    sections,
    tableau,
    texte,
)


def test_a_table_has_its_header_its_rule_aligned_as_asked_and_a_line_per_row():
    lignes = tableau(("Article", "Quantité", "Montant"), [("Stylo", 3, "4,50 €")], "<>>")
    assert lignes == [
        "| Article | Quantité | Montant |",
        "|---|---:|---:|",
        "| Stylo | 3 | 4,50 € |",
    ]


def test_columns_without_an_alignment_are_aligned_left():
    assert tableau(("Service", "Personne"), [])[1] == "|---|---|"


def test_a_free_text_cell_keeps_the_table_whole_and_a_rate_reads_the_french_way():
    assert cellule("Bois | métal\nneuf") == "Bois / métal neuf"
    assert pourcent("5.5") == "5,5\u00a0%"


def test_sections_are_separated_by_one_blank_line():
    assert sections(["# Titre", "", "Texte."], ["## À faire"], ["1. Calculez."]) == [
        "# Titre",
        "",
        "Texte.",
        "",
        "## À faire",
        "",
        "1. Calculez.",
    ]


def test_a_rate_may_take_a_plain_space_and_thousands_are_set_apart():
    assert pourcent("20", " ") == "20 %"
    assert milliers(12345) == "12\u00a0345"
    assert milliers(5000, " ") == "5 000"


def test_a_section_is_its_heading_a_blank_line_its_lines_and_a_blank_line():
    assert section("### Les règles", "- Une règle.") == ["### Les règles", "", "- Une règle.", ""]


def test_a_numbered_list_counts_from_one():
    assert numerotee(["Calculez.", "Passez l'écriture."]) == [
        "1. Calculez.",
        "2. Passez l'écriture.",
    ]


def test_a_statement_opens_on_its_title_and_situation_and_ends_each_line():
    org = SimpleNamespace(
        raison_sociale="Boulangerie Martin", adresse=SimpleNamespace(ville="Lyon")
    )
    lignes = tete("## La paie", au_service(org, "comptable"))
    assert lignes == [
        "## La paie",
        "",
        "### La situation",
        "",
        "Vous travaillez au service comptable de **Boulangerie Martin** (Lyon).",
        "",
    ]
    assert texte(lignes[:2], ["Fin."]) == "## La paie\n\nFin.\n"
