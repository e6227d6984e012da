"""Property: any sequence of edits, deletes and restores reads back the same after reopening."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from desktop.core.errors import ValidationFailed
from desktop.core.library import NullKeyer, PhraseLibrary
from desktop.core.store import Store

CODES = st.sampled_from(["a", "b", "c", "d", "e", "f"])
TEXTS = st.text(st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=40)
SCENARIOS = st.sampled_from(["s1", "s2"])


def snapshot(lib: PhraseLibrary) -> tuple[list[dict[str, object]], list[tuple[str, float]]]:
    return [p.to_doc() for p in lib.phrases()], [(t.phrase.id, t.deleted) for t in lib.trash()]


class LibraryMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="qr-prop-"))
        self.now = 1_000.0
        self.store = Store(self.dir, fsync=False, clock=self.clock)
        self.store.open()
        self.lib = self.new_library()
        self.lib.add_scenario("一", scenario_id="s1")
        self.lib.add_scenario("二", scenario_id="s2")

    def clock(self) -> float:
        self.now += 1
        return self.now

    def new_library(self) -> PhraseLibrary:
        return PhraseLibrary(self.store, keyer=NullKeyer(), clock=self.clock)

    @rule(scenario=SCENARIOS, code=CODES, text=TEXTS)
    def add(self, scenario: str, code: str, text: str) -> None:
        before = snapshot(self.lib)
        try:
            self.lib.add_phrase(scenario, code, "标题", text)
        except ValidationFailed:
            assert snapshot(self.lib) == before  # a refused edit changes nothing

    @precondition(lambda self: len(self.lib) > 0)
    @rule(data=st.data(), text=TEXTS, code=CODES, scenario=SCENARIOS)
    def update(self, data: st.DataObject, text: str, code: str, scenario: str) -> None:
        p = data.draw(st.sampled_from(self.lib.phrases()))
        before = snapshot(self.lib)
        try:
            self.lib.update_phrase(p.id, text=text, code=code, scenario=scenario)
        except ValidationFailed:
            assert snapshot(self.lib) == before

    @precondition(lambda self: len(self.lib) > 0)
    @rule(data=st.data())
    def use(self, data: st.DataObject) -> None:
        self.lib.record_use(data.draw(st.sampled_from(self.lib.phrases())).id)

    @precondition(lambda self: len(self.lib) > 0)
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        self.lib.delete_phrase(data.draw(st.sampled_from(self.lib.phrases())).id)

    @precondition(lambda self: len(self.lib.trash()) > 0)
    @rule(data=st.data())
    def restore(self, data: st.DataObject) -> None:
        item = data.draw(st.sampled_from(self.lib.trash()))
        p = self.lib.restore(item.phrase.id)
        assert p.text == item.phrase.text

    @rule()
    def reopen(self) -> None:
        before = snapshot(self.lib)
        self.store.close()
        self.store = Store(self.dir, fsync=False, clock=self.clock)
        self.store.open()
        self.lib = self.new_library()
        assert snapshot(self.lib) == before

    @invariant()
    def codes_are_unique(self) -> None:
        codes = [p.code for p in self.lib.phrases()]
        assert len(codes) == len(set(codes))

    def teardown(self) -> None:
        before = snapshot(self.lib)
        self.store.close()
        with Store(self.dir, readonly=True) as store:
            assert snapshot(PhraseLibrary(store, keyer=NullKeyer())) == before
        shutil.rmtree(self.dir, ignore_errors=True)


TestLibraryMachine = LibraryMachine.TestCase
TestLibraryMachine.settings = settings(max_examples=60, stateful_step_count=25, deadline=None)
