"""Pydantic schemas, one module per file of the samdrift folder."""

from __future__ import annotations

import importlib
from typing import NamedTuple


class Filtype(NamedTuple):
    filnavn: str
    modul: str
    klasse: str
    titel: str


FILTYPER: tuple[Filtype, ...] = (
    Filtype("samdrift.yaml", "samdrift", "SamdriftFil", "Basisoplysninger"),
    Filtype("milepaele.yaml", "milepaele", "MilepaeleFil", "Milepæle"),
    Filtype("oplaeg.yaml", "oplaeg", "OplaegFil", "Oplæg om muligheder og udfordringer (Bilag 1)"),
    Filtype("interessenter.yaml", "interessenter", "InteressenterFil", "Interessentanalyse (Bilag 2)"),
    Filtype("analyse.yaml", "analyse", "AnalyseFil", "Analyse af muligheder og udfordringer"),
    Filtype("inddragelsesplan.yaml", "inddragelsesplan", "InddragelsesplanFil", "Tids- og aktivitetsplan for inddragelse"),
    Filtype("model.yaml", "model", "ModelFil", "Samdriftsmodel (Bilag 3)"),
    Filtype("aftale.yaml", "aftale", "AftaleFil", "Aftale om samdrift (Bilag 4)"),
    Filtype("implementeringsplan.yaml", "implementeringsplan", "ImplementeringsplanFil", "Implementeringsplan (Bilag 5)"),
    Filtype("orientering.yaml", "orientering", "OrienteringFil", "Orientering og markering"),
    Filtype("evaluering.yaml", "evaluering", "EvalueringFil", "Evalueringsskema med implementeringstjekliste"),
    Filtype("kontokort.yaml", "kontokort", "KontokortFil", "Kontokort: administrationssystemets konti til linjerne i model.yaml"),
)

FILNAVNE = tuple(f.filnavn for f in FILTYPER)


def skemaklasse(filnavn: str):
    for f in FILTYPER:
        if f.filnavn == filnavn:
            return getattr(importlib.import_module(f"{__name__}.{f.modul}"), f.klasse)
    raise KeyError(filnavn)
