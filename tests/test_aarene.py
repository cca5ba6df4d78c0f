"""The economy over the years (#28) and budgets as the administration systems give them (#31): regnskab
against budget per konto and afdeling to the øre, the saving against today and the goal, the fordeling
posted back as one CSV per afdeling, and the import that says what it read and refuses to guess."""

from __future__ import annotations

import csv
import io
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import EKSEMPEL, MINIMAL_SAMDRIFT, arbejdsbog, byg_mappe


@pytest.fixture
def eksempel(tmp_path) -> Path:
    m = tmp_path / "eksempel"
    shutil.copytree(EKSEMPEL, m)
    return m


def test_eksemplets_opfoelgning_for_2025_er_kontraktens(samdrift):
    r = samdrift("-C", EKSEMPEL, "opfoelgning", "--aar", "2025", "--json")
    assert r.kode == 0, r.stderr
    d = r.json()
    assert d["aar"] == 2025
    assert {k: d["i_alt"][k] for k in ("nuvaerende", "budget", "regnskab", "afvigelse", "besparelse")} == {
        "nuvaerende": "4053000.00", "budget": "3631000.01", "regnskab": "3909300.00", "afvigelse": "278299.99",
        "besparelse": "143700.00"}
    # the afdelinger sum to the totals exactly, and each konto's regnskab is allocated to the øre
    for felt in ("nuvaerende", "budget", "regnskab", "afvigelse", "besparelse"):
        assert sum(Decimal(a[felt]) for a in d["afdelinger"]) == Decimal(d["i_alt"][felt]), felt
    for k in d["konti"]:
        assert sum(Decimal(v) for v in k["regnskab_fordeling"].values()) == Decimal(k["regnskab"])
        assert Decimal(k["afvigelse"]) == Decimal(k["regnskab"]) - Decimal(k["budget"])
    assert [k["konto"] for k in d["konti"]] == ["114", "114", "114", "115", "119", "119", "119", "119", "119.9"]
    assert d["maal"]["besparelse"] == "400000.00" and d["maal"]["naaet"] is False
    # the budget is allocated as 'fordeling' allocates it
    f = samdrift("-C", EKSEMPEL, "fordeling", "--json").json()
    assert {a["id"]: a["budget"] for a in d["afdelinger"]} == f["total"]["fordeling"]
    r = samdrift("-C", EKSEMPEL, "opfoelgning", "--aar", "2025")
    assert r.kode == 0
    assert "Driftsbesparelse 2025: 143.700,00 kr. mod i dag (4.053.000,00 kr.), mod målet 400.000,00 kr.: ikke nået." in r.stdout


def test_et_aar_uden_regnskab_siges_pr_konto(samdrift):
    r = samdrift("-C", EKSEMPEL, "opfoelgning", "--aar", "2026")
    assert r.kode == 2
    assert r.fejllinjer[0] == ("model.yaml: fejl: konto 114 Løn, ejendomsfunktionærer har intet budget for 2026 (budgetter i "
                               "model.yaml; 'samdrift import budget FIL --aar 2026')")
    assert any("intet regnskab for 2026" in l for l in r.fejllinjer)


_bog = arbejdsbog


