"""The composition root: the risk checker follows the shop's settings and never stops copying."""

from __future__ import annotations

import dataclasses

import pytest

import desktop.app as app
from desktop.core.settings import Settings
from desktop.ui.services import NoRiskChecks


def test_the_checker_follows_the_shops_own_words() -> None:
    settings = dataclasses.replace(Settings(), risk_extra_words=[
        {"word": "秒发", "category": "promise", "severity": "block"}])
    findings = app.make_checker(settings).check("亲，今天秒发哦")
    assert [f.match for f in findings] == ["秒发"]


def test_unreadable_rules_give_a_checker_that_finds_nothing(monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path) -> None:
    monkeypatch.setattr(app, "risk_rules_dir", lambda: tmp_path / "missing")
    checker = app.make_checker(Settings())
    assert isinstance(checker, NoRiskChecks)
    assert checker.check("加我微信 vx123456") == []
