"""A content-keyed cache: what samdrift computed for files that have not changed since.

Like mypy's or pre-commit's caches: a portfolio of hundreds of samdrifter is checked on every
commit, and most folders did not change; a tidsregistrering of 200.000 rows is exported once and
then used by every `fordeling` while the nøgler and budgets in model.yaml are worked on. Kept:
the findings of `check`, the milestone judgement of `status`/`check milepael`, a folder's line in
`oversigt`, the record of a valid YAML file (indlaesning.py), the summed hours of a
tidsregistrering, jinja2's compiled templates and, with another pydantic than the one
kerneskemaer.py was generated with, the compiled validators of samdrift's schemas
(skemaer/validatorer.py). The key is a hash of the files' *contents* (not their times),
samdrift's version and its code, and the versions of Python and of the packages that read the
files; so a hit can never be stale. A tidsregistrering with errors and the judgement of an
invalid folder are never kept, so their findings are always told afresh.
The cache lives in ``$XDG_CACHE_HOME/samdrift`` (``~/.cache/samdrift``), never in the samdrift
folder; ``SAMDRIFT_CACHE=0`` turns it off, ``SAMDRIFT_CACHE=/a/folder`` moves it.
Only the standard library is imported here, so a hit costs no more than starting the CLI.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any, Callable, TypeVar

T = TypeVar("T")

FORMAT = 2


def rodmappe() -> Path | None:
    """The cache's folder (not created here), or None when caching is off."""
    valg = os.environ.get("SAMDRIFT_CACHE", "")
    if valg.lower() in ("0", "nej", "no", "false", "off"):
        return None
    if valg:
        return Path(valg).absolute()
    rod = Path(os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"))
    # no home to be found: no cache, rather than a folder named '~' wherever samdrift runs
    return rod / "samdrift" if rod.is_absolute() else None


def undermappe(art: str) -> Path | None:
    """A folder of the cache for one kind of entry, created if need be; None when caching is off
    or the folder cannot be made."""
    rod = rodmappe()
    if rod is None:
        return None
    try:
        (rod / art).mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return rod / art


# what reads a file: an upgrade of these may change what a file reads as
AFHAENGIGHEDER = ("pydantic", "pydantic_core", "yaml")


@cache
def kodeaftryk() -> str:
    """samdrift's version and the size and time of each of its modules (a dev install changes),
    and of the packages that read the files (found, not imported: that would cost more than a hit
    saves), and Python's version."""
    from importlib.util import find_spec

    from . import __version__

    pakke = Path(__file__).resolve().parent
    h = hashlib.sha1(f"{FORMAT}:{__version__}:{sys.version}".encode())
    for fil in sorted(pakke.rglob("*.py")):
        st = fil.stat()
        h.update(f"{fil.relative_to(pakke)}:{st.st_size}:{st.st_mtime_ns}".encode())
    for navn in AFHAENGIGHEDER:
        spec = find_spec(navn)
        if spec is not None and spec.origin:
            st = os.stat(spec.origin)
            h.update(f"{navn}:{spec.origin}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def noegle(sti: Path) -> str | None:
    """The cache key of a folder, or None when caching is off or the folder cannot be read."""
    if rodmappe() is None:
        return None
    from .skemaer import FILNAVNE

    try:
        h = hashlib.sha1(kodeaftryk().encode())
        poster = sorted(os.scandir(sti), key=lambda e: e.name)
        relevante = set(FILNAVNE) | {"tidsregistrering.csv"}
        for e in poster:
            if e.name.startswith("."):
                continue
            endelse = os.path.splitext(e.name)[1].lower()
            if e.name not in relevante and endelse not in (".yaml", ".yml", ".csv"):
                continue
            h.update(f"\0{e.name}\0{'d' if e.is_dir() else 'f'}\0".encode())
            if e.name in relevante and e.is_file():
                _hash_fil(h, e.path)
        return h.hexdigest()
    except OSError:
        return None


def fil_noegle(filnavn: str, raa: bytes) -> str | None:
    """The cache key of one file of a samdrift folder, from its name and bytes (not its folder:
    the same bytes read the same anywhere); None when caching is off."""
    if rodmappe() is None:
        return None
    h = hashlib.sha1(kodeaftryk().encode())
    h.update(f"\0{filnavn}\0".encode())
    h.update(raa)
    return h.hexdigest()


def _hash_fil(h, sti) -> None:
    with open(sti, "rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)


MAKS_ALDER_DAGE = 60  # an entry not used for this long is removed


def hent_post(art: str, noegle_: str | None):
    """The entry stored under ``noegle_``, or None. A hit marks the entry as used."""
    if noegle_ is None:
        return None
    fil = rodmappe() / art / f"{noegle_}.json"
    try:
        data = json.loads(fil.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    marker_brugt(fil)
    return data


def marker_brugt(fil: Path) -> None:
    """Mark an entry as used now, so :func:`_ryd_op` keeps it."""
    try:
        os.utime(fil)
    except OSError:
        pass


def gem_post(art: str, noegle_: str | None, data) -> None:
    if noegle_ is None:
        return
    mappe = undermappe(art)
    if mappe is None:
        return
    gem_fil(mappe / f"{noegle_}.json", json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def gem_fil(sti: Path, indhold: str | bytes, privat: bool = False) -> None:
    """Store an entry of the cache (in a folder from :func:`undermappe`); ``privat``: readable by
    the user alone."""
    from .skrivning import skriv_atomisk

    try:
        # after a crash an entry may be lost or empty: that reads as a miss
        skriv_atomisk(sti, indhold, varig=False)
        if privat:
            os.chmod(sti, 0o600)
    except OSError:
        return  # a cache that cannot be written is no cache, not an error
    _ryd_op(sti.parent)


def egen_fil(st: os.stat_result) -> bool:
    """Whether a file is the user's own and only theirs to write (on POSIX). Reading a pickle runs
    the code it names, so a pickle someone else could have written is never read."""
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def hent_pickle(art: str, noegle_: str | None):
    """The object pickled under ``noegle_`` (by :func:`gem_pickle`), or None. A hit marks the entry
    as used."""
    if noegle_ is None:
        return None
    fil = rodmappe() / art / f"{noegle_}.pickle"
    try:
        with open(fil, "rb") as f:
            if not egen_fil(os.fstat(f.fileno())):
                return None
            import pickle

            obj = pickle.load(f)
    except Exception:  # noqa: BLE001 - missing, or damaged: a damaged pickle can raise nearly anything
        return None
    marker_brugt(fil)
    return obj


def gem_pickle(art: str, noegle_: str | None, data: bytes | None) -> None:
    """Store ``data`` (a pickle, see skemaer/poster.py's ``som_pickle``) under ``noegle_``; None
    (what could not be pickled) is not stored."""
    if noegle_ is None or data is None:
        return
    mappe = undermappe(art)
    if mappe is not None:
        gem_fil(mappe / f"{noegle_}.pickle", data, privat=True)


# what reading back data samdrift did not write (a damaged or foreign entry) raises
UGYLDIG_POST = (TypeError, KeyError, ValueError, IndexError, ArithmeticError)


def husk(art: str, noegle_: str | None, beregn: Callable[[], T], til_data: Callable[[T], Any],
         fra_data: Callable[[Any], T], gem_hvis: Callable[[T], bool] = lambda _: True,
         som_pickle: bool = False) -> T:
    """``beregn()``, or what it gave for the same key before.

    A hit is read back with ``fra_data``; an entry it cannot read is computed again. A result is
    kept (as ``til_data`` of it) only when ``gem_hvis`` says so; an exception from ``beregn``
    (an invalid folder) keeps nothing. The data is kept as JSON, or with ``som_pickle`` as a
    pickle (for large plain data: several times faster to write and read)."""
    data = hent_pickle(art, noegle_) if som_pickle else hent_post(art, noegle_)
    if data is not None:
        try:
            return fra_data(data)
        except UGYLDIG_POST:
            pass
    resultat = beregn()
    if noegle_ is not None and gem_hvis(resultat):
        if som_pickle:
            import pickle

            gem_pickle(art, noegle_, pickle.dumps(til_data(resultat), protocol=pickle.HIGHEST_PROTOCOL))
        else:
            gem_post(art, noegle_, til_data(resultat))
    return resultat


_ryddet: set[Path] = set()


def _ryd_op(mappe: Path) -> None:
    """Remove the entries of ``mappe`` not used for :data:`MAKS_ALDER_DAGE` days (once per process),
    so the cache does not grow with every version of every file ever checked."""
    if mappe in _ryddet:
        return
    _ryddet.add(mappe)
    import time

    graense = time.time() - MAKS_ALDER_DAGE * 86400
    try:
        with os.scandir(mappe) as poster:
            for e in poster:
                try:
                    if e.name.endswith((".json", ".pickle")) and e.stat().st_mtime < graense:
                        os.unlink(e.path)
                except OSError:
                    pass
    except OSError:
        pass


ART_TIDSREGISTRERING = "tidsregistrering"


def laes_tidsregistrering(sti: Path, afdeling_opslag: dict[str, str]):
    """:func:`tidsregistrering.laes_tidsregistrering`, with the sums of a valid file kept in the cache.

    The key covers the file's bytes and the afdelinger it is read against; a file with errors is
    never cached, so its findings are always told with their lines. The sums are kept as a pickle
    of plain lists of whole numbers."""
    from .tidsregistrering import Tidsregistrering, laes_tidsregistrering as laes

    noegle_ = None
    if rodmappe() is not None and sti.is_file():
        try:
            h = hashlib.sha1(kodeaftryk().encode())
            h.update(json.dumps(sorted(afdeling_opslag.items()), ensure_ascii=False).encode())
            _hash_fil(h, sti)
            noegle_ = h.hexdigest()
        except OSError:
            noegle_ = None
    return husk(ART_TIDSREGISTRERING, noegle_, lambda: laes(sti, afdeling_opslag),
                til_data=lambda r: r[0].som_data(), fra_data=lambda d: (Tidsregistrering.fra_data(d), []),
                gem_hvis=lambda r: r[0] is not None, som_pickle=True)
