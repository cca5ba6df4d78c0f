"""The workbook: live formulas that equal the CLI to the øre after recalculation in LibreOffice."""

from __future__ import annotations

import shutil
from decimal import Decimal

import openpyxl
import pytest

from conftest import EKSEMPEL, byg_mappe
from regneark import genberegn

SVAER = {
    "samdrift.yaml": """\
        navn: Afrunding
        afdelinger:
          - {id: a, navn: "=Alfa", lejemaal: 1, areal_m2: 10.5}
          - {id: b, navn: Beta, lejemaal: 1, areal_m2: 20.25}
          - {id: c, navn: Gamma, lejemaal: 1, areal_m2: 0.01}
        """,
    "tidsregistrering.csv": "dato;medarbejder;afdeling;timer\n2026-01-01;O;a;7,5\n2026-01-01;O;b;2,25\n2026-01-02;O;c;0,1\n",
    "model.yaml": """\
        fordelingsnoegler:
          - {id: l, grundlag: lejemaal}
          - {id: m2, grundlag: areal}
          - {id: f, grundlag: fast, andele: {a: 33.33, b: 33.33, c: 33.34}}
          - {id: t, grundlag: timer}
          - {id: ab, grundlag: lige, afdelinger: [b, a]}
        konti:
          - {konto: 1, navn: "+45 12 34 56 78", med: true, noegle: l, budget: 0.01}
          - {konto: 2, navn: "-minus", med: true, noegle: l, budget: 0.02}
          - {konto: 3, navn: "@sum(A1)", med: true, noegle: l, budget: -0.01}
          - {konto: 4, navn: "=1+1", med: true, noegle: m2, budget: 100.01}
          - {konto: 5, med: true, noegle: f, budget: 12345.67}
          - {konto: 6, med: true, noegle: t, budget: -9999999.99}
          - {konto: 7, med: true, noegle: ab, budget: 0.03}
          - {konto: 8, med: true, noegle: m2, budget: 2450000.55}
        """,
}


def _konti_fra_ark(sti, ids):
    wb = openpyxl.load_workbook(sti, data_only=True)
    ws = wb["Konti"]
    hoved = [c.value for c in ws[1]]
    ud = []
    for raekke in ws.iter_rows(min_row=2, values_only=True):
        if raekke[0] in (None, "I alt", "Pr. lejemål") or not isinstance(raekke[3], (int, float)):
            break
        ud.append({"konto": raekke[0], "beloeb": _kr(raekke[3]),
                   "fordeling": {a: _kr(raekke[4 + j]) for j, a in enumerate(ids)}})
    total = next(r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == "I alt")
    return ud, {a: _kr(total[4 + j]) for j, a in enumerate(ids)}, hoved


def _kr(v) -> str:
    assert isinstance(v, (int, float)), v
    return f"{Decimal(repr(v)).quantize(Decimal('0.01'))}"


def _sammenlign(ark, cli):
    ids = [a["id"] for a in cli["afdelinger"]]
    konti, total, _ = _konti_fra_ark(ark, ids)
    assert [(k["konto"], k["beloeb"], k["fordeling"]) for k in konti] == \
           [(k["konto"], k["beloeb"], k["fordeling"]) for k in cli["konti"]]
    assert total == cli["total"]["fordeling"]
    # the per-lejemål rows are formulas too (#32: one pointing at the areal column would be right only
    # in the cached value): compared with the CLI's own numbers, cached and recalculated
    wb = openpyxl.load_workbook(ark, data_only=True)
    pr = next(r for r in wb["Konti"].iter_rows(min_row=2, values_only=True) if r[0] == "Pr. lejemål")
    assert {a: _kr(pr[4 + j]) for j, a in enumerate(ids)} == {a["id"]: a["kr_pr_lejemaal"] for a in cli["afdelinger"]}
    if "Mål for økonomien" in wb.sheetnames and all("forskel_pr_lejemaal" in a for a in cli["afdelinger"]):
        ws = wb["Mål for økonomien"]
        hoved = next(i for i, r in enumerate(ws.iter_rows(values_only=True), start=1) if r[5] == "Forskel pr. lejemål")
        raekker = list(ws.iter_rows(min_row=hoved + 1, max_row=hoved + len(ids), values_only=True))
        assert [_kr(r[5]) for r in raekker] == [a["forskel_pr_lejemaal"] for a in cli["afdelinger"]]


