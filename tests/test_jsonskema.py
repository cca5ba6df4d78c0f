"""Editor schemas: draft-07, Danish descriptions, and every example file validates with a standard validator."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from jsonschema import Draft7Validator

from conftest import EKSEMPEL
from samdrift_cli.skemaer.jsonskema import json_skema
from samdrift_cli.skemaer import FILNAVNE
from samdrift_cli.indlaesning.yamlkilde import laes_yaml


def _som_json(v):
    """YAML values as the YAML language server sees them."""
    if isinstance(v, dict):
        return {k: _som_json(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_som_json(x) for x in v]
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, Decimal):
        return float(v)
    return v


@pytest.mark.parametrize("filnavn", FILNAVNE)
def test_eksemplets_filer_er_gyldige_efter_skemaet(filnavn):
    skema = json_skema(filnavn)
    assert skema["$schema"] == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(skema)
    assert "$defs" not in json.dumps(skema)
    data = _som_json(laes_yaml(EKSEMPEL / filnavn, filnavn).data)
    fejl = sorted(Draft7Validator(skema).iter_errors(data), key=str)
    assert not fejl, [f"{list(e.path)}: {e.message}" for e in fejl]


@pytest.mark.parametrize("filnavn", FILNAVNE)
def test_stavefejl_fanges_af_skemaet(filnavn):
    skema = json_skema(filnavn)
    assert skema.get("additionalProperties") is False
    data = _som_json(laes_yaml(EKSEMPEL / filnavn, filnavn).data)
    data["stavefejl"] = 1
    assert any("stavefejl" in e.message for e in Draft7Validator(skema).iter_errors(data))


def test_graenser_er_med_i_skemaet():
    """A lower bound reaches the editor as JSON Schema's own keyword (pydantic's 'gt' on an anyOf
    is no keyword there, and an editor would let 0 m² through)."""
    data = _som_json(laes_yaml(EKSEMPEL / "samdrift.yaml", "samdrift.yaml").data)
    data["afdelinger"][0]["areal_m2"] = 0
    fejl = list(Draft7Validator(json_skema("samdrift.yaml")).iter_errors(data))
    assert [list(e.path) for e in fejl] == [["afdelinger", 0, "areal_m2"]]
    assert "exclusiveMinimum" in [e.validator for e in fejl[0].context]


def test_danske_beskrivelser():
    skema = json_skema("model.yaml")
    konto = skema["definitions"]["Konto"]["properties"]
    assert konto["med"]["description"] == "Indgår kontoen i samdriften? ('sæt X')"
    assert skema["title"].startswith("model.yaml: Samdriftsmodel")


def test_schema_kommandoen(tmp_path, samdrift):
    r = samdrift("schema", "--ud", tmp_path / "s")
    assert r.kode == 0
    assert sorted(p.name for p in (tmp_path / "s").iterdir() if not p.name.startswith(".")) == sorted(f.replace(".yaml", ".schema.json") for f in FILNAVNE)


def test_eksempel_og_skabeloner_peger_paa_skemaerne():
    from samdrift_cli.skabeloner import skabelonmappe

    for filnavn in FILNAVNE:
        linje = f"# yaml-language-server: $schema=.samdrift/schemas/{filnavn.replace('.yaml', '.schema.json')}"
        assert (EKSEMPEL / filnavn).read_text(encoding="utf-8").startswith(linje)
        assert (skabelonmappe() / "init" / filnavn).read_text(encoding="utf-8").startswith(linje)


def test_eksemplets_skemaer_er_opdaterede():
    """The example's editor schemas are the ones `samdrift schema` writes today."""
    from samdrift_cli.skemaer.jsonskema import skema_tekster

    for navn, tekst in skema_tekster().items():
        assert (EKSEMPEL / ".samdrift" / "schemas" / navn).read_text(encoding="utf-8") == tekst, \
            "kør: samdrift -C examples/aeblegaarden_paerebakken schema"
