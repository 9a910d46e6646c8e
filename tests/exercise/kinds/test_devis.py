"""Hand-checked ``devis`` cases (computation in comments, own step-by-step calculation following
docs/exercices/devis.md), the diagnostics named, carried errors, and what each level holds."""

from __future__ import annotations

import copy
from collections import Counter
from decimal import Decimal

import pytest

from agora.company import generate_company
from agora.content.secteurs import famille_de, secteur_codes
from agora.errors import InvalidInput
from agora.exercise.registry import get_kind

KIND = get_kind("devis")


def devis(lignes, remises=(), port=None, jours=30, nature="acompte", part="30", livraison=None):
    p = {
        "date_devis": "2026-03-12",
        "lignes": [
            {
                "reference": r,
                "designation": r,
                "unite": "pièce",
                "quantite": q,
                "prix_unitaire_ht": pu,
                "taux_tva": t,
            }
            for r, q, pu, t in lignes
        ],
        "remises": list(remises),
        "validite_jours": jours,
        "versement": {"nature": nature, "taux": part},
    }
    if port:
        p["port"] = dict(zip(("libelle", "forfait_ht", "franco_ht", "taux_tva"), port, strict=True))
    if livraison:
        p["livraison"] = [{"reference_livree": r, "quantite_livree": q} for r, q in livraison]
    return p


def codes(params, **changes):
    answer = KIND.solve(params)
    for path, value in changes.items():
        node = answer
        *parents, last = path.split("__")
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value
    grade = KIND.grade(params, answer)
    return grade, [d.code for d in grade.diagnostics]


# 1. Cascade with a half-cent: 38 × 3,75 = 142,50 ; 12 % → 17,10 ; reste 125,40 × 3 % = 3,762
#    → 3,76 ; net 121,64 < 500 → port 15,00 ; base 136,64 × 20 % = 27,328 → 27,33 ;
#    TTC 163,97 ; acompte 30 % = 49,191 → 49,19 ; 12/03 + 30 j = 11/04/2026.
CAS_1 = devis(
    [("FB-0010", "38", "3.75", "20")], ("12", "3"), ("frais de port", "15.00", "500.00", "20")
)


def test_case_1_cascade_port_below_franco_and_deposit():
    s = KIND.solve(CAS_1)
    assert [r["montant"] for r in s["taux"][0]["remises"]] == ["17.10", "3.76"]
    assert (s["net_commercial"], s["port_ht"], s["taux"][0]["base_tva"]) == (
        "121.64",
        "15.00",
        "136.64",
    )
    assert (s["total_tva"], s["total_ttc"], s["acompte"]) == ("27.33", "163.97", "49.19")
    assert s["date_validite"] == "2026-04-11"


def test_case_2_franco_reached_exactly_at_the_threshold():
    # 4 × 125,00 = 500,00 ; no remise ; net 500,00 ≥ 500,00 (« dès ») → port 0,00 ;
    # TVA 100,00 ; TTC 600,00 ; arrhes 25 % = 150,00.
    p = devis(
        [("A", "4", "125.00", "20")],
        (),
        ("frais de port", "15.00", "500.00", "20"),
        part="25",
        nature="arrhes",
    )
    s = KIND.solve(p)
    assert (s["port_ht"], s["total_ttc"], s["acompte"]) == ("0.00", "600.00", "150.00")
    assert (s["versement"], s["desistement"]) == ("arrhes", "arrhes_perdues")


def test_case_3_two_vat_rates_port_on_the_higher_rate():
    # 5,5 % : 3 × 19,90 = 59,70 ; 5 % = 2,985 → 2,99 ; net 56,71 ; TVA 3,119 → 3,12.
    # 20 % : 7 × 2,35 = 16,45 ; 5 % = 0,8225 → 0,82 ; net 15,63.
    # net commercial 72,34 < 100 → port 9,90 at 20 % : base 25,53 ; TVA 5,106 → 5,11.
    # total HT 82,24 ; TVA 8,23 ; TTC 90,47.
    p = devis(
        [("LIV", "3", "19.90", "5.5"), ("CAH", "7", "2.35", "20")],
        ("5",),
        ("frais de port", "9.90", "100.00", "20"),
    )
    s = KIND.solve(p)
    assert [(t["net_ht"], t["base_tva"], t["tva"]) for t in s["taux"]] == [
        ("56.71", "56.71", "3.12"),
        ("15.63", "25.53", "5.11"),
    ]
    assert (s["total_ht"], s["total_tva"], s["total_ttc"]) == ("82.24", "8.23", "90.47")


