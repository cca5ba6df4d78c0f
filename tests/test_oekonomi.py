"""The economy as economy staff work it (#18): budgets in from Excel and CSV, the workbook round-trip,
and what a change does to each afdeling (--sammenlign, --noegle-for)."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal

import pytest

from conftest import EKSEMPEL, snapshot


def _budgetbog(sti, raekker, titel="Budget 2027 — Boligorganisationen Frugthaven"):
    """A workbook as another program makes it: a title row, a blank row, Danish headers, a total row."""
    from openpyxl import Workbook

    bog = Workbook()
    ark = bog.active
    ark.title = "Budget"
    ark.append([titel])
    ark.append([])
    ark.append(["Kontonr.", "Tekst", "Budget 2027"])
    for r in raekker:
        ark.append(list(r))
    ark.append([])
    ark.append(["I alt", None, sum(r[2] for r in raekker if isinstance(r[2], (int, float)))])
    bog.save(sti)


def _diff(foer: str, efter: str) -> list[str]:
    import difflib

    return [l for l in difflib.unified_diff(foer.splitlines(), efter.splitlines(), lineterm="", n=0)
            if l[:1] in "+-" and not l.startswith(("+++", "---"))]


RAEKKER = [(114, "Løn, ejendomsfunktionærer", 3012345.5), (115, "Materiel, kørende", 118000)]
FORVENTET = ["-    budget: 2950000.00", "+    budget: 3012345.50", '-    budget: "170.000,00 kr."', "+    budget: 118000.00"]


def test_budget_fra_excel_og_fra_windows_1252_csv_giver_det_samme(eksempel, samdrift, tmp_path):
    foer = (eksempel / "model.yaml").read_text(encoding="utf-8")
    _budgetbog(tmp_path / "budget.xlsx", RAEKKER)
    r = samdrift("-C", eksempel, "import", "budget", tmp_path / "budget.xlsx")
    assert r.kode == 0, r.stderr
    assert r.stdout.splitlines() == [
        "læste budget.xlsx: arket 'Budget', række 3, kolonne C 'Budget 2027' (i model.yaml: budget)",  # what was read is said
        "konto 114 Løn, ejendomsfunktionærer: 2.950.000,00 kr. → 3.012.345,50 kr.",
        "konto 115 Materiel, kørende: 170.000,00 kr. → 118.000,00 kr.",
        "ændrede 2 af 2 konti i model.yaml"]
    efter_xlsx = (eksempel / "model.yaml").read_text(encoding="utf-8")
    assert _diff(foer, efter_xlsx) == FORVENTET  # every comment and all else kept
    d = samdrift("-C", eksempel, "fordeling", "--json").json()
    assert [k["beloeb"] for k in d["konti"] if k["konto"] in ("114", "115")][:1] == ["3012345.50"]

    (eksempel / "model.yaml").write_text(foer, encoding="utf-8")
    csv = ("Budget 2027;;\n;;\nKontonr.;Tekst;Budget 2027\n114;Løn, ejendomsfunktionærer;3.012.345,50\n"
           "115;Materiel, kørende;118.000,00\n;;\nI alt;;3.130.345,50\n")
    (tmp_path / "budget.csv").write_bytes(csv.encode("cp1252"))
    r = samdrift("-C", eksempel, "import", "budget", tmp_path / "budget.csv")
    assert r.kode == 0, r.stderr
    assert (eksempel / "model.yaml").read_text(encoding="utf-8") == efter_xlsx


def test_vis_skriver_intet(eksempel, samdrift, tmp_path):
    _budgetbog(tmp_path / "budget.xlsx", RAEKKER)
    foer = snapshot(eksempel)
    r = samdrift("-C", eksempel, "import", "budget", tmp_path / "budget.xlsx", "--vis")
    assert r.kode == 0 and r.stdout.splitlines()[-1] == "ville ændre 2 af 2 konti i model.yaml (--vis: intet er skrevet)"
    assert snapshot(eksempel) == foer


def test_ukendt_konto_er_en_fejl_med_fil_og_raekke_og_intet_skrives(eksempel, samdrift, tmp_path):
    _budgetbog(tmp_path / "budget.xlsx", RAEKKER + [(999, "Ukendt konto", 10), (114, "Løn, ejendomsfunktionærer", "x")])
    foer = snapshot(eksempel)
    r = samdrift("-C", eksempel, "import", "budget", tmp_path / "budget.xlsx")
    assert r.kode == 2
    assert r.fejllinjer == [
        "budget.xlsx:Budget!A6: fejl: konto 999 'Ukendt konto' findes ikke i model.yaml; brug --tilfoej for at tilføje den "
        "med 'med: false'",
        "budget.xlsx:Budget!C7: fejl: 'x' er ikke et gyldigt beløb; skriv fx 2450000.50 eller \"2.450.000,50 kr.\" "
        "(i tekst er '.' tusindtalsskilletegn og ',' decimaltegn)"]
    assert snapshot(eksempel) == foer
    (tmp_path / "budget.csv").write_text("Konto;Navn;Beløb\n999;Ukendt konto;10\n", encoding="utf-8")
    r = samdrift("-C", eksempel, "import", "budget", tmp_path / "budget.csv")
    assert r.fejllinjer[0].startswith("budget.csv:2: fejl: konto 999 'Ukendt konto' findes ikke i model.yaml")
    r = samdrift("-C", eksempel, "import", "budget", tmp_path / "budget.csv", "--tilfoej")
    assert r.kode == 0 and r.stdout.splitlines()[1].startswith("tilføjede konto 999 Ukendt konto: 10,00 kr. (med: false)")
    assert "  - konto: 999\n    navn: Ukendt konto\n    med: false  # tilføjet af samdrift import fra budget.csv\n    budget: 10.00\n" \
        in (eksempel / "model.yaml").read_text(encoding="utf-8")
    assert samdrift("-C", eksempel, "check").kode in (0, 1)


def test_konto_der_staar_flere_gange_kraever_navnet(eksempel, samdrift, tmp_path):
    # konto 114 has four lines in the example: the number alone cannot tell which
    (tmp_path / "b.csv").write_text("Konto;Beløb\n114;100\n", encoding="utf-8")
    r = samdrift("-C", eksempel, "import", "budget", tmp_path / "b.csv")
    assert r.kode == 2 and r.fejllinjer == [
        "b.csv:2: fejl: konto 114 står 4 gange i model.yaml; giv linjerne forskellige navne, så de kan skelnes"]


def test_formel_uden_gemt_vaerdi_er_en_fejl_aldrig_0(eksempel, samdrift, tmp_path):
    _budgetbog(tmp_path / "budget.xlsx", [(114, "Løn, ejendomsfunktionærer", "=1000*3")])
    r = samdrift("-C", eksempel, "import", "budget", tmp_path / "budget.xlsx")
    assert r.kode == 2
    assert r.fejllinjer[0].startswith("budget.xlsx:Budget!C4: fejl: cellen har formlen '=1000*3', men ingen gemt værdi")


def test_projektmappen_rundt_retur(eksempel, samdrift, tmp_path):
    from openpyxl import load_workbook

    bog_sti = tmp_path / "samdrift.xlsx"
    assert samdrift("-C", eksempel, "export", "--xlsx", bog_sti).kode == 0
    foer = (eksempel / "model.yaml").read_text(encoding="utf-8")
    bog = load_workbook(bog_sti)
    ark = bog["Konti"]
    assert [c.value for c in ark[1]][:4] == ["Konto", "Navn", "Nøgle", "Budget"]
    raekke = next(r for r in range(2, ark.max_row + 1) if ark.cell(r, 2).value == "Materiel, kørende")
    ark.cell(raekke, 4).value = 125000.25
    bog.save(bog_sti)
    # the economist's edit is not lost by a new export
    r = samdrift("-C", eksempel, "export", "--xlsx", bog_sti)
    assert r.kode == 2 and "projektmappen er ændret, siden samdrift skrev den" in r.stderr
    assert "samdrift import budget samdrift.xlsx" in r.stderr
    r = samdrift("-C", eksempel, "import", "budget", bog_sti)
    assert r.kode == 0, r.stderr
    assert _diff(foer, (eksempel / "model.yaml").read_text(encoding="utf-8")) == [
        '-    budget: "170.000,00 kr."', "+    budget: 125000.25"]
    assert samdrift("-C", eksempel, "export", "--xlsx", bog_sti).kode == 0  # imported: nothing is lost now


def test_lejemaal_areal_og_andele_rettet_i_projektmappen_kommer_med_ind(eksempel, samdrift, tmp_path):
    """The Afdelinger sheet invites editing lejemål and areal, Fordelingsnøgler a fast nøgle's andele:
    a new export refuses to lose the edits and names the cells; one import brings them all in, with
    the files' comments and everything else as they were."""
    from openpyxl import load_workbook

    bog_sti = tmp_path / "Samdrift 2026.xlsx"
    assert samdrift("-C", eksempel, "export", "--xlsx", bog_sti).kode == 0
    foer = {f: (eksempel / f).read_text(encoding="utf-8") for f in ("samdrift.yaml", "model.yaml")}
    bog = load_workbook(bog_sti)
    assert [c.value for c in bog["Afdelinger"][1]][:4] == ["Id", "Navn", "Lejemål", "Areal (m²)"]
    bog["Afdelinger"]["C2"] = 110
    bog["Afdelinger"]["D3"] = 42500.5
    assert bog["Fordelingsnøgler"]["H1"].value == "Ejendomskontoret: faste procentandele"
    bog["Fordelingsnøgler"]["H2"], bog["Fordelingsnøgler"]["H3"] = 20, 80
    bog.save(bog_sti)
    r = samdrift("-C", eksempel, "export", "--xlsx", bog_sti)
    assert r.kode == 2 and r.fejllinjer == [
        f"{bog_sti}: fejl: projektmappen er ændret, siden samdrift skrev den (Afdelinger!C2: lejemål for Æblegården 100 → 110; "
        "Afdelinger!D3: areal for Pærebakken 42000 → 42500,5; Fordelingsnøgler!H2: andelen for Æblegården i nøglen "
        "'Ejendomskontoret' 15 → 20 og 1 mere); brug --overskriv for at kassere ændringerne, eller hent dem ind med: "
        "samdrift import budget 'Samdrift 2026.xlsx'"]
    r = samdrift("-C", eksempel, "import", "budget", bog_sti, "--vis")
    assert r.kode == 0 and snapshot_tekst(eksempel) == foer
    r = samdrift("-C", eksempel, "import", "budget", bog_sti)
    assert r.kode == 0, r.stderr
    assert r.stdout.splitlines()[2:] == [
        "Afdelinger!C2: lejemål for Æblegården 100 → 110",
        "Afdelinger!D3: areal for Pærebakken 42000 → 42500,5",
        "Fordelingsnøgler!H2: andelen for Æblegården i nøglen 'Ejendomskontoret' 15 → 20",
        "Fordelingsnøgler!H3: andelen for Pærebakken i nøglen 'Ejendomskontoret' 85 → 80",
        "ændrede 4 værdier af lejemål, areal og andele i samdrift.yaml og model.yaml"]
    efter = snapshot_tekst(eksempel)
    assert _diff(foer["samdrift.yaml"], efter["samdrift.yaml"]) == [
        "-    lejemaal: 100", "+    lejemaal: 110", "-    areal_m2: 42000", "+    areal_m2: 42500.5"]
    assert _diff(foer["model.yaml"], efter["model.yaml"]) == [
        "-    andele: {aeblegaarden: 15, paerebakken: 85}", "+    andele: {aeblegaarden: 20, paerebakken: 80}"]
    fordeling = samdrift("-C", eksempel, "fordeling", "--json").json()
    assert [a["lejemaal"] for a in fordeling["afdelinger"]] == [110, 500]
    assert next(n for n in fordeling["noegler"] if n["id"] == "kontor")["basis"] == {"aeblegaarden": "20", "paerebakken": "80"}
    assert samdrift("-C", eksempel, "export", "--xlsx", bog_sti).kode == 0  # in the folder now: nothing is lost
    r = samdrift("-C", eksempel, "import", "budget", bog_sti)  # a second import changes nothing
    assert r.kode == 0 and r.stdout.splitlines()[-1] == "lejemål, areal og andele i arkene Afdelinger og Fordelingsnøgler er som i mappen"
    assert snapshot_tekst(eksempel) == efter


