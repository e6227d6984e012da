"""``quickreply check``: risky wording in one text, or in each line of standard input.

The exit status is 0 whether or not findings are reported (findings are the normal output, not an
error); it is non-zero only for usage errors, unreadable input or unreadable rule files.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from desktop.core.i18n import Translator
from desktop.core.risk_messages import RISK_MESSAGES

PLATFORMS = ("taobao", "tmall", "jd", "pdd", "douyin", "other")


def add_check_parser(subparsers: Any, tr: Translator | None = None) -> argparse.ArgumentParser:
    """Adds ``check`` to the ``quickreply`` subcommands (no heavy import happens here)."""
    own = Translator(tr.locale if tr is not None else "zh_CN", RISK_MESSAGES)
    p: argparse.ArgumentParser = subparsers.add_parser(
        "check", help=own("check.help"), description=own("check.help"), epilog=own("check.epilog")
    )
    p.add_argument("--platform", choices=PLATFORMS, help=own("check.help.platform"))
    p.add_argument("--json", action="store_true", help=own("check.help.json"))
    p.add_argument("text", nargs="?", metavar="TEXT", help=own("check.help.text"))
    p.set_defaults(func=cmd_check)
    return p


def add_parser(subparsers: Any, tr: Translator) -> None:
    """The hook ``desktop.cli`` calls for each command module."""
    add_check_parser(subparsers, tr)


def cmd_check(ctx: Any) -> int:
    """Entry from ``desktop.cli``: the shop's settings, when a library exists, give the defaults."""
    return run_check(ctx.args, ctx.tr, ctx.out, ctx.err, settings=_settings(ctx))


def _settings(ctx: Any) -> Any:
    """Settings of an existing library, read without loading search or seeding anything."""
    try:
        data_dir = ctx.data_dir
        # store.DATA_FILE, spelled out: importing the store (tinydb) costs start-up when no library exists
        if not (Path(data_dir) / "quickreply.json").exists():
            return None
        from desktop.core.settings import SettingsStore
        from desktop.core.store import Store

        store = Store(data_dir, readonly=True)
        store.open()
        it = ctx.it_config
        try:
            return SettingsStore(store, overrides=it.overrides, locked=it.locked).load()
        finally:
            store.close()
    except Exception:  # settings only choose defaults; checking must work without them
        return None


def run_check(
    args: argparse.Namespace,
    tr: Translator,
    out: IO[str],
    err: IO[str],
    *,
    stdin: IO[str] | None = None,
    settings: Any = None,
    rule_dir: Path | str | None = None,
) -> int:
    """Check ``args.text`` (or every line of ``stdin``) and print the findings."""
    from desktop.core.errors import QuickReplyError
    from desktop.core.risk import checker_for_settings

    if rule_dir is None:
        from desktop.resources import risk_rules_dir  # the rules bundled with the program

        rule_dir = risk_rules_dir()
    own = Translator(tr.locale, RISK_MESSAGES)
    base = settings if settings is not None else _Defaults()
    platform = getattr(args, "platform", None) or getattr(base, "platform", "") or "taobao"
    try:
        checker = checker_for_settings(_Overlay(base, platform=platform, locale=tr.locale), rule_dir)
    except QuickReplyError as exc:
        print(exc.message(tr), file=err)
        return 1
    texts: Iterable[str]
    if getattr(args, "text", None) not in (None, "-"):  # "-": standard input, as elsewhere
        texts = [args.text]
    else:
        try:
            texts = list(_read_lines(stdin if stdin is not None else sys.stdin))
        except (OSError, UnicodeError) as exc:
            print(own("check.read_failed", detail=str(exc)), file=err)
            return 1
    for text in texts:
        findings = checker.check(text)
        if getattr(args, "json", False):
            record = {"text": text, "findings": [f.to_json(tr.locale) for f in findings]}
            has_surrogate = any("\ud800" <= c <= "\udfff" for c in text)
            _write(out, json.dumps(record, ensure_ascii=has_surrogate) + "\n")
        else:
            _write(out, render_human(text, findings, own))
    return 0


class _Defaults:
    platform = "taobao"
    risk_extra_words: list[dict[str, str]] = []
    risk_allow_words: list[str] = []
    official_channels: list[str] = []
    official_domains: list[str] = []


class _Overlay:
    """The shop's settings with the command line's platform and language on top."""

    def __init__(self, base: Any, **values: Any) -> None:
        self._base = base
        self._values = values

    def __getattr__(self, name: str) -> Any:
        if name in self._values:
            return self._values[name]
        return getattr(self._base, name)


def _read_lines(stream: IO[str]) -> Iterator[str]:
    """Lines without their line ends. Bytes are decoded as UTF-8 (BOM allowed), else GB18030,
    which is how Chinese Windows tools usually save text."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        for line in stream:
            yield line.rstrip("\r\n")
        return
    from desktop.cli import decode_text_bytes

    text = decode_text_bytes(buffer.read())
    yield from text.splitlines()


def _write(out: IO[str], text: str) -> None:
    """Write, replacing what the terminal's encoding cannot show instead of failing."""
    try:
        out.write(text)
    except UnicodeEncodeError:
        encoding = getattr(out, "encoding", None) or "utf-8"
        out.write(text.encode(encoding, errors="replace").decode(encoding, errors="replace"))


def render_human(text: str, findings: list[Any], tr: Translator) -> str:
    """The text with each finding in 【】, then one line of advice per group of like findings
    (the same words caught by the same rule are listed once, with how often they occur)."""
    from desktop.core.risk import group_findings

    shown = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    lines = ["> " + _marked(shown, findings)]
    if not findings:
        lines.append("  " + tr("check.clean"))
        return "\n".join(lines) + "\n\n"
    blocks = sum(1 for f in findings if f.severity == "block")
    lines.append("  " + tr("check.summary", count=len(findings), blocks=blocks))
    for n, group in enumerate(group_findings(findings), 1):
        f = group.first
        label = f"{tr('check.severity.' + f.severity)}/{tr('check.category.' + f.category)}"
        times = " " + tr("check.times", count=group.count) if group.count > 1 else ""
        line = f"  {n}. [{label}] “{shown[f.start : f.end]}”{times}：{f.advice_for(tr.locale)}"
        if f.suggest:
            line += " " + tr("check.suggest", code=f.suggest)
        lines.append(line)
    return "\n".join(lines) + "\n\n"


def _marked(text: str, findings: list[Any]) -> str:
    spans: list[list[int]] = []
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        if spans and f.start < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], f.end)
        else:
            spans.append([f.start, f.end])
    parts, last = [], 0
    for start, end in spans:
        parts.append(text[last:start] + "【" + text[start:end] + "】")
        last = end
    parts.append(text[last:])
    return "".join(parts)
