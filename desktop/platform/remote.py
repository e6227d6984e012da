"""``quickreply --toggle``: asks the running window to show or hide itself."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from desktop.core.i18n import Translator
from desktop.platform.instance_name import instance_name
from desktop.platform.messages import platform_translator


def toggle_running(data_dir: Path, tr: Translator, err: IO[str]) -> int:
    """0 when the instance for ``data_dir`` got the message; 1 (and a line on ``err``) when none runs."""
    from desktop.platform.instance import TOGGLE, send_message

    if send_message(instance_name(data_dir), TOGGLE):
        return 0
    print(platform_translator(tr)("instance.not_running"), file=err)
    return 1
