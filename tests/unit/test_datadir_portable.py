"""Portable mode: a portable.ini beside the program keeps the library in data/ next to it."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from desktop.cli import CliContext, build_parser
from desktop.cli_messages import CLI_MESSAGES
from desktop.core.datadir import ENV_VAR, PORTABLE_MARKER, resolve_data_dir
from desktop.core.i18n import Translator
from desktop.core.messages import MESSAGES
from desktop.resources import executable_dir


@pytest.fixture
def frozen_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake frozen install: sys.executable points into tmp_path/QuickReply/."""
    folder = tmp_path / "QuickReply"
    folder.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "quickreply.exe"))
    return folder


def _data_dir(argv: list[str], environ: dict[str, str]) -> Path:
    tr = Translator("en", MESSAGES, CLI_MESSAGES)
    args = build_parser(tr).parse_args([*argv, "list"])
    ctx = CliContext(args, tr, io.StringIO(), io.StringIO(), environ, lambda: None)  # type: ignore[arg-type,return-value]
    return ctx.data_dir


def test_a_frozen_program_is_found_beside_its_executable(frozen_program: Path) -> None:
    assert executable_dir() == frozen_program.resolve()


def test_from_source_the_program_folder_is_the_checkout() -> None:
    assert (executable_dir() / "desktop" / "__init__.py").is_file()


def test_the_marker_beside_the_frozen_program_makes_the_command_line_portable(frozen_program: Path) -> None:
    (frozen_program / PORTABLE_MARKER).write_text("; portable\n", encoding="utf-8")
    assert _data_dir([], {}) == frozen_program.resolve() / "data"


def test_without_the_marker_the_library_is_in_the_users_folder(frozen_program: Path) -> None:
    found = _data_dir([], {})
    assert found.name == "QuickReply" and found.resolve() != frozen_program.resolve()
    assert not found.is_relative_to(frozen_program.resolve())


@pytest.mark.parametrize("content", ["", "; 便携模式\n", "[portable]\nanything = here\n"])
def test_the_markers_content_does_not_matter(frozen_program: Path, content: str) -> None:
    (frozen_program / PORTABLE_MARKER).write_text(content, encoding="utf-8")
    assert _data_dir([], {}) == frozen_program.resolve() / "data"


def test_a_folder_named_like_the_marker_is_not_the_marker(tmp_path: Path) -> None:
    (tmp_path / PORTABLE_MARKER).mkdir()
    assert resolve_data_dir(None, {}, tmp_path) != tmp_path / "data"


def test_an_explicit_data_dir_still_wins_in_portable_mode(frozen_program: Path, tmp_path: Path) -> None:
    (frozen_program / PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert _data_dir(["--data-dir", str(tmp_path / "elsewhere")], {}) == tmp_path / "elsewhere"
    assert _data_dir([], {ENV_VAR: str(tmp_path / "env")}) == tmp_path / "env"


def test_moving_a_portable_folder_moves_its_library(tmp_path: Path) -> None:
    # A USB stick gets another drive letter on another PC: the library must follow the folder.
    for name in ("E", "F"):
        folder = tmp_path / name / "QuickReply"
        folder.mkdir(parents=True)
        (folder / PORTABLE_MARKER).write_text("", encoding="utf-8")
        assert resolve_data_dir(None, {}, folder) == folder / "data"
