"""Rebuild criteria/playbooks/province-2020.yaml from the remedies of the Lâm Đồng
appendix (plan 6006/KH-UBND of 23/8/2021), as transcribed in build_examples.ROWS.

    python examples/build_playbook.py
"""

from __future__ import annotations

import json
from pathlib import Path

from build_examples import ROWS

TARGET = Path(__file__).resolve().parents[1] / "criteria" / "playbooks" / "province-2020.yaml"


def main() -> None:
    q = lambda text: json.dumps(text, ensure_ascii=False)  # noqa: E731
    lines = [
        "# Remediation playbook for province-2020, drawn from the remedies, lead and supporting",
        "# agencies of the appendix of Lâm Đồng's plan 6006/KH-UBND of 23/8/2021",
        "# (shared/reference/lam-dong-kh-6006-2021-appendix.txt). Its deadline, \"Trong năm 2021",
        "# và các năm tiếp theo\", is generalised to {year}. A province adapts the agencies to its own.",
        "# Rebuilt by examples/build_playbook.py.",
        "parcalc_playbook: 1",
        "criteria: province-2020",
        "source: Phụ lục Kế hoạch số 6006/KH-UBND ngày 23/8/2021 của UBND tỉnh Lâm Đồng",
        "defaults:",
        f"  deadline: {q('Trong năm {year} và các năm tiếp theo')}",
        "rules:",
    ]
    for row in ROWS:
        if len(row) == 5:
            continue  # a subtotal row: the appendix gives it no remedy
        code, name, _standard, _appraised, _lost, remedy, lead, support = row
        lines += [f"  # {name}", f"  {q(code)}:", f"    remedy: {q(remedy)}", f"    lead: {q(lead)}", f"    support: {q(support)}"]
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
