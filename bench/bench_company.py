"""Benchmark of the company generator: one organisation, a class of 35, and what they cost.

Run: .venv/bin/python bench/bench_company.py  (prints figures; targets: < 20 ms, < 1 s).
"""

from __future__ import annotations

import statistics
import time

from faker import Faker

from agora.company import generate_company, identifiers
from agora.content.secteurs import secteur_codes

CLASS_SIZE = 35


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> None:
    start = time.perf_counter()
    Faker("fr_FR")
    faker_first = time.perf_counter() - start
    start = time.perf_counter()
    Faker("fr_FR")
    faker_again = time.perf_counter() - start

    start = time.perf_counter()
    generate_company(0)
    first = time.perf_counter() - start

    singles = []
    for seed in range(1, 401):
        start = time.perf_counter()
        generate_company(seed)
        singles.append(time.perf_counter() - start)

    classes = []
    for run in range(20):
        start = time.perf_counter()
        for student in range(CLASS_SIZE):
            generate_company(10_000 + run * CLASS_SIZE + student)
        classes.append(time.perf_counter() - start)

    per_sector = {}
    for code in secteur_codes():
        times = []
        for seed in range(100):
            start = time.perf_counter()
            generate_company(seed, code)
            times.append(time.perf_counter() - start)
        per_sector[code] = statistics.median(times)

    print(
        f"Faker('fr_FR') : premier {_ms(faker_first)} (imports), suivants {_ms(faker_again)} "
        "(évités : un Faker par fil d'exécution, ré-amorcé à chaque organisation)"
    )
    print(f"Première organisation du processus (profils YAML, barème) : {_ms(first)}")
    print(
        f"Une organisation : médiane {_ms(statistics.median(singles))}, "
        f"max {_ms(max(singles))} (400 graines, cible < 20 ms)"
    )
    print(
        f"Une classe de {CLASS_SIZE} : médiane {_ms(statistics.median(classes))} "
        f"(20 classes, cible < 1 s)"
    )
    for code, median in per_sector.items():
        print(f"  {code:<24} médiane {_ms(median)}")
    _iban_comparison()


def _iban_comparison() -> None:
    """Our RIB/IBAN computation against schwifty's IBAN.generate (why we compute it)."""
    import random

    import schwifty

    rng = random.Random(1)
    count = 2000
    start = time.perf_counter()
    for _ in range(count):
        identifiers.compte_bancaire(rng)
    ours = (time.perf_counter() - start) / count
    start = time.perf_counter()
    for _ in range(count):
        schwifty.IBAN.generate("FR", bank_code="3000400001", account_code="12345678901")
    theirs = (time.perf_counter() - start) / count
    print(f"IBAN : calcul maison {ours * 1e6:.1f} µs, schwifty.IBAN.generate {theirs * 1e6:.1f} µs")


if __name__ == "__main__":
    main()
