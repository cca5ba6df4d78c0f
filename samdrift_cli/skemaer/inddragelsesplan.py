"""inddragelsesplan.yaml: tids- og aktivitetsplan for inddragelse (milepæl 4) og dens gennemførelse (milepæl 5)."""

from typing import Literal

from pydantic import Field

from samdrift_cli.skemaer.felter import Valg, Dato, AfdelingsId, Id, JaNej, Skema, Tekst, Udarbejdet

Maalgruppe = Valg[Literal["beboervalgte", "lokal_drift"]]


class Gennemfoert(Skema):
    dato: Dato | None = Field(None, description="Hvornår aktiviteten blev holdt")
    referat: Tekst | None = Field(None, description="Henvisning til referat")
    resultat: Tekst | None = Field(None, description="Hvad kom der ud af det")


class Aktivitet(Skema):
    id: Id = Field(description="Kort id")
    aktivitet: Tekst = Field(description="Hvad skal der ske, fx 'Dialogmøde med afdelingsbestyrelsen i Æblegården'")
    maalgruppe: list[Maalgruppe] = Field(default_factory=list, description="beboervalgte og/eller lokal_drift")
    hvem: Tekst | None = Field(None, description="Hvem inddrages konkret")
    interessenter: list[Id] = Field(default_factory=list, description="Interessenternes id'er fra interessenter.yaml")
    form: Valg[Literal["dialog", "inddragelse", "information"]] | None = Field(
        None, description="dialog (samtale) eller inddragelse (aktiv deltagelse) eller information")
    emne: Valg[Literal["udviklingsprocessen", "samdriftsmodellen", "begge", "andet"]] | None = Field(
        None, description="Hvad handler det om: udviklingsprocessen, samdriftsmodellen, begge eller andet")
    dato: Dato | None = Field(None, description="Hvornår")
    ansvarlig: Tekst | None = Field(None, description="Hvem er ansvarlig")
    gennemfoert: Gennemfoert | None = Field(None, description="Milepæl 5: er aktiviteten holdt?")


class Vurdering(Skema):
    afdeling: AfdelingsId = Field(description="Afdelingens id eller navn")
    kan_tiltraede: Valg[Literal["ja", "nej", "usikker"]] = Field(description="Vurderes de beboervalgte at kunne tiltræde samdriften?")
    begrundelse: Tekst | None = Field(None, description="Begrundelse")
    lokal_drift: Valg[Literal["ja", "nej", "usikker"]] | None = Field(
        None, description="Bakker den lokale drift (driftsleder og ejendomsfunktionærer) op om samdriften?")
    lokal_drift_begrundelse: Tekst | None = Field(None, description="Begrundelse for vurderingen af den lokale drift")
    dato: Dato | None = Field(None, description="Hvornår vurderingen blev lavet")
    vurderet_af: Tekst | None = Field(None, description="Hvem vurderede (projektlederen)")


class Revision(Skema):
    revideret: JaNej = Field(description="Er forslaget til samdriftsmodel revideret efter inddragelsen? (true/false)")
    dato: Dato | None = Field(None, description="Hvornår")
    beskrivelse: Tekst | None = Field(None, description="Hvad blev ændret, eller hvorfor intet blev ændret")


class InddragelsesplanFil(Skema):
    """inddragelsesplan.yaml: plan for inddragelse af beboervalgte og den lokale drift frem til milepæl 6."""

    aktiviteter: list[Aktivitet] = Field(default_factory=list, description="Aktiviteterne i tids- og aktivitetsplanen")
    udarbejdet: Udarbejdet | None = Field(None, description="Hvem udarbejdede planen og hvornår")
    vurderinger: list[Vurdering] = Field(default_factory=list, description="Milepæl 5: vurdering pr. afdeling af, om de beboervalgte kan tiltræde")
    revision: Revision | None = Field(None, description="Milepæl 5: eventuel revidering af forslaget til samdriftsmodel")