@pytest.mark.parametrize("kilde", ["eksempel", "svaer"])
def test_genberegnet_ark_er_lig_cli_til_oeren(tmp_path, samdrift, kilde):
    if kilde == "eksempel":
        m = tmp_path / "m"
        shutil.copytree(EKSEMPEL, m)
    else:
        m = byg_mappe(tmp_path / "m", SVAER)
    fil = tmp_path / "ark.xlsx"
    r = samdrift("-C", m, "export", "--xlsx", fil)
    assert r.kode == 0, r.stderr
    cli = samdrift("-C", m, "fordeling", "--json").json()
    _sammenlign(fil, cli)  # the cached values XlsxWriter stored
    _sammenlign(genberegn(fil, tmp_path), cli)  # and LibreOffice's own recalculation


def test_aendret_budget_og_lejemaal_i_arket_giver_cli_tallene(tmp_path, samdrift):
    m = byg_mappe(tmp_path / "m", SVAER)
    fil = tmp_path / "ark.xlsx"
    samdrift("-C", m, "export", "--xlsx", fil)
    wb = openpyxl.load_workbook(fil)
    wb["Konti"]["D6"] = 12345.68  # konto 5
    wb["Konti"]["D2"] = 1000.01  # konto 1
    wb["Afdelinger"]["C3"] = 7  # Beta: 7 lejemål
    wb.save(tmp_path / "aendret.xlsx")
    model = (m / "model.yaml").read_text(encoding="utf-8")
    model = model.replace("noegle: f, budget: 12345.67", "noegle: f, budget: 12345.68")
    model = model.replace("noegle: l, budget: 0.01", "noegle: l, budget: 1000.01")
    (m / "model.yaml").write_text(model, encoding="utf-8")
    s = (m / "samdrift.yaml").read_text(encoding="utf-8").replace("navn: Beta, lejemaal: 1", "navn: Beta, lejemaal: 7")
    (m / "samdrift.yaml").write_text(s, encoding="utf-8")
    cli = samdrift("-C", m, "fordeling", "--json").json()
    assert cli["konti"][0]["fordeling"] == {"a": "111.11", "b": "777.79", "c": "111.11"}
    _sammenlign(genberegn(tmp_path / "aendret.xlsx", tmp_path), cli)


def test_formel_lignende_tekst_forbliver_tekst(tmp_path, samdrift):
    m = byg_mappe(tmp_path / "m", SVAER)
    fil = tmp_path / "ark.xlsx"
    samdrift("-C", m, "export", "--xlsx", fil)
    for sti in (fil, genberegn(fil, tmp_path)):
        wb = openpyxl.load_workbook(sti)
        ws = wb["Konti"]
        navne = [ws.cell(r, 2) for r in range(2, 6)]
        assert [c.value for c in navne] == ["+45 12 34 56 78", "-minus", "@sum(A1)", "=1+1"]
        assert all(c.data_type == "s" for c in navne)
        assert wb["Afdelinger"]["B2"].value == "=Alfa" and wb["Afdelinger"]["B2"].data_type == "s"
    wb = openpyxl.load_workbook(fil)
    assert wb["Konti"]["B5"].quotePrefix


def test_ark_og_formater(tmp_path, samdrift):
    fil = tmp_path / "ark.xlsx"
    samdrift("-C", EKSEMPEL, "export", "--xlsx", fil)
    wb = openpyxl.load_workbook(fil)
    assert wb.sheetnames == ["Oversigt", "Afdelinger", "Fordelingsnøgler", "Konti", "Mål for økonomien",
                             "Regnskab 2025", "Organisationsplan", "Interessenter", "Implementeringsplan", "Evaluering"]
    ws = wb["Konti"]
    assert ws["E2"].value.startswith("=SIGN(D2)*(")
    assert ws["E2"].number_format == '#,##0.00 "kr."'
    assert ws.freeze_panes == "C2"
    assert {"Budget_i_alt", "Total_aeblegaarden", "Total_paerebakken", "Driftsbesparelse"} <= set(wb.defined_names)
    assert wb["Fordelingsnøgler"]["D2"].number_format == "0.0000%"
    assert wb["Oversigt"]["C6"].value == "Opstart af projekt og afklaring af vilkår for samdrift i boligorganisationen"


