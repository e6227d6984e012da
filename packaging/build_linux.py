"""Builds the Linux artefacts: the one-folder bundle, a .tar.xz and a .deb (dpkg-deb).

    .venv/bin/python packaging/build_linux.py [--out dist] [--skip-bundle]
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop import __version__  # noqa: E402

DEB_DEPENDS = (
    "libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, libdbus-1-3, "
    "libglib2.0-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, "
    "libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-xfixes0, libxcb-xkb1, libx11-xcb1"
)
DEB_ARCH = {"x86_64": "amd64", "aarch64": "arm64"}


def build_bundle(out: Path, work: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out), "--workpath", str(work), str(ROOT / "build.spec")],
        check=True,
    )
    return out / "quickreply"


def build_tarball(bundle: Path, out: Path, fast: bool = False) -> Path:
    suffix, mode, opts = (
        ("tar.gz", "w:gz", {"compresslevel": 1}) if fast else ("tar.xz", "w:xz", {"preset": 6})
    )
    target = out / f"quickreply-{__version__}-linux-{platform.machine()}.{suffix}"
    with tarfile.open(target, mode, **opts) as tar:  # type: ignore[call-overload]
        tar.add(bundle, arcname="quickreply")
        tar.add(ROOT / "packaging" / "linux" / "quickreply.desktop", arcname="quickreply/quickreply.desktop")
    return target


def build_deb(bundle: Path, out: Path, fast: bool = False) -> Path:
    arch = DEB_ARCH.get(platform.machine(), platform.machine())
    stage = out / "deb-root"
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(bundle, stage / "opt" / "quickreply", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / "quickreply").symlink_to("/opt/quickreply/quickreply")
    apps = stage / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy(ROOT / "packaging" / "linux" / "quickreply.desktop", apps / "quickreply.desktop")
    for png in sorted((ROOT / "icons" / "png").glob("app-*.png")):
        size = png.stem.split("-")[1]
        icon_dir = stage / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        icon_dir.mkdir(parents=True)
        shutil.copy(png, icon_dir / "quickreply.png")
    size_kb = sum(f.stat().st_size for f in stage.rglob("*") if f.is_file() and not f.is_symlink()) // 1024
    control = stage / "DEBIAN"
    control.mkdir()
    (control / "control").write_text(
        f"Package: quickreply\nVersion: {__version__}\nSection: utils\nPriority: optional\n"
        f"Architecture: {arch}\nInstalled-Size: {size_kb}\nDepends: {DEB_DEPENDS}\n"
        "Maintainer: QuickReply <support@quickreply.invalid>\n"
        "Description: quick replies for online-shop customer service (快捷回复)\n"
        " An always-on-top window holding the shop's quick-reply library: search by Chinese,\n"
        " pinyin, initials or code, copy with a click or hotkey, and check wording for risks.\n",
        encoding="utf-8",
    )
    target = out / f"quickreply_{__version__}_{arch}.deb"
    compression = ["-Zgzip", "-z1"] if fast else ["-Zxz"]
    subprocess.run(["dpkg-deb", "--root-owner-group", *compression, "--build", str(stage), str(target)],
                   check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(stage)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "dist"))
    parser.add_argument("--work", default=str(ROOT / "build"))
    parser.add_argument("--skip-bundle", action="store_true", help="reuse OUT/quickreply")
    parser.add_argument("--fast", action="store_true", help="quick gzip compression (tests), not xz")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    bundle = out / "quickreply" if args.skip_bundle else build_bundle(out, Path(args.work))
    print(build_tarball(bundle, out, args.fast))
    print(build_deb(bundle, out, args.fast))
    return 0


if __name__ == "__main__":
    sys.exit(main())
