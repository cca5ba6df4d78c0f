"""`samdrift fordeling` on folders: the JSON contract, nøgler, CSV, today vs samdrift, bad input."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EKSEMPEL, MINIMAL_SAMDRIFT, byg_mappe, snapshot


def test_json_kontrakt_og_haandregnet_eksempel(tmp_path, samdrift):
    m = byg_mappe(tmp_path, {"samdrift.yaml": MINIMAL_SAMDRIFT, "model.yaml": """\
        fordelingsnoegler:
          - id: lejemaal
            navn: Antal lejemål
            grundlag: lejemaal
          - id: kontor
            grundlag: fast
            andele: {a: 25, b: 75}
        konti:
          - {konto: 110, navn: Ikke med, med: false}
          - {konto: 114, navn: Løn, med: true, noegle: lejemaal, budget: 2450000.50}
          - {konto: "114.1", navn: Refusion, med: true, noegle: kontor, budget: "-1.000,01 kr."}
        """})
    r = samdrift("-C", m, "fordeling", "--json")
    assert r.kode == 0, r.stderr
    d = r.json()
    assert d["afdelinger"][0]["id"] == "a" and d["afdelinger"][0]["navn"] == "Alfa"
    assert d["noegler"][0] == {**d["noegler"][0], "id": "lejemaal", "grundlag": "lejemaal",
                               "andele": {"a": "0.166667", "b": "0.833333"}}
    assert [k["konto"] for k in d["konti"]] == ["114", "114.1"]
    assert d["konti"][0]["beloeb"] == "2450000.50"
    assert d["konti"][0]["fordeling"] == {"a": "408333.42", "b": "2041667.08"}
    assert d["konti"][1]["beloeb"] == "-1000.01"
    assert d["konti"][1]["fordeling"] == {"a": "-250.00", "b": "-750.01"}
    assert d["total"]["beloeb"] == "2449000.49"
    assert d["total"]["fordeling"] == {"a": "408083.42", "b": "2040917.07"}


def test_en_og_to_oere_over_tre_lige_andele_og_delmaengde(tmp_path, samdrift):
    m = byg_mappe(tmp_path, {"samdrift.yaml": """\
        navn: Tre
        afdelinger:
          - {id: x, navn: X, lejemaal: 10}
          - {id: y, navn: Y, lejemaal: 20}
          - {id: z, navn: Z, lejemaal: 30}
        """, "model.yaml": """\
        fordelingsnoegler:
          - {id: lige, grundlag: lige}
          - {id: yz, grundlag: lejemaal, afdelinger: [z, y]}
        konti:
          - {konto: 1, med: true, noegle: lige, budget: 0.01}
          - {konto: 2, med: true, noegle: lige, budget: 0.02}
          - {konto: 3, med: true, noegle: yz, budget: 100.01}
        """})
    d = samdrift("-C", m, "fordeling", "--json").json()
    assert d["konti"][0]["fordeling"] == {"x": "0.01", "y": "0.00", "z": "0.00"}
    assert d["konti"][1]["fordeling"] == {"x": "0.01", "y": "0.01", "z": "0.00"}
    # 10001 øre by 20/50 and 30/50: 4000.4 and 6000.6 -> z has the larger remainder
    assert d["konti"][2]["fordeling"] == {"x": "0.00", "y": "40.00", "z": "60.01"}
    assert d["noegler"][1]["andele"] == {"y": "0.400000", "z": "0.600000"}


def test_timer_med_periode_og_opgaver_og_dansk_csv(tmp_path, samdrift):
    csv = ("\ufeffDato;Medarbejder;Afdeling;Timer;Opgave\r\n"
           "2026-01-05;Ole;Alfa;7,5;renhold\r\n"
           "05-01-2026;Ole;b;2,5;Renhold\r\n"
           "2026-02-01;Kim;Beta;10;grønne områder\r\n"
           "2025-12-31;Kim;Alfa;100;renhold\r\n")
    m = byg_mappe(tmp_path, {"samdrift.yaml": MINIMAL_SAMDRIFT, "tidsregistrering.csv": csv.encode("utf-8"),
                             "model.yaml": """\
        fordelingsnoegler:
          - id: tid
            grundlag: timer
            periode: {fra: 2026-01-01, til: 2026-12-31}
            opgaver: [renhold]
          - id: alle
            grundlag: timer
        konti:
          - {konto: 114, med: true, noegle: tid, budget: 1000}
          - {konto: 115, med: true, noegle: alle, budget: 1200}
        """})
    r = samdrift("-C", m, "fordeling", "--json")
    assert r.kode == 0, r.stderr
    d = r.json()
    # renhold in 2026: Alfa 7.5, Beta 2.5 -> 75 % / 25 %
    assert d["noegler"][0]["andele"] == {"a": "0.750000", "b": "0.250000"}
    assert d["konti"][0]["fordeling"] == {"a": "750.00", "b": "250.00"}
    # all hours: Alfa 107.5, Beta 12.5 of 120
    assert d["konti"][1]["fordeling"] == {"a": "1075.00", "b": "125.00"}


def test_i_dag_mod_samdrift_og_advarsel_om_dyrere(tmp_path, samdrift):
    m = byg_mappe(tmp_path, {"samdrift.yaml": MINIMAL_SAMDRIFT, "model.yaml": """\
        fordelingsnoegler:
          - {id: lige, grundlag: lige}
        konti:
          - {konto: 114, med: true, noegle: lige, budget: 1000, nuvaerende: {a: 300, b: 900}}
        """})
    d = samdrift("-C", m, "fordeling", "--json").json()
    assert d["i_dag_og_samdrift"] == {"i_dag": "1200.00", "samdrift": "1000.00", "driftsbesparelse": "200.00"}
    a = d["afdelinger"][0]
    assert (a["i_dag"], a["samdrift"], a["forskel"]) == ("300.00", "500.00", "200.00")
    r = samdrift("-C", m, "fordeling")
    assert r.kode == 0
    assert "Alfa kommer til at betale 200,00 kr. mere end i dag" in r.stderr
    assert "Total driftsbesparelse for perioden: 200,00 kr." in r.stdout


def test_noegle_viser_grundlag(tmp_path, samdrift):
    m = byg_mappe(tmp_path, {"samdrift.yaml": MINIMAL_SAMDRIFT, "model.yaml": """\
        fordelingsnoegler: [{id: l, grundlag: lejemaal}]
        konti: [{konto: 114, med: true, noegle: l, budget: 600}]
        """})
    r = samdrift("-C", m, "fordeling", "--noegle", "l")
    assert r.kode == 0 and "16,6667 %" in r.stdout
    assert samdrift("-C", m, "fordeling", "--noegle", "x").kode == 2


def test_mod_timer(eksempel, samdrift):
    r = samdrift("-C", eksempel, "fordeling", "--mod-timer", "--json", "--periode", "2025-01-01:2025-12-31")
    assert r.kode == 0, r.stderr
    n = r.json()["noegler"][0]
    assert n["id"] == "lejemaal"
    assert sum(float(v) for v in n["foreslaaet_fast"].values()) == pytest.approx(100)
    assert sum(int(v.replace(".", "")) for v in n["forskel_kr"].values()) == 0


@pytest.mark.parametrize("argumenter, besked", [
    (("--mod-timer", "--periode", "2025-12-31:2025-01-01"),
     "--periode: fejl: periodens slutning (2025-01-01) ligger før dens begyndelse (2025-12-31)"),
    (("--mod-timer", "--periode", "2025"), "--periode: fejl: '2025' er ikke en periode; skriv FRA:TIL, fx 2026-01-01:2026-12-31"),
    (("--periode", "2025-01-01:2025-12-31"),
     "--periode: fejl: bruges sammen med --mod-timer (nøglernes egen periode står i model.yaml)"),
])
def test_periode_der_ikke_kan_bruges(eksempel, samdrift, argumenter, besked):
    r = samdrift("-C", eksempel, "fordeling", *argumenter)
    assert (r.kode, r.stderr.strip(), r.stdout) == (2, besked, "")


FEJL = [
    ("konti:\n  - {konto: 114, med: true, noegle: findesikke, budget: 1}\nfordelingsnoegler: [{id: l, grundlag: lejemaal}]\n",
     "model.yaml:2:37: fejl: ukendt fordelingsnøgle 'findesikke'"),
    ("fordelingsnoegler: [{id: l, grundlag: fast, andele: {a: 50, c: 50}}]\nkonti: []\n",
     "model.yaml:1:61: fejl: ukendt afdeling 'c'"),
    ("fordelingsnoegler: [{id: m2, grundlag: areal}]\nkonti: []\n",
     "model.yaml:1:40: fejl: nøglen 'm2' har grundlag 'areal', men Alfa, Beta mangler 'areal_m2'"),
    ("fordelingsnoegler: [{id: t, grundlag: timer}]\nkonti: []\n",
     "model.yaml:1:39: fejl: nøglen 't' har grundlag 'timer', men der er ingen tidsregistrering i mappen "
     "(tidsregistrering.csv eller tidsregistrering.xlsx)"),
    ("fordelingsnoegler: [{id: l, grundlag: lejemaal}]\nkonti:\n  - {konto: 114, med: true, noegle: l}\n",
     "model.yaml:3:5: fejl: konto 114 indgår i samdriften (med: true) og skal have et 'budget'"),
    ("fordelingsnoegler: [{id: l, grundlag: lejemaal}]\nkonti:\n  - {konto: 114, med: true, noegle: l, budget: 1.005}\n",
     "model.yaml:3:48: fejl: 'budget': beløbet '1.005' har mere end 2 decimaler"),
    ("fordelingsnoegler: [{id: l, grundlag: lejemaal}]\nkonti:\n  - {konto: 114, med: true, noegle: l, budget: .inf}\n",
     "model.yaml:3:48: fejl: 'budget': beløbet skal være et endeligt tal"),
    ("fordelingsnoegler: [{id: l, grundlag: lejemaal}]\nkonti:\n  - {konto: 114, med: true, noegle: l, budget: mange penge}\n",
     "model.yaml:3:48: fejl: 'budget': 'mange penge' er ikke et gyldigt beløb"),
    ("fordelingsnoegler: [{id: k, grundlag: fast, andele: {a: 25, b: 74.99}}]\nkonti: []\n",
     "model.yaml:1:53: fejl: andelene i nøglen 'k' summer til 99,99 %; de skal summe til 100 %"),
]


@pytest.mark.parametrize("model,forventet", FEJL, ids=[f[1].split("fejl: ")[1][:40] for f in FEJL])
def test_ugyldigt_input_giver_kode_2_og_position(tmp_path, samdrift, model, forventet):
    m = byg_mappe(tmp_path, {"samdrift.yaml": MINIMAL_SAMDRIFT, "model.yaml": model})
    foer = snapshot(m)
    for args in (("fordeling",), ("fordeling", "--json"), ("check",)):
        r = samdrift("-C", m, *args)
        assert r.kode == 2
        assert any(l.startswith(forventet) for l in r.fejllinjer), r.stderr
    assert snapshot(m) == foer


def test_ingen_timer_i_perioden(tmp_path, samdrift):
    m = byg_mappe(tmp_path, {"samdrift.yaml": MINIMAL_SAMDRIFT,
                             "tidsregistrering.csv": "dato,medarbejder,afdeling,timer\n2026-01-01,Ole,a,5\n",
                             "model.yaml": "fordelingsnoegler:\n  - id: t\n    grundlag: timer\n    periode: {fra: 2027-01-01}\nkonti: []\n"})
    r = samdrift("-C", m, "check")
    assert r.kode == 2
    assert "model.yaml:3:15: fejl: nøglen 't' kan ikke fordele noget: der er ingen registrerede timer i perioden" in r.stderr


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=-10**9, max_value=10**9), min_size=1, max_size=6),
       st.lists(st.integers(min_value=1, max_value=900), min_size=2, max_size=4), st.integers(0, 10**6))
def test_kontoraekkefoelge_aendrer_intet_i_mappen(tmp_path_factory, beloeb, lejemaal, seed):
    from samdrift_cli.kommandoer.mappe import laes as indlaes

    afd = "".join(f"  - {{id: a{i}, navn: A{i}, lejemaal: {n}}}\n" for i, n in enumerate(lejemaal))
    konti = [f"  - {{konto: {i}, med: true, noegle: l, budget: {'-' if b < 0 else ''}{abs(b) // 100}.{abs(b) % 100:02d}}}\n"
             for i, b in enumerate(beloeb)]
    blandet = konti[:]
    random.Random(seed).shuffle(blandet)
    res = []
    for k in (konti, blandet):
        m = byg_mappe(tmp_path_factory.mktemp("m"), {"samdrift.yaml": "navn: x\nafdelinger:\n" + afd,
                                                     "model.yaml": "fordelingsnoegler: [{id: l, grundlag: lejemaal}]\nkonti:\n" + "".join(k)})
        r = indlaes(m).fordeling
        res.append(({x.konto: x.fordeling for x in r.konti}, r.total_fordeling))
    assert res[0] == res[1]
    # totals are exact sums of the konti, and the konti sum to their amounts
    assert sum(res[0][1].values()) == sum(sum(f.values()) for f in res[0][0].values())


@settings(max_examples=60, deadline=None)
@given(st.lists(st.decimals(min_value=0, max_value=100, places=2), min_size=2, max_size=5))
def test_fast_noegle_skal_summe_til_praecis_100(tmp_path_factory, andele):
    from decimal import Decimal

    from samdrift_cli.kommandoer.mappe import laes as indlaes

    afd = "".join(f"  - {{id: a{i}, navn: A{i}, lejemaal: 1}}\n" for i in range(len(andele)))
    tekst = ", ".join(f"a{i}: {v}" for i, v in enumerate(andele))
    m = byg_mappe(tmp_path_factory.mktemp("f"), {
        "samdrift.yaml": "navn: x\nafdelinger:\n" + afd,
        "model.yaml": f"fordelingsnoegler:\n  - id: k\n    grundlag: fast\n    andele: {{{tekst}}}\nkonti: []\n"})
    fund = [f.overskrift() for f in indlaes(m).fund if f.er_fejl]
    if sum(andele, Decimal(0)) == 100:
        assert fund == []
    else:
        assert len(fund) == 1 and fund[0].startswith("model.yaml:4:13: fejl: andelene i nøglen 'k' summer til ")


def test_i_80_kolonner_kan_hvert_kontonavn_laeses(samdrift, monkeypatch):
    # the names wrap, never shrink to nothing or '…'; amounts are never cut
    monkeypatch.setenv("COLUMNS", "80")
    r = samdrift("-C", EKSEMPEL, "fordeling")
    assert r.kode == 0
    assert max(len(l) for l in r.stdout.splitlines()) <= 80
    assert "…" not in r.stdout
    ord_ = set(r.stdout.split())
    d = samdrift("-C", EKSEMPEL, "fordeling", "--json").json()
    for k in d["konti"]:
        assert all(w in ord_ for w in k["navn"].split()), k["navn"]
        assert all(_dk(v) in r.stdout for v in k["fordeling"].values())
    r = samdrift("-C", EKSEMPEL, "fordeling", "--mod-timer")
    assert "konti 114, 115" in r.stdout and "Antal lejemål (fordeles efter antal lejemål)" in r.stdout
    assert "114, 114" not in r.stdout
    # its tables fit too, no header cut ('Forskel (pct.-p…'); the prose lines around them are whole lines
    tabeller = [l for l in r.stdout.splitlines() if not l.startswith(("Er fordelingsnøglerne", "Forskel i kr.:"))]
    assert max(len(l) for l in tabeller) <= 80 and "…" not in r.stdout and "(pct.-point)" in r.stdout


def _dk(beloeb: str) -> str:
    kr, oere = beloeb.split(".")
    return f"{int(kr):,}".replace(",", ".") + "," + oere


def test_i_80_kolonner_passer_hvad_nu_hvis_tabellen(samdrift, monkeypatch):
    """'--noegle-for' in 80 columns: the tables fit (rich laid them out one column over the width
    when the console soft-wrapped), names and nøgler wrap rather than end in '…', and, as no amount
    changed, one amount column."""
    monkeypatch.setenv("COLUMNS", "80")
    r = samdrift("-C", EKSEMPEL, "fordeling", "--noegle-for", "114=areal", "--noegle-for", "119=lige")
    assert r.kode == 0
    assert max(len(l) for l in r.stdout.splitlines()) <= 80
    assert "…" not in r.stdout and "Beløb efter" not in r.stdout
    ord_ = set(r.stdout.split())
    # the nøgler by name (#33); a table too wide for 80 columns is a list instead, nothing cut
    assert {"Lokaleleje", "inkl.", "varme,", "ejendomskontor", "Ejendomskontoret", "→", "Lige", "deling"} <= ord_