def test_ugyldige_rettelser_i_projektmappen_skriver_intet(eksempel, samdrift, tmp_path):
    from openpyxl import load_workbook

    bog_sti = tmp_path / "b.xlsx"
    assert samdrift("-C", eksempel, "export", "--xlsx", bog_sti).kode == 0
    foer = snapshot(eksempel)
    bog = load_workbook(bog_sti)
    bog["Afdelinger"]["C2"], bog["Afdelinger"]["C3"] = 0, 12.5
    bog["Afdelinger"]["D2"] = "mange"
    bog["Fordelingsnøgler"]["H2"] = 25
    bog.save(bog_sti)
    r = samdrift("-C", eksempel, "import", "budget", bog_sti)
    assert (r.kode, r.fejllinjer) == (2, [
        "b.xlsx:Afdelinger!C2: fejl: lejemål for Æblegården skal være et helt tal over 0, ikke '0'",
        "b.xlsx:Afdelinger!D2: fejl: areal for Æblegården skal være et tal på 0 eller mere, ikke 'mange'",
        "b.xlsx:Afdelinger!C3: fejl: lejemål for Pærebakken skal være et helt tal over 0, ikke '12.5'",
        "b.xlsx:Fordelingsnøgler!H2: fejl: andelene i nøglen 'Ejendomskontoret' summer til 110 %; de skal summe til 100 % (H2, H3)"])
    assert snapshot(eksempel) == foer


