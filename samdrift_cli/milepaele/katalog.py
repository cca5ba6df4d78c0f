"""The playbook's 3 phases and 12 milestones as data, in the playbook's own words.

Titles of milestones, opgaver and leverancer are those of the boxes "Opgaver og leverancer".
"""

from __future__ import annotations

from dataclasses import dataclass, field

FASER = ("Forarbejdsfasen", "Udviklingsfasen", "Etableringsfasen")
FASE_FORMAAL = {
    "Forarbejdsfasen": "Forarbejdsfasen skal sikre, at udvikling af samdrift sker under størst mulig hensyn til de "
    "primære interessenter i form af beboere, beboervalgte, den driftsansvarlige og den administrative ledelse.",
    "Udviklingsfasen": "Udviklingsfasen skal sikre ejerskab til samdriften gennem inddragelse af beboervalgte og den lokale drift.",
    "Etableringsfasen": "Etableringsfasen skal sikre, at den samdrift, som bliver igangsat, stemmer overens med det aftalte, "
    "og at der følges op i forhold til de opstillede mål for samdriften.",
}


@dataclass(frozen=True)
class Roller:
    beboervalgte: tuple[str, ...] = ()
    administration: tuple[str, ...] = ()
    lokal_drift: tuple[str, ...] = ()


@dataclass(frozen=True)
class Milepael:
    nr: int
    fase: str
    titel: str
    formaal: str
    opgaver: tuple[str, ...]
    leverancer: tuple[str, ...]
    vaerktoejer: tuple[str, ...] = ()
    roller: Roller = field(default_factory=Roller)
    udfordringer: tuple[str, ...] = ()


