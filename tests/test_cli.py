"""The command line as a user meets it: Danish help, usage errors, -C, python -m, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import EKSEMPEL, ROD


def test_hjaelp_er_dansk(samdrift):
    r = samdrift("--help")
    assert r.kode == 0
    for ord_ in ("Brug: samdrift", "Kommandoer", "Tilvalg", "Vis denne hjælp og afslut.", "fordeling", "milepæle"):
        assert ord_ in r.stdout
    for engelsk in ("Usage:", "Show this message", "Options", "Commands"):
        assert engelsk not in r.stdout


@pytest.mark.parametrize("kommando", [(), ("init",), ("check",), ("check", "milepael"), ("status",), ("fordeling",),
                                      ("export",), ("schema",), ("oversigt",), ("afkryds",)])
def test_hjaelpesiderne_viser_ingen_engelske_typenavne(samdrift, kommando):
    r = samdrift(*kommando, "--help")
    assert r.kode == 0
    for engelsk in ("<path>", "<int", "<list", "<str>", "<bool>", "TEXT", "INTEGER", "PATH"):
        assert engelsk not in r.stdout, (kommando, engelsk)


def test_brugsfejl_er_danske_med_kode_2(samdrift):
    r = samdrift("status", "--ukendt")
    assert (r.kode, r.stderr.splitlines()[0]) == (2, "samdrift status: fejl: ukendt tilvalg '--ukendt'")
    r = samdrift("findesikke")
    assert (r.kode, r.stderr.splitlines()[0]) == (2, "samdrift: fejl: ukendt kommando 'findesikke'")
    r = samdrift("check", "milepael", "13")
    assert r.kode == 2 and "ugyldig værdi for NR: skal højst være 12" in r.stderr
    r = samdrift("check", "milepael")
    assert r.kode == 2 and "mangler argumentet NR" in r.stderr


@pytest.mark.parametrize("argumenter, fejl", [
    (("check", "milepael", "0"), "samdrift check milepael: fejl: ugyldig værdi for NR: skal mindst være 1"),
    (("check", "milepael", "tolv"), "samdrift check milepael: fejl: ugyldig værdi for NR: skal være et heltal"),
    (("check", "milepael", "1.5"), "samdrift check milepael: fejl: ugyldig værdi for NR: skal være et heltal"),
    (("afkryds", "3", "--opgave", "x"), "samdrift afkryds: fejl: ugyldig værdi for --opgave: skal være et heltal"),
    (("-C", "FIL", "check"), "samdrift: fejl: ugyldig værdi for -C: 'FIL' er en fil, ikke en mappe"),
])
def test_parametre_tjekkes_uden_pydantic_med_danske_beskeder(argumenter, fejl, samdrift, tmp_path):
    fil = tmp_path / "fil.txt"
    fil.write_text("x")
    r = samdrift(*(str(fil) if a == "FIL" else a for a in argumenter))
    assert (r.kode, r.stderr.splitlines()[0]) == (2, fejl.replace("FIL", str(fil)))


def test_parametre_omsaettes_til_de_rigtige_typer(monkeypatch):
    from samdrift_cli import cli
    from samdrift_cli.kommandoer import check

    kaldt = {}
    monkeypatch.setattr(check, "check_milepael", lambda mappe, nr, som_json: kaldt.update(mappe=mappe, nr=nr, json=som_json))
    with pytest.raises(SystemExit) as e:
        cli.main(["-C", str(EKSEMPEL), "check", "milepael", " 7 ", "--json"])
    assert e.value.code == 0
    assert kaldt == {"mappe": EKSEMPEL, "nr": 7, "json": True}
    assert type(kaldt["nr"]) is int


@pytest.mark.parametrize("args", [("check", "milepæl", "6", "--json"), ("check", "--json", "milepæl", "6"),
                                  ("check", "--json", "milepa\u0308l", "6"), ("check", "--json", "MILEPÆL", "6")])
def test_kommandonavne_som_dansk_skrives(args, samdrift):
    """'milepæl' as Danish writes it (also decomposed, as macOS sends it), wherever the options are."""
    r = samdrift("-C", EKSEMPEL, *args)
    assert r.kode == 0 and json.loads(r.stdout)["milepael"] == 6 and r.stderr == ""


def test_check_alle_med_milepael_afvises(samdrift):
    r = samdrift("-C", EKSEMPEL, "check", "--alle", "milepael", "6")
    assert (r.kode, r.stdout) == (2, "")
    assert r.stderr == ("samdrift check: fejl: ugyldig værdi for --alle: kan ikke bruges sammen med 'milepael NR'\n"
                        "Se 'samdrift check --help' for hjælp.\n")


def test_opfoelgning_med_oe(samdrift):
    assert samdrift("-C", EKSEMPEL, "opfølgning", "--json").stdout == samdrift("-C", EKSEMPEL, "opfoelgning", "--json").stdout


def test_mappe_der_ikke_findes(tmp_path, samdrift):
    r = samdrift("-C", tmp_path / "nej", "check")
    assert r.kode == 2 and r.stderr.endswith("nej: fejl: mappen findes ikke\n")


def test_python_m_og_konsolscript(tmp_path):
    r = subprocess.run([sys.executable, "-m", "samdrift_cli", "-C", str(EKSEMPEL), "check"],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "13 filer gyldige" in r.stdout


def test_ingen_traceback_ved_intern_fejl(tmp_path, monkeypatch, capsys):
    from samdrift_cli import cli
    from samdrift_cli.kommandoer import status

    def boom(*a, **k):
        raise RuntimeError("simuleret")

    monkeypatch.setattr(status, "status", boom)
    monkeypatch.delenv("SAMDRIFT_DEBUG", raising=False)
    with pytest.raises(SystemExit) as e:
        cli.main(["-C", str(EKSEMPEL), "status"])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "samdrift: intern fejl: RuntimeError: simuleret" in err


def test_hurtig_hjaelp_importerer_ikke_tunge_moduler():
    kode = ("import sys; from samdrift_cli import cli; "
            "tunge = [m for m in ('pydantic', 'ruamel.yaml', 'jinja2', 'xlsxwriter', 'openpyxl') if m in sys.modules]; "
            "print(','.join(tunge))")
    r = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, cwd=ROD)
    assert r.stdout.strip() == ""


def test_brugertekst_er_aldrig_rich_markup(tmp_path, samdrift):
    from conftest import byg_mappe

    m = byg_mappe(tmp_path, {
        "samdrift.yaml": 'navn: "Samdrift [bold]x[/] [red"\nafdelinger:\n  - {id: a, navn: "[b]A", lejemaal: 1}\n'
                         "  - {id: b, navn: B, lejemaal: 2}\n",
        "model.yaml": 'fordelingsnoegler: [{id: l, grundlag: lige, navn: "[x"}]\n'
                      'konti: [{konto: "[1]", navn: "[red]rød", med: true, noegle: l, budget: 1}]\n'})
    assert "Samdrift [bold]x[/] [red" in samdrift("-C", m, "status").stdout
    ud = samdrift("-C", m, "fordeling").stdout
    assert "[red]rød" in ud and "[b]A" in ud and "[1]" in ud
    assert "([x)" in samdrift("-C", m, "fordeling", "--noegle", "l").stdout


def _kør_python(kode: str, **miljø) -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, **miljø}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None) if "PYDANTIC_DISABLE_PLUGINS" not in miljø else None
    return subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, cwd=EKSEMPEL, env=env)


def test_konsolscriptet_skriver_alt_ud(tmp_path):
    kode = "import sys; sys.argv = ['samdrift', *sys.argv[1:]]; from samdrift_cli.cli.app import main; main()"
    r = subprocess.run([sys.executable, "-c", kode, "fordeling", "--json"], capture_output=True, text=True, cwd=EKSEMPEL)
    assert r.returncode == 0, r.stderr
    import json

    assert json.loads(r.stdout)["konti"]
    r = subprocess.run([sys.executable, "-c", kode, "check", "milepael", "13"], capture_output=True, text=True, cwd=EKSEMPEL)
    assert r.returncode == 2 and r.stderr.endswith("Se 'samdrift check milepael --help' for hjælp.\n")
    # output into a pipe that is closed early ('| head -1') is no error
    p = subprocess.Popen([sys.executable, "-c", kode, "fordeling"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=EKSEMPEL)
    p.stdout.readline()
    p.stdout.close()
    p.wait()
    fejl = p.stderr.read()
    assert b"Traceback" not in fejl and b"Exception ignored" not in fejl


def _i_terminalen(args: list[str], bredde: int = 80) -> tuple[int, list[str]]:
    """``samdrift ARGS`` in a real (pseudo) terminal ``bredde`` columns wide: its exit code and
    screen lines."""
    import fcntl
    import os
    import pty
    import struct
    import termios

    styrer, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 50, bredde, 0, 0))
    miljoe = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    p = subprocess.Popen([sys.executable, "-m", "samdrift_cli", *args], stdin=terminal, stdout=terminal,
                         stderr=terminal, env={**miljoe, "TERM": "xterm", "NO_COLOR": "1", "SAMDRIFT_IDAG": "2026-12-01"})
    os.close(terminal)
    ud = b""
    while True:
        try:
            stykke = os.read(styrer, 65536)
        except OSError:  # the terminal closed: the command is done
            break
        if not stykke:
            break
        ud += stykke
    p.wait()
    os.close(styrer)
    import re

    return p.returncode, [re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", x)
                          for x in ud.decode("utf-8").replace("\r\n", "\n").split("\n")]


def test_i_en_terminal_paa_80_kolonner_er_ingen_linje_bredere(tmp_path, samdrift):
    """What a user sees on an 80-column terminal: every line fits (prose wraps under itself rather
    than at the terminal's edge in the middle of a word), for a new samdrift and for the example."""
    assert samdrift("init", tmp_path / "ny", "--afdeling", "Nordparken:240", "--afdeling", "Sydhaven:80").kode == 0
    for args in (["-C", str(tmp_path / "ny"), "status"], ["-C", str(tmp_path / "ny"), "fordeling"],
                 ["-C", str(tmp_path / "ny"), "check", "milepael", "1"], ["-C", str(EKSEMPEL), "status"],
                 ["-C", str(EKSEMPEL), "fordeling"], ["-C", str(EKSEMPEL), "vejledning", "6"],
                 ["-C", str(EKSEMPEL), "check", "milepael", "12"], ["-C", str(EKSEMPEL), "fordeling", "--mod-timer"],
                 ["-C", str(EKSEMPEL), "fordeling", "--noegle", "lejemaal"], ["oversigt", str(tmp_path)],
                 ["-C", str(EKSEMPEL), "fordeling", "--noegle-for", "114=areal"]):
        kode, linjer = _i_terminalen(args)
        assert kode in (0, 1) and len(linjer) >= 3, (args, linjer)  # 1: a milestone not reached
        assert max(len(x) for x in linjer) <= 80, (args, max(linjer, key=len))


@pytest.mark.parametrize("kommando", ["", "init", "check", "check milepael", "status", "vejledning", "afkryds", "fordeling",
                                      "import", "import budget", "import regnskab", "opfoelgning", "export", "kalender",
                                      "schema", "oversigt"])
def test_hjaelpen_holder_sig_inden_for_80_kolonner(kommando):
    import os
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "samdrift_cli", *kommando.split(), "--help"], capture_output=True, text=True,
                       env={**os.environ, "COLUMNS": "80"}, timeout=60)
    assert r.returncode == 0
    assert [l for l in r.stdout.splitlines() if len(l) > 80] == []


