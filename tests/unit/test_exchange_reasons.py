"""Reasons inside import, export and team messages: in the reader's language, joined cleanly."""

from __future__ import annotations

import errno

import pytest

from desktop.core.exchange_items import ExchangeError, exchange_translator
from desktop.core.exchange_reasons import Reason, join_messages, os_reason
from desktop.core.i18n import Translator


@pytest.mark.parametrize(("exc", "zh", "en"), [
    (FileNotFoundError(errno.ENOENT, "No such file or directory"), "文件或文件夹不存在", "does not exist"),
    (PermissionError(errno.EACCES, "Permission denied"), "没有权限", "permission denied"),
    (IsADirectoryError(errno.EISDIR, "Is a directory"), "文件夹", "folder"),
    (OSError(errno.ENOSPC, "No space left on device"), "磁盘空间不足", "disk is full"),
    (OSError(errno.EIO, "Input/output error"), "系统错误（EIO）", "system error (EIO)"),
    (TimeoutError(), "超时", "timed out"),
])
def test_os_errors_become_reasons_in_both_languages(exc: OSError, zh: str, en: str) -> None:
    reason = os_reason(exc)
    assert zh in reason.render(exchange_translator("zh_CN"))
    assert en in reason.render(exchange_translator("en"))
    assert exc.strerror is None or exc.strerror not in reason.render(exchange_translator("zh_CN"))


def test_an_error_renders_its_reason_in_the_same_language() -> None:
    err = ExchangeError("import.cannot_open", path="/tmp/nope.csv", detail=Reason("reason.missing"))
    assert err.message(exchange_translator("zh_CN")) == "无法打开 /tmp/nope.csv：文件或文件夹不存在"
    assert str(err) == "Cannot open /tmp/nope.csv: the file or folder does not exist"


def test_a_translator_without_the_reasons_still_gets_its_language() -> None:
    assert Reason("reason.json_line", line=3).render(Translator("zh_CN")) == "第 3 行不是有效的 JSON"


@pytest.mark.parametrize(("messages", "locale", "joined"), [
    (["话术内容不能为空。", "标题不能为空。"], "zh_CN", "话术内容不能为空；标题不能为空。"),
    (["The text is empty.", "The title is empty"], "en", "The text is empty. The title is empty."),
    (["只有一条"], "zh_CN", "只有一条。"),
    ([], "zh_CN", ""),
])
def test_join_messages(messages: list[str], locale: str, joined: str) -> None:
    assert join_messages(messages, locale) == joined
