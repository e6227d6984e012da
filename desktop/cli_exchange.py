"""``import``, ``export``, ``backups``, ``restore`` and ``team-publish`` on the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from desktop.core.exchange_messages import EXCHANGE_MESSAGES
from desktop.core.i18n import Translator

IMPORT_FORMATS = ("auto", "qianniu", "csv", "xlsx", "pack", "backup")
EXPORT_FORMATS = ("csv", "qianniu", "xlsx", "json", "pack", "backup")
POLICIES = ("skip", "overwrite", "newer", "rename")


def add_parser(subparsers: Any, tr: Translator) -> None:
    """Adds all of this module's commands (heavy imports wait until a command runs)."""
    tr.add(EXCHANGE_MESSAGES)

    p = subparsers.add_parser("import", help=tr("cli.cmd.import"))
    p.add_argument("file", metavar="FILE", help=tr("cli.opt.file"))
    p.add_argument("--policy", choices=POLICIES, default="skip", help=tr("cli.opt.policy"))
    p.add_argument("--dry-run", action="store_true", help=tr("cli.opt.dry_run"))
    p.add_argument("--format", choices=IMPORT_FORMATS, default="auto", help=tr("cli.opt.import_format"))
    p.set_defaults(func=cmd_import)

    p = subparsers.add_parser("export", help=tr("cli.cmd.export"))
    p.add_argument("file", metavar="FILE", help=tr("cli.opt.file"))
    p.add_argument("--format", choices=EXPORT_FORMATS, help=tr("cli.opt.export_format"))
    p.add_argument("--scenario", help=tr("cli.opt.scenario"))
    p.set_defaults(func=cmd_export)

    p = subparsers.add_parser("backups", help=tr("cli.cmd.backups"))
    p.add_argument("--json", action="store_true", help=tr("cli.opt.json"))
    p.set_defaults(func=cmd_backups)

    p = subparsers.add_parser("restore", help=tr("cli.cmd.restore"))
    p.add_argument("backup", metavar="BACKUP", help=tr("cli.opt.backup"))
    p.add_argument("--replace", action="store_true", help=tr("cli.opt.replace"))
    p.add_argument("--yes", action="store_true", help=tr("cli.opt.yes"))
    p.add_argument("--policy", choices=POLICIES, default="skip", help=tr("cli.opt.policy"))
    p.add_argument("--dry-run", action="store_true", help=tr("cli.opt.dry_run"))
    p.set_defaults(func=cmd_restore)

    p = subparsers.add_parser("team-publish", help=tr("cli.cmd.team_publish"))
    p.add_argument("target", metavar="PATH", help=tr("cli.opt.target"))
    p.add_argument("--scenario", action="append", help=tr("cli.opt.scenario"))
    p.set_defaults(func=cmd_team_publish)


def _risk_checker(session: Any) -> Any:
    """The risky-wording checker for the imported texts, built from the shop's settings the same way
    as everywhere else (platform, language, official channels, the staff's own risk and allow words)."""
    try:
        from desktop.core.risk import checker_for_settings
        from desktop.resources import risk_rules_dir
    except ImportError:
        return None
    try:
        return checker_for_settings(session.settings, risk_rules_dir())
    except Exception:  # unreadable rules must not stop an import: the check is advice, not a gate
        return None


def cmd_import(ctx: Any) -> int:
    from desktop.core.exchange import read_import
    from desktop.core.merge import plan_import
    from desktop.core.merge_apply import apply_import

    a = ctx.args
    data = read_import(a.file, a.format, locale=ctx.locale)  # a bad file fails before the library opens
    session = ctx.open(write=not a.dry_run)
    try:
        return _plan_and_apply(ctx, session, data, a.policy, a.dry_run, plan_import, apply_import)
    finally:
        session.close()


def _plan_and_apply(ctx: Any, session: Any, data: Any, policy: str, dry_run: bool, plan_import: Any,
                    apply_import: Any) -> int:
    plan = plan_import(session.library, data, policy, checker=_risk_checker(session))
    for line in plan.summary(ctx.tr):
        print(line, file=ctx.out)
    if dry_run:
        print(ctx.tr("import.dry_run"), file=ctx.out)
        return 0
    if not plan.writes:
        print(ctx.tr("import.nothing"), file=ctx.out)
        return 0
    result = apply_import(session.library, plan)
    print(result.summary(ctx.tr), file=ctx.out)
    return 0


