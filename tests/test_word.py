"""Word at the PDF's level (#26): the konti table gives the account names room, no row is split over two
pages, the header sits on A4's tab stops, and a text that begins with a date keeps its day."""

from __future__ import annotations

import shutil

import pytest

from conftest import EKSEMPEL

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def word(tmp_path_factory):
    import docx

    m = tmp_path_factory.mktemp("w") / "eksempel"
    shutil.copytree(EKSEMPEL, m)
    from samdrift_cli.cli.dansk import koer, normaliser_argv
    from samdrift_cli.cli.app import app

    assert koer(app, normaliser_argv(["-C", str(m), "export", "--docx"])) == 0
    return {p.stem: docx.Document(str(p)) for p in (m / "dokumenter").glob("*.docx")}


def test_kontitabellen_giver_navnene_plads(word):
    tabel = next(t for t in word["samdriftsmodel"].tables if [c.text for c in t.rows[0].cells][:3] == ["Konto", "Navn", "Nøgle"])
    bredder = [c.width for c in tabel.columns]
    assert bredder[1] >= 0.25 * sum(bredder)
    assert bredder[1] > bredder[0] and bredder[2] > bredder[0]


def test_ingen_raekke_deles_over_to_sider(word):
    for navn, d in word.items():
        for t in d.tables:
            for r in t.rows:
                assert r._tr.trPr is not None and r._tr.trPr.find(f"{W}cantSplit") is not None, navn


def test_sidehovedets_tabulatorer_ligger_inden_for_teksten(word):
    for navn, d in word.items():
        for sek in d.sections:
            bredde = sek.page_width - sek.left_margin - sek.right_margin
            for afsnit in (sek.header.paragraphs[0], sek.footer.paragraphs[0]):
                stop = [t for t in afsnit.paragraph_format.tab_stops if t.alignment != 101]  # 101: cleared
                assert stop and all(t.position <= bredde for t in stop), navn


def test_en_tekst_der_begynder_med_en_dato_beholder_dagen(word):
    tekst = "\n".join(p.text for p in word["samdriftsmodel"].paragraphs)
    assert "30. oktober 2024: Efter dialogen" in tekst
