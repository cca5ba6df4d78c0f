"""Cross-checks of a file with schema errors: what passed is checked in the same run (delvis.py),
and nothing is reported that is only missing because a part with errors was left out."""

from __future__ import annotations

import pytest

from conftest import byg_mappe
from samdrift_cli.indlaesning.delvis import delvis_fil
from samdrift_cli.skemaer import skemaklasse

TO = "navn: x\nafdelinger:\n  - {id: a, navn: A, lejemaal: 1}\n  - {id: b, navn: B, lejemaal: 2}\n"


def _check(samdrift, tmp_path, filer: dict) -> list[str]:
    r = samdrift("-C", byg_mappe(tmp_path / "m", {"samdrift.yaml": TO, **filer}), "check")
    assert r.kode == 2, r.stderr
    return r.fejllinjer


def test_krydstjek_af_resten_af_en_fil_med_fejl(samdrift, tmp_path):
    model = ("fordelingsnoegler:\n"
             "  - {id: kontor, grundlag: fast, andele: {a: 25, b: 74.99}}\n"
             "  - {id: l, grundlag: lejemaal, afdelinger: [a, c]}\n"
             "konti:\n"
             "  - {konto: 114, med: true, noegle: kontr, budget: 100}\n"
             "  - {konto: 115, med: true, noegle: l, budget: abc}\n"
             "  - {konto: 116, med: true, budget: 100}\n")
    assert _check(samdrift, tmp_path, {"model.yaml": model}) == [
        "model.yaml:2:42: fejl: andelene i nøglen 'kontor' summer til 99,99 %; de skal summe til 100 %",
        "model.yaml:3:49: fejl: ukendt afdeling 'c' (afdelingerne i samdrift.yaml: a, b)",
        "model.yaml:5:37: fejl: ukendt fordelingsnøgle 'kontr'; mente du 'kontor'? (se fordelingsnoegler i model.yaml)",
        "model.yaml:6:48: fejl: 'budget': 'abc' er ikke et gyldigt beløb; skriv fx 2450000.50 eller \"2.450.000,50 kr.\" "
        "(i tekst er '.' tusindtalsskilletegn og ',' decimaltegn)",
        "model.yaml:7:5: fejl: konto 116 indgår i samdriften (med: true) og skal have en 'noegle'",
    ]


def test_fundet_peger_paa_den_rigtige_linje_efter_en_udeladt_post(samdrift, tmp_path):
    s = ("navn: x\nafdelinger:\n"
         "  - {id: a, navn: A, lejemaal: 0}\n"
         "  - {id: b, navn: B, lejemaal: 2}\n"
         "  - {id: b, navn: C, lejemaal: 3}\n"
         "  - {id: a, navn: D, lejemaal: 3}\n")
    assert _check(samdrift, tmp_path, {"samdrift.yaml": s}) == [
        "samdrift.yaml:3:32: fejl: 'lejemaal' skal være større end 0, ikke 0",
        "samdrift.yaml:5:10: fejl: afdelings-id 'b' findes allerede (nr. 2 i listen); hvert afdelings-id skal være unikt",
        # the left-out afdeling still has its id
        "samdrift.yaml:6:10: fejl: afdelings-id 'a' findes allerede (nr. 1 i listen); hvert afdelings-id skal være unikt",
    ]