def test_case_4_surface_with_half_square_metres_rounds_the_line():
    # 23,5 m² × 27,35 = 642,725 → 642,73 (truncating would give 642,72: ARRONDI_TRONQUE).
    p = devis([("PEI", "23.5", "27.35", "10"), ("MO", "6", "45.00", "10")])
    assert KIND.solve(p)["lignes"][0]["montant_ht"] == "642.73"
    found = codes(p, lignes__0__montant_ht="642.72")[1]
    assert found == ["ARRONDI_TRONQUE"]


def test_case_5_remises_added_are_named():
    # Cascade: 142,50 − 17,10 − 3,76 = 121,64 ; added: 15 % of 142,50 = 21,375, i.e. the
    # second remise on the brut: 3 % × 142,50 = 4,275 → 4,28.
    found = codes(CAS_1, taux__0__remises__1__montant="4.28")[1]
    assert found == ["REMISES_ADDITIONNEES"]


def test_case_6_vat_on_the_brut_and_port_outside_the_base():
    # TVA on brut: (142,50 + 15) × 20 % = 31,50 ; port left out: 121,64 × 20 % = 24,328 → 24,33.
    assert codes(CAS_1, taux__0__tva="31.50")[1] == ["TVA_SUR_BRUT"]
    assert codes(CAS_1, taux__0__base_tva="121.64")[1] == ["PORT_HORS_BASE_TVA"]


def test_case_7_port_charged_above_the_franco():
    # 4 × 125 = 500 ≥ 500: franco; charging 15,00 is the rule read the wrong way.
    p = devis([("A", "4", "125.00", "20")], (), ("frais de port", "15.00", "500.00", "20"))
    assert codes(p, port_ht="15.00")[1] == ["PORT_MAL_APPLIQUE"]


def test_case_8_deposit_on_the_ht_and_a_carried_ttc():
    # On HT: 136,64 × 30 % = 40,992 → 40,99.  From a wrong TTC of 170,00: 30 % = 51,00, carried.
    assert codes(CAS_1, acompte="40.99")[1] == ["ACOMPTE_SUR_HT"]
    grade, found = codes(CAS_1, total_ttc="170.00", acompte="51,00 €")
    verdicts = {c.champ: c.correct for c in grade.champs}
    assert not verdicts["total_ttc"] and verdicts["acompte"] and found == []


def test_case_9_validity_across_february_and_the_month_mistake():
    # 31/01/2026 + 30 jours = 02/03/2026 (février 2026 a 28 jours) ; « un mois » → 28/02 ou
    # 01/03 are wrong; a day off (01/03/2026) is VALIDITE_MAL_CALCULEE.
    p = devis([("A", "2", "10.00", "20")])
    p["date_devis"] = "2026-01-31"
    assert KIND.solve(p)["date_validite"] == "2026-03-02"
    grade, found = codes(p, date_validite="01/03/2026")
    assert found == ["VALIDITE_MAL_CALCULEE"] and grade.score < 1
    assert codes(p, date_validite="2/3/2026")[0].score == 1  # written the French way


def test_case_10_arrhes_taken_for_an_acompte():
    p = devis([("A", "2", "10.00", "20")], nature="arrhes")
    grade, found = codes(p, versement="acompte", desistement="engagement_ferme")
    verdicts = {c.champ: c.correct for c in grade.champs}
    # the consequence follows from the wrong nature (carried), the nature itself is named
    assert found == ["ARRHES_ACOMPTE_CONFONDUS"] and not verdicts["versement"]
    assert codes(p, desistement="rembourse")[1] == ["ARRHES_ACOMPTE_CONFONDUS"]


def test_case_11_delivery_gaps_and_what_to_invoice():
    # A: 10 ordered, 6 delivered → partiel, 6 ; B: 5 ordered, 8 delivered → excedent, 5 ;
    # C: absent → manquant, 0 ; D: E delivered instead → reference, 0 ; F: 3/3 → conforme, 3.
    p = devis(
        [
            (r, q, "10.00", "20")
            for r, q in (("A", "10"), ("B", "5"), ("C", "2"), ("D", "4"), ("F", "3"))
        ],
        livraison=[("A", "6"), ("B", "8"), (None, "0"), ("E", "4"), ("F", "3")],
    )
    s = KIND.solve(p)["livraison"]
    assert [(r["ecart"], r["a_facturer"]) for r in s] == [
        ("partiel", "6"),
        ("excedent", "5"),
        ("manquant", "0"),
        ("reference", "0"),
        ("conforme", "3"),
    ]
    assert codes(p, livraison__0__a_facturer="10")[1] == ["ECART_LIVRAISON_COMMANDE_FACTUREE"]
    assert codes(p, livraison__1__a_facturer="8")[1] == ["ECART_LIVRAISON_HORS_COMMANDE_FACTUREE"]


