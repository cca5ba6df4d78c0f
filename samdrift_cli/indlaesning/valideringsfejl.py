"""Pydantic validation errors as Danish findings at the exact line and column."""

from __future__ import annotations

import types
import typing
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ValidationError

from samdrift_cli.fund import Fund, synlig
from samdrift_cli.identitet import mente_du, translittereret
from samdrift_cli.indlaesning.yamlkilde import YamlDokument


def _grundtype(annotation: Any) -> Any:
    """Strip Optional/Annotated and return the meaningful type."""
    while True:
        oprindelse = typing.get_origin(annotation)
        if oprindelse is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if oprindelse in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) == 1:
                annotation = args[0]
                continue
        return annotation


def model_ved(rod: type[BaseModel], sti: tuple) -> type[BaseModel] | None:
    """The pydantic model that describes the mapping at ``sti`` (for key suggestions)."""
    aktuel: Any = rod
    for del_ in sti:
        aktuel = _grundtype(aktuel)
        if isinstance(aktuel, type) and issubclass(aktuel, BaseModel) and isinstance(del_, str):
            felt = aktuel.model_fields.get(del_)
            if felt is None:
                return None
            aktuel = felt.annotation
        elif typing.get_origin(aktuel) is list and isinstance(del_, int):
            aktuel = typing.get_args(aktuel)[0]
        elif typing.get_origin(aktuel) is dict:
            aktuel = typing.get_args(aktuel)[1]
        else:
            return None
    aktuel = _grundtype(aktuel)
    if isinstance(aktuel, type) and issubclass(aktuel, BaseModel):
        return aktuel
    return None


def _ren_sti(dok: YamlDokument, loc: tuple) -> tuple:
    """Drop pydantic's union/validator tags from ``loc``, keeping the path into the document."""
    sti: tuple = ()
    for del_ in loc:
        kandidat = sti + (del_,)
        if kandidat in dok.placeringer:
            sti = kandidat
    return sti


def _vis(v: Any) -> str:
    if isinstance(v, str):
        return f"'{synlig(v if len(v) <= 60 else v[:59] + '…')}'"
    if v is None:
        return "tom"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (dict,)):
        return "en tabel"
    if isinstance(v, list):
        return "en liste"
    if isinstance(v, Decimal):  # a number as read (a bound checks it after '12,5' became 12.5)
        return _tal(v)
    return str(v)


def _tal(v: Any) -> str:
    return str(v).replace(".", ",")


def dansk_besked(fejl: dict, rod: type[BaseModel]) -> str:
    typ = fejl["type"]
    ctx = fejl.get("ctx") or {}
    loc = tuple(d for d in fejl["loc"] if isinstance(d, (int, str)))
    felt = next((d for d in reversed(loc) if isinstance(d, str)), "")
    inp = fejl.get("input")
    if typ == "extra_forbidden":
        model = model_ved(rod, loc[:-1])
        besked = f"ukendt nøgle '{felt}'"
        if model is not None:
            forslag = mente_du(str(felt), list(model.model_fields))
            if forslag:
                besked += forslag
            else:
                besked += "; tilladte nøgler her er: " + ", ".join(model.model_fields)
        if " " in str(felt) and inp is None:
            besked += " (i { } adskiller komma felterne; sæt tekst med komma i anførselstegn)"
        return besked
    if typ == "missing":
        return f"mangler den påkrævede nøgle '{felt}'"
    if typ in ("int_type", "int_parsing", "int_from_float"):
        return f"'{felt}' skal være et heltal, ikke {_vis(inp)}"
    if typ in ("bool_type", "bool_parsing"):
        return f"'{felt}' skal være true eller false (eller ja/nej), ikke {_vis(inp)}"
    if typ in ("string_type",):
        return f"'{felt}' skal være tekst, ikke {_vis(inp)}"
    if typ in ("list_type",):
        return f"'{felt}' skal være en liste (linjer der begynder med '- '), ikke {_vis(inp)}"
    if typ in ("dict_type", "model_type", "model_attributes_type"):
        return f"'{felt}' skal være en tabel med nøgler (nøgle: værdi), ikke {_vis(inp)}"
    if typ == "literal_error":
        besked = f"'{felt}' skal være en af: {ctx.get('expected', '')}".replace(" or ", ", ") + f"; ikke {_vis(inp)}"
        if isinstance(inp, str):
            muligheder = [m.strip("'") for m in str(ctx.get("expected", "")).replace(" or ", ", ").split(", ")]
            oversat = translittereret(inp).replace(" ", "_")
            besked += mente_du(oversat, muligheder)
        return besked
    if typ == "greater_than":
        return f"'{felt}' skal være større end {_tal(ctx.get('gt'))}, ikke {_vis(inp)}"
    if typ == "greater_than_equal":
        return f"'{felt}' skal være mindst {_tal(ctx.get('ge'))}, ikke {_vis(inp)}"
    if typ == "less_than_equal":
        return f"'{felt}' må højst være {_tal(ctx.get('le'))}, ikke {_vis(inp)}"
    if typ == "less_than":
        return f"'{felt}' skal være mindre end {_tal(ctx.get('lt'))}, ikke {_vis(inp)}"
    if typ == "string_pattern_mismatch":
        if felt == "farve":
            return f"'farve' skal være en farve skrevet som '#1f4e79' (# og seks hexadecimale cifre), ikke {_vis(inp)}"
        if felt in ("id",) or "id" in felt or isinstance(inp, str):
            return (f"{_vis(inp)} er ikke et gyldigt id; brug kun små bogstaver a-z, tal, '_' og '-' "
                    "(æ→ae, ø→oe, å→aa)")
        return f"'{felt}' har ikke den rette form"
    if typ == "string_too_short":
        return f"'{felt}' må ikke være tom"
    if typ == "string_too_long":
        return f"'{felt}' er for lang (højst {ctx.get('max_length')} tegn)"
    if typ in ("dato", "beloeb", "tal", "tekst"):
        return f"'{felt}': {fejl['msg']}" if felt and not isinstance(loc[-1], int) else fejl["msg"]
    if typ == "value_error":
        return str(fejl["msg"]).removeprefix("Value error, ")
    return f"'{felt}': ugyldig værdi {_vis(inp)}"


def fund_fra_validering(dok: YamlDokument, fejl: ValidationError, rod: type[BaseModel]) -> list[Fund]:
    ud = []
    for e in fejl.errors(include_url=False):
        loc = tuple(e["loc"])
        sti = _ren_sti(dok, loc)
        if sti in dok.ulaeselige:
            continue
        besked = dansk_besked(e, rod)
        if e["type"] == "missing":
            # point at the mapping that lacks the key (its first key), the key of it if known
            ud.append(dok.fund_ved(sti, besked))
        elif e["type"] == "extra_forbidden":
            ud.append(dok.fund_ved(sti, besked, paa_noegle=True))
        else:
            ud.append(dok.fund_ved(sti, besked))
    return ud
