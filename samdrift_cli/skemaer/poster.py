"""The records a loaded file is made of: plain classes with the fields of the schema classes.

The schemas are pydantic models (one module per file type): they define the files and give the
JSON Schemas and the error messages. Importing pydantic's ``BaseModel`` and creating the ~70
schema classes costs ~60 ms in every process, more than all the rest of a `samdrift check`. So
the validators (validatorer.py) fill *records* instead: for each schema class a plain class of
the same name, made by :func:`klasse`, whose instances hold the same fields, compare equal by
their fields (as pydantic models do) and share the schema class's behaviour through the mixins
below. pydantic-core fills a record exactly as it fills a model: the fields in ``__dict__`` and
its three bookkeeping slots. Code that reads a folder only reads attributes; it never calls
pydantic's model methods (``model_dump`` …) on what it loaded, and tests hold it to that, because
the test suite reads the example through these records too.

Only the standard library is imported here.
"""

_KLASSER: dict[tuple[str, str], type] = {}


class Post:
    """Base of every record."""

    __slots__ = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Post):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # mutable, as pydantic models are

    def __repr__(self) -> str:
        felter = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({felter})"


def klasse(modul: str, navn: str, mixins: tuple[type, ...] = ()) -> type:
    """The record class for the schema class ``modul.navn`` (made once per process)."""
    k = _KLASSER.get((modul, navn))
    if k is None:
        k = _KLASSER[(modul, navn)] = type(navn, (*mixins, Post), {"__slots__": (), "__module__": modul,
                                                                     "__qualname__": navn})
    return k


def som_pickle(obj) -> bytes | None:
    """``obj`` pickled, with each record class as the call that makes it again (:func:`klasse`):
    record classes are made at run time, so they cannot be found by name like other classes.
    None if ``obj`` holds a value pickle cannot name (then it is not kept, but made afresh)."""
    import io
    import pickle

    class Pickler(pickle.Pickler):
        def reducer_override(self, x):
            if isinstance(x, type) and issubclass(x, Post) and x is not Post:
                return klasse, (x.__module__, x.__qualname__, tuple(b for b in x.__bases__ if b is not Post))
            return NotImplemented

    ud = io.BytesIO()
    try:
        Pickler(ud, protocol=pickle.HIGHEST_PROTOCOL).dump(obj)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None
    return ud.getvalue()


def model_skema(cls: type, felter: dict, konfig: dict) -> dict:
    """The core schema pydantic gives a model with these fields and config (but its title), for
    its record class ``cls``: kerneskemaer.py writes each model as a call of this, where it gives
    exactly the model's schema (see generer_kerneskemaer.py)."""
    navn = cls.__qualname__
    return {
        "type": "model",
        "cls": cls,
        "schema": {"type": "model-fields", "fields": felter, "model_name": navn, "computed_fields": []},
        "custom_init": False,
        "root_model": False,
        "config": {**konfig, "title": navn},
        "ref": f"{cls.__module__}.{navn}",
    }


# -- behaviour the schema classes share with their records ---------------------------------------


class EmneData:
    """Marks an Emne (a topic assessed overall and per afdeling) for :func:`vaerdier.tom`."""

    __slots__ = ()


KVADRANTER: dict[tuple[str, str], str] = {
    ("noedvendig", "ingen"): "arbejdsbier",
    ("noedvendig", "stor"): "ressourcepersoner",
    ("ikke_noedvendig", "ingen"): "eksterne",
    ("ikke_noedvendig", "stor"): "graa_eminencer",
}


class InteressentData:
    """An interessent's quadrant in the playbook's diagram, from indflydelse × deltagelse."""

    __slots__ = ()

    @property
    def kvadrant(self) -> str | None:
        if self.deltagelse and self.indflydelse:
            return KVADRANTER[(self.deltagelse, self.indflydelse)]
        return None
