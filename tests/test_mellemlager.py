"""The check cache: a hit never loads the files again, a change in any byte is a miss, and it can be turned off."""

from __future__ import annotations

import pickle
import shutil

from conftest import EKSEMPEL


def _taeller(monkeypatch, modul: str = "samdrift_cli.indlaesning", funktion: str = "indlaes"):
    """Count the calls of ``modul.funktion`` (the loading the cache is meant to spare)."""
    import importlib

    m = importlib.import_module(modul)
    kald = []
    original = getattr(m, funktion)

    def taelt(*a, **k):
        kald.append(a)
        return original(*a, **k)

    monkeypatch.setattr(m, funktion, taelt)
    return kald


def test_hit_miss_og_slaaet_fra(tmp_path, samdrift, monkeypatch):
    monkeypatch.setenv("SAMDRIFT_CACHE", str(tmp_path / "cache"))
    m = tmp_path / "m"
    shutil.copytree(EKSEMPEL, m)
    kald = _taeller(monkeypatch)
    foerste = samdrift("-C", m, "check", "--json")
    anden = samdrift("-C", m, "check", "--json")
    assert foerste.stdout == anden.stdout and foerste.kode == anden.kode == 0
    assert len(kald) == 1
    # the same size, one byte different: a miss, and the new finding is reported
    tekst = (m / "model.yaml").read_text(encoding="utf-8").replace("andele: {aeblegaarden: 15, paerebakken: 85}",
                                                                    "andele: {aeblegaarden: 15, paerebakken: 84}")
    (m / "model.yaml").write_text(tekst, encoding="utf-8")
    r = samdrift("-C", m, "check")
    assert r.kode == 2 and "summer til 99 %" in r.stderr
    assert len(kald) == 2
    assert samdrift("-C", m, "check").stderr == r.stderr and len(kald) == 2
    # a new, misspelled file changes the listing: a miss with a warning
    (m / "modell.yaml").write_text("x: 1\n", encoding="utf-8")
    assert "mente du 'model.yaml'?" in samdrift("-C", m, "check").stderr
    assert len(kald) == 3
    monkeypatch.setenv("SAMDRIFT_CACHE", "0")
    samdrift("-C", m, "check")
    samdrift("-C", m, "check")
    assert len(kald) == 5
    # nothing was written in the samdrift folder itself
    assert not any(p.suffix == ".json" for p in m.iterdir())
    assert [p.name for p in (m / ".samdrift").iterdir()] == ["schemas"]
    assert len(list((m / ".samdrift" / "schemas").iterdir())) == 11


# -- the summed hours of a tidsregistrering ------------------------------------------------


def test_tidsregistreringens_timer_fra_mellemlageret(tmp_path, samdrift, monkeypatch):
    monkeypatch.setenv("SAMDRIFT_CACHE", str(tmp_path / "cache"))
    m = tmp_path / "m"
    shutil.copytree(EKSEMPEL, m)
    kald = _taeller(monkeypatch, "samdrift_cli.tidsregistrering", "laes_tidsregistrering")
    frisk = [samdrift("-C", m, "fordeling", "--mod-timer", "--json").stdout,
             samdrift("-C", m, "fordeling", "--json").stdout]
    assert len(kald) == 1
    (m / "model.yaml").write_text((m / "model.yaml").read_text(encoding="utf-8") + "\n# en ændring i modellen\n",
                                  encoding="utf-8")
    gemt = [samdrift("-C", m, "fordeling", "--mod-timer", "--json").stdout,
            samdrift("-C", m, "fordeling", "--json").stdout]
    assert len(kald) == 1 and gemt == frisk
    # one more row: a miss, and the new hours count
    csv = m / "tidsregistrering.csv"
    csv.write_text(csv.read_text(encoding="utf-8") + "2025-06-02;Ny;Pærebakken;1000;renhold\n", encoding="utf-8")
    ny = samdrift("-C", m, "fordeling", "--mod-timer", "--json").stdout
    assert len(kald) == 2 and ny != frisk[0]
    # a renamed afdeling changes what the rows mean: a miss with the row's error, every time
    sd = m / "samdrift.yaml"
    sd.write_text(sd.read_text(encoding="utf-8").replace("navn: Pærebakken", "navn: Pærebakken Syd"), encoding="utf-8")
    for _ in range(2):
        r = samdrift("-C", m, "fordeling")
        assert r.kode == 2 and "ukendt afdeling 'Pærebakken'" in r.stderr
    assert len(kald) == 4


