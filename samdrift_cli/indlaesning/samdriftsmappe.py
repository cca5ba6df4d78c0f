"""A loaded samdrift folder: each file's document and model, the time registration, the findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from samdrift_cli.fund import Fund, har_fejl
from samdrift_cli.indlaesning.navne import Navne
from samdrift_cli.indlaesning.tidsregistrering import Tidsregistrering
from samdrift_cli.indlaesning.yamlkilde import YamlDokument

if TYPE_CHECKING:
    from samdrift_cli.indlaesning.delvis import DelvisFil
    from samdrift_cli.skemaer.aftale import AftaleFil
    from samdrift_cli.skemaer.analyse import AnalyseFil
    from samdrift_cli.skemaer.evaluering import EvalueringFil
    from samdrift_cli.skemaer.implementeringsplan import ImplementeringsplanFil
    from samdrift_cli.skemaer.inddragelsesplan import InddragelsesplanFil
    from samdrift_cli.skemaer.interessenter import InteressenterFil
    from samdrift_cli.skemaer.milepaele import MilepaeleFil
    from samdrift_cli.skemaer.model import ModelFil
    from samdrift_cli.skemaer.oplaeg import OplaegFil
    from samdrift_cli.skemaer.orientering import OrienteringFil
    from samdrift_cli.skemaer.samdrift import SamdriftFil

HOVEDFIL = "samdrift.yaml"


@dataclass
class Samdriftsmappe:
    sti: Path
    dokumenter: dict[str, YamlDokument] = field(default_factory=dict)
    modeller: dict[str, Any] = field(default_factory=dict)
    # for a file with schema errors: the part of it that passed, for the cross-checks only
    delvise: dict[str, "DelvisFil"] = field(default_factory=dict)
    tidsregistrering: Tidsregistrering | None = None
    tidsregistreringsfil: str | None = None  # the file the hours are in (tidsregistrering.csv or .xlsx), read or not
    fund: list[Fund] = field(default_factory=list)
    # what every file is validated with: samdrift.yaml's afdelinger, so a navn is read as its id (felter.py)
    kontekst: dict = field(default_factory=dict)

    # -- the files, None when missing or invalid: each an instance of its schema model
    @property
    def samdrift(self) -> "SamdriftFil | None":
        return self.modeller.get("samdrift.yaml")

    @property
    def milepaele(self) -> "MilepaeleFil | None":
        return self.modeller.get("milepaele.yaml")

    @property
    def oplaeg(self) -> "OplaegFil | None":
        return self.modeller.get("oplaeg.yaml")

    @property
    def interessenter(self) -> "InteressenterFil | None":
        return self.modeller.get("interessenter.yaml")

    @property
    def analyse(self) -> "AnalyseFil | None":
        return self.modeller.get("analyse.yaml")

    @property
    def inddragelsesplan(self) -> "InddragelsesplanFil | None":
        return self.modeller.get("inddragelsesplan.yaml")

    @property
    def model(self) -> "ModelFil | None":
        return self.modeller.get("model.yaml")

    @property
    def aftale(self) -> "AftaleFil | None":
        return self.modeller.get("aftale.yaml")

    @property
    def implementeringsplan(self) -> "ImplementeringsplanFil | None":
        return self.modeller.get("implementeringsplan.yaml")

    @property
    def orientering(self) -> "OrienteringFil | None":
        return self.modeller.get("orientering.yaml")

    @property
    def evaluering(self) -> "EvalueringFil | None":
        return self.modeller.get("evaluering.yaml")

    @property
    def kontokort(self) -> "KontokortFil | None":
        return self.modeller.get("kontokort.yaml")

    @property
    def afdeling_ids(self) -> list[str]:
        return [a.id for a in self.samdrift.afdelinger] if self.samdrift else []

    @property
    def navne(self) -> Navne:
        """What a person calls what the files name by id (built anew: the models are read once)."""
        return Navne(self)

    def findes(self, filnavn: str) -> bool:
        return (self.sti / filnavn).exists()

    @property
    def gyldig(self) -> bool:
        return not har_fejl(self.fund)
