"""The week's transfers as a SEPA credit-transfer file (ISO 20022 pain.001.001.03), made with
sepaxml and checked against the pain.001.001.03 schema sepaxml ships.

The file is the same bytes for the same params: its message id is the params' remittance
reference, its creation time is the payment day at 08:00, its payment block is numbered from
the reference (sepaxml draws them from the clock and a random source: they are replaced).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from agora.errors import InvalidInput
from agora.exercise.kinds.reglements_fournisseurs import solve as calc
from agora.exercise.kinds.reglements_fournisseurs.answer import ANSWER_SCHEMA
from agora.exercise.kinds.reglements_fournisseurs.params import (
    FactureFournisseur,
    Reglements,
    lire_params,
)
from agora.money import cents

SCHEMA = "pain.001.001.03"
_NON_SEPA = re.compile(r"[^A-Za-z0-9/\-?:().,'+ ]")


def _identifiant(texte: str) -> str:
    """A text in the SEPA character set, at most 35 characters (an end-to-end id)."""
    return _NON_SEPA.sub("-", texte)[:35]


def pain001(r: Reglements, paiements: list[tuple[FactureFournisseur, Decimal]]) -> bytes | None:
    """The pain.001 XML of these transfers (supplier invoice, amount), None when there is
    none; each to the supplier file's bank details, on the payment day, in one batch."""
    from sepaxml import SepaTransfer

    # In cents, rounded half up (sepaxml takes whole cents); nothing below one cent is sent.
    virements = [(f, int(cents(montant) * 100)) for f, montant in paiements]
    virements = [(f, centimes) for f, centimes in virements if centimes > 0]
    if not virements:
        return None
    config = {
        "name": r.organisation,
        "IBAN": r.iban,
        "BIC": r.bic,
        "batch": True,
        "currency": "EUR",
    }
    fichier = SepaTransfer(config, schema=SCHEMA, clean=True)
    for f, centimes in virements:
        fichier.add_payment(
            {
                "name": f.fournisseur,
                "IBAN": f.iban_fichier,
                "BIC": f.bic_fichier,
                "amount": centimes,
                "execution_date": r.date_paiement,
                "description": f"Facture {f.numero}",
                "endtoend_id": _identifiant(f.numero),
            }
        )
    xml = fichier.export(validate=False)
    return _fige(xml, r)


def _fige(xml: bytes, r: Reglements) -> bytes:
    """The clock's and the random source's values replaced by ones from the params."""
    reference = _identifiant(r.reference).encode()
    quand = f"{r.date_paiement.isoformat()}T08:00:00".encode()
    xml = re.sub(rb"<MsgId>[^<]*</MsgId>", b"<MsgId>" + reference + b"</MsgId>", xml)
    xml = re.sub(rb"<CreDtTm>[^<]*</CreDtTm>", b"<CreDtTm>" + quand + b"</CreDtTm>", xml)
    bloc = reference[:33] + b"-1"  # at most 35 characters, as the schema wants
    return re.sub(rb"<PmtInfId>[^<]*</PmtInfId>", b"<PmtInfId>" + bloc + b"</PmtInfId>", xml)


@cache
def _schema() -> Any:
    import sepaxml
    import xmlschema

    xsd = Path(sepaxml.__file__).parent / "schemas" / f"{SCHEMA}.xsd"
    return xmlschema.XMLSchema(str(xsd))


def valide(xml: bytes) -> None:
    """Check the file against the pain.001.001.03 schema; InvalidInput (French) if it fails."""
    erreur = next(iter(_schema().iter_errors(xml.decode("utf-8"))), None)
    if erreur is not None:
        raise InvalidInput(f"Fichier SEPA non conforme au schéma {SCHEMA} : {erreur.reason}")


def fichier_reference(params: Any) -> bytes | None:
    """The pain.001 file of the reference solution's transfers."""
    r = lire_params(params)
    valeurs = calc.calcule(r)
    paiements = [
        (f, valeurs[f"factures.{i}.montant"])
        for i, f in enumerate(r.factures)
        if valeurs[f"factures.{i}.decision"] == calc.PAYER
    ]
    return pain001(r, paiements)


def fichier_eleve(params: Any, answer: Any) -> bytes | None:
    """The pain.001 file of the transfers the student chose: each invoice they decided to pay,
    with the amount they wrote (an unreadable amount leaves the invoice out)."""
    r = lire_params(params)
    lecture = ANSWER_SCHEMA.read(answer)
    paiements = []
    for i, f in enumerate(r.factures):
        choix = lecture.valeur("factures", i, "decision")
        montant = lecture.valeur("factures", i, "montant")
        if choix == calc.PAYER and isinstance(montant, Decimal) and montant < 10**9:
            paiements.append((f, montant))
    return pain001(r, paiements)
