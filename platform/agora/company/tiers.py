"""The organisation's surroundings: addresses, customers, suppliers, catalogue, grants."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from agora.company import identifiers
from agora.company.model import Adresse, Article, Client, Fournisseur, Subvention
from agora.company.people import Generation, personne
from agora.content.secteurs import Commune, communes_proches, load_communes
from agora.francais import elidable
from agora.money import cents

DOMAINES_PERSONNELS = ("orange.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr", "outlook.fr")
DELAIS_FOURNISSEURS = (30, 30, 45, 60)
# SIREN prefixes of private companies (public bodies start with 1 or 2).
PREFIXES_ENTREPRISES = ["3", "4", "5", "7", "8", "9"]


def commune(gen: Generation, pres_de: str | None = None) -> Commune:
    """A commune of the table: anywhere, or in the département of the postcode ``pres_de`` or a
    neighbouring one (one draw either way)."""
    return gen.rng.choice(communes_proches(pres_de) if pres_de else load_communes())


def adresse(gen: Generation, lieu: Commune) -> Adresse:
    """A Faker street in a real commune, so that postcode and city always agree; « rue de
    Étienne » becomes « rue d'Étienne » (a surname: elided, never contracted)."""
    rue = gen.fake.street_address()
    avant, de_, nom = rue.partition(" de ")
    if de_ and elidable(nom):
        rue = f"{avant} d'{nom}"
    return Adresse(rue=rue, code_postal=lieu.code_postal, ville=lieu.ville)


def nom_depuis_modele(gen: Generation, modele: str, ville: str) -> str:
    """Fill a name pattern of the sector ({nom}, {nom2}, {prenom}, {ville})."""
    nom = gen.fake.last_name()
    nom2 = gen.fake.last_name()
    while nom2 == nom:
        nom2 = gen.fake.last_name()
    prenom = gen.fake.first_name()
    return elide(modele.format(nom=nom, nom2=nom2, prenom=prenom, ville=ville))


def elide(text: str) -> str:
    """French elision and contraction: « de Avignon » → « d'Avignon », « de Le Mans » → « du Mans »."""
    text = re.sub(r"\b([Dd])e Le ", r"\1u ", text)
    text = re.sub(r"\b([Dd])e Les ", r"\1es ", text)
    text = re.sub(r"-de-([AEIOUYHÉÈÊÂÎÔ])", r"-d'\1", text)
    return re.sub(r"\b([Dd])e ([AEIOUYHÉÈÊÂÎÔ])", r"\1'\2", text)


# Little words a domain name leaves out (« Régie de l'eau du Pays » → regie-eau-pays).
MOTS_VIDES = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "au", "aux"})


def slug(text: str, limit: int = 40, *, garder_mots_vides: bool = False) -> str:
    """ASCII, lower case, words joined by hyphens, cut between words: for domains and e-mails."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = [w for w in re.split(r"[^a-z0-9]+", ascii_text.lower()) if w]
    kept = words if garder_mots_vides else [w for w in words if w not in MOTS_VIDES] or words
    result = kept[0][:limit]
    for word in kept[1:]:
        if len(result) + 1 + len(word) > limit:
            break
        result += "-" + word
    return result


def clients(gen: Generation, relation: str, siege: Adresse) -> tuple[Client, ...]:
    """12 to 24 customers: businesses (SIRET, VAT) and individuals (particulier/usager/adhérent),
    all in the département of the organisation's ``siege`` or a neighbouring one."""
    count = gen.rng.randint(12, 24)
    part = float(gen.secteur.part_clients_entreprises)
    individual = "particulier" if relation == "client" else relation
    seen: set[str] = set()
    result = []
    while len(result) < count:
        code = f"C{len(result) + 1:03d}"
        lieu = commune(gen, siege.code_postal)
        if gen.rng.random() < part:
            client = _client_entreprise(gen, code, lieu)
        else:
            client = _client_personne(gen, code, lieu, individual)
        if client.nom not in seen:
            seen.add(client.nom)
            result.append(client)
    return tuple(result)


def _client_entreprise(gen: Generation, code: str, lieu: Commune) -> Client:
    nom = nom_depuis_modele(gen, gen.rng.choice(gen.secteur.clients_entreprises), lieu.ville)
    siren = identifiers.siren(gen.rng, PREFIXES_ENTREPRISES)
    return Client(
        code=code,
        nom=nom,
        type="entreprise",
        adresse=adresse(gen, lieu),
        email=f"comptabilite@{slug(nom, 30)}.fr",
        siret=identifiers.siret(siren, gen.rng.randint(1, 5)),
        tva_intracom=identifiers.tva_intracom(siren),
    )


