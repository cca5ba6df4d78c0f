"""The validators of the file schemas: from source generated from the models, or compiled once and
kept in samdrift's cache; filling records.

Building a validator from its pydantic model means importing ``BaseModel``, creating the ~70
schema classes and generating their core schemas: ~80 ms in a process, more than the whole start
of a `samdrift check`. The validators themselves are pydantic-core ``SchemaValidator`` objects,
made in under a millisecond from a core schema. So they are made, in this order:

1. from kerneskemaer.py, the core schemas as Python source, generated from the models by
   generer_kerneskemaer.py and shipped in the package, like a parser generator's tables. They are
   used only if they were generated from this very source (:func:`skemaaftryk`) with this very
   pydantic and pydantic-core; a test fails when they are not the ones the models give today.
2. from the cache folder (see mellemlager.py): the validators pickle as their core schema (the
   classes and functions in it by name), under a name that hashes samdrift's code and the versions
   of Python, pydantic and pydantic-core. A file that cannot be read is built again. Reading a
   pickle runs the code it names: the cache folder is the user's own, like the rest of their home,
   and a file that is not the user's own, or that others may write, is not read (POSIX).
3. built from the models, and stored in the cache (unless it is turned off, ``SAMDRIFT_CACHE=0``).

So with another pydantic than the one samdrift was released with, the first run builds them and
the rest read them from the cache; with samdrift's own, no run builds them, with or without the
cache.

The validators fill the light records of poster.py, not the pydantic models: the core schema of
each file's model, with every model class replaced by its record class. Then reading a folder
imports neither pydantic's ``BaseModel`` nor the schema classes: only pydantic-core, the record
classes and the functions in vaerdier.py. The same records are made when the validators are built
in the process, so a folder is always read into the same kind of objects. The errors are the
model's own (the schema is the same).
"""

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
    return SchemaValidator(kerneskema(filnavn))


def kerneskema(filnavn: str) -> dict:
    """The core schema of ``filnavn``'s model, with records for models (see :func:`_med_poster`)."""
    from pydantic import BaseModel

    klasse = skemaklasse(filnavn)
    klasse.model_rebuild()  # the schemas defer building (Skema's defer_build) until first use
    return _med_poster(klasse.__pydantic_core_schema__, BaseModel, {})


# what only JSON Schema and dumping use, which records never do
_UDELADT = frozenset(("metadata", "serialization", "json_schema_input_schema"))


def _med_poster(skema, basemodel: type, refs: dict[str, str]):
    """A copy of a core schema with every model class replaced by its record class, without what
    validation does not use (:data:`_UDELADT`). A definition's name loses the ``:<id>`` pydantic
    gives it, so the same models always give the same schema (``refs`` keeps them apart)."""
    if isinstance(skema, dict):
        ud = {}
        for k, v in skema.items():
            if k in _UDELADT:
                continue
            if k == "cls" and skema.get("type") == "model" and isinstance(v, type) and issubclass(v, basemodel):
                v = post_klasse(v)
            elif k in ("ref", "schema_ref") and isinstance(v, str):
                if v not in refs:
                    refs[v] = _nyt_navn(v.rpartition(":")[0] or v, refs)
                v = refs[v]
            else:
                v = _med_poster(v, basemodel, refs)
            ud[k] = v
        return ud
    if isinstance(skema, list):
        return [_med_poster(v, basemodel, refs) for v in skema]
    return skema


def _nyt_navn(navn: str, refs: dict[str, str]) -> str:
    """``navn``, or ``navn#2``, ``navn#3`` … if another definition has that name already."""
    brugt = set(refs.values())
    ud, n = navn, 1
    while ud in brugt:
        n += 1
        ud = f"{navn}#{n}"
    return ud


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


def skemaaftryk() -> str:
    """A hash of the source the core schemas are built from: the modules of this package, except
    the generated kerneskemaer.py (line ends as in git, so a Windows checkout gives the same)."""
    import hashlib

    h = hashlib.sha1()
    for sti in sorted(Path(__file__).parent.glob("*.py")):
        if sti.name != "kerneskemaer.py":
            h.update(f"{sti.name}\0".encode())
            h.update(sti.read_bytes().replace(b"\r\n", b"\n"))
    return h.hexdigest()


def _fra_kilden() -> dict[str, SchemaValidator] | None:
    """The validators from kerneskemaer.py, if it was generated from this source with this pydantic
    and pydantic-core (see generer_kerneskemaer.py); else None."""
    import pydantic_core

    try:
        from . import kerneskemaer
    except ImportError:
        return None
    if (kerneskemaer.PYDANTIC_CORE != pydantic_core.__version__ or not pydantic_er(kerneskemaer.PYDANTIC)
            or kerneskemaer.SKEMAAFTRYK != skemaaftryk()):
        return None
    skemaer = kerneskemaer.skemaer()
    if set(skemaer) != set(FILNAVNE):
        return None
    try:
        return {f: SchemaValidator(skemaer[f]) for f in FILNAVNE}
    except pydantic_core.SchemaError:
        return None


def pydantic_er(version: str) -> bool:
    """Is ``version`` the installed pydantic? Told by the metadata folder an installer writes beside
    the package (``pydantic-<version>.dist-info``, as importlib.metadata finds it), so that reading a
    version does not import the pydantic package (~5 ms); else by pydantic itself."""
    from importlib.util import find_spec

    spec = find_spec("pydantic")
    if spec is not None and spec.origin:
        if (Path(spec.origin).parent.parent / f"pydantic-{version}.dist-info").is_dir():
            return True
    from pydantic.version import VERSION

    return VERSION == version


def _byg_alle() -> dict[str, SchemaValidator]:
    return {f: _bygget(f) for f in FILNAVNE}


@cache
def _validatorer(rod: Path | None) -> dict[str, SchemaValidator]:
    """All validators, once per process and cache: from kerneskemaer.py when it fits this source
    and pydantic; else read from the cache below ``rod``, or built from the models (and stored)."""
    fra_kilden = _fra_kilden()
    if fra_kilden is not None:
        return fra_kilden
    mappe = mellemlager.undermappe(ART) if rod is not None else None
    if mappe is None:
        return _byg_alle()
    noegle = fil(mappe).stem
    alle = mellemlager.hent_pickle(ART, noegle)
    if isinstance(alle, dict) and set(alle) == set(FILNAVNE) and all(isinstance(v, SchemaValidator) for v in alle.values()):
        return alle
    alle = _byg_alle()
    # (not kept if a schema holds a function pickle cannot name: then built in each process)
    mellemlager.gem_pickle(ART, noegle, poster.som_pickle(alle))
    return alle
