"""Bank reconciliation beyond the shared contract (tests/exercise/test_kind_contract.py): the sizes
of each level, how statement lines are classified, the statement's words, French messages, and
params corrupted inside one line."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agora.company import generate_company
from agora.errors import InvalidInput
from agora.exercise.base import FormatErrors
from agora.exercise.kinds.rapprochement import KIND as kind
from agora.exercise.kinds.rapprochement.params import check
from agora.exercise.kinds.rapprochement.solve import nature, rapprocher

SEEDS = range(100)
NIVEAUX = (1, 2, 3)


@cache
def company(seed: int):
    return generate_company(seed)


@cache
def variant(seed: int, niveau: int):
    return kind.generate(seed, niveau, company(seed))


@pytest.mark.parametrize("niveau", NIVEAUX)
def test_generated_variants_respect_the_level_sizes_and_unambiguous_pointage(niveau):
    for seed in SEEDS:
        params = variant(seed, niveau).params
        r = rapprocher(check(params))
        ledger = params.get("suspens_anterieurs", []) + params["compte_512"]
        for lines, side in ((ledger, "debit"), (params["releve"], "credit")):
            keys = [(line[side] != "0.00", line["debit"], line["credit"]) for line in lines]
            assert len(keys) == len(set(keys)), "two matchable lines with the same amount"
        sizes = {1: (5, 8), 2: (9, 16), 3: (9, 16)}[niveau]
        assert sizes[0] <= len(params["compte_512"]) <= sizes[1]
        assert sizes[0] <= len(params["releve"]) <= sizes[1]
        entreprise = sum(len(v) for v in r.cote_entreprise.values())
        banque = sum(len(v) for v in r.cote_banque.values())
        assert entreprise >= 1 and banque >= 1
        if niveau == 1:
            assert entreprise <= 2 and banque <= 2 and "suspens_anterieurs" not in params
        if niveau == 3:
            assert params["suspens_anterieurs"] and len(r.ecarts) == 1
        assert r.solde_compte_512 > 0 and r.solde_releve > 0


def test_statement_labels_classify_to_the_intended_accounts():
    seen = set()
    for seed in SEEDS:
        for niveau in NIVEAUX:
            r = rapprocher(check(variant(seed, niveau).params))
            for ident in r.cote_entreprise["ajouts"] + r.cote_entreprise["deductions"]:
                line = r.dossier.lignes[ident]
                if line.origine != "releve":
                    continue
                kind_ = nature(line).natures[0]
                seen.add(kind_)
                texte = line.libelle
                expected = next(
                    (nature for mots, nature in ATTENDUS if any(m in texte for m in mots)),
                    "frais",
                )
                assert kind_ == expected, texte
    assert seen == {nature for _, nature in ATTENDUS} | {"frais"}


# What the generator's statement-only wordings are (first match wins), level 1's and the real
# wordings of levels 2 and 3 (generate.REELS).
ATTENDUS = (
    (("URSSAF",), "urssaf"),
    (("DGFIP TVA",), "tva"),
    (("DGFIP",), "dgfip"),
    (("AGIOS", "INT DEB"), "agios"),
    (("INTERETS CREDITEURS", "INT CREDITEURS", "REMUNERATION"), "interets"),
    (("MAIRIE",), "collectivite"),
    (("VIR SEPA RECU", "VIR RECU", "VIREMENT EN VOTRE FAVEUR"), "client"),
    (("EDF", "ENGIE", "VEOLIA"), "energie"),
    (("ORANGE", "SFR", "BOUYGUES"), "telecom"),
    (("AXA",), "assurance"),
    (("MALAKOFF",), "retraite_prevoyance"),
    (("LA POSTE",), "poste"),
)


def test_the_statement_names_the_organisation_its_bank_and_the_fields():
    for niveau in NIVEAUX:
        v = variant(3, niveau)
        org = company(3)
        assert org.raison_sociale in v.enonce and org.banque.nom in v.enonce
        for champ in (  # in French, as the form's labels say them (no internal name)
            "Solde du compte 512",
            "Solde du relevé",
            "Côté entreprise",
            "Côté banque",
            "Solde rectifié",
            "Écritures",
        ):
            assert champ in v.enonce
        for line in v.params["compte_512"] + v.params["releve"]:
            assert f"| {line['id']} |" in v.enonce
        assert "<" not in v.enonce
    assert "Suspens du rapprochement précédent" in variant(3, 3).enonce
    assert "Aide" in variant(3, 1).enonce and "Aide" not in variant(3, 2).enonce


def test_parse_reads_french_writing_and_rejects_what_cannot_be_read():
    lecture = kind.parse(
        {
            "pointage": [["c1", " b2 "], ["C2", ""], {"0": "c3", "1": "B\t4"}],
            "solde_releve": "1 234,50 €",
            "cote_entreprise": {"ajouts": "B5, b6 ;B8", "deductions": ["", "B7"]},
            "ecritures": [
                {"ligne": "B5", "compte_debit": "512", "compte_credit": "411 ", "montant": "12,5"},
                {"ligne": "", "montant": ""},
            ],
        }
    )
    assert lecture.erreurs == {}
    # A pair with one side left on « non pointée » is no pair; an object row is a pair too.
    assert lecture.valeur("pointage") == (("C1", "B2"), ("C3", "B4"))
    assert lecture.valeur("solde_releve") == Decimal("1234.50")
    assert lecture.valeur("cote_entreprise", "ajouts") == ("B5", "B6", "B8")
    assert lecture.valeur("cote_entreprise", "deductions") == ("B7",)
    premiere, blanche = lecture.valeur("ecritures")
    assert blanche is None  # a form row left blank is no entry
    assert {nom: lu.valeur for nom, lu in premiere.valeur.items()} == {
        "ligne": "B5",
        "compte_debit": "512",
        "compte_credit": "411",
        "montant": Decimal("12.50"),
    }
    with pytest.raises(FormatErrors) as error:
        kind.parse(kind.sample_answers(variant(1, 1).params)[-1].answer)
    assert error.value.errors == {
        "pointage": "Une liste de paires [ligne du compte 512, ligne du relevé].",
        "solde_compte_512": "« beaucoup » n'est pas un montant valide : écrivez par exemple 1 234,56.",
        "cote_entreprise.ajouts.0": "« ??? » n'est pas un numéro de ligne (par exemple C3 ou B5).",
        "ecritures.0.compte_debit": "« banque » n'est pas un numéro de compte (par exemple 627, 411).",
        "ecritures.0.montant": "Le montant « 12,345 » a plus de deux décimales : arrondissez au centime.",
    }
    with pytest.raises(FormatErrors):
        kind.parse(["pas", "un", "objet"])


def test_an_empty_field_of_an_entry_is_wrong_not_unreadable():
    # Readable (an empty field is a wrong answer, as in every kind: it costs an attempt), and the
    # row's verdict says what is missing.
    params = variant(2, 2).params
    entry = kind.solve(params)["ecritures"][0]
    answer = {"ecritures": [{**entry, "montant": ""}]}
    kind.parse(answer)
    verdict = kind.grade(params, answer).champs[0]
    assert (verdict.champ, verdict.correct, verdict.message) == (
        "ecritures.0",
        False,
        "Champ non rempli.",
    )


@pytest.mark.parametrize(
    ("champ", "valeur", "ok"),
    [
        ("solde_releve", "1 234,56", True),
        ("solde_releve", "douze", False),
        ("ecritures.0.montant", "12,345", False),
        ("ecritures.0.compte_debit", "627", True),
        ("ecritures.0.compte_debit", "411DUPONT", True),
        ("ecritures.0.compte_credit", "banque", False),
        ("cote_banque.ajouts.0", "c4", True),
        ("cote_banque.ajouts.0", "chèque", False),
        ("pointage.0.1", "", True),
    ],
)
def test_validate_field_gives_a_french_message_only_for_unreadable_text(champ, valeur, ok):
    message = kind.validate_field(champ, valeur)
    assert (message is None) == ok
    assert message is None or "\n" not in message


def test_check_params_refuses_unusable_params_with_one_french_line():
    good = variant(2, 2).params
    bad_cases = [
        {k: v for k, v in good.items() if k != "releve"},
        {**good, "periode": "mars"},
        {**good, "solde_initial": "beaucoup"},
        {**good, "compte_512": [{**good["compte_512"][0], "debit": "-5.00", "credit": "0.00"}]},
        {**good, "compte_512": [{**good["compte_512"][0], "debit": "5.00", "credit": "5.00"}]},
        {**good, "releve": [*good["releve"], good["releve"][0]]},
        {**good, "releve": "rien"},
        [],
    ]
    for bad in bad_cases:
        with pytest.raises(Exception) as error:
            kind.check_params(bad)
        assert type(error.value).__name__ == "InvalidInput"
        assert "\n" not in str(error.value)
    assert kind.check_params(good) is good


def _sans(params, cle):
    return {k: v for k, v in params.items() if k != cle}


def _ligne(params, liste, **valeurs):
    return {**params, liste: [{**params[liste][0], **valeurs}, *params[liste][1:]]}


@pytest.mark.parametrize(
    ("abimer", "message"),
    [
        # A missing field is named first, whatever else is wrong (the contract lists them first).
        (lambda p: _sans({**p, "periode": "mars"}, "releve"), "le champ « releve » manque."),
        (lambda p: {**p, "periode": "2026-3"}, "« periode » doit s'écrire AAAA-MM, par exemple 2026-03."),
        (lambda p: {**p, "solde_initial": "mille"}, "solde_initial : « mille » n'est pas un montant valide : écrivez par exemple 1 234,56."),
        (lambda p: {**p, "releve": {}}, "« releve » doit être une liste de lignes."),
        (lambda p: {**p, "releve": [p["releve"][0]] * 201}, "« releve » a trop de lignes (au plus 200)."),
        (lambda p: {**p, "compte_512": ["C1"]}, "compte_512[0] doit être un objet {id, date, libelle…}."),
        (lambda p: _ligne(p, "compte_512", id="C1\n"), "compte_512[0].id doit être un identifiant comme « C1 »."),
        (lambda p: _ligne(p, "releve", date="02/03/2026"), "releve[0].date doit s'écrire AAAA-MM-JJ."),
        (lambda p: _ligne(p, "releve", libelle=" "), "releve[0].libelle manque."),
        (lambda p: _ligne(p, "releve", debit="-4,00", credit="0.00"), "releve[0].debit ne peut pas être négatif."),
        (lambda p: _ligne(p, "releve", debit="4.00", credit="4.00"), "releve[0] doit avoir un débit ou un crédit, pas les deux."),
        (lambda p: {**p, "releve": [*p["releve"], p["releve"][0]]}, "l'identifiant « B1 » est utilisé deux fois."),
    ],
)  # fmt: skip
def test_check_params_names_the_first_unusable_value_in_one_french_line(abimer, message):
    with pytest.raises(InvalidInput) as error:
        kind.check_params(abimer(variant(2, 2).params))
    assert str(error.value) == f"paramètres : {message}"


def test_the_same_params_asked_again_give_the_same_reference_and_a_change_is_seen():
    params = variant(21, 3).params
    fresh = json.dumps(kind.solve(json.loads(json.dumps(params))))
    assert json.dumps(kind.solve(params)) == fresh == json.dumps(kind.solve(params))
    params["solde_initial"] = "0.00"  # changed in place: worked out again
    assert json.dumps(kind.solve(params)) != fresh


def test_level_three_entry_errors_cover_customers_and_suppliers_both_ways():
    combos = set()
    for seed in SEEDS:
        r = rapprocher(check(variant(seed, 3).params))
        (ident, ecart), *_ = r.ecarts.items()
        assert ecart.ligne.ref == ecart.releve.ref and ecart.ligne.montant != ecart.releve.montant
        gap = abs(ecart.ligne.montant - ecart.releve.montant)
        assert gap % 90 == 0, "two swapped digits of the hundreds and tens differ by 90 × k"
        (entry,) = [e for e in r.ecritures if e["ligne"] == ident]
        assert entry["montant"] == gap and "512" in (entry["compte_debit"], entry["compte_credit"])
        combos.add((ecart.ligne.entree, ecart.montant_signe > 0))
    assert combos == {(True, True), (True, False), (False, True), (False, False)}


json_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=20),
    st.just("9" * 400), st.integers(min_value=10**300, max_value=10**400), st.just("1 234,56"),
    st.sampled_from(["C1", "B1", "S1", "c2", "B99", "627", "512", ""]),
)  # fmt: skip
json_value = st.recursive(
    json_leaf,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_valid_variant_with_one_value_corrupted_is_accepted_or_refused_cleanly(data):

    params = json.loads(json.dumps(variant(13, 3).params))
    liste = data.draw(st.sampled_from(["compte_512", "releve", "suspens_anterieurs"]))
    ligne = data.draw(st.sampled_from(params[liste]))
    cle = data.draw(st.sampled_from(["id", "date", "libelle", "debit", "credit", "ref"]))
    ligne[cle] = data.draw(json_value)
    try:
        kind.check_params(params)
    except InvalidInput as error:
        assert "\n" not in str(error)
    else:
        assert kind.grade(params, kind.solve(params)).score == 1


def test_at_most_one_rent_a_month():
    for seed in SEEDS:
        for niveau in NIVEAUX:
            labels = [c["libelle"] for c in variant(seed, niveau).params["compte_512"]]
            assert sum("loyer" in label for label in labels) <= 1
