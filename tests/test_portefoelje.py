"""A boligorganisation's portfolio: `oversigt` and `check --alle`; paths with spaces and æøå; safe writes."""

from __future__ import annotations

import shutil

import pytest

from conftest import EKSEMPEL, MINIMAL_SAMDRIFT, byg_mappe, snapshot


def _portefoelje(rod):
    shutil.copytree(EKSEMPEL, rod / "Nord område" / "æble og pære")
    byg_mappe(rod / "syd" / "ny", {"samdrift.yaml": MINIMAL_SAMDRIFT})
    byg_mappe(rod / "syd" / "fejl", {"samdrift.yaml": MINIMAL_SAMDRIFT, "model.yaml": "konto: []\n"})
    byg_mappe(rod / "ikke-en-samdrift", {"noter.txt": "x"})
    return rod


def test_oversigt(tmp_path, samdrift, monkeypatch):
    rod = _portefoelje(tmp_path / "org")
    r = samdrift("oversigt", rod, "--json")
    assert r.kode == 0, r.stderr
    linjer = {x["mappe"]: x for x in r.json()["samdrifter"]}
    assert set(linjer) == {"Nord område/æble og pære", "syd/ny", "syd/fejl"}
    assert linjer["Nord område/æble og pære"]["milepael"] == 12
    assert linjer["Nord område/æble og pære"]["lejemaal"] == 600
    assert linjer["syd/ny"]["milepael"] == 0
    assert linjer["syd/ny"]["naeste_skridt"].startswith("1: ")
    assert linjer["syd/fejl"]["fejl"] == 1 and linjer["syd/fejl"]["milepael"] is None
    tekst = samdrift("-C", rod, "oversigt")
    assert tekst.kode == 0 and "Samdrift Æblegården og Pærebakken" in tekst.stdout
    # in 80 columns the table fits and a folder's name wraps, never ends in '…' (it is what one types next)
    monkeypatch.setenv("COLUMNS", "80")
    tekst = samdrift("-C", rod, "oversigt")
    assert max(len(l) for l in tekst.stdout.splitlines()) <= 80 and "…" not in tekst.stdout


def test_check_alle(tmp_path, samdrift):
    rod = _portefoelje(tmp_path / "org")
    foer = snapshot(rod)
    r = samdrift("-C", rod, "check", "--alle")
    assert r.kode == 2
    assert "syd/fejl/model.yaml:1:1: fejl: ukendt nøgle 'konto'; mente du 'konti'?" in r.stderr
    assert "✓ Nord område/æble og pære" in r.stdout and "✗ syd/fejl: 1 fejl" in r.stdout
    d = samdrift("-C", rod, "check", "--alle", "--json").json()
    assert (d["gyldige"], d["i_alt"]) == (2, 3)
    shutil.rmtree(rod / "syd" / "fejl")
    assert samdrift("-C", rod, "check", "--alle").kode == 0
    assert snapshot(rod) == {k: v for k, v in foer.items() if not k.startswith("syd/fejl")}


def test_tillad_advarsler(tmp_path, samdrift):
    m = byg_mappe(tmp_path / "en", {"samdrift.yaml": "navn: x\nafdelinger:\n  - {id: a, navn: A, lejemaal: 1}\n"})
    assert samdrift("-C", m, "check").kode == 1
    assert samdrift("-C", m, "check", "--tillad-advarsler").kode == 0


def test_stier_med_mellemrum_og_aeoeaa(tmp_path, samdrift):
    m = tmp_path / "Min mappe æøå" / "samdrift Ærø"
    r = samdrift("init", m, "--afdeling", "Ærø Øst:10", "--afdeling", "Åbo:20")
    assert r.kode == 0, r.stderr
    assert samdrift("-C", m, "check").kode == 0
    assert samdrift("-C", m, "export", "--xlsx", "ark med mellemrum.xlsx", "--md", "dok æøå").kode == 0
    assert (m / "ark med mellemrum.xlsx").is_file() and (m / "dok æøå" / "status.md").is_file()


def test_atomisk_skrivning_efterlader_originalen(tmp_path, monkeypatch):
    import os

    import errno

    from samdrift_cli.atomisk import skriv_atomisk
    from samdrift_cli.fund import SamdriftFejl

    fil = tmp_path / "fil.yaml"
    fil.write_text("original", encoding="utf-8")
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left")))
    with pytest.raises(SamdriftFejl) as e:
        skriv_atomisk(fil, "nyt indhold")
    assert [f.overskrift() for f in e.value.fund] == [f"{fil}: fejl: kan ikke skrives: disken er fuld"]
    assert fil.read_text(encoding="utf-8") == "original"
    assert [p.name for p in tmp_path.iterdir()] == ["fil.yaml"]


def test_eksport_skriver_aldrig_i_inputfiler(tmp_path, samdrift):
    m = tmp_path / "m"
    shutil.copytree(EKSEMPEL, m)
    foer = (m / "model.yaml").read_bytes()
    r = samdrift("-C", m, "export", "--xlsx", "model.yaml", "--overskriv")
    assert r.kode == 0 and (m / "model.yaml.xlsx").is_file()  # the suffix is added, never an input replaced
    r = samdrift("-C", m, "export", "--md", "model.yaml", "--overskriv")
    assert r.kode == 2 and "findes og er ikke en mappe" in r.stderr
    assert (m / "model.yaml").read_bytes() == foer
    assert samdrift("-C", m, "check").kode == 0
