"""Where the user's library lives: --data-dir, QUICKREPLY_DATA_DIR, portable mode, or the OS default."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

APP_NAME = "QuickReply"
ENV_VAR = "QUICKREPLY_DATA_DIR"
PORTABLE_MARKER = "portable.ini"


def resolve_data_dir(
    explicit: str | Path | None,
    environ: Mapping[str, str],
    executable_dir: Path | None = None,
) -> Path:
    """First that applies: the --data-dir option, the environment variable, ``data/`` beside the
    program when a ``portable.ini`` sits there, else the per-user data folder of the OS."""
    if explicit:
        return Path(explicit).expanduser()
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]).expanduser()
    if executable_dir is not None and (executable_dir / PORTABLE_MARKER).is_file():
        return executable_dir / "data"
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))
