"""Precision, recall and false alarms of the risk checker on 300 labelled real chat lines.

Run with ``.venv/bin/python -m benchmarks.eval_risk [--show-errors]``. The labelled lines are
``tests/data/real_chats_labelled.tsv`` (described in ``tests/data/README.md``).
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.risk import RiskChecker
from desktop.core.risk_loader import load_rules
from desktop.core.risk_model import CATEGORIES

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "real_chats_labelled.tsv"
RULES = ROOT / "phrases" / "risk"


@dataclass
class Line:
    source: str
    text: str
    expected: frozenset[str]
    debatable: bool
    note: str

    @property
    def platform(self) -> str:
        # ECD lines come from Taobao chats, JDDC lines from JD chats
        return "jd" if "JDDC" in self.source.upper() or "jddc" in self.source else "taobao"


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Report:
    all_lines: dict[str, Counts] = field(default_factory=dict)
    firm_lines: dict[str, Counts] = field(default_factory=dict)  # non-debatable lines only
    clean_firm: int = 0  # clean, non-debatable lines
    false_alarms: int = 0  # of those, lines with any finding
    false_blocks: int = 0  # of those, lines with a block finding
    errors: list[tuple[Line, frozenset[str], list]] = field(default_factory=list)

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.clean_firm if self.clean_firm else 0.0

    @property
    def false_block_rate(self) -> float:
        return self.false_blocks / self.clean_firm if self.clean_firm else 0.0


def read_lines(path: Path = DATA) -> list[Line]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    out = []
    for row in rows:
        expected = frozenset(c for c in row["expected"].split(",") if c and c != "none")
        out.append(
            Line(row["source"], row["text"], expected, row["debatable"] == "yes", row.get("note") or "")
        )
    return out


def evaluate(lines: list[Line], rule_dir: Path = RULES) -> Report:
    book = load_rules(rule_dir)
    checkers = {p: RiskChecker(book, p) for p in ("taobao", "jd")}
    report = Report(all_lines={c: Counts() for c in CATEGORIES}, firm_lines={c: Counts() for c in CATEGORIES})
    for line in lines:
        findings = checkers[line.platform].scan(line.text)
        got = frozenset(f.category for f in findings)
        for cat in CATEGORIES:
            for table, used in ((report.all_lines, True), (report.firm_lines, not line.debatable)):
                if not used:
                    continue
                counts = table[cat]
                if cat in got and cat in line.expected:
                    counts.tp += 1
                elif cat in got:
                    counts.fp += 1
                elif cat in line.expected:
                    counts.fn += 1
        if not line.expected and not line.debatable:
            report.clean_firm += 1
            report.false_alarms += bool(findings)
            report.false_blocks += any(f.severity == "block" for f in findings)
        if got != line.expected:
            report.errors.append((line, got, findings))
    return report


def render(report: Report) -> str:
    out = [
        "| category | lines labelled (all / firm) | precision (all) | recall (all) | precision (firm) "
        "| recall (firm) | tp/fp/fn (all) |",
        "|---|---|---|---|---|---|---|",
    ]
    for cat in CATEGORIES:
        a, f = report.all_lines[cat], report.firm_lines[cat]
        support = f"{a.tp + a.fn} / {f.tp + f.fn}"
        counts = f"{a.tp}/{a.fp}/{a.fn}"
        out.append(
            f"| {cat} | {support} | {a.precision:.2f} | {a.recall:.2f} | {f.precision:.2f} | {f.recall:.2f} "
            f"| {counts} |"
        )
    out.append("")
    out.append(
        f"False alarms on clean, non-debatable lines: {report.false_alarms}/{report.clean_firm} "
        f"= {report.false_alarm_rate:.1%} (block findings: {report.false_blocks}/{report.clean_firm} "
        f"= {report.false_block_rate:.1%})"
    )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.eval_risk")
    parser.add_argument(
        "--show-errors", action="store_true", help="list every line where the checker disagrees"
    )
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"labelled data not found: {DATA}", file=sys.stderr)
        return 2
    report = evaluate(read_lines())
    print(render(report))
    if args.show_errors:
        for line, got, findings in report.errors:
            mark = "debatable" if line.debatable else "firm"
            expected = sorted(line.expected) or "none"
            print(f"\n[{mark}] expected={expected} got={sorted(got) or 'none'} ({line.platform})")
            print(f"  {line.text}")
            for f in findings:
                print(f"  - {f.category}/{f.severity} {f.rule}: {f.match!r}")
            print(f"  note: {line.note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
