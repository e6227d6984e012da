"""The frozen Linux program as shipped: the bundle from build.spec, its .tar.gz and .deb, installed
into a temporary root, in portable mode and with an IT configuration file beside it.

The bundle is built once per session (~20 s on two cores); everything else reuses it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from desktop import __version__

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(sys.platform != "linux", reason="the Linux bundle and .deb are built on Linux only"),
]

ROOT = Path(__file__).resolve().parents[2]
RUN_TIMEOUT = 120  # a failure deadline for a hung program, not an expected duration


def _load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_linux", ROOT / "packaging" / "build_linux.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_linux = _load_builder()


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh dist/ folder holding the one-folder bundle built from build.spec."""
    out = tmp_path_factory.mktemp("dist")
    build_linux.build_bundle(out, tmp_path_factory.mktemp("pyinstaller-work"))
    return out


@pytest.fixture(scope="session")
def bundle(dist: Path) -> Path:
    return dist / "quickreply"


@pytest.fixture(scope="session")
def packages(dist: Path) -> dict[str, Path]:
    """The .tar.gz and .deb, built by build_linux.py with quick gzip compression."""
    assert build_linux.main(["--out", str(dist), "--skip-bundle", "--fast"]) == 0
    (tarball,) = dist.glob(f"quickreply-{__version__}-linux-*.tar.gz")
    (deb,) = dist.glob(f"quickreply_{__version__}_*.deb")
    return {"tarball": tarball, "deb": deb}


@pytest.fixture(scope="session")
def installed_root(packages: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("deb-root")
    subprocess.run(["dpkg", "-x", str(packages["deb"]), str(root)], check=True)
    return root


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def run(program: Path, *args: str, home: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Runs the frozen program offscreen, isolated from the real user's data and config folders."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("QUICKREPLY_", "XDG_")) and k not in ("HOME", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_DIRS=str(home / "etc-xdg"),
               LANG="C.UTF-8")
    result = subprocess.run([str(program), *args], env=env, capture_output=True, text=True,
                            timeout=RUN_TIMEOUT, cwd=home)
    if check:
        command = " ".join([program.name, *args])
        assert result.returncode == 0, f"{command} -> {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


def linked_copy(bundle: Path, target: Path) -> Path:
    """A copy of the bundle made of hard links (fast, no extra disk), so files can be added beside it."""
    shutil.copytree(bundle, target, symlinks=True, copy_function=os.link)
    return target


def effective_settings(program: Path, data_dir: Path, home: Path) -> dict[str, Any]:
    """The settings the program works with, as its full backup export records them."""
    target = data_dir.parent / "settings-backup.json"
    run(program, "--data-dir", str(data_dir), "export", str(target), "--format", "backup", home=home)
    settings: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))["settings"]
    return settings


def first_scenario_id() -> str:
    pack = json.loads((ROOT / "phrases" / "zh_CN" / "default.json").read_text(encoding="utf-8"))
    return pack["scenarios"][0]["id"]


# -- the bundle --------------------------------------------------------------------------------------

def test_self_test_passes(bundle: Path, home: Path) -> None:
    result = run(bundle / "quickreply", "--self-test", home=home, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passed" in result.stdout and "FAIL" not in result.stdout


def test_on_a_real_x_display_the_frozen_app_has_global_hotkeys_and_paste(bundle: Path, home: Path) -> None:
    # The hotkey and paste back ends are chosen at run time; a bundle built without a display once
    # shipped without them, and the window said "global hotkeys unavailable".
    from tests.xserver import require, running_xvfb

    require()
    with running_xvfb() as server:
        skip = ("QUICKREPLY_", "XDG_", "QT_QPA")
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(skip) and k not in ("HOME", "WAYLAND_DISPLAY")}
        env.update(DISPLAY=server.display, HOME=str(home), XDG_CONFIG_DIRS=str(home / "etc-xdg"),
                   LANG="C.UTF-8", QUICKREPLY_EXIT_AFTER_SHOW="1")
        result = subprocess.run([str(bundle / "quickreply"), "--data-dir", str(home / "data")], env=env,
                                capture_output=True, text=True, timeout=RUN_TIMEOUT, cwd=home)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "QUICKREPLY_WINDOW_SHOWN" in output
    assert "failed to start" not in output and "unavailable" not in output, output


def test_version(bundle: Path, home: Path) -> None:
    assert run(bundle / "quickreply", "--version", home=home).stdout.strip() == f"QuickReply {__version__}"


def test_a_new_library_is_seeded_from_the_bundled_pack(bundle: Path, home: Path, tmp_path: Path) -> None:
    result = run(bundle / "quickreply", "--data-dir", str(tmp_path / "lib"), "--locale", "zh_CN",
                 "list", "--json", home=home)
    phrases = json.loads(result.stdout)
    assert len(phrases) >= 150
    assert all({"id", "code", "title", "text", "scenario", "tags"} <= set(p) for p in phrases)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in phrases[0]["text"])  # the Chinese pack


def test_the_bundle_carries_its_data(bundle: Path) -> None:
    internal = bundle / "_internal"
    for relative in ("phrases/zh_CN/default.json", "phrases/en/default.json", "icons/app.png"):
        assert (internal / relative).is_file(), relative
    assert list((internal / "phrases" / "risk").glob("*.json")), "no risk rules in the bundle"
    # The library file's fast parser (json alone would work, at a third of the speed).
    assert list(internal.glob("orjson/orjson*")) or list(internal.glob("orjson*")), "no orjson in the bundle"