def test_regnskab_ind_fra_xlsx_og_opfoelgning_over_to_aar(tmp_path, samdrift):
    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT,
                                   "model.yaml": "# model\noekonomi: {regnskabsaar: '2026'}\n"
                                                 "fordelingsnoegler: [{id: l, grundlag: lejemaal}]\nkonti:\n"
                                                 "  - {konto: 114, navn: Løn, med: true, noegle: l, budget: 1000.00, "
                                                 "nuvaerende: {a: 300, b: 900}}  # lønnen\n"
                                                 "  - {konto: 119, navn: Kontor, med: true, noegle: l, budget: 100.01}\n"})
    fil = _bog(tmp_path / "regnskab.xlsx", {"Forside": [["Regnskaber fra administrationssystemet"]],
                                            "Regnskab": [["Regnskab 2025 og 2026"], [], ["Konto", "Tekst", "Regnskab 2025", "Regnskab 2026"],
                                                         [114, "Løn", 1100, 950.5], [119, "Kontor", 90, 100.01],
                                                         [None, "I alt", 1190, 1050.51]]})
    r = samdrift("-C", m, "import", "regnskab", fil, "--aar", "2026")
    assert r.kode == 0, r.stderr
    assert r.stdout.splitlines()[0] == ("læste regnskab.xlsx: arket 'Regnskab', række 3, kolonne D 'Regnskab 2026' "
                                        "(i model.yaml: regnskab for 2026)")
    tekst = (m / "model.yaml").read_text(encoding="utf-8")
    assert "# lønnen" in tekst and "regnskab: {2026: 950.50}" in tekst
    # a second import of the same file changes nothing
    assert samdrift("-C", m, "import", "regnskab", fil, "--aar", "2026").stdout.splitlines()[-1] == \
        "ændrede 0 af 2 konti i model.yaml (2 uændrede)"
    # the budget of another year goes to 'budgetter'
    budget = tmp_path / "budget.csv"
    budget.write_bytes("Konto;Tekst;Regnskab 2025;Budget 2025;Budget 2026\n114;Løn;1100;1050;1000\n119;Kontor;90;95;100,01\n"
                       .encode("cp1252"))
    r = samdrift("-C", m, "import", "budget", budget)
    assert r.kode == 2 and r.fejllinjer == [
        "budget.csv: fejl: filen har flere budgetkolonner: linje 1, kolonne 4 'Budget 2025', linje 1, kolonne 5 "
        "'Budget 2026'; samdrift vælger ikke selv; vælg med --aar ÅÅÅÅ (fx --aar 2026)"]
    r = samdrift("-C", m, "import", "budget", budget, "--aar", "2025")
    assert r.kode == 0, r.stderr
    assert "(i model.yaml: budgetter for 2025)" in r.stdout.splitlines()[0]
    assert samdrift("-C", m, "import", "regnskab", fil, "--aar", "2025").kode == 0
    r = samdrift("-C", m, "opfoelgning", "--json")
    assert r.kode == 0, r.stderr
    d = r.json()
    assert d["aar"] == 2026 and [x["aar"] for x in d["aarene"]] == [2025, 2026]
    aar25 = d["aarene"][0]
    assert aar25["i_alt"]["budget"] == "1145.00" and aar25["i_alt"]["regnskab"] == "1190.00"
    assert aar25["i_alt"]["nuvaerende"] == "1200.00" and aar25["i_alt"]["besparelse"] == "10.00"
    assert d["i_alt"]["budget"] == "1100.01" and d["i_alt"]["regnskab"] == "1050.51"


def test_bogfoeringen_pr_afdeling_summer_til_hver_konto(eksempel, samdrift):
    r = samdrift("-C", eksempel, "export", "--bogfoering")
    assert r.kode == 0, r.stderr
    ud = eksempel / "dokumenter" / "bogfoering"
    f = samdrift("-C", eksempel, "fordeling", "--json").json()
    filer = {p.stem: list(csv.reader(io.StringIO(p.read_bytes().decode("cp1252")), delimiter=";"))
             for p in ud.glob("*.csv")}
    assert sorted(filer) == ["aeblegaarden", "paerebakken"]
    for raekker in filer.values():
        assert raekker[0] == ["konto", "tekst", "beloeb"]
        assert [(r[0], r[1]) for r in raekker[1:]] == [(k["konto"], k["navn"]) for k in f["konti"]]
    for i, k in enumerate(f["konti"], start=1):
        summen = sum(Decimal(filer[a][i][2].replace(",", ".")) for a in filer)
        assert summen == Decimal(k["beloeb"]), k["konto"]
        assert "." not in filer["aeblegaarden"][i][2]
    assert filer["aeblegaarden"][1][2] == "491666,67"
    r = samdrift("-C", eksempel, "export", "--bogfoering", "--tegnsaet", "utf-8", "--overskriv")
    assert r.kode == 0 and (ud / "paerebakken.csv").read_bytes().decode("utf-8").startswith("konto;tekst;beloeb\r\n")


