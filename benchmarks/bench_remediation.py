"""Benchmark line for the remediation appendix (issue #3).

Times `parcalc remediation` on the bundled Lâm Đồng example in each format against
`parcalc score` on the same workbook, interleaved, and prints the ratio of medians: what
building the document costs on top of scoring.

    python benchmarks/bench_remediation.py [--rounds 11]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench_score import EXAMPLE, compare, parcalc_command

COMMON = ["--criteria", "province-2020", "--assume-full"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=11)
    rounds = parser.parse_args().rounds
    score = parcalc_command("score", str(EXAMPLE), *COMMON, "--format", "json")
    print(f"baseline: parcalc score (json) on the same workbook  ({rounds} interleaved rounds)")
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("md", "csv", "json", "xlsx", "docx"):
            target = Path(folder) / f"phu-luc.{fmt}"
            command = parcalc_command("remediation", str(EXAMPLE), *COMMON, "--playbook", "province-2020",
                                      "--year", "2021", "--force", "-o", str(target))
            compare(f"remediation -o phu-luc.{fmt}", command, rounds, baseline=score)


if __name__ == "__main__":
    main()
