"""Search the phrase library as an agent types: codes, Chinese, pinyin, initials, one typo.

``SearchIndex`` is built from the keys stored with each phrase (``desktop.core.pinyin``) and
kept up to date from the library's change events, one phrase at a time.

How a search runs:

* Phrases are kept sorted by their within-tier order (pinned, frecency, scenario, place) and cut
  into chunks; each chunk joins every searchable field into one string, so finding the phrases
  that contain a query is a few ``str.find`` / regex scans in C, not a Python loop per phrase.
* Tiers are scanned best first (``search_rank.Ranking.tiers``); because chunks are in order,
  the first matches found in a tier are its best ones, and the scan stops once ``limit``
  results are found.
* When a query extends the previous one (one more letter typed) and the previous query's full
  match set was small, only those phrases are checked again.

Tiers and the exact meaning of each match are in ``search_rank`` and ``search_query``.
"""

from __future__ import annotations

import functools
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from desktop.core.errors import NotFound
from desktop.core.library import Change, PhraseLibrary
from desktop.core.model import Phrase
from desktop.core.pinyin import to_simplified
from desktop.core.search_entry import Chunk, ChunkList, Entry, mixed_haystack, pinyin_haystack, split_name_key
from desktop.core.search_query import ALNUM, Query, Term
from desktop.core.search_rank import DAY, Ranking, Tier
from desktop.core.store import paused_gc

Step = Callable[[Chunk], list[int]]
# A tier to scan: its cost, and its phrases in order (the list counts the chunks scanned).
PlanStep = tuple[Tier, float, Callable[[list[int]], Iterable[Entry]]]


class Hit(NamedTuple):
    """One result: the phrase, how it matched (tier) and its usage score within that tier."""

    phrase: Phrase
    tier: Tier
    score: float  # frecency when searched: log(1 + uses), halved every ``half_life_days``
    tier_rank: int  # position of the tier in the ranking, 0 = best

    def explain(self, now: float | None = None) -> str:
        """Why this hit is where it is, in one line (for logs, tests and the debug view)."""
        p = self.phrase
        parts = [f"tier {self.tier_rank} {self.tier.value}"]
        if p.pinned:
            parts.append("pinned")
        used = f"frecency {self.score:.3f} (uses {p.uses}"
        if p.last_used is not None and now is not None:
            used += f", last used {(now - p.last_used) / DAY:.1f} days ago"
        parts.append(used + ")")
        parts.append(f"scenario {p.scenario} #{p.order}")
        return "; ".join(parts)


@dataclass
class _Previous:
    """What the last search found, for the next keystroke: a query typed one letter further
    only matches phrases the shorter one matched (exactly, or with a typo)."""

    query: Query
    scenario: str | None
    version: int
    exact: list[Entry] | None  # every exact match, or None when there were too many to keep
    typo: list[Entry] | None  # every typo-only match, or None when not looked for


@dataclass(frozen=True)
class _ScenarioKey:
    id: str
    name: str  # folded, simplified
    pinyin: str  # readings haystack
    mixed: str  # characters with their readings


def _always(entries: list[Entry]) -> Callable[[list[int]], Iterable[Entry]]:
    return lambda progress: entries


