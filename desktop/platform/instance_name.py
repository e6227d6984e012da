"""The single-instance channel's name, derived from the data folder and the user (no Qt import)."""

from __future__ import annotations

import getpass
import os
import re
import zlib
from pathlib import Path


def instance_name(data_dir: Path, user: str | None = None) -> str:
    """One name per (user, data folder): two data folders, or two users, run side by side.

    Short and plain ASCII because on Unix it becomes a socket file name in the temp folder.
    """
    if user is None:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no passwd entry (some containers)
            user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    folder = os.path.normcase(str(Path(data_dir).expanduser().resolve()))
    # Two CRC-32s, not a cryptographic hash: a name, not a secret, and hashlib's OpenSSL set-up
    # costs every start ~3 ms.
    key = f"{user}\0{folder}".encode()
    digest = f"{zlib.crc32(key):08x}{zlib.crc32(key[::-1]):08x}"
    safe_user = re.sub(r"[^A-Za-z0-9_-]", "", user)[:16] or "user"
    return f"quickreply-{safe_user}-{digest}"
