"""The checker on 300 labelled real chat lines: few false alarms, most real risks caught.

The same figures, per category, come from ``python -m benchmarks.eval_risk`` and are recorded in
docs/RISK.md. The thresholds here are floors, not the figures themselves.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop.core.risk import RiskChecker
from desktop.core.risk_loader import load_rules
from desktop.resources import risk_rules_dir

DATA = Path(__file__).resolve().parents[1] / "data" / "real_chats_labelled.tsv"


@pytest.fixture(scope="module")
def results() -> list[tuple[dict[str, str], set[str], set[str]]]:
    assert DATA.exists(), f"the labelled chat lines are missing: {DATA} (see tests/data/README.md)"
    with DATA.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == 300
    book = load_rules(risk_rules_dir())
    checkers = {p: RiskChecker(book, p) for p in ("taobao", "jd")}
    out = []
    for row in rows:
        platform = "jd" if "jddc" in row["source"].lower() else "taobao"
        expected = {c for c in row["expected"].split(",") if c != "none"}
        got = {f.category for f in checkers[platform].scan(row["text"])}
        out.append((row, expected, got))
    return out


def test_few_false_alarms_on_clean_lines(results):
    clean = [(row, got) for row, expected, got in results if not expected and row["debatable"] == "no"]
    assert len(clean) == 191
    alarms = [row["text"] for row, got in clean if got]
    assert len(alarms) / len(clean) <= 0.05, alarms


@pytest.mark.parametrize(("category", "floor"), [("contact", 0.8), ("promise", 0.8)])
def test_recall_on_real_risks(results, category, floor):
    wanted = [(row, got) for row, expected, got in results if category in expected]
    caught = [row for row, got in wanted if category in got]
    assert len(caught) / len(wanted) >= floor, [row["text"] for row, got in wanted if category not in got]
