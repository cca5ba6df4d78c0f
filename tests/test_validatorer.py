"""The validators: from kerneskemaer.py or compiled into the cache, they fill records exactly as the
models validate; kerneskemaer.py is what the models give, and is used only when it fits."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from pydantic import BaseModel, ValidationError

from conftest import EKSEMPEL, ROD
from samdrift_cli.skemaer import FILNAVNE, poster, skemaklasse, validatorer
from samdrift_cli.yamlkilde import laes_yaml


@pytest.fixture
def mellemlager(tmp_path, monkeypatch):
    """A fresh cache folder; returns the file the validators are kept in."""
    monkeypatch.setenv("SAMDRIFT_CACHE", str(tmp_path / "cache"))
    validatorer._validatorer.cache_clear()
    yield validatorer.fil(tmp_path / "cache" / validatorer.ART)
    validatorer._validatorer.cache_clear()


@pytest.fixture
def bygninger(monkeypatch):
    """Counts the validators built in this process (rather than read from the cache), with
    kerneskemaer.py not used, as with another pydantic than the one it was generated with."""
    monkeypatch.setattr(validatorer, "_fra_kilden", lambda: None)
    return _taelte_bygninger(monkeypatch)


def _taelte_bygninger(monkeypatch) -> list[str]:
    kald: list[str] = []
    original = validatorer._bygget

    def bygget(filnavn):
        kald.append(filnavn)
        return original(filnavn)

    monkeypatch.setattr(validatorer, "_bygget", bygget)
    return kald


def _fra_filen(fil, bygninger):
    """The validators as a later process gets them: read from ``fil``, none built."""
    assert fil.is_file()
    validatorer._validatorer.cache_clear()
    foer = len(bygninger)
    alle = {f: validatorer.validator(f) for f in FILNAVNE}
    assert len(bygninger) == foer
    return alle


def som_data(x):
    """A record or a pydantic model as plain data: its class name and fields, all the way down."""
    if isinstance(x, (poster.Post, BaseModel)):
        return {"": type(x).__name__, **{k: som_data(v) for k, v in vars(x).items()}}
    if isinstance(x, list):
        return [som_data(v) for v in x]
    if isinstance(x, dict):
        return {k: som_data(v) for k, v in x.items()}
    return x


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


def test_laest_fra_filen_fylder_poster_som_modellerne(mellemlager, bygninger):
    assert not mellemlager.exists()
    validatorer.validator("samdrift.yaml")  # compiled and stored
    assert sorted(bygninger) == sorted(FILNAVNE)
    _som_modellerne(_fra_filen(mellemlager, bygninger))


def _kilden_passer() -> bool:
    """Was kerneskemaer.py generated with the pydantic and pydantic-core installed here?"""
    import pydantic_core
    from pydantic.version import VERSION

    from samdrift_cli.skemaer import kerneskemaer

    return (kerneskemaer.PYDANTIC, kerneskemaer.PYDANTIC_CORE) == (VERSION, pydantic_core.__version__)


kun_med_kildens_pydantic = pytest.mark.skipif(not _kilden_passer(), reason="kerneskemaer.py er lavet med en anden pydantic")


def test_kerneskemaer_er_dem_modellerne_giver():
    """kerneskemaer.py is the file the generator writes today; with another pydantic than the one it
    was generated with, it is not used."""
    from samdrift_cli.skemaer import generer_kerneskemaer, kerneskemaer

    if not _kilden_passer():
        assert validatorer._fra_kilden() is None
        return
    assert generer_kerneskemaer.MAAL.read_text(encoding="utf-8") == generer_kerneskemaer.kildekode(), \
        "kør: python -m samdrift_cli.skemaer.generer_kerneskemaer"
    assert kerneskemaer.SKEMAAFTRYK == validatorer.skemaaftryk()
    skemaer = kerneskemaer.skemaer()
    assert skemaer == generer_kerneskemaer.kerneskemaer()
    for s in skemaer.values():  # pydantic-core reads the shared parts without changing them
        validatorer.SchemaValidator(s)
    assert skemaer == kerneskemaer.skemaer()


@kun_med_kildens_pydantic
def test_fra_kilden_fylder_poster_som_modellerne(monkeypatch):
    monkeypatch.setenv("SAMDRIFT_CACHE", "0")
    validatorer._validatorer.cache_clear()
    kald = _taelte_bygninger(monkeypatch)
    try:
        alle = {f: validatorer.validator(f) for f in FILNAVNE}
    finally:
        validatorer._validatorer.cache_clear()
    assert kald == []
    _som_modellerne(alle)


@kun_med_kildens_pydantic
@pytest.mark.parametrize("navn, vaerdi", [("SKEMAAFTRYK", "fra en ældre udgave af skemaerne"),
                                          ("PYDANTIC", "2.0.0"), ("PYDANTIC_CORE", "2.0.0"),
                                          ("skemaer", lambda: {f: {"type": "ukendt"} for f in FILNAVNE}),
                                          ("skemaer", lambda: {"samdrift.yaml": {"type": "any"}})])
def test_en_kilde_der_ikke_passer_bruges_ikke(monkeypatch, navn, vaerdi):
    from samdrift_cli.skemaer import kerneskemaer

    monkeypatch.setenv("SAMDRIFT_CACHE", "0")
    assert validatorer._fra_kilden() is not None
    monkeypatch.setattr(kerneskemaer, navn, vaerdi)
    assert validatorer._fra_kilden() is None
    kald = _taelte_bygninger(monkeypatch)
    validatorer._validatorer.cache_clear()
    try:
        assert type(validatorer.validator("model.yaml").validate_python({})).__name__ == "ModelFil"
    finally:
        validatorer._validatorer.cache_clear()
    assert sorted(kald) == sorted(FILNAVNE)


def test_uden_kilden_bruges_den_ikke(monkeypatch):
    import samdrift_cli.skemaer

    monkeypatch.setitem(sys.modules, "samdrift_cli.skemaer.kerneskemaer", None)  # as if not installed
    monkeypatch.delattr(samdrift_cli.skemaer, "kerneskemaer", raising=False)
    assert validatorer._fra_kilden() is None


def test_definitionernes_navne_er_de_samme_hver_gang():
    """pydantic names a definition by its class and the class's id; the copy drops the id, and
    two definitions that would then share a name are kept apart."""
    skema = {"type": "definitions", "schema": {"type": "definition-ref", "schema_ref": "m.A:17"},
             "definitions": [{"type": "int", "ref": "m.A:17"}, {"type": "str", "ref": "m.A:42"}],
             "metadata": {"pydantic_js_functions": []}}
    assert validatorer._med_poster(skema, BaseModel, {}) == {
        "type": "definitions", "schema": {"type": "definition-ref", "schema_ref": "m.A"},
        "definitions": [{"type": "int", "ref": "m.A"}, {"type": "str", "ref": "m.A#2"}]}
    assert validatorer.kerneskema("evaluering.yaml")["definitions"][0]["ref"] == "samdrift_cli.skemaer.model.Periode"


def test_pydantics_version_uden_at_importere_pydantic(monkeypatch):
    import importlib.util

    import pydantic

    assert validatorer.pydantic_er(pydantic.VERSION) and not validatorer.pydantic_er("2.0.0")
    kode = ("import sys\nfrom samdrift_cli.skemaer.validatorer import pydantic_er\n"
            f"print(pydantic_er({pydantic.VERSION!r}), 'pydantic' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROD)})
    assert r.stdout.split() == ["True", "False"], r.stderr
    # no metadata folder to be found (another kind of install): pydantic itself tells
    monkeypatch.setattr(importlib.util, "find_spec", lambda navn: None)
    assert validatorer.pydantic_er(pydantic.VERSION) and not validatorer.pydantic_er("2.0.0")


def _som_modellerne(alle) -> None:
    """The validators ``alle`` give records with the models' fields, and the models' errors."""
    for f in FILNAVNE:
        dok = laes_yaml(EKSEMPEL / f, f)
        post, model = alle[f].validate_python(dok.data), skemaklasse(f).model_validate(dok.data)
        assert isinstance(post, poster.Post) and not isinstance(post, BaseModel)
        assert som_data(post) == som_data(model)
        assert post == alle[f].validate_python(dok.data) and post != model
    for f, eksempler in FORKERTE.items():
        for data in eksempler:
            with pytest.raises(ValidationError) as fra_fil:
                alle[f].validate_python(data)
            with pytest.raises(ValidationError) as model:
                skemaklasse(f).model_validate(data)
            assert fra_fil.value.errors() == model.value.errors()


def test_posterne_har_skemaklassernes_adfaerd():
    from samdrift_cli.skemaer.vaerdier import tom

    ia = validatorer.validator("interessenter.yaml").validate_python(
        {"interessenter": [{"id": "a", "navn": "A", "indflydelse": "stor", "deltagelse": "noedvendig"}, {"id": "b", "navn": "B"}]})
    assert [x.kvadrant for x in ia.interessenter] == ["ressourcepersoner", None]
    oplaeg = validatorer.validator("oplaeg.yaml")
    assert tom(oplaeg.validate_python({"formaal": {"samlet": " ", "afdelinger": {"a": ""}}}).formaal)
    assert not tom(oplaeg.validate_python({"formaal": "billigere drift"}).formaal)
    assert repr(ia.interessenter[1]).startswith("Interessent(id='b', navn='B', ")
    with pytest.raises(TypeError):
        hash(ia)
    assert ia != "InteressenterFil" and ia.interessenter[0] != ia.interessenter[1]


def test_beskadiget_fil_bygges_igen(mellemlager, bygninger):
    from samdrift_cli.indlaesning import indlaes

    validatorer.validator("samdrift.yaml")
    for indhold in (b"", b"ikke en pickle", b"\x80\x05K\x01."):  # empty, garbage, a pickled int
        mellemlager.write_bytes(indhold)
        validatorer._validatorer.cache_clear()
        del bygninger[:]
        mappe = indlaes(EKSEMPEL)
        assert mappe.gyldig and len(mappe.modeller) == len(FILNAVNE)
        assert sorted(bygninger) == sorted(FILNAVNE)
        assert mellemlager.read_bytes() != indhold  # built again and stored
        _fra_filen(mellemlager, bygninger)


def test_uden_mellemlager_bygges_de_i_processen(monkeypatch, samdrift, bygninger):
    monkeypatch.setenv("SAMDRIFT_CACHE", "0")
    assert samdrift("-C", EKSEMPEL, "check").kode == 0
    assert sorted(bygninger) == sorted(FILNAVNE)
    # the same kind of objects as from the cache
    assert type(validatorer.validator("model.yaml").validate_python({})).__bases__ == (poster.Post,)


def test_navnet_skifter_med_koden_og_versionerne(tmp_path, monkeypatch):
    import pydantic_core

    foer = validatorer.fil(tmp_path)
    monkeypatch.setattr(pydantic_core, "__version__", pydantic_core.__version__ + ".1")
    assert validatorer.fil(tmp_path) != foer
    monkeypatch.undo()
    monkeypatch.setattr(validatorer.mellemlager, "kodeaftryk", lambda: "en anden kode")
    assert validatorer.fil(tmp_path) != foer


def test_gamle_versioners_filer_ryddes_op(mellemlager, monkeypatch, bygninger):
    from samdrift_cli import mellemlager as ml

    monkeypatch.setattr(ml, "_ryddet", set())
    validatorer.validator("samdrift.yaml")
    gammel = mellemlager.with_name("validatorer-en-tidligere-version.pickle")
    gammel.write_bytes(b"")
    for f in (mellemlager, gammel):
        os.utime(f, (time.time() - 90 * 86400,) * 2)
    _fra_filen(mellemlager, bygninger)  # a hit marks the file as used
    assert time.time() - mellemlager.stat().st_mtime < 3600
    monkeypatch.setattr(ml, "_ryddet", set())  # a new process, after an update of samdrift
    monkeypatch.setattr(ml, "kodeaftryk", lambda: "den nye version")
    validatorer._validatorer.cache_clear()
    validatorer.validator("samdrift.yaml")
    assert mellemlager.exists() and not gammel.exists()
    assert len(list(mellemlager.parent.iterdir())) == 2


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX-rettigheder")
def test_en_fil_andre_kan_skrive_laeses_ikke(mellemlager, monkeypatch, bygninger):
    import stat

    validatorer.validator("samdrift.yaml")
    assert stat.S_IMODE(mellemlager.stat().st_mode) == 0o600
    mellemlager.chmod(0o664)  # group-writable: someone else may have put code in it
    validatorer._validatorer.cache_clear()
    del bygninger[:]
    validatorer.validator("samdrift.yaml")
    assert sorted(bygninger) == sorted(FILNAVNE)
    assert stat.S_IMODE(mellemlager.stat().st_mode) == 0o600  # built again and stored as the user's own
    mig = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: mig + 1)  # the file belongs to another user
    validatorer._validatorer.cache_clear()
    del bygninger[:]
    validatorer.validator("samdrift.yaml")
    assert sorted(bygninger) == sorted(FILNAVNE)
    monkeypatch.setattr(os, "getuid", lambda: mig)
    _fra_filen(mellemlager, bygninger)


@pytest.mark.parametrize("med_mellemlager", [True, False])
def test_en_mappe_laeses_uden_pydantics_modeller(tmp_path, med_mellemlager):
    """The point of the records: with the validators from kerneskemaer.py or the cache, reading,
    cross-checking and judging a folder imports neither pydantic's BaseModel nor the schema
    classes; with the cache turned off too (with the pydantic kerneskemaer.py is made with)."""
    if not med_mellemlager and not _kilden_passer():
        pytest.skip("uden mellemlager og med en anden pydantic bygges validatorerne af modellerne")
    kode = ("import sys\n"
            "from samdrift_cli.indlaesning import indlaes\n"
            "from samdrift_cli.milepaele.regler import vurder\n"
            f"m = indlaes(__import__('pathlib').Path({str(EKSEMPEL)!r}))\n"
            "assert m.gyldig, m.fund\n"
            "vurder(m)\n"
            "print(' '.join(sorted(x for x in sys.modules if x.startswith(('pydantic', 'samdrift_cli.skemaer')))))\n")
    miljoe = {**os.environ, "SAMDRIFT_CACHE": str(tmp_path / "cache") if med_mellemlager else "0", "PYTHONPATH": str(ROD)}
    for _ in range(2):  # with another pydantic, the first run builds and stores the validators
        r = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, env=miljoe)
        assert r.returncode == 0, r.stderr
    moduler = r.stdout.split()
    assert "pydantic.main" not in moduler and "pydantic.fields" not in moduler
    if _kilden_passer():  # not even the pydantic package: the validators need only pydantic-core
        assert [m for m in moduler if m.startswith("pydantic") and not m.startswith("pydantic_core")] == []
    assert not [m for m in moduler if m.startswith("samdrift_cli.skemaer.") and m not in (
        "samdrift_cli.skemaer.poster", "samdrift_cli.skemaer.vaerdier", "samdrift_cli.skemaer.validatorer",
        "samdrift_cli.skemaer.kerneskemaer")]
