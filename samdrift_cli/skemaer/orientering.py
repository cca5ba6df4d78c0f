"""orientering.yaml: milepæl 8 (orientering) og 9 (markering)."""

from typing import Literal

from pydantic import Field

from samdrift_cli.skemaer.felter import Valg, Dato, Id, JaNej, Skema, Tekst

Kategori = Valg[Literal[
    "beboere", "lokalt_driftspersonale", "beboervalgte", "organisationsbestyrelse",
    "administration", "samarbejdspartnere", "leverandoerer", "andre",
]]


class Materiale(Skema):
    titel: Tekst | None = Field(None, description="Materialets titel, fx 'Nyt fælles ejendomskontor'")
    indhold: Tekst | None = Field(None, description="Hvad materialet fortæller: åbningstider, adresse, medarbejdere …")
    dato: Dato | None = Field(None, description="Hvornår det var færdigt")
    fil: Tekst | None = Field(None, description="Henvisning til filen")


class Distribution(Skema):
    metode: Valg[Literal["husstandsomdeling", "opslag", "digital", "moede", "brev", "andet"]] | None = Field(
        None, description="husstandsomdeling, opslag, digital, moede, brev eller andet")
    dato: Dato | None = Field(None, description="Hvornår det blev distribueret")
    ansvarlig: Tekst | None = Field(None, description="Hvem distribuerede")


class Maalgruppe(Skema):
    id: Id = Field(description="Kort id")
    navn: Tekst = Field(description="Fx 'Beboerne i begge afdelinger'")
    kategori: Kategori = Field(description="beboere, lokalt_driftspersonale, beboervalgte, organisationsbestyrelse, administration, samarbejdspartnere, leverandoerer eller andre")
    interessenter: list[Id] = Field(default_factory=list, description="Id'er fra interessentanalysen")
    materiale: Materiale | None = Field(None, description="Orienteringsmateriale til gruppen")
    distribution: Distribution | None = Field(None, description="Hvordan og hvornår det nåede frem")


class Fravalg(Skema):
    begrundelse: Tekst | None = Field(None, description="Hvorfor markeringen forbigås i stilhed")
    besluttet_af: Tekst | None = Field(None, description="Hvem besluttede det")
    dato: Dato | None = Field(None, description="Hvornår")


class Markering(Skema):
    form: Valg[Literal["reception", "fest", "arrangement", "brev", "andet"]] | None = Field(
        None, description="reception, fest, arrangement, brev eller andet")
    beskrivelse: Tekst | None = Field(None, description="Beskrivelse")
    dato: Dato | None = Field(None, description="Hvornår")
    sted: Tekst | None = Field(None, description="Hvor")
    deltagere: list[Tekst] = Field(default_factory=list, description="Inviterede interessenter")
    ansvarlig: Tekst | None = Field(None, description="Hvem er ansvarlig (fx den lokale driftsleder)")
    afholdt: JaNej | None = Field(None, description="Er markeringen holdt? (true/false)")
    erfaringer: Tekst | None = Field(None, description="Fremmøde og erfaringer")
    fravalgt: Fravalg | None = Field(None, description="Udfyld i stedet, hvis man beslutter ikke at markere opstarten")


class OrienteringFil(Skema):
    """orientering.yaml: hvem orienteres, med hvilket materiale, og markeringen af opstarten."""

    maalgrupper: list[Maalgruppe] = Field(default_factory=list, description="Interessenter der skal orienteres (mindst beboere og lokalt driftspersonale)")
    markering: Markering | None = Field(None, description="Milepæl 9: markering af samdriftens opstart")
