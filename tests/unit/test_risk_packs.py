"""Every reply in the shipped packs passes the checker: nothing to fix, and no unexplained warning."""

from __future__ import annotations

import json

import pytest

from desktop.core.risk import RiskChecker
from desktop.core.risk_loader import load_rules
from desktop.core.risk_model import PLATFORMS
from desktop.resources import default_pack, risk_rules_dir

# (locale, platform, phrase code) -> why the warning is acceptable in a shipped reply.
# Empty today: a new warning must be looked at and either fixed in the pack or listed here.
EXPECTED_WARNINGS: dict[tuple[str, str, str], str] = {}

BOOK = load_rules(risk_rules_dir())


def phrases(locale: str) -> list[tuple[str, str]]:
    pack = json.loads(default_pack(locale).read_text(encoding="utf-8"))
    return [(p["code"], p["text"]) for s in pack["scenarios"] for p in s["phrases"]]


@pytest.mark.parametrize("platform", PLATFORMS)
@pytest.mark.parametrize("locale", ["zh_CN", "en"])
def test_pack_phrases_pass(locale, platform):
    checker = RiskChecker(BOOK, platform, locale=locale)
    blocks, warnings = [], set()
    for code, text in phrases(locale):
        for f in checker.check(text):
            if f.severity == "block":
                blocks.append(f"{code}: {f.rule} {f.match!r}")
            else:
                warnings.add((locale, platform, code))
    assert blocks == []
    expected = {k for k in EXPECTED_WARNINGS if k[0] == locale and k[1] == platform}
    assert warnings == expected


@pytest.mark.parametrize(
    ("locale", "codes"), [("zh_CN", {"jjwx", "jjlj"}), ("en", {"offplatform", "nolink"})]
)
def test_suggested_safe_phrases_exist_in_the_pack(locale, codes):
    pack_codes = {code for code, _ in phrases(locale)}
    suggested = {r.suggest[locale] for r in BOOK.rules if locale in r.suggest}
    assert suggested == codes
    assert codes <= pack_codes
