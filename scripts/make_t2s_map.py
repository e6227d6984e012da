"""Write phrases/risk/data/t2s.json: traditional->simplified single characters, taken from zhconv.

The checker folds traditional characters one at a time with this small table instead of importing
zhconv at run time (its import alone takes over 100 ms). Run again after upgrading zhconv:

    .venv/bin/python scripts/make_t2s_map.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from zhconv import zhconv

TARGET = Path(__file__).resolve().parents[1] / "phrases" / "risk" / "data" / "t2s.json"


def build_map() -> dict[str, str]:
    zhconv.loaddict()
    table = zhconv.zhcdicts["zh2Hans"]
    chars = {}
    for trad in sorted(table):
        if len(trad) != 1:
            continue
        simp = zhconv.convert(trad, "zh-cn")
        if len(simp) == 1 and simp != trad:
            chars[trad] = simp
    return chars


def main() -> int:
    chars = build_map()
    doc = {"source": f"zhconv {zhconv.__version__}, zh2Hans single characters", "chars": chars}
    TARGET.write_text(json.dumps(doc, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(chars)} characters -> {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
