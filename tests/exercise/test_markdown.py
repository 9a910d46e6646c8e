"""The Markdown the statements share (agora.exercise.markdown): a table whose rule aligns the
amounts right, a cell kept on one line, a rate written the French way."""

from agora.exercise.markdown import cellule, pourcent, sections, tableau


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
