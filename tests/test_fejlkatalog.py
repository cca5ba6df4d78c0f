"""The error catalogue: one case per kind of bad input, each with its exact Danish message.

The same cases generate docs/fejlkatalog.md (the hledger way): run
``SAMDRIFT_OPDATER_DOCS=1 python -m pytest tests/test_fejlkatalog.py`` after changing a message.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import ROD, byg_mappe, snapshot

S = "navn: x\nafdelinger:\n  - {id: a, navn: A, lejemaal: 1}\n  - {id: b, navn: B, lejemaal: 2}\n"

# (title, files, expected first lines of stderr, in order)
KATALOG: list[tuple[str, dict, list[str]]] = [
    ("Tabulatortegn i indrykningen", {"model.yaml": "konti:\n\t- konto: 1\n"},
     ["model.yaml:2:1: fejl: tabulatortegn (tab) i indrykningen; YAML kræver mellemrum"]),
    ("Liste uden afslutning", {"model.yaml": "konti: [\n"},
     ["model.yaml:2:1: fejl: YAML-syntaksfejl: der mangler en værdi her (er en liste eller tabel ikke lukket?)"]),
    ("Manglende anførselstegn", {"model.yaml": 'konti: "x\n'},
     ["model.yaml:2:1: fejl: YAML-syntaksfejl: filen slutter midt i en tekst i anførselstegn (mangler et afsluttende "
      "anførselstegn?); teksten begynder på linje 1, kolonne 8"]),
    ("Liste i [ ] uden ']'", {"model.yaml": "konti: [1, 2\nfordelingsnoegler: []\n"},
     ["model.yaml:2:18: fejl: YAML-syntaksfejl: listen i [ ] er ikke lukket med ']'; listen begynder på linje 1, kolonne 8"]),
    ("Kolon i tekst uden anførselstegn", {"model.yaml": "start: a: b\n"},
     ["model.yaml:1:9: fejl: YAML-syntaksfejl: uventet ':' her; sæt teksten i anførselstegn, eller tjek indrykningen"]),
    ("Dobbelt nøgle", {"model.yaml": "konti: []\nkonti: []\n"},
     ["model.yaml:2:1: fejl: nøglen 'konti' står to gange i samme tabel (første gang i linje 1)"]),
    ("Ukendt nøgle (stavefejl)", {"model.yaml": "fordelingsnoegler: []\nkonto: []\n"},
     ["model.yaml:2:1: fejl: ukendt nøgle 'konto'; mente du 'konti'?"]),
    ("Ukendt nøgle i en afdeling", {"samdrift.yaml": "navn: x\nafdelinger:\n  - id: a\n    navn: A\n    lejemål: 5\n"},
     ["samdrift.yaml:3:5: fejl: mangler den påkrævede nøgle 'lejemaal'",
      "samdrift.yaml:5:5: fejl: ukendt nøgle 'lejemål'; mente du 'lejemaal'?"]),
    ("Komma i tekst i { }", {"model.yaml": "indhold:\n  faelles_lokaler:\n    - {omraade: Kontor, kommentar: stort, lyst}\n"},
     ["model.yaml:3:43: fejl: ukendt nøgle 'lyst'; tilladte nøgler her er: omraade, kommentar"]),
    ("Påkrævet nøgle mangler", {"samdrift.yaml": "navn: x\n"},
     ["samdrift.yaml:1:1: fejl: mangler den påkrævede nøgle 'afdelinger'"]),
    ("Forkert type: tekst hvor et heltal skal stå", {"samdrift.yaml": "navn: x\nafdelinger:\n  - {id: a, navn: A, lejemaal: mange}\n  - {id: b, navn: B, lejemaal: 2}\n"},
     ["samdrift.yaml:3:32: fejl: 'lejemaal' skal være et heltal, ikke 'mange'"]),
    ("Uden for området: 0 lejemål", {"samdrift.yaml": "navn: x\nafdelinger:\n  - {id: a, navn: A, lejemaal: 0}\n  - {id: b, navn: B, lejemaal: 2}\n"},
     ["samdrift.yaml:3:32: fejl: 'lejemaal' skal være større end 0, ikke 0"]),
    ("Uden for området: et negativt areal med decimalkomma", {"samdrift.yaml": "navn: x\nafdelinger:\n  - {id: a, navn: A, lejemaal: 1, areal_m2: '-12,5'}\n  - {id: b, navn: B, lejemaal: 2}\n"},
     ["samdrift.yaml:3:45: fejl: 'areal_m2' skal være større end 0, ikke -12,5"]),
    ("Ugyldigt id", {"samdrift.yaml": "navn: x\nafdelinger:\n  - {id: Æblegården, navn: A, lejemaal: 1}\n  - {id: b, navn: B, lejemaal: 2}\n"},
     ["samdrift.yaml:3:10: fejl: 'Æblegården' er ikke et gyldigt id; brug kun små bogstaver a-z, tal, '_' og '-' (æ→ae, ø→oe, å→aa)"]),
    ("Ugyldig valgmulighed", {"model.yaml": "fordelingsnoegler: [{id: l, grundlag: kvadratmeter}]\n"},
     ["model.yaml:1:39: fejl: 'grundlag' skal være en af: 'lejemaal', 'areal', 'lige', 'fast', 'timer'; ikke 'kvadratmeter'"]),
    ("Ja/nej-felt med et andet svar", {"model.yaml": "konti:\n  - konto: 1\n    med: måske\n"},
     ["model.yaml:3:10: fejl: 'med' skal være true eller false (eller ja/nej), ikke 'måske'"]),
    ("Dato der ikke findes", {"samdrift.yaml": S + "start: {planlagt: 2025-02-30}\n"},
     ["samdrift.yaml:5:19: fejl: '2025-02-30' er ikke en gyldig dato"]),
    ("Dobbelt afdelings-id", {"samdrift.yaml": "navn: x\nafdelinger:\n  - {id: a, navn: A, lejemaal: 1}\n  - {id: a, navn: B, lejemaal: 2}\n"},
     ["samdrift.yaml:4:10: fejl: afdelings-id 'a' findes allerede (nr. 1 i listen); hvert afdelings-id skal være unikt"]),
    ("Henvisning til ukendt afdeling", {"oplaeg.yaml": "beboervalgtes_oensker:\n  - {afdeling: c, vurdering: x}\n"},
     ["oplaeg.yaml:2:16: fejl: ukendt afdeling 'c' (afdelingerne i samdrift.yaml: a, b)"]),
    ("Henvisning til ukendt interessent", {"interessenter.yaml": "interessenter:\n  - {id: beboere, navn: Beboere}\n",
                                           "orientering.yaml": "maalgrupper:\n  - {id: g, navn: G, kategori: beboere, interessenter: [beboer]}\n"},
     ["orientering.yaml:2:57: fejl: ukendt interessent 'beboer'; mente du 'beboere'? (se interessenter.yaml)"]),
    ("Andele der ikke summer til 100", {"model.yaml": "fordelingsnoegler:\n  - id: kontor\n    grundlag: fast\n    andele: {a: 25, b: 74.99}\n"},
     ["model.yaml:4:13: fejl: andelene i nøglen 'kontor' summer til 99,99 %; de skal summe til 100 %"]),
    ("Flere fejl i samme fil", {"model.yaml": "fordelingsnoegler:\n  - {id: kontor, grundlag: fast, andele: {a: 25, b: 74.99}}\n"
                                              "konti:\n  - {konto: 114, med: true, noegle: kontr, budget: 100}\n"
                                              "  - {konto: 115, med: true, noegle: kontor, budget: abc}\n"},
     ["model.yaml:2:42: fejl: andelene i nøglen 'kontor' summer til 99,99 %; de skal summe til 100 %",
      "model.yaml:4:37: fejl: ukendt fordelingsnøgle 'kontr'; mente du 'kontor'? (se fordelingsnoegler i model.yaml)",
      "model.yaml:5:53: fejl: 'budget': 'abc' er ikke et gyldigt beløb; skriv fx 2450000.50 eller \"2.450.000,50 kr.\" "
      "(i tekst er '.' tusindtalsskilletegn og ',' decimaltegn)"]),
    ("Beløb med mere end 2 decimaler", {"model.yaml": "fordelingsnoegler: [{id: l, grundlag: lige}]\nkonti:\n  - {konto: 1, med: true, noegle: l, budget: 10.0001}\n"},
     ["model.yaml:3:46: fejl: 'budget': beløbet '10.0001' har mere end 2 decimaler; angiv det i hele øre"]),
    ("Beløb med punktum som tusindtalsskilletegn", {"model.yaml": "fordelingsnoegler: [{id: l, grundlag: lige}]\nkonti:\n  - {konto: 1, med: true, noegle: l, budget: 450.000}\n"},
     ["model.yaml:3:46: fejl: 'budget': beløbet '450.000' har mere end 2 decimaler; mente du 450000 kr.? I et YAML-tal er "
      "'.' decimaltegn, så 450.000 betyder 450 kr.; skriv 450000 eller \"450.000 kr.\" i anførselstegn"]),
    ("Beløb med decimalkomma uden anførselstegn i { }", {"model.yaml": "fordelingsnoegler: [{id: l, grundlag: lige}]\nkonti:\n  - {konto: 1, med: true, noegle: l, budget: 245.000,00}\n"},
     ["model.yaml:3:46: fejl: 'budget': 245.000,00 skal stå i anførselstegn inde i { }, hvor komma adskiller felterne "
      "(YAML læser 245.000 og en nøgle '00'); skriv \"245.000,00\" eller 245000.00"]),
    ("Enormt tal", {"model.yaml": "konti:\n  - konto: 1\n    budget: " + "9" * 80 + "\n"},
     ["model.yaml:3:13: fejl: tallet er for stort (mere end 60 cifre)"]),
    ("Urimeligt stort beløb", {"model.yaml": "konti:\n  - konto: 1\n    budget: 1e20\n"},
     ["model.yaml:3:13: fejl: 'budget': beløbet '1E+20' er urimeligt stort (højst 10.000.000.000.000 kr.)"]),
    ("Ukendt YAML-mærke", {"model.yaml": "konti: !!python/object:os.system x\n"},
     ["model.yaml:1:8: fejl: ukendt YAML-mærke 'tag:yaml.org,2002:python/object:os.system'; fjern det"]),
    ("Alias-bombe", {"model.yaml": "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(6))},
     ["model.yaml:1:12: fejl: aliasserne i filen udfolder sig til mere end 200.000 værdier (alias-bombe?); forenkl brugen "
      "af ankre og aliasser"]),
    ("Alias, der henviser til sig selv", {"oplaeg.yaml": "formaal: &a [*a]\n"},
     ["oplaeg.yaml:1:10: fejl: et alias henviser til sig selv (fx 'a: &a [*a]'); det kan ikke udfoldes"]),
    ("Indlejret for dybt", {"oplaeg.yaml": "formaal: " + "[" * 150 + "]" * 150 + "\n"},
     ["oplaeg.yaml:1:110: fejl: værdierne er indlejret mere end 100 niveauer dybt; det er ikke en samdrift-fil"]),
    ("Et beløb på 600.000 tegn", {"model.yaml": "fordelingsnoegler: [{id: l, grundlag: lige}]\nkonti:\n"
                                                "  - {konto: 1, med: true, noegle: l, budget: '" + "1" * 600_000 + "'}\n"},
     ["model.yaml:3:46: fejl: 'budget': '11111111111111111111…' er ikke et gyldigt beløb (600000 tegn; et beløb har "
      "højst 60)"]),
    ("Navne, der ikke kan skelnes", {"samdrift.yaml": "navn: x\nafdelinger:\n  - {id: a, navn: Æblegården, lejemaal: 1}\n"
                                                      "  - {id: b, navn: ÆBLEGÅRDEN, lejemaal: 2}\n  - {id: c, navn: A, lejemaal: 3}\n"},
     ["samdrift.yaml:4:19: fejl: navnet 'ÆBLEGÅRDEN' kan ikke skelnes fra navnet 'Æblegården' (linje 3) for en anden "
      "afdeling; id'er og navne skal være forskellige, også når der ses bort fra store og små bogstaver og fra, hvordan "
      "æ, ø og å er kodet",
      "samdrift.yaml:5:19: fejl: navnet 'A' kan ikke skelnes fra id'et 'a' (linje 3) for en anden afdeling; id'er og "
      "navne skal være forskellige, også når der ses bort fra store og små bogstaver og fra, hvordan æ, ø og å er kodet"]),
    ("Styretegn kopieret fra Word", {"oplaeg.yaml": "konklusion: Vi g\x0bår videre\n"},
     ["oplaeg.yaml:1:17: fejl: tegnet '\\x0b' er et styretegn, som YAML ikke tillader (ofte kopieret fra Word); slet det"]),
    ("Styretegn i en henvisning", {"oplaeg.yaml": 'beboervalgtes_oensker:\n  - {afdeling: "c\\e[31m", vurdering: x}\n'},
     ["oplaeg.yaml:2:16: fejl: teksten har et styretegn ('\\x1b', tegn nr. 2), som ingen tekst i samdrift må have "
      "(ofte kopieret fra Word, eller skrevet med \\ i anførselstegn); slet det"]),
    ("Styretegn i en tekst", {"samdrift.yaml": 'navn: "Samdrift\\x0bNord"\nafdelinger:\n  - {id: a, navn: A, lejemaal: 1}\n'
                                                '  - {id: b, navn: B, lejemaal: 2}\n'},
     ["samdrift.yaml:1:7: fejl: teksten har et styretegn ('\\x0b', tegn nr. 9), som ingen tekst i samdrift må have "
      "(ofte kopieret fra Word, eller skrevet med \\ i anførselstegn); slet det"]),
    ("Et logo, der er for stort", {"samdrift.yaml": S + "dokumenter: {logo: logo.png}\n",
                                   "logo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\xd4\xc0\x00\x01\xd4\xc0\x08\x02\x00\x00\x00"},
     ["samdrift.yaml:5:20: fejl: 'logo.png' er 120.000 × 120.000 pixel; et logo må højst have 40.000.000 pixel (gem det i "
      "en mindre størrelse, fx 1000 pixel bredt)"]),
    ("Et logo, der ikke er et billede", {"samdrift.yaml": S + "dokumenter: {logo: logo.png}\n", "logo.png": b"GIF89a"},
     ["samdrift.yaml:5:20: fejl: 'logo.png' er ikke et PNG-billede, som endelsen siger (eller filen er beskadiget)"]),
    ("En tidsregistrering gemt som UTF-16", {"tidsregistrering.csv": "dato;medarbejder;afdeling;timer\n".encode("utf-16")},
     ["tidsregistrering.csv: fejl: filen er gemt som UTF-16 (Unicode); gem den som CSV med tegnsættet UTF-8 eller "
      "Windows-1252 (i Excel: 'CSV (semikolonsepareret)')"]),
    ("En tidsregistrering, der ikke er en projektmappe", {"tidsregistrering.xlsx": b"dato;timer\n"},
     ["tidsregistrering.xlsx: fejl: filen er ikke en Excel-projektmappe (.xlsx): en sådan er en zip-fil, og det er denne ikke "
      "(er den gemt i et andet format, fx .xls eller .csv, eller er den beskadiget?)"]),
    ("Tom fil", {"model.yaml": ""},
     ["model.yaml:1:1: fejl: filen er tom; udfyld den, eller slet den, hvis den ikke er lavet endnu"]),
    ("Øverst en liste", {"model.yaml": "- 1\n- 2\n"},
     ["model.yaml:1:1: fejl: filen skal indeholde en tabel med nøgler (nøgle: værdi), ikke en liste"]),
    ("Ikke UTF-8", {"model.yaml": b"konti: []\nstart: \xe6\n"},
     ["model.yaml:2:8: fejl: filen er ikke gyldig UTF-8 (byten 0xE6); gem den med tegnsættet UTF-8"]),
    ("En mappe hvor en fil skal være", {"model.yaml/.keep": ""},
     ["model.yaml: fejl: model.yaml er en mappe, men skal være en fil"]),
    ("samdrift.yaml mangler", {"samdrift.yaml": None},
     ["samdrift.yaml: fejl: filen mangler; er dette en samdrift-mappe? Opret en med 'samdrift init'"]),
    ("CSV: manglende kolonne", {"tidsregistrering.csv": "dato;afdeling;timer\n"},
     ["tidsregistrering.csv:1: fejl: overskriftslinjen mangler kolonnen 'medarbejder'; forventet fx: dato;medarbejder;afdeling;timer;opgave"]),
    ("CSV: dårlige rækker", {"tidsregistrering.csv": "dato;medarbejder;afdeling;timer\n2026-02-30;Ole;a;1\n2026-01-01;Ole;c;1\n"
                                                      "2026-01-01;Ole;a;-2\n2026-01-01;Ole;a;syv\n31/12/2026;Ole;A;1\n"},
     ["tidsregistrering.csv:2: fejl: datoen '2026-02-30' findes ikke i kalenderen",
      "tidsregistrering.csv:3: fejl: ukendt afdeling 'c'; brug en afdelings id eller navn fra samdrift.yaml",
      "tidsregistrering.csv:4: fejl: negative timer ('-2') er ikke tilladt; ret den oprindelige registrering",
      "tidsregistrering.csv:5: fejl: timer skal være et tal som 7,5 eller 7.5, ikke 'syv'"]),
    ("CSV: decimalkomma uden anførselstegn", {"tidsregistrering.csv": "dato,medarbejder,afdeling,timer,opgave\n"
                                                                      "2026-01-05,Ole,a,7,5,renhold\n2026-01-06,Ole,a,\"7,5\",renhold\n"
                                                                      "2026-01-07,Ole,a\n"},
     ["tidsregistrering.csv:2: fejl: rækken har 6 felter, men overskriften har 5; er skilletegnet ',' brugt i en værdi "
      "uden anførselstegn? Et decimaltal som 7,5 skal stå i anførselstegn: \"7,5\"",
      "tidsregistrering.csv:4: fejl: rækken har 3 felter, men overskriften har 5; er skilletegnet ',' brugt i en værdi "
      "uden anførselstegn?"]),
    ("CSV: timer med for mange decimaler", {"tidsregistrering.csv": "dato;medarbejder;afdeling;timer\n"
                                                                     "2026-01-05;Ole;a;0,0166666666666666666666\n"},
     ["tidsregistrering.csv:2: fejl: timer med 22 decimaler ('0,0166666666666666666666') er mere præcist, end en "
      "registrering kan være; afrund til højst 20 decimaler"]),
    ("CSV: anførselstegn uden afslutning", {"tidsregistrering.csv": "dato;medarbejder;afdeling;timer\n2026-01-05;\"Ole;a;1\n"
                                                                     + "2026-01-06;Ole;a;1\n" * 8000},
     ["tidsregistrering.csv:2: fejl: et anførselstegn (\") på linjen afsluttes ikke: værdien fortsætter til linje 6901 "
      "og bliver længere end de 131072 tegn, en værdi må have"]),
]


def _byg(tmp_path: Path, filer: dict) -> Path:
    alle = {"samdrift.yaml": S, **filer}
    if alle["samdrift.yaml"] is None:
        del alle["samdrift.yaml"]
        alle["model.yaml"] = "konti: []\n"
    return byg_mappe(tmp_path / "m", alle)


@pytest.mark.parametrize("titel,filer,forventet", KATALOG, ids=[k[0] for k in KATALOG])
def test_fejlkatalog(tmp_path, samdrift, titel, filer, forventet):
    m = _byg(tmp_path, filer)
    foer = snapshot(m)
    r = samdrift("-C", m, "check")
    assert r.kode == 2
    assert r.fejllinjer == forventet, r.stderr
    j = samdrift("-C", m, "check", "--json")
    assert j.kode == 2 and j.json()["gyldig"] is False
    for args in (("status",), ("fordeling",), ("check", "milepael", "3")):
        assert samdrift("-C", m, *args).kode == 2
    assert snapshot(m) == foer


def test_alle_problemer_i_en_koersel(tmp_path, samdrift):
    m = byg_mappe(tmp_path, {"samdrift.yaml": S, "model.yaml": "konto: []\n",
                             "aftale.yaml": "ikrafttraeden: 2025-13-01\n", "oplaeg.yaml": "formaal: [\n"})
    r = samdrift("-C", m, "check")
    assert r.kode == 2
    assert [l.split(":")[0] for l in r.fejllinjer] == ["aftale.yaml", "model.yaml", "oplaeg.yaml"]


def render_dokumentation() -> str:
    linjer = ["# Fejlkatalog", "",
              "Hver slags fejl i en samdrift-mappe, med den besked `samdrift check` giver (exitkode 2).",
              "Siden er lavet ud fra testene i `tests/test_fejlkatalog.py`, så beskederne her er præcis dem, værktøjet skriver.", "",
              "Alle fejl i mappen meldes i samme kørsel, også i en fil, der har skemafejl: den del, fejlen står i "
              "(konti, nøgle, afdeling eller anden post i en liste), lades ude, og resten krydstjekkes for unikke id'er, "
              "henvisninger og andele, der summer til 100. Det udeladte tæller stadig med: dets id kan man henvise til, "
              "og en afdeling med fejl er stadig en afdeling, så der meldes ingen følgefejl.", ""]
    for titel, filer, forventet in KATALOG:
        linjer += [f"## {titel}", ""]
        for navn, indhold in filer.items():
            if indhold is None or navn.endswith(".keep"):
                continue
            tekst = indhold.decode("utf-8", "replace") if isinstance(indhold, bytes) else indhold
            if isinstance(indhold, bytes) and any(c < " " and c not in "\n\t" for c in tekst) or "\ufffd" in tekst:
                linjer += [f"`{navn}`: en binær fil på {len(indhold)} byte", ""]
                continue
            raekker = tekst.splitlines(keepends=True)
            if len(raekker) > 12:
                tekst = "".join(raekker[:4]) + f"… ({len(raekker) - 4:,} linjer mere)\n".replace(",", ".")
            if len(tekst) > 400:
                tekst = tekst[:400] + "…\n"
            linjer += [f"`{navn}`:", "", "```yaml" if navn.endswith(".yaml") else "```", tekst.rstrip("\n"), "```", ""]
        linjer += ["```", *forventet, "```", ""]
    return "\n".join(linjer)


def test_dokumentationen_er_opdateret():
    sti = ROD / "docs" / "fejlkatalog.md"
    tekst = render_dokumentation()
    if os.environ.get("SAMDRIFT_OPDATER_DOCS"):
        sti.write_text(tekst, encoding="utf-8")
    assert sti.read_text(encoding="utf-8") == tekst, "kør SAMDRIFT_OPDATER_DOCS=1 python -m pytest tests/test_fejlkatalog.py"
