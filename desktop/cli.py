"""The ``quickreply`` command line. It never imports Qt, so it starts fast."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import gc
import importlib
import json
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from desktop import __version__
from desktop.cli_messages import CLI_MESSAGES
from desktop.core.datadir import resolve_data_dir
from desktop.core.errors import QuickReplyError
from desktop.core.i18n import Translator, normalise_locale, system_locale
from desktop.core.messages import MESSAGES
from desktop.platform.clipboard import Clipboard, PyperclipClipboard
from desktop.platform.messages import PLATFORM_MESSAGES
from desktop.resources import default_pack, executable_dir

if TYPE_CHECKING:  # the library modules are imported by the commands that need them
    from desktop.core.it_config import ItConfig
    from desktop.core.model import Phrase
    from desktop.core.session import Session

# How long a writing command waits for another QuickReply process to release the library.
WRITE_LOCK_WAIT = 3.0


class CliContext:
    """What every command needs: parsed options, the translator, output streams, the library."""

    def __init__(self, args: argparse.Namespace, tr: Translator, out: IO[str], err: IO[str],
                 environ: Mapping[str, str], clipboard: Callable[[], Clipboard],
                 now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.args = args
        self.now = now  # the clock that fills {日期}, {时间} and {星期}
        self.tr = tr
        self.out = out
        self.err = err
        self.environ = environ
        self.clipboard = clipboard

    @property
    def locale(self) -> str:
        return self.tr.locale

    @property
    def data_dir(self) -> Path:
        return resolve_data_dir(self.args.data_dir, self.environ, executable_dir())

    @functools.cached_property
    def it_config(self) -> ItConfig:
        """Site settings from quickreply.ini beside the program or in the system config folder."""
        from desktop.core.it_config import find_it_config, system_config_dirs

        config = find_it_config([executable_dir(), *system_config_dirs()])
        for warning in config.warnings:
            print(f"{config.source}: {warning}", file=self.err)
        return config

    def open(self, *, write: bool = False) -> Session:
        """Open the library; recoveries and first-start seeding are reported on stderr."""
        from desktop.core.session import open_session

        it = self.it_config
        session = open_session(self.data_dir, locale=self.locale, pack_for_locale=default_pack,
                               readonly=not write, lock_timeout=WRITE_LOCK_WAIT if write else 0.0,
                               settings_overrides=it.overrides, locked_settings=it.locked)
        for line in session.report.messages(self.tr):
            print(line, file=self.err)
        if session.seeded is not None:
            pack = session.seeded
            print(self.tr("pack.seeded", name=pack.name, scenarios=len(pack.scenarios),
                          phrases=pack.phrase_count()), file=self.err)
        return session

    def print_json(self, value: Any) -> None:
        print(json.dumps(value, ensure_ascii=False), file=self.out)


def phrase_json(p: Phrase, scenario_name: str) -> dict[str, Any]:
    return {"id": p.id, "code": p.code, "title": p.title, "text": p.text, "scenario": p.scenario,
            "scenario_name": scenario_name, "tags": p.tags, "hotkey": p.hotkey, "pinned": p.pinned,
            "uses": p.uses, "last_used": p.last_used, "source": p.source}


def preview(text: str, width: int = 40) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= width else one_line[: width - 1] + "…"


# -- commands --------------------------------------------------------------------------------------

def cmd_list(ctx: CliContext) -> int:
    session = ctx.open()
    try:
        lib = session.library
        names = {s.id: s.name for s in lib.scenarios()}
        phrases = lib.phrases(ctx.args.scenario) if ctx.args.scenario else lib.phrases()
        if ctx.args.json:
            ctx.print_json([phrase_json(p, names.get(p.scenario, "")) for p in phrases])
            return 0
        current = None
        for p in phrases:
            if p.scenario != current:
                current = p.scenario
                print(f"[{names.get(p.scenario, p.scenario)}]", file=ctx.out)
            pin = "*" if p.pinned else " "
            print(f" {pin}{p.code:<12} {p.title} — {preview(p.text)}", file=ctx.out)
        return 0
    finally:
        session.close()


def cmd_scenarios(ctx: CliContext) -> int:
    session = ctx.open()
    try:
        lib = session.library
        counts: dict[str, int] = {}
        for p in lib.phrases():
            counts[p.scenario] = counts.get(p.scenario, 0) + 1
        rows = [{"id": s.id, "name": s.name, "order": s.order, "phrases": counts.get(s.id, 0)}
                for s in lib.scenarios()]
        if ctx.args.json:
            ctx.print_json(rows)
        else:
            for r in rows:
                print(f"{r['id']:<16} {r['name']}  ({ctx.tr('cli.phrase_count', count=r['phrases'])})",
                      file=ctx.out)
        return 0
    finally:
        session.close()


def decode_text_bytes(raw: bytes) -> str:
    """Text whatever the sender's encoding: UTF-8 (with or without a BOM), else GB18030 (GBK's superset,
    what Chinese Windows programs write); bytes neither can read become U+FFFD, never a crash."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def _read_stdin_text() -> str:
    raw = getattr(sys.stdin, "buffer", None)
    if raw is None:  # already text (an embedding host or a test's StringIO)
        return sys.stdin.read()
    return decode_text_bytes(raw.read())