def test_a_wrong_catalogue_price_is_carried_to_the_line():
    # Price read 3,57 instead of 3,75: 38 × 3,57 = 135,66 is right from it (carried).
    grade, _ = codes(CAS_1, lignes__0__prix_unitaire_ht="3,57", lignes__0__montant_ht="135,66")
    verdicts = {c.champ: c.correct for c in grade.champs}
    assert not verdicts["lignes.0.prix_unitaire_ht"] and verdicts["lignes.0.montant_ht"]


def test_a_reference_is_read_as_typed():
    assert codes(CAS_1, lignes__0__reference=" fb-0010 ")[0].score == 1


@pytest.mark.parametrize("seed", range(0, 40, 3))
def test_every_sector_gets_a_coherent_quote(seed):
    company = generate_company(seed)
    for niveau in (1, 2, 3):
        params = KIND.generate(seed, niveau, company).params
        units = {ligne["unite"] for ligne in params["lignes"]}
        assert not units & {"m³", "tasse", "verre"}, (company.secteur, units)
        if company.tva_intracom is None:
            assert {ligne["taux_tva"] for ligne in params["lignes"]} == {"0"}
        if niveau == 1:  # one rate; two or three lines when the catalogue has two at one rate
            assert len({ligne["taux_tva"] for ligne in params["lignes"]}) == 1
            par_taux = Counter(a.taux_tva for a in company.catalogue if a.prix_ht > 0)
            au_moins = 2 if company.secteur != "regie_eau" else 1
            assert "port" not in params and au_moins <= len(params["lignes"]) <= 3, par_taux
        assert ("livraison" in params) == (niveau == 3)


def test_the_option_sets_the_word_of_the_cgv():
    company = generate_company(4)
    for nature in ("acompte", "arrhes"):
        variant = KIND.generate(4, 2, company, {"versement": nature})
        assert variant.params["versement"]["nature"] == nature
        assert f"**{nature}**" in variant.enonce


def test_params_from_outside_are_refused_in_one_french_line():
    bad = copy.deepcopy(CAS_1)
    bad["port"]["taux_tva"] = "10"
    with pytest.raises(InvalidInput, match=r"port\.taux_tva"):
        KIND.check_params(bad)
    bad = copy.deepcopy(CAS_1)
    bad["versement"]["nature"] = "caution"
    with pytest.raises(InvalidInput, match="acompte"):
        KIND.check_params(bad)
    assert Decimal(KIND.grade(CAS_1, {"lignes": "beaucoup"}).score) == 0


def test_the_quote_mission_names_no_charge_its_variants_do_not_bill():
    # Regression: « Le devis du client » announced « frais de port » while the CGV of a
    # building, IT or water organisation bill « frais de déplacement » (and the form asks for
    # them under that name). Every sector's variant of the mission's step is checked.
    from agora.content.missions import ExerciseStep, load_missions
    from agora.content.secteurs import secteur_codes

    mission = load_missions()["le-devis-du-client"]
    etapes = [s for s in mission.etapes if isinstance(s, ExerciseStep) and s.kind == "devis"]
    texte = " ".join(
        [mission.resume, mission.histoire]
        + [getattr(s, champ, "") for s in mission.etapes for champ in ("contexte", "consigne")]
    ).lower()
    vus = set()
    for secteur in secteur_codes():
        organisation = generate_company(5, secteur)
        for step in etapes:
            variant = KIND.generate(11, step.niveau, organisation, step.options)
            libelle = variant.params["port"]["libelle"]
            vus.add(libelle)
            assert libelle in variant.enonce
            for autre in {"frais de port", "frais de déplacement"} - {libelle}:
                assert autre not in texte, (secteur, autre)
    assert vus == {"frais de port", "frais de déplacement"}


def test_the_charge_messages_use_the_cgv_word():
    # A building firm's CGV say « frais de déplacement »: the feedback says it too. Case 7 with
    # that word: 4 × 125 = 500 ≥ 500 franco, so 15,00 charged is the rule read the wrong way.
    p = devis([("A", "4", "125.00", "20")], (), ("frais de déplacement", "15.00", "500.00", "20"))
    answer = KIND.solve(p)
    answer["port_ht"] = "15.00"
    grade = KIND.grade(p, answer)
    (diagnostic,) = grade.diagnostics
    assert diagnostic.code == "PORT_MAL_APPLIQUE"
    assert "frais de déplacement" in diagnostic.message and "port" not in diagnostic.message
    champ = next(c for c in grade.champs if c.champ == "port_ht")
    assert "frais de déplacement" in champ.message and "port" not in champ.message
    # Port left out of the VAT base: 121,64 × 20 % = 24,328 → 24,33 (CAS_1, frais de port).
    (diagnostic,) = codes(CAS_1, taux__0__base_tva="121.64")[0].diagnostics
    assert diagnostic.message.startswith("Les frais de port sont soumis à la TVA")