def snapshot_tekst(mappe) -> dict[str, str]:
    return {f: (mappe / f).read_text(encoding="utf-8") for f in ("samdrift.yaml", "model.yaml")}


def _git(mappe, *args):
    subprocess.run(["git", "-C", str(mappe), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t", "HOME": str(mappe), "PATH": "/usr/bin:/bin"})


@pytest.mark.skipif(shutil.which("git") is None, reason="git er ikke installeret")
def test_sammenlign_med_forrige_commit_er_to_koersler_trukket_fra_hinanden(eksempel, samdrift):
    _git(eksempel, "init", "-q")
    _git(eksempel, "add", "-A")
    _git(eksempel, "commit", "-qm", "foer")
    foer = samdrift("-C", eksempel, "fordeling", "--json").json()
    model = eksempel / "model.yaml"
    model.write_text(model.read_text(encoding="utf-8").replace("budget: 2950000.00", "budget: 3012345.67"), encoding="utf-8")
    _git(eksempel, "commit", "-qam", "efter")
    efter = samdrift("-C", eksempel, "fordeling", "--json").json()
    r = samdrift("-C", eksempel, "fordeling", "--sammenlign", "HEAD~1", "--json")
    assert r.kode == 0, r.stderr
    s = r.json()["sammenligning"]
    assert s["kilde"] == "HEAD~1"
    for a in s["afdelinger"]:
        f, e = Decimal(foer["total"]["fordeling"][a["id"]]), Decimal(efter["total"]["fordeling"][a["id"]])
        assert (Decimal(a["foer"]), Decimal(a["efter"]), Decimal(a["forskel"])) == (f, e, e - f)
    assert [k["konto"] for k in s["konti"]] == ["114"]
    assert r.json()["konti"] == efter["konti"]  # the rest of the document is the folder as it is
    assert samdrift("-C", eksempel, "fordeling", "--sammenlign", "HEAD~1").kode == 0
    r = samdrift("-C", eksempel, "fordeling", "--sammenlign", "ingen-saadan")
    assert r.kode == 2 and "ukendt git-revision 'ingen-saadan'" in r.stderr


def test_sammenlign_uden_for_git_er_en_dansk_fejl(eksempel, samdrift):
    r = samdrift("-C", eksempel, "fordeling", "--sammenlign", "HEAD~1")
    assert r.kode == 2
    assert r.fejllinjer[0].startswith("--sammenlign: fejl: 'HEAD~1' er hverken en mappe eller en git-revision")


def test_sammenlign_med_en_scenariemappe(eksempel, samdrift, tmp_path):
    scenarie = tmp_path / "scenarie"
    shutil.copytree(eksempel, scenarie)
    model = scenarie / "model.yaml"
    model.write_text(model.read_text(encoding="utf-8").replace("budget: 2950000.00", "budget: 2900000.00"), encoding="utf-8")
    r = samdrift("-C", eksempel, "fordeling", "--sammenlign", scenarie, "--json")
    assert r.kode == 0, r.stderr
    assert sum(Decimal(a["forskel"]) for a in r.json()["sammenligning"]["afdelinger"]) == Decimal("50000.00")


def test_noegle_for_er_det_samme_som_aendringen_i_haanden(eksempel, samdrift, tmp_path):
    hvis = samdrift("-C", eksempel, "fordeling", "--noegle-for", "114=areal", "--json")
    assert hvis.kode == 0, hvis.stderr
    kopi = tmp_path / "kopi"
    shutil.copytree(eksempel, kopi)
    model = kopi / "model.yaml"
    tekst = model.read_text(encoding="utf-8")
    linjer = tekst.splitlines(keepends=True)
    i_114 = False
    for i, l in enumerate(linjer):
        if l.lstrip().startswith("- konto:") or l.lstrip().startswith("- {konto:"):
            i_114 = "konto: 114" in l
        if i_114 and l.strip() == "noegle: lejemaal":
            linjer[i] = l.replace("lejemaal", "areal")
    model.write_text("".join(linjer), encoding="utf-8")
    haand = samdrift("-C", kopi, "fordeling", "--json").json()
    d = hvis.json()
    assert d["konti"] == haand["konti"] and d["total"] == haand["total"]
    foer = samdrift("-C", eksempel, "fordeling", "--json").json()
    for a in d["sammenligning"]["afdelinger"]:
        assert Decimal(a["foer"]) == Decimal(foer["total"]["fordeling"][a["id"]])
        assert Decimal(a["efter"]) == Decimal(haand["total"]["fordeling"][a["id"]])
    assert snapshot(EKSEMPEL) == snapshot(EKSEMPEL)  # nothing touched
    r = samdrift("-C", eksempel, "fordeling", "--noegle-for", "114=ukendt")
    assert r.kode == 2 and r.fejllinjer[0].startswith("--noegle-for: fejl: ukendt nøgle 'ukendt'")
