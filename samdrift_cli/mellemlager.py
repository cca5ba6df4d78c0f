"""A cache for `samdrift check`: the findings of a folder whose files have not changed.

Like mypy's or pre-commit's caches: a portfolio of hundreds of samdrifter is checked on every
commit, and most folders did not change. The key is a hash of the files' *contents* (not their
times), the folder's listing, samdrift's version and its code; so a hit can never be stale.
The cache lives in ``$XDG_CACHE_HOME/samdrift`` (``~/.cache/samdrift``), never in the samdrift
folder; ``SAMDRIFT_CACHE=0`` turns it off, ``SAMDRIFT_CACHE=/a/folder`` moves it.
Only the standard library is imported here, so a hit costs no more than starting the CLI.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from .fund import Fund

FORMAT = 1


def _mappe() -> Path | None:
    valg = os.environ.get("SAMDRIFT_CACHE", "")
    if valg.lower() in ("0", "nej", "no", "false", "off"):
        return None
    if valg:
        return Path(valg)
    rod = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(rod) / "samdrift"


def _kodeaftryk() -> str:
    """samdrift's version and the size and time of each of its modules (a dev install changes)."""
    from . import __version__

    pakke = Path(__file__).resolve().parent
    h = hashlib.sha1(f"{FORMAT}:{__version__}".encode())
    for fil in sorted(pakke.rglob("*.py")):
        st = fil.stat()
        h.update(f"{fil.relative_to(pakke)}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def noegle(sti: Path) -> str | None:
    """The cache key of a folder, or None when caching is off or the folder cannot be read."""
    if _mappe() is None:
        return None
    from .skemaer import FILNAVNE

    try:
        h = hashlib.sha1(_kodeaftryk().encode())
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
                with open(e.path, "rb") as f:
                    for blok in iter(lambda: f.read(1 << 20), b""):
                        h.update(blok)
        return h.hexdigest()
    except OSError:
        return None


def hent(noegle_: str | None) -> dict | None:
    if noegle_ is None:
        return None
    fil = _mappe() / "check" / f"{noegle_}.json"
    try:
        data = json.loads(fil.read_text(encoding="utf-8"))
        data["fund"] = [Fund(**f) for f in data["fund"]]
        return data
    except (OSError, ValueError, TypeError, KeyError):
        return None


def gem(noegle_: str | None, navn: str | None, filer: list[str], fund: list[Fund]) -> None:
    if noegle_ is None:
        return
    mappe = _mappe() / "check"
    data = {"navn": navn, "filer": filer,
            "fund": [{"fil": f.fil, "linje": f.linje, "kolonne": f.kolonne, "niveau": f.niveau, "besked": f.besked,
                      "uddrag": f.uddrag} for f in fund]}
    try:
        mappe.mkdir(parents=True, exist_ok=True)
        from .skrivning import skriv_atomisk

        skriv_atomisk(mappe / f"{noegle_}.json", json.dumps(data, ensure_ascii=False))
    except OSError:
        pass  # a cache that cannot be written is no cache, not an error
