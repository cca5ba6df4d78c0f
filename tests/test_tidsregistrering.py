"""tidsregistrering.csv per design.md §3.3."""

from __future__ import annotations

from decimal import Decimal

from conftest import byg_mappe
from samdrift_cli.indlaesning.tidsregistrering import laes_tidsregistrering

OPSLAG = {"a": "a", "alfa": "a", "b": "b", "beta": "b"}


def _laes(tmp_path, indhold: bytes):
    sti = tmp_path / "tidsregistrering.csv"
    sti.write_bytes(indhold)
    return laes_tidsregistrering(sti, OPSLAG)


def test_bom_crlf_decimalkomma_begge_datoformer_id_og_navn(tmp_path):
    reg, fund = _laes(tmp_path, "\ufeffTIMER;Afdeling;Dato;Medarbejder\r\n7,5;Alfa;2026-01-05;Ole\r\n2,25;b;05-01-2026;Kim\r\n".encode())
    assert fund == []
    assert reg.timer() == {"a": Decimal("7.5"), "b": Decimal("2.25")}
    assert not reg.har_opgave


def test_komma_som_skilletegn_og_citeret_decimalkomma(tmp_path):
    reg, fund = _laes(tmp_path, b'dato,medarbejder,afdeling,timer,opgave\n2026-01-05,Ole,a,"7,5",renhold\n2026-01-06,Ole,a,1.5,Renhold\n')
    assert fund == []
    assert reg.timer(opgaver={"RENHOLD"}) == {"a": Decimal("9.0")}


def test_periode_er_inklusiv(tmp_path):
    import datetime as dt

    reg, _ = _laes(tmp_path, b"dato;medarbejder;afdeling;timer\n2026-01-01;O;a;1\n2026-01-31;O;a;2\n2026-02-01;O;a;4\n")
    assert reg.timer(fra=dt.date(2026, 1, 1), til=dt.date(2026, 1, 31)) == {"a": Decimal(3)}


def test_hver_daarlig_raekke_naevnes_med_linjenummer(tmp_path):
    _, fund = _laes(tmp_path, b"dato;medarbejder;afdeling;timer\n2026-01-01;O;a;1\n\n2026-13-01;O;a;1\n2026-01-01;O;x;1\n2026-01-01;O;a\n")
    assert [f.overskrift() for f in fund] == [
        "tidsregistrering.csv:4: fejl: datoen '2026-13-01' findes ikke i kalenderen",
        "tidsregistrering.csv:5: fejl: ukendt afdeling 'x'; brug en afdelings id eller navn fra samdrift.yaml",
        "tidsregistrering.csv:6: fejl: rækken har 3 felter, men overskriften har 4; er skilletegnet ';' brugt i en værdi uden anførselstegn?",
    ]


def test_mange_fejl_afkortes(tmp_path):
    rows = b"".join(b"2026-01-01;O;x;1\n" for _ in range(250))
    _, fund = _laes(tmp_path, b"dato;medarbejder;afdeling;timer\n" + rows)
    assert len(fund) == 101
    assert fund[-1].besked == "… og 150 fejl mere i filen (kun de første 100 er vist)"


def test_kun_overskrift_er_gyldig(tmp_path, samdrift):
    from conftest import MINIMAL_SAMDRIFT

    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT, "tidsregistrering.csv": "dato;medarbejder;afdeling;timer;opgave\n"})
    assert samdrift("-C", m, "check").kode == 0


