"""Every file type: the init templates and the example validate; a typo in any key is caught."""

from __future__ import annotations

import pytest

from conftest import EKSEMPEL, MINIMAL_SAMDRIFT, byg_mappe
from samdrift_cli.indlaesning.loader import indlaes
from samdrift_cli.skemaer import FILNAVNE

# one real key per file type (top level), and a typo of it
TASTEFEJL = {
    "samdrift.yaml": ("boligorganisation: x\n", "boligorganistion: x\n", "boligorganisation"),
    "milepaele.yaml": ("milepaele: []\n", "milepaeler: []\n", "milepaele"),
    "oplaeg.yaml": ("konklusion: x\n", "konklusjon: x\n", "konklusion"),
    "interessenter.yaml": ("interessenter: []\n", "interesenter: []\n", "interessenter"),
    "analyse.yaml": ("benchmarking: x\n", "benchmarkin: x\n", "benchmarking"),
    "inddragelsesplan.yaml": ("aktiviteter: []\n", "aktiviter: []\n", "aktiviteter"),
    "model.yaml": ("fordelingsnoegler: []\n", "fordelingsnogler: []\n", "fordelingsnoegler"),
    "aftale.yaml": ("ikrafttraeden: 2025-01-01\n", "ikrafttrædelse: 2025-01-01\n", "ikrafttraeden"),
    "implementeringsplan.yaml": ("aktiviteter: []\n", "aktivitetter: []\n", "aktiviteter"),
    "orientering.yaml": ("maalgrupper: []\n", "malgrupper: []\n", "maalgrupper"),
    "evaluering.yaml": ("tjekliste: []\n", "tjeklisten: []\n", "tjekliste"),
    "kontokort.yaml": ("kort: []\n", "kortet: []\n", "kort"),
}


def test_alle_filtyper_er_daekket():
    assert set(TASTEFEJL) == set(FILNAVNE)


@pytest.mark.parametrize("filnavn", FILNAVNE)
def test_tastefejl_i_hver_filtype_giver_linje_kolonne_og_forslag(tmp_path, samdrift, filnavn):
    god, daarlig, rigtig = TASTEFEJL[filnavn]
    basis = MINIMAL_SAMDRIFT if filnavn != "samdrift.yaml" else MINIMAL_SAMDRIFT
    filer = {"samdrift.yaml": basis}
    filer[filnavn] = (filer.get(filnavn, "") + god)
    assert samdrift("-C", byg_mappe(tmp_path / "god", filer), "check").kode == 0
    filer[filnavn] = (MINIMAL_SAMDRIFT if filnavn == "samdrift.yaml" else "") + daarlig
    r = samdrift("-C", byg_mappe(tmp_path / "daarlig", filer), "check")
    assert r.kode == 2
    linje = (MINIMAL_SAMDRIFT.count("\n") + 1) if filnavn == "samdrift.yaml" else 1
    forkert = daarlig.split(":")[0]
    assert r.fejllinjer == [f"{filnavn}:{linje}:1: fejl: ukendt nøgle '{forkert}'; mente du '{rigtig}'?"]


def test_minimale_filer_er_gyldige(tmp_path, samdrift):
    m = byg_mappe(tmp_path, {"samdrift.yaml": MINIMAL_SAMDRIFT,
                             "model.yaml": "fordelingsnoegler: [{id: l, grundlag: lejemaal}]\nkonti: [{konto: 1, med: true, noegle: l, budget: 1}]\n"})
    r = samdrift("-C", m, "check")
    assert (r.kode, r.stderr) == (0, "")
    assert samdrift("-C", m, "fordeling", "--json").kode == 0


def test_en_afdeling_er_en_advarsel(tmp_path, samdrift):
    m = byg_mappe(tmp_path, {"samdrift.yaml": "navn: x\nafdelinger:\n  - {id: a, navn: A, lejemaal: 1}\n"})
    r = samdrift("-C", m, "check")
    assert r.kode == 1
    assert r.fejllinjer == ["samdrift.yaml:3:3: advarsel: der er kun én afdeling; en samdrift har mindst 2"]


def test_eksemplet_er_gyldigt_uden_advarsler(samdrift):
    r = samdrift("-C", EKSEMPEL, "check", "--json")
    assert r.kode == 0, r.stderr
    d = r.json()
    assert d["gyldig"] and d["advarsler"] == 0 and len(d["filer"]) == 13


def test_halvt_udfyldt_fil_er_gyldig(tmp_path, samdrift):
    m = byg_mappe(tmp_path, {"samdrift.yaml": MINIMAL_SAMDRIFT, "aftale.yaml": "navn:\nvilkaar:\n  uenighed:\n    beskrivelse:\n",
                             "evaluering.yaml": "tjekliste:\n  - aktivitet: x\n"})
    assert samdrift("-C", m, "check").kode == 0


def test_tekstbeloeb_og_datoformater(tmp_path):
    m = byg_mappe(tmp_path, {"samdrift.yaml": MINIMAL_SAMDRIFT + "start: {planlagt: 01-02-2026}\n",
                             "model.yaml": "fordelingsnoegler: [{id: l, grundlag: lige}]\nkonti:\n"
                                           "  - {konto: 1, med: true, noegle: l, budget: \"2.450.000,50 kr.\"}\n"
                                           "  - {konto: 2, med: true, noegle: l, budget: \"-12,5\"}\n"})
    mappe = indlaes(m)
    assert not mappe.fund
    assert str(mappe.model.konti[0].budget) == "2450000.50"
    assert str(mappe.model.konti[1].budget) == "-12.5"
    assert mappe.samdrift.start.planlagt.isoformat() == "2026-02-01"


