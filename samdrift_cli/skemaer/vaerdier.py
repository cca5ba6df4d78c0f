"""How the schemas read a value: text, dates, amounts, numbers, ja/nej; and when a value is blank.

These are the functions the schemas call (as pydantic ``BeforeValidator``s, see felter.py).
"""

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from pydantic_core import PydanticCustomError

from samdrift_cli.beloeb import BeloebFejl, dansk_tal_i_tekst, parse_beloeb
from samdrift_cli.identitet import translittereret


def tekst(v: Any) -> Any:
    if isinstance(v, bool):
        raise PydanticCustomError("tekst", "skal være tekst, ikke ja/nej (true/false); sæt det i anførselstegn")
    if isinstance(v, (dt.date,)):
        return v.isoformat()
    if isinstance(v, str):  # a line end is LF, as every file is read (a CR would end a line in iCalendar)
        return v.replace("\r\n", "\n").replace("\r", "\n").strip()
    if isinstance(v, Decimal):  # a YAML number in a text field: as written, never as '1E+2'
        return format(v, "f") if "E" in str(v) else str(v)
    return v


_DATO_DK = re.compile(r"^([0-9]{1,2})[-./]([0-9]{1,2})[-./]([0-9]{4})$")
_DATO_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")


def parse_dato(v: Any) -> dt.date:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        s = v.strip()
        m = _DATO_ISO.match(s)
        try:
            if m:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            m = _DATO_DK.match(s)
            if m:
                return dt.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            raise PydanticCustomError("dato", "'{v}' er ikke en gyldig dato (findes ikke i kalenderen)", {"v": s})
    raise PydanticCustomError("dato", "skal være en dato som ÅÅÅÅ-MM-DD, fx 2026-01-31")


def beloeb(v: Any) -> Decimal:
    try:
        return parse_beloeb(v)
    except BeloebFejl as e:
        raise PydanticCustomError("beloeb", str(e).replace("{", "{{").replace("}", "}}"))




def tal(v: Any) -> Any:
    if isinstance(v, bool) or isinstance(v, float):
        raise PydanticCustomError("tal", "skal være et tal")
    if isinstance(v, int):
        return Decimal(v)
    if isinstance(v, Decimal):
        if not v.is_finite():
            raise PydanticCustomError("tal", "skal være et endeligt tal")
        return v
    if isinstance(v, str) and (d := dansk_tal_i_tekst(v)) is not None:  # quoted Danish text: '6.500' is 6500
        return d
    raise PydanticCustomError("tal", "skal være et tal, fx 6500 eller 12,5")


def ja_nej(v: Any) -> Any:
    """Danish answers besides YAML's true/false: ja/nej, and X as in the playbook's "sæt X"."""
    if isinstance(v, str):
        s = v.strip().casefold()
        if s in ("ja", "x"):
            return True
        if s == "nej":
            return False
    return v


def emne_som_tekst(v: Any) -> Any:
    return {"samlet": v} if isinstance(v, str) else v


_ORDSKILLE = str.maketrans({" ": "_", "-": "_"})


def dansk_valg(v: Any) -> Any:
    """One of a fixed set of words as Danish is written: 'nødvendig' is 'noedvendig', 'Grå eminencer'
    'graa_eminencer' (the keys and words of the files are written ae/oe/aa, design.md §1). The file is
    not rewritten."""
    if not isinstance(v, str) or v.isascii() and v == v.lower() and " " not in v.strip() and "-" not in v:
        return v  # already as the files write it
    return translittereret(v).translate(_ORDSKILLE)