def test_to_raekker_overskrift_og_subtotaler(tmp_path, samdrift):
    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT,
                                   "model.yaml": "fordelingsnoegler: [{id: l, grundlag: lejemaal}]\nkonti:\n"
                                                 "  - {konto: 114, navn: Løn, med: true, noegle: l, budget: 0}\n"
                                                 "  - {konto: 115, navn: Materiel, med: true, noegle: l, budget: 0}\n"})
    fil = _bog(tmp_path / "b.xlsx", {"Budget": [["Budget 2026"], [], ["Konto", "Tekst", "Budget"], [None, "Faste udgifter"],
                                                [114, "Løn", 5000], [115, "Materiel", 700], [None, "Faste udgifter i alt", 5700],
                                                [999, "Samlet forsikring", 10]]})
    r = samdrift("-C", m, "import", "budget", fil, "--tilfoej")
    assert r.kode == 0, r.stderr
    assert "tilføjede konto 999 Samlet forsikring: 10,00 kr. (med: false)" in r.stdout  # a row with a number is no total


def test_arbejdsbogens_regnskabsark_genberegnes_til_cli_ens_tal(tmp_path, samdrift):
    """The sheet 'Regnskab 2025': each konto's regnskab allocated by live formulas that, recalculated in
    LibreOffice, equal 'opfoelgning' to the øre; change a regnskab and the allocation moves."""
    from openpyxl import load_workbook

    from regneark import genberegn

    fil = tmp_path / "bog.xlsx"
    assert samdrift("-C", EKSEMPEL, "export", "--xlsx", fil).kode == 0
    o = samdrift("-C", EKSEMPEL, "opfoelgning", "--aar", "2025", "--json").json()
    for bog in (load_workbook(fil, data_only=True), load_workbook(genberegn(fil, tmp_path), data_only=True)):
        ws = bog["Regnskab 2025"]
        hoved = [c.value for c in ws[1]]
        ae, pae = hoved.index("Æblegården"), hoved.index("Pærebakken")
        for i, k in enumerate(o["konti"], start=2):
            raekke = [c.value for c in ws[i]]
            assert Decimal(str(raekke[3])).quantize(Decimal("0.01")) == Decimal(k["regnskab"])
            assert Decimal(str(raekke[ae])).quantize(Decimal("0.01")) == Decimal(k["regnskab_fordeling"]["aeblegaarden"])
            assert Decimal(str(raekke[pae])).quantize(Decimal("0.01")) == Decimal(k["regnskab_fordeling"]["paerebakken"])
            assert Decimal(str(raekke[hoved.index("Afvigelse")])).quantize(Decimal("0.01")) == Decimal(k["afvigelse"])
        i_alt = [c.value for c in ws[len(o["konti"]) + 2]]
        assert Decimal(str(i_alt[ae])).quantize(Decimal("0.01")) == Decimal(o["afdelinger"][0]["regnskab"])


def test_docs_oekonomi_viser_det_cli_en_skriver(eksempel, samdrift):
    """docs/oekonomi.md walks a year with the example: what it shows is what the CLI prints."""
    from conftest import ROD

    doc = (ROD / "docs" / "oekonomi.md").read_text(encoding="utf-8")
    r = samdrift("-C", eksempel, "import", "regnskab", eksempel / "regnskab-2025.xlsx", "--aar", "2025")
    assert r.kode == 0 and r.stdout.splitlines()[0] in doc
    r = samdrift("-C", eksempel, "opfoelgning", "--aar", "2025")
    for linje in r.stdout.splitlines()[-2:]:
        assert linje in doc, linje
    assert samdrift("-C", eksempel, "export", "--bogfoering").kode == 0
    csv_ = (eksempel / "dokumenter" / "bogfoering" / "aeblegaarden.csv").read_bytes().decode("cp1252").splitlines()
    assert "\n".join(csv_[:3]) in doc


