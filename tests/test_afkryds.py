"""`samdrift afkryds`: the diff is exactly the new lines; bad input changes nothing; writes are atomic."""

from __future__ import annotations

import difflib

import pytest

from conftest import byg_mappe, snapshot


def _diff(foer: str, efter: str) -> list[str]:
    return [l for l in difflib.unified_diff(foer.splitlines(), efter.splitlines(), lineterm="", n=0)
            if l[:1] in "+-" and not l.startswith(("+++", "---"))]


def test_diff_er_praecis_de_nye_linjer(eksempel, samdrift):
    fil = eksempel / "milepaele.yaml"
    foer = fil.read_text(encoding="utf-8")
    r = samdrift("-C", eksempel, "afkryds", "3", "--opgave", "1", "--dato", "2024-05-27", "--af", "Mette Lund",
                 "--referat", "Analyserapport, maj 2024")
    assert r.kode == 0, r.stderr
    assert _diff(foer, fil.read_text(encoding="utf-8")) == [
        "+      - nr: 1",
        "+        dato: 2024-05-27",
        "+        af: Mette Lund",
        "+        referat: Analyserapport, maj 2024",
    ]
    efter = fil.read_text(encoding="utf-8")
    assert efter.index("      - nr: 1\n        dato: 2024-05-27") < efter.index("      - nr: 3\n        dato: 2024-06-18")
    assert "# Godkendelser og beslutninger i samdriftsprocessen." in efter


def test_ny_milepael_indsaettes_i_raekkefoelge_og_fortryd(eksempel, samdrift):
    fil = eksempel / "milepaele.yaml"
    foer = fil.read_text(encoding="utf-8")
    r = samdrift("-C", eksempel, "afkryds", "7", "--opgave", "1", "--dato", "10-12-2024", "--af", "Mette Lund")
    assert (r.kode, r.stdout, r.stderr) == (
        0, "registrerede milepæl 7, opgave 1: Udarbejdelse af implementeringsplan (2024-12-10) i milepaele.yaml\n",
        "milepaele.yaml: advarsel: milepæl 7, opgave 1 vurderes ud fra indholdet i filerne, ikke kun ud fra "
        "registreringen; 'samdrift check milepael 7' viser, hvad der eventuelt mangler\n")
    assert _diff(foer, fil.read_text(encoding="utf-8")) == [
        "+  - nr: 7", "+    opgaver:", "+      - nr: 1", "+        dato: 2024-12-10", "+        af: Mette Lund"]
    tekst = fil.read_text(encoding="utf-8")
    assert tekst.index("- nr: 5") < tekst.index("- nr: 7") < tekst.index("- nr: 12")
    r = samdrift("-C", eksempel, "afkryds", "7", "--opgave", "1", "--fortryd")
    # the date of the registration that went, not today's
    assert (r.kode, r.stdout) == (
        0, "fjernede milepæl 7, opgave 1: Udarbejdelse af implementeringsplan (2024-12-10) i milepaele.yaml\n")
    assert samdrift("-C", eksempel, "check").kode == 0


def test_afkryds_uden_milepaele_fil_laver_den(tmp_path, samdrift):
    samdrift("init", tmp_path / "ny", "--afdeling", "A:1", "--afdeling", "B:2")
    (tmp_path / "ny" / "milepaele.yaml").unlink()
    r = samdrift("-C", tmp_path / "ny", "afkryds", "2", "--opgave", "3", "--dato", "2025-03-14", "--af", "Direktionen")
    assert r.kode == 0
    tekst = (tmp_path / "ny" / "milepaele.yaml").read_text(encoding="utf-8")
    assert tekst.startswith("# yaml-language-server:")
    assert "milepaele:\n  - nr: 2\n    opgaver:\n      - nr: 3\n        dato: 2025-03-14\n        af: Direktionen\n" in tekst


@pytest.mark.parametrize("args,besked", [
    (["2", "--opgave", "9"], "milepæl 2 har ingen opgave nr. 9"),
    (["2", "--leverance", "3"], "milepæl 2 har ingen leverance nr. 3"),
    (["2"], "angiv præcis én af --opgave N og --leverance N"),
    (["2", "--opgave", "1", "--leverance", "1"], "angiv præcis én af --opgave N og --leverance N"),
    (["2", "--opgave", "1", "--dato", "2025-02-30"], "'2025-02-30' er ikke en gyldig dato"),
    (["13", "--opgave", "1"], "ugyldig værdi for NR: skal højst være 12"),
    (["4", "--opgave", "1", "--fortryd"], "milepæl 4 har ingen registreringer at fortryde"),
])
def test_daarligt_input_aendrer_intet(eksempel, samdrift, args, besked):
    foer = snapshot(eksempel)
    r = samdrift("-C", eksempel, "afkryds", *args)
    assert r.kode == 2
    assert besked in r.stderr
    assert snapshot(eksempel) == foer