def test_oedelagt_mellemlager_laeses_forfra(tmp_path, samdrift, monkeypatch):
    monkeypatch.setenv("SAMDRIFT_CACHE", str(tmp_path / "cache"))
    m = tmp_path / "m"
    shutil.copytree(EKSEMPEL, m)
    frisk = samdrift("-C", m, "fordeling", "--mod-timer", "--json").stdout
    (fil,) = (tmp_path / "cache" / "tidsregistrering").iterdir()
    fuld = {"navn": "x", "har_opgave": True, "antal_raekker": 1, "opgavenavne": {}, "decimaler": 0}
    for indhold in (b"\x80\x05ikke en pickle", b"", pickle.dumps([1, 2]), pickle.dumps({"navn": "x"}),
                    pickle.dumps({**fuld, "serier": [["a", "b", [1], [0, "x"]]]}),  # a total that is no number
                    pickle.dumps({**fuld, "serier": [["a", "b", [1], [0]]]}),  # one total too few
                    pickle.dumps({**fuld, "decimaler": -1, "serier": []})):
        fil.write_bytes(indhold)
        assert samdrift("-C", m, "fordeling", "--mod-timer", "--json").stdout == frisk


def test_oversatte_skabeloner_i_mellemlageret_giver_de_samme_dokumenter(tmp_path, samdrift, monkeypatch):
    monkeypatch.setenv("SAMDRIFT_CACHE", "0")
    assert samdrift("-C", EKSEMPEL, "export", "--md", tmp_path / "uden").kode == 0
    monkeypatch.setenv("SAMDRIFT_CACHE", str(tmp_path / "cache"))
    for gang in ("foerste", "anden"):
        assert samdrift("-C", EKSEMPEL, "export", "--md", tmp_path / gang).kode == 0
    oversat = sorted((tmp_path / "cache" / "jinja2").iterdir())
    assert oversat
    for f in oversat:  # a damaged entry is compiled again, not an error
        f.write_bytes(b"\x00ikke jinja2")
    assert samdrift("-C", EKSEMPEL, "export", "--md", tmp_path / "oedelagt").kode == 0
    for gang in ("foerste", "anden", "oedelagt"):
        filer = sorted(p.name for p in (tmp_path / gang).iterdir())
        assert filer == sorted(p.name for p in (tmp_path / "uden").iterdir())
        for navn in filer:
            assert (tmp_path / gang / navn).read_bytes() == (tmp_path / "uden" / navn).read_bytes()


def test_oversigtens_linjer_fra_mellemlageret(tmp_path, samdrift, monkeypatch):
    monkeypatch.setenv("SAMDRIFT_CACHE", str(tmp_path / "cache"))
    rod = tmp_path / "portefoelje"
    shutil.copytree(EKSEMPEL, rod / "a")
    shutil.copytree(EKSEMPEL, rod / "b" / "c")
    kald = _taeller(monkeypatch, "samdrift_cli.portefoelje", "indlaes")
    foerste = samdrift("-C", rod, "oversigt", "--json").json()
    assert [x["mappe"] for x in foerste["samdrifter"]] == ["a", "b/c"]
    assert len(kald) == 1  # the two folders have the same contents
    assert samdrift("-C", rod, "oversigt", "--json").json() == foerste and len(kald) == 1
    for post in (tmp_path / "cache" / "oversigt").iterdir():  # an entry samdrift did not write: read again
        post.write_text('{"navn": "x"}', encoding="utf-8")
    assert samdrift("-C", rod, "oversigt", "--json").json() == foerste and len(kald) == 2
    # the evaluation removed from one folder: only that folder is read again, and its line changes
    (rod / "b" / "c" / "evaluering.yaml").unlink()
    igen = samdrift("-C", rod, "oversigt", "--json").json()
    assert len(kald) == 3
    assert igen["samdrifter"][0] == foerste["samdrifter"][0]
    assert igen["samdrifter"][1]["milepael"] != foerste["samdrifter"][1]["milepael"]
    monkeypatch.setenv("SAMDRIFT_CACHE", "0")
    assert samdrift("-C", rod, "oversigt", "--json").json() == igen and len(kald) == 5


