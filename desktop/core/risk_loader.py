"""Read and validate the risk rule files (``phrases/risk/*.json``) into a RuleBook.

Every problem raises RiskRuleError naming the file and the entry ("rule #3 (id 'guarantee')").
The format is described in docs/RISK.md.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from desktop.core.risk_model import CATEGORIES, SEVERITIES, Advice
from desktop.core.risk_normalise import BARRIERS, Normaliser
from desktop.core.risk_rules import (
    DYNAMIC_SETS,
    FAMILIES,
    HOST_FILTERS,
    IDENTIFIER_KINDS,
    AllowSpec,
    Entry,
    NearSpec,
    NegationSpec,
    RiskRuleError,
    RiskRulesMissing,
    RuleBook,
    RuleSpec,
    check_word,
    expand_word,
)
from desktop.core.simplify import T2S_FILE, one_to_one

FORMAT = "quickreply-risk"
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,59}$")
_CODE_RE = re.compile(r"^[a-z0-9_-]{1,16}$")
_DEFINE_RE = re.compile(r"\{\{([A-Z_]+)\}\}")
_FILE_KEYS = (
    "format", "version", "category", "advice", "sets", "negation", "allow", "allow_patterns",
    "mask_patterns", "families", "domains", "brands", "define", "rules", "comment",
)  # fmt: skip
_RULE_KEYS = (
    "id", "severity", "words", "patterns", "near", "advice", "suggest", "negatable", "host",
    "unless_home", "only_home", "requires", "comment",
)  # fmt: skip


class _FileReader:
    """Validates the parts of one rule file."""

    def __init__(self, path: Path, label: str, normaliser: Normaliser) -> None:
        self.path = path
        self.label = label
        self.norm = normaliser
        self.sets: dict[str, list[str]] = {}
        self.defines: dict[str, str] = {}

    def fail(self, entry: Entry, problem: str, **params: object) -> RiskRuleError:
        return RiskRuleError(self.label, entry, problem, **params)

    def read(self) -> dict[str, Any]:
        try:
            raw = self.path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise self.fail(("file",), "risk.problem.read", detail=exc.strerror or str(exc)) from exc
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise self.fail(("file",), "risk.problem.json", detail=str(exc)) from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != 1:
            raise self.fail(("file",), "risk.problem.format")
        for key in data:
            if key not in _FILE_KEYS:
                allowed = ", ".join(_FILE_KEYS)
                raise self.fail(("key", key), "risk.problem.unknown_key", name=key, allowed=allowed)
        return data

    def as_dict(self, value: object, entry: Entry, name: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(entry, "risk.problem.type", name=name, expected="an object")
        return value

    def as_list(self, value: object, entry: Entry, name: str, expected: str = "a list") -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(entry, "risk.problem.type", name=name, expected=expected)
        return value

    def as_int(self, value: object, entry: Entry, name: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(entry, "risk.problem.type", name=name, expected="an integer")
        return value

    def as_bool(self, value: object, entry: Entry, name: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(entry, "risk.problem.type", name=name, expected="true or false")
        return value

    def str_list(self, value: object, entry: Entry, name: str) -> list[str]:
        items = self.as_list(value, entry, name, "a list of strings")
        if not all(isinstance(item, str) for item in items):
            raise self.fail(entry, "risk.problem.type", name=name, expected="a list of strings")
        return list(items)

    def advice(self, value: object, entry: Entry) -> Advice:
        if not isinstance(value, dict):
            raise self.fail(entry, "risk.problem.advice")
        zh, en = value.get("zh_CN"), value.get("en")
        if not isinstance(zh, str) or not isinstance(en, str) or not zh.strip() or not en.strip():
            raise self.fail(entry, "risk.problem.advice")
        return Advice(zh_CN=zh, en=en)

    def regex(self, source: str, entry: Entry) -> re.Pattern[str]:
        def substitute(m: re.Match[str]) -> str:
            if m.group(1) not in self.defines:
                raise self.fail(entry, "risk.problem.unknown_set", name=m.group(0))
            return self.defines[m.group(1)]

        expanded = _DEFINE_RE.sub(substitute, source)
        try:
            return re.compile(expanded)
        except re.error as exc:
            raise self.fail(entry, "risk.problem.regex", detail=str(exc), pattern=source) from exc

    def words(self, items: list[str], entry: Entry, refs: bool = True) -> list[str]:
        """Expand braces and set references, and check every word can match."""
        out: list[str] = []
        for item in items:
            if refs and item.startswith("@") and len(item) > 1:
                if item in DYNAMIC_SETS:
                    out.append(item)
                elif item[1:] in self.sets:
                    out.extend(self.sets[item[1:]])
                else:
                    raise self.fail(entry, "risk.problem.unknown_set", name=item)
                continue
            if refs and item.startswith("#") and len(item) > 1:
                if item not in IDENTIFIER_KINDS:
                    allowed = ", ".join(IDENTIFIER_KINDS)
                    raise self.fail(entry, "risk.problem.unknown_identifier", name=item, allowed=allowed)
                out.append(item)
                continue
            try:
                expanded = expand_word(item)
            except ValueError:
                raise self.fail(entry, "risk.problem.expansion", word=item) from None
            for word in expanded:
                check_word(word, self.fail, entry, self.norm)
                out.append(word)
        return out

    def platforms(self, value: object, entry: Entry, name: str) -> tuple[str, ...]:
        items = self.str_list(value, entry, name)
        for item in items:
            if item not in FAMILIES:
                raise self.fail(entry, "risk.problem.platform", value=item, allowed=", ".join(FAMILIES))
        return tuple(items)


def load_t2s(rule_dir: Path) -> dict[str, str]:
    """The traditional->simplified character table shipped next to the rules (empty if absent)."""
    path = rule_dir / T2S_FILE
    if not path.exists():
        return {}
    reader = _FileReader(path, _label(path), Normaliser({}))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise reader.fail(("file",), "risk.problem.json", detail=str(exc)) from exc
    chars = reader.as_dict(data.get("chars") if isinstance(data, dict) else None, ("key", "chars"), "chars")
    return one_to_one(chars)


class _BookBuilder:
    """Collects the validated parts of every file into one RuleBook."""

    def __init__(self, t2s: dict[str, str]) -> None:
        self.t2s = t2s
        self.norm = Normaliser(t2s)
        self.rules: list[RuleSpec] = []
        self.seen_ids: dict[str, str] = {}
        self.allow: list[AllowSpec] = []
        self.allow_patterns: list[re.Pattern[str]] = []
        self.mask_patterns: list[re.Pattern[str]] = []
        self.families: dict[str, tuple[str, ...]] = {}
        self.domains: dict[str, tuple[str, ...]] = {}
        self.brands: list[str] = []
        self.owners: dict[str, str] = {}
        self.category_advice: dict[str, Advice] = {}
        self.negation: dict[str, tuple[NegationSpec, ...]] = {}

    def add_file(self, path: Path) -> None:
        reader = _FileReader(path, _label(path), self.norm)
        data = reader.read()
        category = data.get("category")
        if category is not None and category not in CATEGORIES:
            allowed = ", ".join(CATEGORIES)
            raise reader.fail(("key", "category"), "risk.problem.category", value=category, allowed=allowed)
        for name, value in reader.as_dict(data.get("define", {}), ("key", "define"), "define").items():
            if not isinstance(value, str):
                raise reader.fail(
                    ("key", "define"), "risk.problem.type", name=name, expected="a regex string"
                )
            reader.defines[name] = value
        for name, items in reader.as_dict(data.get("sets", {}), ("key", "sets"), "sets").items():
            reader.sets[name] = reader.words(reader.str_list(items, ("set", name), name), ("set", name))
        file_negation = _negation(reader, data.get("negation", []))
        if category is not None:
            self.category_advice[category] = reader.advice(data.get("advice"), ("key", "advice"))
            self.negation[category] = file_negation
        self._allow(reader, data)
        self._tables(reader, data)
        raw_rules = reader.as_list(data.get("rules", []), ("key", "rules"), "rules")
        if raw_rules and category is None:
            allowed = ", ".join(CATEGORIES)
            raise reader.fail(("key", "category"), "risk.problem.category", value=None, allowed=allowed)
        for number, raw in enumerate(raw_rules, 1):
            rule = _rule(reader, number, raw, str(category), file_negation)
            if rule.id in self.seen_ids:
                other = self.seen_ids[rule.id]
                raise reader.fail(
                    ("rule", number, rule.id), "risk.problem.duplicate_id", id=rule.id, other=other
                )
            self.seen_ids[rule.id] = reader.label
            self.rules.append(rule)

    def _allow(self, reader: _FileReader, data: dict[str, Any]) -> None:
        for n, item in enumerate(reader.as_list(data.get("allow", []), ("key", "allow"), "allow"), 1):
            entry = ("allow", n)
            if isinstance(item, str):
                self.allow.append(AllowSpec(tuple(reader.words([item], entry, refs=False))))
            elif isinstance(item, dict) and set(item) <= {"words", "platforms", "comment"}:
                words = reader.words(
                    reader.str_list(item.get("words", []), entry, "words"), entry, refs=False
                )
                plats = reader.platforms(item.get("platforms", []), entry, "platforms")
                self.allow.append(AllowSpec(tuple(words), plats))
            else:
                expected = "a word or {words, platforms}"
                raise reader.fail(entry, "risk.problem.type", name="allow", expected=expected)
        for key, target in (("allow_patterns", self.allow_patterns), ("mask_patterns", self.mask_patterns)):
            for source in reader.str_list(data.get(key, []), ("key", key), key):
                target.append(reader.regex(source, ("key", key)))

    def _tables(self, reader: _FileReader, data: dict[str, Any]) -> None:
        """Platform families, platform domains and brand names: each defined in one file only."""
        for key, target in (("families", self.families), ("domains", self.domains)):
            if key not in data:
                continue
            if key in self.owners:
                raise reader.fail(("key", key), "risk.problem.twice", name=key, other=self.owners[key])
            self.owners[key] = reader.label
            for fam, items in reader.as_dict(data[key], ("key", key), key).items():
                if fam not in FAMILIES:
                    allowed = ", ".join(FAMILIES)
                    raise reader.fail(("key", key), "risk.problem.platform", value=fam, allowed=allowed)
                words = reader.str_list(items, ("key", key), fam)
                if key == "families":
                    words = reader.words(words, ("key", key), refs=False)
                target[fam] = tuple(words)
        if "brands" in data:
            self.brands.extend(reader.str_list(data["brands"], ("key", "brands"), "brands"))

    def book(self) -> RuleBook:
        return RuleBook(
            rules=tuple(self.rules),
            allow=tuple(self.allow),
            allow_patterns=tuple(self.allow_patterns),
            mask_patterns=tuple(self.mask_patterns),
            families=self.families,
            domains=self.domains,
            brands=tuple(self.brands),
            category_advice=self.category_advice,
            negation=self.negation,
            t2s=self.t2s,
        )


def load_rules(rule_dir: Path | str) -> RuleBook:
    """Read every ``*.json`` rule file of ``rule_dir`` (sorted by name) into one RuleBook."""
    rule_dir = Path(rule_dir)
    files = sorted(rule_dir.glob("*.json"))
    if not files:
        raise RiskRulesMissing(path=str(rule_dir))
    builder = _BookBuilder(load_t2s(rule_dir))
    for path in files:
        builder.add_file(path)
    return builder.book()


def _label(path: Path) -> str:
    """How a rule file is named in messages: phrases/risk/promise.json when it lives there."""
    parts = path.parts
    return "/".join(parts[-3:]) if len(parts) >= 3 else str(path)


def _negation(reader: _FileReader, value: object) -> tuple[NegationSpec, ...]:
    entry = ("key", "negation")
    expected = "a list of {before, after, gap}"
    groups = []
    for item in reader.as_list(value, entry, "negation", expected):
        if not isinstance(item, dict) or not set(item) <= {"before", "after", "gap", "comment"}:
            raise reader.fail(entry, "risk.problem.type", name="negation", expected=expected)
        gap = reader.as_int(item.get("gap", 0), entry, "gap")
        before = reader.words(reader.str_list(item.get("before", []), entry, "before"), entry, refs=False)
        after: list[str] = []
        for word in reader.str_list(item.get("after", []), entry, "after"):
            # a question mark may follow a claim ("有保证吗？"), so clause punctuation is allowed here
            folded = reader.norm.normalise(word).dense
            if folded and all(c in BARRIERS for c in folded):
                after.append(folded)
            else:
                after.extend(reader.norm.word_key(w) for w in reader.words([word], entry, refs=False))
        keys = tuple(reader.norm.word_key(w) for w in before)
        groups.append(NegationSpec(keys, tuple(after), gap))
    return tuple(groups)


def _rule(
    reader: _FileReader, number: int, raw: object, category: str, negation: tuple[NegationSpec, ...]
) -> RuleSpec:
    rid = raw.get("id") if isinstance(raw, dict) else None
    entry = ("rule", number, rid if isinstance(rid, str) else "?")
    if not isinstance(raw, dict):
        raise reader.fail(entry, "risk.problem.type", name="rule", expected="an object")
    for key in raw:
        if key not in _RULE_KEYS:
            raise reader.fail(entry, "risk.problem.unknown_key", name=key, allowed=", ".join(_RULE_KEYS))
    if not isinstance(rid, str) or not _ID_RE.match(rid):
        raise reader.fail(entry, "risk.problem.id")
    severity = raw.get("severity")
    if severity not in SEVERITIES:
        raise reader.fail(entry, "risk.problem.severity", value=severity)
    advice = reader.advice(raw.get("advice"), entry)
    suggest = raw.get("suggest", {})
    if not isinstance(suggest, dict) or not all(
        k in ("zh_CN", "en") and isinstance(v, str) and _CODE_RE.match(v) for k, v in suggest.items()
    ):
        raise reader.fail(entry, "risk.problem.suggest")
    if len([k for k in ("words", "patterns", "near") if k in raw]) != 1:
        raise reader.fail(entry, "risk.problem.one_kind")
    words: tuple[str, ...] = ()
    patterns: tuple[re.Pattern[str], ...] = ()
    near = None
    if "words" in raw:
        words = tuple(reader.words(reader.str_list(raw["words"], entry, "words"), entry))
    elif "patterns" in raw:
        patterns = tuple(reader.regex(p, entry) for p in reader.str_list(raw["patterns"], entry, "patterns"))
    else:
        near = _near(reader, raw["near"], entry)
    host = raw.get("host")
    if host is not None and (
        host not in HOST_FILTERS or not patterns or any("host" not in p.groupindex for p in patterns)
    ):
        raise reader.fail(entry, "risk.problem.host", allowed=", ".join(HOST_FILTERS))
    negatable = reader.as_bool(raw.get("negatable", True), entry, "negatable")
    return RuleSpec(
        file=reader.label,
        number=number,
        id=rid,
        category=category,
        severity=str(severity),
        advice=advice,
        suggest=dict(suggest),
        words=words,
        patterns=patterns,
        near=near,
        negation=negation if negatable else (),
        host=host,
        unless_home=reader.platforms(raw.get("unless_home", []), entry, "unless_home"),
        only_home=reader.platforms(raw.get("only_home", []), entry, "only_home"),
        requires=tuple(reader.str_list(raw.get("requires", []), entry, "requires")),
    )


def _near(reader: _FileReader, spec: object, entry: Entry) -> NearSpec:
    if not isinstance(spec, dict) or not set(spec) <= {"first", "then", "gap", "order"}:
        raise reader.fail(entry, "risk.problem.near")
    gap, order = spec.get("gap", 3), spec.get("order", "forward")
    if (
        not isinstance(gap, int)
        or isinstance(gap, bool)
        or not 0 <= gap <= 30
        or order not in ("forward", "any")
        or not spec.get("first")
        or not spec.get("then")
    ):
        raise reader.fail(entry, "risk.problem.near")
    return NearSpec(
        first=tuple(reader.words(reader.str_list(spec["first"], entry, "first"), entry)),
        then=tuple(reader.words(reader.str_list(spec["then"], entry, "then"), entry)),
        gap=gap,
        order=str(order),
    )
