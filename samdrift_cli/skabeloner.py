"""Where the templates are: inside the installed package, or at the top of a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def skabelonmappe() -> Path:
    pakke = Path(__file__).resolve().parent
    for kandidat in (pakke / "templates", pakke.parent / "templates"):
        if (kandidat / "init" / "samdrift.yaml").is_file():
            return kandidat
    raise FileNotFoundError("samdrift: skabelonerne (templates/) findes ikke i installationen")


def jinja_miljoe(undermappe: str, autoescape: bool = False, trim: bool = False):
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(skabelonmappe() / undermappe)),
        autoescape=autoescape,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=trim,
        lstrip_blocks=trim,
        bytecode_cache=_oversatte_skabeloner(),
    )


def _oversatte_skabeloner():
    """jinja2's own cache of compiled templates, in samdrift's cache folder (see mellemlager.py).

    Compiling the templates is most of what `export --md` costs; jinja2 keys each entry on the
    template's source and its own and Python's version, and writes it atomically."""
    import jinja2

    from .mellemlager import undermappe

    mappe = undermappe("jinja2")
    return jinja2.FileSystemBytecodeCache(str(mappe)) if mappe is not None else None
