"""aftale.yaml: Bilag 4, aftale om samdrift (milepæl 6)."""

from typing import Literal

from pydantic import Field

from samdrift_cli.skemaer.felter import Valg, Dato, AfdelingsId, Id, JaNej, Skema, Tekst
from samdrift_cli.skemaer.model import Aktiv


class Inddragelse(Skema):
    beskrivelse: Tekst | None = Field(None, description="1.2 Rammer for inddragelse af flere boligafdelinger")
    familieboliger: JaNej | None = Field(None, description="Kan familieboliger inddrages? (true/false)")
    ungdomsboliger: JaNej | None = Field(None, description="Kan ungdomsboliger inddrages? (true/false)")
    aeldreboliger: JaNej | None = Field(None, description="Kan ældreboliger inddrages? (true/false)")
    andre_boligorganisationer: JaNej | None = Field(None, description="Kan afdelinger fra andre boligorganisationer inddrages?")


class Udtraedelse(Skema):
    beskrivelse: Tekst | None = Field(None, description="1.3 Rammer for udtrædelse")
    administrationen_kan_beslutte: JaNej | None = Field(
        None, description="Kan administrationen uden de beboervalgtes tiltræden beslutte at en afdeling træder ud?")
    varsel: Valg[Literal["naeste_regnskabsaar", "naeste_regnskabsaar_plus_et_aar", "andet"]] | None = Field(
        None, description="Tid fra beslutning til udtræden: naeste_regnskabsaar, naeste_regnskabsaar_plus_et_aar eller andet")
    varsel_andet: Tekst | None = Field(None, description="Beskriv, hvis varsel er andet")
    aktiver: Valg[Literal["forbliver_uden_refusion", "tilbagekoeb", "refusion", "andet"]] | None = Field(
        None, description="Aktiver ved udtræden: forbliver_uden_refusion, tilbagekoeb (for nedskreven værdi), refusion eller andet")
    aktiver_andet: Tekst | None = Field(None, description="Beskriv, hvis aktiver er andet")


class Uenighed(Skema):
    beskrivelse: Tekst | None = Field(None, description="1.4 Forhold ved uenighed")
    administrationen_afgoer_fordelingsnoegle: JaNej | None = Field(
        None, description="Træffer administrationen den endelige afgørelse om fordelingsnøglen?")
    fordelingsnoegle_ellers: Tekst | None = Field(None, description="Hvis nej: hvordan afgøres uenigheden så?")
    administrationen_afgoer_serviceniveau: JaNej | None = Field(
        None, description="Træffer administrationen den endelige afgørelse om serviceniveauet?")
    serviceniveau_ellers: Tekst | None = Field(None, description="Hvis nej: hvordan afgøres uenigheden så?")


class Vilkaar(Skema):
    aktiver: list[Aktiv] = Field(default_factory=list, description="1.1 Aktiver der indgår på særlige vilkår")
    ingen_aktiver: JaNej | None = Field(None, description="Sæt true, hvis ingen aktiver indgår")
    inddragelse: Inddragelse | None = Field(None, description="1.2 Inddragelse af flere boligafdelinger")
    udtraedelse: Udtraedelse | None = Field(None, description="1.3 Udtrædelse af samdriften")
    uenighed: Uenighed | None = Field(None, description="1.4 Forhold ved uenighed")


class Underskrift(Skema):
    afdeling: AfdelingsId | None = Field(None, description="Afdelingens id eller navn (udelades for organisationsbestyrelsen)")
    organ: Valg[Literal["afdelingsbestyrelse", "organisationsbestyrelse", "afdelingsmoede"]] = Field(
        "afdelingsbestyrelse", description="Hvem tiltræder: afdelingsbestyrelse, organisationsbestyrelse eller afdelingsmoede")
    navn: Tekst | None = Field(None, description="Hvem underskrev (navn og rolle)")
    dato: Dato | None = Field(None, description="Hvornår aftalen blev tiltrådt")
    referat: Tekst | None = Field(None, description="Henvisning til godkendt referat")


class AftaleFil(Skema):
    """aftale.yaml: aftale om samdrift mellem boligafdelinger (Bilag 4)."""

    navn: Tekst | None = Field(None, description="Eventuelt navn for samdriften")
    ikrafttraeden: Dato | None = Field(None, description="Samdriften træder i kraft den")
    form: Valg[Literal["aftale", "referat"]] = Field(
        "aftale", description="aftale, eller referat hvis betingelserne i stedet står i et godkendt mødereferat")
    referat: Tekst | None = Field(None, description="Henvisning til referatet, hvis form er referat")
    vilkaar: Vilkaar | None = Field(None, description="1 Vilkår for samdriften")
    samdriftsmodel: Tekst | None = Field(None, description="Henvisning til samdriftsmodellen (model.yaml) som bilag")
    tiltraedelse: list[Underskrift] = Field(default_factory=list, description="Tiltrædelse: hvem, hvornår")