def test_nye_linjer_andre_navne_og_linjer_uden_for_fordelingen(tmp_path, samdrift):
    """#31: --tilfoej puts a new line under a known number after its lines, saying where it came from; a
    name without the comma still matches; one number with another name is told, as is a budget landing
    on a line outside the fordeling; a line that matches nothing gives its three nearest names."""
    assert samdrift("init", tmp_path / "ny", "--afdeling", "A:1", "--afdeling", "B:2").kode == 0
    m = tmp_path / "ny"
    fil = tmp_path / "budget.csv"
    fil.write_text("Konto;Tekst;Budget\n114;Løn ejendomsfunktionærer;1000\n114;Løn- /sygerefusion;-50\n110;Forsikringer;30\n",
                   encoding="utf-8")
    r = samdrift("-C", m, "import", "budget", fil)
    assert r.kode == 2 and "nærmest er" in r.stderr and r.stderr.count("'") <= 12
    r = samdrift("-C", m, "import", "budget", fil, "--tilfoej")
    assert r.kode == 0, r.stderr
    assert "tilføjede konto 114 Løn- /sygerefusion: -50,00 kr. (med: false)" in r.stdout
    assert "konto 110 hedder 'Forsikringer' i filen og 'Vagtordning vedr. lokalefællesskabet' i model.yaml" in r.stderr
    assert "indgår ikke i fordelingen (med: false); sæt med: true" in r.stderr
    tekst = (m / "model.yaml").read_text(encoding="utf-8")
    assert "# tilføjet af samdrift import fra budget.csv" in tekst
    linjer = tekst.splitlines()
    ny = next(i for i, l in enumerate(linjer) if "Løn- /sygerefusion" in l)
    assert "konto: 114" in linjer[ny - 1] or "konto: 114" in linjer[ny]  # among the 114 lines, not at the end
    assert samdrift("-C", m, "check").kode in (0, 1)


def test_en_subtotal_der_ikke_er_summen_af_sine_linjer_er_en_advarsel(tmp_path, samdrift):
    """#31: a subtotal's amount is checked against the lines of its group (from its heading or the subtotal
    before), a grand total against all lines; nested groups and right totals say nothing."""
    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT,
                                   "model.yaml": "fordelingsnoegler: [{id: l, grundlag: lejemaal}]\nkonti:\n"
                                                 "  - {konto: 114, navn: Løn, med: true, noegle: l, budget: 0}\n"
                                                 "  - {konto: 115, navn: Materiel, med: true, noegle: l, budget: 0}\n"
                                                 "  - {konto: 116, navn: Renovation, med: true, noegle: l, budget: 0}\n"})
    rigtig = [["Konto", "Tekst", "Budget"], [None, "Faste udgifter"], [None, "Renholdelse"], [114, "Løn", 5000],
              [115, "Materiel", 700.5], [None, "Renholdelse i alt", 5700.5], [116, "Renovation", 300],
              [None, "Faste udgifter i alt", 6000.5], [None, "I alt", 6000.5]]
    fil = _bog(tmp_path / "b.xlsx", {"Budget": rigtig})
    r = samdrift("-C", m, "import", "budget", fil, "--vis")
    assert (r.kode, r.stderr) == (0, "")
    forkert = [list(x) for x in rigtig]
    forkert[5][2], forkert[8][2] = 5800.5, 6100
    fil = _bog(tmp_path / "b.xlsx", {"Budget": forkert})
    r = samdrift("-C", m, "import", "budget", fil)
    assert r.kode == 0 and r.fejllinjer == [
        "b.xlsx:Budget!C6: advarsel: 'Renholdelse i alt' er 5.800,50 kr., men kontolinjerne over den summer til 5.700,50 kr. "
        "(forskel 100,00 kr.); mangler en linje, eller står en to gange?",
        "b.xlsx:Budget!C9: advarsel: 'I alt' er 6.100,00 kr., men kontolinjerne over den summer til 6.000,50 kr. "
        "(forskel 99,50 kr.); mangler en linje, eller står en to gange?"]
    assert samdrift("-C", m, "fordeling", "--json").json()["total"]["beloeb"] == "6000.50"