def test_status_og_milepaele_fra_mellemlageret_er_de_samme(tmp_path, samdrift, monkeypatch):
    m = tmp_path / "m"
    shutil.copytree(EKSEMPEL, m)
    (m / "orientering.yaml").unlink()  # milestone 8 onwards not reached: "mangler" lines
    (m / "modell.yaml").write_text("x: 1\n", encoding="utf-8")  # a warning on stderr
    kommandoer = [("status",), ("status", "--json")] + [
        ("check", "milepael", str(n), *j) for n in range(1, 13) for j in ((), ("--json",))]
    monkeypatch.setenv("SAMDRIFT_CACHE", "0")
    uden = [samdrift("-C", m, *k) for k in kommandoer]
    assert any(r.kode == 1 for r in uden) and any(r.kode == 0 for r in uden) and any(r.stderr for r in uden)
    monkeypatch.setenv("SAMDRIFT_CACHE", str(tmp_path / "cache"))
    kald = _taeller(monkeypatch)  # loading the folder
    for _ in range(2):
        med = [samdrift("-C", m, *k) for k in kommandoer]
        assert [(r.kode, r.stdout, r.stderr) for r in med] == [(r.kode, r.stdout, r.stderr) for r in uden]
    assert len(kald) == 1
    # an invalid folder is never judged nor cached: its errors are told every time
    (m / "model.yaml").write_text("konti: [\n", encoding="utf-8")
    for _ in range(2):
        r = samdrift("-C", m, "status")
        assert r.kode == 2 and r.stderr.startswith("model.yaml:")
    assert len(kald) == 3


