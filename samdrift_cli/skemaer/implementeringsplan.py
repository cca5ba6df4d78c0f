"""implementeringsplan.yaml: Bilag 5, implementeringsplan (milepæl 7, 8 og 10)."""

from typing import Literal

from pydantic import Field

from samdrift_cli.skemaer.felter import Valg, Beloeb, Dato, AfdelingsId, Id, JaNej, Skema, Tekst, Udarbejdet

Tema = Valg[Literal[
    "orientering",
    "foermaalinger",
    "bemanding",
    "samarbejdsstruktur",
    "kompetencer",
    "arbejdsgange",
    "administrative_systemer",
    "kultur",
    "lokaler",
]]

TEMA_TITLER: dict[str, str] = {
    "orientering": "Orientering om den nye samdrift",
    "foermaalinger": "Før-målinger til evaluering",
    "bemanding": "Bemanding og organisering af driften",
    "samarbejdsstruktur": "Samarbejdsstruktur for afdelingsbestyrelser",
    "kompetencer": "Lokale kompetencer",
    "arbejdsgange": "Nye arbejdsgange for ejendomskontoret/-kontorerne",
    "administrative_systemer": "Administrative systemer og arbejdsgange i boligorganisationen",
    "kultur": "Ny fælles kultur for samdriften",
    "lokaler": "Nye lokaler/ejendomskontor(er)",
}


class Budgetgodkendelse(Skema):
    afdeling: AfdelingsId = Field(description="Afdelingens id eller navn")
    afdelingsmoede: Tekst | None = Field(None, description="Afdelingsmødet, fx 'Ordinært afdelingsmøde september 2025'")
    dato: Dato | None = Field(None, description="Hvornår afdelingsmødet godkendte (eller skal godkende) udgiften")
    referat: Tekst | None = Field(None, description="Henvisning til referatet af afdelingsmødet")


class Aktivitet(Skema):
    id: Id = Field(description="Kort id; bruges i evaluering.yaml")
    tema: Tema = Field(description="Et af Bilag 5's temaer")
    aktivitet: Tekst = Field(description="Beskriv aktiviteten")
    formaal: Tekst | None = Field(None, description="Aktivitetens formål")
    vedroerer: Tekst | None = Field(None, description="Hvem aktiviteten vedrører")
    ansvarlig: Tekst | None = Field(None, description="Hvem er ansvarlig")
    start: Dato | None = Field(None, description="Hvornår aktiviteten begynder (til Gantt-diagrammet)")
    frist: Dato | None = Field(None, description="Skal afsluttes senest")
    status: Valg[Literal["planlagt", "igang", "gennemfoert", "udskudt", "aflyst"]] = Field(
        "planlagt", description="planlagt, igang, gennemfoert, udskudt eller aflyst")
    udgift: Beloeb | None = Field(None, description="Aktivitetens udgift i kr., hvis den har en")
    i_budget: JaNej | None = Field(None, description="Er udgiften med i det gældende budget? (true/false)")
    afdelinger: list[AfdelingsId] = Field(default_factory=list, description="De afdelinger, udgiften rammer (tom: alle)")
    budgetgodkendelse: list[Budgetgodkendelse] = Field(
        default_factory=list, description="En udgift uden for budgettet: afdelingsmødets godkendelse i hver berørt afdeling")


class Evalueringsperiode(Skema):
    fra: Dato | None = Field(None, description="Fra samdriftens igangsætning")
    til: Dato | None = Field(None, description="Til evalueringen (mindst ét regnskabsår)")
    godkendt_af: Tekst | None = Field(None, description="Accepteret/godkendt af den administrative ledelse")
    dato: Dato | None = Field(None, description="Hvornår perioden blev godkendt")


class ImplementeringsplanFil(Skema):
    """implementeringsplan.yaml: aktiviteter pr. tema med formål, ansvarlig og frist."""

    aktiviteter: list[Aktivitet] = Field(default_factory=list, description="Aktiviteterne")
    evalueringsperiode: Evalueringsperiode | None = Field(None, description="Tidsrummet fra igangsætning til evaluering")
    udarbejdet: Udarbejdet | None = Field(None, description="Hvem udarbejdede planen og hvornår")