def test_et_gentaget_afdelings_id_er_den_ene_fejl(samdrift, tmp_path):
    """Two afdelinger with one id: which one a reference means is unknown, so the references (in
    the other files, the fast nøgle's andele and the tidsregistrering) are not judged; the cause
    is told once, not buried under follow-on 'ukendt afdeling' errors."""
    s = "navn: x\nafdelinger:\n  - {id: a, navn: A, lejemaal: 1}\n  - {id: a, navn: B, lejemaal: 2}\n"
    filer = {
        "oplaeg.yaml": "beboervalgtes_oensker:\n  - {afdeling: b, vurdering: x}\n  - {afdeling: c, vurdering: y}\n",
        "model.yaml": "fordelingsnoegler:\n  - {id: k, grundlag: fast, andele: {b: 100}}\n"
                      "konti:\n  - {konto: 116, navn: X, med: true, noegle: k, budget: 100}\n",
        "tidsregistrering.csv": "dato;medarbejder;afdeling;timer\n2026-01-05;Ole;b;7\n2026-01-06;Ole;c;7\n",
    }
    assert _check(samdrift, tmp_path / "dublet", {"samdrift.yaml": s, **filer}) == [
        "samdrift.yaml:4:10: fejl: afdelings-id 'a' findes allerede (nr. 1 i listen); hvert afdelings-id skal være unikt",
    ]
    # once the id is put right, the references are judged again
    rettet = s.replace("{id: a, navn: B", "{id: b, navn: B")
    assert _check(samdrift, tmp_path / "rettet", {"samdrift.yaml": rettet, **filer}) == [
        "model.yaml:2:37: advarsel: nøglen 'k' har ingen andel for A, som derfor intet betaler for konto 116; er det meningen?",
        "oplaeg.yaml:3:16: fejl: ukendt afdeling 'c' (afdelingerne i samdrift.yaml: a, b)",
        "tidsregistrering.csv:3: fejl: ukendt afdeling 'c'; brug en afdelings id eller navn fra samdrift.yaml",
    ]


def test_en_udeladt_afdeling_taeller_stadig_med(samdrift, tmp_path):
    """One of two afdelinger has an error: not 'only one afdeling', its id is known in the other
    files, and the tidsregistrering may name it."""
    s = "navn: x\nafdelinger:\n  - {id: a, navn: A, lejemaal: mange}\n  - {id: b, navn: B, lejemaal: 2}\n"
    assert _check(samdrift, tmp_path, {
        "samdrift.yaml": s,
        "oplaeg.yaml": "beboervalgtes_oensker:\n  - {afdeling: a, vurdering: x}\n  - {afdeling: c, vurdering: y}\n",
        "tidsregistrering.csv": "dato;medarbejder;afdeling;timer\n2026-01-05;Ole;A;7\n2026-01-06;Ole;a;7\n2026-13-01;Ole;b;7\n",
    }) == [
        "oplaeg.yaml:3:16: fejl: ukendt afdeling 'c' (afdelingerne i samdrift.yaml: a, b)",
        "samdrift.yaml:3:32: fejl: 'lejemaal' skal være et heltal, ikke 'mange'",
        "tidsregistrering.csv:4: fejl: datoen '2026-13-01' findes ikke i kalenderen",
    ]


def test_en_afdeling_uden_laeseligt_id_standser_henvisningerne(samdrift, tmp_path):
    """An afdeling whose id is not a plain value could be any id: references to afdelinger are
    not checked, and the tidsregistrering waits, rather than report what may be right."""
    s = "navn: x\nafdelinger:\n  - {id: [a], navn: A, lejemaal: 1}\n  - {id: b, navn: B, lejemaal: 2}\n"
    assert _check(samdrift, tmp_path, {
        "samdrift.yaml": s,
        "oplaeg.yaml": "beboervalgtes_oensker:\n  - {afdeling: a, vurdering: x}\n",
        "tidsregistrering.csv": "dato;medarbejder;afdeling;timer\n2026-01-05;Ole;a;7\n",
    }) == ["samdrift.yaml:3:10: fejl: 'id' skal være tekst, ikke en liste"]


@pytest.mark.parametrize("model,forventet", [
    # a misspelt list key may hold the nøgler the konti name: no 'ukendt fordelingsnøgle'
    ("fordelingsnogler:\n  - {id: l, grundlag: lige}\nkonti:\n  - {konto: 1, med: true, noegle: l, budget: 1}\n",
     ["model.yaml:1:1: fejl: ukendt nøgle 'fordelingsnogler'; mente du 'fordelingsnoegler'?"]),
    # a misspelt key in a konto: not also 'skal have en noegle'
    ("fordelingsnoegler:\n  - {id: l, grundlag: lige}\nkonti:\n  - {konto: 1, med: true, noegel: l, budget: 1}\n",
     ["model.yaml:4:27: fejl: ukendt nøgle 'noegel'; mente du 'noegle'?"]),
    # a nøgle left out for its error is still a nøgle the konti may name
    ("fordelingsnoegler:\n  - {id: l, grundlag: kvm}\nkonti:\n  - {konto: 1, med: true, noegle: l, budget: 1}\n",
     ["model.yaml:2:23: fejl: 'grundlag' skal være en af: 'lejemaal', 'areal', 'lige', 'fast', 'timer'; ikke 'kvm'"]),
])
def test_intet_falsk_fund_for_det_udeladte(samdrift, tmp_path, model, forventet):
    assert _check(samdrift, tmp_path, {"model.yaml": model}) == forventet


