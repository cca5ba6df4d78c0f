"""The compiled validators in the cache: read back, they validate exactly as the models do."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from conftest import EKSEMPEL
from samdrift_cli.skemaer import FILNAVNE, skemaklasse
from samdrift_cli.skemaer import validatorer
from samdrift_cli.yamlkilde import laes_yaml


@pytest.fixture
def mellemlager(tmp_path, monkeypatch):
    """A fresh cache folder; returns the file the validators are kept in."""
    monkeypatch.setenv("SAMDRIFT_CACHE", str(tmp_path / "cache"))
    validatorer._validatorer.cache_clear()
    yield validatorer.fil(tmp_path / "cache" / validatorer.ART)
    validatorer._validatorer.cache_clear()


def _fra_filen(fil):
    """The validators as a later process gets them: read from ``fil``."""
    assert fil.is_file()
    validatorer._validatorer.cache_clear()
    alle = {f: validatorer.validator(f) for f in FILNAVNE}
    for f, v in alle.items():  # not the ones this process built
        assert v is not skemaklasse(f).__pydantic_validator__
    return alle


# data the schemas refuse, one kind per case (the error catalogue covers the messages)
FORKERTE = {
    "samdrift.yaml": [
        {"navn": "X", "afdelinger": [{"id": "A B", "navn": "Alfa", "lejemaal": "mange"}]},
        {"navn": True, "afdelinger": [], "ukendt": 1},
        {"afdelinger": [{"id": "a", "navn": "Alfa", "lejemaal": -1, "etableret": "31-02-2024"}]},
    ],
    "model.yaml": [
        {"fordelingsnoegler": [{"id": "k", "navn": "K", "type": "andele", "andele": {"a": "x"}}]},
        {"konti": [{"nummer": 1.5, "navn": None, "beloeb": "12,345"}]},
    ],
    "milepaele.yaml": [{"milepaele": {"1": {"afkrydset": ["x"], "dato": "i går"}}}],
}


def test_laest_fra_filen_validerer_som_modellerne(mellemlager):
    assert not mellemlager.exists()
    validatorer.validator("samdrift.yaml")  # compiled and stored
    alle = _fra_filen(mellemlager)
    for f in FILNAVNE:
        dok = laes_yaml(EKSEMPEL / f, f)
        klasse = skemaklasse(f)
        assert alle[f].validate_python(dok.data) == klasse.model_validate(dok.data)
    for f, eksempler in FORKERTE.items():
        for data in eksempler:
            with pytest.raises(ValidationError) as fra_fil:
                alle[f].validate_python(data)
            with pytest.raises(ValidationError) as model:
                skemaklasse(f).model_validate(data)
            assert fra_fil.value.errors() == model.value.errors()


def test_beskadiget_fil_bygges_igen(mellemlager):
    from samdrift_cli.indlaesning import indlaes

    validatorer.validator("samdrift.yaml")
    for indhold in (b"", b"ikke en pickle", b"\x80\x05K\x01."):  # empty, garbage, a pickled int
        mellemlager.write_bytes(indhold)
        validatorer._validatorer.cache_clear()
        mappe = indlaes(EKSEMPEL)
        assert mappe.gyldig and len(mappe.modeller) == len(FILNAVNE)
        assert mellemlager.read_bytes() != indhold  # built again and stored
        _fra_filen(mellemlager)


def test_uden_mellemlager_bygges_de_i_processen(monkeypatch, samdrift):
    monkeypatch.setenv("SAMDRIFT_CACHE", "0")
    assert samdrift("-C", EKSEMPEL, "check").kode == 0
    assert validatorer.validator("model.yaml") is skemaklasse("model.yaml").__pydantic_validator__


def test_navnet_skifter_med_koden_og_versionerne(tmp_path, monkeypatch):
    import pydantic_core

    foer = validatorer.fil(tmp_path)
    monkeypatch.setattr(pydantic_core, "__version__", pydantic_core.__version__ + ".1")
    assert validatorer.fil(tmp_path) != foer
    monkeypatch.undo()
    monkeypatch.setattr(validatorer.mellemlager, "kodeaftryk", lambda: "en anden kode")
    assert validatorer.fil(tmp_path) != foer


def test_gamle_versioners_filer_ryddes_op(mellemlager, monkeypatch):
    import os
    import time

    from samdrift_cli import mellemlager as ml

    monkeypatch.setattr(ml, "_ryddet", set())
    validatorer.validator("samdrift.yaml")
    gammel = mellemlager.with_name("validatorer-en-tidligere-version.pickle")
    gammel.write_bytes(b"")
    for f in (mellemlager, gammel):
        os.utime(f, (time.time() - 90 * 86400,) * 2)
    _fra_filen(mellemlager)  # a hit marks the file as used
    assert time.time() - mellemlager.stat().st_mtime < 3600
    monkeypatch.setattr(ml, "_ryddet", set())  # a new process, after an update of samdrift
    monkeypatch.setattr(ml, "kodeaftryk", lambda: "den nye version")
    validatorer._validatorer.cache_clear()
    validatorer.validator("samdrift.yaml")
    assert mellemlager.exists() and not gammel.exists()
    assert len(list(mellemlager.parent.iterdir())) == 2


@pytest.mark.skipif(not hasattr(__import__("os"), "getuid"), reason="POSIX-rettigheder")
def test_en_fil_andre_kan_skrive_laeses_ikke(mellemlager, monkeypatch):
    import os
    import stat

    validatorer.validator("samdrift.yaml")
    assert stat.S_IMODE(mellemlager.stat().st_mode) == 0o600
    mellemlager.chmod(0o664)  # group-writable: someone else may have put code in it
    validatorer._validatorer.cache_clear()
    assert validatorer.validator("samdrift.yaml") is skemaklasse("samdrift.yaml").__pydantic_validator__
    assert stat.S_IMODE(mellemlager.stat().st_mode) == 0o600  # built again and stored as the user's own
    mig = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: mig + 1)  # the file belongs to another user
    validatorer._validatorer.cache_clear()
    assert validatorer.validator("samdrift.yaml") is skemaklasse("samdrift.yaml").__pydantic_validator__
    monkeypatch.undo()
    _fra_filen(mellemlager)