KATALOG: tuple[Milepael, ...] = (
    Milepael(
        1, "Forarbejdsfasen",
        "Opstart af projekt og afklaring af vilkår for samdrift i boligorganisationen",
        "Milepælen skal sikre, at arbejdet organiseres og sker i overensstemmelse med vilkår for samdrift i boligorganisationen.",
        ("Udpegning af projektleder for samdriftsprocessen",
         "Afklare vilkårene for samdrift i boligorganisationen"),
        ("Udpegning af projektleder for samdriftsprocessen og afklaring af de vilkår der gælder i "
         "boligorganisationen for etablering af samdrift.",),
        (),
        Roller(
            beboervalgte=("Såfremt der ikke er fastsatte retningslinjer for samdrift, bør den administrative ledelse og/eller "
                          "organisationsbestyrelsen beslutte, hvilke rammer og vilkår, der skal være gældende for samdrift.",),
            administration=("Den administrative ledelse udpeger en projektleder, som får ansvaret for det videre arbejde i forarbejdsfasen.",
                            "Projektlederen afklarer hvilke rammer og vilkår, der gælder for samdrift i boligorganisationen."),
        ),
        ("Uklare, manglende eller skiftende udmeldinger fra den administrative og politiske ledelse i boligorganisationen.",),
    ),
    Milepael(
        2, "Forarbejdsfasen",
        "Godkendelse af oplæg om muligheder og udfordringer ved samdrift",
        "Milepælen skal sikre, at der er grundlag for at samdriften kan godkendes på administrativt niveau.",
        ("Vurdering af de beboervalgtes ønsker til og interesser i samdrift",
         "Udarbejdelse af oplæg om muligheder og udfordringer ved samdrift",
         "Præsentation og administrativ godkendelse af oplægget"),
        ("Oplæg om muligheder og udfordringer ved samdrift er udarbejdet og administrativt godkendt.",
         "Administrativ godkendelse af, at der anvendes ressourcer til, at der gennemføres en egentlig analyse af "
         "udfordringer og muligheder, og at der udvikles en samdriftsmodel på baggrund heraf."),
        ("Skabelon for oplæg om muligheder og udfordringer ved samdrift (Bilag 1)", "Boligafdelingernes budget"),
        Roller(
            beboervalgte=("De beboervalgte indgår som dialogpartnere med projektlederen. Dialogen er samtidig første led i en orientering.",),
            administration=("Projektlederen udarbejder oplægget om muligheder og udfordringer ved samdrift.",
                            "Den administrative ledelse eller den driftsansvarlige godkender oplægget og vurderer, hvorvidt der "
                            "skal anvendes ressourcer på at arbejde videre."),
            lokal_drift=("De(n) lokale driftsleder(e) indgår som dialogpartnere med udgangspunkt i deres centrale rolle og lokalkendskab.",
                         "Det lokale driftspersonale kan inddrages som dialogpartnere."),
        ),
        ("At få indblik i interessenternes reelle interesser i samdrift, samt overblik over deres indbyrdes relationer.",),
    ),
    Milepael(
        3, "Forarbejdsfasen",
        "Godkendelse af forslag til samdriftsmodel og mål",
        "Milepælen skal sikre, at mulighederne og udfordringerne ved samdrift er analyseret og at resultaterne danner "
        "grundlag for indholdet i den samdriftsmodel, der udvikles.",
        ("Analyse af muligheder og udfordringer ved samdrift",
         "Udarbejdelse af forslag til samdriftsmodel",
         "Præsentation og administrativ godkendelse af forslag til samdriftsmodel"),
        ("Forslag til samdriftsmodel og mål er udarbejdet og administrativt godkendt som forudsætning for igangsætning "
         "af udviklingsfasen. Analysen af muligheder og udfordringer ved samdrift indgår som bilag til samdriftsmodellen.",),
        ("Interessentanalyse (Bilag 2)", "Kompetenceanalyse",
         "Boligafdelingernes budget, drift- og vedligeholdelsesplan og serviceaftale",
         "Tilfredshedsundersøgelser for beboere og afdelingsbestyrelser",
         "Samdriftsmodel, herunder skabelon for organisationsplan og fordelingsnøgle med oplistning af konti (Bilag 3)"),
        Roller(
            beboervalgte=("De beboervalgte indgår som dialogpartnere med projektlederen.",),
            administration=("Projektlederen udarbejder analysen og forslaget til samdriftsmodel.",
                            "Øvrige ressourcepersoner kan fx beregne de økonomiske konsekvenser og forslag til fordelingsnøgle(r).",
                            "Den administrative ledelse eller den driftsansvarlige godkender forslaget til samdriftsmodel."),
            lokal_drift=("De lokale driftsledere indgår som dialogpartnere og/eller udførende part, fx i interessentanalysen.",
                         "Det lokale driftspersonale kan inddrages som dialogpartnere."),
        ),
        ("At balancere ønskerne til indholdet i samdriften med mulighederne for billigere drift og/eller højere beboerservice",
         "At sikre at interessentanalysen afspejler de reelle ønsker og behov",
         "At finde sammenligningsdata til brug for analysen",
         "At opsætte realistiske og målbare mål, der dækker de forskellige interessenters ønsker og behov",
         "At få personalesammensætningen og deres kompetencer til at matche de mål, der opsættes for samdriften",
         "At den lokale driftsleder og det lokale driftspersonale har interesser, som strider mod målene for samdriften."),
    ),
    Milepael(
        4, "Forarbejdsfasen",
        "Udarbejdelse af plan for inddragelse af beboervalgte og den lokale drift",
        "Denne sidste milepæl i forarbejdsfasen skal sikre, at man er klar til at igangsætte udviklingsfasen. Konkret skal "
        "der være en plan for opnåelse af forståelse for og accept af samdriften hos beboervalgte og den lokale drift.",
        ("Udarbejdelse af tids- og aktivitetsplan for inddragelse af beboervalgte og den lokale drift",),
        ("Tids- og aktivitetsplan for hvorledes samdriftens beboervalgte og den lokale drift inddrages.",),
        ("Tids- og aktivitetsplan for inddragelse af beboervalgte og den lokale drift", "Interessentanalysen (milepæl 3)"),
        Roller(
            beboervalgte=("De beboervalgte kan indgå som dialogpartner i forbindelse med udarbejdelsen af tids- og aktivitetsplanen.",),
            administration=("Projektlederen udarbejder tids- og aktivitetsplanen.",),
            lokal_drift=("De lokale driftsledere kan inddrages i udarbejdelsen.",),
        ),
        ("At udvælge de rette interessenter samt sikre at de involveres i den rette rækkefølge.",
         "At man overser vigtige interessenter, som senere giver problemer."),
    ),
    Milepael(
        5, "Udviklingsfasen",
        "Inddragelse af beboervalgte og den lokale drift",
        "Milepælen skal sikre, at der skabes opbakning, ejerskab og accept af etablering af samdriften.",
        ("Dialog og inddragelse af beboervalgte og den lokale drift om udviklingsprocessen og forslaget til samdriftsmodel",
         "Eventuel revidering af forslaget til samdriftsmodel samt vurdering af muligheden for, at de beboervalgte vil "
         "kunne tiltræde samdriften"),
        ("Beboervalgte og den lokale drift bakker op omkring samdriften, og de beboervalgte har tilkendegivet, at de vil "
         "kunne tiltræde denne. Eventuel revideret samdriftsmodel.",),
        ("Tids- og aktivitetsplan for inddragelse af beboervalgte og den lokale drift (milepæl 4)",
         "Forslag til samdriftsmodel, herunder organisationsplan og fordelingsnøgle(r) (milepæl 3)"),
        Roller(
            beboervalgte=("De beboervalgte bør indgå som dialogpartnere omkring udformningen af det endelige forslag til samdriftsmodel.",),
            administration=("Projektlederen inddrager beboervalgte og den lokale drift.",),
            lokal_drift=("De lokale driftsledere deltager aktivt i dialogen om udviklingsprocessen og det endelige forslag.",
                         "Det lokale driftspersonale eller dele heraf kan deltage i dialogen."),
        ),
        ("At det ikke er muligt at få alle beboervalgte og medarbejderes opbakning til samdriften.",
         "Rygter om hvad konsekvenserne af en samdrift kan blive, kan resultere i modstand.",
         "Manglende tillid mellem beboervalgte, kan gøre det vanskeligt at opnå accept af etableringen af samdriften.",
         "Modstanderne af samdriften danner en koalition, med det formål at sabotere etableringen."),
    ),
    Milepael(
        6, "Udviklingsfasen",
        "Tiltrædelse af aftale om samdrift mellem boligafdelinger",
        "Milepælen skal sikre, at boligafdelingerne forpligter sig til at indgå i samdriften på baggrund af den udviklede samdriftsmodel.",
        ("Udarbejdelse af aftale om samdrift mellem boligafdelinger",
         "Tiltrædelse af aftale om samdrift"),
        ("En tiltrådt aftale om samdrift mellem boligafdelingerne.",),
        ("Aftale om samdrift mellem boligafdelinger (Bilag 4)",
         "Revideret samdriftsmodel herunder organisationsplan og fordelingsnøgle(r) (milepæl 5)"),
        Roller(
            beboervalgte=("Organisationsbestyrelsen kan være ansvarlig for tiltrædelse af aftalen om samdrift, eller",
                          "de lokale afdelingsbestyrelser kan være ansvarlige for tiltrædelse af lokale individuelle aftaler."),
            administration=("Projektlederen har ansvar for, at der udarbejdes en aftale om samdrift, at denne er juridisk "
                            "holdbar, og at den tiltrædes i de relevante fora.",),
        ),
        ("En eller flere af afdelingsbestyrelserne bliver i tvivl om, hvorvidt der er opbakning fra beboerne.",
         "Afdelingsmødet underkender efterfølgende budgettet.",
         "Afdelingsbestyrelserne kan blive uenige om vilkårene for udtrædelse af samdriften."),
    ),
    Milepael(
        7, "Udviklingsfasen",
        "Fastlæggelse af implementeringsplan",
        "Milepælen skal sikre, at der er udarbejdet en plan for gennemførelse af aktiviteterne i aftalen om samdrift (milepæl 6).",
        ("Udarbejdelse af implementeringsplan",),
        ("Implementeringsplanen er udarbejdet, så den resterende del af udviklingsfasen kan gennemføres og "
         "etableringsfasen igangsættes.",),
        ("Implementeringsplan (Bilag 5)", "Aftale om samdrift mellem boligafdelinger (milepæl 6)"),
        Roller(
            beboervalgte=("De beboervalgte kan indgå som dialogpartnere ved udarbejdelsen af implementeringsplanen.",),
            administration=("Projektlederen udarbejder implementeringsplanen.",
                            "Den administrative ledelse har ansvaret for, at etableringsfasen kan igangsættes."),
            lokal_drift=("De lokale driftsledere og det lokale driftspersonale indgår som dialogpartnere.",),
        ),
        ("At der ikke er midler i boligafdelingernes nuværende budgetter til de enkelte aktiviteter.",),
    ),
    Milepael(
        8, "Udviklingsfasen",
        "Orientering om den nye samdrift",
        "Milepælen skal sikre, at alle relevante interessenter er orienteret om samdriften.",
        ("Udvælgelse af interessenter, der skal orienteres",
         "Udarbejdelse af orienteringsmateriale",
         "Distribuering af orienteringsmateriale"),
        ("Orienteringsmateriale er udarbejdet og distribueret med udgangspunkt i de interessenter, som blev "
         "identificeret ved interessentanalysen (milepæl 3).",),
        ("Implementeringsplan (milepæl 7)", "Interessentanalysen (milepæl 3)"),
        Roller(
            beboervalgte=("De beboervalgte kan indgå som dialogpartnere omkring udvælgelsen af interessenter og materialet.",),
            administration=("Projektlederen har ansvar for orienteringen.",),
            lokal_drift=("Projektlederen kan uddelegere orienteringen til de lokale driftsledere.",
                         "Det lokale driftspersonale vil ofte stå for distribueringen af informationsmaterialet."),
        ),
        ("Orienteringen bliver ikke læst og/eller forstået af interessenterne.",),
    ),
    Milepael(
        9, "Udviklingsfasen",
        "Markering af samdriftens opstart",
        "Milepælen skal styrke samarbejdet og opbakningen til samdriften fra beboere, beboervalgte og den lokale drift.",
        ("Markering af opstart af den nye samdrift",),
        ("Markering af opstart af den nye samdrift er gennemført",),
        (),
        Roller(
            beboervalgte=("De beboervalgte kan deltage i både beslutninger omkring planlægningen af markeringen og i selve den praktiske gennemførelse.",),
            administration=("Projektlederen har ansvar for markeringen.",),
            lokal_drift=("Ansvaret for selve markeringen kan uddelegeres til den lokale driftsleder(e).",
                         "Det lokale driftspersonale kan medvirke til at planlægge og gennemføre markeringen."),
        ),
        ("Modstand mod samdriften fra (nogle) interessenter kan skabe en negativ stemning og ødelægge markeringen.",),
    ),
    Milepael(
        10, "Etableringsfasen",
        "Opfølgning på implementeringsplan og mål",
        "Milepælen skal sikre, at samdriften følger implementeringsplanen og når de aftalte mål. Er dette ikke tilfældet "
        "skal der ske justeringer af aktiviteter og/eller mål, samt af aftalen om samdrift.",
        ("Opfølgning på gennemførte aktiviteter ved implementering af samdriften",
         "Opgørelse af opnåede mål og fordelingsnøglen/erne",
         "Vurdering af om der skal ændres i aftalen om samdrift"),
        ("Evaluering af samdriftens effekt er udarbejdet og evalueringsskemaet er udfyldt. Der er foretaget en "
         "vurdering af, hvorvidt der skal ændres i aftalen om samdrift.",),
        ("Evalueringsskema med implementeringstjekliste", "Aftale om samdrift mellem boligafdelinger (milepæl 6)",
         "Implementeringsplan (milepæl 7)", "Budgetopfølgning"),
        Roller(
            beboervalgte=("De beboervalgte kan indgå som dialogpartner i vurderingen af, om aktiviteterne har haft den forventede effekt.",),
            administration=("Projektlederen følger op på implementeringsplan og mål via et evalueringsskema.",
                            "En økonomimedarbejder bør bistå i forbindelse med opfølgning på fordelingsnøglen/erne."),
            lokal_drift=("Den lokale driftsleder kan inddrages som både dialogpart og udførende.",),
        ),
        ("Resultaterne er påvirket af faktorer, som ikke har med samdriften at gøre.",
         "Stor personaleudskiftning og modstand fra det lokale driftspersonale mod forandringerne."),
    ),
    Milepael(
        11, "Etableringsfasen",
        "Formidling af de første resultater til beboervalgte og den lokale drift",
        "Milepælen skal sikre fortsat opbakning, samt fortsat tillid mellem samdriftens parter.",
        ("Formidling af resultater samt evt. forslag til nye mål for den næste periode",),
        ("At resultaterne af samdriften er synlige og kendte af beboervalgte og den lokale drift",),
        ("Evalueringsskema med implementeringstjekliste (milepæl 10)",),
        Roller(
            beboervalgte=("De beboervalgte kan indgå som dialogpart ved formidlingen af de første resultater og evt. forslag til nye mål.",),
            administration=("Projektlederen har ansvar for at resultaterne for evalueringsperioden formidles.",),
            lokal_drift=("Den lokale driftsleder kan med fordel indgå som både dialogpart og som den, der udfører formidlingen.",
                         "Det lokale driftspersonale indgår som dialogpart."),
        ),
        ("Modtagerne af informationen er ikke overbeviste om, at oplysningerne er rigtige.",
         "Modtagerne mener at oplysningerne er for unuancerede."),
    ),
    Milepael(
        12, "Etableringsfasen",
        "Godkendelse af evaluering",
        "Milepælen skal sikre, at de indledende resultater godkendes som grundlag for en stadig udvikling af mulighederne "
        "for at billiggøre driften og højne beboerservicen.",
        ("Godkendelse af evalueringen og eventuelle nye mål",),
        ("Formel godkendelse af evalueringen af samdriften",),
        ("Evalueringsskema med implementeringstjekliste (milepæl 10)",),
        Roller(
            beboervalgte=("De beboervalgte kan indgå som deltagere i beslutningsprocessen vedr. justeringer af mål og aftalen.",),
            administration=("Projektlederen har ansvar for at den driftsansvarlige eller den administrative ledelse godkender evalueringen.",
                            "Projektlederen har ansvar for, at der indgås en ny aftale om samdrift, såfremt evalueringen giver anledning hertil."),
            lokal_drift=("Den driftsansvarlige kan nu uddelegere resten af implementeringsplanen og den almindelige drift til den lokale driftsleder.",),
        ),
        ("Gamle overståede konflikter kan komme op til overfladen igen via evalueringens resultater.",
         "Der kan være uenighed om gyldigheden af evalueringens resultater.",
         "Der kan være uenighed om eventuelle nye mål."),
    ),
)


