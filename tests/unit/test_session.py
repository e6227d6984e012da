"""Opening a data folder: a new one is seeded in the user's language, in one write."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library import NullKeyer
from desktop.core.session import open_session
from desktop.core.store import Store
from desktop.resources import default_pack


@pytest.mark.parametrize(("locale", "name"), [("zh_CN", "未分组"), ("en", "Ungrouped")])
def test_a_phrase_restored_into_a_library_without_scenarios_lands_in_the_default_one(
    tmp_path: Path, locale: str, name: str
) -> None:
    session = open_session(tmp_path, locale=locale, pack_for_locale=default_pack, keyer=NullKeyer())
    try:
        lib = session.library
        kept, *others = lib.phrases()
        lib.delete_phrase(kept.id)
        lib.remove_phrases([p.id for p in others], to_trash=False)
        for s in lib.scenarios():
            lib.delete_scenario(s.id)
        back = lib.restore(kept.id)
        assert [s.name for s in lib.scenarios()] == [name]
        assert back.scenario == lib.scenarios()[0].id
    finally:
        session.close()


def test_seeding_a_new_folder_keeps_no_backup(tmp_path: Path) -> None:
    session = open_session(tmp_path, locale="zh_CN", pack_for_locale=default_pack, keyer=NullKeyer())
    try:
        assert session.seeded is not None and len(session.library) > 0
        assert session.settings.locale == "zh_CN"
    finally:
        session.close()
    assert Store(tmp_path).backups() == []
