"""The reminder letter: the model the solver writes, and the automatic pre-checks of a student's
letter (each late invoice of the customer cited with its number, amount and due date). The rest
of the letter (tone, structure, language) is for the teacher's rubric."""

from __future__ import annotations

from datetime import date
from typing import Any

from agora.calendrier import date_longue
from agora.exercise.citations import Citations
from agora.exercise.kinds.relances.params import Balance, Facture
from agora.exercise.kinds.relances.solve import echeance, niveau_relance
from agora.money import euros

OBJETS = {
    "aucune": "Rappel de facture",
    "relance_amiable": "Relance amiable : facture non réglée",
    "deuxieme_relance": "Deuxième relance : facture non réglée",
    "mise_en_demeure": "Mise en demeure de payer",
}
DEMANDES = {
    "aucune": "Nous vous remercions de bien vouloir la régler à son échéance.",
    "relance_amiable": "Il s'agit sans doute d'un oubli. Nous vous remercions de bien vouloir "
    "régler cette somme dès réception de ce courrier.",
    "deuxieme_relance": "Malgré notre premier rappel, nous n'avons pas reçu votre paiement. "
    "Nous vous demandons de régler cette somme sous huit jours.",
    "mise_en_demeure": "Malgré nos relances, cette somme reste impayée. Par la présente, nous "
    "vous mettons en demeure de la régler sous huit jours. À défaut, nous engagerons une "
    "procédure de recouvrement.",
}


def en_retard(b: Balance, echeances: list[date]) -> list[tuple[Facture, date]]:
    """The invoices of the letter's customer that are late on the day of the balance, with
    their due dates (``echeances``: those of every invoice, worked out once by the caller)."""
    client, jour_balance = b.lettre_client, b.date_balance
    return [
        (f, jour)
        for f, jour in zip(b.factures, echeances, strict=True)
        if f.client == client and jour < jour_balance
    ]


def _ligne(f: Facture, jour: date) -> str:
    reste = euros(f.montant_ttc - f.deja_paye)
    return f"- facture n° {f.numero}, échéance du {jour:%d/%m/%Y}, reste dû : {reste} ;"


def _organisation(params: dict[str, Any]) -> tuple[str, str]:
    org = params.get("organisation")
    org = org if isinstance(org, dict) else {}
    nom, ville = org.get("nom"), org.get("ville")
    return (nom if isinstance(nom, str) else "Le service comptable"), (
        ville if isinstance(ville, str) else ""
    )


def modele(b: Balance, params: dict[str, Any]) -> str:
    """A letter that passes the checks: the step the most late invoice calls for."""
    factures = en_retard(b, [echeance(f) for f in b.factures])
    retard = max(((b.date_balance - jour).days for _, jour in factures), default=0)
    etape = niveau_relance(b, retard)
    nom, ville = _organisation(params)
    lieu = f"{ville}, le " if ville else "Le "
    lignes = [
        nom,
        f"{lieu}{date_longue(b.date_balance)}",
        "",
        f"À l'attention de : {b.lettre_client}",
        f"Objet : {OBJETS[etape]}",
        "",
        "Madame, Monsieur,",
        "",
        "Sauf erreur de notre part, les factures suivantes ne sont pas réglées :",
        *[_ligne(f, jour) for f, jour in factures],
        "",
        DEMANDES[etape],
        "Si votre paiement a été envoyé entre-temps, merci de ne pas tenir compte de ce courrier.",
        "",
        "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.",
        "",
        f"Le service comptable, {nom}",
    ]
    return "\n".join(lignes)


def manques(b: Balance, texte: str, echeances: list[date]) -> list[str]:
    """What the letter leaves out, in French (empty when every late invoice is cited whole);
    ``echeances``: the due date of every invoice."""
    cite = Citations.de(texte)
    oublis = []
    for f, jour in en_retard(b, echeances):
        if not cite.cite_numero(f.numero):
            oublis.append(f"le numéro de la facture {f.numero}")
        montants = (f.montant_ttc - f.deja_paye, f.montant_ttc)
        if not any(cite.cite_montant(mt) for mt in montants):
            oublis.append(f"le montant restant dû de la facture {f.numero} ({euros(montants[0])})")
        if not cite.cite_jour(jour):
            oublis.append(f"l'échéance de la facture {f.numero} ({jour:%d/%m/%Y})")
    return oublis