def _arg_text(value: str | None) -> str | None:
    """A command-line argument: on POSIX, bytes the locale cannot decode arrive as lone surrogates;
    those bytes are read again the way standard input is."""
    if value is None or not any("\ud800" <= c <= "\udfff" for c in value):
        return value
    try:
        return decode_text_bytes(value.encode("utf-8", "surrogateescape"))
    except UnicodeError:  # not from undecodable bytes: validation names the field
        return value


def cmd_add(ctx: CliContext) -> int:
    a = ctx.args
    text = _read_stdin_text() if a.text == "-" else _arg_text(a.text)
    session = ctx.open(write=True)
    try:
        p = session.library.add_phrase(_arg_text(a.scenario) or "", _arg_text(a.code) or "",
                                       _arg_text(a.title) or "", text or "",
                                       tags=_arg_text(a.tags) or None, hotkey=_arg_text(a.hotkey))
        if a.json:
            ctx.print_json(phrase_json(p, session.library.scenario(p.scenario).name))
        else:
            print(ctx.tr("cli.added", title=p.title, code=p.code), file=ctx.out)
        return 0
    finally:
        session.close()


def _answers(values: list[str] | None) -> dict[str, str]:
    """``--set 订单号=123`` options as {name: value}; a leading "?" (as in {?订单号}) is allowed."""
    answers: dict[str, str] = {}
    for item in values or []:
        name, sep, value = item.partition("=")
        name = name.strip().removeprefix("?").strip()
        if not sep or not name:
            raise QuickReplyError("cli.copy.bad_set", value=item)
        answers[name] = value
    return answers


def _fill_for_copy(ctx: CliContext, p: Phrase, settings_agent: str, settings_shop: str) -> str | None:
    """The reply with its placeholders filled as the window fills them; None (and why, on stderr)
    when an asked field has no --set value."""
    from desktop.core.placeholders import BUILTINS, Context, asked_fields, fill

    answers = _answers(ctx.args.set)
    join = "、".join if ctx.locale == "zh_CN" else ", ".join
    missing = [n for n in asked_fields(p.text) if not answers.get(n, "").strip()]
    if missing:
        print(ctx.tr("cli.copy.missing", title=p.title, names=join(missing), example=missing[0]),
              file=ctx.err)
        return None
    filled = fill(p.text, Context(agent=settings_agent, shop=settings_shop, now=ctx.now()), answers)
    if filled.unknown:
        print(ctx.tr("cli.copy.unknown", names=join("{" + n + "}" for n in filled.unknown)), file=ctx.err)
    unset = [n for n in filled.empty if n in BUILTINS or n.lower() in BUILTINS]
    if unset:
        print(ctx.tr("cli.copy.unset", names=join("{" + n + "}" for n in unset)), file=ctx.err)
    return filled.text


def cmd_copy(ctx: CliContext) -> int:
    a = ctx.args
    session = ctx.open()
    try:
        p = session.library.by_code(a.code)
        settings = session.settings
        text = _fill_for_copy(ctx, p, settings.agent_name, settings.shop_name)
        if text is None:
            return 1
        if a.print:
            print(text, file=ctx.out)
        else:
            ctx.clipboard().set_text(text)
            print(ctx.tr("clipboard.copied", title=p.title, code=p.code), file=ctx.err)
        pid = p.id
    finally:
        session.close()
    _record_use_if_free(ctx, pid)
    return 0


def _record_use_if_free(ctx: CliContext, phrase_id: str) -> None:
    """Count the use unless the window holds the library (then the copy still happened)."""
    from desktop.core.errors import StoreLocked
    from desktop.core.session import open_session

    try:
        session = open_session(ctx.data_dir, locale=ctx.locale, pack_for_locale=default_pack,
                               lock_timeout=0.0)
    except StoreLocked:
        return
    try:
        session.library.record_use(phrase_id)
    finally:
        session.close()


# -- parser ----------------------------------------------------------------------------------------

# Subcommands living in their own modules. Each module has ``add_parser(subparsers, tr)`` that adds
# its subparser with ``set_defaults(func=...)``; ``func`` takes the CliContext and returns the exit
# code. Keep those modules' top-level imports light: heavy imports go inside ``func``.
EXTRA_COMMANDS: list[str] = ["desktop.cli_exchange", "desktop.cli_check", "desktop.cli_search"]


