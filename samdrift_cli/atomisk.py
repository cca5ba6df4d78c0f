"""Safe writes: locked, atomic, never outside the folder, never over a file samdrift did not make.

Every command that writes goes through :func:`skriv_atomisk` (one file it changes on purpose: a
YAML file it edits, with its comments) or :func:`skriv_filer` (the files it makes: exports,
kalender, schemas). The rules are the same for all of them:

* a file is written to a temporary file beside it, flushed to disk, then renamed into place, so an
  interrupted write leaves the original untouched;
* a path is never followed out of the samdrift folder by a symbolic link (``dokumenter ->
  ../../x``), nor into it from outside: a path inside the folder must end inside it, and one
  outside must end outside it;
* a file that exists is replaced only when samdrift made it and it is unchanged since, when its
  content would stay the same, or with ``--overskriv``. What samdrift made is recorded in the
  folder written to, in :data:`MANIFEST`, as the SHA-256 of the bytes it wrote: a document
  cannot claim to be samdrift's by what it says about itself;
* the samdrift's own input files are never an export's target, not even with ``--overskriv``.

A read-modify-write of a user file (afkryds, import budget) holds :func:`laas` for the whole
cycle, so that two runs at once never lose each other's change.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from samdrift_cli.fund import Fund, SamdriftFejl

LAASETID = 30  # seconds to wait for another samdrift writing the same file
MANIFEST = ".samdrift-filer.json"  # in each folder samdrift writes files in: what it wrote there
MAKS_EGEN_FIL = 200 * 1024 * 1024  # bytes: no file samdrift writes is larger


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


def _inde_i(sti: Path, rod: Path) -> bool:
    return sti == rod or rod in sti.parents


def maal(sti: Path, rod: Path | None = None) -> Path:
    """The file a write to ``sti`` goes to: the target of a symbolic link, checked to be a regular
    file or absent (never a folder, a FIFO or a device, which a write or a read could block on).
    With ``rod`` (the samdrift folder) a path inside it must end inside it, and one outside it must
    end outside it: no symbolic link, of the file or of a folder on its way, leads out or in."""
    sti = Path(os.path.abspath(sti))
    ægte = Path(os.path.realpath(sti))
    if rod is not None:
        rod = Path(os.path.abspath(rod))
        inde, ægte_inde = _inde_i(sti, rod), _inde_i(ægte, Path(os.path.realpath(rod)))
        if inde and not ægte_inde:
            raise _fejl(sti, f"er et symbolsk link (eller ligger i en mappe, der er et), som fører ud af samdrift-mappen "
                             f"til {ægte}; samdrift skriver ikke gennem det")
        if ægte_inde and not inde:
            raise _fejl(sti, f"er et symbolsk link (eller ligger i en mappe, der er et), som fører ind i samdrift-mappen "
                             f"til {ægte}; samdrift skriver ikke gennem det")
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


def skriv_atomisk(sti: Path, indhold: str | bytes, opret_mappe: bool = False, rod: Path | None = None) -> None:
    """Write ``indhold`` to ``sti`` in one step (``opret_mappe``: make its folder first; ``rod``: the
    samdrift folder, which no symbolic link may lead out of or into, see :func:`maal`)."""
    sti = Path(sti)
    ægte = maal(sti, rod)
    data = indhold.encode("utf-8") if isinstance(indhold, str) else indhold
    try:
        if opret_mappe:
            ægte.parent.mkdir(parents=True, exist_ok=True)
        fd, midlertidig = tempfile.mkstemp(prefix=".samdrift-", suffix=".tmp", dir=ægte.parent)
    except FileNotFoundError:  # the folder to write in: named, as 'export --xlsx' names it
        raise _fejl(_foerste_manglende(ægte.parent), "mappen findes ikke")
    except OSError as e:
        if ægte.parent.is_dir():  # it exists, but may not be written in
            raise _fejl(ægte.parent, f"der kan ikke skrives i mappen: {oserror_tekst(e)}")
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


def _foerste_manglende(mappe: Path) -> Path:
    """The outermost folder of ``mappe``'s path that does not exist (the one to create, or to fix)."""
    while not mappe.parent.exists() and mappe.parent != mappe:
        mappe = mappe.parent
    return mappe


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
    noegle = str(ægte.parent) if os.name != "nt" else str(ægte)
    if _HOLDT.get(noegle):  # held by this samdrift already: one command editing two files of the folder
        _HOLDT[noegle] += 1
        try:
            yield
        finally:
            _HOLDT[noegle] -= 1
        return
    _HOLDT[noegle] = 1
    try:
        with _laas(sti, ægte):
            yield
    finally:
        del _HOLDT[noegle]


_HOLDT: dict[str, int] = {}  # the locks this process holds (the folder, or the file on Windows): re-entrant


@contextlib.contextmanager
def _laas(sti: Path, ægte: Path) -> Iterator[None]:
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


