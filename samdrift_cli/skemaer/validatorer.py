"""The validators of the file schemas: compiled once, kept in samdrift's cache, filling records.

pydantic builds a model's validator the first time it is used: for the 11 file schemas, about
350 fields, that is ~35 ms in every process. The validators are pydantic-core ``SchemaValidator``
objects, which pickle as their core schema (the classes and functions in it by name). So, like
parso's grammar cache or Python's bytecode, they are compiled once and kept: in the cache folder
(see mellemlager.py), under a name that hashes samdrift's code and the versions of Python,
pydantic and pydantic-core. A new install or version therefore never reads a stale file, a file
that cannot be read is built again, and with the cache turned off (``SAMDRIFT_CACHE=0``) they are
built in each process. Reading a pickle runs the code it names: the cache folder is the user's
own, like the rest of their home, and a file that is not the user's own, or that others may
write, is not read (POSIX).

The validators fill the light records of poster.py, not the pydantic models: the core schema of
each file's model, with every model class replaced by its record class. Then a process that
reads the validators from the cache imports neither pydantic's ``BaseModel`` nor the ~70 schema
classes (~60 ms): only pydantic-core, the record classes and the functions in vaerdier.py. The
same records are made when the validators are built in the process, so a folder is always read
into the same kind of objects. The errors are the model's own (the schema is the same).
"""

import pickle
import sys
from functools import cache
from pathlib import Path

from pydantic_core import SchemaValidator

from .. import mellemlager
from . import FILNAVNE, poster, skemaklasse

ART = "skemaer"


def validator(filnavn: str) -> SchemaValidator:
    """The validator of the schema of ``filnavn`` (one of :data:`FILNAVNE`); it gives records."""
    return _validatorer(mellemlager.rodmappe())[filnavn]


def _bygget(filnavn: str) -> SchemaValidator:
    """Build the validator for ``filnavn`` from its pydantic model, filling records."""
    from pydantic import BaseModel

    klasse = skemaklasse(filnavn)
    klasse.model_rebuild()  # the schemas defer building (Skema's defer_build) until first use
    return SchemaValidator(_med_poster(klasse.__pydantic_core_schema__, BaseModel))


def _med_poster(skema, basemodel: type):
    """A copy of a core schema with every model class replaced by its record class. Metadata and
    serialization are left out: they are for JSON Schema and dumping, which records never do."""
    if isinstance(skema, dict):
        ud = {}
        for k, v in skema.items():
            if k in ("metadata", "serialization"):
                continue
            if k == "cls" and skema.get("type") == "model" and isinstance(v, type) and issubclass(v, basemodel):
                v = post_klasse(v)
            else:
                v = _med_poster(v, basemodel)
            ud[k] = v
        return ud
    if isinstance(skema, list):
        return [_med_poster(v, basemodel) for v in skema]
    return skema


def post_klasse(model: type) -> type:
    """The record class of a pydantic schema class (with the behaviour it shares, from poster.py)."""
    mixins = tuple(b for b in model.__mro__[1:] if b.__module__ == poster.__name__)
    return poster.klasse(model.__module__, model.__qualname__, mixins)


def fil(mappe: Path) -> Path:
    """The file in ``mappe`` that holds the validators of this samdrift, Python and pydantic."""
    import hashlib

    import pydantic
    import pydantic_core

    aftryk = f"{mellemlager.kodeaftryk()}:{sys.version}:{pydantic.VERSION}:{pydantic_core.__version__}"
    return mappe / f"validatorer-{hashlib.sha1(aftryk.encode()).hexdigest()}.pickle"


@cache
def _validatorer(rod: Path | None) -> dict[str, SchemaValidator]:
    """All validators, read from the cache below ``rod`` or built (and stored there), once per
    process and cache."""
    mappe = mellemlager.undermappe(ART) if rod is not None else None
    if mappe is None:
        return {f: _bygget(f) for f in FILNAVNE}
    noegle = fil(mappe).stem
    alle = mellemlager.hent_pickle(ART, noegle)
    if isinstance(alle, dict) and set(alle) == set(FILNAVNE) and all(isinstance(v, SchemaValidator) for v in alle.values()):
        return alle
    alle = {f: _bygget(f) for f in FILNAVNE}
    try:
        data = poster.som_pickle(alle)
    except (pickle.PicklingError, TypeError, AttributeError):
        return alle  # a schema with a function pickle cannot name: built in each process instead
    mellemlager.gem_pickle(ART, noegle, data)
    return alle
