"""A hostile or broken folder (#16): never a hang, a traceback or a silent misallocation; a test per kind
(the kinds with a message of their own are in the error catalogue, test_fejlkatalog.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from conftest import EKSEMPEL, MINIMAL_SAMDRIFT, byg_mappe, snapshot


def _koer(*args, cwd=None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "samdrift_cli", *map(str, args)], capture_output=True, cwd=cwd,
                          timeout=60, **kw)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="ingen FIFO'er her")
def test_en_fifo_eller_en_enhed_laeses_aldrig(tmp_path, samdrift):
    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT})
    os.mkfifo(m / "model.yaml")
    (m / "oplaeg.yaml").symlink_to("/dev/zero")
    r = samdrift("-C", m, "check")
    assert r.kode == 2
    assert r.fejllinjer == [
        "model.yaml: fejl: model.yaml er ikke en almindelig fil (men en FIFO, en enhed eller en sokkel); samdrift læser kun filer",
        "oplaeg.yaml: fejl: oplaeg.yaml er ikke en almindelig fil (men en FIFO, en enhed eller en sokkel); samdrift læser kun filer"]
    # a FIFO as export target: refused before anything is opened
    os.mkfifo(tmp_path / "ud.xlsx")
    (m / "model.yaml").unlink()
    (m / "oplaeg.yaml").unlink()
    r = samdrift("-C", m, "export", "--xlsx", tmp_path / "ud.xlsx", "--overskriv")
    assert r.kode == 2 and "er ikke en almindelig fil" in r.stderr


def test_en_lang_vaerdi_afvises_hurtigt_af_konstruktion():
    # the length is checked before any pattern is tried: a 1 MB value costs a comparison, not a scan
    from samdrift_cli.beloeb import MAKS_TEKST, BeloebFejl, parse_beloeb
    from samdrift_cli.skemaer.vaerdier import tal

    for vaerdi in (" " * 1_000_000 + "-x", "1" * 1_000_000, "1." * 500_000):
        start = time.perf_counter()
        with pytest.raises(BeloebFejl):
            parse_beloeb(vaerdi)
        assert time.perf_counter() - start < 0.5
    with pytest.raises(Exception):
        tal("1" * (MAKS_TEKST + 1))


@pytest.mark.parametrize("skrevet, areal, advarsel", [('"6.500"', "6500", False), ("'6.500,5'", "6500.5", False),
                                                      ('"12,5"', "12.5", False), ("6.500", "6.500", True)])
def test_et_tal_i_anfoerselstegn_er_dansk_tekst(skrevet, areal, advarsel, tmp_path, samdrift):
    """One rule for a number written as text, as amounts have it: '"6.500"' is 6500 m², with no
    advarsel; the YAML number 6.500 is 6,5 m² and gets one."""
    from samdrift_cli.indlaesning.loader import indlaes

    m = byg_mappe(tmp_path, {"samdrift.yaml": "navn: x\nafdelinger:\n"
                             f"  - {{id: a, navn: A, lejemaal: 1, areal_m2: {skrevet}}}\n  - {{id: b, navn: B, lejemaal: 2}}\n"})
    assert str(indlaes(m).samdrift.afdelinger[0].areal_m2) == areal
    r = samdrift("-C", m, "check")
    assert r.kode == (1 if advarsel else 0)
    assert ("læses som 6,5 m²" in r.stderr) is advarsel


def test_eksportmaal_der_ikke_kan_skrives_giver_danske_fejl(tmp_path, samdrift):
    m = tmp_path / "eksempel"
    import shutil

    shutil.copytree(EKSEMPEL, m)
    (tmp_path / "en-fil").write_text("x")
    for maal, besked in ((tmp_path / "en-fil" / "ud.xlsx", "en del af stien er en fil, ikke en mappe"),
                         (tmp_path / "mappe.xlsx", "er en mappe; angiv et filnavn")):
        if maal.name == "mappe.xlsx":
            maal.mkdir()
        r = samdrift("-C", m, "export", "--xlsx", maal)
        assert r.kode == 2 and besked in r.stderr, r.stderr
    if os.geteuid() != 0:  # root may write anywhere
        laast = tmp_path / "laast"
        laast.mkdir(mode=0o500)
        r = samdrift("-C", m, "export", "--md", laast / "dok")
        assert r.kode == 2 and "ingen adgang" in r.stderr
    # a samdrift navn of 300 bytes gives a file name the file system accepts
    from samdrift_cli.identitet import filnavn

    assert len(filnavn("Æ" * 300, ".xlsx").encode("utf-8")) <= 205


def test_lukket_stdout_og_et_tegnsaet_uden_aeoeaa(tmp_path):
    r = subprocess.run([sys.executable, "-m", "samdrift_cli", "-C", str(EKSEMPEL), "check"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, timeout=60, stdin=subprocess.DEVNULL, close_fds=True)
    assert r.returncode == 0 and b"Traceback" not in r.stderr
    # stdout and stderr closed by the shell ('>&- 2>&-'): the exit code still tells the result
    r = subprocess.run(["sh", "-c", f"'{sys.executable}' -m samdrift_cli -C '{EKSEMPEL}' check >&- 2>&-"], timeout=60)
    assert r.returncode == 0
    for tegnsaet in ("cp1252", "ascii"):
        r = _koer("-C", EKSEMPEL, "status", env={**os.environ, "PYTHONIOENCODING": tegnsaet})
        assert r.returncode == 0 and b"Traceback" not in r.stderr, r.stderr


def test_quoteprefix_paa_al_brugertekst_ogsaa_overskrifter(tmp_path, samdrift):
    from openpyxl import load_workbook

    m = byg_mappe(tmp_path / "m", {
        "samdrift.yaml": "navn: '=HYPERLINK(\"x\")'\nafdelinger:\n  - {id: a, navn: '+A', lejemaal: 1}\n"
                         "  - {id: b, navn: '@B', lejemaal: 2}\n",
        "model.yaml": "fordelingsnoegler: [{id: l, navn: '-minus', grundlag: lige}]\n"
                      "konti: [{konto: 1, navn: '=1+1', med: true, noegle: l, budget: 10}]\n"})
    assert samdrift("-C", m, "export", "--xlsx", tmp_path / "b.xlsx").kode == 0
    bog = load_workbook(tmp_path / "b.xlsx")
    fundet = 0
    for ark in bog.worksheets:
        for raekke in ark.iter_rows():
            for c in raekke:
                if isinstance(c.value, str) and c.value and c.value[0] in "=+-@" and c.data_type != "f":
                    assert c.quotePrefix, (ark.title, c.coordinate, c.value)
                    fundet += 1
    assert fundet >= 5  # the title, both afdelinger in headers, the konto's name, the nøgle's name


def test_markdown_celler_og_mermaid_knuder(tmp_path, samdrift):
    m = byg_mappe(tmp_path / "m", {
        "samdrift.yaml": MINIMAL_SAMDRIFT,
        "model.yaml": "fordelingsnoegler: [{id: l, grundlag: lige}]\nkonti: [{konto: 1, navn: \"a\\rb|c\\nd\", med: true, "
                      "noegle: l, budget: 10}]\norganisationsplan:\n  stillinger:\n"
                      "    - {id: kontakt-a, stilling: Kontakt A}\n    - {id: kontakt_a, stilling: Kontakt B, refererer_til: kontakt-a}\n"})
    assert samdrift("-C", m, "export", "--md", tmp_path / "d").kode == 0
    model = (tmp_path / "d" / "samdriftsmodel.md").read_text(encoding="utf-8")
    raekke = next(l for l in model.splitlines() if l.startswith("| 1 |"))
    assert "a<br>b\\|c<br>d" in raekke and "\r" not in model
    assert '    n0["Kontakt A"]' in model and '    n1["Kontakt B"]' in model and "    n0 --> n1" in model


def test_en_fejl_i_en_fil_fordelingen_ikke_laeser_er_en_advarsel_for_den(tmp_path, samdrift):
    import shutil

    m = tmp_path / "eksempel"
    shutil.copytree(EKSEMPEL, m)
    foer = samdrift("-C", m, "fordeling", "--json").json()
    (m / "oplaeg.yaml").write_text("formaal: a: b\n", encoding="utf-8")
    foer_filer = snapshot(m)
    r = samdrift("-C", m, "fordeling", "--json")
    assert r.kode == 0 and r.json() == foer
    assert any(l.startswith("oplaeg.yaml:1:11: advarsel: YAML-syntaksfejl") and l.endswith("(bruges ikke af fordelingen)")
               for l in r.fejllinjer)
    assert samdrift("-C", m, "check").kode == 2
    assert snapshot(m) == foer_filer  # fordeling and check wrote nothing