def test_timer_i_en_periode_er_summen_af_raekkerne(tmp_path):
    """Property: for any rows and any query, the running totals give exactly the naive sum."""
    import datetime as dt

    from hypothesis import given, settings, strategies as st

    dag0 = dt.date(2025, 12, 20)
    raekke = st.tuples(st.integers(0, 20), st.sampled_from(["a", "Alfa", "b"]),
                       # hours with 0 to 15 decimals (exports computed as minutes/60 have many), so
                       # the unit the sums are counted in must get finer while the file is read
                       st.integers(0, 15).flatmap(lambda p: st.decimals(0, 24, places=p)),
                       st.sampled_from(["", "Renhold", "renhold", "græs"]))
    dato = st.one_of(st.none(), st.integers(-2, 22).map(lambda n: dag0 + dt.timedelta(days=n)))
    opgaver = st.one_of(st.none(), st.sets(st.sampled_from(["RENHOLD", "græs", "vinter"]), min_size=1))
    afdelinger = st.one_of(st.none(), st.sets(st.sampled_from(["a", "b"])))

    @settings(max_examples=150, deadline=None)
    @given(st.lists(raekke, max_size=40), afdelinger, dato, dato, opgaver)
    def egenskab(raekker, afd, fra, til, opg):
        linjer = ["dato;medarbejder;afdeling;timer;opgave"]
        linjer += [f"{dag0 + dt.timedelta(days=d)};Ole;{a};{format(t, 'f').replace('.', ',')};{o}" for d, a, t, o in raekker]
        sti = tmp_path / "tidsregistrering.csv"
        sti.write_text("\n".join(linjer) + "\n", encoding="utf-8")
        reg, fund = laes_tidsregistrering(sti, OPSLAG)
        assert fund == []
        forventet: dict[str, Decimal] = {}
        for d, a, t, o in raekker:
            dag, a = dag0 + dt.timedelta(days=d), OPSLAG[a.casefold()]
            if ((afd is None or a in afd) and (fra is None or dag >= fra) and (til is None or dag <= til)
                    and (opg is None or o.casefold() in {x.casefold() for x in opg})):
                forventet[a] = forventet.get(a, Decimal(0)) + t
        assert reg.timer(afd, fra, til, opg) == forventet
        assert (reg.har_opgave, reg.antal_raekker) == (True, len(raekker))

    egenskab()


def test_afsluttende_skilletegn_er_ikke_en_fejl(tmp_path):
    # some exports end every row with the delimiter: empty fields beyond the header
    reg, fund = _laes(tmp_path, b"dato;medarbejder;afdeling;timer;\n2026-01-05;Ole;a;7,5;\n2026-01-06;Ole;b;1;;\n")
    assert fund == []
    assert reg.timer() == {"a": Decimal("7.5"), "b": Decimal("1")}


def test_for_mange_felter_er_en_fejl_ikke_forskudte_timer(tmp_path):
    # '7,5' unquoted in a ','-file: before, the hours were read as 7 and the opgave as '5'
    reg, fund = _laes(tmp_path, b"dato,medarbejder,afdeling,timer,opgave\n2026-01-05,Ole,a,7,5,renhold\n")
    assert reg is None
    assert [(f.linje, f.besked.split(";")[0]) for f in fund] == [(2, "rækken har 6 felter, men overskriften har 5")]


def test_citeret_vaerdi_over_flere_linjer_taeller_linjerne_med(tmp_path):
    # a quoted value with a line break: the csv module reads that row, and the next row's line
    # number counts both of its lines
    reg, fund = _laes(tmp_path, b'dato;medarbejder;afdeling;timer\n2026-01-05;"Ole\nHansen";a;1\n2026-01-06;Ole;x;1\n')
    assert [(f.linje, f.besked.split(";")[0]) for f in fund] == [(4, "ukendt afdeling 'x'")]


def test_raekker_uden_anfoerselstegn_laeses_som_csv_modulet_ville(tmp_path):
    """Property: a row without quotes is split at the delimiter, the rest is read by the csv
    module. Quoting every field of a file changes nothing for the csv module, so the hours and
    every finding (with its line) must be the same for the file as written and fully quoted."""
    import csv
    import io

    from hypothesis import given, settings, strategies as st

    felt = st.one_of(st.sampled_from(["2026-01-05", "05-01-2026", "2026-02-30", "a", "Alfa", "b", "x", "7,5", "1.25",
                                      "-2", "Ole", "", " ", "renhold", "\x00"]),
                     st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters='"\r\n;,'), max_size=6))
    raekke = st.one_of(st.tuples(st.sampled_from(["2026-01-05", "31-12-2025"]), st.sampled_from(["Ole", "Kim", "", " "]),
                                 st.sampled_from(["a", "alfa", "B"]), st.sampled_from(["7,5", "1", "0.25", "2,125"]))
                       .map(list),
                       st.lists(felt, max_size=6))
    slut = st.sampled_from(["\n", "\r\n", "\r"])

    @settings(max_examples=200, deadline=None)
    # one line end per file: an empty row after a row ending in CR would otherwise be the LF of a CRLF
    @given(st.lists(raekke, max_size=12), slut, st.sampled_from([";", ","]), st.permutations(range(4)))
    def egenskab(raekker, slut, skil, orden):
        # a delimiter in an unquoted value would split it: as written, no value has one
        raekker = [([f.replace(skil, ".") for f in r], slut) for r in raekker]
        # the columns in any order (the last value of a line is read with its line end)
        raekker = [([r[i] for i in orden] if len(r) == 4 else r, s) for r, s in raekker]
        hoved = skil.join(["dato", "medarbejder", "afdeling", "timer"][i] for i in orden) + slut
        som_skrevet = hoved + "".join(skil.join(r) + s for r, s in raekker)
        citeret = io.StringIO()
        citeret.write(hoved)
        for r, s in raekker:
            csv.writer(citeret, delimiter=skil, quoting=csv.QUOTE_ALL, lineterminator=s).writerow(r)
        resultater = []
        for indhold in (som_skrevet, citeret.getvalue()):
            reg, fund = _laes(tmp_path, indhold.encode())
            resultater.append((reg.timer() if reg else None, [f.overskrift() for f in fund]))
        assert resultater[0] == resultater[1]

    egenskab()


