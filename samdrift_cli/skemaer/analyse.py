"""analyse.yaml: milepæl 3, analyse af muligheder og udfordringer, kompetenceanalyse."""

from typing import Literal

from pydantic import Field

from samdrift_cli.skemaer.felter import Valg, EmneEllerTekst, AfdelingsId, Id, Skema, Tekst, Udarbejdet


class Medarbejder(Skema):
    navn: Tekst | None = Field(None, description="Navn eller betegnelse")
    stilling: Tekst | None = Field(None, description="Stilling")
    afdeling: AfdelingsId | None = Field(None, description="Afdelingens id eller navn")
    profil: Valg[Literal["generalist", "specialist"]] | None = Field(None, description="generalist eller specialist")
    kompetencer: list[Tekst] = Field(default_factory=list, description="Kompetencer")
    anciennitet_aar: int | None = Field(None, ge=0, description="År i afdelingen")


class Kompetenceanalyse(Skema):
    medarbejdere: list[Medarbejder] = Field(default_factory=list, description="Den samlede personalegruppe")
    kompetencegab: Tekst | None = Field(None, description="Er der et kompetencegab?")
    tiltag: list[Tekst] = Field(default_factory=list, description="Uddannelse, rekruttering, eksterne leverandører …")


class Ejendomskontor(Skema):
    placering: Tekst | None = Field(None, description="Placering (og antal) af ejendomskontoret/-erne")
    begrundelse: Tekst | None = Field(None, description="Begrundelse og gener for beboerne")


class AnalyseFil(Skema):
    """analyse.yaml: en egentlig analyse af de fem emner (bilag til samdriftsmodellen)."""

    interessenter: EmneEllerTekst | None = Field(None, description="Interessenternes interesser, interne tillid og forventninger (se interessenter.yaml)")
    fysik: EmneEllerTekst | None = Field(None, description="Drifts- og vedligeholdelsesplaner, planlagte helhedsplaner")
    oekonomi: EmneEllerTekst | None = Field(None, description="Indtægter og udgifter; økonomiske konsekvenser af stordriftsfordele")
    organisering: EmneEllerTekst | None = Field(None, description="Ejendomskontorernes organisering")
    beboerservice: EmneEllerTekst | None = Field(None, description="Beboertilfredshed, servicestandard, servicekontrakter")
    kompetenceanalyse: Kompetenceanalyse | None = Field(None, description="Kompetenceanalyse af personalegruppen")
    ejendomskontor: Ejendomskontor | None = Field(None, description="Analyse af placering (og antal) af ejendomskontorer")
    benchmarking: Tekst | None = Field(None, description="Sammenligning med nøgletal")
    konklusion: Tekst | None = Field(None, description="Muligheder og udfordringer samlet og for de enkelte afdelinger")
    udarbejdet: Udarbejdet | None = Field(None, description="Hvem udarbejdede analysen og hvornår")