def test_fremtidig_dato_advarer(eksempel, samdrift):
    r = samdrift("-C", eksempel, "afkryds", "4", "--opgave", "1", "--dato", "2999-01-01", "--af", "x")
    assert r.kode == 0
    assert "milepaele.yaml: advarsel: datoen 2999-01-01 ligger i fremtiden" in r.stderr


def test_ugyldig_milepaele_fil_aendres_ikke(eksempel, samdrift):
    (eksempel / "milepaele.yaml").write_text("milepaele:\n  - nr: 2\n    opgavr: []\n", encoding="utf-8")
    foer = snapshot(eksempel)
    r = samdrift("-C", eksempel, "afkryds", "2", "--opgave", "1")
    assert r.kode == 2
    assert "milepaele.yaml:3:5: fejl: ukendt nøgle 'opgavr'; mente du 'opgaver'?" in r.stderr
    assert snapshot(eksempel) == foer


def test_afbrudt_skrivning_efterlader_originalen(eksempel, samdrift, monkeypatch):
    import os

    fil = eksempel / "milepaele.yaml"
    foer = fil.read_bytes()

    import errno

    def fejler(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", fejler)
    r = samdrift("-C", eksempel, "afkryds", "4", "--opgave", "1", "--af", "x")
    assert r.kode == 2 and r.fejllinjer == [f"{eksempel / 'milepaele.yaml'}: fejl: kan ikke skrives: disken er fuld"]
    assert fil.read_bytes() == foer
    assert [p.name for p in eksempel.iterdir() if p.name.endswith(".tmp")] == []


def test_brugerens_indrykning_bevares(tmp_path, samdrift):
    from conftest import MINIMAL_SAMDRIFT, byg_mappe

    m = byg_mappe(tmp_path, {"samdrift.yaml": MINIMAL_SAMDRIFT,
                             "milepaele.yaml": "# mine noter\nmilepaele:\n- nr: 1\n  opgaver:\n  - nr: 1\n    af: 'Direktionen'  # citeret\n"})
    foer = (m / "milepaele.yaml").read_text()
    assert samdrift("-C", m, "afkryds", "1", "--opgave", "2", "--dato", "2025-01-02", "--af", "PL").kode == 0
    assert _diff(foer, (m / "milepaele.yaml").read_text()) == ["+  - nr: 2", "+    dato: 2025-01-02", "+    af: PL"]


def test_mange_samtidige_afkrydsninger_bevarer_hver_registrering(eksempel):
    # twelve people at once: every registration is kept (the lock spans read, change and write)
    import os
    import subprocess
    import sys

    env = {**os.environ, "SAMDRIFT_IDAG": "2026-12-01"}
    fil = eksempel / "milepaele.yaml"
    tekst = fil.read_text(encoding="utf-8")
    assert "  - nr: 5\n" in tekst
    fil.write_text(tekst.replace("  - nr: 5\n", "  # milepæl 5: besluttet trods et nej\n  - nr: 5\n", 1), encoding="utf-8")
    kommentarer = [l.strip() for l in fil.read_text(encoding="utf-8").splitlines() if l.lstrip().startswith("#")]
    assert len(kommentarer) == 3
    processer = [subprocess.Popen([sys.executable, "-m", "samdrift_cli", "-C", str(eksempel), "afkryds", str(nr),
                                   "--leverance", "1", "--af", f"Person {nr}", "--bemaerkning", f"samtidig {nr}"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for nr in range(1, 13)]
    for p in processer:
        _, fejl = p.communicate(timeout=120)
        assert p.returncode == 0, fejl.decode()
    tekst = (eksempel / "milepaele.yaml").read_text(encoding="utf-8")
    assert all(f"samtidig {nr}" in tekst for nr in range(1, 13))
    efter = [l.strip() for l in tekst.splitlines()]
    assert [k for k in kommentarer if k not in efter] == []  # every comment is still there
    r = subprocess.run([sys.executable, "-m", "samdrift_cli", "-C", str(eksempel), "check"], capture_output=True, env=env)
    assert r.returncode == 0, r.stderr.decode()


def test_crlf_og_symbolsk_link_bevares(tmp_path, samdrift):
    from conftest import MINIMAL_SAMDRIFT

    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT})
    rigtig = m / "delt" / "milepaele.yaml"  # a link inside the folder stays a link
    rigtig.parent.mkdir()
    rigtig.write_bytes(b"# Registreringer\r\nmilepaele:\r\n  - nr: 1  # start\r\n    opgaver: []\r\n")
    (m / "milepaele.yaml").symlink_to(rigtig)
    r = samdrift("-C", m, "afkryds", "1", "--opgave", "1", "--dato", "2025-01-02", "--af", "Direktionen")
    assert r.kode == 0, r.stderr
    assert (m / "milepaele.yaml").is_symlink()
    raa = rigtig.read_bytes()
    assert b"\n" not in raa.replace(b"\r\n", b"") and b"# start" in raa and b"dato: 2025-01-02" in raa
    # a link out of the folder is never written through (#25)
    uden_for = tmp_path / "delt.yaml"
    rigtig.rename(uden_for)
    (m / "milepaele.yaml").unlink()
    (m / "milepaele.yaml").symlink_to(uden_for)
    foer = uden_for.read_bytes()
    r = samdrift("-C", m, "afkryds", "1", "--opgave", "2", "--af", "Direktionen")
    assert r.kode == 2 and "fører ud af samdrift-mappen" in r.stderr
    assert uden_for.read_bytes() == foer


def test_tab_foer_kommentar_giver_en_dansk_fejl(tmp_path, samdrift):
    from conftest import MINIMAL_SAMDRIFT

    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT,
                                   "milepaele.yaml": "milepaele:\n  - nr: 1\t# kommentar\n    opgaver: []\n"})
    foer = snapshot(m)
    assert samdrift("-C", m, "check").kode == 0
    r = samdrift("-C", m, "afkryds", "1", "--opgave", "1", "--af", "x")
    assert r.kode == 2
    assert r.fejllinjer[0] == ("milepaele.yaml:2:10: fejl: filen kan ikke redigeres automatisk her (tabulatortegn (tab) er ikke "
                               "tilladt i YAML; ryk ind med mellemrum); ret linjen i hånden, fx tabulatortegn til mellemrum")  # Danish (#33)
    assert snapshot(m) == foer


