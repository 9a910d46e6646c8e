"""Benchmark of the pre-checks of a written answer: loading the French dictionary once, then
checking one letter of about 250 words (what a teacher's grading page costs).

Run: .venv/bin/python bench/bench_prechecks.py  (prints figures; target: a letter < 200 ms
once the dictionary is loaded; the load is paid once per process).
"""

from __future__ import annotations

import statistics
import time

from agora.company import generate_company
from agora.content.missions import get_mission
from agora.redaction import document
from agora.redaction.prechecks import _dictionnaire, verifier

PARAGRAPHE = (
    "Nous avons bien reçu votre lettre du 2 mars 2026 et nous vous prions de bien vouloir "
    "accepter nos excuses pour l'attente que vous avez subie à notre accueil le 24 février. "
    "Votre dossier REC-2026-014 a été transmis à la responsable de l'accueil, qui a revu "
    "l'organisation des rendez-vous afin que cela ne se reproduise pas. "
)


def main() -> None:
    start = time.perf_counter()
    _dictionnaire()
    print(f"chargement du dictionnaire fr_FR : {time.perf_counter() - start:.2f} s")
    mission = get_mission("un-courrier-de-mecontentement")
    step = mission.etapes[0]
    company = generate_company(42)
    corps = PARAGRAPHE * 4 + "Nous vous proposons un geste de 25,00 € et un nouveau rendez-vous."
    answer = {
        "expediteur": company.raison_sociale,
        "destinataire": "Mme Claire Fontaine",
        "lieu_date": f"{company.adresse.ville}, le 5 mars 2026",
        "objet": "Votre réclamation REC-2026-014",
        "formule_appel": "Madame,",
        "corps": corps,
        "formule_politesse": "Veuillez agréer, Madame, nos salutations distinguées.",
        "signature": company.dirigeant,
    }
    doc = document(answer, step)
    durees = []
    for _ in range(20):
        start = time.perf_counter()
        verifier(doc, step, company)
        durees.append(time.perf_counter() - start)
    mots = len(doc.texte.split())
    print(
        f"une lettre de {mots} mots : médiane {statistics.median(durees) * 1000:.1f} ms, "
        f"max {max(durees) * 1000:.1f} ms (20 fois)"
    )


if __name__ == "__main__":
    main()
