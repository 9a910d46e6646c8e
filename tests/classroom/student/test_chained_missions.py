"""Missions whose steps follow one another: the credit note on the student's invoice, the VAT
return of the month of their sale or purchase, the reminder of what their customer still owes."""

from decimal import Decimal

from agora.classroom.service import step_variant
from agora.content.missions import get_mission
from agora.exercise.registry import get_kind
from agora.exercise.variants import company_for


def test_the_disputed_invoice_credit_note_is_on_the_invoice_the_student_made(make_student):
    # « La facture contestée »: the credit note of step 2 is on the step 1 invoice (its number,
    # customer and lines), for every organisation that sells.
    from agora.exercise.kinds.facture.generate import document as facture_document

    mission = get_mission("la-facture-contestee")
    chained = 0
    for org_seed in range(6):
        student = make_student(org_seed=org_seed)
        invoice = facture_document(step_variant(student, mission, 0), company_for(org_seed))
        if invoice["achat"] or invoice["client"] is None:
            continue  # an organisation outside VAT checks a purchase: drawn as usual
        credit = step_variant(student, mission, 1)
        assert credit.params["facture"]["numero"] == invoice["numero"]
        assert [ligne["reference"] for ligne in credit.params["facture"]["lignes"]] == [
            ligne["reference"] for ligne in invoice["facture"]["lignes"]
        ]
        assert invoice["numero"] in credit.enonce
        chained += 1
    assert chained >= 4


def test_the_invoice_made_at_step_one_is_among_the_sales_of_the_vat_return(make_student):
    # « De la facture à la déclaration de TVA »: the return of step 2 is for the month of the
    # step 1 invoice, whose VAT bases (by rate) are among the month's sales.
    from agora.exercise.kinds.facture.generate import document as facture_document

    mission = get_mission("de-la-facture-a-la-declaration-de-tva")
    chained = 0
    for org_seed in range(6):
        student = make_student(org_seed=org_seed)
        invoice_variant = step_variant(student, mission, 0)
        invoice = facture_document(invoice_variant, company_for(org_seed))
        if invoice["achat"] or invoice["client"] is None:
            continue  # an organisation outside VAT checks a purchase: drawn as usual
        bases = {
            (g["taux"], g["base"])
            for g in get_kind("facture").solve(invoice_variant.params)["tva"]
            if g["taux"] != "0"
        }
        declaration = step_variant(student, mission, 1)
        p = declaration.params
        assert p["periode"] == invoice["date"][:7]
        repris = {
            (v["taux"], v["montant_ht"]) for v in p["ventes"] if invoice["numero"] in v["libelle"]
        }
        assert repris == bases
        assert invoice["numero"] in declaration.enonce
        kind = get_kind("declaration_tva")
        assert kind.grade(p, kind.solve(p)).score == 1
        chained += 1
    assert chained >= 4


def test_the_invoices_left_unpaid_are_reminded_at_the_end_of_the_month(make_student):
    # « Les impayés après les encaissements »: what the customer of step 1 still owes is in the
    # month-end balance of step 2, with what was already received, and the letter is for them.
    from agora.exercise.kinds.encaissements.generate import document as encaissements_document

    mission = get_mission("les-impayes-apres-les-encaissements")
    chained = 0
    for org_seed in range(6):
        student = make_student(org_seed=org_seed)
        owed = encaissements_document(step_variant(student, mission, 0), company_for(org_seed))
        reminding = step_variant(student, mission, 1)
        if not owed["factures"] or "à l'étape 1 de la mission" not in reminding.enonce:
            continue  # nothing owed, or no official rate known for that month: drawn as usual
        p = reminding.params
        assert p["lettre_client"] == owed["client"]["nom"]
        repris = {f["numero"]: f for f in p["factures"]}
        for f in owed["factures"]:
            paye = Decimal(f["montant_ttc"]) - Decimal(f["reste_du"])
            assert Decimal(repris[f["numero"]]["deja_paye"]) == paye
        chained += 1
    assert chained >= 3


def test_the_supplier_invoice_checked_at_step_one_is_deducted_in_the_vat_return(make_student):
    # « La facture du fournisseur et la TVA du mois »: the return of step 2 is for the month of
    # the step 1 supplier invoice, whose VAT by rate (as printed) is among the purchases.
    from agora.exercise.kinds.facture_achat.generate import document as achat_document

    mission = get_mission("la-facture-fournisseur-et-la-tva-du-mois")
    chained = 0
    for org_seed in range(8):
        student = make_student(org_seed=org_seed)
        recue = achat_document(step_variant(student, mission, 0), company_for(org_seed))
        declaration = step_variant(student, mission, 1)
        if recue["numero"] not in declaration.enonce:
            # Refused, or VAT not recoverable (an association): drawn as usual.
            assert recue["decision"] == "refuser" or not recue["tva_recuperable"]
            continue
        p = declaration.params
        assert p["periode"] == recue["date"][:7]
        repris = [a for a in p["achats"] if a["piece"] == recue["numero"]]
        assert [(a["montant_ht"], a["tva"]) for a in repris] == [
            (g["base"], g["montant"]) for g in recue["tva"]
        ]
        kind = get_kind("declaration_tva")
        assert kind.grade(p, kind.solve(p)).score == 1
        chained += 1
    assert chained >= 3


def test_the_supplier_transfers_of_step_three_are_reconciled_at_step_four(make_student):
    # « La fin de mois à la banque »: the reconciliation of step 4 is for the month of the
    # step 3 transfers, whose remittance is in the 512 ledger on the payment day.
    from agora.exercise.kinds.reglements_fournisseurs.generate import document as virements_de

    mission = get_mission("la-fin-de-mois-a-la-banque")
    for org_seed in range(4):
        student = make_student(org_seed=org_seed)
        virements = virements_de(step_variant(student, mission, 2), company_for(org_seed))
        rapprochement = step_variant(student, mission, 3)
        p = rapprochement.params
        assert p["periode"] == virements["date"][:7]
        remise = [c for c in p["compte_512"] if c.get("ref") == virements["reference"]]
        assert [c["credit"] for c in remise] == [virements["total"]]
        kind = get_kind("rapprochement")
        assert kind.grade(p, kind.solve(p)).score == 1
