"""JSON Schema (draft-07) per file type, for the YAML language server in VS Code and other editors.

pydantic emits draft 2020-12 (``$defs``); draft-07 wants ``definitions``. We generate with a
``GenerateJsonSchema`` subclass that sets the dialect and rewrites the references.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic.json_schema import GenerateJsonSchema

from samdrift_cli.fund import Udfald
from samdrift_cli.skemaer import FILTYPER, skemaklasse

DRAFT07 = "http://json-schema.org/draft-07/schema#"
SKEMAMAPPE = ".samdrift/schemas"


class Draft07(GenerateJsonSchema):
    schema_dialect = DRAFT07
    ref_template = "#/definitions/{model}"

    def generate(self, schema, mode="validation"):
        ud = super().generate(schema, mode=mode)
        if "$defs" in ud:
            ud["definitions"] = ud.pop("$defs")
        return ud


def skemanavn(filnavn: str) -> str:
    return filnavn.rsplit(".", 1)[0] + ".schema.json"


def json_skema(filnavn: str) -> dict:
    klasse = skemaklasse(filnavn)
    skema = klasse.model_json_schema(schema_generator=Draft07, ref_template=Draft07.ref_template)
    titel = next(f.titel for f in FILTYPER if f.filnavn == filnavn)
    return {"$schema": DRAFT07, "$id": f"https://samdrift.invalid/schemas/{skemanavn(filnavn)}",
            "title": f"{filnavn}: {titel}", **{k: v for k, v in skema.items() if k != "title"}}


def skema_tekster() -> dict[str, str]:
    return {skemanavn(f.filnavn): json.dumps(json_skema(f.filnavn), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
            for f in FILTYPER}


def skriv_skemaer(ud: Path, rod: Path, overskriv: bool = False) -> Udfald:
    """Write the schemas in ``ud`` with the one writer (``rod``: the samdrift folder)."""
    from samdrift_cli.atomisk import skriv_filer

    ud = Path(ud)
    if ud.exists() and not ud.is_dir():
        from samdrift_cli.fund import Fund, SamdriftFejl

        raise SamdriftFejl([Fund(str(ud), None, None, "fejl", "findes og er ikke en mappe")])
    tekster = skema_tekster()
    skriv_filer({ud / navn: tekst for navn, tekst in tekster.items()}, rod, overskriv, opret_mapper=True)
    return Udfald([f"skrev {len(tekster)} JSON-skemaer (draft-07) i {ud}"])
