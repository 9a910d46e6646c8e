"""Bank reconciliation: statement lines worded as real banks word them, and the accounts each
accepts (scenarios/banque/libelles.yaml), then a teacher's own textbook statement graded end to end.

Sources of the wordings (the file's ``sources`` keys, with their addresses in the file):
bp_sud = Banque Populaire du Sud, table de correspondance des libellés ; lcl = LCL, lexique des
opérations bancaires courantes ; ca_pro = Crédit Agricole Anjou Maine, conditions professionnels ;
bnp = BNP Paribas, rubriques du relevé « Situation » ; abrev = VIR SEPA, RET DAB, PRLV, CB, REM ;
carte = libellés de paiement par carte ; dgfip = « PRLV B2B DGFIP » ; manuel = wording of a
corrected textbook exercise ; own = the wording our own generator prints.
The accounts are the plan comptable général's; the first one is the one the solution shows.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.exercise.kinds.test_rapprochement_exemples import line

from agora.exercise.kinds.rapprochement import KIND
from agora.exercise.kinds.rapprochement.libelles import classer, compte_admis, vocabulaire

FRAIS = ("627", "6278")
AGIOS = ("661", "6615", "6616")
CAISSE = ("530", "531", "53", "58", "580")
DGFIP = ("44551", "4455", "444", "695", "447", "631", "635", "6351")
CARTE = ("401", "606", "6061", "6063", "6064", "607", "625", "6251", "6256", "6257")

# (sens, wording as printed, accepted accounts in order, source)
LIGNES = [
    # bank services: the bank's own charges win over the operation they concern
    ("sortie", "COTIS CARTE", FRAIS, "bp_sud"),
    ("sortie", "FORFAIT CHEQUE REJETE", FRAIS, "bp_sud"),
    ("sortie", "FRAIS OPPOSITION.CHEQUE", FRAIS, "bp_sud"),
    ("sortie", "FRAIS ENVOI CHEQUIER", FRAIS, "bp_sud"),
    ("sortie", "Frais de tenue de compte", FRAIS, "ca_pro"),
    ("sortie", "COMMISSION DE MOUVEMENT DE COMPTE", FRAIS, "ca_pro"),
    ("sortie", "COMMISSION D’INTERVENTION 12/03", FRAIS, "lcl"),  # typographic apostrophe
    ("sortie", "ABONNEMENT BANQUE EN LIGNE", FRAIS, "lcl"),
    ("sortie", "FRAIS CHQ IMPAYE", FRAIS, "bp_sud"),  # the fee, not the unpaid cheque (411)
    ("sortie", "COTISATION CARTE AFFAIRES", FRAIS, "own"),
    # overdraft interest
    ("sortie", "AGIOS", AGIOS, "lcl"),
    ("sortie", "INT DEB 01/01-31/03", AGIOS, "lcl"),
    ("sortie", "Intérêts de découvert", AGIOS, "manuel"),
    # « commission de plus fort découvert »: a commission (627) on the overdraft (661): both
    ("sortie", "COMMISSION PLUS FORT DECOUVERT", (*FRAIS, *AGIOS), "ca_pro"),
    ("sortie", "ARRETE DE COMPTE AU 31/03", ("661", "6615", "6616", "627", "6278"), "lcl"),
    # financial income
    ("entree", "INTERETS CREDITEURS DU COMPTE", ("768", "764"), "own"),
    ("entree", "Perception de dividendes portés en compte", ("764", "761", "768"), "manuel"),
    # taxes: « DGFIP » alone does not say which tax, so every reasonable account is accepted
    ("sortie", "PRLV B2B DGFIP", DGFIP, "dgfip"),
    ("sortie", "PRLV SEPA DGFIP TVA 03/2026", ("44551", "4455"), "dgfip"),
    ("sortie", "PRLV SEPA DGFIP IS ACOMPTE 2", ("444", "695"), "dgfip"),
    ("sortie", "PRLV SEPA DGFIP CFE 2026", ("635", "6351"), "dgfip"),
    # social bodies
    ("sortie", "PRLV SEPA URSSAF PAYS DE LA LOIRE", ("431",), "bnp"),
    ("sortie", "PRLV SEPA MALAKOFF HUMANIS AGIRC ARRCO", ("437",), "bnp"),
    ("sortie", "PRLV DSN 03/2026", ("431", "437"), "bnp"),
    # customers
    ("sortie", "CHQ IMPAYE N° 4512876", ("411",), "lcl"),
    ("entree", "VIR SEPA RECU /DE SARL DURAND /REF FA2026-0142", ("411",), "abrev"),
    ("entree", "REM CHQ N 0001234", ("411", "511", "5112"), "abrev"),
    ("entree", "REMISE CB DU 12/03", ("411", "58", "580", "511"), "own"),
    ("entree", "REMISE LCR A L ENCAISSEMENT", ("413", "411", "511", "5113"), "lcl"),
    ("sortie", "LCR IMPAYEE DURAND", ("411",), "lcl"),  # the unpaid bill, not one we pay
    ("sortie", "LCR DOMICILIEE ECH 31/03", ("403", "401"), "lcl"),
    # suppliers and running costs: the charge first, 401 if the invoice was already entered
    ("sortie", "Prélèvement automatique EDF", ("606", "6061", "401"), "manuel"),
    ("sortie", "PRLV SEPA ORANGE BUSINESS", ("626", "6262", "401"), "own"),
    ("sortie", "PRLV SEPA AXA FRANCE IARD", ("616", "6161", "401"), "bnp"),
    ("sortie", "PRLV SEPA LOYER SCI DU PARC", ("613", "6132", "401"), "own"),
    ("sortie", "PRELEVEMENT EUROPEEN 4587 DE: IMPRIMERIE DU CENTRE", ("401",), "abrev"),
    ("sortie", "CHQ N° 2107", ("401",), "own"),
    ("sortie", "CB AMZN MKTP LUX", CARTE, "carte"),
    ("sortie", "CARTE 14/01 SODEXO PARIS", CARTE, "carte"),
    # a loan instalment mixes capital and interest: each account is accepted for the whole line
    ("sortie", "ECHEANCE PRET N 00045871", ("164", "1641", "661", "6611"), "bnp"),
    # cash
    ("sortie", "RET DAB 12/03 NANTES", CAISSE, "abrev"),
    ("entree", "Versement d'espèces", CAISSE, "manuel"),
    # payroll, grants
    ("sortie", "VIR SEPA EMIS SALAIRE MARS", ("421", "425"), "bnp"),
    ("entree", "VIR SEPA RECU CONSEIL REGIONAL SUBVENTION", ("74", "740", "441"), "abrev"),
    ("entree", "VIR SEPA RECU MAIRIE DE NANTES", ("411", "74", "740", "441"), "abrev"),
]


@pytest.mark.parametrize(("sens", "libelle", "comptes", "source"), LIGNES)
def test_a_real_statement_line_accepts_its_accounts(sens, libelle, comptes, source):
    assert classer(libelle, sens == "entree").comptes == comptes, source


def test_there_are_at_least_thirty_real_world_lines_each_with_a_source():
    # Our generator's own words (own) and a textbook's (manuel) are not a bank's wording.
    banques = [ligne for ligne in LIGNES if ligne[3] not in ("own", "manuel")]
    assert len(banques) >= 30
    assert all(source for *_, source in LIGNES)


def test_every_example_of_the_data_file_reads_as_its_own_nature():
    for nature in vocabulaire().natures:
        for sens, libelle in nature.exemples:
            assert classer(libelle, sens == "entree").natures == (nature.nature,), libelle


def test_accents_case_and_punctuation_do_not_matter():
    for libelle in ("FRAIS TENUE DE COMPTE", "frais de tenue de compte", "Frais-Tenue/de.Compte"):
        assert classer(libelle, False).natures == ("frais",)
    assert classer("Prélèvement URSSAF", False) == classer("PRELEVEMENT URSSAF", False)


def test_the_direction_chooses_between_income_and_charge():
    assert classer("INTERETS", True).comptes == ("768", "764")
    assert classer("INTERETS PRET 0045871", False).comptes == ("661", "6611", "6616")
    # « INTERETS DEBITEURS » is read whole: overdraft interest, even refunded (money in)
    assert classer("INTERETS DEBITEURS", True).comptes == AGIOS
    # an unknown wording: a customer's money in, a supplier's money out
    assert classer("OPERATION 4587", True).comptes == ("411",)
    assert classer("OPERATION 4587", False).comptes == ("401",)


def test_a_longer_phrase_wins_over_a_word_it_contains():
    # « TAXE SUR LES SALAIRES » is a tax (631), not wages (421)
    assert classer("DGFIP TAXE SUR LES SALAIRES T1", False).natures == ("taxe_salaires",)
    # « RETRAITE » is no cash withdrawal (RETRAIT)
    assert classer("PRLV SEPA CAISSE RETRAITE", False).natures == ("retraite_prevoyance",)


def test_an_ambiguous_wording_says_so():
    assert classer("PRLV B2B DGFIP", False).ambigu
    assert not classer("PRLV SEPA DGFIP TVA", False).ambigu


@pytest.mark.parametrize(
    ("comptes", "compte", "admis"),
    [
        (("411",), "411DUPONT", True),  # subsidiary account of a customer
        (("606", "6061", "401"), "401EDF", True),  # the supplier's own account
        (("512",), "5121", True),  # a second bank account
        (("627", "6278"), "627000", True),  # padded with zeros by the software
        (("627", "6278"), "6271", False),  # « frais sur titres » is another service
        (("44551", "4455"), "44566", False),  # deductible VAT is not VAT to pay
        (("530", "531", "53", "58", "580"), "5300", True),
        (("74", "740", "441"), "7400", True),
    ],
)
def test_accounts_are_compared_as_a_bookkeeper_writes_them(comptes, compte, admis):
    assert compte_admis(comptes, compte) is admis


def ligne(ident: str, date: str, libelle: str, **montants: str) -> dict:
    return line(ident, libelle=libelle, date=date, **montants)


# A teacher's statement, typed by hand with a textbook's wording.
# Ledger: 3 250,00 − 318,40 (C1) + 1 245,00 (C2) − 96,50 (C3) + 410,00 (C4) = 4 490,10.
# Statement: 3 250,00 − 318,40 + 1 245,00 − 184,32 − 1 120,00 + 2 400,00 − 612,45 − 230,00
#   − 15,00 − 45,00 − 12,37 = 4 357,46.
# Company side: + 2 400,00 (B5) − (184,32 + 1 120,00 + 612,45 + 230,00 + 15,00 + 45,00 + 12,37
#   = 2 219,14) → 4 490,10 + 2 400,00 − 2 219,14 = 4 670,96.
# Bank side: + 410,00 (C4 not yet credited) − 96,50 (C3 not yet cashed) → 4 670,96 as well.
MANUEL = {
    "periode": "2026-03",
    "solde_initial": "3250.00",
    "compte_512": [
        ligne("C1", "2026-03-02", "Chèque n° 1041 Papeterie Leroy", credit="318.40", ref="1041"),
        ligne("C2", "2026-03-09", "Remise de chèques n° 12", debit="1245.00", ref="R12"),
        ligne("C3", "2026-03-28", "Chèque n° 1042 Garage Martin", credit="96.50", ref="1042"),
        ligne("C4", "2026-03-30", "Remise de chèques n° 13", debit="410.00", ref="R13"),
    ],
    "releve": [
        ligne("B1", "2026-03-05", "CHQ N° 1041", debit="318.40", ref="1041"),
        ligne("B2", "2026-03-11", "REM CHQ N 12", credit="1245.00", ref="R12"),
        ligne("B3", "2026-03-12", "PRLV SEPA EDF ENTREPRISES", debit="184.32"),
        ligne("B4", "2026-03-15", "PRLV B2B DGFIP", debit="1120.00"),
        ligne("B5", "2026-03-20", "VIR SEPA RECU /DE MAIRIE DE NANTES", credit="2400.00"),
        ligne("B6", "2026-03-25", "ECHEANCE PRET N 00045871", debit="612.45"),
        ligne("B7", "2026-03-27", "CHQ IMPAYE N° 4512876", debit="230.00"),
        ligne("B8", "2026-03-27", "FRAIS CHQ IMPAYE", debit="15.00"),
        ligne("B9", "2026-03-31", "COTIS CARTE BUSINESS", debit="45.00"),
        ligne("B10", "2026-03-31", "INT DEB 01/01-31/03", debit="12.37"),
    ],
}


def _reponse(comptes: dict[str, str]) -> dict:
    """The reference answer with the counterpart accounts the student chose."""
    reponse = KIND.solve(MANUEL)
    for e in reponse["ecritures"]:
        cote = "compte_credit" if e["compte_debit"] == "512" else "compte_debit"
        e[cote] = comptes.get(e["ligne"], e[cote])
    return reponse


def test_the_teachers_statement_is_solved_by_hand():
    s = KIND.solve(MANUEL)
    assert s["pointage"] == [["C1", "B1"], ["C2", "B2"]]
    assert (s["solde_compte_512"], s["solde_releve"]) == ("4490.10", "4357.46")
    assert s["cote_entreprise"] == {
        "ajouts": ["B5"],
        "deductions": ["B3", "B4", "B6", "B7", "B8", "B9", "B10"],
    }
    assert s["cote_banque"] == {"ajouts": ["C4"], "deductions": ["C3"]}
    assert s["solde_rectifie"] == "4670.96"
    comptes = {e["ligne"]: (e["compte_debit"], e["compte_credit"]) for e in s["ecritures"]}
    assert comptes == {
        "B5": ("512", "411"),
        "B3": ("606", "512"),
        "B4": ("44551", "512"),
        "B6": ("164", "512"),
        "B7": ("411", "512"),
        "B8": ("627", "512"),
        "B9": ("627", "512"),
        "B10": ("661", "512"),
    }


def test_every_accepted_alternative_account_scores_one():
    choix = {
        "B5": "74",  # the town's payment read as a grant
        "B3": "401EDF",  # EDF's invoice already entered
        "B4": "695",  # the DGFIP debit read as corporate tax
        "B6": "661",  # the instalment read as interest
        "B7": "411LEROY",  # the customer's own account
        "B8": "6278",
        "B9": "627000",
        "B10": "6616",
    }
    grade = KIND.grade(MANUEL, _reponse(choix))
    assert grade.score == 1 and not grade.diagnostics


def test_a_wrong_account_is_named_with_every_account_the_wording_allows():
    grade = KIND.grade(MANUEL, _reponse({"B4": "401", "B8": "411"}))
    assert {d.code for d in grade.diagnostics} == {"COMPTE_INCORRECT"}
    messages = {c.champ: c.message for c in grade.champs if not c.correct}
    rang = [e["ligne"] for e in KIND.solve(MANUEL)["ecritures"]]
    # « DGFIP » alone: every reasonable account is listed
    assert messages[f"ecritures.{rang.index('B4')}"] == (
        "Comptes attendus : débit 44551, crédit 512. "
        "Comptes acceptés ici : 44551, 4455, 444, 695, 447, 631, 635, 6351."
    )
    # the fee on an unpaid cheque is a bank service, not the customer's debt
    assert messages[f"ecritures.{rang.index('B8')}"] == (
        "Comptes attendus : débit 627, crédit 512."
    )
    # 2 entries wrong of 8: the entries earn 6/8 × 2 = 1,5 of their 2 points; every other field
    # is right (10 points): 11,5 / 12 = 0,958333… → 0,9583
    assert grade.score == Decimal("0.9583")


def test_a_broken_vocabulary_file_is_refused_naming_the_file_and_the_field(tmp_path):
    from agora.content.loading import load_yaml_model
    from agora.errors import ContentError
    from agora.exercise.kinds.rapprochement.libelles import FICHIER, Vocabulaire

    texte = FICHIER.read_text(encoding="utf-8").replace("sources: [bp_sud, lcl,", "sources: [x,")
    fichier = tmp_path / "libelles.yaml"
    fichier.write_text(texte, encoding="utf-8")
    with pytest.raises(ContentError, match=r"libelles\.yaml.*source inconnue x"):
        load_yaml_model(fichier, Vocabulaire)
