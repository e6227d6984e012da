"""Risk checker speed: build time, one 200-char message, a 10k-phrase library.

Baseline in the same run: one compiled regex alternation of every rule word (longest first), run
over the same texts lower-cased. It does no normalisation, offsets, allow spans, negation or
identifier reading: it is the floor a plain word list costs, not an equivalent checker.

The per-message p95 and the library figure are CPU time of the checking thread
(``time.thread_time``), so other processes running at the same time do not inflate them; the build time
is wall-clock (it includes reading the rule files).
"""

from __future__ import annotations

import json
import random
import re
import time

from benchmarks.table import Row, percentile, time_ms
from desktop.core.risk import RiskChecker
from desktop.core.risk_loader import load_rules
from desktop.core.risk_rules import RuleBook
from desktop.resources import default_pack, risk_rules_dir

AREA = "risk"
RISKY = [
    "加我V❤：wx1 2 3 4 5",
    "保证明天到",
    "全网最低价",
    "去拼多多买",
    "http://t.cn/abc",
    "不保证",
    "第一时间",
    "微信支付退款",
]


def _rule_words(book: RuleBook) -> list[str]:
    words: set[str] = set()
    for rule in book.rules:
        groups = [rule.words] + ([rule.near.first, rule.near.then] if rule.near else [])
        for group in groups:
            words.update(w for w in group if not w.startswith(("#", "@")))
    for family in book.families.values():
        words.update(family)
    for entry in book.allow:
        words.update(entry.words)
    return sorted(words, key=len, reverse=True)


def _pack_texts() -> list[str]:
    texts = []
    for locale in ("zh_CN", "en"):
        pack = json.loads(default_pack(locale).read_text(encoding="utf-8"))
        texts.extend(p["text"] for s in pack["scenarios"] for p in s["phrases"])
    return texts


def _messages(texts: list[str], count: int, length: int, rng: random.Random) -> list[str]:
    out = []
    for _ in range(count):
        parts: list[str] = []
        while sum(map(len, parts)) < length:
            parts.append(rng.choice(RISKY) if rng.random() < 0.2 else rng.choice(texts))
        out.append("".join(parts)[:length])
    return out


def _cpu_ms(fn, repeat: int) -> float:
    """Median CPU time of ``fn`` on this thread, in milliseconds."""
    samples = []
    for _ in range(repeat):
        t0 = time.thread_time()
        fn()
        samples.append((time.thread_time() - t0) * 1000)
    return sorted(samples)[len(samples) // 2]


def run(quick: bool) -> list[Row]:
    rng = random.Random(7)
    rule_dir = risk_rules_dir()
    texts = _pack_texts()
    repeat = 3 if quick else 7

    book = load_rules(rule_dir)
    build = time_ms(lambda: RiskChecker(load_rules(rule_dir), "taobao"), repeat)
    words = _rule_words(book)
    pattern = "|".join(map(re.escape, (w.lower() for w in words)))

    def compile_alternation() -> re.Pattern[str]:
        re.purge()  # re caches compiled patterns; the baseline must really compile
        return re.compile(pattern)

    baseline_build = time_ms(compile_alternation, repeat)
    alternation = compile_alternation()
    checker = RiskChecker(book, "taobao")

    messages = _messages(texts, 300 if quick else 2000, 200, rng)
    for m in messages[:50]:  # warm-up: fill the per-character cache
        checker.check(m)

    def p95(fn) -> float:
        samples = []
        for m in messages:
            t0 = time.thread_time()
            fn(m)
            samples.append((time.thread_time() - t0) * 1000)
        return percentile(samples, 95)

    msg = p95(checker.check)
    msg_base = p95(lambda m: list(alternation.finditer(m.lower())))

    library = [
        f"{texts[i % len(texts)]}{'' if i < len(texts) else f'（{i}）'}"
        for i in range(2_000 if quick else 10_000)
    ]
    lib = _cpu_ms(lambda: [checker.check(t) for t in library], 1 if quick else 3)
    lib_base = _cpu_ms(lambda: [list(alternation.finditer(t.lower())) for t in library], 1 if quick else 3)
    size = f"{len(library) // 1000}k"
    return [
        Row(
            AREA,
            f"build checker ({len(words)} words, {len(book.rules)} rules)",
            build,
            "compile one regex alternation of the words",
            baseline_build,
            target="<= 100 ms",
        ),
        Row(
            AREA,
            "check a 200-char message, p95 (thread CPU time)",
            msg,
            "regex alternation on the message, p95",
            msg_base,
            target="p95 <= 1 ms",
        ),
        Row(
            AREA,
            f"check a {size}-phrase library (thread CPU time)",
            lib,
            "regex alternation over the same texts",
            lib_base,
            target="<= 1000 ms for 10k",
        ),
    ]


if __name__ == "__main__":
    from benchmarks.table import render

    print(render(run(quick=False)))
