"""samdrift.yaml: basisoplysninger (milepæl 1, Bilag 3 og 4)."""

from typing import Annotated, Literal

from pydantic import Field, Strict

from samdrift_cli.skemaer.felter import (Valg, Dato, Heltal, AfdelingsId, Id, IkkeNegativtHeltal, JaNej, PositivtHeltal, PositivtTal, Skema,
                     Tekst)

Boligtype = Valg[Literal["familieboliger", "ungdomsboliger", "aeldreboliger"]]


class Afdelingsbestyrelse(Skema):
    formand: Tekst | None = Field(None, description="Formandens navn")
    beskrivelse: Tekst | None = Field(None, description="Fx 'sammentømret, lav udskiftning'")


class Afdeling(Skema):
    id: Id = Field(description="Kort id med a-z, 0-9, _ og -, fx 'aeblegaarden'; bruges i alle henvisninger")
    navn: Tekst = Field(description="Afdelingens navn, fx 'Æblegården'")
    lejemaal: PositivtHeltal = Field(description="Antal lejemål (heltal over 0)")
    areal_m2: PositivtTal | None = Field(None, description="Samlet areal i m²; kræves af fordelingsnøgler med grundlag 'areal'")
    afdelingsnummer: Tekst | None = Field(None, description="Afdelingsnummer i boligorganisationen")
    adresse: Tekst | None = Field(None, description="Adresse")
    opfoert: Heltal | None = Field(None, ge=1600, le=2200, description="Opførelsesår, fx 1975")
    boligtyper: list[Boligtype] = Field(default_factory=list, description="familieboliger, ungdomsboliger og/eller aeldreboliger")
    boliger: Tekst | None = Field(None, description="Boligernes karakter, fx 'små' eller 'moderne og varierende størrelse'")
    beboersammensaetning: Tekst | None = Field(None, description="Fx 'fortrinsvis ældre beboere'")
    fraflytningsfrekvens: Tekst | None = Field(None, description="Fx 'lav' eller 'høj'")
    husleje: Tekst | None = Field(None, description="Huslejeniveau, fx 'lav'")
    beboertilfredshed: Tekst | None = Field(None, description="Beboertilfredshed i dag")
    konflikter: Tekst | None = Field(None, description="Konflikter i afdelingen i dag")
    ejendomsfunktionaerer: IkkeNegativtHeltal | None = Field(None, description="Antal ejendomsfunktionærer i dag")
    ejendomskontor: Tekst | None = Field(None, description="Afdelingens ejendomskontor i dag")
    afdelingsbestyrelse: Afdelingsbestyrelse | None = Field(None, description="Afdelingsbestyrelsen")
    beskrivelse: Tekst | None = Field(None, description="Fri beskrivelse")


class Projektleder(Skema):
    navn: Tekst | None = Field(None, description="Projektlederens navn")
    stilling: Tekst | None = Field(None, description="Fx driftsansvarlig, forvaltningskonsulent")
    kontakt: Tekst | None = Field(None, description="Mail/telefon")
    udpeget_af: Tekst | None = Field(None, description="Hvem udpegede projektlederen (den administrative ledelse)")
    udpeget_dato: Dato | None = Field(None, description="Hvornår projektlederen blev udpeget")
    refererer_til: Tekst | None = Field(None, description="Projektlederen refererer til den administrative ledelse")


class Rolle(Skema):
    rolle: Tekst = Field(description="Rollen, fx 'Driftsleder' eller 'Økonomimedarbejder'")
    navn: Tekst | None = Field(None, description="Navn")
    afdeling: AfdelingsId | None = Field(None, description="Afdelingens id eller navn, hvis rollen hører til én afdeling")
    beskrivelse: Tekst | None = Field(None, description="Ansvar i samdriftsprocessen")


class Roller(Skema):
    administrativ_ledelse: Tekst | None = Field(None, description="Den øverste administrative ledelse, fx direktionen")
    driftsansvarlig: Tekst | None = Field(None, description="Den driftsansvarlige (driftschef, forretningsfører)")
    organisationsbestyrelse: Tekst | None = Field(None, description="Organisationsbestyrelsen (formand)")
    oevrige: list[Rolle] = Field(default_factory=list, description="Øvrige roller: driftsledere, økonomi, HR …")


class Start(Skema):
    planlagt: Dato | None = Field(None, description="Samdriften forventes igangsat med virkning fra (dato)")
    begrundelse: Tekst | None = Field(None, description="Fx 'ved opstart af nyt regnskabsår'")


class Vilkaar(Skema):
    nedskrevne: JaNej | None = Field(None, description="Findes der nedskrevne politikker/strategier for samdrift? (true/false)")
    beskrivelse: Tekst | None = Field(None, description="Vilkårene for samdrift i boligorganisationen: politikker, strategier, holdninger, kultur")
    krav: list[Tekst] = Field(default_factory=list, description="Konkrete krav, fx minimum antal lejemål")
    vurdering: Tekst | None = Field(None, description="Hvordan vilkårene påvirker arbejdet med samdriften")
    besluttet_af: Tekst | None = Field(None, description="Hvis ingen retningslinjer fandtes: hvem fastsatte dem")
    dato: Dato | None = Field(None, description="Hvornår vilkårene blev afklaret")


Farve = Annotated[str, Strict(), Field(pattern=r"^#[0-9a-fA-F]{6}$")]


class Dokumenter(Skema):
    logo: Tekst | None = Field(None, description="Organisationens logo til PDF og Word: en PNG-, JPEG- eller SVG-fil i mappen, fx 'logo.png'")
    farve: Farve | None = Field(None, description="Organisationens farve til overskrifter og tabeller, fx '#1f4e79'")
    skrifttype: Tekst | None = Field(None, description="Skrifttypen i PDF, fx 'Libertinus Serif' (indbygget); en anden skal ligge som .ttf/.otf i mappen")
    word_skabelon: Tekst | None = Field(None, description="Et Word-dokument (.docx) i mappen, hvis typografier Word-dokumenterne bruger")


class SamdriftFil(Skema):
    """samdrift.yaml: basisoplysninger om samdriften."""

    navn: Tekst = Field(description="Samdriftens navn")
    boligorganisation: Tekst | None = Field(None, description="Boligorganisationen")
    beskrivelse: Tekst | None = Field(None, description="Kort beskrivelse")
    tilgang: Valg[Literal["alle_afdelinger", "administrativt_oenske", "lokalt_oenske"]] | None = Field(
        None, description="Hvordan samdriften opstod: for alle afdelinger, administrativt ønske eller lokalt ønske")
    afdelinger: list[Afdeling] = Field(description="Boligafdelingerne i samdriften (mindst 2)")
    projektleder: Projektleder | None = Field(None, description="Milepæl 1: projektleder for samdriftsprocessen")
    roller: Roller | None = Field(None, description="Roller og ansvar")
    start: Start | None = Field(None, description="Planlagt start af samdriften")
    vilkaar: Vilkaar | None = Field(None, description="Milepæl 1: vilkår for samdrift i boligorganisationen")
    dokumenter: Dokumenter | None = Field(None, description="Udseendet af PDF- og Word-dokumenterne: logo, farve, skrifttype")
