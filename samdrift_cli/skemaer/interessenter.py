"""interessenter.yaml: Bilag 2, interessentanalyse (milepæl 3, 4 og 8)."""

from typing import Literal

from pydantic import Field

from samdrift_cli.skemaer.felter import Valg, AfdelingsId, Id, Skema, Tekst, Udarbejdet

Kvadrant = Valg[Literal["arbejdsbier", "eksterne", "ressourcepersoner", "graa_eminencer"]]

GRUPPE_TITLER = {"beboere": "Beboere", "beboervalgte": "Beboervalgte", "administration": "Administrationen",
                 "lokal_drift": "Lokal drift", "eksterne": "Eksterne", "andre": "Andre"}
KVADRANT_TITLER = {"ressourcepersoner": "Ressourcepersoner", "arbejdsbier": "Arbejdsbier",
                   "graa_eminencer": "Grå eminencer", "eksterne": "Eksterne interessenter"}

# the playbook's diagram: indflydelse × deltagelse
KVADRANTER: dict[tuple[str, str], str] = {
    ("noedvendig", "ingen"): "arbejdsbier",
    ("noedvendig", "stor"): "ressourcepersoner",
    ("ikke_noedvendig", "ingen"): "eksterne",
    ("ikke_noedvendig", "stor"): "graa_eminencer",
}


class Interessent(Skema):
    id: Id = Field(description="Kort id, fx 'afd-best-aeblegaarden'")
    navn: Tekst = Field(description="Interessenten eller gruppen, fx 'Afdelingsbestyrelsen i Æblegården'")
    gruppe: Valg[Literal["beboere", "beboervalgte", "administration", "lokal_drift", "eksterne", "andre"]] | None = Field(
        None, description="beboere, beboervalgte, administration, lokal_drift, eksterne eller andre")
    afdeling: AfdelingsId | None = Field(None, description="Afdelingens id eller navn, hvis interessenten hører til én afdeling")
    indflydelse: Valg[Literal["stor", "ingen"]] | None = Field(None, description="Indflydelse på samdriften: stor eller ingen")
    deltagelse: Valg[Literal["noedvendig", "ikke_noedvendig"]] | None = Field(
        None, description="Er deltagelse nødvendig? noedvendig eller ikke_noedvendig")
    holdning: Valg[Literal["positiv", "neutral", "negativ", "ukendt"]] | None = Field(None, description="Holdning til samdriften")
    interesse: Tekst | None = Field(None, description="Er interesseret i samdriftsprocessen fordi …")
    paavirkning: Tekst | None = Field(None, description="Kan påvirke samdriftsprocessen således …")
    haandtering: Tekst | None = Field(None, description="Bør inddrages/håndteres således …")

    @property
    def kvadrant(self) -> str | None:
        """The interessent's quadrant in the playbook's diagram, from indflydelse × deltagelse."""
        if self.deltagelse and self.indflydelse:
            return KVADRANTER[(self.deltagelse, self.indflydelse)]
        return None


class InteressenterFil(Skema):
    """interessenter.yaml: interessentanalysen (anbefalet højst 8–10 interessenter)."""

    interessenter: list[Interessent] = Field(default_factory=list, description="Interessenterne")
    udarbejdet: Udarbejdet | None = Field(None, description="Hvem udarbejdede analysen og hvornår")
