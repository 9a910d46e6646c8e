"""The check of a supplier's bank details before a transfer (schwifty): the IBAN printed on the
invoice is the one of the supplier file, its check digits are right (ISO 13616, modulo 97),
and the BIC is well formed and of the IBAN's country (ISO 9362: its letters 5 and 6)."""

from __future__ import annotations

from functools import lru_cache

from schwifty import BIC, IBAN
from schwifty.exceptions import SchwiftyException

# Why bank details are refused, in the order they are checked (the contract's codes).
IBAN_MODIFIE = "iban_modifie"
CLE_IBAN = "cle_iban"
BIC_PAYS = "bic_pays"
MOTIFS = {
    IBAN_MODIFIE: "l'IBAN de la facture n'est pas celui du fichier fournisseurs",
    CLE_IBAN: "la clé de contrôle de l'IBAN est fausse",
    BIC_PAYS: "le BIC n'est pas du même pays que l'IBAN",
}


@lru_cache(maxsize=4096)
def iban_valide(iban: str) -> bool:
    """The IBAN's length, format and check digits are right for its country."""
    try:
        IBAN(iban)
    except (SchwiftyException, ValueError):
        return False
    return True


@lru_cache(maxsize=4096)
def pays_bic(bic: str) -> str | None:
    """The country of a well-formed BIC, None when it is not one."""
    try:
        return BIC(bic).country_code
    except (SchwiftyException, ValueError):
        return None


def motifs_refus(iban_fichier: str, bic_fichier: str, iban: str, bic: str) -> tuple[str, ...]:
    """Every reason to refuse these bank details (empty: the transfer may go)."""
    motifs = []
    if iban != iban_fichier or bic != bic_fichier:
        motifs.append(IBAN_MODIFIE)
    if not iban_valide(iban):
        motifs.append(CLE_IBAN)
    if pays_bic(bic) != iban[:2]:
        motifs.append(BIC_PAYS)
    return tuple(motifs)
