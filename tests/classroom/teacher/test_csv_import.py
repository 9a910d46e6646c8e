"""Class lists from school software: separators, encodings, headers, dates, broken files."""

import os
from datetime import date

import pytest

from agora.classroom.teacher.csv_import import (
    MAX_BYTES,
    CsvImportError,
    decode,
    header_field,
    parse_class_list,
    parse_date,
)

PRONOTE = (
    "NOM;Prénom;Né(e) le;Mail\r\n"
    "DUPONT;Léa;12/03/2009;lea.dupont@example.org\r\n"
    "LE GALL;Noël;01/09/2008;\r\n"
    "MARTIN;Zoé;2009-11-30;\r\n"
)


def test_school_software_export_in_utf8_with_bom():
    preview = parse_class_list(b"\xef\xbb\xbf" + PRONOTE.encode("utf-8"))
    assert [(s.nom, s.prenom) for s in preview.students] == [
        ("DUPONT", "Léa"),
        ("LE GALL", "Noël"),
        ("MARTIN", "Zoé"),
    ]
    assert preview.students[0].date_naissance == date(2009, 3, 12)
    assert preview.students[2].date_naissance == date(2009, 11, 30)
    assert preview.students[0].email == "lea.dupont@example.org"
    assert preview.students[1].email is None
    assert preview.errors == [] and preview.separator == ";"
    assert not preview.text.startswith("\ufeff")


def test_windows_1252_with_commas_and_headers_in_another_order():
    text = "Date de naissance,prenom,E-mail,Nom\n12/03/2009,Élodie,,Bénédicte-Çà\n"
    preview = parse_class_list(text.encode("cp1252"))
    [student] = preview.students
    assert (student.nom, student.prenom) == ("Bénédicte-Çà", "Élodie")
    assert preview.encoding == "Windows-1252" and preview.separator == ","


def test_mixed_encodings_are_decoded_line_by_line():
    data = "Nom;Prénom;Date de naissance\n".encode() + "Hervé;Anaïs;01/02/2009\n".encode("cp1252")
    preview = parse_class_list(data)
    assert preview.students[0].nom == "Hervé" and preview.students[0].prenom == "Anaïs"
    assert "mêlés" in preview.encoding


def test_tab_separated_and_title_line_above_the_header():
    text = "Liste de la classe 1re AGOrA A\n\nNom\tPrénom\tNé le\nROUX\tTom\t3.4.2009\n"
    preview = parse_class_list(text)
    assert [(s.nom, s.date_naissance) for s in preview.students] == [("ROUX", date(2009, 4, 3))]


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("NOM", "nom"),
        ("Nom de famille", "nom"),
        ("PRÉNOM", "prenom"),
        ("Prénom(s)", "prenom"),
        ("Né(e) le", "date_naissance"),
        ("née le", "date_naissance"),
        ("Date de naissance", "date_naissance"),
        (" DATE_NAISSANCE ", "date_naissance"),
        ("Mail", "email"),
        ("Courriel", "email"),
        ("Adresse e-mail", "email"),
        ("Classe", None),
    ],
)
def test_header_names_in_any_case_and_accents(header, field):
    assert header_field(header) == field


def test_per_line_errors_are_reported_and_valid_lines_kept():
    text = (
        "Nom;Prénom;Date de naissance;Mail\n"
        "DUPONT;Léa;12/03/2009;\n"  # 2 ok
        ";Paul;12/03/2009;\n"  # 3 no name
        "DURAND;;12/03/2009;\n"  # 4 no first name
        "PETIT;Jules;31/02/2009;\n"  # 5 impossible date
        "MOREAU;Inès;demain;\n"  # 6 unreadable date
        "\n"  # 7 blank line: skipped
        ";;;\n"  # 8 blank cells: skipped
        "dupont;LEA;2009-03-12;\n"  # 9 duplicate of line 2 (case, accents, date format)
        "BLANC;Sam;01/01/2009;pas-un-mail\n"  # 10 bad e-mail
        "NOIR;Ana;;\n"  # 11 no date
    )
    preview = parse_class_list(text)
    assert [s.ligne for s in preview.students] == [2]
    errors = {e.ligne: e.message for e in preview.errors}
    assert errors[3] == "Nom manquant."
    assert errors[4] == "Prénom manquant."
    assert "impossible" in errors[5] and "31/02/2009" in errors[5]
    assert "illisible" in errors[6] and "JJ/MM/AAAA" in errors[6]
    assert errors[9] == "Doublon de la ligne 2 (même élève)."
    assert "e-mail invalide" in errors[10]
    assert errors[11] == "Date de naissance manquante."
    assert set(errors) == {3, 4, 5, 6, 9, 10, 11}
    assert preview.blank_lines == 2
    assert next(e for e in preview.errors if e.ligne == 5).contenu == "PETIT;Jules;31/02/2009;"