@pytest.mark.parametrize("skrevet, ventet", [("114", "114"), ("114.10", "114.10"), ("1e2", "100"), ("1.5E+3", "1500")])
def test_et_tal_i_et_tekstfelt_skrives_uden_eksponent(tmp_path, skrevet, ventet):
    m = byg_mappe(tmp_path, {"samdrift.yaml": MINIMAL_SAMDRIFT, "model.yaml": f"konti:\n  - {{konto: {skrevet}}}\n"})
    mappe = indlaes(m)
    assert not mappe.fund and mappe.model.konti[0].konto == ventet


@pytest.mark.parametrize("skrevet, ventet", [
    ("1.50", "1.50"), ("-12.5", "-12.5"), ("7", "7"), ("1e3", "1E+3"), ("7.0e-1", "0.70"),
    ('"100.000"', "100000"), ('"1.000.000 kr."', "1000000"), ('"1,50"', "1.50"),
    # the minus Word and Excel write (U+2212) is a minus; a '.' that does not group three digits is no amount
    ('"−1.000"', "-1000"), ('"− 1.000,50 kr."', "-1000.50"), ('"+1.000"', "1000"),
    ('"1.50"', "'1.50' er ikke et gyldigt beløb; skriv fx 2450000.50"), ('"1.0000"', "'1.0000' er ikke et gyldigt beløb"),
    # decimals as written count: '100.000' equals 100.00, but a Dane reads it as a hundred thousand
    ("100.000", "mente du 100000 kr.? I et YAML-tal er '.' decimaltegn, så 100.000 betyder 100 kr."),
    ("-2.500", "mente du -2500 kr.? I et YAML-tal er '.' decimaltegn, så -2.500 betyder -2,5 kr."),
    ("1.0000", "beløbet '1.0000' har mere end 2 decimaler; angiv det i hele øre"),
    ('"12,500"', "beløbet '12,500' har mere end 2 decimaler; angiv det i hele øre"),
    # the currency as people write it
    ('"kr. 245.000"', "245000"), ('"245.000,-"', "245000"), ('"245.000 DKK"', "245000"), ('"Kr 1.000,50"', "1000.50"),
    # a Danish amount without quotes: the comma ends the entry inside { }; one message, not 'ukendt nøgle 00'
    ("245.000,00", "'budget': 245.000,00 skal stå i anførselstegn inde i { }, hvor komma adskiller felterne "
                   "(YAML læser 245.000 og en nøgle '00'); skriv \"245.000,00\" eller 245000.00"),
    ("1.245.000,50", "skriv \"1.245.000,50\" eller 1245000.50"),  # was read as 1.245.000 kr. and a key '50'
    ("2450000,5 kr.", "(YAML læser 2450000 og en nøgle '5 kr.')"),
])
def test_beloebets_decimaler_som_skrevet(tmp_path, skrevet, ventet):
    m = byg_mappe(tmp_path, {"samdrift.yaml": MINIMAL_SAMDRIFT,
                             "model.yaml": "fordelingsnoegler: [{id: l, grundlag: lige}]\nkonti:\n"
                                           f"  - {{konto: 1, med: true, noegle: l, budget: {skrevet}}}\n"})
    mappe = indlaes(m)
    if not mappe.fund:
        assert str(mappe.model.konti[0].budget) == ventet
    else:
        (fund,) = mappe.fund
        assert (fund.fil, fund.linje, fund.niveau) == ("model.yaml", 3, "fejl") and ventet in fund.besked


@pytest.mark.parametrize("areal, advarsel", [("6.500", True), ("-", False), ("6500", False), ("100.5", False),
                                             ("100.25", False), ("1500.125", False)])
def test_areal_med_punktum_som_tusindtalsskilletegn_giver_en_advarsel(tmp_path, samdrift, areal, advarsel):
    tekst = MINIMAL_SAMDRIFT if areal == "-" else MINIMAL_SAMDRIFT.replace("lejemaal: 500", f"lejemaal: 500\n    areal_m2: {areal}")
    m = byg_mappe(tmp_path, {"samdrift.yaml": tekst})
    r = samdrift("-C", m, "check")
    if advarsel:
        assert r.kode == 1
        assert r.fejllinjer == ["samdrift.yaml:9:15: advarsel: arealet 6.500 læses som 6,5 m²; mente du 6500 m²? "
                                "I et YAML-tal er '.' decimaltegn"]
    else:
        assert r.kode == 0 and not r.stderr


@pytest.mark.parametrize("svar, med", [("true", True), ("ja", True), ("Ja", True), ("X", True), ("x", True),
                                       ("false", False), ("nej", False), ("NEJ", False)])
def test_ja_nej_paa_dansk_og_saet_x(tmp_path, svar, med):
    m = byg_mappe(tmp_path, {"samdrift.yaml": MINIMAL_SAMDRIFT,
                             "model.yaml": "fordelingsnoegler: [{id: l, grundlag: lige}]\nkonti:\n"
                                           f"  - {{konto: 1, med: {svar}, noegle: l, budget: 10}}\n"})
    mappe = indlaes(m)
    assert not mappe.fund and mappe.model.konti[0].med is med


def test_danske_stavemaader_af_faste_ord(tmp_path, samdrift):
    """'nødvendig' is 'noedvendig', 'Grå eminencer' nothing but 'graa_eminencer' (#33); the file stays as it is."""
    from conftest import MINIMAL_SAMDRIFT, byg_mappe

    tekst = "interessenter:\n  - {id: x, navn: X, deltagelse: nødvendig, indflydelse: Stor}\n"
    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT, "interessenter.yaml": tekst,
                                   "model.yaml": "fordelingsnoegler: [{id: l, grundlag: Lejemål}]\n"})
    r = samdrift("-C", m, "check")
    assert r.kode == 0, r.stderr
    assert (m / "interessenter.yaml").read_text(encoding="utf-8") == tekst