def test_et_anfoerselstegn_uden_afslutning_naevnes(tmp_path):
    # the quoted value runs on over the next lines, past the csv module's limit of 131072 characters:
    # told at the line where it begins, which is where the user must look
    rest = b"".join(b"2026-01-06;Ole;a;1\n" for _ in range(8000))
    reg, fund = _laes(tmp_path, b'dato;medarbejder;afdeling;timer\n2026-01-05;"Ole;a;1\n' + rest)
    assert reg is None
    assert [f.overskrift() for f in fund] == [
        'tidsregistrering.csv:2: fejl: et anførselstegn (") på linjen afsluttes ikke: værdien fortsætter til linje '
        "6901 og bliver længere end de 131072 tegn, en værdi må have"]


def test_en_lang_vaerdi_uden_anfoerselstegn_naevnes_ligesaa(tmp_path):
    reg, fund = _laes(tmp_path, b"dato;medarbejder;afdeling;timer\n2026-01-05;Ole;a;1\n2026-01-05;" + b"O" * 140000 + b";a;1\n")
    assert [(f.linje, f.besked) for f in fund] == [(3, "en værdi er længere end de 131072 tegn, en værdi må have")]


def test_windows_1252_giver_det_samme_som_utf8(tmp_path, samdrift):
    # Danish Excel saves "CSV (semikolonsepareret)" in Windows-1252: valid UTF-8 is UTF-8, anything
    # else Windows-1252, wherever in the file the first such byte is
    for linje, slut in ((2, b"\r\n"), (701, b"\n"), (1001, b"\r")):
        tekst = ["dato;medarbejder;afdeling;timer;opgave"] + ["2026-01-05;Ole;a;1;renhold"] * 1000
        tekst[linje - 1] = "2026-01-05;Søren Ærø;Alfa;1,5;grønne områder"
        som_utf8 = _laes(tmp_path, (slut.decode().join(tekst) + slut.decode()).encode("utf-8"))
        som_1252 = _laes(tmp_path, (slut.decode().join(tekst) + slut.decode()).encode("cp1252"))
        assert som_utf8[1] == som_1252[1] == []
        assert som_utf8[0].timer() == som_1252[0].timer() == {"a": Decimal("1000.5")}
        assert som_1252[0].timer(opgaver={"GRØNNE OMRÅDER"}) == {"a": Decimal("1.5")}
        assert (som_utf8[0].tegnsaet, som_1252[0].tegnsaet) == ("utf-8", "windows-1252")
    from conftest import MINIMAL_SAMDRIFT

    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT,
                                   "tidsregistrering.csv": "dato;medarbejder;afdeling;timer\n2026-01-05;Søren;a;1\n".encode("cp1252")})
    r = samdrift("-C", m, "check", "--json")
    assert r.kode == 0 and r.json()["tidsregistrering"] == {"fil": "tidsregistrering.csv", "tegnsaet": "windows-1252",
                                                           "raekker": 1, "oversprungne": {}}


def test_tidsregistrering_xlsx_laeses_naar_der_ingen_csv_er(tmp_path, samdrift):
    import datetime as dt

    from openpyxl import Workbook

    from conftest import MINIMAL_SAMDRIFT

    bog = Workbook()
    ark = bog.active
    ark.append(["Dato", "Medarbejder", "Afdeling", "Timer", "Opgave"])
    ark.append([dt.datetime(2026, 1, 5), "Ole", "Alfa", 7.5, "renhold"])
    ark.append(["06-01-2026", "Kim", "b", "2,25", None])
    ark.append([dt.date(2026, 1, 7), "Kim", "x", 1, None])
    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT})
    bog.save(m / "tidsregistrering.xlsx")
    r = samdrift("-C", m, "check")
    assert r.kode == 2
    assert r.fejllinjer == ["tidsregistrering.xlsx:4: fejl: ukendt afdeling 'x'; brug en afdelings id eller navn fra samdrift.yaml"]
    ark.delete_rows(4)
    bog.save(m / "tidsregistrering.xlsx")
    reg, fund = laes_tidsregistrering(m / "tidsregistrering.xlsx", OPSLAG)
    assert fund == [] and reg.timer() == {"a": Decimal("7.5"), "b": Decimal("2.25")} and reg.tegnsaet == "xlsx"