def test_en_overskrift_over_to_raekker(tmp_path, samdrift):
    """#31: 'Budget 2026' merged over a column per afdeling and 'I alt', the names in the row below: the budget
    is the group's 'I alt', and the run says so; without an 'I alt' the choice is refused."""
    from openpyxl import Workbook

    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT,
                                   "model.yaml": "fordelingsnoegler: [{id: l, grundlag: lejemaal}]\nkonti:\n"
                                                 "  - {konto: 114, navn: Løn, med: true, noegle: l, budget: 0}\n"})
    wb = Workbook()
    ws = wb.active
    ws.title = "Budget"
    ws.append(["Konto", "Tekst", "Budget 2026", None, None])
    ws.merge_cells("C1:E1")
    ws.append([None, None, "Alfa", "Beta", "I alt"])
    ws.append([114, "Løn", 400, 600, 1000])
    wb.save(tmp_path / "to.xlsx")
    r = samdrift("-C", m, "import", "budget", tmp_path / "to.xlsx")
    assert r.kode == 0, r.stderr
    assert r.stdout.splitlines()[0] == "læste to.xlsx: arket 'Budget', række 2, kolonne E 'Budget 2026 / I alt' (i model.yaml: budget)"
    assert "konto 114 Løn: 0,00 kr. → 1.000,00 kr." in r.stdout
    r = samdrift("-C", m, "import", "budget", tmp_path / "to.xlsx", "--kolonne-budget", "Alfa", "--vis")
    assert r.kode == 0 and "→ 400,00 kr." in r.stdout
    ws.delete_cols(5)
    wb.save(tmp_path / "to.xlsx")
    r = samdrift("-C", m, "import", "budget", tmp_path / "to.xlsx")
    assert r.kode == 2 and "og ingen 'I alt'; vælg en med --kolonne-budget NAVN" in r.stderr


_TO_KONTI = ("fordelingsnoegler: [{id: l, grundlag: lejemaal}]\nkonti:\n"
             "  - {konto: 114, navn: Løn, med: true, noegle: l, budget: 1000, nuvaerende: {Alfa: 1}}  # fra 2024\n"
             "  - {konto: 115, navn: Materiel, med: true, noegle: l, budget: 500}\n")


def test_dagens_udgift_pr_afdeling_fra_en_kolonne_pr_afdeling(tmp_path, samdrift):
    """#31: 'I dag og med samdrift' rests on each afdeling's cost today: --nuvaerende reads a column per
    afdeling (headed by its navn or id; 'I alt' is not an afdeling), from a Windows-1252 CSV as Excel
    saves it, keeping the key as written and the comment."""
    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT, "model.yaml": _TO_KONTI})
    fil = tmp_path / "i dag.csv"
    fil.write_bytes("Udgifter i dag\n\nKonto;Tekst;Alfa;b;I alt\n114;Løn;1.200,50;3.000;4.200,50\n115;Materiel;0;250;250\n"
                    .encode("cp1252"))
    r = samdrift("-C", m, "import", "budget", fil, "--nuvaerende")
    assert r.kode == 0, r.stderr
    assert r.stdout.splitlines() == [
        "læste i dag.csv (Alfa, i dag): linje 3, kolonne 3 'Alfa' (i model.yaml: nuvaerende for a)",
        "læste i dag.csv (Beta, i dag): linje 3, kolonne 4 'b' (i model.yaml: nuvaerende for b)",
        "konto 114 Løn (Alfa, i dag): 1,00 kr. → 1.200,50 kr.",
        "konto 115 Materiel (Alfa, i dag): (intet beløb) → 0,00 kr.",
        "konto 114 Løn (Beta, i dag): (intet beløb) → 3.000,00 kr.",
        "konto 115 Materiel (Beta, i dag): (intet beløb) → 250,00 kr.",
        "ændrede 4 af 4 beløb i model.yaml"]
    tekst = (m / "model.yaml").read_text(encoding="utf-8")
    assert "nuvaerende: {Alfa: 1200.50, b: 3000.00}} # fra 2024\n" in tekst  # the comment kept (ruamel: one blank)
    assert "nuvaerende: {a: 0.00, b: 250.00}}\n" in tekst
    i_dag = samdrift("-C", m, "fordeling", "--json").json()["i_dag_og_samdrift"]["i_dag"]
    assert i_dag == "4450.50"
    foer = (m / "model.yaml").read_bytes()
    r = samdrift("-C", m, "import", "budget", fil, "--nuvaerende")  # a second import changes nothing
    assert r.kode == 0 and r.stdout.splitlines()[-1] == "ændrede 0 af 4 beløb i model.yaml (4 uændrede)"
    assert (m / "model.yaml").read_bytes() == foer


