"""The rows of each register, drawn in the organisation's sector: a conforming row, a planted
non-conformity, or a level-3 trap (a value exactly at its limit, a DDM passed, a lot number one
digit away from a recalled one). Every row's kind is checked by ``controles`` afterwards."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from agora.exercise.kinds.conformite.controles import plus_mois
from agora.exercise.kinds.conformite.regles import load_regles

# The register each sector keeps; any other sector keeps the safety register.
REGISTRE_DU_SECTEUR = {
    "boulangerie": "haccp",
    "restaurant": "haccp",
    "grossiste_fournitures": "tracabilite",
    "batiment": "chantier",
    "regie_eau": "eau",
}
FROID_POSITIF = ("Chambre froide positive", "Réfrigérateur du laboratoire", "Vitrine réfrigérée")
FROID_NEGATIF = ("Congélateur", "Chambre froide négative", "Armoire de congélation")
PRODUITS_DLC = {
    "boulangerie": (
        "Crème liquide 35 %",
        "Lait entier",
        "Crème pâtissière maison",
        "Jambon cuit en tranches",
        "Fromage blanc",
        "Œufs liquides pasteurisés",
    ),
    "restaurant": (
        "Filets de poulet",
        "Steaks hachés",
        "Crème fraîche",
        "Saumon frais",
        "Yaourts nature",
        "Lardons fumés",
    ),
}
PRODUITS_DDM = {
    "boulangerie": (
        "Farine T65",
        "Chocolat de couverture",
        "Sucre glace",
        "Levure sèche",
        "Amandes en poudre",
    ),
    "restaurant": (
        "Pâtes sèches",
        "Riz basmati",
        "Huile d'olive",
        "Tomates pelées en conserve",
        "Café en grains",
    ),
}
METIERS = ("Électricité", "Plomberie", "Charpente", "Carrelage", "Maçonnerie", "Plâtrerie")
NOMS = ("Martin", "Bernard", "Petit", "Durand", "Leroy", "Moreau", "Garnier", "Roux", "Fabre")
POINTS_EAU = (
    "Station de traitement",
    "Réservoir du haut service",
    "Robinet de la mairie",
    "Robinet de l'école",
    "Sortie du captage",
    "Robinet d'un usager",
)
LIEUX = ("accueil", "bureaux", "réserve", "atelier", "étage", "local technique")
EQUIPEMENTS = {
    "tracabilite": ("chariot_elevateur", "extincteurs", "electricite"),
    "chantier": ("echafaudage", "nacelle", "extincteurs"),
    "securite": ("extincteurs", "electricite", "eclairage_securite", "alarme_incendie"),
}
# Per analysed parameter: decimals printed, conforming range, non-conforming range.
ANALYSES = {
    "e_coli": (0, (0, 0), (1, 40)),
    "enterocoques": (0, (0, 0), (1, 25)),
    "nitrates": (0, (5, 45), (51, 80)),
    "nitrites": (2, (1, 40), (55, 120)),  # hundredths of mg/L
    "plomb": (0, (1, 8), (11, 30)),
    "arsenic": (0, (1, 8), (11, 25)),
    "pesticide": (2, (1, 8), (11, 40)),  # hundredths of µg/L
}


def _jour(texte: date) -> str:
    return texte.isoformat()


def _ligne(controle: str, jour: date, objet: str, **champs: Any) -> dict[str, Any]:
    row = {
        "date": _jour(jour),
        "controle": controle,
        "objet": objet,
        "code": None,
        "valeur": None,
        "echeance": None,
        "lot": None,
        "fournisseur": None,
    }
    row.update(champs)
    return row


def _dixiemes(rng: random.Random, bas: int, haut: int) -> str:
    return str(Decimal(rng.randint(bas, haut)).scaleb(-1))


class Tirage:
    """What a row is drawn from: the random stream, the day of the check, the organisation, the
    level (non-conformities by a single day or a tenth at level 3) and the recalled lots."""

    def __init__(self, rng: random.Random, controle: date, organisation: Any, niveau: int):
        self.rng, self.controle, self.org = rng, controle, organisation
        self.subtil = niveau == 3
        self.rappels: list[str] = []
        self.verifies: set[tuple[str, str]] = set()
        self.secteur = (
            organisation.secteur if organisation.secteur in PRODUITS_DLC else "restaurant"
        )

    def recent(self, jours: int = 13) -> date:
        return self.controle - timedelta(days=self.rng.randint(0, jours))

    def depasse(self, haut: int) -> int:
        """How many days a date is passed: one at level 3, up to ``haut`` below."""
        return 1 if self.subtil else self.rng.randint(1, haut)

    def froid(self, mode: str, negatif: bool) -> dict[str, Any]:
        rng = self.rng
        if negatif:
            valeur = {
                "ok": _dixiemes(rng, -250, -185),
                "nc": _dixiemes(rng, -175, -100),
                "piege": "-18.0",
            }[mode]
            objet = rng.choice(FROID_NEGATIF)
        else:
            haut = 44 if self.subtil else 90
            valeur = {"ok": _dixiemes(rng, 5, 35), "nc": _dixiemes(rng, 41, haut), "piege": "4.0"}[
                mode
            ]
            objet = rng.choice(FROID_POSITIF)
        controle = "froid_negatif" if negatif else "froid_positif"
        return _ligne(controle, self.recent(), objet, valeur=valeur)

    def dlc(self, mode: str) -> dict[str, Any]:
        c = self.controle
        echeance = {
            "ok": c + timedelta(days=self.rng.randint(1, 8)),
            "nc": c - timedelta(days=self.depasse(4)),
            "piege": c,
        }[mode]
        produit = self.rng.choice(PRODUITS_DLC[self.secteur])
        return _ligne(
            "dlc",
            self.recent(10) - timedelta(days=2),
            produit,
            echeance=_jour(echeance),
            lot=self.numero_lot(),
        )

    def ddm(self, mode: str) -> dict[str, Any]:
        decalage = self.rng.randint(30, 300)
        echeance = self.controle + timedelta(days=decalage if mode == "ok" else -decalage // 5)
        produit = self.rng.choice(PRODUITS_DDM[self.secteur])
        return _ligne(
            "ddm", self.recent(40), produit, echeance=_jour(echeance), lot=self.numero_lot()
        )

    def numero_lot(self) -> str:
        return f"L{self.rng.randint(10000, 99999)}"

    def lot(self, mode: str) -> dict[str, Any]:
        rng = self.rng
        articles = [a.designation for a in self.org.catalogue] or ["Article"]
        fournisseurs = [f.nom for f in self.org.fournisseurs] or ["Fournisseur"]
        numero = self.numero_lot()
        fournisseur: str | None = rng.choice(fournisseurs)
        if mode == "nc" and rng.random() < 0.5:
            fournisseur = None
        elif mode == "nc":
            self.rappels.append(numero)
        elif mode == "piege":  # the recall names a lot one digit away
            proche = numero[:-1] + str((int(numero[-1]) + rng.randint(1, 8)) % 10)
            self.rappels.append(proche)
        return _ligne(
            "lot", self.recent(60), rng.choice(articles), lot=numero, fournisseur=fournisseur
        )

    def decennale(self, mode: str) -> dict[str, Any]:
        c = self.controle
        fin = {
            "ok": c + timedelta(days=self.rng.randint(10, 300)),
            "nc": c - timedelta(days=self.depasse(90)),
            "piege": c,
        }[mode]
        objet = f"{self.rng.choice(METIERS)} {self.rng.choice(NOMS)} (sous-traitant)"
        return _ligne("decennale", fin - timedelta(days=365), objet, echeance=_jour(fin))

    def verification(self, mode: str, registre: str) -> dict[str, Any]:
        """The last check of one equipment at one place (each listed once: a later check of
        the same equipment would replace the earlier one)."""
        libres = [(c, lieu) for c in EQUIPEMENTS[registre] for lieu in LIEUX]
        code, lieu = self.rng.choice([e for e in libres if e not in self.verifies])
        self.verifies.add((code, lieu))
        equipement = load_regles().verifications.equipements[code]
        base = plus_mois(self.controle, -equipement.mois)  # due on the day of the check
        jour = {
            "ok": base + timedelta(days=self.rng.randint(5, 80)),
            "nc": base - timedelta(days=self.depasse(60)),
            "piege": base,
        }[mode]
        return _ligne("verification", jour, f"{equipement.libelle} — {lieu}", code=code)

    def analyse(self, mode: str) -> dict[str, Any]:
        rng = self.rng
        choix = [p for p in ANALYSES if mode != "piege" or ANALYSES[p][1][1] > 0]
        code = rng.choice(choix)
        decimales, ok, nc = ANALYSES[code]
        if mode == "piege":
            valeur = load_regles().eau.parametres[code].limite
        else:
            valeur = Decimal(rng.randint(*(ok if mode == "ok" else nc))).scaleb(-decimales)
        objet = f"{load_regles().eau.parametres[code].libelle} — {rng.choice(POINTS_EAU)}"
        return _ligne("analyse", self.recent(25), objet, code=code, valeur=f"{valeur:f}")


Fabrique = Callable[[Tirage, str], dict[str, Any]]
# Per register, the row makers and the modes each can draw (a DDM has no non-conformity).
FABRIQUES: dict[str, tuple[tuple[Fabrique, tuple[str, ...]], ...]] = {
    "haccp": (
        (lambda t, m: t.froid(m, False), ("ok", "nc", "piege")),
        (lambda t, m: t.froid(m, True), ("ok", "nc", "piege")),
        (lambda t, m: t.dlc(m), ("ok", "nc", "piege")),
        (lambda t, m: t.ddm(m), ("ok", "piege")),
    ),
    "tracabilite": (
        (lambda t, m: t.lot(m), ("ok", "nc", "piege")),
        (lambda t, m: t.lot(m), ("ok", "nc", "piege")),
        (lambda t, m: t.verification(m, "tracabilite"), ("ok", "nc", "piege")),
    ),
    "chantier": (
        (lambda t, m: t.decennale(m), ("ok", "nc", "piege")),
        (lambda t, m: t.verification(m, "chantier"), ("ok", "nc", "piege")),
    ),
    "eau": ((lambda t, m: t.analyse(m), ("ok", "nc", "piege")),),
    "securite": ((lambda t, m: t.verification(m, "securite"), ("ok", "nc", "piege")),),
}


def lignes(tirage: Tirage, registre: str, modes: list[str]) -> list[dict[str, Any]]:
    """One row per mode (« ok », « nc », « piege »), each from a maker that can draw it, in
    the order of their dates (a register is kept day by day)."""
    fabriques = FABRIQUES[registre]
    rows = []
    vus: dict[str, int] = {}
    depart = tirage.rng.randrange(len(fabriques))
    for mode in modes:
        possibles = [f for f, permis in fabriques if mode in permis]
        rang = vus[mode] = vus.get(mode, -1) + 1  # non-conformities spread over the makers
        rows.append(possibles[(depart + rang) % len(possibles)](tirage, mode))
    return sorted(rows, key=lambda r: r["date"])