def test_samme_mappe_giver_samme_bytes(tmp_path, samdrift):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    samdrift("-C", EKSEMPEL, "export", "--xlsx", a)
    samdrift("-C", EKSEMPEL, "export", "--xlsx", b)
    assert a.read_bytes() == b.read_bytes()


def test_overskriver_ikke_fremmede_filer(tmp_path, samdrift):
    fremmed = tmp_path / "budget.xlsx"
    fremmed.write_bytes(b"ikke samdrift")
    r = samdrift("-C", EKSEMPEL, "export", "--xlsx", fremmed)
    assert r.kode == 2 and "brug --overskriv" in r.stderr
    assert fremmed.read_bytes() == b"ikke samdrift"
    assert samdrift("-C", EKSEMPEL, "export", "--xlsx", fremmed, "--overskriv").kode == 0
    # a file samdrift made itself may be replaced
    assert samdrift("-C", EKSEMPEL, "export", "--xlsx", fremmed).kode == 0


def test_standardnavn(tmp_path, samdrift):
    m = tmp_path / "m"
    shutil.copytree(EKSEMPEL, m)
    r = samdrift("-C", m, "export", "--xlsx")
    assert r.kode == 0, r.stderr
    assert (m / "Samdrift Æblegården og Pærebakken.xlsx").is_file()




def test_hvert_ark_udskrives_laeseligt_paa_a4_paa_tvaers(tmp_path, samdrift):
    """Printed as a user would (LibreOffice to PDF): each sheet one A4 landscape page across, the
    widest sheets (Interessenter, Implementeringsplan) at a readable size, and wrapped texts in rows
    high enough that no two lines of text run into each other."""
    import pdfplumber

    fil = tmp_path / "ark.xlsx"
    samdrift("-C", EKSEMPEL, "export", "--xlsx", fil)
    pdf = genberegn(fil, tmp_path, "pdf")
    with pdfplumber.open(pdf) as p:
        sider = {}
        for side in p.pages:
            assert side.width > side.height  # landscape
            fod = side.extract_text().splitlines()[-1]  # the footer: sheet name, page
            sider.setdefault(fod.rsplit(" ", 1)[0], side)
        assert len(sider) == 10  # every sheet, the regnskab 2025 too
        for ark, side in sider.items():
            tegn = [c for c in side.chars if c["text"].strip() and c["top"] < side.height - 60]
            # 11 pt text printed at 70 % or more (Interessenter was at 50 %, too small to read on paper)
            assert min(c["size"] for c in tegn) >= 0.7 * 11, ark
            linjer = {}
            for c in tegn:  # the characters of each text line in each column, by their top
                linjer.setdefault((round(c["x0"] // 40), round(c["top"])), c)
            toppe = sorted({(k, t) for k, t in linjer})
            for (k1, t1), (k2, t2) in zip(toppe, toppe[1:]):
                # measured against the text of the two lines (the sheet's 14 pt title is larger)
                storrelse = min(linjer[(k1, t1)]["size"], linjer[(k2, t2)]["size"])
                assert k1 != k2 or t2 - t1 >= 0.8 * storrelse or t2 - t1 <= 2, (ark, t1, t2)  # one line: tops within 2 pt


def test_en_ny_samdrifts_noter_og_noeglens_overskrift(tmp_path, samdrift):
    """A fresh samdrift has one nøgle, so the note under Fordelingsnøgler spans three narrow columns:
    its row is as tall as the words need there (it was cut after two of its four lines). The
    nøgle's header does not say the same thing twice ('Antal lejemål: antal lejemål')."""
    assert samdrift("init", tmp_path / "ny", "--navn", "Ny", "--afdeling", "A:1", "--afdeling", "B:2").kode == 0
    assert samdrift("-C", tmp_path / "ny", "export", "--xlsx", tmp_path / "ny.xlsx").kode == 0
    ws = openpyxl.load_workbook(tmp_path / "ny.xlsx")["Fordelingsnøgler"]
    assert ws.cell(1, 2).value == "Antal lejemål"
    note = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith("Andelene beregnes"))
    bredde = sum(ws.column_dimensions[k].width for k in "ABD")  # C, the integer basis, is hidden
    ord_pr_linje = bredde * 1.1 / 6.5  # letters of about 6,5 characters a word and its space
    assert ws.row_dimensions[note].height >= 15 * (len(ws.cell(note, 1).value.split()) / ord_pr_linje)
