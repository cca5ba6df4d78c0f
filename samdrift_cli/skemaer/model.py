"""model.yaml: Bilag 3, samdriftsmodel: mål, indhold, organisationsplan, fordelingsnøgler og konti."""

from typing import Annotated, Literal

from pydantic import Field, Strict

from samdrift_cli.skemaer.felter import Valg, Beloeb, Dato, AfdelingsId, Id, PrAfdeling, IkkeNegativtTal, JaNej, Skema, Tal, Tekst

Grundlag = Valg[Literal["lejemaal", "areal", "lige", "fast", "timer"]]
Aar = Annotated[str, Strict(), Field(pattern=r"^[0-9]{4}$")]  # a regnskabsår as a key: 2026


class Periode(Skema):
    fra: Dato | None = Field(None, description="Første dag (medregnes)")
    til: Dato | None = Field(None, description="Sidste dag (medregnes)")


class Fordelingsnoegle(Skema):
    id: Id = Field(description="Nøglens id; bruges i konti.noegle")
    navn: Tekst | None = Field(None, description="Visningsnavn, fx 'Antal lejemål'")
    grundlag: Grundlag = Field(description="lejemaal, areal, lige, fast (procentandele) eller timer (tidsregistrering.csv)")
    afdelinger: list[AfdelingsId] | None = Field(None, description="Kun disse afdelinger (id eller navn); standard er alle")
    andele: PrAfdeling[Tal] | None = Field(None, description="Kun for grundlag fast: procent pr. afdeling, i alt præcis 100")
    periode: Periode | None = Field(None, description="Kun for grundlag timer: periode i tidsregistreringen")
    opgaver: list[Tekst] | None = Field(None, description="Kun for grundlag timer: medtag kun disse opgaver")
    begrundelse: Tekst | None = Field(None, description="Hvorfor denne nøgle er retvisende og retfærdig")


class Konto(Skema):
    konto: Tekst = Field(description="Kontonummer, fx 114 eller '114.1'")
    navn: Tekst | None = Field(None, description="Kontoens navn, fx 'Løn, ejendomsfunktionærer'")
    med: JaNej = Field(False, description="Indgår kontoen i samdriften? ('sæt X')")
    noegle: Id | None = Field(None, description="Fordelingsnøglens id; kræves når med er true")
    budget: Beloeb | None = Field(None, description="Forventet udgift i kr. pr. regnskabsår med samdrift; kræves når med er true; negativ ved refusion")
    nuvaerende: PrAfdeling[Beloeb] | None = Field(
        None, description="Afdelingernes nuværende udgift på kontoen pr. regnskabsår (afdelingens id eller navn: beløb)")
    budgetter: dict[Aar, Beloeb] | None = Field(
        None, description="Budgettet for andre regnskabsår end oekonomi.regnskabsaar (år: beløb), fx {2027: 3012345.50}")
    regnskab: dict[Aar, Beloeb] | None = Field(
        None, description="Den faktiske udgift (regnskabet) pr. regnskabsår (år: beløb), fx {2025: 3105000.00}")
    bemaerkning: Tekst | None = Field(None, description="Fx særlig 'skæv' fordeling mellem afdelingerne")


class Maal(Skema):
    id: Id = Field(description="Kort id for målet; bruges i evaluering.yaml")
    type: Valg[Literal["oekonomi", "beboerservice", "oevrige"]] = Field(description="oekonomi, beboerservice eller oevrige")
    titel: Tekst = Field(description="Målet kort (Specifikt)")
    beskrivelse: Tekst | None = Field(None, description="Uddybning")
    maaling: Tekst | None = Field(None, description="Hvordan måles det (Målbart), fx 'tilfredshedsundersøgelse'")
    udgangspunkt: Tekst | None = Field(None, description="Niveau i dag (før-måling)")
    maalvaerdi: Tekst | None = Field(None, description="Hvad skal opnås, fx 'mindst 80 % tilfredse'")
    frist: Dato | None = Field(None, description="Hvornår skal målet være nået (Tidsafgrænset)")
    accepteret_af: Tekst | None = Field(None, description="Hvem har accepteret målet (Accepteret)")
    realistisk: Tekst | None = Field(None, description="Hvorfor målet er realistisk")
    evaluering: Tekst | None = Field(None, description="Hvordan målet evalueres (Evaluerbart)")


class Oekonomi(Skema):
    regnskabsaar: Tekst | None = Field(None, description="Regnskabsåret målene og kontiernes 'budget' gælder, fx '2026'")
    beskrivelse: Tekst | None = Field(None, description="Hvilke besparelser forventes, fx færre udgifter på konto 114")


class Omraade(Skema):
    omraade: Tekst = Field(description="Område")
    kommentar: Tekst | None = Field(None, description="Kommentar, beliggenhed eller præcisering")


class Etableringsudgift(Skema):
    aktivitet: Tekst = Field(description="Fx videreuddannelse, nyt fælles ejendomskontor")
    udgift: Beloeb | None = Field(None, description="Udgift i kr.")
    fordeling: Tekst | None = Field(None, description="Hvordan udgiften fordeles (fx en nøgles id)")
    plan_aktivitet: Id | None = Field(None, description="Id'et på aktiviteten i implementeringsplan.yaml, der afholder udgiften "
                                                        "(udeladt: aktiviteten med samme tekst)")


