"""The bank-details check of reglements_fournisseurs says what schwifty says, for valid codes of
every country of schwifty's registry and for the ways a code gets mistyped or tampered with."""

import random
import string

import pytest
from schwifty import BIC, IBAN, registry
from schwifty.exceptions import SchwiftyException

from agora.exercise.kinds.reglements_fournisseurs.rib import iban_valide, pays_bic

_PAYS = [a + b for a in string.ascii_uppercase for b in string.ascii_uppercase]
_AUTRES = string.ascii_uppercase + string.digits + "az é٣０ß-"


def _schwifty_iban(texte: str) -> bool:
    try:
        IBAN(texte)
    except (SchwiftyException, ValueError):
        return False
    return True


def _schwifty_bic(texte: str) -> str | None:
    try:
        return BIC(texte).country_code
    except (SchwiftyException, ValueError):
        return None


def _abime(rng: random.Random, texte: str) -> str:
    """One mistake of a typist or a fraudster: a character changed, two swapped, lower case,
    blanks, one missing or one too many, the check digits forced."""
    i = rng.randrange(len(texte))
    j = rng.randrange(len(texte))
    choix = rng.randrange(7)
    if choix == 0:
        return texte[:i] + rng.choice(_AUTRES) + texte[i + 1 :]
    if choix == 1:
        lettres = list(texte)
        lettres[i], lettres[j] = lettres[j], lettres[i]
        return "".join(lettres)
    if choix == 2:
        return texte.lower()
    if choix == 3:
        return " ".join(texte[k : k + 4] for k in range(0, len(texte), 4))
    if choix == 4:
        return texte[:i] + texte[i + 1 :]
    if choix == 5:
        return texte + rng.choice(string.digits)
    return texte[:2] + rng.choice(["00", "01", "99", "98", "02"]) + texte[4:]


def _ibans_valides(rng: random.Random) -> list[str]:
    ibans = []
    for pays in _PAYS:
        try:
            registry.get_iban_spec(pays)
        except SchwiftyException:
            continue
        ibans.append(str(IBAN.random(country_code=pays, random=rng)).replace(" ", ""))
    return ibans


@pytest.mark.parametrize("graine", range(3))
def test_an_iban_is_valid_exactly_when_schwifty_says_so(graine):
    rng = random.Random(graine)
    valides = _ibans_valides(rng)
    textes = valides + [_abime(rng, rng.choice(valides)) for _ in range(3000)]
    assert any(not _schwifty_iban(t) for t in textes) and any(map(_schwifty_iban, textes))
    for texte in textes:
        assert iban_valide(texte) == _schwifty_iban(texte), texte


@pytest.mark.parametrize("graine", range(3))
def test_a_bic_has_the_country_schwifty_reads_in_it(graine):
    rng = random.Random(graine)
    bics = ["AGRIFRPP", "BNPAFRPPXXX", "DEUTDEFF", "COBADEFFXXX", "BCEELULL", "UBSWCHZH80A"]
    textes = bics + [_abime(rng, rng.choice(bics)) for _ in range(3000)]
    for texte in textes:
        assert pays_bic(texte) == _schwifty_bic(texte), texte
