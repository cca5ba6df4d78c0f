"""Safe writes: locked, atomic, and every failure a Danish finding.

A file is written to a temporary file beside it, flushed to disk, then renamed into place, so an
interrupted write leaves the original untouched. A symbolic link stays a link: the file it points
to is replaced. A read-modify-write of a user file (afkryds, import budget) holds :func:`laas` for
the whole cycle, so that two runs at once never lose each other's change.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterator

from samdrift_cli.fund import Fund, SamdriftFejl

LAASETID = 30  # seconds to wait for another samdrift writing the same file


def oserror_tekst(e: OSError) -> str:
    """An operating system error in Danish words."""
    return {errno.EACCES: "ingen adgang (tilladelse nægtet)", errno.EPERM: "ingen adgang (tilladelse nægtet)",
            errno.EROFS: "filsystemet er skrivebeskyttet", errno.ENOENT: "findes ikke",
            errno.ENOTDIR: "en del af stien er en fil, ikke en mappe", errno.EISDIR: "er en mappe",
            errno.ENAMETOOLONG: "navnet er for langt (højst 255 byte pr. navn)", errno.ENOSPC: "disken er fuld",
            errno.EDQUOT: "diskkvoten er opbrugt", errno.ELOOP: "for mange symbolske links (en løkke?)",
            errno.EIO: "inddata/uddata-fejl på disken", errno.EXDEV: "kan ikke flyttes mellem filsystemer"}.get(
        e.errno, e.strerror or type(e).__name__)


def _fejl(sti: Path, besked: str) -> SamdriftFejl:
    return SamdriftFejl([Fund(str(sti), None, None, "fejl", besked)])


def maal(sti: Path) -> Path:
    """The file a write to ``sti`` goes to: the target of a symbolic link, checked to be a regular
    file or absent (never a folder, a FIFO or a device, which a write or a read could block on)."""
    sti = Path(sti)
    ægte = Path(os.path.realpath(sti)) if sti.is_symlink() else sti
    try:
        info = ægte.stat()
    except FileNotFoundError:
        return ægte
    except OSError as e:
        raise _fejl(sti, f"kan ikke skrives: {oserror_tekst(e)}")
    if stat.S_ISDIR(info.st_mode):
        raise _fejl(sti, "er en mappe; angiv et filnavn")
    if not stat.S_ISREG(info.st_mode):
        raise _fejl(sti, "er ikke en almindelig fil (men en FIFO, en enhed eller en sokkel); vælg et andet filnavn")
    return ægte


def skriv_atomisk(sti: Path, indhold: str | bytes, opret_mappe: bool = False) -> None:
    """Write ``indhold`` to ``sti`` in one step (``opret_mappe``: make its folder first)."""
    sti = Path(sti)
    ægte = maal(sti)
    data = indhold.encode("utf-8") if isinstance(indhold, str) else indhold
    try:
        if opret_mappe:
            ægte.parent.mkdir(parents=True, exist_ok=True)
        fd, midlertidig = tempfile.mkstemp(prefix=".samdrift-", suffix=".tmp", dir=ægte.parent)
    except FileNotFoundError:  # the folder to write in: named, as 'export --xlsx' names it
        raise _fejl(ægte.parent, "mappen findes ikke")
    except OSError as e:
        raise _fejl(sti, f"kan ikke skrives: {oserror_tekst(e)}")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        tilstand = ægte.stat().st_mode & 0o7777 if ægte.exists() else 0o666 & ~_umask()
        os.chmod(midlertidig, tilstand)
        os.replace(midlertidig, ægte)
    except OSError as e:
        _fjern(midlertidig)
        raise _fejl(sti, f"kan ikke skrives: {oserror_tekst(e)}")
    except BaseException:
        _fjern(midlertidig)
        raise


def _fjern(sti: str) -> None:
    try:
        os.unlink(sti)
    except OSError:
        pass


def _umask() -> int:
    m = os.umask(0)
    os.umask(m)
    return m


@contextlib.contextmanager
def laas(sti: Path) -> Iterator[None]:
    """Hold the write lock of the user file ``sti`` while it is read, changed and written; another
    samdrift waits for it (at most :data:`LAASETID` seconds).

    On POSIX the lock is ``flock`` on the file's folder, so no lock file is left in the user's
    folder (nothing but the file itself changes). Elsewhere (Windows, no ``fcntl``) it is a
    ``filelock`` lock file beside it, ``.navn.lock``.
    """
    ægte = maal(sti)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        from filelock import FileLock, Timeout

        try:
            with FileLock(str(ægte.with_name(f".{ægte.name}.lock")), timeout=LAASETID):
                yield
        except Timeout:
            raise _fejl(sti, f"en anden samdrift skriver i filen; prøv igen om lidt (ventede {LAASETID} sekunder)")
        return
    import time

    try:
        fd = os.open(ægte.parent, os.O_RDONLY)
    except OSError as e:
        raise _fejl(sti, f"kan ikke låses til skrivning: {oserror_tekst(e)}")
    try:
        slut = time.monotonic() + LAASETID
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > slut:
                    raise _fejl(sti, f"en anden samdrift skriver i filen; prøv igen om lidt (ventede {LAASETID} sekunder)")
                time.sleep(0.02)
            except OSError as e:
                raise _fejl(sti, f"kan ikke låses til skrivning: {oserror_tekst(e)}")
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
