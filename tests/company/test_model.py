"""What the organisation's model says of its own data: which catalogue lines a customer may buy."""

from agora.company.model import pour_ce_client


def test_building_works_are_sold_to_the_customer_they_are_meant_for():
    # A household is not sold works on business premises, a business none in a home.
    assert not pour_ce_client("Rénovation de local professionnel (m²)", particulier=True)
    assert pour_ce_client("Rénovation de local professionnel (m²)", particulier=False)
    assert not pour_ce_client("Isolation des combles d'un logement (m²)", particulier=False)
    assert pour_ce_client("Isolation des combles d'un logement (m²)", particulier=True)
    assert pour_ce_client("Baguette tradition", particulier=True)
