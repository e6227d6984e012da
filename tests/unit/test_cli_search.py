"""``quickreply search``: best first, JSON for scripts, readable lines for people."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.platform.clipboard import FakeClipboard


def run(data_dir: Path, *args: str, locale: str = "zh_CN") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    argv = ["--data-dir", str(data_dir), "--locale", locale, *args]
    code = main(argv, out=out, err=err, environ={"LANG": "zh_CN.UTF-8"},
                clipboard=lambda: FakeClipboard())  # type: ignore[arg-type,return-value]
    assert "Traceback" not in err.getvalue()
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("query", ["qs", "qianshou", "签收", "签收未收到"])
def test_json_is_best_first_with_the_phrase_fields(tmp_path: Path, query: str) -> None:
    code, out, _ = run(tmp_path, "search", query, "--json")
    assert code == 0
    rows = json.loads(out)
    assert rows[0]["title"] == "签收未收到"
    assert all({"id", "code", "title", "text", "scenario", "tags"} <= set(r) for r in rows)


def test_limit_and_code_search(tmp_path: Path) -> None:
    code, out, _ = run(tmp_path, "search", "q", "--limit", "2", "--json")
    assert code == 0 and len(json.loads(out)) == 2
    _, out, _ = run(tmp_path, "search", "/qswsd", "--json")
    assert [r["code"] for r in json.loads(out)] == ["qswsd"]


def test_scenario_filter(tmp_path: Path) -> None:
    _, out, _ = run(tmp_path, "search", "亲", "--scenario", "not_received", "--json", "--limit", "50")
    rows = json.loads(out)
    assert rows and all(r["scenario"] == "not_received" for r in rows)


def test_text_output_and_nothing_found(tmp_path: Path) -> None:
    code, out, _ = run(tmp_path, "search", "qianshou", "--limit", "1")
    assert code == 0 and "签收未收到" in out and "qswsd" in out
    code, out, err = run(tmp_path, "search", "zzzzqqq")
    assert code == 0 and out == "" and "zzzzqqq" in err
    code, out, _ = run(tmp_path, "search", "zzzzqqq", "--json")
    assert code == 0 and json.loads(out) == []


@pytest.mark.parametrize("bad", ["0", "-3", "many"])
def test_bad_limit_is_explained(tmp_path: Path, bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run(tmp_path, "search", "qs", "--limit", bad)
    assert exc.value.code == 2
    assert "正整数" in capsys.readouterr().err


def test_unknown_scenario_is_an_error(tmp_path: Path) -> None:
    code, _, err = run(tmp_path, "search", "qs", "--scenario", "nope")
    assert code == 1 and "nope" in err
