"""`samdrift init`: a valid folder from the templates, never touching an existing one."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import snapshot
from samdrift_cli.skrivning.opret import lav_id, parse_afdeling


def test_init_laver_gyldig_mappe_med_kommentarer_og_skemaer(tmp_path, samdrift):
    r = samdrift("init", tmp_path / "ny", "--navn", "Samdrift Æblegården og Pærebakken",
                 "--afdeling", "Æblegården:100", "--afdeling", "Pærebakken:500:42000,5")
    assert r.kode == 0, r.stderr
    m = tmp_path / "ny"
    assert samdrift("-C", m, "check").kode == 0
    tekst = (m / "samdrift.yaml").read_text(encoding="utf-8")
    assert tekst.startswith("# yaml-language-server: $schema=.samdrift/schemas/samdrift.schema.json\n")
    assert "id: aeblegaarden" in tekst and "id: paerebakken" in tekst and "areal_m2: 42000.5" in tekst
    assert "# Milepæl 1, opgave 1" in tekst
    for fil in ("model.yaml", "aftale.yaml", "evaluering.yaml", "milepaele.yaml"):
        assert (m / fil).read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert (m / ".samdrift" / "schemas" / "model.schema.json").is_file()
    d = samdrift("-C", m, "fordeling", "--json")
    assert d.kode == 0 and d.json()["konti"] == []


def test_init_i_aktuel_tom_mappe(tmp_path, samdrift):
    (tmp_path / "tom").mkdir()
    assert samdrift("init", "--afdeling", "A:1", "--afdeling", "B:2", cwd=tmp_path / "tom").kode == 0
    assert (tmp_path / "tom" / "samdrift.yaml").is_file()


def test_init_over_eksisterende_mappe_aendrer_intet(tmp_path, samdrift):
    m = tmp_path / "findes"
    m.mkdir()
    (m / "noter.txt").write_text("mine noter")
    foer = snapshot(m)
    r = samdrift("init", m, "--afdeling", "A:1", "--afdeling", "B:2")
    assert r.kode == 2
    assert "mappen findes og er ikke tom" in r.stderr
    assert snapshot(m) == foer
    assert samdrift("init", m / "noter.txt", "--afdeling", "A:1").kode == 2


@pytest.mark.parametrize("vaerdi,besked", [
    ("Æblegården:0", "antal lejemål skal være over 0"),
    ("Æblegården", "skal skrives 'Navn:lejemål'"),
    ("Æblegården:mange", "antal lejemål skal være et heltal"),
    ("Æblegården:10:-5", "arealet skal være over 0"),
    (":10", "skal skrives 'Navn:lejemål'"),
])
def test_daarlig_afdeling_giver_kode_2_og_ingen_mappe(tmp_path, samdrift, vaerdi, besked):
    r = samdrift("init", tmp_path / "ny", "--afdeling", vaerdi, "--afdeling", "B:2")
    assert r.kode == 2
    assert besked in r.stderr
    assert not (tmp_path / "ny").exists()
    assert not list(tmp_path.iterdir())


def test_uden_afdelinger(tmp_path, samdrift):
    r = samdrift("init", tmp_path / "ny")
    assert r.kode == 2 and "--afdeling" in r.stderr


def test_id_fra_navne():
    assert lav_id("Æblegården") == "aeblegaarden"
    assert lav_id("Pærebakken Øst") == "paerebakken-oest"
    assert lav_id("Å-Huset 2") == "aa-huset-2"
    assert parse_afdeling("Bo:Vest:200") == {"navn": "Bo:Vest", "lejemaal": 200, "areal": None}


def test_samme_navn_to_gange(tmp_path, samdrift):
    r = samdrift("init", tmp_path / "ny", "--afdeling", "A:1", "--afdeling", "a:2")
    assert r.kode == 2 and "angivet to gange" in r.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git mangler")
def test_init_git(tmp_path, samdrift):
    r = samdrift("init", tmp_path / "ny", "--afdeling", "A:1", "--afdeling", "B:2", "--git")
    assert r.kode == 0, r.stderr
    log = subprocess.run(["git", "log", "--oneline"], cwd=tmp_path / "ny", capture_output=True, text=True).stdout
    assert "Ny samdrift oprettet" in log
    status = subprocess.run(["git", "status", "--porcelain"], cwd=tmp_path / "ny", capture_output=True, text=True).stdout
    assert status == ""


@pytest.mark.parametrize("tekst, ventet", [
    ("A:100:6500", (100, "6500")), ("A:100:6.500", (100, "6500")), ("A:1.000:6.500,5", (1000, "6500.5")),
    ("A:100:300,5", (100, "300.5")), ("A:100:300.5", (100, "300.5")), ("A: 12 : 1.234.567,89 ", (12, "1234567.89")),
])
def test_tal_som_en_dansker_skriver_dem(tekst, ventet):
    a = parse_afdeling(tekst)
    assert (a["navn"], a["lejemaal"], str(a["areal"])) == ("A", *ventet)


@pytest.mark.parametrize("tekst, besked", [
    ("A:1.00", "antal lejemål skal være et heltal, ikke '1.00'"),
    ("A:1,5", "antal lejemål skal være et heltal, ikke '1,5'"),
    ("A:0", "antal lejemål skal være over 0"),
    ("A:10:-5", "arealet skal være over 0"),
    ("A:10:1e3", "arealet skal være et tal som 6500 eller 6.500,5, ikke '1e3'"),
])
def test_forkerte_tal_i_afdeling(tekst, besked):
    with pytest.raises(ValueError) as e:
        parse_afdeling(tekst)
    assert str(e.value) == f"'{tekst}': {besked}"


def test_areal_med_tusindtalspunktum_skrives_som_tal_uden_punktum(tmp_path, samdrift):
    r = samdrift("init", tmp_path / "ny", "--afdeling", "A:100:6.500", "--afdeling", "B:10")
    assert r.kode == 0, r.stderr
    assert "areal_m2: 6500 " in (tmp_path / "ny" / "samdrift.yaml").read_text(encoding="utf-8")
    assert samdrift("-C", tmp_path / "ny", "check").kode == 0


def test_skabelonerne_har_bilag_3_og_5_hele(tmp_path, samdrift):
    import yaml

    assert samdrift("init", tmp_path / "ny", "--afdeling", "A:1", "--afdeling", "B:2").kode == 0
    ip = yaml.safe_load((tmp_path / "ny" / "implementeringsplan.yaml").read_text(encoding="utf-8"))
    temaer = {a["tema"] for a in ip["aktiviteter"]}
    assert len(ip["aktiviteter"]) >= 20 and {"orientering", "bemanding", "administrative_systemer"} <= temaer
    assert all(a["status"] == "planlagt" for a in ip["aktiviteter"])
    model = yaml.safe_load((tmp_path / "ny" / "model.yaml").read_text(encoding="utf-8"))
    assert len(model["konti"]) >= 50 and not any(k["med"] for k in model["konti"])
    assert sum(1 for k in model["konti"] if str(k.get("bemaerkning", "")).startswith("herunder:")) == 3
    assert samdrift("-C", tmp_path / "ny", "check").kode == 0
