"""Renders icons/app.svg to the PNG sizes, .ico and .icns the window, tray and installers use.

Run after changing the SVG: ``.venv/bin/python scripts/make_icons.py``. Uses Qt's own SVG renderer
and image writers, so it needs nothing beyond the app's dependencies.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def write(image: QImage, path: Path, fmt: str) -> None:
    writer = QImageWriter(str(path), fmt.encode())
    if not writer.write(image):
        raise SystemExit(f"cannot write {path}: {writer.errorString()}")


def png_bytes(image: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(data.data())


def write_ico(renderer: QSvgRenderer, path: Path, sizes: tuple[int, ...]) -> None:
    """A multi-size .ico with PNG entries (Windows Vista and later read these; small files)."""
    blobs = [png_bytes(render(renderer, s)) for s in sizes]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries = b""
    for size, blob in zip(sizes, blobs, strict=True):
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    path.write_bytes(header + entries + b"".join(blobs))


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841 (needed by Qt)
    renderer = QSvgRenderer(str(ICONS / "app.svg"))
    if not renderer.isValid():
        raise SystemExit("icons/app.svg is not a valid SVG")
    out = ICONS / "png"
    out.mkdir(exist_ok=True)
    for size in PNG_SIZES:
        write(render(renderer, size), out / f"app-{size}.png", "png")
    write(render(renderer, 256), ICONS / "app.png", "png")
    write_ico(renderer, ICONS / "app.ico", (16, 24, 32, 48, 64, 128, 256))
    write(render(renderer, 512), ICONS / "app.icns", "icns")
    print(f"icons written to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