def test_on_site_the_gap_messages_speak_of_work_done_not_of_a_delivery():
    # Case 11 for a firm that works on site (its CGV bill « frais de déplacement »): the order
    # is compared to a bon d'intervention, and the feedback says what was done, not delivered.
    lignes = [("A", "10", "10.00", "20"), ("B", "5", "10.00", "20")]
    sur_site = devis(
        lignes,
        port=("frais de déplacement", "15.00", "500.00", "20"),
        livraison=[("A", "6"), ("B", "8")],
    )
    for changes, dit in (
        ({"livraison__0__a_facturer": "10"}, "ce qui a été réalisé"),
        ({"livraison__1__a_facturer": "8"}, "faite en plus"),
    ):
        (diagnostic,) = codes(sur_site, **changes)[0].diagnostics
        assert "livr" not in diagnostic.message and dit in diagnostic.message
    livre = devis(
        lignes, port=("frais de port", "15.00", "500.00", "20"), livraison=[("A", "6"), ("B", "5")]
    )
    (diagnostic,) = codes(livre, livraison__0__a_facturer="10")[0].diagnostics
    assert "livré" in diagnostic.message


def test_a_public_service_quotes_its_tariffs_without_remise():
    """A water utility quotes the tariffs its assembly voted, the same for every usager: no
    « remise de fidélité » in its CGV and none in its quote (the same rule as its invoices);
    the other families keep their remises."""
    vues = Counter()
    for secteur in secteur_codes():
        for seed in range(6):
            organisation = generate_company(seed, secteur)
            public = famille_de(organisation) == "service_public"
            for niveau in (1, 2, 3):
                variant = KIND.generate(seed, niveau, organisation)
                p = variant.params
                vues[public] += 1
                if public:
                    assert p["remises"] == [], (secteur, seed, niveau)
                    assert "Remises accordées" not in variant.enonce
                    assert "ni remise" in variant.enonce
                    assert KIND.grade(p, KIND.solve(p)).score == 1
                else:
                    assert p["remises"], (secteur, seed, niveau)
    assert vues[True] and vues[False]


def test_the_invoice_of_a_public_services_quote_grants_no_reduction_nor_escompte():
    """The invoice that follows a water utility's quote bills the same public tariffs; and
    every quote delivers something to invoice (two short lines were both « manquant »)."""
    facture = get_kind("facture")
    publics = [s for s in secteur_codes() if famille_de(generate_company(0, s)) == "service_public"]
    assert publics
    for secteur in publics:
        for seed in range(6):
            organisation = generate_company(seed, secteur)
            for niveau in (1, 2, 3):
                quote = KIND.generate(seed, niveau, organisation)
                documents = {"devis": KIND.document(quote, organisation, None)}
                p = facture.reprendre(seed, niveau, organisation, {}, documents).params
                assert p["lignes"], (secteur, seed, niveau)
                assert p["reductions"] == [] and "escompte_taux" not in p, (secteur, seed)
                assert facture.grade(p, facture.solve(p)).score == 1


def test_the_statement_elides_de_before_the_organisations_name():
    # Teacher audit 11: « au service commercial de **Eau de Saint-Denis** ».
    import dataclasses

    from agora.company import generate_company
    from agora.exercise.registry import get_kind

    eau = dataclasses.replace(generate_company(3), raison_sociale="Eau de Saint-Denis")
    enonce = get_kind("devis").generate(3, 2, eau).enonce
    assert "commercial d'**Eau de Saint-Denis**" in enonce and "de **Eau" not in enonce


def test_the_form_gives_each_quantity_its_unit_in_the_plural_from_2():
    """« 41 couverts », « 8,5 heures », but « 1,5 heure » (plural from 2), « 1 pièce », and a
    symbol never takes an s (« 12 m² »); a word ending in -s stays as it is (« 6 mois »)."""
    import re

    import agora
    from agora.exercise.forms import AnswerForm
    from agora.web.templating import make_environment

    rows = [("41", "couvert"), ("8.5", "heure"), ("1.5", "heure"), ("1", "pièce")]
    rows += [("9", "personne"), ("12", "m²"), ("6", "mois"), ("3", "plateau"), ("2", "kg")]
    params = devis([(f"R{i}", q, "1.00", "20") for i, (q, _) in enumerate(rows)])
    for line, (_, unite) in zip(params["lignes"], rows, strict=True):
        line["unite"] = unite
    form = make_environment(agora.TEMPLATES_DIR).get_template("exercise/devis/form.html")
    html = form.render(params=params, niveau=2, form=AnswerForm())
    shown = re.findall(r'data-label="Quantité">([^<]*)</td>', html)
    assert shown == [
        "41 couverts",
        "8,5 heures",
        "1,5 heure",
        "1 pièce",
        "9 personnes",
        "12 m²",
        "6 mois",
        "3 plateaux",
        "2 kg",
    ]