def test_dagens_udgift_fra_et_ark_pr_afdeling(tmp_path, samdrift):
    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT, "model.yaml": _TO_KONTI})
    fil = _bog(tmp_path / "ark.xlsx", {"Forside": [["Udgifter pr. afdeling"]],
                                       "Alfa": [["Konto", "Tekst", "Beløb"], [114, "Løn", 700]],
                                       "BETA": [["Kontonr.", "Tekst", "Regnskab 2024", "Budget 2025"], [114, "Løn", 800, 900]]})
    r = samdrift("-C", m, "import", "budget", fil, "--nuvaerende", "--vis")
    assert r.kode == 0, r.stderr
    assert r.stdout.splitlines()[:4] == [
        "læste ark.xlsx (Alfa, i dag): arket 'Alfa', række 1, kolonne C 'Beløb' (i model.yaml: nuvaerende for a)",
        "læste ark.xlsx (Beta, i dag): arket 'BETA', række 1, kolonne D 'Budget 2025' (i model.yaml: nuvaerende for b)",
        "konto 114 Løn (Alfa, i dag): 1,00 kr. → 700,00 kr.",
        "konto 114 Løn (Beta, i dag): (intet beløb) → 900,00 kr."]


def test_dagens_udgift_kraever_hver_afdeling(tmp_path, samdrift):
    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT, "model.yaml": _TO_KONTI})
    foer = (m / "model.yaml").read_bytes()
    fil = tmp_path / "i dag.csv"
    fil.write_text("Konto;Tekst;Alfa;Gamma\n114;Løn;1;2\n", encoding="utf-8")
    r = samdrift("-C", m, "import", "budget", fil, "--nuvaerende")
    assert (r.kode, r.fejllinjer) == (2, [
        "i dag.csv: fejl: fandt ingen kolonne for Beta; med --nuvaerende skal filen have en kolonne pr. afdeling med "
        "afdelingens navn eller id som overskrift (eller et ark pr. afdeling)"])
    fil2 = _bog(tmp_path / "ark.xlsx", {"Alfa": [["Konto", "Beløb"], [114, 1]], "Gamma": [["Konto", "Beløb"], [114, 2]]})
    r = samdrift("-C", m, "import", "budget", fil2, "--nuvaerende")
    assert (r.kode, r.fejllinjer) == (2, [
        "ark.xlsx: fejl: projektmappen har et ark for nogle afdelinger, men intet for Beta; giv hver afdeling sit ark "
        "(arkets navn: afdelingens navn)"])
    r = samdrift("-C", m, "import", "budget", fil, "--nuvaerende", "--aar", "2026")
    assert (r.kode, r.fejllinjer) == (2, [
        "--nuvaerende: fejl: læser en kolonne eller et ark pr. afdeling og bruges ikke sammen med --kolonne-budget eller --aar"])
    assert (m / "model.yaml").read_bytes() == foer


_KONTOKORT_MODEL = ("fordelingsnoegler: [{id: l, grundlag: lejemaal}]\nkonti:\n"
                    "  - {konto: 110, navn: Forsikringer, med: true, noegle: l, budget: 0}\n"
                    "  - {konto: 114, navn: 'Løn, ejendomsfunktionærer', med: true, noegle: l, budget: 0}\n"
                    "  - {konto: 114, navn: Løn- /sygerefusion, med: true, noegle: l, budget: 0}\n")