@pytest.mark.parametrize("args, fejl", [
    (("export", "--bogfoering", "--tegnsaet", "utf8"), "--tegnsaet: fejl: 'utf8' skal være windows-1252 eller utf-8; mente du 'utf-8'?"),
    (("fordeling", "--noegle-for", "114=arael"),
     "--noegle-for: fejl: ukendt nøgle 'arael' (nøglerne i model.yaml er: lejemaal, areal, kontor, lige); mente du 'areal'?"),
    (("import", "budget", "{xlsx}", "--ark", "Shet"), "b.xlsx: fejl: arket 'Shet' findes ikke (arkene er: 'Sheet'); mente du 'Sheet'?"),
])
def test_mente_du_for_hvert_lukket_saet(args, fejl, samdrift, tmp_path):
    """#33: a word from a closed set, mistyped, gets the nearest one, in the same words everywhere."""
    import shutil

    from openpyxl import Workbook

    m = tmp_path / "m"
    shutil.copytree(EKSEMPEL, m)
    bog = Workbook()
    bog.active.append(["Konto", "Navn", "Budget"])
    bog.save(tmp_path / "b.xlsx")
    r = samdrift("-C", m, *[a.format(xlsx=tmp_path / "b.xlsx") for a in args])
    assert (r.kode, r.fejllinjer) == (2, [fejl])