# -- what shows an opgave or leverance done, where it is only data ------------------------------


@dataclass(frozen=True)
class Godkendelseskrav:
    """An opgave or leverance that is an approval or a decision, recorded in milepaele.yaml with
    'samdrift afkryds' (who, when; ``referat`` when it must be documented)."""

    hvad: str
    administrativ: bool = False  # given by the administrativ ledelse (or the driftsansvarlige), never a board
    referat: bool = False


GODKENDELSER: dict[tuple[int, str, int], Godkendelseskrav] = {
    (2, "opgave", 3): Godkendelseskrav("den administrative godkendelse af oplægget", administrativ=True),
    (2, "leverance", 2): Godkendelseskrav("den administrative godkendelse af ressourcer til analyse og samdriftsmodel",
                                          administrativ=True),
    (3, "opgave", 3): Godkendelseskrav("den administrative godkendelse af forslaget til samdriftsmodel", administrativ=True),
    (12, "opgave", 1): Godkendelseskrav("godkendelsen af evalueringen", administrativ=True),
}

# The files each milestone is judged from (besides samdrift.yaml, which every rule reads): a milestone
# resting on a file with errors "kan ikke vurderes" until the file is fixed
FILER: dict[int, tuple[str, ...]] = {
    1: ("milepaele.yaml",), 2: ("oplaeg.yaml", "milepaele.yaml"),
    3: ("analyse.yaml", "interessenter.yaml", "model.yaml", "milepaele.yaml"), 4: ("inddragelsesplan.yaml",),
    5: ("inddragelsesplan.yaml", "model.yaml", "milepaele.yaml"), 6: ("aftale.yaml", "model.yaml"),
    7: ("implementeringsplan.yaml", "model.yaml"), 8: ("orientering.yaml", "interessenter.yaml", "implementeringsplan.yaml"),
    9: ("orientering.yaml", "implementeringsplan.yaml"),
    10: ("evaluering.yaml", "implementeringsplan.yaml", "model.yaml", "tidsregistrering.csv", "tidsregistrering.xlsx"),
    11: ("evaluering.yaml",), 12: ("evaluering.yaml", "milepaele.yaml"),
}

