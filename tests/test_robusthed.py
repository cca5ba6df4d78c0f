"""Half-edited files never crash samdrift: random edits of the example give exit 0, 1 or 2 and no traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EKSEMPEL, MINIMAL_SAMDRIFT, byg_mappe

FILER = sorted(p.name for p in EKSEMPEL.iterdir() if p.suffix in (".yaml", ".csv"))
TEGN = [":", " ", "-", '"', "[", "{", "0", "x", "\t", ",", "#", "&a", "*a", "æ", "\\"]

redigering = st.tuples(st.sampled_from(FILER), st.integers(0, 10_000), st.integers(0, 200),
                       st.sampled_from(["slet", "dobbelt", "tegn"]), st.sampled_from(TEGN))


@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(redigering, min_size=1, max_size=3))
def test_tilfaeldige_redigeringer(tmp_path_factory, samdrift, redigeringer):
    m = tmp_path_factory.mktemp("r") / "m"
    shutil.copytree(EKSEMPEL, m)
    for fil, linje, kolonne, art, tegn in redigeringer:
        linjer = (m / fil).read_text(encoding="utf-8").split("\n")
        i = linje % len(linjer)
        if art == "slet":
            del linjer[i]
        elif art == "dobbelt":
            linjer.insert(i, linjer[(i * 7) % len(linjer)])
        else:
            j = kolonne % (len(linjer[i]) + 1)
            linjer[i] = linjer[i][:j] + tegn + linjer[i][j + 1:]
        (m / fil).write_text("\n".join(linjer), encoding="utf-8")
    for args in (["check"], ["status", "--json"], ["fordeling", "--json"], ["check", "milepael", "12"],
                 ["export", "--md", "dok"], ["fordeling", "--mod-timer"]):
        r = samdrift("-C", m, *args)
        assert r.kode in (0, 1, 2)
        if r.kode == 2:
            assert r.fejllinjer and all(": fejl: " in l or ": advarsel: " in l or l.startswith("Se '") or ": fejl:" in l
                                        for l in r.fejllinjer), r.stderr


def test_en_lang_linje_vises_som_et_udsnit_om_kolonnen(tmp_path, samdrift):
    # a minified or generated file: the excerpt shows 120 characters around the culprit, not 10.000
    m = byg_mappe(tmp_path, {"samdrift.yaml": MINIMAL_SAMDRIFT, "model.yaml": "x: " + "[" * 5000 + "]" * 5000 + "\n"})
    r = samdrift("-C", m, "check")
    assert r.kode == 2
    overskrift, kilde, pil = r.stderr.splitlines()[:3]
    assert overskrift.startswith("model.yaml:1:1003: fejl: YAML-syntaksfejl: værdierne er indlejret for dybt")
    assert kilde == "  1 | …" + "[" * 120 + "…"
    assert pil.index("^") - pil.index("|") - 2 == 1 + 60  # under column 1003: the 61st character after '…'


def test_en_fil_med_tusinder_af_fund_deles_kun_i_linjer_en_gang():
    """Each finding shows its source line; splitting the file again for each of 10.000 findings
    made a file with many errors take seconds (quadratic)."""
    from samdrift_cli.indlaesning.yamlkilde import YamlDokument

    dok = YamlDokument("model.yaml", Path("model.yaml"), "konti:\n" + "  - {konto: 1}\n" * 10)
    assert dok.linjer is dok.linjer
    assert dok.kildelinje(3) == "  - {konto: 1}"


def test_en_byte_der_ikke_er_utf8_i_yaml_naevnes_paa_linje_og_kolonne_ved_alle_linjeslut():
    from samdrift_cli.indlaesning.yamlkilde import tekst_fra_raa

    for slut in (b"\n", b"\r\n", b"\r"):
        tekst, fund = tekst_fra_raa(slut.join([b"\xef\xbb\xbfnavn: x", b"konti: []", b"start: \xe6"]) + slut, "model.yaml")
        assert tekst is None
        assert [(f.linje, f.kolonne) for f in fund] == [(3, 8)]
