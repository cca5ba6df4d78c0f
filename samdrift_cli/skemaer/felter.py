"""Field types shared by all schemas: text, dates, exact numbers, amounts, ids."""

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict
from pydantic_core import PydanticCustomError

from ..beloeb import BeloebFejl, parse_beloeb


class Skema(BaseModel):
    # Base of every schema: unknown keys are errors (they are typos). No docstring here:
    # pydantic would inherit it as the (English) description of every model.
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, validate_default=False, defer_build=True)


def _tekst(v: Any) -> Any:
    if isinstance(v, bool):
        raise PydanticCustomError("tekst", "skal være tekst, ikke ja/nej (true/false); sæt det i anførselstegn")
    if isinstance(v, (dt.date,)):
        return v.isoformat()
    if isinstance(v, str):
        return v.strip()
    return v


Tekst = Annotated[str, BeforeValidator(_tekst, json_schema_input_type=str | int | float)]

_DATO_DK = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$")
_DATO_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


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


Dato = Annotated[dt.date, BeforeValidator(parse_dato)]


def _beloeb(v: Any) -> Decimal:
    try:
        return parse_beloeb(v)
    except BeloebFejl as e:
        raise PydanticCustomError("beloeb", str(e).replace("{", "{{").replace("}", "}}"))


Beloeb = Annotated[Decimal, BeforeValidator(_beloeb)]


def _decimal(v: Any) -> Any:
    if isinstance(v, bool) or isinstance(v, float):
        raise PydanticCustomError("tal", "skal være et tal")
    if isinstance(v, int):
        return Decimal(v)
    if isinstance(v, Decimal):
        if not v.is_finite():
            raise PydanticCustomError("tal", "skal være et endeligt tal")
        return v
    if isinstance(v, str):
        s = v.strip().replace(",", ".")
        if re.fullmatch(r"[-+]?\d+(\.\d+)?", s):
            return Decimal(s)
    raise PydanticCustomError("tal", "skal være et tal, fx 6500 eller 12,5")


Tal = Annotated[Decimal, BeforeValidator(_decimal)]
PositivtTal = Annotated[Decimal, BeforeValidator(_decimal), Field(gt=0)]
IkkeNegativtTal = Annotated[Decimal, BeforeValidator(_decimal), Field(ge=0)]
Heltal = Annotated[int, Strict()]
PositivtHeltal = Annotated[int, Strict(), Field(gt=0)]
IkkeNegativtHeltal = Annotated[int, Strict(), Field(ge=0)]


def _ja_nej(v: Any) -> Any:
    """Danish answers besides YAML's true/false: ja/nej, and X as in the playbook's "sæt X"."""
    if isinstance(v, str):
        s = v.strip().casefold()
        if s in ("ja", "x"):
            return True
        if s == "nej":
            return False
    return v


JaNej = Annotated[bool, BeforeValidator(_ja_nej, json_schema_input_type=bool | Literal["ja", "nej", "Ja", "Nej", "x", "X"])]

Id = Annotated[str, Strict(), Field(pattern=r"^[a-z0-9_-]+$", min_length=1, max_length=64)]
Reference = Annotated[str, BeforeValidator(_tekst)]


class Godkendelse(Skema):
    """Hvem godkendte/besluttede hvad og hvornår."""

    af: Tekst | None = Field(None, description="Hvem godkendte, fx 'Direktionen' eller 'Organisationsbestyrelsen'")
    dato: Dato | None = Field(None, description="Hvornår (ÅÅÅÅ-MM-DD)")
    referat: Tekst | None = Field(None, description="Henvisning til referat, fx 'Direktionsmøde 14.03.2025, pkt. 4'")
    bemaerkning: Tekst | None = Field(None, description="Eventuel bemærkning")


class Udarbejdet(Skema):
    af: Tekst | None = Field(None, description="Hvem har udarbejdet dokumentet")
    dato: Dato | None = Field(None, description="Hvornår det blev udarbejdet")


class Emne(Skema):
    """Et emne vurderet samlet og for de enkelte afdelinger. Kan også skrives som ren tekst."""

    samlet: Tekst | None = Field(None, description="Vurderingen samlet set")
    afdelinger: dict[str, Tekst] = Field(default_factory=dict, description="Vurderingen for hver afdeling (afdelingens id: tekst)")


def _emne_som_tekst(v: Any) -> Any:
    return {"samlet": v} if isinstance(v, str) else v


# A field holding an Emne, which may also be written as plain text (then it is the 'samlet' view)
EmneEllerTekst = Annotated[Emne, BeforeValidator(_emne_som_tekst, json_schema_input_type=str | Emne)]


def tom(v: Any) -> bool:
    """Is a value absent or blank?"""
    if v is None:
        return True
    if isinstance(v, str):
        return not v.strip()
    if isinstance(v, (list, dict)):
        return len(v) == 0
    if isinstance(v, Emne):
        return tom(v.samlet) and all(tom(t) for t in v.afdelinger.values())
    return False
