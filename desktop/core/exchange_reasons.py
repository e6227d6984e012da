"""Short reasons inside import, export and team messages, rendered in the reader's language."""

from __future__ import annotations

import errno
from collections.abc import Iterable, Mapping
from typing import Any

from desktop.core.i18n import Translator

REASON_MESSAGES: dict[str, dict[str, str]] = {
    "reason.missing": {"zh_CN": "文件或文件夹不存在", "en": "the file or folder does not exist"},
    "reason.not_a_file": {"zh_CN": "不是文件", "en": "not a file"},
    "reason.is_folder": {"zh_CN": "这是一个文件夹，不是文件", "en": "it is a folder, not a file"},
    "reason.not_a_folder": {"zh_CN": "路径中有一部分不是文件夹", "en": "part of the path is not a folder"},
    "reason.permission": {"zh_CN": "没有权限（或文件正被其他程序占用）",
                          "en": "permission denied (or another program is using the file)"},
    "reason.disk_full": {"zh_CN": "磁盘空间不足", "en": "the disk is full"},
    "reason.read_only": {"zh_CN": "磁盘是只读的", "en": "the disk is read-only"},
    "reason.name_too_long": {"zh_CN": "文件名太长", "en": "the file name is too long"},
    "reason.os_other": {"zh_CN": "系统错误（{code}）", "en": "system error ({code})"},
    "reason.not_utf8": {"zh_CN": "不是 UTF-8 文本", "en": "not UTF-8 text"},
    "reason.json_line": {"zh_CN": "第 {line} 行不是有效的 JSON", "en": "not valid JSON at line {line}"},
    "reason.too_deep": {"zh_CN": "嵌套层数过多", "en": "nested too deeply"},
    "reason.not_xlsx": {"zh_CN": "不是 .xlsx 文件（应为 zip 格式）", "en": "not an .xlsx (zip) file"},
    "reason.xlsx_damaged": {"zh_CN": "文件已损坏，或不是 Excel 工作簿",
                            "en": "the file is damaged or not an Excel workbook"},
    "reason.csv_syntax": {"zh_CN": "引号、分隔符或换行不成对",
                          "en": "unbalanced quotes, separators or line breaks"},
    "reason.backup_lists": {"zh_CN": "“scenarios” 和 “phrases” 必须是列表",
                            "en": "\"scenarios\" and \"phrases\" must be lists"},
    "reason.http": {"zh_CN": "服务器返回 HTTP {status}", "en": "the server answered HTTP {status}"},
    "reason.incomplete": {"zh_CN": "下载不完整（只收到 {got} 字节）",
                          "en": "incomplete download (only {got} bytes arrived)"},
    "reason.timeout": {"zh_CN": "连接超时", "en": "the connection timed out"},
    "reason.unreachable": {"zh_CN": "无法连接服务器", "en": "the server cannot be reached"},
    "reason.bad_address": {"zh_CN": "网址无效", "en": "the address is not valid"},
}

_OS_REASONS = {
    errno.ENOENT: "reason.missing",
    errno.EISDIR: "reason.is_folder",
    errno.ENOTDIR: "reason.not_a_folder",
    errno.EACCES: "reason.permission",
    errno.EPERM: "reason.permission",
    errno.EBUSY: "reason.permission",
    errno.ENOSPC: "reason.disk_full",
    errno.EROFS: "reason.read_only",
    errno.ENAMETOOLONG: "reason.name_too_long",
    errno.ETIMEDOUT: "reason.timeout",
    errno.ECONNREFUSED: "reason.unreachable",
    errno.EHOSTUNREACH: "reason.unreachable",
    errno.ENETUNREACH: "reason.unreachable",
}
_OWN = {locale: Translator(locale, REASON_MESSAGES) for locale in ("zh_CN", "en")}


class Reason:
    """A message key with parameters, used as the ``detail`` of another message.

    It is rendered with the translator of the message around it, so the whole sentence is in one
    language; ``str()`` gives English (for logs).
    """

    __slots__ = ("key", "params")

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params

    def render(self, tr: Translator) -> str:
        # a translator without these keys (another part of the program) still gets the right language
        own = tr if self.key in tr else _OWN.get(tr.locale, _OWN["en"])
        return own(self.key, **render_params(self.params, tr))

    def __str__(self) -> str:
        return self.render(_OWN["en"])

    def __repr__(self) -> str:
        return f"Reason({self.key!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Reason) and (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash(self.key)


def render_params(params: Mapping[str, Any], tr: Translator) -> dict[str, Any]:
    """``params`` with every :class:`Reason` turned into text of ``tr``'s language."""
    return {k: v.render(tr) if isinstance(v, Reason) else v for k, v in params.items()}


def os_reason(exc: OSError) -> Reason:
    """Why a file operation failed, without the operating system's (English) wording."""
    if isinstance(exc, TimeoutError):
        return Reason("reason.timeout")
    key = _OS_REASONS.get(exc.errno or -1)
    if key is not None:
        return Reason(key)
    code = errno.errorcode.get(exc.errno or -1) or getattr(exc, "winerror", None) or type(exc).__name__
    return Reason("reason.os_other", code=code)


def join_messages(messages: Iterable[str], locale: str) -> str:
    """Several full sentences as one text without doubled punctuation.

    Chinese: closing 。 dropped, joined with ；, one 。 at the end. English: sentences one after
    another, each ending in a full stop.
    """
    if locale == "zh_CN":
        parts = [p for p in (m.strip().rstrip("。.") for m in messages) if p]
        return "；".join(parts) + "。" if parts else ""
    parts = [p for p in (m.strip() for m in messages) if p]
    return " ".join(p if p.endswith((".", "!", "?")) else p + "." for p in parts)