def test_gamle_poster_ryddes_op_brugte_bevares(tmp_path, samdrift, monkeypatch):
    import os
    import time

    from samdrift_cli import mellemlager

    monkeypatch.setenv("SAMDRIFT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(mellemlager, "_ryddet", set())
    m = tmp_path / "m"
    shutil.copytree(EKSEMPEL, m)
    assert samdrift("-C", m, "check").kode == 0
    (brugt,) = (tmp_path / "cache" / "check").iterdir()
    gammel = tmp_path / "cache" / "check" / "gammel.json"
    gammel.write_text("{}", encoding="utf-8")
    for f in (brugt, gammel):
        os.utime(f, (time.time() - 90 * 86400,) * 2)
    assert samdrift("-C", m, "check").kode == 0  # a hit: marked as used
    monkeypatch.setattr(mellemlager, "_ryddet", set())  # a new process
    (m / "modell.yaml").write_text("x: 1\n", encoding="utf-8")
    assert samdrift("-C", m, "check").kode == 1  # a miss: written, and the unused entries go
    assert brugt.exists() and not gammel.exists()
    assert len(list((tmp_path / "cache" / "check").iterdir())) == 2


def test_uden_hjemmemappe_intet_mellemlager(tmp_path, monkeypatch):
    from samdrift_cli import mellemlager

    monkeypatch.delenv("SAMDRIFT_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(mellemlager.os.path, "expanduser", lambda p: p)  # '~' stays '~'
    assert mellemlager.rodmappe() is None and mellemlager.noegle(EKSEMPEL) is None
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert mellemlager.rodmappe() == tmp_path / "samdrift"


# -- the records of valid YAML files -------------------------------------------------------


def test_uaendrede_yamlfiler_fra_mellemlageret(tmp_path, samdrift, monkeypatch):
    """Only tidsregistrering.csv changed: the YAML files are neither parsed nor validated again,
    and the result is the one without any cache."""
    monkeypatch.setenv("SAMDRIFT_CACHE", str(tmp_path / "cache"))
    m = tmp_path / "m"
    shutil.copytree(EKSEMPEL, m)
    kald = _taeller(monkeypatch, "samdrift_cli.indlaesning", "_laes_fil")
    samdrift("-C", m, "fordeling", "--json")
    assert len(kald) == 11
    csv = m / "tidsregistrering.csv"
    csv.write_text(csv.read_text(encoding="utf-8") + "2025-06-02;Ny;Pærebakken;10;renhold\n", encoding="utf-8")
    gemt = samdrift("-C", m, "fordeling", "--mod-timer", "--json")
    assert len(kald) == 11
    # one file changed: only it is read again
    aftale = m / "aftale.yaml"
    aftale.write_text(aftale.read_text(encoding="utf-8") + "# en kommentar\n", encoding="utf-8")
    assert samdrift("-C", m, "fordeling", "--mod-timer", "--json").stdout == gemt.stdout
    assert len(kald) == 12 and kald[-1][2] == "aftale.yaml"
    monkeypatch.setenv("SAMDRIFT_CACHE", "0")
    assert samdrift("-C", m, "fordeling", "--mod-timer", "--json").stdout == gemt.stdout


def test_krydstjek_i_en_fil_fra_mellemlageret_peger_paa_linjen(tmp_path, samdrift, monkeypatch):
    """A file from the cache has no positions until a finding needs one: then they are parsed
    from its text, so the finding points where it does without the cache."""
    m = tmp_path / "m"
    shutil.copytree(EKSEMPEL, m)
    model = m / "model.yaml"
    # valid by itself; the andele summing to 99 % is a cross-check
    model.write_text(model.read_text(encoding="utf-8").replace("andele: {aeblegaarden: 15, paerebakken: 85}",
                                                               "andele: {aeblegaarden: 15, paerebakken: 84}"), encoding="utf-8")
    monkeypatch.setenv("SAMDRIFT_CACHE", "0")
    uden = samdrift("-C", m, "check")
    assert uden.kode == 2 and "summer til 99 %" in uden.stderr
    monkeypatch.setenv("SAMDRIFT_CACHE", str(tmp_path / "cache"))
    assert samdrift("-C", m, "check").stderr == uden.stderr
    kald = _taeller(monkeypatch, "samdrift_cli.indlaesning", "_laes_fil")
    aftale = m / "aftale.yaml"  # the folder changed, model.yaml did not: it comes from the cache
    aftale.write_text(aftale.read_text(encoding="utf-8") + "# en kommentar\n", encoding="utf-8")
    assert samdrift("-C", m, "check").stderr == uden.stderr
    assert [k[2] for k in kald] == ["aftale.yaml"]


def test_oedelagt_eller_fremmed_fil_i_mellemlageret_laeses_forfra(tmp_path, samdrift, monkeypatch):
    import os

    monkeypatch.setenv("SAMDRIFT_CACHE", str(tmp_path / "cache"))
    m = tmp_path / "m"
    shutil.copytree(EKSEMPEL, m)
    frisk = samdrift("-C", m, "fordeling", "--json").stdout
    poster = sorted((tmp_path / "cache" / "filer").iterdir())
    assert len(poster) == 11
    kald = _taeller(monkeypatch, "samdrift_cli.indlaesning", "_laes_fil")
    for i, indhold in enumerate((b"\x80\x05ikke en pickle", b"", pickle.dumps(("tekst", [], None)), pickle.dumps([1]))):
        for p in poster:
            p.write_bytes(indhold)
        (m / "tidsregistrering.csv").write_text((m / "tidsregistrering.csv").read_text(encoding="utf-8") + "\n")
        assert samdrift("-C", m, "fordeling", "--json").stdout == frisk
        assert len(kald) == 11 * (i + 1)
    # a pickle others may write is never read (reading one runs the code it names)
    if hasattr(os, "getuid"):
        for p in poster:
            os.chmod(p, 0o666)
        (m / "tidsregistrering.csv").write_text((m / "tidsregistrering.csv").read_text(encoding="utf-8") + "\n")
        assert samdrift("-C", m, "fordeling", "--json").stdout == frisk
        assert len(kald) == 11 * 5


def test_fordeling_efter_ny_tidsregistrering_importerer_hverken_yaml_eller_pydantic(tmp_path):
    """The point of the cache of files: a changed tidsregistrering.csv is the one file that
    changes by itself (a new export each month); reading it must not cost the YAML parser and
    pydantic-core their import."""
    import os
    import subprocess
    import sys

    m = tmp_path / "m"
    shutil.copytree(EKSEMPEL, m)
    miljoe = {**os.environ, "SAMDRIFT_CACHE": str(tmp_path / "cache")}
    program = ("import sys; from samdrift_cli.cli import main\n"
               "try:\n    main(['-C', sys.argv[1], 'fordeling', '--json'])\nexcept SystemExit as e:\n    kode = e.code\n"
               "print(kode, sorted(m for m in ('yaml', 'pydantic_core', 'pydantic') if m in sys.modules), file=sys.stderr)")
    koer = lambda: subprocess.run([sys.executable, "-c", program, str(m)], env=miljoe, capture_output=True, text=True)
    assert "'pydantic_core', 'yaml'" in koer().stderr  # the first time they read the files
    csv = m / "tidsregistrering.csv"
    csv.write_text(csv.read_text(encoding="utf-8") + "2025-06-02;Ny;Pærebakken;10;renhold\n", encoding="utf-8")
    assert koer().stderr.strip().endswith("0 []")


def test_det_pickle_ikke_kan_navngive_gemmes_ikke(tmp_path, monkeypatch):
    """A value pickle cannot name (a function made at run time) is not kept, and nothing fails."""
    from samdrift_cli import mellemlager
    from samdrift_cli.skemaer import poster

    monkeypatch.setenv("SAMDRIFT_CACHE", str(tmp_path / "cache"))
    assert poster.som_pickle((lambda: 1,)) is None
    assert pickle.loads(poster.som_pickle(("tekst", [1]))) == ("tekst", [1])
    mellemlager.gem_pickle("filer", "noegle", poster.som_pickle((lambda: 1,)))
    assert not (tmp_path / "cache" / "filer" / "noegle.pickle").exists()
    mellemlager.gem_pickle("filer", "noegle", poster.som_pickle(("tekst", [1])))
    assert mellemlager.hent_pickle("filer", "noegle") == ("tekst", [1])
