"""rapprochement built on an earlier step (``depuis``): the week's supplier transfers of a
``reglements_fournisseurs`` step are one remittance of the month, in the 512 ledger and on the
statement; drawn as usual when nothing was paid."""

from __future__ import annotations

from agora.company import generate_company
from agora.exercise.registry import get_kind
from agora.exercise.variants import build_variant, documents_of, source_of

KIND = get_kind("rapprochement")


def _document(total: str, jour: str) -> dict:
    return {
        "date": jour,
        "reference": "VIR20260330-123",
        "total": total,
        "virements": [{"facture": "F1", "fournisseur": "Moulins", "montant": total}],
    }


def test_the_transfers_the_student_prepared_are_in_the_ledger_and_on_the_statement():
    for seed in range(6):
        source = source_of("reglements_fournisseurs", 2, seed, None)
        virements = documents_of("rapprochement", source, seed)["virements"]
        chained = build_variant("rapprochement", 2, seed + 100, seed, None, source)
        p = chained.params
        assert p["periode"] == virements["date"][:7]  # the month of the payment day
        ref = virements["reference"]
        ledger = [c for c in p["compte_512"] if c.get("ref") == ref]
        releve = [b for b in p["releve"] if b.get("ref") == ref]
        assert [(c["date"], c["credit"]) for c in ledger] == [
            (virements["date"], virements["total"])
        ]
        assert [b["debit"] for b in releve] in ([virements["total"]], [])
        assert ref in chained.enonce
        assert KIND.grade(p, KIND.solve(p)).score == 1


def test_paid_on_a_months_last_day_the_remittance_is_still_pending_at_the_bank():
    # Paid on Tuesday 31 March: the bank debits it on 1 April, so on the 31 March
    # reconciliation it is a ledger-only payment, deducted on the bank's side.
    organisation = generate_company(3)
    chained = KIND.reprendre(
        5, 2, organisation, {}, {"virements": _document("4321.09", "2026-03-31")}
    )
    p, s = chained.params, KIND.solve(chained.params)
    ligne = next(c for c in p["compte_512"] if c.get("ref") == "VIR20260330-123")
    assert (p["periode"], ligne["credit"]) == ("2026-03", "4321.09")
    assert not any(b.get("ref") == "VIR20260330-123" for b in p["releve"])
    assert ligne["id"] in s["cote_banque"]["deductions"]


def test_nothing_paid_gives_the_usual_month():
    organisation = generate_company(3)
    usual = KIND.generate(5, 2, organisation)
    nothing = KIND.reprendre(5, 2, organisation, {}, {"virements": _document("0.00", "2026-03-31")})
    assert nothing == usual
