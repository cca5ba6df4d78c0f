"""oplaeg.yaml: Bilag 1, oplæg om muligheder og udfordringer ved samdrift (milepæl 2)."""

from typing import Literal

from pydantic import Field

from samdrift_cli.skemaer.felter import Valg, Dato, EmneEllerTekst, AfdelingsId, Id, Skema, Tekst, Udarbejdet


class BeboervalgtesOensker(Skema):
    afdeling: AfdelingsId = Field(description="Afdelingens id eller navn")
    vurdering: Tekst | None = Field(None, description="De beboervalgtes ønsker til og interesser i samdrift")
    kilde: Tekst | None = Field(None, description="Hvordan vurderingen er lavet, fx samtale med driftsansvarlig og afdelingsbestyrelse")
    dato: Dato | None = Field(None, description="Hvornår")
    accept: Valg[Literal["ja", "nej", "usikker"]] | None = Field(None, description="Kan der forventes accept fra de beboervalgte? ja/nej/usikker")
    konsekvens_uden_accept: Tekst | None = Field(None, description="Betydning for samdriften, hvis den etableres uden tiltrædelse")


class OplaegFil(Skema):
    """oplaeg.yaml: Bilag 1, et kvalificeret skøn over muligheder og udfordringer."""

    formaal: EmneEllerTekst | None = Field(None, description="Formål med samdriften: billigere drift, højere beboerservice eller andet")
    andre_afdelinger: EmneEllerTekst | None = Field(None, description="Andre boligafdelinger der bør indgå i samdriften")
    interessenter: EmneEllerTekst | None = Field(None, description="Interessenternes interesse, interne tillid og forventninger til samdriften")
    oekonomi: EmneEllerTekst | None = Field(None, description="Boligafdelingernes økonomi: forventet økonomisk effekt")
    fysik: EmneEllerTekst | None = Field(None, description="Boligafdelingernes fysik: størrelse, placering, arealer, opførelsesår, vedligeholdelse")
    organisering: EmneEllerTekst | None = Field(None, description="Ejendomskontorernes organisering: medarbejdere og ejendomskontorer")
    beboerservice: EmneEllerTekst | None = Field(None, description="Forventet effekt på beboerservicen")
    fordele: EmneEllerTekst | None = Field(None, description="Muligheder: fordele samlet og for hver afdeling")
    ulemper: EmneEllerTekst | None = Field(None, description="Udfordringer: ulemper samlet og for hver afdeling")
    konklusion: Tekst | None = Field(None, description="Hvad bør der være særligt fokus på i det videre arbejde?")
    beboervalgtes_oensker: list[BeboervalgtesOensker] = Field(
        default_factory=list, description="Opgave 1: vurdering af de beboervalgtes ønsker til og interesser i samdrift, pr. afdeling")
    udarbejdet: Udarbejdet | None = Field(None, description="Hvem udarbejdede oplægget og hvornår")

