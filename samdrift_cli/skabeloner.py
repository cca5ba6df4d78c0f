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
    )
