"""The files the administration systems give, one per layout, and what `samdrift import` prints for each (#31).

Each case builds its file in a fresh copy of the example, runs the commands there, checks what a user
must be told, and the same runs write the section of docs/oekonomi.md between the markers below, so the
page shows exactly what the tool prints. After changing a message, run
``SAMDRIFT_OPDATER_DOCS=1 python -m pytest tests/test_importeksempler.py``.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest
from openpyxl import load_workbook

from conftest import EKSEMPEL, ROD, arbejdsbog

START = "<!-- importeksempler: start (lavet af tests/test_importeksempler.py; ret dér) -->"
SLUT = "<!-- importeksempler: slut -->"


@dataclass
class Eksempel:
    titel: str
    forklaring: str
    byg: Callable  # (folder, run) -> the files to show
    kommandoer: list[tuple[list[str], int, list[str]]]  # (args, exit code, lines the output must hold)
    efter: str = ""  # a paragraph after the output
    vis_filer: bool = True
    udfald: list[str] = field(default_factory=list)


def _csv(navn: str, linjer: list[str], tegnsaet: str = "cp1252"):
    def byg(m: Path, koer) -> list[str]:
        (m / navn).write_bytes("\r\n".join(linjer).encode(tegnsaet) + b"\r\n")  # as Excel saves it
        return [navn]
    return byg


def _bog(navn: str, ark: dict[str, list[list]], flet: dict[str, list[str]] | None = None):
    def byg(m: Path, koer) -> list[str]:
        arbejdsbog(m / navn, ark, flet=flet)
        return [navn]
    return byg


def _flere(*byggere):
    return lambda m, koer: [navn for b in byggere for navn in b(m, koer)]


def _rettet_projektmappe(m: Path, koer) -> list[str]:
    navn = "Samdrift 2026.xlsx"
    assert koer("export", "--xlsx", navn).kode == 0
    bog = load_workbook(m / navn)
    bog["Konti"]["D2"] = 3000000  # Løn, ejendomsfunktionærer
    bog["Afdelinger"]["C2"] = 110  # lejemål for Æblegården
    bog["Fordelingsnøgler"]["H2"], bog["Fordelingsnøgler"]["H3"] = 20, 80  # Ejendomskontoret: faste andele
    bog.save(m / navn)
    return []


_HOVED = ["Kontonr.", "Kontotekst"]
_LINJER = [("114", "Løn, ejendomsfunktionærer"), ("114", "Løn- /sygerefusion"), ("114", "Diverse renholdelsesartikler"),
           ("115", "Materiel, kørende")]

EKSEMPLER: list[Eksempel] = [
    Eksempel(
        "Et udtræk med titel, tomme rækker og en I alt-række (CSV i Windows-1252)",
        "Som dansk Excel gemmer \"CSV (semikolonsepareret)\": beløb med tusindtalspunktum og decimalkomma. "
        "Titlen og de tomme rækker over overskriften springes over, og \"I alt\" tjekkes mod linjerne over den.",
        _csv("budget.csv", ["Budget 2026 for Æblegården og Pærebakken", "", "Kontonr.;Kontotekst;Budget",
                            "114;Løn, ejendomsfunktionærer;3.010.000,00", "114;Løn- /sygerefusion;-85.000,00",
                            "114;Diverse renholdelsesartikler;285.000,00", "115;Materiel, kørende;170.000,00",
                            ";I alt;3.380.000,00"]),
        [(["import", "budget", "budget.csv"], 0,
          ["læste budget.csv: linje 3, kolonne 3 'Budget' (i model.yaml: budget)",
           "konto 114 Løn, ejendomsfunktionærer: 2.950.000,00 kr. → 3.010.000,00 kr."])],
        "Kun de to ændrede beløb skrives i `model.yaml`; kommentarerne og resten af filen er, som de var."),
    Eksempel(
        "Flere år side om side",
        "Administrationssystemerne eksporterer ofte regnskab og budgetter for flere år. samdrift vælger aldrig "
        "selv en kolonne: uden `--aar` er det en fejl, der nævner kolonnerne og intet skriver.",
        _bog("budget.xlsx", {"Budget": [[*_HOVED, "Regnskab 2025", "Budget 2026", "Budget 2027"],
                                        *[[int(k), n, 1000 * (i + 1), 2000 * (i + 1), 3000 * (i + 1)]
                                          for i, (k, n) in enumerate(_LINJER)]]}),
        [(["import", "budget", "budget.xlsx"], 2,
          ["budget.xlsx: fejl: filen har flere budgetkolonner: Budget!D1 'Budget 2026', Budget!E1 'Budget 2027'; "
           "samdrift vælger ikke selv; vælg med --aar ÅÅÅÅ (fx --aar 2027)"]),
         (["import", "budget", "budget.xlsx", "--aar", "2027"], 0,
          ["læste budget.xlsx: arket 'Budget', række 1, kolonne E 'Budget 2027' (i model.yaml: budgetter for 2027)"])],
        "Budgettet for `oekonomi.regnskabsaar` (i eksemplet 2025) står i kontolinjens `budget`; et andet års i "
        "`budgetter: {2027: …}`."),
    Eksempel(
        "Kontogrupper med subtotaler",
        "Overskrifter for kontogrupperne og rækker som \"Renholdelse i alt\" har intet kontonummer og springes over. "
        "Har en subtotal et beløb, tjekkes det mod linjerne i gruppen; en forskel er en advarsel med cellen, "
        "og beløbene sættes alligevel, for det er linjerne, der gælder.",
        _bog("budget.xlsx", {"Budget": [["Budget 2026"], [], [*_HOVED, "Budget 2026"], [None, "Renholdelse (114)"],
                                        [114, "Løn, ejendomsfunktionærer", 2950000], [114, "Løn- /sygerefusion", -85000],
                                        [114, "Diverse renholdelsesartikler", 280000], [None, "Renholdelse i alt", 3154000],
                                        [None, "Almindelig vedligeholdelse (115)"], [115, "Materiel, kørende", 170000],
                                        [None, "Almindelig vedligeholdelse i alt", 170000], [None, "I alt", 3324000]]}),
        [(["import", "budget", "budget.xlsx", "--vis"], 0,
          ["budget.xlsx:Budget!C8: advarsel: 'Renholdelse i alt' er 3.154.000,00 kr., men kontolinjerne over den summer "
           "til 3.145.000,00 kr. (forskel 9.000,00 kr.); mangler en linje, eller står en to gange?"])]),
    Eksempel(
        "En overskrift over to rækker",
        "\"Budget 2026\" flettet over en kolonne pr. afdeling og \"I alt\", afdelingernes navne i rækken under: "
        "budgettet er gruppens \"I alt\", og importen siger det. `--kolonne-budget NAVN` vælger en anden underkolonne.",
        _bog("budget.xlsx", {"Budget": [[*_HOVED, "Budget 2026", None, None], [None, None, "Æblegården", "Pærebakken", "I alt"],
                                        [114, "Løn, ejendomsfunktionærer", 500000, 2460000, 2960000],
                                        [114, "Løn- /sygerefusion", -15000, -70000, -85000]]}, {"Budget": ["C1:E1"]}),
        [(["import", "budget", "budget.xlsx", "--vis"], 0,
          ["læste budget.xlsx: arket 'Budget', række 2, kolonne E 'Budget 2026 / I alt' (i model.yaml: budget)"])]),
    Eksempel(
        "En forside først",
        "Er der flere ark, læses det første synlige ark, der har en kontokolonne og en budgetkolonne; skjulte ark "
        "læses kun, når `--ark NAVN` nævner dem. Importen siger, hvilket ark den læste.",
        _bog("budget.xlsx", {"Forside": [["Boligorganisationen Frugthaven"], ["Budget 2026, udskrevet 1.10.2025"]],
                             "Budget": [[*_HOVED, "Budget"], [114, "Løn, ejendomsfunktionærer", 2950000]]}),
        [(["import", "budget", "budget.xlsx", "--vis"], 0,
          ["læste budget.xlsx: arket 'Budget', række 1, kolonne C 'Budget' (i model.yaml: budget)"])]),
    Eksempel(
        "Andre kontonumre og underkonti: kontokortet",
        "Administrationssystemet fører løn på underkonti (114.10, 114.11, …) og IT på sin egen konto 11950. "
        "Eksemplets `kontokort.yaml` siger én gang, hvor de hører til i `model.yaml`; underkonti lægges "
        "sammen på én linje, og importen siger, hvad den kortlagde:\n\n"
        "```yaml\nkort:\n  - fra: \"114.1*\"\n    til: 114\n    til_navn: Løn, ejendomsfunktionærer\n"
        "  - fra: \"11950\"\n    fra_navn: IT-gebyr\n    til: 119\n    til_navn: IT servicegebyr\n```",
        _csv("budget.csv", ["Konto;Tekst;Budget 2026", "114.10;Løn, ejendomsfunktionærer;2.700.000", "114.11;Ekstraarbejde;150.000",
                            "114.12;Afløsning;100.000", "11950;IT-gebyr;42.000"]),
        [(["import", "budget", "budget.csv"], 0,
          ["kontokort.yaml: 114.10 Løn, ejendomsfunktionærer, 114.11 Ekstraarbejde, 114.12 Afløsning → konto 114 "
           "Løn, ejendomsfunktionærer (i alt 2.950.000,00 kr.)",
           "konto 119 IT servicegebyr: 40.000,00 kr. → 42.000,00 kr."])],
        "`samdrift check` tjekker, at hver linje i kontokortet rammer én linje i `model.yaml`."),
    Eksempel(
        "Samme nummer med et andet navn, og en linje, der ikke passer",
        "Har kontonummeret kun én linje i `model.yaml`, sættes beløbet dér, og en advarsel nævner begge navne. "
        "Har nummeret flere linjer, skal navnet passe; ellers er det en fejl med de tre nærmeste navne, "
        "og intet skrives.",
        _flere(_csv("budget.csv", ["Konto;Tekst;Budget", "119.9;Samdriftsudvalg, møder;12.000"]),
               _csv("budget2.csv", ["Konto;Tekst;Budget", "115;Materiel;170.000"])),
        [(["import", "budget", "budget.csv"], 0,
          ["budget.csv:2: advarsel: konto 119.9 hedder 'Samdriftsudvalg, møder' i filen og 'Samdriftsudvalget' i model.yaml"]),
         (["import", "budget", "budget2.csv"], 2,
          ["budget2.csv:2: fejl: konto 115 'Materiel' passer ikke med navnene i model.yaml; nærmest er 'Materiel, kørende'"])],
        "Skriv linjen i `kontokort.yaml` (med `fra_navn`), så næste års import passer uden rettelser."),
    Eksempel(
        "En ny linje under et kendt nummer: --tilfoej",
        "En linje, der ikke findes i `model.yaml`, er en fejl; med `--tilfoej` tilføjes den som `med: false` "
        "efter linjerne med samme nummer, med en kommentar om, hvor den kom fra. Et budget på en linje med "
        "`med: false` siges altid, for den indgår ikke i fordelingen.",
        _csv("budget.csv", ["Konto;Tekst;Budget", "114;Vinduespolering;25.000", "110;Vagtordning;8.000"]),
        [(["import", "budget", "budget.csv", "--tilfoej"], 0,
          ["tilføjede konto 114 Vinduespolering: 25.000,00 kr. (med: false)",
           "budget.csv:3: advarsel: konto 110 Vagtordning indgår ikke i fordelingen (med: false); sæt med: true, hvis den skal"])]),
    Eksempel(
        "Dagens udgift pr. afdeling: --nuvaerende",
        "\"I dag og med samdrift\" bygger på hver afdelings udgift i dag (`nuvaerende`). Med `--nuvaerende` læses "
        "en kolonne pr. afdeling (overskriften er afdelingens navn eller id; \"I alt\" er ingen afdeling) eller "
        "et ark pr. afdeling (arkets navn er afdelingens).",
        _csv("i dag.csv", ["Udgifter 2024 pr. afdeling", "", "Kontonr.;Kontotekst;Æblegården;Pærebakken;I alt",
                           "114;Løn, ejendomsfunktionærer;545.000;2.700.000;3.245.000", "115;Materiel, kørende;60.000;180.000;240.000"]),
        [(["import", "budget", "i dag.csv", "--nuvaerende"], 0,
          ["læste i dag.csv (Æblegården, i dag): linje 3, kolonne 3 'Æblegården' (i model.yaml: nuvaerende for aeblegaarden)",
           "konto 114 Løn, ejendomsfunktionærer (Æblegården, i dag): 540.000,00 kr. → 545.000,00 kr."])]),
    Eksempel(
        "Samdrifts egen projektmappe efter rettelser",
        "`samdrift export --xlsx` skriver projektmappen; her har en økonomimedarbejder rettet et budget på arket "
        "Konti, Æblegårdens lejemål på arket Afdelinger og den faste nøgle Ejendomskontorets andele på arket "
        "Fordelingsnøgler. En ny export overskriver ikke rettelserne, men nævner cellerne; én import henter dem "
        "alle ind i `model.yaml` og `samdrift.yaml`.",
        _rettet_projektmappe,
        [(["export", "--xlsx", "Samdrift 2026.xlsx"], 2,
          ["Samdrift 2026.xlsx: fejl: projektmappen er ændret, siden samdrift skrev den (Konti!D2: budget for konto 114 "
           "Løn, ejendomsfunktionærer 2.950.000,00 kr. → 3.000.000,00 kr.; Afdelinger!C2: lejemål for Æblegården 100 → 110;"]),
         (["import", "budget", "Samdrift 2026.xlsx"], 0,
          ["Afdelinger!C2: lejemål for Æblegården 100 → 110",
           "ændrede 3 værdier af lejemål, areal og andele i samdrift.yaml og model.yaml"])],
        vis_filer=False),
    Eksempel(
        "Regnskabet ind",
        "`samdrift import regnskab` læser regnskabskolonnen med de samme regler (Regnskab, Faktisk, Forbrug, "
        "Regnskab 2025); `--aar` er påkrævet, for regnskabet står pr. år. Eksemplets `regnskab-2025.xlsx` har "
        "kontogrupper med subtotaler, budgettet ved siden af og lønnen på underkonti:",
        lambda m, koer: ["regnskab-2025.xlsx"],
        [(["import", "regnskab", "regnskab-2025.xlsx", "--aar", "2025"], 0,
          ["læste regnskab-2025.xlsx: arket 'Regnskab', række 3, kolonne C 'Regnskab 2025' (i model.yaml: regnskab for 2025)",
           "kontokort.yaml: 11950 IT-gebyr → konto 119 IT servicegebyr"])]),
]


def _tal(v, kolonne: int) -> str:
    """A cell as the sheet shows it: amounts with Danish separators, a konto number (column A) as it is."""
    if isinstance(v, bool) or not isinstance(v, (int, float)) or kolonne == 0:
        return "" if v is None else str(v).replace("|", "\\|")
    tekst = f"{v:,.2f}" if isinstance(v, float) else f"{v:,}"
    return tekst.replace(",", "X").replace(".", ",").replace("X", ".")


def _vis_fil(sti: Path) -> list[str]:
    if sti.suffix == ".csv":
        raa = sti.read_bytes()
        try:
            tekst, tegnsaet = raa.decode("utf-8"), "" if raa.isascii() else ", UTF-8"
        except UnicodeDecodeError:
            tekst, tegnsaet = raa.decode("cp1252"), ", Windows-1252"
        return [f"`{sti.name}` (CSV{tegnsaet}):", "", "```", tekst.replace("\r\n", "\n").rstrip("\n"), "```", ""]
    from openpyxl.utils import get_column_letter

    ud = []
    bog = load_workbook(sti)
    for ws in bog.worksheets:
        bredde = ws.max_column
        flettet = ", ".join(str(o) for o in ws.merged_cells.ranges)
        ud += [f"`{sti.name}`, arket {ws.title}" + (f" ({flettet} er flettet)" if flettet else "") + ":", "",
               "| | " + " | ".join(get_column_letter(k) for k in range(1, bredde + 1)) + " |",
               "|---|" + "---|" * bredde]
        for i, r in enumerate(ws.iter_rows(values_only=True), start=1):
            ud.append(f"| {i} | " + " | ".join(_tal(v, k) for k, v in enumerate(r)) + " |")
        ud.append("")
    return ud


def _koer_eksempel(eks: Eksempel, mappe: Path, samdrift) -> list[str]:
    shutil.copytree(EKSEMPEL, mappe)

    def koer(*args):
        return samdrift(*args, cwd=mappe)

    filer = eks.byg(mappe, koer)
    ud = [f"### {eks.titel}", "", eks.forklaring, ""]
    if eks.vis_filer:
        for navn in filer:
            ud += _vis_fil(mappe / navn)
    for args, kode, skal in eks.kommandoer:
        r = koer(*args)
        assert r.kode == kode, (args, r.stdout, r.stderr)
        tekst = (r.stdout + r.stderr).replace(f"{mappe}/", "")  # the folder's path, as run inside it
        for linje in skal:
            assert linje in tekst, (linje, tekst)
        import shlex

        ud += ["```sh", "samdrift " + shlex.join(args), "```", "", "```", tekst.rstrip("\n")
               + ("" if kode == 0 else f"\n(udgangskode {kode})"), "```", ""]
    if eks.efter:
        ud += [eks.efter, ""]
    return ud


@pytest.mark.parametrize("nr", range(len(EKSEMPLER)), ids=[e.titel for e in EKSEMPLER])
def test_importeksempel(nr, tmp_path, samdrift):
    EKSEMPLER[nr].udfald[:] = _koer_eksempel(EKSEMPLER[nr], tmp_path / "mappe", samdrift)


def test_docs_oekonomi_viser_importeksemplerne(tmp_path, samdrift):
    """The section of docs/oekonomi.md is the cases' output, as the CLI prints it today."""
    tekst = [linje for i, e in enumerate(EKSEMPLER) for linje in (e.udfald or _koer_eksempel(e, tmp_path / str(i), samdrift))]
    sti = ROD / "docs" / "oekonomi.md"
    doc = sti.read_text(encoding="utf-8")
    foer, rest = doc.split(START + "\n", 1)
    _, efter = rest.split(SLUT, 1)
    ny = foer + START + "\n" + "\n".join(tekst) + "\n" + SLUT + efter
    if os.environ.get("SAMDRIFT_OPDATER_DOCS"):
        sti.write_text(ny, encoding="utf-8")
    assert sti.read_text(encoding="utf-8") == ny, "kør SAMDRIFT_OPDATER_DOCS=1 python -m pytest tests/test_importeksempler.py"