def test_afkryds_siger_hvad_det_gjorde(eksempel, samdrift):
    r = samdrift("-C", eksempel, "afkryds", "2", "--opgave", "3", "--dato", "2024-04-01", "--af", "Direktionen")
    assert r.kode == 0
    assert r.stdout.startswith("opdaterede milepæl 2, opgave 3: Præsentation og administrativ godkendelse af oplægget "
                               "(2024-04-01) i milepaele.yaml (var dato 2024-03-12); beholdt referat "
                               "'Direktionsmøde 12.03.2024, pkt. 4'")
    # an opgave judged from the documents: the registration alone does not meet it, and it says so
    r = samdrift("-C", eksempel, "afkryds", "4", "--opgave", "1", "--af", "Projektlederen")
    assert "advarsel: milepæl 4, opgave 1 vurderes ud fra indholdet i filerne" in r.stderr


def test_fortryd_efterlader_ingen_tomme_poster(eksempel, samdrift):
    foer = (eksempel / "milepaele.yaml").read_text(encoding="utf-8")
    assert samdrift("-C", eksempel, "afkryds", "7", "--opgave", "1", "--af", "x", "--dato", "2025-05-01").kode == 0
    assert samdrift("-C", eksempel, "afkryds", "7", "--opgave", "1", "--fortryd").kode == 0
    assert (eksempel / "milepaele.yaml").read_text(encoding="utf-8") == foer


def test_en_registrering_der_findes_opdateres_med_kommentarerne(eksempel, samdrift):
    """#32: afkryds on an opgave already in the file changes that entry in place: its comments stay,
    'udfoert: false' becomes true (so the opgave counts again), fields not given now are kept, and
    only the changed lines differ."""
    fil = eksempel / "milepaele.yaml"
    tekst = fil.read_text(encoding="utf-8")
    gammel = ("      - nr: 3\n        dato: 2024-03-12\n        af: Direktionen\n        referat: Direktionsmøde 12.03.2024, pkt. 4\n"
              "        beslutning: Oplægget godkendt.\n")
    assert gammel in tekst
    fil.write_text(tekst.replace(gammel, "      # godkendelsen blev trukket tilbage og taget op igen\n"
                                         "      - nr: 3\n        udfoert: false  # trukket tilbage 20.03.2024\n"
                                         "        dato: 2024-03-12\n        af: Direktionen  # direktør Hansen\n"
                                         "        referat: Direktionsmøde 12.03.2024, pkt. 4\n"
                                         "        beslutning: Oplægget godkendt.\n", 1), encoding="utf-8")
    assert samdrift("-C", eksempel, "check", "milepael", "2").kode == 1  # not fulfilled while udfoert is false
    foer = fil.read_text(encoding="utf-8")
    r = samdrift("-C", eksempel, "afkryds", "2", "--opgave", "3", "--dato", "2024-03-26", "--referat", "Direktionsmøde 26.03.2024")
    assert r.kode == 0, r.stderr
    assert sorted(_diff(foer, fil.read_text(encoding="utf-8"))) == [  # the comment keeps its column
        "+        dato: 2024-03-26",
        "+        referat: Direktionsmøde 26.03.2024",
        "+        udfoert: true   # trukket tilbage 20.03.2024",
        "-        dato: 2024-03-12",
        "-        referat: Direktionsmøde 12.03.2024, pkt. 4",
        "-        udfoert: false  # trukket tilbage 20.03.2024",
    ]
    efter = fil.read_text(encoding="utf-8")
    assert "      # godkendelsen blev trukket tilbage og taget op igen\n" in efter and "af: Direktionen  # direktør Hansen" in efter
    assert samdrift("-C", eksempel, "check", "milepael", "2").kode == 0