def test_timer_med_urimeligt_mange_decimaler_er_en_fejl(tmp_path):
    # 20 decimals is more than any export writes, and exact; more would let each new decimal make
    # the sums so far count in a finer unit, again and again
    tyve = "0," + "0" * 19 + "1"
    reg, fund = _laes(tmp_path, f"dato;medarbejder;afdeling;timer\n2026-01-05;Ole;a;{tyve}\n2026-01-05;Ole;a;1,5000\n".encode())
    assert fund == [] and reg.timer() == {"a": Decimal("1.5") + Decimal("1E-20")}
    lang = "0," + "3" * 60
    reg, fund = _laes(tmp_path, f"dato;medarbejder;afdeling;timer\n2026-01-05;Ole;a;{lang}\n".encode())
    assert [f.overskrift() for f in fund] == [
        "tidsregistrering.csv:2: fejl: timer med 60 decimaler ('0,3333333333333333333333333333333333333…') er mere "
        "præcist, end en registrering kan være; afrund til højst 20 decimaler"]


def test_titellinjer_og_i_alt_linjer_springes_over_og_siges(tmp_path, samdrift):
    """#31: an ejendomskontor's export has a title above the header and an 'I alt' line; both are passed over,
    and check --json says how many lines and why."""
    from conftest import MINIMAL_SAMDRIFT, byg_mappe

    csv_ = ("Tidsregistrering 2026 for ejendomskontoret\nUdskrevet 02-01-2027\n\ndato;medarbejder;afdeling;timer\n"
            "2026-01-05;Jens;Alfa;7,5\n2026-01-05;Mette;Beta;7,5\nI alt;;;15\n")
    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT, "tidsregistrering.csv": csv_})
    r = samdrift("-C", m, "check", "--json")
    assert r.kode == 0, r.stderr
    assert r.json()["tidsregistrering"]["raekker"] == 2
    assert r.json()["tidsregistrering"]["oversprungne"] == {"titellinjer": 3, "totaler": 1}


def test_en_raekke_uden_medarbejder_taelles_ikke_med(tmp_path):
    """#32: hours nobody registered are refused with their line, never summed."""
    reg, fund = _laes(tmp_path, b"dato;medarbejder;afdeling;timer\n2026-01-05;Ole;a;7\n2026-01-05; ;a;3\n2026-01-06;;b;2\n")
    assert [(f.linje, f.besked) for f in fund] == [(3, "medarbejder mangler"), (4, "medarbejder mangler")]


def test_et_excel_kommatal_med_tre_decimaler_i_et_budget_afvises(tmp_path, samdrift):
    """#32: a float cell 1234.567 is not rounded to 1234,57 without a word."""
    from openpyxl import Workbook

    from conftest import MINIMAL_SAMDRIFT

    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT,
                                   "model.yaml": "fordelingsnoegler: [{id: l, grundlag: lige}]\n"
                                                 "konti:\n  - {konto: 114, navn: Løn, med: true, noegle: l, budget: 1}\n"})
    bog = Workbook()
    bog.active.append(["Konto", "Navn", "Budget"])
    bog.active.append([114, "Løn", 1234.567])
    bog.save(tmp_path / "b.xlsx")
    foer = (m / "model.yaml").read_bytes()
    r = samdrift("-C", m, "import", "budget", tmp_path / "b.xlsx")
    assert r.kode == 2 and r.fejllinjer == ["b.xlsx:Sheet!C2: fejl: beløbet 1234,567 har mere end 2 decimaler; angiv det i hele øre"]
    assert (m / "model.yaml").read_bytes() == foer
    bog.active["C2"] = 1234.56
    bog.save(tmp_path / "b.xlsx")
    assert samdrift("-C", m, "import", "budget", tmp_path / "b.xlsx").kode == 0
    assert "budget: 1234.56" in (m / "model.yaml").read_text(encoding="utf-8")
