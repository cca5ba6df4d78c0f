"""The compiled validators of the file schemas, kept in samdrift's cache.

pydantic builds a model's validator the first time it is used: for the 11 file schemas, about
350 fields, that is ~35 ms in every process, a fifth of a `samdrift check` whose files changed.
The validators are pydantic-core ``SchemaValidator`` objects, which pickle as their core schema
(the classes and functions in it by name, as pickle does). So, like parso's grammar cache or
Python's bytecode, they are compiled once and kept: in the cache folder (see mellemlager.py),
under a name that hashes samdrift's code and the versions of Python, pydantic and pydantic-core.
A new install or version therefore never reads a stale file, a file that cannot be read is built
again, and with the cache turned off (``SAMDRIFT_CACHE=0``) the validators are built in each
process, as pydantic does. Reading a pickle runs the code it names: the cache folder is the
user's own, like the rest of their home, and a file that is not the user's own, or that others
may write, is not read (POSIX).

:func:`validator` gives the same result as the model's own ``model_validate``: the same
instances, the same errors.
"""

import os
import pickle
import sys
from functools import cache
from pathlib import Path

from pydantic_core import SchemaValidator

from .. import mellemlager
from . import FILNAVNE, skemaklasse

ART = "skemaer"


def validator(filnavn: str) -> SchemaValidator:
    """The validator of the schema of ``filnavn`` (one of :data:`FILNAVNE`)."""
    alle = _validatorer(mellemlager.rodmappe())
    if alle is not None:
        return alle[filnavn]
    return _bygget(filnavn)


def _bygget(filnavn: str) -> SchemaValidator:
    klasse = skemaklasse(filnavn)
    klasse.model_rebuild()  # the schemas defer building (Skema's defer_build) until first use
    return klasse.__pydantic_validator__


def fil(mappe: Path) -> Path:
    """The file in ``mappe`` that holds the validators of this samdrift, Python and pydantic."""
    import hashlib

    import pydantic
    import pydantic_core

    aftryk = f"{mellemlager.kodeaftryk()}:{sys.version}:{pydantic.VERSION}:{pydantic_core.__version__}"
    return mappe / f"validatorer-{hashlib.sha1(aftryk.encode()).hexdigest()}.pickle"


@cache
def _validatorer(rod: Path | None) -> dict[str, SchemaValidator] | None:
    """All validators, read from the cache below ``rod`` or built and stored there (once per
    process and cache); None without a cache."""
    mappe = mellemlager.undermappe(ART) if rod is not None else None
    if mappe is None:
        return None
    sti = fil(mappe)
    try:
        with open(sti, "rb") as f:
            if _egen(os.fstat(f.fileno())):
                alle = pickle.load(f)
                if isinstance(alle, dict) and set(alle) == set(FILNAVNE) and all(
                        isinstance(v, SchemaValidator) for v in alle.values()):
                    mellemlager.marker_brugt(sti)
                    return alle
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a damaged pickle can raise nearly anything; it is built again
        pass
    alle = {f: _bygget(f) for f in FILNAVNE}
    try:
        data = pickle.dumps(alle, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return alle  # a schema with a function pickle cannot name: built in each process instead
    mellemlager.gem_fil(sti, data)
    try:
        os.chmod(sti, 0o600)
    except OSError:
        pass
    return alle


def _egen(st: os.stat_result) -> bool:
    """Whether a file is the user's own and only theirs to write (on POSIX): a pickle someone else
    could have written is not read, but built again."""
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022
