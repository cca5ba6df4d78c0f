"""Safe writes: a temporary file in the same folder, fsync, then rename into place.

An interrupted write leaves the original file untouched.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def skriv_atomisk(sti: Path, indhold: str | bytes) -> None:
    sti = Path(sti)
    data = indhold.encode("utf-8") if isinstance(indhold, str) else indhold
    fd, midlertidig = tempfile.mkstemp(prefix=f".{sti.name}.", suffix=".tmp", dir=sti.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
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
