"""Field types shared by all schemas: text, dates, exact numbers, amounts, ids."""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict

from samdrift_cli.skemaer.vaerdier import beloeb, dansk_valg, emne_som_tekst, ja_nej, parse_dato, tal, tekst


class Skema(BaseModel):
    # Base of every schema: unknown keys are errors (they are typos). No docstring here:
    # pydantic would inherit it as the (English) description of every model.
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, validate_default=False, defer_build=True)


Tekst = Annotated[str, BeforeValidator(tekst, json_schema_input_type=str | int | float)]
Dato = Annotated[dt.date, BeforeValidator(parse_dato)]
Beloeb = Annotated[Decimal, BeforeValidator(beloeb)]
Tal = Annotated[Decimal, BeforeValidator(tal)]
PositivtTal = Annotated[Decimal, Field(gt=0), BeforeValidator(tal)]  # the bound in the decimal schema itself
IkkeNegativtTal = Annotated[Decimal, Field(ge=0), BeforeValidator(tal)]
Heltal = Annotated[int, Strict()]
PositivtHeltal = Annotated[int, Strict(), Field(gt=0)]
IkkeNegativtHeltal = Annotated[int, Strict(), Field(ge=0)]
JaNej = Annotated[bool, BeforeValidator(ja_nej, json_schema_input_type=bool | Literal["ja", "nej", "Ja", "Nej", "x", "X"])]

T = TypeVar("T")
# one of a fixed set of words, which are written without æ, ø and å: 'nødvendig' is read as 'noedvendig'
Valg = Annotated[T, BeforeValidator(dansk_valg)]

Id = Annotated[str, Strict(), Field(pattern=r"^[a-z0-9_-]+$", min_length=1, max_length=64)]
Reference = Annotated[str, BeforeValidator(tekst)]


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


# A field holding an Emne, which may also be written as plain text (then it is the 'samlet' view)
EmneEllerTekst = Annotated[Emne, BeforeValidator(emne_som_tekst, json_schema_input_type=str | Emne)]


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
