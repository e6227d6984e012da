"""Entry script of the frozen app (PyInstaller needs a file, not ``-m desktop``)."""

import sys

from desktop.cli import main


def _never_fail_on_output() -> None:
    """Piped output uses the system code page (cp1252 on an English Windows): a Chinese phrase
    must not crash an IT script or the self-test there, so unencodable characters are replaced."""
    for stream in (sys.stdout, sys.stderr):
        # The windowed Windows build has no console: its streams are None.
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


if __name__ == "__main__":
    _never_fail_on_output()
    sys.exit(main())
