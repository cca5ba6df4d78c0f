"""Safe writes: a temporary file in the same folder, fsync, then rename into place.

An interrupted write leaves the original file untouched.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def skriv_atomisk(sti: Path, indhold: str | bytes, varig: bool = True) -> None:
    """Write ``indhold`` to ``sti`` in one step. ``varig=False`` skips the fsync: for files that
    may be lost without harm (the cache), where waiting for the disk on every entry is waste."""
    sti = Path(sti)
    data = indhold.encode("utf-8") if isinstance(indhold, str) else indhold
    fd, midlertidig = tempfile.mkstemp(prefix=f".{sti.name}.", suffix=".tmp", dir=sti.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if varig:
                f.flush()
                os.fsync(f.fileno())
        if sti.exists():
            try:
                os.chmod(midlertidig, sti.stat().st_mode & 0o7777)
            except OSError:  # pragma: no cover
                pass
        else:
            os.chmod(midlertidig, 0o666 & ~_umask())
        os.replace(midlertidig, sti)
    except BaseException:
        try:
            os.unlink(midlertidig)
        except OSError:
            pass
        raise


def _umask() -> int:
    m = os.umask(0)
    os.umask(m)
    return m