class Aktiv(Skema):
    driftsmateriel: Tekst = Field(description="Maskine eller andet større aktiv")
    afdeling: AfdelingsId | None = Field(None, description="Afdelingen som bidrager med aktivet ved opstart")
    nedskreven_vaerdi: Beloeb | None = Field(None, description="Nedskreven værdi i kr.")
    vilkaar: Tekst | None = Field(None, description="Vilkår, fx hvad der sker hvis samdriften ophører")


class Deltager(Skema):
    hvem: Tekst = Field(description="Hvem kan deltage")
    rolle: Tekst | None = Field(None, description="Rolle/kompetencer")


class Moedeforum(Skema):
    navn: Tekst | None = Field(None, description="Fx samdriftsudvalg eller formandsråd")
    deltagere: list[Deltager] = Field(default_factory=list, description="Hvem kan deltage og deres rolle")
    moedefrekvens: Tekst | None = Field(None, description="Fx 'fire gange om året'")


class Indhold(Skema):
    driftsmaessigt: Tekst | None = Field(None, description="Driftsmæssigt samarbejde og fællesskab")
    serviceniveau: Tekst | None = Field(None, description="Ønsker afdelingerne det samme serviceniveau?")
    faelles_personale: list[Omraade] = Field(default_factory=list, description="2.1 Fælles driftspersonale til følgende opgaver")
    faelles_kontorhold: list[Omraade] = Field(default_factory=list, description="2.2 Fælles kontorhold")
    faelles_lokaler: list[Omraade] = Field(default_factory=list, description="2.3 Fælles brug af lokaler")
    faelles_indkoeb: list[Omraade] = Field(default_factory=list, description="2.4 Fælles indkøb af varer og tjenesteydelser")
    etableringsudgifter: list[Etableringsudgift] = Field(default_factory=list, description="2.5 Etableringsudgifter")
    aktiver: list[Aktiv] = Field(default_factory=list, description="2.6 Aktiver")
    beboerdemokratisk: Tekst | None = Field(None, description="Beboerdemokratisk samarbejde og fællesskab")
    moedeforum: Moedeforum | None = Field(None, description="2.7 Mødeforum for beboervalgte")


class Stilling(Skema):
    id: Id = Field(description="Kort id for stillingen; bruges i refererer_til")
    stilling: Tekst = Field(description="Stilling, fx 'Driftsleder'")
    navn: Tekst | None = Field(None, description="Eventuelt navn")
    ansvar: Tekst | None = Field(None, description="Ansvarsområder og eventuelle specialfunktioner")
    refererer_til: Id | None = Field(None, description="Id på stillingen, der refereres til (organisationsdiagram)")
    aarsvaerk: IkkeNegativtTal | None = Field(None, description="Årsværk")


class Aendringer(Skema):
    aarsvaerk: Tal | None = Field(None, description="Ændring ift. nuværende bemanding i årsværk (negativ = færre)")
    kr_pr_aar: Beloeb | None = Field(None, description="Ændring i kr. pr. regnskabsår (negativ = besparelse)")


class Organisationsplan(Skema):
    organisering: Tekst | None = Field(None, description="3.1 Hvordan organiseres den lokale drift")
    stillinger: list[Stilling] = Field(default_factory=list, description="Ledelse og bemanding; giver organisationsdiagrammet (3.2)")
    aendringer: Aendringer | None = Field(None, description="Ændringer ift. nuværende bemanding")


class Opgoerelse(Skema):
    beskrivelse: Tekst | None = Field(None, description="4.1 Hvordan udgifter og timeforbrug registreres og fordeles")
    tidsregistrering: JaNej | None = Field(None, description="Skal driftspersonalet tidsregistrere? (true/false)")


class Revision(Skema):
    dato: Dato | None = Field(None, description="Hvornår modellen blev revideret")
    beskrivelse: Tekst = Field(description="Hvad blev ændret")


class ModelFil(Skema):
    """model.yaml: forslag til samdriftsmodel (Bilag 3)."""

    start: Dato | None = Field(None, description="Samdriften forventes igangsat med virkning fra")
    maal: list[Maal] = Field(default_factory=list, description="1 Mål for samdriften (SMART)")
    oekonomi: Oekonomi | None = Field(None, description="1.1 Mål for økonomien")
    indhold: Indhold | None = Field(None, description="2 Indholdet i samdriften")
    organisationsplan: Organisationsplan | None = Field(None, description="3 Organisationsplan")
    opgoerelse: Opgoerelse | None = Field(None, description="4.1 Opgørelse af udgifter og timeforbrug")
    fordelingsnoegler: list[Fordelingsnoegle] = Field(default_factory=list, description="4 Fordelingsnøglerne")
    konti: list[Konto] = Field(default_factory=list, description="4.2 Konti som indgår i samdriften")
    revisioner: list[Revision] = Field(default_factory=list, description="Revisioner af modellen (milepæl 5)")
