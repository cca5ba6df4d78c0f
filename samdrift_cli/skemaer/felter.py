"""Field types shared by all schemas: text, dates, exact numbers, amounts, ids."""

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, ValidationInfo

from samdrift_cli.fund import synlig
from samdrift_cli.identitet import afdeling_opslag, normaliser, ukendt_afdeling
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

ID_MOENSTER = r"^[a-z0-9_-]+$"
Id = Annotated[str, Strict(), Field(pattern=ID_MOENSTER, min_length=1, max_length=64)]
Reference = Annotated[str, BeforeValidator(tekst)]

# An afdeling is named by its id or its navn, in any case (design.md §3.1): validated with the
# context {"afdelinger": normalised id and navn -> id} (identitet.afdeling_opslag), as the loader
# and every write do, the navn is read as the id, so every command downstream sees ids only.
# Without the context (samdrift.yaml itself, a lone schema check) the value is taken as written.
AFDELINGER, AFDELINGSPAR = "afdelinger", "afdelingspar"


def _opslag(info: ValidationInfo) -> dict[str, str]:
    return info.context.get(AFDELINGER) or {} if isinstance(info.context, dict) else {}


def afdelingsreference(v: Any, info: ValidationInfo) -> Any:
    """The id of the afdeling ``v`` names. One that is no afdeling and could not be an id either
    ('Pærebaken') is told as unknown, with the nearest name; an unknown id is told by the
    cross-checks (konsistens.py), which know its place in the file."""
    opslag = _opslag(info)
    if not opslag or not isinstance(v, str):
        return v
    if (fundet := opslag.get(normaliser(v))) is not None:
        return fundet
    if not re.fullmatch(ID_MOENSTER, v):
        raise ValueError(ukendt_afdeling(v, info.context[AFDELINGSPAR]))
    return v


def afdelingstabel(v: Any, info: ValidationInfo) -> Any:
    """A table keyed by afdeling with each key read as its id; one afdeling written twice (as
    'Pærebakken' and 'paerebakken') is an error, never a silent overwrite."""
    opslag = _opslag(info)
    if not opslag or not isinstance(v, dict):
        return v
    ud: dict = {}
    skrevet: dict = {}
    for k, x in v.items():
        n = opslag.get(normaliser(k), k) if isinstance(k, str) else k
        if n in ud:
            raise ValueError(f"afdelingen '{synlig(str(n))}' står to gange, som '{synlig(str(skrevet[n]))}' "
                             f"og '{synlig(str(k))}'; skriv den én gang")
        ud[n], skrevet[n] = x, k
    return ud


def valideringskontekst(samdrift_data: Any) -> dict:
    """The context every file of a folder is validated in, from samdrift.yaml's data as read (its
    afdelinger's id and navn; a part with errors is simply not in it)."""
    afdelinger = samdrift_data.get("afdelinger") if isinstance(samdrift_data, dict) else None
    par = [(a["id"], str(a.get("navn") or a["id"])) for a in afdelinger if isinstance(a, dict) and isinstance(a.get("id"), str)] \
        if isinstance(afdelinger, list) else []
    return {AFDELINGER: afdeling_opslag(par), AFDELINGSPAR: par} if par else {}


AfdelingsId = Annotated[Id, BeforeValidator(afdelingsreference, json_schema_input_type=str)]
PrAfdeling = Annotated[dict[str, T], BeforeValidator(afdelingstabel)]


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
    afdelinger: PrAfdeling[Tekst] = Field(default_factory=dict, description="Vurderingen for hver afdeling (afdelingens id eller navn: tekst)")


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