def cmd_export(ctx: Any) -> int:
    from desktop.core.exchange import export_library

    a = ctx.args
    session = ctx.open()
    try:
        count = export_library(session.library, a.file, a.format, scenario=a.scenario, locale=ctx.locale,
                               settings=session.settings.to_dict())
    finally:
        session.close()
    print(ctx.tr("export.done", count=count, path=a.file), file=ctx.out)
    return 0


def _backup_list(ctx: Any) -> list[Any]:
    from desktop.core.store import Store

    # Listing needs neither the lock nor the library itself.
    return Store(ctx.data_dir, readonly=True).backups()


def cmd_backups(ctx: Any) -> int:
    infos = _backup_list(ctx)
    if ctx.args.json:
        ctx.print_json([{"index": i, "path": str(b.path), "time": b.time, "phrases": b.phrases}
                        for i, b in enumerate(infos, 1)])
        return 0
    if not infos:
        print(ctx.tr("backups.none"), file=ctx.out)
        return 0
    for i, b in enumerate(infos, 1):
        when = dt.datetime.fromtimestamp(b.time).strftime("%Y-%m-%d %H:%M:%S")
        count = (ctx.tr("backups.count", count=b.phrases) if b.phrases is not None
                 else ctx.tr("backups.unreadable"))
        print(ctx.tr("backups.row", index=i, time=when, count=count, path=b.path), file=ctx.out)
    return 0


def _find_backup(ctx: Any, what: str) -> Path:
    from desktop.core.exchange_items import ExchangeError

    if what.isdigit():
        infos = _backup_list(ctx)
        n = int(what)
        if 1 <= n <= len(infos):
            return Path(infos[n - 1].path)
    path = Path(what)
    if path.is_file():
        return path
    raise ExchangeError("restore.not_found", what=what)


def cmd_restore(ctx: Any) -> int:
    from desktop.core.exchange import read_import
    from desktop.core.exchange_items import ExchangeError
    from desktop.core.merge import plan_import
    from desktop.core.merge_apply import apply_import, plan_replace, replace_library
    from desktop.core.settings import Settings

    a = ctx.args
    path = _find_backup(ctx, a.backup)
    if a.replace and not a.yes and not a.dry_run:  # a dry run changes nothing, so needs no consent
        raise ExchangeError("restore.need_yes")
    data = read_import(path, "backup", locale=ctx.locale)
    session = ctx.open(write=not a.dry_run)
    try:
        if not a.replace:
            return _plan_and_apply(ctx, session, data, a.policy, a.dry_run, plan_import, apply_import)
        import tempfile

        with tempfile.TemporaryDirectory(prefix="quickreply-restore-") as scratch:
            if a.dry_run:
                plan = plan_replace(data, scratch_dir=Path(scratch))
                for line in plan.summary(ctx.tr)[3:]:  # the invalid rows and notes
                    print(line, file=ctx.out)
                writes = sum(1 for e in plan.entries if e.action != "skip")
                print(ctx.tr("restore.would_replace", current=len(session.library), count=writes),
                      file=ctx.out)
                print(ctx.tr("import.dry_run"), file=ctx.out)
                return 0
            result, plan = replace_library(session.library, data, scratch_dir=Path(scratch))
        if data.settings:
            session.settings_store.save(Settings.from_dict(data.settings))
        for line in plan.summary(ctx.tr)[3:]:  # the invalid rows and notes; counts are below
            print(line, file=ctx.out)
        print(ctx.tr("restore.replaced", count=len(session.library),
                     backup=str(result.backup) if result.backup else "—"), file=ctx.out)
        return 0
    finally:
        session.close()


def cmd_team_publish(ctx: Any) -> int:
    from desktop.core.team import publish_team_pack

    a = ctx.args
    session = ctx.open()
    try:
        target = publish_team_pack(session.library, a.target, a.scenario, locale=ctx.locale)
        chosen = [session.library.scenario(s).id for s in a.scenario] if a.scenario else None
        count = sum(1 for p in session.library.phrases() if chosen is None or p.scenario in chosen)
    finally:
        session.close()
    print(ctx.tr("team.published", count=count, path=str(target)), file=ctx.out)
    return 0