def build_parser(tr: Translator, *, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; ``commands=False``: the options of the window's start only."""
    # Without the commands, no help either: a help request (also abbreviated, "--hel") is left over
    # and goes to the whole parser, whose help lists the commands.
    parser = argparse.ArgumentParser(prog="quickreply", description=tr("cli.description"), add_help=commands)
    parser.add_argument("--version", action="version", version=f"QuickReply {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help=tr("cli.opt.data_dir"))
    parser.add_argument("--locale", choices=["zh_CN", "en"], help=tr("cli.opt.locale"))
    parser.add_argument("--toggle", action="store_true", help=tr("cli.opt.toggle"))
    parser.add_argument("--self-test", action="store_true", help=tr("cli.opt.self_test"))
    if not commands:
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("list", help=tr("cli.cmd.list"))
    p.add_argument("--scenario", help=tr("cli.opt.scenario"))
    p.add_argument("--json", action="store_true", help=tr("cli.opt.json"))
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("scenarios", help=tr("cli.cmd.scenarios"))
    p.add_argument("--json", action="store_true", help=tr("cli.opt.json"))
    p.set_defaults(func=cmd_scenarios)

    p = sub.add_parser("add", help=tr("cli.cmd.add"))
    p.add_argument("--scenario", required=True, help=tr("cli.opt.scenario"))
    p.add_argument("--code", required=True, help=tr("cli.opt.code"))
    p.add_argument("--title", required=True, help=tr("cli.opt.title"))
    p.add_argument("--tags", help=tr("cli.opt.tags"))
    p.add_argument("--hotkey", help=tr("cli.opt.hotkey"))
    p.add_argument("--json", action="store_true", help=tr("cli.opt.json"))
    p.add_argument("text", metavar="TEXT", help=tr("cli.opt.text"))
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("copy", help=tr("cli.cmd.copy"))
    p.add_argument("code", metavar="CODE", help=tr("cli.opt.code"))
    p.add_argument("--print", action="store_true", help=tr("cli.opt.print"))
    p.add_argument("--set", action="append", metavar=tr("cli.opt.set_metavar"), help=tr("cli.opt.set"))
    p.set_defaults(func=cmd_copy)

    for module in EXTRA_COMMANDS:
        importlib.import_module(module).add_parser(sub, tr)
    return parser


def parse_args(tr: Translator, argv: list[str]) -> argparse.Namespace:
    """The window's start (options only, the usual case) is parsed without building every
    command's parser and importing their modules (~7 ms); anything else by the whole parser."""
    args, rest = build_parser(tr, commands=False).parse_known_args(argv)
    if not rest:
        args.command = None
        return args
    return build_parser(tr).parse_args(argv)


def _peek_locale(argv: list[str], environ: Mapping[str, str]) -> str:
    """The --locale option, read before parsing so help texts are in the user's language."""
    for i, arg in enumerate(argv):
        if arg == "--locale" and i + 1 < len(argv):
            return normalise_locale(argv[i + 1])
        if arg.startswith("--locale="):
            return normalise_locale(arg.split("=", 1)[1])
    return system_locale(environ)


def main(
    argv: list[str] | None = None,
    *,
    out: IO[str] | None = None,
    err: IO[str] | None = None,
    environ: Mapping[str, str] | None = None,
    clipboard: Callable[[], Clipboard] = PyperclipClipboard,
    now: Callable[[], dt.datetime] = dt.datetime.now,
) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    out = out or sys.stdout
    err = err or sys.stderr
    environ = os.environ if environ is None else environ
    tr = Translator(_peek_locale(argv, environ), MESSAGES, CLI_MESSAGES, PLATFORM_MESSAGES)
    args = parse_args(tr, argv)
    ctx = CliContext(args, tr, out, err, environ, clipboard, now)
    try:
        if args.locale is None and not args.self_test:
            # A site's quickreply.ini may set the language (and so the pack a new library gets).
            site_locale = ctx.it_config.overrides.get("locale")
            if isinstance(site_locale, str) and site_locale:
                ctx.tr = tr = tr.with_locale(site_locale)
        if args.self_test:
            from desktop.self_test import run_self_test

            return run_self_test(out)
        if args.toggle:
            from desktop.platform.remote import toggle_running

            return toggle_running(ctx.data_dir, tr, err)
        if getattr(args, "func", None) is None:
            # Nearly everything the window's start creates lives as long as the window, so the
            # cyclic collector would only walk it again and again (~50 ms at 10k phrases): it is
            # off until the start-up work is done, then the loaded objects are frozen out of its
            # way and it is switched on again (desktop/app.py, AfterShow).
            gc.disable()
            from desktop.platform.pyside_start import spare_source_reads

            spare_source_reads()
            from desktop.app import run_app

            return run_app(ctx)
        result: int = args.func(ctx)
        out.flush()  # here, not at exit, so a reader that went away is caught below
        return result
    except BrokenPipeError:
        # The reader stopped early (``list --json | head``): what it wanted it got. Quietly, like
        # any Unix filter killed by SIGPIPE; stdout goes to devnull so the exit flush is silent too.
        _silence(out)
        return 141
    except QuickReplyError as exc:
        print(exc.message(tr), file=err)
        return 1
    except KeyboardInterrupt:
        print(tr("cli.interrupted"), file=err)
        return 130


def _silence(stream: IO[str]) -> None:
    """Point a stream whose reader went away at devnull (as the Python docs advise for SIGPIPE)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


if __name__ == "__main__":
    sys.exit(main())
