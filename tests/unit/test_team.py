"""The team library: publishing to a shared folder, subscribing by path or URL, keeping the last good copy."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from desktop.core.exchange_items import exchange_translator
from desktop.core.library import PhraseLibrary
from desktop.core.store import Store
from desktop.core.team import TEAM_FILE, TeamSubscription, copy_to_personal, publish_team_pack
from desktop.core.team_http import FetchFailed, urllib_fetch

EN = exchange_translator("en")


def pack_bytes(*phrases: tuple[str, str], name: str = "Team") -> bytes:
    doc = {"format": "quickreply-pack", "version": 1, "name": name, "locale": "zh_CN", "scenarios": [
        {"id": "size", "name": "尺码咨询",
         "phrases": [{"code": c, "title": c.upper(), "text": t} for c, t in phrases]}]}
    return json.dumps(doc, ensure_ascii=False).encode()


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[PhraseLibrary]:
    store = Store(tmp_path / "lib", fsync=False)
    store.open()
    library = PhraseLibrary(store)
    sid = library.add_scenario("尺码咨询", scenario_id="size").id
    library.add_phrase(sid, "cm", "尺码建议", "亲，建议拍大一码。", hotkey="Ctrl+Alt+1")
    library.add_phrase(library.add_scenario("物流").id, "wl", "物流", "亲，已为您催件。")
    yield library
    store.close()


def bump_mtime(path: Path) -> None:
    # Two writes within the file system's time resolution would look unchanged: move the clock on.
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))


# -- publishing ----------------------------------------------------------------------------------

def test_publish_writes_a_valid_pack_into_a_folder(lib: PhraseLibrary, tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    target = publish_team_pack(lib, share, scenarios=["尺码咨询"])
    assert target == share / TEAM_FILE
    doc = json.loads(target.read_text(encoding="utf-8"))
    phrases = doc["scenarios"][0]["phrases"]
    assert [p["code"] for p in phrases] == ["cm"]
    assert "hotkey" not in phrases[0]  # personal hotkeys stay personal
    assert [p.name for p in share.iterdir()] == [TEAM_FILE]  # no temp file left behind


def test_publish_retries_while_a_reader_holds_the_file(lib: PhraseLibrary, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    real_replace = os.replace
    failures = [PermissionError(13, "in use"), PermissionError(13, "in use")]

    def flaky(src: str, dst: str) -> None:
        if failures:
            raise failures.pop()
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    waits: list[float] = []
    target = publish_team_pack(lib, tmp_path / "team.json", wait=waits.append)
    assert target.exists() and len(waits) == 2


# -- subscribing to a path -------------------------------------------------------------------------

def test_path_subscription_picks_up_a_new_version(tmp_path: Path) -> None:
    team = tmp_path / "team.json"
    team.write_bytes(pack_bytes(("cm", "一")))
    sub = TeamSubscription(str(team), tmp_path / "cache", tr=EN)
    first = sub.refresh()
    assert first.changed and [p.text for p in first.phrases] == ["一"]
    assert sub.refresh().changed is False  # nothing new: not even re-read
    team.write_bytes(pack_bytes(("cm", "二"), ("wl", "三")))
    bump_mtime(team)
    second = sub.refresh()
    assert second.changed and [p.text for p in second.phrases] == ["二", "三"]
    p = second.phrases[0]
    assert (p.id, p.source, p.scenario) == ("team:cm", "team", "team:size")
    assert [s.name for s in sub.scenarios()] == ["尺码咨询"]


@pytest.mark.parametrize("broken", [
    b'{"format": "quickreply-pack", "version": 1, "scenarios": [{"id": "size", "na',  # half-written
    b"not json at all",
    b'{"format": "something-else"}',
    b"\xff\xfe\x00garbage",
])
def test_a_broken_team_file_keeps_the_last_good_copy(tmp_path: Path, broken: bytes) -> None:
    team = tmp_path / "team.json"
    team.write_bytes(pack_bytes(("cm", "一")))
    sub = TeamSubscription(str(team), tmp_path / "cache", tr=EN)
    sub.refresh()
    team.write_bytes(broken)
    bump_mtime(team)
    update = sub.refresh()
    assert not update.changed
    assert [p.text for p in update.phrases] == ["一"]
    assert update.warning and "last good copy" in update.warning
    assert sub.refresh().warning == update.warning  # still said while the file stays broken


def test_offline_start_uses_the_cached_copy(tmp_path: Path) -> None:
    team = tmp_path / "team.json"
    team.write_bytes(pack_bytes(("cm", "一")))
    TeamSubscription(str(team), tmp_path / "cache").refresh()
    team.unlink()  # the share is unreachable today
    sub = TeamSubscription(str(team), tmp_path / "cache", tr=exchange_translator("zh_CN"))
    assert [p.text for p in sub.phrases()] == ["一"]
    update = sub.refresh()
    assert [p.text for p in update.phrases] == ["一"]
    assert update.warning and "上次成功获取的版本" in update.warning


def test_a_cache_of_another_source_is_not_used(tmp_path: Path) -> None:
    team = tmp_path / "team.json"
    team.write_bytes(pack_bytes(("cm", "一")))
    TeamSubscription(str(team), tmp_path / "cache").refresh()
    assert TeamSubscription(str(tmp_path / "other.json"), tmp_path / "cache").phrases() == []


def test_team_usage_is_counted_locally_and_kept(tmp_path: Path) -> None:
    team = tmp_path / "team.json"
    team.write_bytes(pack_bytes(("cm", "一")))
    sub = TeamSubscription(str(team), tmp_path / "cache")
    sub.refresh()
    sub.record_use("team:cm")
    sub.record_use("team:cm")
    again = TeamSubscription(str(team), tmp_path / "cache")
    assert again.phrases()[0].uses == 2
    assert team.read_bytes() == pack_bytes(("cm", "一"))  # the shared file is never written


def test_copy_to_personal_never_overwrites(lib: PhraseLibrary, tmp_path: Path) -> None:
    team = tmp_path / "team.json"
    team.write_bytes(pack_bytes(("cm", "团队的尺码话术")))
    sub = TeamSubscription(str(team), tmp_path / "cache")
    sub.refresh()
    mine = copy_to_personal(lib, sub.phrases()[0], "尺码咨询")
    assert (mine.code, mine.text, mine.source) == ("cm2", "团队的尺码话术", "user")
    assert lib.by_code("cm").text == "亲，建议拍大一码。"


def test_search_keys_are_made_once_and_cached(tmp_path: Path) -> None:
    class CountingKeyer:
        version = "t1"
        calls = 0

        def phrase_key(self, phrase: object) -> dict[str, str]:
            CountingKeyer.calls += 1
            return {"initials": "x"}

        def name_key(self, name: str) -> str:
            return ""

    team = tmp_path / "team.json"
    team.write_bytes(pack_bytes(("cm", "一"), ("wl", "二")))
    TeamSubscription(str(team), tmp_path / "cache", keyer=CountingKeyer()).refresh()
    assert CountingKeyer.calls == 2
    again = TeamSubscription(str(team), tmp_path / "cache", keyer=CountingKeyer())
    assert CountingKeyer.calls == 2 and again.phrases()[0].search_key == {"initials": "x"}


# -- subscribing to a URL --------------------------------------------------------------------------

class TeamServer:
    """A tiny web server for the team file: ETag, 304, and a mode that cuts the body short."""

    def __init__(self) -> None:
        self.body = pack_bytes(("cm", "一"))
        self.etag = '"v1"'
        self.truncate = False
        self.requests: list[dict[str, str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                outer.requests.append({k.lower(): v for k, v in self.headers.items()})
                if self.headers.get("If-None-Match") == outer.etag:
                    self.send_response(304)
                    self.send_header("ETag", outer.etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("ETag", outer.etag)
                self.send_header("Last-Modified", "Mon, 23 Nov 2026 10:00:00 GMT")
                self.send_header("Content-Length", str(len(outer.body)))
                self.end_headers()
                self.wfile.write(outer.body[: len(outer.body) // 2] if outer.truncate else outer.body)
                if outer.truncate:
                    self.close_connection = True

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/team.json"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)

    def __enter__(self) -> TeamServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __exit__(self, *exc: object) -> None:
        if self.thread.is_alive():
            self.stop()


def test_url_subscription_uses_etag_and_304(tmp_path: Path) -> None:
    with TeamServer() as server:
        sub = TeamSubscription(server.url, tmp_path / "cache", tr=EN)
        assert sub.refresh().changed
        unchanged = sub.refresh()
        assert not unchanged.changed and unchanged.warning is None
        assert server.requests[1]["if-none-match"] == '"v1"'
        assert server.requests[1]["if-modified-since"] == "Mon, 23 Nov 2026 10:00:00 GMT"
        server.body, server.etag = pack_bytes(("cm", "二")), '"v2"'
        update = sub.refresh()
        assert update.changed and update.phrases[0].text == "二"


def test_a_truncated_download_keeps_the_last_good_copy(tmp_path: Path) -> None:
    with TeamServer() as server:
        sub = TeamSubscription(server.url, tmp_path / "cache", tr=EN)
        sub.refresh()
        server.body, server.etag, server.truncate = pack_bytes(("cm", "二"), ("wl", "三")), '"v2"', True
        update = sub.refresh()
        assert not update.changed and update.phrases[0].text == "一"
        assert update.warning and "incomplete" in update.warning


def test_server_down_keeps_the_last_good_copy(tmp_path: Path) -> None:
    with TeamServer() as server:
        sub = TeamSubscription(server.url, tmp_path / "cache", tr=EN, timeout=5)
        sub.refresh()
        server.stop()
        update = sub.refresh()
    assert not update.changed and [p.text for p in update.phrases] == ["一"]
    assert update.warning and "cannot be read" in update.warning


def test_a_broken_body_from_the_server_is_ignored(tmp_path: Path) -> None:
    with TeamServer() as server:
        sub = TeamSubscription(server.url, tmp_path / "cache", tr=EN)
        sub.refresh()
        server.body, server.etag = b"<html>maintenance</html>", '"v3"'
        update = sub.refresh()
        assert update.phrases[0].text == "一" and update.warning
        server.body, server.etag = pack_bytes(("cm", "四")), '"v4"'
        assert sub.refresh().phrases[0].text == "四"


def test_urllib_fetch_turns_a_refused_connection_into_fetch_failed() -> None:
    with TeamServer() as server:
        url = server.url
        server.stop()
    with pytest.raises(FetchFailed):
        urllib_fetch(url, {}, 2)


# -- where a publish goes, and reasons in the reader's language --------------------------------------

@pytest.mark.parametrize(("given", "expected"), [
    ("team.json", "team.json"),
    ("Team.JSON", "Team.JSON"),
    ("newname", "newname/" + TEAM_FILE),
    ("a/b/c", "a/b/c/" + TEAM_FILE),
    ("existing.d", "existing.d/" + TEAM_FILE),  # an existing folder, whatever its name
])
def test_team_file_for(tmp_path: Path, given: str, expected: str) -> None:
    from desktop.core.team import team_file_for

    (tmp_path / "existing.d").mkdir()
    assert team_file_for(tmp_path / given) == tmp_path / expected


def test_team_file_for_refuses_another_suffix(tmp_path: Path) -> None:
    from desktop.core.exchange_items import ExchangeError
    from desktop.core.team import team_file_for

    with pytest.raises(ExchangeError) as err:
        team_file_for(tmp_path / "team.txt")
    assert ".json" in err.value.message(exchange_translator("zh_CN"))


def test_publish_creates_the_missing_folder(lib: PhraseLibrary, tmp_path: Path) -> None:
    target = publish_team_pack(lib, tmp_path / "newname")
    assert target == tmp_path / "newname" / TEAM_FILE and target.is_file()


@pytest.mark.parametrize(("broken", "zh", "en"), [
    (b'{"format": "quickreply-pack",\n "version": 1, "scen', "第 2 行不是有效的 JSON",
     "not valid JSON at line 2"),
    (b"\xff\xfe\x00garbage", "不是 UTF-8 文本", "not UTF-8 text"),
])
def test_a_broken_team_file_is_explained_in_the_readers_language(tmp_path: Path, broken: bytes, zh: str,
                                                                 en: str) -> None:
    team = tmp_path / "team.json"
    team.write_bytes(broken)
    update = TeamSubscription(str(team), tmp_path / "cache", tr=exchange_translator("zh_CN")).refresh()
    assert update.warning and zh in update.warning
    assert update.problem is not None and en in update.problem.message(EN)


def test_a_missing_team_file_is_explained_in_the_readers_language(tmp_path: Path) -> None:
    sub = TeamSubscription(str(tmp_path / "gone.json"), tmp_path / "cache", tr=exchange_translator("zh_CN"))
    update = sub.refresh()
    assert update.warning and "文件或文件夹不存在" in update.warning
    assert "No such file" not in update.warning


def test_a_server_error_is_explained_in_the_readers_language(tmp_path: Path) -> None:
    def fetch(url: str, headers: dict[str, str], timeout: float) -> object:
        from desktop.core.exchange_reasons import Reason

        raise FetchFailed(Reason("reason.http", status=503))

    sub = TeamSubscription("https://intranet.example/team.json", tmp_path / "cache", fetch=fetch,  # type: ignore[arg-type]
                           tr=exchange_translator("zh_CN"))
    update = sub.refresh()
    assert update.warning and "服务器返回 HTTP 503" in update.warning
