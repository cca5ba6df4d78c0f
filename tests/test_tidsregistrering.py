"""tidsregistrering.csv per design.md §3.3."""

from __future__ import annotations

from decimal import Decimal

from conftest import byg_mappe
from samdrift_cli.tidsregistrering import laes_tidsregistrering

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
