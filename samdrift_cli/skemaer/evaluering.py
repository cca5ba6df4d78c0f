"""evaluering.yaml: evalueringsskema med implementeringstjekliste (milepæl 10–12)."""

from typing import Literal

from pydantic import Field

from samdrift_cli.skemaer.felter import Valg, Beloeb, Dato, AfdelingsId, Id, JaNej, Skema, Tekst
from samdrift_cli.skemaer.implementeringsplan import Budgetgodkendelse
from samdrift_cli.skemaer.model import Periode

JaDelvistNej = Valg[Literal["ja", "delvist", "nej"]]
SVAR_TEKST = {"ja": "Ja", "delvist": "Delvist", "nej": "Nej"}


class Tjekpunkt(Skema):
    aktivitet: Id = Field(description="Aktivitetens id i implementeringsplan.yaml")
    gennemfoert: JaDelvistNej | None = Field(None, description="Er aktiviteten gennemført? ja, delvist eller nej")
    status: Tekst | None = Field(None, description="Status på aktiviteten")
    effekt: Tekst | None = Field(None, description="Effekten af aktiviteten")
    forklaring: Tekst | None = Field(None, description="Forklaring, hvis aktiviteten ikke er gennemført som planlagt")
    naeste_skridt: Tekst | None = Field(None, description="Næste skridt i aktiviteten")


class Interview(Skema):
    hvem: Tekst = Field(description="Hvem blev interviewet (beboervalgte, lokal drift)")
    dato: Dato | None = Field(None, description="Hvornår")
    resultat: Tekst | None = Field(None, description="Oplevet serviceniveau, tilgængelighed, samarbejde …")


class Maalopfoelgning(Skema):
    maal: Id = Field(description="Målets id i model.yaml")
    resultat: Tekst | None = Field(None, description="Hvad blev opnået")
    opfyldt: JaDelvistNej | None = Field(None, description="ja, delvist eller nej")
    aarsag: Tekst | None = Field(None, description="Årsag til afvigelser")
    forventning: Tekst | None = Field(None, description="Forventning til målopfyldelse fremover")


class Maaling(Skema):
    dato: Dato | None = Field(None, description="Hvornår")
    resultat: Tekst | None = Field(None, description="Resultat")


class FoerEfter(Skema):
    emne: Tekst = Field(description="Hvad blev målt, fx beboertilfredshed")
    foer: Maaling | None = Field(None, description="Før-måling")
    efter: Maaling | None = Field(None, description="Efter-måling")


class Budgetopfoelgning(Skema):
    konto: Tekst = Field(description="Kontonummer")
    navn: Tekst | None = Field(None, description="Kontoens navn")
    faktisk: Beloeb = Field(description="Faktisk udgift i evalueringsperioden")
    bemaerkning: Tekst | None = Field(None, description="Bemærkning")


class Noeglevurdering(Skema):
    noegle: Id = Field(description="Fordelingsnøglens id i model.yaml")
    retvisende: JaNej | None = Field(None, description="Er nøglen retvisende? (true/false)")
    vurdering: Tekst | None = Field(None, description="Vurdering, fx sammenholdt med tidsregistreringen")
    periode: Periode | None = Field(None, description="Perioden der er sammenlignet med")


class Aftalevurdering(Skema):
    aendres: JaNej | None = Field(None, description="Skal aftalen om samdrift ændres? (true/false)")
    begrundelse: Tekst | None = Field(None, description="Begrundelse")
    fremtidige_tiltag: Tekst | None = Field(None, description="Tiltag der bør gennemføres fremover")


class NytMaal(Skema):
    titel: Tekst = Field(description="Forslag til nyt eller ændret mål")
    beskrivelse: Tekst | None = Field(None, description="Uddybning")
    maalvaerdi: Tekst | None = Field(None, description="Hvad skal opnås")
    frist: Dato | None = Field(None, description="Hvornår")
    # milepæl 12: "nye mål skal godkendes på et afdelingsmøde, såfremt det medfører budgetændringer"
    udgift: Beloeb | None = Field(None, description="Målets udgift i kr., hvis det har en")
    i_budget: JaNej | None = Field(None, description="Er udgiften med i det gældende budget? (true/false)")
    afdelinger: list[AfdelingsId] = Field(default_factory=list, description="De afdelinger, udgiften rammer (tom: alle)")
    budgetgodkendelse: list[Budgetgodkendelse] = Field(
        default_factory=list, description="En udgift uden for budgettet: afdelingsmødets godkendelse i hver berørt afdeling")


class Formidling(Skema):
    maalgruppe: Valg[Literal["beboervalgte", "lokal_drift", "beboere", "administrativ_ledelse", "organisationsbestyrelse", "andre"]] = Field(
        description="beboervalgte, lokal_drift, beboere, administrativ_ledelse, organisationsbestyrelse eller andre")
    form: Tekst | None = Field(None, description="Fx orienteringsmøde, medarbejdermøde, afdelingsmøde")
    dato: Dato | None = Field(None, description="Hvornår")
    ansvarlig: Tekst | None = Field(None, description="Hvem formidlede")
    reaktion: Tekst | None = Field(None, description="Hvordan blev resultaterne modtaget")


class Overdragelse(Skema):
    fra: Tekst | None = Field(None, description="Projektlederen, der overdrager")
    til: Tekst | None = Field(None, description="Den driftsansvarlige, der overtager samdriften i drift")
    dato: Dato | None = Field(None, description="Hvornår")
    omfatter: Tekst | None = Field(None, description="Hvad der overdrages, fx resten af implementeringsplanen")


class EvalueringFil(Skema):
    """evaluering.yaml: evalueringsskema med implementeringstjekliste."""

    periode: Periode | None = Field(None, description="Evalueringsperioden")
    tjekliste: list[Tjekpunkt] = Field(default_factory=list, description="Implementeringstjekliste: et punkt pr. aktivitet")
    interviews: list[Interview] = Field(default_factory=list, description="Interview af beboervalgte og lokal drift")
    maalopfoelgning: list[Maalopfoelgning] = Field(default_factory=list, description="Opgørelse af opnåede mål")
    maalinger: list[FoerEfter] = Field(default_factory=list, description="Før- og efter-målinger")
    budgetopfoelgning: list[Budgetopfoelgning] = Field(default_factory=list, description="Faktiske udgifter pr. konto")
    noeglevurderinger: list[Noeglevurdering] = Field(default_factory=list, description="Er fordelingsnøglerne retvisende?")
    aftalevurdering: Aftalevurdering | None = Field(None, description="Skal der ændres i aftalen om samdrift?")
    nye_maal: list[NytMaal] | None = Field(None, description="Forslag til nye mål for næste periode (tom liste: ingen)")
    formidling: list[Formidling] = Field(default_factory=list, description="Milepæl 11: formidling af resultaterne")
    overdragelse: Overdragelse | None = Field(
        None, description="Milepæl 12: projektlederen overdrager samdriften til den driftsansvarlige")
