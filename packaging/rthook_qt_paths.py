"""Run-time hook of the frozen app: tells Qt where its plugins are without importing Qt.

It replaces PyInstaller's own PySide6 hook, which imports QtCore (and with it the ICU libraries)
at every start — ~70 ms the Qt-free command line never needs. PySide6 from PyPI registers its
own relocatable qt.conf when QtCore is first imported, so nothing else is lost.
"""

import os
import sys


def _set_qt_paths() -> None:
    base = sys._MEIPASS  # type: ignore[attr-defined]
    windows = sys.platform.startswith("win")
    qt = os.path.join(base, "PySide6") if windows else os.path.join(base, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    if windows:
        # Lets Qt find DLLs collected beside the program.
        os.environ["PATH"] = base + os.pathsep + os.environ.get("PATH", "")
    elif sys.platform == "darwin" and not base.endswith(os.path.join("Contents", "Frameworks")):
        os.environ["DYLD_LIBRARY_PATH"] = base + os.pathsep + os.environ.get("DYLD_LIBRARY_PATH", "")


_set_qt_paths()
del _set_qt_paths
