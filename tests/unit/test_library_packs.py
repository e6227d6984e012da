"""Every shipped phrase pack loads, validates and seeds a library without a single refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library import NullKeyer, PhraseLibrary
from desktop.core.packs import load_pack
from desktop.core.session import seed_library
from desktop.core.store import Store

PHRASES = Path(__file__).resolve().parents[2] / "phrases"
# phrases/risk/ holds risk rules, not phrase packs.
PACKS = sorted(p for p in PHRASES.glob("*/*.json") if p.parent.name != "risk")


def test_the_default_packs_exist() -> None:
    assert (PHRASES / "zh_CN" / "default.json").is_file()
    assert (PHRASES / "en" / "default.json").is_file()


@pytest.mark.parametrize("path", PACKS, ids=[f"{p.parent.name}/{p.name}" for p in PACKS])
def test_pack_loads_and_seeds_a_library(path: Path, tmp_path: Path) -> None:
    pack = load_pack(path)
    assert pack.locale == path.parent.name
    assert pack.scenarios and pack.phrase_count() > 0
    codes = [p.code for s in pack.scenarios for p in s.phrases]
    assert len(codes) == len(set(codes))
    assert all(p.text.strip() for s in pack.scenarios for p in s.phrases)
    with Store(tmp_path, fsync=False) as store:
        lib = PhraseLibrary(store, keyer=NullKeyer())
        seed_library(lib, pack)  # the library's own rules: unique hotkeys, tags, known scenarios
        assert len(lib) == pack.phrase_count()
        assert {s.id for s in lib.scenarios()} == {s.id for s in pack.scenarios}
        assert all(p.source == "pack" for p in lib.phrases())