def test_a_line_with_several_problems_lists_them_all():
    preview = parse_class_list("Nom;Prénom;Né le\n;;32/13/2009\n")
    [error] = preview.errors
    assert error.message.startswith("Nom manquant ; prénom manquant ; date de naissance")


def test_quoted_cells_with_separator_inside():
    preview = parse_class_list('Nom,Prénom,Né le\n"DE LA TOUR, dit Latour",Jean,01/01/2009\n')
    assert preview.students[0].nom == "DE LA TOUR, dit Latour"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "vide"),
        (b"   \r\n\r\n", "vide"),
        (b"Nom;Pr\xc3\xa9nom;Date de naissance\r\n", "que la ligne d'en-tête"),
        (b"Nom;Pr\xc3\xa9nom;Date de naissance\r\n\r\n;;\r\n", "que la ligne d'en-tête"),
        (b"Classe;Groupe;Option\n1A;G1;Anglais\n", "Colonnes introuvables"),
        (b"Nom;Classe\nDUPONT;1A\n", "prénom, date de naissance"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "pas un fichier texte CSV"),
        (bytes(range(128, 256)) * 40, "pas un fichier texte CSV"),
    ],
    ids=[
        "vide",
        "blanc",
        "entete-seul",
        "entete-et-vides",
        "autres-colonnes",
        "colonnes-manquantes",
        "xlsx",
        "binaire",
    ],
)
def test_broken_files_get_one_clear_french_message(data, message):
    with pytest.raises(CsvImportError) as error:
        parse_class_list(data)
    assert message in str(error.value)


def test_random_garbage_never_crashes():
    for seed in range(30):
        data = os.urandom(2000 + seed)
        try:
            preview = parse_class_list(data)
        except CsvImportError as error:
            assert str(error)
        else:  # pragma: no cover - practically impossible for random bytes
            assert preview.students == []


def test_a_5_mb_file_is_refused_before_reading():
    data = PRONOTE.encode() + b"DUPONT;Jean;01/01/2009;\n" * (5_000_000 // 24)
    assert len(data) > MAX_BYTES
    with pytest.raises(CsvImportError, match=r"trop gros \(5,0 Mo\).*limite est de 1 Mo"):
        parse_class_list(data)


def test_the_reposted_text_parses_to_the_same_result():
    first = parse_class_list(PRONOTE.encode("cp1252"))
    again = parse_class_list(first.text)
    assert again.students == first.students and again.errors == first.errors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12/03/2009", date(2009, 3, 12)),
        ("2/3/2009", date(2009, 3, 2)),
        ("12-03-2009", date(2009, 3, 12)),
        ("2009-03-12", date(2009, 3, 12)),
        ("12/03/09", None),
        ("2009/03/12", None),
        ("29/02/2009", None),
        ("01/01/1850", None),
    ],
)
def test_dates(text, expected):
    assert parse_date(text)[0] == expected


def test_decode_says_which_encoding():
    assert decode("é".encode())[1] == "UTF-8"
    assert decode("é".encode("cp1252"))[1] == "Windows-1252"
    assert decode(b"abc")[1] == "UTF-8"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("DUP\x00ONT;Léa;12/03/2009;", "Nom avec un caractère invisible interdit (U+0000)"),
        ("DUPONT;L\x1béa;12/03/2009;", "Prénom avec un caractère invisible interdit (U+001B)"),
        ("DUPONT;Léa;12/03/2009;lea\x7f@example.org", "Adresse e-mail invalide « lea\ufffd@"),
    ],
    ids=["nul-nom", "echap-prenom", "suppr-mail"],
)
def test_control_characters_are_refused_on_their_line_only(line, problem):
    text = f"Nom;Prénom;Né le;Mail\n{line}\nMARTIN;Zoé;2009-11-30;\n"
    preview = parse_class_list(text)
    assert [s.nom for s in preview.students] == ["MARTIN"]
    [error] = preview.errors
    assert error.ligne == 2 and error.message.startswith(problem)


def test_control_characters_in_an_uploaded_file_are_refused_on_their_line():
    data = "Nom;Prénom;Né le\nDUPONT;Lé\x01a;12/03/2009\nMARTIN;Zoé;2009-11-30\n".encode()
    preview = parse_class_list(data)
    assert [s.nom for s in preview.students] == ["MARTIN"]
    assert preview.errors[0].message.startswith("Prénom avec un caractère invisible interdit")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Nom;Prénom;Né le\nDUPONT;Léa;12/03/2009;" + "x" * 131_073 + "\n", 2),
        ("Nom;Prénom;Né le;" + "x" * 131_073 + "\nDUPONT;Léa;12/03/2009\n", 1),
    ],
    ids=["cellule", "entete"],
)
def test_a_cell_over_the_csv_limit_gets_a_french_message(text, line):
    with pytest.raises(CsvImportError) as error:
        parse_class_list(text.encode())
    assert str(error.value).startswith(
        f"Ligne {line} : une cellule dépasse 131\u202f072 caractères"
    )
