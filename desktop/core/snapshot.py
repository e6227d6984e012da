"""A quick-loading copy of the library file, kept beside it and used only while the file is unchanged.

Parsing the JSON file and checking every document is most of a large library's start-up (10k
phrases: ~65 ms). The snapshot holds the same content in ``marshal`` form, the phrases as rows of
field values, and loads in a third of that. It is a cache, never the data: it records the length
and CRC-32 of the exact file it was made from and of its own content, and is ignored (the file is
parsed as before) when either differs, when it comes from another format or Python version, or
when it cannot be read. It is written without fsync; a torn or stale one is simply not used.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import struct
import sys
import zlib
from pathlib import Path
from typing import Any, NamedTuple

SNAPSHOT_FILE = "quickreply.snapshot"
_MAGIC = b"QuickReply snapshot\n"
_FORMAT = 1
# format, library schema, Python version, file length, file CRC-32, payload CRC-32
_HEADER = struct.Struct("<IIIQII")

# A table as rows: its field names, (document id, values in that order) per record, and the
# documents kept as they are (ones the library could not read, written back unchanged).
Rows = tuple[tuple[str, ...], list[tuple[int, tuple[Any, ...]]], dict[str, Any]]


class Snapshot(NamedTuple):
    data: dict[str, Any]  # tables kept as documents, and _meta
    tables: dict[str, Rows]  # tables kept as rows


def file_sum(raw: bytes) -> tuple[int, int]:
    """What identifies the library file's content: its length and CRC-32 (~2 ms for 6 MB)."""
    return len(raw), zlib.crc32(raw)


def _python() -> int:
    return sys.version_info[0] * 100 + sys.version_info[1]


def read_snapshot(path: Path, source: tuple[int, int], schema: int) -> Snapshot | None:
    """The snapshot at ``path`` if it was made from a file with ``source`` (``file_sum``), else None."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    start = len(_MAGIC) + _HEADER.size
    if not blob.startswith(_MAGIC) or len(blob) < start:
        return None
    fmt, its_schema, python, length, crc, payload_crc = _HEADER.unpack_from(blob, len(_MAGIC))
    if (fmt, its_schema, python, (length, crc)) != (_FORMAT, schema, _python(), source):
        return None
    payload = memoryview(blob)[start:]
    if zlib.crc32(payload) != payload_crc:
        return None
    try:
        data, tables = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or not isinstance(tables, dict):
        return None
    for rows in tables.values():
        if not (isinstance(rows, tuple) and len(rows) == 3 and isinstance(rows[0], tuple)
                and isinstance(rows[1], list) and isinstance(rows[2], dict)):
            return None
    return Snapshot(data, tables)


def write_snapshot(path: Path, source: tuple[int, int], schema: int, snapshot: Snapshot) -> bool:
    """Write a snapshot of the file with ``source``; False when it cannot be (it is only a cache)."""
    try:
        payload = marshal.dumps((snapshot.data, snapshot.tables))
    except ValueError:  # something marshal cannot hold: no snapshot, the file is read as before
        return False
    header = _HEADER.pack(_FORMAT, schema, _python(), source[0], source[1], zlib.crc32(payload))
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, "wb") as fh:
            fh.write(_MAGIC + header)
            fh.write(payload)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        return False
    return True


def discard_snapshot(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