class SearchIndex:
    """Ranked search over a ``PhraseLibrary``, updated from its change events."""

    def __init__(
        self,
        library: PhraseLibrary,
        *,
        ranking: Ranking | None = None,
        clock: Callable[[], float] = time.time,
        chunk_size: int = 512,
        narrow_limit: int | None = None,
        simplify: Callable[[str], str] = to_simplified,
    ) -> None:
        self._library = library
        # Traditional to simplified for queries; the app passes the character table it ships,
        # which loads in milliseconds where the default's tables take ~0.1 s to import.
        self._simplify = simplify
        self._ranking = ranking or Ranking()
        self._rank = {t: i for i, t in enumerate(self._ranking.tiers)}
        self._clock = clock
        self._chunk_size = chunk_size
        self._narrow_limit = narrow_limit
        self._version = 0
        self._previous: _Previous | None = None
        self._parsed: dict[str, Query | None] = {}
        self._browse_cache: list[Phrase] | None = None
        # Built on first use, not here: the window is shown before the index is needed.
        self._built = False
        self._unsubscribe = library.subscribe(self._on_change)

    # -- building and keeping up to date ---------------------------------------------------------

    def _ready(self) -> None:
        if not self._built:
            self._rebuild()

    def _rebuild(self) -> None:
        with paused_gc():  # 10k+ entries that all stay alive: nothing for the collector to find
            self._build()
        self._built = True

    def _build(self) -> None:
        self._scenario_rank = {s.id: i for i, s in enumerate(self._library.scenarios())}
        self._rebuild_scenario_keys()
        self._entries: dict[str, Entry] = {}
        for p in self._library.phrases():
            self._entries[p.id] = Entry(p, self._order_key(p))
        self._chunks = ChunkList(self._entries.values(), self._chunk_size)
        self._by_code = {e.phrase.code: e for e in self._entries.values()}

    def _order_key(self, p: Phrase) -> tuple[object, ...]:
        return self._ranking.order_key(p, self._scenario_rank.get(p.scenario, 1 << 30))

    def _on_change(self, change: Change) -> None:
        self._version += 1
        self._previous = None
        self._browse_cache = None
        if change.kind in ("reset", "scenarios"):
            self._parsed.clear()  # parsed queries remember which scenario names they match
        if not self._built:
            return  # the first build reads the library as it is then
        if change.kind == "reset":
            self._rebuild()
        elif change.kind == "scenarios":
            order = [s.id for s in self._library.scenarios()]
            if order != list(self._scenario_rank):
                self._rebuild()  # scenario order is part of every phrase's place: re-sort all
            else:
                self._rebuild_scenario_keys()
        elif len(change.ids) > max(1000, len(self._entries) // 4):
            self._rebuild()  # an import or a restore: sorting afresh is quicker
        else:
            for pid in change.ids:
                self.reindex(pid, reuse=change.kind == "used")

    def _rebuild_scenario_keys(self) -> None:
        keys: list[_ScenarioKey] = []
        for s in self._library.scenarios():
            name, readings = split_name_key(s.name, s.search_key)
            keys.append(_ScenarioKey(s.id, name, pinyin_haystack(readings), mixed_haystack(name, readings)))
        self._scenario_keys = keys

    def reindex(self, phrase_id: str, *, reuse: bool = False) -> None:
        """Bring one phrase up to date (added, edited, used, removed): touches one or two chunks."""
        if not self._built:
            return
        old = self._entries.pop(phrase_id, None)
        if old is not None:
            self._chunks.remove(old)
            if self._by_code.get(old.phrase.code) is old:
                del self._by_code[old.phrase.code]
        try:
            p = self._library.phrase(phrase_id)
        except NotFound:
            return  # removed
        if reuse and old is not None and old.phrase is p:
            entry = old
            entry.key = self._order_key(p)
        else:
            entry = Entry(p, self._order_key(p))
        self._entries[phrase_id] = entry
        self._chunks.insert(entry)
        self._by_code[entry.phrase.code] = entry

    def close(self) -> None:
        """Stop following the library: the index keeps what the library held until now."""
        self._ready()
        self._unsubscribe()

    def warm(self) -> None:
        """Do the one-off work before the first keystroke: simplified-Chinese tables, chunk strings."""
        for _ in self.warm_steps():
            pass

    def warm_steps(self) -> Iterator[None]:
        """``warm`` in small steps (a chunk each, ~10 ms), for an event loop to run between keys.

        A search between steps is right: it builds whatever chunk strings it needs itself."""
        self._simplify("體")
        yield
        self._ready()
        yield
        for chunk in list(self._chunks.chunks):  # chunks may split or go while this is paused
            with paused_gc():
                chunk.build_all()
            yield

    def __len__(self) -> int:
        self._ready()
        return len(self._entries)

    # -- searching -------------------------------------------------------------------------------

    def search(self, query: str, scenario: str | None = None, limit: int | None = None) -> list[Hit]:
        """Best first. An empty query lists the phrases (of ``scenario``) in display order."""
        self._ready()
        sid = self._library.scenario(scenario).id if scenario is not None else None
        if limit is not None and limit <= 0:
            return []
        q = self._parse(query)
        if q is None:
            return self._browse(sid, limit)
        prev = self._previous
        if prev is not None and (prev.version != self._version or prev.scenario != sid
                                 or q.code_only != prev.query.code_only
                                 or not q.text.startswith(prev.query.text)):
            prev = None
        exact, exact_complete, in_order = self._exact(q, sid, limit, prev)
        typo: dict[Entry, Tier] = {}
        typo_known = False
        if q.typo_on and not q.code_only and (limit is None or len(exact) < limit):
            typo = self._typos(q, sid, prev, exact)
            typo_known = True
        self._previous = _Previous(q, sid, self._version, list(exact) if exact_complete else None,
                                   list(typo) if typo_known else None)
        rank = self._rank
        ordered = list(exact.items())
        if not in_order:
            ordered.sort(key=lambda item: (rank[item[1]], item[0].key))
        if typo and (limit is None or len(ordered) < limit):
            ordered.extend(sorted(typo.items(), key=lambda item: item[0].key))
        if limit is not None:
            ordered = ordered[:limit]
        now = self._clock()
        frecency = self._ranking.frecency
        return [Hit(e.phrase, t, frecency(e.phrase, now) if e.phrase.uses else 0.0, rank[t])
                for e, t in ordered]

    def _exact(self, q: Query, sid: str | None, limit: int | None,
               prev: _Previous | None) -> tuple[dict[Entry, Tier], bool, bool]:
        """Matches without typos: (phrase → tier, complete?, already in order?)."""
        rank = self._rank
        if prev is not None and prev.exact is not None and len(prev.exact) <= self._narrowing_limit():
            found: dict[Entry, Tier] = {}
            for e in prev.exact:
                t = q.tier(e, rank, typo=False)
                if t is not None:
                    found[e] = t
            return found, True, False
        if q.joined is not None:
            return self._scan_terms(q, sid, typo=False), True, False
        # Scan a little past the limit: a complete set of up to a few hundred matches lets the
        # next keystroke check only those.
        cap = None if limit is None else max(limit, self._narrowing_limit())
        found, complete = self._scan_term(q.terms[0], q.code_only, sid, limit, cap)
        return found, complete, True

    def _typos(self, q: Query, sid: str | None, prev: _Previous | None,
               exact: dict[Entry, Tier]) -> dict[Entry, Tier]:
        """Phrases matched only with a typo (``exact`` holds every exact match)."""
        found: dict[Entry, Tier] = {}
        if (prev is not None and prev.typo is not None and prev.exact is not None
                and q.typo_shape() == prev.query.typo_shape()
                and len(prev.exact) + len(prev.typo) <= 4 * self._narrowing_limit()):
            # Same terms forgiving typos as before: a typo match now was a match before.
            if q.joined is None:
                term = q.terms[0]  # one term: only its typo check is left to do (~1 µs)
                for e in (*prev.exact, *prev.typo):
                    if e not in exact and term.typo_match(e.f.typo):
                        found[e] = Tier.TYPO
            else:
                for e in (*prev.exact, *prev.typo):
                    if e not in exact and q.tier(e, self._rank) is Tier.TYPO:
                        found[e] = Tier.TYPO
            return found
        if q.joined is not None:
            for e, t in self._scan_terms(q, sid, typo=True).items():
                if t is Tier.TYPO and e not in exact:
                    found[e] = t
            return found
        for e in self._typo_scan(q.terms[0]):  # each of these matches with a typo
            if e not in exact and (sid is None or e.phrase.scenario == sid):
                found[e] = Tier.TYPO
        return found

    def _typo_scan(self, term: Term) -> list[Entry]:
        step = self._step(term, Tier.TYPO)
        if step is None:
            return []
        return [c.entries[i] for c in self._chunks.chunks for i in step(c)]

    def _narrowing_limit(self) -> int:
        if self._narrow_limit is not None:
            return self._narrow_limit
        # Checking one phrase in Python costs about what scanning 10–20 phrases in C does; past
        # a few thousand, collecting them costs more than it saves.
        return min(2000, max(256, len(self._entries) // 16))

    def _parse(self, query: str) -> Query | None:
        if query in self._parsed:
            return self._parsed[query]
        q = Query.parse(query, self._ranking.typo_min_length, self._simplify)
        if q is not None:
            for term in q.all_terms():
                term.scenarios = self._matching_scenarios(term)
        if len(self._parsed) > 256:
            self._parsed.clear()
        self._parsed[query] = q
        return q

    def _matching_scenarios(self, term: Term) -> frozenset[str]:
        out = set()
        for s in self._scenario_keys:
            if (term.literal in s.name
                    or (term.pinyin is not None and term.pinyin.search(s.pinyin) is not None)
                    or (term.mixed and term.mixed_match(s.mixed) > 0)):
                out.add(s.id)
        return frozenset(out)

    def _browse(self, sid: str | None, limit: int | None) -> list[Hit]:
        if sid is None:
            if self._browse_cache is None:
                self._browse_cache = self._library.phrases()
            phrases = self._browse_cache
        else:
            phrases = self._library.phrases(sid)
        if limit is not None:
            phrases = phrases[:limit]
        now = self._clock()
        last = len(self._ranking.tiers)
        return [Hit(p, Tier.BROWSE, self._ranking.frecency(p, now), last) for p in phrases]

    # -- the scan --------------------------------------------------------------------------------

    def _scan_terms(self, q: Query, sid: str | None, *, typo: bool) -> dict[Entry, Tier]:
        """Several terms: find what the longest term or the terms run together match, then
        check every term on those."""
        driver = max(q.terms, key=lambda t: len(t.literal))
        candidates: dict[Entry, Tier] = {}
        for term in (driver, q.joined):
            if term is None:
                continue
            candidates.update(self._scan_term(term, q.code_only, sid, None)[0])
            if typo:
                candidates.update(dict.fromkeys(self._typo_scan(term), Tier.TYPO))
        found: dict[Entry, Tier] = {}
        for e in candidates:
            if sid is not None and e.phrase.scenario != sid:
                continue
            t = q.tier(e, self._rank, typo=typo)
            if t is not None and (typo or t is not Tier.TYPO):
                found[e] = t
        return found

    def _scan_term(
        self, term: Term, code_only: bool, sid: str | None, limit: int | None, cap: int | None = None
    ) -> tuple[dict[Entry, Tier], bool]:
        """Phrases the term matches exactly, tier by tier, best first; (found, complete?).

        The scan stops at ``limit``, unless finishing it (to get the complete set for the next
        keystroke, at most ``cap`` phrases) costs less than the scan so far.
        """
        found: dict[Entry, Tier] = {}
        plan = self._plan(term, code_only)
        total = sum(work for _, work, _ in plan)
        n_chunks = len(self._chunks.chunks)
        done = 0.0
        finishing = False
        for tier, work, entries in plan:
            progress = [0]  # chunks of this tier scanned so far
            for e in entries(progress):
                if e in found or (sid is not None and e.phrase.scenario != sid):
                    continue
                found[e] = tier
                if limit is not None and len(found) >= limit:
                    if cap is None or len(found) >= cap:
                        return found, False
                    if not finishing:
                        so_far = done + work * progress[0] / n_chunks
                        if total - so_far > so_far:
                            return found, False
                        finishing = True
            done += work
        return found, True

    # Relative cost of scanning every chunk for a tier (measured at 100k phrases): the regex
    # scans of pinyin haystacks cost the most.
    _WORK = {Tier.CODE: 0.0, Tier.TITLE_PREFIX: 1.0, Tier.TITLE: 1.0, Tier.CODE_PREFIX: 1.0,
             Tier.TITLE_PINYIN_PREFIX: 20.0, Tier.TITLE_PINYIN: 0.0, Tier.TAG: 10.0, Tier.TEXT: 5.0,
             Tier.TEXT_PINYIN: 5.0, Tier.SCENARIO: 1.0}

    def _plan(self, term: Term, code_only: bool) -> list[PlanStep]:
        """The exact tiers this term can reach, each with its cost and a way to list its phrases
        in order (reporting how many chunks it has scanned)."""
        plan: list[PlanStep] = []
        inner: list[Entry] = []
        chunks = self._chunks.chunks
        for tier in self._ranking.tiers:
            if tier in (Tier.TYPO, Tier.BROWSE) or (code_only and tier not in (Tier.CODE, Tier.CODE_PREFIX)):
                continue
            work = self._WORK.get(tier, 1.0)
            if tier is Tier.CODE:
                e = self._by_code.get(term.literal) if term.codeish else None
                if e is not None:
                    plan.append((tier, work, _always([e])))
            elif tier is Tier.TITLE_PINYIN_PREFIX:
                if term.pinyin is not None or term.mixed:
                    # One scan finds both pinyin tiers; the second is kept for its turn.
                    plan.append((tier, work, lambda progress: self._title_pinyin(term, inner, progress)))
                    plan.append((Tier.TITLE_PINYIN, 0.0, _always(inner)))
            elif tier is not Tier.TITLE_PINYIN:
                step = self._step(term, tier)
                if step is not None:
                    plan.append((tier, work, functools.partial(self._stepped, chunks, step)))
        return plan

    @staticmethod
    def _stepped(chunks: list[Chunk], step: Step, progress: list[int]) -> Iterator[Entry]:
        for c in chunks:
            progress[0] += 1
            entries = c.entries
            for i in step(c):
                yield entries[i]

    def _title_pinyin(self, term: Term, inner: list[Entry], progress: list[int]) -> Iterator[Entry]:
        """Phrases whose title's pinyin matches from its first character, in order; those
        matching from a later character are added to ``inner`` on the way (one scan for both)."""
        pattern = term.pinyin
        if pattern is not None:
            for c in self._chunks.chunks:
                progress[0] += 1
                big, starts = c.field("title_py")
                last = len(c.entries) - 1
                m = pattern.search(big)
                while m is not None:
                    pos = m.start()
                    i = bisect_right(starts, pos) - 1
                    # The leftmost match of a title is in its first block iff any match is.
                    if big.find("'", starts[i] + 2, pos) == -1:
                        yield c.entries[i]
                    else:
                        inner.append(c.entries[i])
                    if i >= last:
                        break
                    m = pattern.search(big, starts[i + 1])
        elif term.mixed:
            for c in self._chunks.chunks:
                progress[0] += 1
                for i in c.find("title", term.han_anchor):
                    e = c.entries[i]
                    found = term.mixed_match(e.f.title_mix)
                    if found == 2:
                        yield e
                    elif found:
                        inner.append(e)

    def _step(self, term: Term, tier: Tier) -> Step | None:
        """How to find the phrases of one chunk that reach ``tier`` (None: the term cannot)."""
        lit = term.literal
        if tier is Tier.TITLE_PREFIX:
            return lambda c: c.find("title", "\n" + lit)
        if tier is Tier.TITLE:
            return lambda c: c.find("title", lit)
        if tier is Tier.CODE_PREFIX:
            return (lambda c: c.find("code", "\n" + lit)) if term.codeish else None
        if tier is Tier.TAG:
            return lambda c: self._tag_step(term, c)
        if tier is Tier.TEXT:
            return lambda c: c.find("text", lit)
        if tier is Tier.TEXT_PINYIN:
            if term.latin is not None:
                latin = term.latin
                return lambda c: c.find("initials", latin)
            if term.mixed:
                return lambda c: self._text_mixed_step(term, c)
            return None
        if tier is Tier.SCENARIO:
            wanted = ["\n" + sid + "\n" for sid in term.scenarios]
            if not wanted:
                return None
            if len(wanted) == 1:
                return lambda c: c.find("scenario", wanted[0])
            return lambda c: sorted({i for w in wanted for i in c.find("scenario", w)})
        if tier is Tier.TYPO:
            if not term.typo_on:
                return None
            literals, regex = term.typo

            def typo_step(c: Chunk) -> list[int]:
                hits = {i for lit in literals for i in c.find("typo", lit)}
                if regex is not None:
                    hits.update(c.search("typo", regex))
                return sorted(hits)

            return typo_step
        return None

    @staticmethod
    def _text_mixed_step(term: Term, c: Chunk) -> list[int]:
        """Chinese characters and initials (退货yf) in reply texts: each place the characters
        occur, the initials around them are read from the initials string, which lines up with
        the texts' Chinese characters (``text_initials_match`` for one text)."""
        text, starts = c.field("text_han")
        initials, _ = c.field("initials_han")
        flat, anchor = term.flat, term.han_anchor
        offset = "".join(flat).find(anchor)
        checks = [(j, ch, ch in ALNUM) for j, ch in enumerate(flat)]
        out: list[int] = []
        pos = text.find(anchor)
        while pos != -1:
            start = pos - offset
            if start >= 0 and all((initials if latin else text)[start + j] == ch for j, ch, latin in checks):
                i = bisect_right(starts, start) - 1
                if not out or out[-1] != i:
                    out.append(i)
            pos = text.find(anchor, pos + 1)
        return out

    @staticmethod
    def _tag_step(term: Term, c: Chunk) -> list[int]:
        hits = set(c.find("tags", term.literal))
        if term.pinyin is not None:
            hits.update(c.search("tags_py", term.pinyin))
        elif term.mixed:
            hits.update(i for i in c.find("tags", term.han_anchor)
                        if term.mixed_match(c.entries[i].f.tags_mix) > 0)
        return sorted(hits)
