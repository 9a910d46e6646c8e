"""A fingerprint of every kind's behaviour: generate, solve and grade over many seeds, hashed.

Usage: .venv/bin/python bench/grading_dump.py [KIND ...] [--seeds 200] [--out FILE]

For each kind, level and seed (organisation seed = seed): the variant JSON, the reference
solution, and the grading JSON of every sample answer and of the solution itself are written
as JSON lines (to --out, when given) and hashed. Run it before and after a refactoring that
must not change behaviour (moving kinds, a faster grader…): the per-kind SHA-256 and the case
counts must be identical. Prints one line per kind and the total.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from contextlib import nullcontext
from pathlib import Path

from agora.company import generate_company
from agora.exercise.registry import KINDS


def cases(name: str, seeds: int):
    """(label, document) pairs of one kind, in a fixed order."""
    kind = KINDS[name]
    for seed in range(seeds):
        company = generate_company(seed)
        for niveau in (1, 2, 3):
            variant = kind.generate(seed, niveau, company)
            yield f"{name}/{niveau}/{seed}/variant", variant.to_json()
            solution = kind.solve(variant.params)
            yield f"{name}/{niveau}/{seed}/solve", solution
            answers = [("solution", solution)]
            answers += [(s.label, s.answer) for s in kind.sample_answers(variant.params)]
            for label, answer in answers:
                grade = kind.grade(variant.params, answer)
                yield f"{name}/{niveau}/{seed}/grade/{label}", grade.to_json()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kinds", nargs="*", default=list(KINDS))
    parser.add_argument("--seeds", type=int, default=200)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    total = hashlib.sha256()
    count_all = 0
    with args.out.open("w", encoding="utf-8") if args.out else nullcontext() as out:
        for name in args.kinds:
            digest, count = hashlib.sha256(), 0
            for label, document in cases(name, args.seeds):
                line = json.dumps([label, document], ensure_ascii=False, sort_keys=False)
                digest.update(line.encode())
                total.update(line.encode())
                if out:
                    out.write(line + "\n")
                count += 1
            count_all += count
            print(f"{name:14} {count:6d} cas  sha256 {digest.hexdigest()}")
    print(f"{'total':14} {count_all:6d} cas  sha256 {total.hexdigest()}")


if __name__ == "__main__":
    main()
