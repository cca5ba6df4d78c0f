"""Every message Danish (#33): a corpus of wrong invocations and damaged files, and no English in what
samdrift prints about them (from click, openpyxl, zipfile, ruamel, csv or the OS)."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import EKSEMPEL, MINIMAL_SAMDRIFT, byg_mappe

ENGELSK = re.compile(r"\b(?:the|is not|does not|invalid|error|Error|Usage|Missing|Got|unexpected|expected|File|No such|"
                     r"Traceback|cannot|found)\b")


def _fri_for_engelsk(tekst: str) -> None:
    # user text and file names may be anything; the words samdrift writes around them are Danish
    fund = ENGELSK.findall(tekst)
    assert not fund, (fund, tekst[:800])


KALD = [("status", "x", "y"), ("check", "milepael", "13"), ("check", "milepael", "x"), ("fordeling", "--noegle"),
        ("export", "--ukendt"), ("import", "budget"), ("import", "regnskab", "x.xlsx"), ("opfoelgning", "--aar", "abc"),
        ("afkryds", "2"), ("afkryds", "2", "--opgave", "9", "--leverance", "1"), ("ukendt",), ("vejledning", "0"),
        ("kalender", "a", "b"), ("init",), ("oversigt", "/findes/ikke")]


@pytest.mark.parametrize("args", KALD, ids=[" ".join(a) for a in KALD])
def test_forkerte_kald_giver_danske_beskeder(samdrift, args):
    r = samdrift("-C", EKSEMPEL, *args)
    assert r.kode == 2, (args, r.stdout)
    _fri_for_engelsk(r.stderr)


@pytest.mark.parametrize("indhold", [b"ikke en zip", b"PK\x03\x04beskadiget", b"", b"\xff\xfe" + "Konto;Budget".encode("utf-16-le")])
@pytest.mark.parametrize("navn", ["budget.xlsx", "budget.csv"])
def test_beskadigede_filer_giver_danske_beskeder(tmp_path, samdrift, navn, indhold):
    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT, "model.yaml": "konti: []\n"})
    (tmp_path / navn).write_bytes(indhold)
    r = samdrift("-C", m, "import", "budget", tmp_path / navn)
    assert r.kode == 2
    _fri_for_engelsk(r.stderr)
    shutil.copy(tmp_path / navn, m / ("tidsregistrering" + (".xlsx" if navn.endswith("xlsx") else ".csv")))
    r = samdrift("-C", m, "check")
    assert r.kode == 2
    _fri_for_engelsk(r.stderr)


@pytest.mark.parametrize("yaml", ["navn: [x\n", "navn: 'x\n", "a:\n\t- b\n", "navn: x\nnavn: y\n", "- x\n", "navn: !!python/object x\n"])
def test_yaml_fejl_er_danske(tmp_path, samdrift, yaml):
    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT, "model.yaml": yaml})
    r = samdrift("-C", m, "check")
    assert r.kode == 2
    _fri_for_engelsk(r.stderr)