# -- the Linux packages ------------------------------------------------------------------------------

def test_deb_control_fields(packages: dict[str, Path]) -> None:
    fields = subprocess.run(["dpkg-deb", "-f", str(packages["deb"])], capture_output=True, text=True,
                            check=True).stdout
    control = dict(line.split(": ", 1) for line in fields.splitlines()
                   if ": " in line and not line.startswith(" "))
    assert control["Package"] == "quickreply"
    assert control["Version"] == __version__
    assert control["Architecture"] in ("amd64", "arm64")
    assert "libxcb-cursor0" in control["Depends"] and "libegl1" in control["Depends"]
    assert int(control["Installed-Size"]) > 50_000  # KiB: the whole Qt runtime is inside


def test_deb_holds_the_program_menu_entry_and_icons(installed_root: Path) -> None:
    assert os.access(installed_root / "opt/quickreply/quickreply", os.X_OK)
    assert os.readlink(installed_root / "usr/bin/quickreply") == "/opt/quickreply/quickreply"
    entry = (installed_root / "usr/share/applications/quickreply.desktop").read_text(encoding="utf-8")
    assert "Exec=/opt/quickreply/quickreply" in entry and "Icon=quickreply" in entry
    assert "Name[zh_CN]=快捷回复" in entry
    icons = installed_root / "usr/share/icons/hicolor"
    assert (icons / "256x256/apps/quickreply.png").is_file()
    assert (icons / "48x48/apps/quickreply.png").is_file()


def test_the_installed_program_runs(installed_root: Path, home: Path) -> None:
    program = installed_root / "opt/quickreply/quickreply"
    assert run(program, "--version", home=home).stdout.strip() == f"QuickReply {__version__}"
    result = run(program, "--self-test", home=home, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passed" in result.stdout


def test_tarball_unpacks_to_one_folder(packages: dict[str, Path]) -> None:
    with tarfile.open(packages["tarball"]) as tar:
        names = set(tar.getnames())
    assert {"quickreply/quickreply", "quickreply/quickreply.desktop",
            "quickreply/_internal/phrases/zh_CN/default.json"} <= names
    assert all(n == "quickreply" or n.startswith("quickreply/") for n in names)


# -- portable mode and the IT configuration file --------------------------------------------------

def test_portable_mode_keeps_the_library_beside_the_program(bundle: Path, home: Path, tmp_path: Path) -> None:
    copy = linked_copy(bundle, tmp_path / "usb" / "QuickReply")
    (copy / "portable.ini").write_text("; portable\n", encoding="utf-8")
    program = copy / "quickreply"
    run(program, "--locale", "zh_CN", "add", "--scenario", first_scenario_id(), "--code", "usbtest",
        "--title", "便携测试", "亲，这条话术保存在U盘里。", home=home)
    codes = {p["code"] for p in json.loads(run(program, "list", "--json", home=home).stdout)}
    assert "usbtest" in codes
    assert (copy / "data" / "quickreply.json").is_file()
    assert not (home / ".local" / "share" / "QuickReply").exists()


def test_without_portable_ini_the_library_goes_to_the_users_folder(bundle: Path, home: Path) -> None:
    run(bundle / "quickreply", "--locale", "zh_CN", "list", home=home)
    assert (home / ".local" / "share" / "QuickReply" / "quickreply.json").is_file()
    assert not (bundle / "data").exists()


IT_INI = """\
[settings]
shop_name = 暖暖家居旗舰店
platform = jd
official_channels = 400-800-1234, 京东咚咚
auto_paste = yes
[lock]
settings = platform
"""


def test_it_config_beside_the_program_sets_the_shops_settings(
    bundle: Path, home: Path, tmp_path: Path
) -> None:
    copy = linked_copy(bundle, tmp_path / "QuickReply")
    (copy / "quickreply.ini").write_text(IT_INI, encoding="utf-8-sig")  # as Notepad saves it
    data_dir = tmp_path / "lib"
    result = run(copy / "quickreply", "--data-dir", str(data_dir), "--locale", "zh_CN", "list", home=home)
    assert "quickreply.ini" not in result.stderr  # no warnings for a correct file
    settings = effective_settings(copy / "quickreply", data_dir, home)
    assert settings["shop_name"] == "暖暖家居旗舰店"
    assert settings["platform"] == "jd"
    assert settings["official_channels"] == ["400-800-1234", "京东咚咚"]
    assert settings["auto_paste"] is True


def test_it_config_mistakes_are_reported(bundle: Path, home: Path, tmp_path: Path) -> None:
    copy = linked_copy(bundle, tmp_path / "QuickReply")
    ini = copy / "quickreply.ini"
    ini.write_text("[settings]\nshop_nmae = 拼错了\n", encoding="utf-8")
    warned = run(copy / "quickreply", "--data-dir", str(tmp_path / "a"), "list", home=home)
    assert "shop_nmae" in warned.stderr and str(ini) in warned.stderr
    ini.write_text("shop_name = 没有小节\n", encoding="utf-8")
    broken = run(copy / "quickreply", "--locale", "zh_CN", "--data-dir", str(tmp_path / "b"), "list",
                 home=home, check=False)
    assert broken.returncode != 0
    assert "管理员配置文件" in broken.stderr and str(ini) in broken.stderr
    assert "Traceback" not in broken.stderr
