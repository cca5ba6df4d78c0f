"""The check cache: a hit never loads the files again, a change in any byte is a miss, and it can be turned off."""

from __future__ import annotations

import shutil

from conftest import EKSEMPEL


def _taeller(monkeypatch):
    import samdrift_cli.indlaesning as ind

    kald = []
    original = ind.indlaes

    def indlaes(*a, **k):
        kald.append(a)
        return original(*a, **k)

    monkeypatch.setattr(ind, "indlaes", indlaes)
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