def test_et_id_med_fejl_er_intet_id(samdrift, tmp_path):
    """'Jens' is not a valid id: the references to 'jens' are not reported as unknown (the user
    will most likely write 'jens'), nor is the list complete for any other reference."""
    assert _check(samdrift, tmp_path, {
        "interessenter.yaml": "interessenter:\n  - {id: Jens, navn: Jens}\n  - {id: ole, navn: Ole}\n",
        "orientering.yaml": "maalgrupper:\n  - {id: g, navn: G, kategori: beboere, interessenter: [jens, ole, kim]}\n",
    }) == ["interessenter.yaml:2:10: fejl: 'Jens' er ikke et gyldigt id; brug kun små bogstaver a-z, tal, '_' og '-' "
           "(æ→ae, ø→oe, å→aa)"]


def test_udeladt_stilling_i_en_tabel_uden_for_lister(samdrift, tmp_path):
    """An error outside any list item leaves out its top-level section; the rest is checked."""
    model = ("organisationsplan:\n  organisering: [x]\n  stillinger:\n    - {id: s, stilling: S, refererer_til: t}\n"
             "fordelingsnoegler:\n  - {id: l, grundlag: lige}\nkonti:\n  - {konto: 1, med: true, noegle: k, budget: 1}\n")
    linjer = _check(samdrift, tmp_path, {"model.yaml": model})
    assert linjer[-1] == "model.yaml:8:35: fejl: ukendt fordelingsnøgle 'k' (se fordelingsnoegler i model.yaml)"
    assert not any("stilling" in l for l in linjer)


def test_delvis_fil_giver_op_uden_noget_at_udelade():
    v = skemaklasse("samdrift.yaml")
    for data in ({"navn": "x"}, {"navn": ["x"], "afdelinger": []}):
        with pytest.raises(Exception) as e:
            v.model_validate(data)
        assert delvis_fil(v, data, e.value) is None


def test_delvis_fil_kort_over_stier():
    v = skemaklasse("model.yaml")
    data = {"konti": [{"konto": 1, "budget": "x"}, {"konto": 2}, {"konto": 3, "med": "?"}, {"konto": 4}],
            "organisationsplan": {"stillinger": [{"id": "a", "stilling": "A"}, {"id": "b", "stilling": "B", "x": 1}]}}
    with pytest.raises(Exception) as e:
        v.model_validate(data)
    d = delvis_fil(v, data, e.value)
    assert [k.konto for k in d.post.konti] == ["2", "4"]
    assert d.udeladt == {("konti", 0), ("konti", 2), ("organisationsplan", "stillinger", 1)}
    assert d.original_sti(("konti", 1, "budget")) == ("konti", 3, "budget")
    assert d.original_sti(("organisationsplan", "stillinger", 0)) == ("organisationsplan", "stillinger", 0)
    assert d.beroert(("konti",)) and not d.beroert(("maal",))
    assert d.vaerdier(("konti",), ["2", "4"], "konto") == [(("konti", i), str(i + 1)) for i in range(4)]
    assert data["konti"][0] == {"konto": 1, "budget": "x"}  # the data as read is not changed


def test_fordelingens_fejl_meldes_ved_siden_af_fejl_i_andre_filer(samdrift, tmp_path):
    assert _check(samdrift, tmp_path, {
        "model.yaml": "fordelingsnoegler:\n  - {id: m2, grundlag: areal}\nkonti:\n  - {konto: 1, med: true, noegle: m2, budget: 1}\n",
        "aftale.yaml": "ikrafttraeden: 2025-13-01\n",
    }) == ["aftale.yaml:1:16: fejl: '2025-13-01' er ikke en gyldig dato",
           "model.yaml:2:24: fejl: nøglen 'm2' har grundlag 'areal', men A, B mangler 'areal_m2' i samdrift.yaml"]
