"""The composition root: the risk checker follows the shop's settings and never stops copying."""

from __future__ import annotations

import dataclasses

import pytest

import desktop.app as app
from desktop.core.settings import Settings
from desktop.ui.phrase_model import Role
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


def test_start_up_work_after_show_brings_badges_and_keeps_search_answering(qtbot, make_window) -> None:
    """The window is shown before the risk checker exists and before the search strings are
    built; the work done after it brings the badges, and a search typed in between finds what
    it finds once everything is built."""
    window = make_window(checker=NoRiskChecks())
    rows = {p.title: i for i, p in enumerate(window.model.phrases())}
    assert window.model.index(rows["退换货"], 0).data(Role.RISK) == ""

    search = window.services.search
    steps = search.warm_steps()
    next(steps)  # part-way: a search now builds what it scans itself
    early = [h.phrase.title for h in search.search("tuihuan")]
    done: list[bool] = []
    order: list[str] = []

    def checker() -> object:
        order.append("checker")
        return app.make_checker(window.settings)

    after = app.AfterShow(window, steps, checker, done=lambda: done.append(True), settle=lambda: None,
                          first=lambda: order.append("channel"))
    after.start()
    qtbot.waitUntil(lambda: bool(done))
    assert order == ["channel", "checker"]  # the single-instance channel opens first

    assert early == [h.phrase.title for h in search.search("tuihuan")] == ["退换货"]
    assert window.model.index(rows["退换货"], 0).data(Role.RISK) == "block"  # 保证绝对正品
    assert window.model.index(rows["尺码建议"], 0).data(Role.RISK) == ""