def test_kontokortet_oversaetter_administrationssystemets_konti(tmp_path, samdrift):
    """#31: kontokort.yaml maps the system's numbers, sub-accounts and names to model.yaml's lines, so
    next year's import needs no manual fixes: sub-accounts are summed onto one line, and the run says
    what it mapped. A line not in the map is looked up as always."""
    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT, "model.yaml": _KONTOKORT_MODEL, "kontokort.yaml": """\
        kort:
          - {fra: "114.*", fra_navn: Løn ejendomsfunktionærer, til: 114, til_navn: "Løn, ejendomsfunktionærer"}
          - {fra: "11410", til: 114, til_navn: Løn- /sygerefusion}
          - {fra: "11000", til: 110}
        """})
    assert samdrift("-C", m, "check").kode == 0
    fil = tmp_path / "budget.csv"
    fil.write_text("Konto;Tekst;Budget 2026\n114.01;Løn ejendomsfunktionærer;1.000.000\n114.02;Løn ejendomsfunktionærer;250.000,50\n"
                   "11410;Refusion;-5.000\n11000;Ejendomsforsikring;30.000\n", encoding="utf-8")
    r = samdrift("-C", m, "import", "budget", fil)
    assert r.kode == 0, r.stderr
    assert r.stdout.splitlines() == [
        "læste budget.csv: linje 1, kolonne 3 'Budget 2026' (i model.yaml: budget)",
        "kontokort.yaml: 114.01 Løn ejendomsfunktionærer, 114.02 Løn ejendomsfunktionærer → konto 114 Løn, ejendomsfunktionærer "
        "(i alt 1.250.000,50 kr.)",
        "kontokort.yaml: 11410 Refusion → konto 114 Løn- /sygerefusion",
        "kontokort.yaml: 11000 Ejendomsforsikring → konto 110",
        "konto 114 Løn, ejendomsfunktionærer: 0,00 kr. → 1.250.000,50 kr.",
        "konto 114 Løn- /sygerefusion: 0,00 kr. → -5.000,00 kr.",
        "konto 110 Forsikringer: 0,00 kr. → 30.000,00 kr.",
        "ændrede 3 af 3 konti i model.yaml"]
    assert r.stderr == ""  # mapped: no 'another name' warning each year
    assert samdrift("-C", m, "fordeling", "--json").json()["total"]["beloeb"] == "1275000.50"
    (m / "kontokort.yaml").write_text("kort: [{fra: 114.10, til: 110}]\n", encoding="utf-8")  # a YAML number, as written
    fil.write_text("Konto;Tekst;Budget\n114.10;Forsikring;7\n", encoding="utf-8")
    r = samdrift("-C", m, "import", "budget", fil, "--vis")
    assert r.kode == 0 and "kontokort.yaml: 114.10 Forsikring → konto 110" in r.stdout
    fil.write_text("Konto;Tekst;Budget\n114.1;Forsikring;7\n", encoding="utf-8")  # another number than 114.10
    r = samdrift("-C", m, "import", "budget", fil, "--vis")
    assert r.kode == 2 and "konto 114.1 'Forsikring' findes ikke i model.yaml" in r.stderr


def test_kontokortets_linjer_skal_ramme_model_yaml(tmp_path, samdrift):
    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT, "model.yaml": _KONTOKORT_MODEL, "kontokort.yaml": """\
        kort:
          - {fra: "11400", til: 114}
          - {fra: "11000", til: 111}
          - {fra: "11001", til: 110, til_navn: Forsikring}
          - {fra: "11400", til: 110}
        """})
    r = samdrift("-C", m, "check")
    assert (r.kode, r.fejllinjer) == (2, [
        "kontokort.yaml:2:25: fejl: konto 114 står 2 gange i model.yaml; vælg linjen med til_navn ('Løn, ejendomsfunktionærer', "
        "'Løn- /sygerefusion')",
        "kontokort.yaml:3:25: fejl: konto 111 findes ikke i model.yaml",
        "kontokort.yaml:4:40: fejl: konto 110 hedder ikke 'Forsikring' i model.yaml; mente du 'Forsikringer'?",
        "kontokort.yaml:5:11: fejl: konto 11400 står allerede i kontokortet (nr. 1 i listen); kun den første bruges"])