# A leverance that is met when these opgaver of its milestone are (the playbook's boxes)
LEVERANCE_AF_OPGAVER: dict[tuple[int, int], tuple[int, ...]] = {
    (1, 1): (1, 2), (2, 1): (2, 3), (3, 1): (1, 2, 3), (4, 1): (1,), (5, 1): (1, 2), (6, 1): (1, 2), (7, 1): (1,),
    (8, 1): (1, 2, 3), (9, 1): (1,), (10, 1): (1, 2, 3), (12, 1): (1,),
}

# The organs the playbook lets give an administrative approval ("Den administrative ledelse eller den
# driftsansvarlige godkender"), besides the names samdrift.yaml's roller give them; the organisationsbestyrelse
# is resident-elected and is not one of them
ADMINISTRATIVE_ORGANER = ("direktion", "administrative ledelse", "administrativ ledelse", "ledergruppe",
                          "driftschef", "driftsansvarlig", "forretningsfører", "administrerende direktør", "boligdirektør",
                          "direktør")


def milepael(nr: int) -> Milepael:
    return KATALOG[nr - 1]


def vejledning() -> dict:
    """The playbook's guidance to each opgave ("1.1" …) and the projektleder's 5 pieces of advice
    with the milestones they belong to, from vejledning.json beside this module."""
    import json
    from pathlib import Path

    return json.loads((Path(__file__).with_name("vejledning.json")).read_text(encoding="utf-8"))


ROLLE_TITLER = {"beboervalgte": "Beboervalgte", "administration": "Administrationen", "lokal_drift": "Lokal drift"}


def roller_som_data(m: Milepael) -> dict[str, list[str]]:
    return {k: list(getattr(m.roller, k)) for k in ROLLE_TITLER}