# -- the files samdrift makes ------------------------------------------------------------------


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest(mappe: Path) -> dict[str, str]:
    """What samdrift wrote in ``mappe``: file name -> SHA-256 of its bytes (empty when unknown)."""
    fil = mappe / MANIFEST
    try:
        if not fil.is_file() or fil.is_symlink() or fil.stat().st_size > 1024 * 1024:
            return {}
        data = json.loads(fil.read_text(encoding="utf-8"))
        filer = data.get("filer") if isinstance(data, dict) else None
        return {k: v for k, v in filer.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(filer, dict) else {}
    except (OSError, ValueError, UnicodeDecodeError):
        return {}


def ejer(sti: Path) -> str | None:
    """Whether samdrift made the file at ``sti``: "uaendret" (its bytes are those samdrift wrote),
    "aendret" (samdrift wrote a file of that name here, but it has been changed since) or None
    (samdrift did not make it, or it does not exist)."""
    sti = Path(sti)
    sha = _manifest(sti.parent).get(sti.name)
    if sha is None:
        return None
    try:
        info = sti.stat()
        if not stat.S_ISREG(info.st_mode):
            return None
        if info.st_size > MAKS_EGEN_FIL:  # larger than anything samdrift writes: not read to know that
            return "aendret"
        with open(sti, "rb") as f:
            return "uaendret" if _sha(f.read()) == sha else "aendret"
    except OSError:
        return None


def _samme_indhold(sti: Path, data: bytes) -> bool:
    try:
        if not stat.S_ISREG(sti.stat().st_mode) or sti.stat().st_size != len(data):
            return False
        with open(sti, "rb") as f:
            return f.read() == data
    except OSError:
        return False


def skriv_filer(filer: dict[Path, bytes | str], rod: Path | None, overskriv: bool = False,
                beskyttede: Iterable[Path] = (), opret_mapper: bool = False, fjern: Iterable[Path] = ()) -> list[Path]:
    """Write the files samdrift makes (exports, kalender, schemas), all or none: every target is
    checked first (see the module), every problem told at once; then each is written atomically and
    recorded in its folder's :data:`MANIFEST`. ``beskyttede``: the samdrift's input files, never a
    target. ``fjern``: files samdrift made before that are no longer made (removed when unchanged)."""
    beskyttet = {Path(os.path.realpath(b)) for b in beskyttede}
    data = {Path(os.path.abspath(s)): (d.encode("utf-8") if isinstance(d, str) else d) for s, d in filer.items()}
    fejl: list[Fund] = []
    ægte: dict[Path, Path] = {}
    for sti, indhold in data.items():
        try:
            mål = maal(sti, rod)
        except SamdriftFejl as e:
            fejl += e.fund
            continue
        ægte[sti] = mål
        if mål in beskyttet:
            fejl.append(Fund(str(sti), None, None, "fejl", "er en af samdriftens egne filer; en eksport skriver aldrig "
                                                           "oven i den, heller ikke med --overskriv"))
        elif mål.exists() and not overskriv and not _samme_indhold(mål, indhold):
            hvem = ejer(mål)
            if hvem == "aendret":
                fejl.append(Fund(str(sti), None, None, "fejl", "filen er ændret, siden samdrift skrev den; brug "
                                                               "--overskriv for at erstatte den alligevel"))
            elif hvem is None:
                fejl.append(Fund(str(sti), None, None, "fejl", "filen findes og er ikke lavet af samdrift; brug "
                                                               "--overskriv for at erstatte den"))
    if fejl:
        raise SamdriftFejl(fejl)
    skrevet: dict[Path, dict[str, str]] = {}
    for sti, indhold in data.items():
        skriv_atomisk(ægte[sti], indhold, opret_mappe=opret_mapper)
        skrevet.setdefault(ægte[sti].parent, {})[ægte[sti].name] = _sha(indhold)
    fjernet: dict[Path, list[str]] = {}
    for sti in fjern:
        try:
            mål = maal(sti, rod)
        except SamdriftFejl:
            continue
        if mål not in data and ejer(mål) == "uaendret":
            try:
                mål.unlink()
            except OSError:
                continue
            fjernet.setdefault(mål.parent, []).append(mål.name)
    for mappe in {*skrevet, *fjernet}:
        with laas(mappe / MANIFEST):
            manifest = _manifest(mappe)
            manifest.update(skrevet.get(mappe, {}))
            for navn in fjernet.get(mappe, []):
                manifest.pop(navn, None)
            tekst = json.dumps({"om": "De filer, samdrift har lavet i denne mappe (SHA-256), så den ved, hvad den "
                                      "må erstatte", "filer": dict(sorted(manifest.items()))},
                               ensure_ascii=False, indent=1) + "\n"
            skriv_atomisk(mappe / MANIFEST, tekst)
    return list(data)