def _client_personne(gen: Generation, code: str, lieu: Commune, kind: str) -> Client:
    prenom, nom, _ = personne(gen)
    domaine = gen.rng.choice(DOMAINES_PERSONNELS)
    return Client(
        code=code,
        nom=f"{prenom} {nom}",
        type=kind,
        adresse=adresse(gen, lieu),
        email=f"{slug(prenom, garder_mots_vides=True)}.{slug(nom, garder_mots_vides=True)}@{domaine}",
    )


def fournisseurs(gen: Generation, siege: Adresse) -> tuple[Fournisseur, ...]:
    """3 to 6 suppliers (and the sector's permanent ones) with SIRET, VAT number, bank details and payment terms (≤ 60 days): the
    national ones anywhere, the others near the organisation's ``siege`` (same or neighbouring
    département)."""
    modeles = gen.secteur.fournisseurs
    nationaux = set(gen.secteur.fournisseurs_nationaux)
    chosen = gen.rng.sample(modeles, gen.rng.randint(3, min(6, len(modeles))))
    chosen += gen.secteur.fournisseurs_permanents
    result = []
    for rank, modele in enumerate(chosen, 1):
        lieu = commune(gen, None if modele in nationaux else siege.code_postal)
        nom = nom_depuis_modele(gen, modele, lieu.ville)
        siren = identifiers.siren(gen.rng, PREFIXES_ENTREPRISES)
        _, iban, bic = identifiers.compte_bancaire(gen.rng)
        result.append(
            Fournisseur(
                code=f"F{rank:03d}",
                nom=nom,
                adresse=adresse(gen, lieu),
                email=f"commandes@{slug(nom, 30)}.fr",
                siret=identifiers.siret(siren, gen.rng.randint(1, 5)),
                tva_intracom=identifiers.tva_intracom(siren),
                iban=iban,
                bic=bic,
                delai_paiement_jours=gen.rng.choice(DELAIS_FOURNISSEURS),
            )
        )
    return tuple(result)


def catalogue(gen: Generation) -> tuple[Article, ...]:
    """Most of the sector's catalogue pattern (all its essential lines), prices drawn in range,
    stock for stocked goods."""
    modeles = gen.secteur.catalogue
    keep = gen.rng.randint(max(5, len(modeles) - 4), len(modeles))
    essentiels = [i for i, modele in enumerate(modeles) if modele.essentiel]
    autres = [i for i, modele in enumerate(modeles) if not modele.essentiel]
    kept = sorted(essentiels + gen.rng.sample(autres, max(0, keep - len(essentiels))))
    prefix = gen.secteur.prefixe_reference
    result = []
    for rank, index in enumerate(kept, 1):
        modele = modeles[index]
        low, high = modele.prix_ht.min, modele.prix_ht.max
        # Prices end in 0 or 5 cents, as price lists usually do.
        steps = int((high - low) / Decimal("0.05"))
        prix = cents(low + Decimal("0.05") * gen.rng.randint(0, steps))
        stock, minimum = _stock(gen) if modele.stocke else (0, 0)
        result.append(
            Article(
                reference=f"{prefix}-{rank * 10:04d}",
                designation=modele.designation,
                unite=modele.unite,
                prix_ht=prix,
                taux_tva=modele.taux_tva,
                stock=stock,
                stock_minimum=minimum,
            )
        )
    return tuple(result)


def _stock(gen: Generation) -> tuple[int, int]:
    minimum = gen.rng.randint(2, 25)
    # About one item in eight is below its minimum: something to reorder in the exercises.
    if gen.rng.random() < 0.125:
        return gen.rng.randint(0, minimum - 1), minimum
    return gen.rng.randint(minimum, minimum * 8), minimum


def subventions(gen: Generation, ville: str) -> tuple[Subvention, ...]:
    """The grants of the year, for the sectors that receive some (associations)."""
    result = []
    for modele in gen.secteur.subventions:
        low, high = modele.montant.min, modele.montant.max
        montant = cents(low + (high - low) * Decimal(gen.rng.randrange(101)) / 100)
        result.append(
            Subvention(
                financeur=elide(modele.financeur.format(ville=ville)),
                objet=modele.objet,
                montant=montant,
            )
        )
    return tuple(result)
