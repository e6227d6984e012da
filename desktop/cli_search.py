"""``quickreply search QUERY``: the window's search on the command line, best first."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.core.i18n import Translator

DEFAULT_LIMIT = 20

SEARCH_MESSAGES: dict[str, dict[str, str]] = {
    "cli.cmd.search": {
        "zh_CN": "搜索话术：中文、拼音、拼音首字母或快捷编码（/编码 只查编码），最匹配的在前",
        "en": "search phrases by Chinese, pinyin, pinyin initials or code (/code: codes only), best first",
    },
    "cli.opt.query": {"zh_CN": "要找的内容", "en": "what to look for"},
    "cli.opt.limit": {
        "zh_CN": "最多显示几条（默认 {default}）",
        "en": "show at most N results (default {default})",
    },
    "cli.opt.search_scenario": {
        "zh_CN": "只在这个场景里找（编号或名称）",
        "en": "search one scenario only (id or name)",
    },
    "search.none": {"zh_CN": "没有找到与“{query}”匹配的话术。", "en": 'No phrase matches "{query}".'},
    "search.bad_limit": {"zh_CN": "--limit 需要一个正整数。", "en": "--limit needs a positive whole number."},
}


def _positive(value: str, tr: Translator) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(tr("search.bad_limit"))
    return n


def add_search_parser(subparsers: Any, tr: Translator | None = None) -> argparse.ArgumentParser:
    """Adds ``search``; ``func`` runs it with the command line's context."""
    tr = tr or Translator("en", SEARCH_MESSAGES)
    tr.add(SEARCH_MESSAGES)
    p: argparse.ArgumentParser = subparsers.add_parser("search", help=tr("cli.cmd.search"))
    p.add_argument("query", metavar="QUERY", help=tr("cli.opt.query"))
    p.add_argument("--limit", type=lambda v: _positive(v, tr), default=DEFAULT_LIMIT, metavar="N",
                   help=tr("cli.opt.limit", default=DEFAULT_LIMIT))
    p.add_argument("--scenario", help=tr("cli.opt.search_scenario"))
    p.add_argument("--json", action="store_true", help=tr("cli.opt.json"))
    p.set_defaults(func=lambda ctx: run_search(ctx.args, ctx))
    return p


# The command line loads extra commands through ``add_parser(subparsers, tr)``.
add_parser = add_search_parser


def run_search(args: argparse.Namespace, ctx: Any) -> int:
    """Search the library read-only (the window may hold it) and print the hits, best first."""
    from desktop.cli import phrase_json, preview
    from desktop.core.search import SearchIndex

    session = ctx.open()
    try:
        library = session.library
        index = SearchIndex(library)
        try:
            hits = index.search(args.query, scenario=args.scenario, limit=args.limit)
        finally:
            index.close()
        names = {s.id: s.name for s in library.scenarios()}
        if args.json:
            rows = []
            for h in hits:
                row = phrase_json(h.phrase, names.get(h.phrase.scenario, ""))
                row["match"] = h.tier.value
                rows.append(row)
            ctx.print_json(rows)
            return 0
        if not hits:
            print(ctx.tr("search.none", query=args.query), file=ctx.err)
            return 0
        for h in hits:
            p = h.phrase
            pin = "*" if p.pinned else " "
            print(f" {pin}{p.code:<12} {p.title} — {preview(p.text)}  [{names.get(p.scenario, p.scenario)}]",
                  file=ctx.out)
        return 0
    finally:
        session.close()
