"""Documents a board can be handed (#20): PDF and Word for every playbook template, checked as a reader
would check them: the text on the page, nothing outside it, the signatures, the diagrams, Danish."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import EKSEMPEL, byg_mappe
from samdrift_cli.eksport.dokumenter import STAMMER
from samdrift_cli.milepaele.katalog import KATALOG


@pytest.fixture(scope="module")
def dokumenter(tmp_path_factory):
    """The example exported once as PDF and Word (the folder copied, so no file of the repo changes)."""
    import os
    import sys

    mappe = tmp_path_factory.mktemp("d") / "eksempel"
    shutil.copytree(EKSEMPEL, mappe)
    r = subprocess.run([sys.executable, "-m", "samdrift_cli", "-C", str(mappe), "export", "--pdf", "--docx"],
                       capture_output=True, text=True, env={**os.environ, "SAMDRIFT_IDAG": "2026-12-01"})
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == [f"skrev 7 PDF-dokumenter i {mappe / 'dokumenter'}",
                                     f"skrev 7 DOCX-dokumenter i {mappe / 'dokumenter'}"]
    return mappe / "dokumenter"


def _pdf_tekst(fil) -> str:
    import pdfplumber

    with pdfplumber.open(fil) as pdf:
        return "\n".join(side.extract_text() or "" for side in pdf.pages)


def test_alle_syv_dokumenter_i_begge_formater(dokumenter):
    assert sorted(p.name for p in dokumenter.iterdir() if not p.name.startswith(".")) == sorted(f"{s}.{a}" for s in STAMMER for a in ("pdf", "docx"))


def test_pdf_teksten_som_en_bestyrelse_laeser_den(dokumenter):
    import pdfplumber

    for stamme in STAMMER:
        fil = dokumenter / f"{stamme}.pdf"
        with pdfplumber.open(fil) as pdf:
            antal = len(pdf.pages)
            for nr, side in enumerate(pdf.pages, start=1):
                assert (round(side.width), round(side.height)) in ((595, 842), (842, 595)), (stamme, nr)  # A4
                for c in side.chars:  # every character inside the page
                    assert 0 <= c["x0"] and c["x1"] <= side.width and 0 <= c["top"] and c["bottom"] <= side.height
                tekst = side.extract_text() or ""
                assert f"Side {nr} af {antal}" in tekst
                assert "Samdrift Æblegården og Pærebakken" in tekst  # the header
        tekst = _pdf_tekst(fil)
        for ikke in ("**", "```", "mermaid", "flowchart", "quadrantChart", "gantt", "noegle:", "aendres", "_Ikke",
                     "\\|", "&lt;", "<br>"):
            assert ikke not in tekst, (stamme, ikke)
    status = _pdf_tekst(dokumenter / "status.pdf")
    for m in KATALOG:
        assert " ".join(m.titel.split()) in " ".join(status.split()), m.titel


def test_aftalen_slutter_med_underskrifter(dokumenter):
    tekst = " ".join(_pdf_tekst(dokumenter / "aftale.pdf").split())
    assert "Karim Nielsen, formand for afdelingsbestyrelsen" in tekst and "19. november 2024" in tekst
    assert "Bent Kjær, formand for organisationsbestyrelsen" in tekst
    assert tekst.count("Underskrift") >= 3  # Æblegården, Pærebakken, the organisationsbestyrelse
    assert "Boligafdeling Æblegården (afdelingsbestyrelsens formand)" in tekst


def test_word_dokumenterne(dokumenter):
    import docx
    from docx.oxml.ns import qn

    for stamme in STAMMER:
        d = docx.Document(str(dokumenter / f"{stamme}.docx"))
        assert d.core_properties.language == "da-DK"
        sprog = d.styles["Normal"].element.rPr.find(qn("w:lang"))
        assert sprog.get(qn("w:val")) == "da-DK"
        assert any(p.style.name.startswith("Heading") for p in d.paragraphs)
        assert all(s.page_width in (7560310, 10692130) for s in d.sections)  # A4, portrait or landscape
        tekst = "\n".join(p.text for p in d.paragraphs) + "".join(c.text for t in d.tables for r in t.rows for c in r.cells)
        assert "**" not in tekst and "mermaid" not in tekst
    for stamme, billeder in (("samdriftsmodel", 2), ("interessentanalyse", 1), ("implementeringsplan", 1)):
        figurer = docx.Document(str(dokumenter / f"{stamme}.docx")).inline_shapes
        assert len(figurer) >= billeder, stamme
        # each diagram as the PDF has it: the text's width, never a strip of collapsed columns (the
        # quadrant's 1fr columns had no width on a picture as wide as its content: 16 × 106 cm)
        for f in figurer:
            assert f.width > f.height * 0.9 or stamme == "samdriftsmodel", (stamme, f.width, f.height)
            assert f.height < 20 * 360000, (stamme, f.height)  # under 20 cm: it fits the page


def test_samme_mappe_giver_samme_tekst(dokumenter, tmp_path, samdrift):
    samdrift("-C", dokumenter.parent, "export", "--pdf", tmp_path / "igen", "--docx", tmp_path / "igen")
    import docx

    for stamme in STAMMER:
        assert _pdf_tekst(tmp_path / "igen" / f"{stamme}.pdf") == _pdf_tekst(dokumenter / f"{stamme}.pdf")
        a = [p.text for p in docx.Document(str(tmp_path / "igen" / f"{stamme}.docx")).paragraphs]
        b = [p.text for p in docx.Document(str(dokumenter / f"{stamme}.docx")).paragraphs]
        assert a == b


def test_brugertekst_er_altid_tekst(tmp_path, samdrift):
    """Markup of Typst, Word, Markdown, Mermaid and HTML in a name stays the letters the user wrote, in
    every format (#32: '"' and a backslash too, which Typst strings and Mermaid labels escape)."""
    import html
    import re

    import docx
    import openpyxl

    from samdrift_cli.eksport.md import mermaid

    navn = 'Afd. #1 *stjerne* _under_ [klamme] $x$ \\ "citat" <b> @ref | rør // ikke kommentar'
    assert navn.count("\\") == 1
    yaml_navn = navn.replace("'", "''")
    m = byg_mappe(tmp_path / "m", {
        "samdrift.yaml": f"navn: 'Samdrift {yaml_navn}'\nafdelinger:\n  - {{id: a, navn: 'A {yaml_navn}', lejemaal: 10}}\n"
                         "  - {id: b, navn: B, lejemaal: 20}\n",
        "model.yaml": "fordelingsnoegler: [{id: l, grundlag: lejemaal}]\n"
                      "konti: [{konto: 114, navn: 'Løn #x', med: true, noegle: l, budget: 1000, "
                      "nuvaerende: {a: 400, b: 600}}]\n"})
    r = samdrift("-C", m, "export", "--pdf", "--docx", "--md", "--xlsx", tmp_path / "bog.xlsx")
    assert r.kode == 0, r.stderr
    assert f"A {navn}" in " ".join(_pdf_tekst(m / "dokumenter" / "samdriftsmodel.pdf").split())
    d = docx.Document(str(m / "dokumenter" / "samdriftsmodel.docx"))
    assert f"A {navn}" in [c.text for t in d.tables for r in t.rows for c in r.cells]
    md = (m / "dokumenter" / "samdriftsmodel.md").read_text(encoding="utf-8")
    assert f'"{mermaid("A " + navn)}"' in md and "#quot;citat#quot;" in md  # a Mermaid label: quotes as entities
    celler = [c.value for ws in openpyxl.load_workbook(tmp_path / "bog.xlsx") for r in ws.iter_rows() for c in r]
    assert f"A {navn}" in celler
    assert samdrift("-C", m, "export", "--html").kode == 0
    side = (m / "dokumenter" / "index.html").read_text(encoding="utf-8") if (m / "dokumenter" / "index.html").exists() \
        else next((m / "dokumenter").glob("*.html")).read_text(encoding="utf-8")
    assert "<b> @ref" not in side and f"A {navn}" in html.unescape(re.sub(r"<[^>]+>", "", side))


def test_organisationens_udseende_valideres(tmp_path, samdrift):
    from conftest import MINIMAL_SAMDRIFT

    m = byg_mappe(tmp_path / "m", {"samdrift.yaml": MINIMAL_SAMDRIFT + "dokumenter:\n  logo: logo.png\n  farve: blaa\n"})
    r = samdrift("-C", m, "check")
    assert r.kode == 2
    assert r.fejllinjer == ["samdrift.yaml:11:10: fejl: 'farve' skal være en farve skrevet som '#1f4e79' (# og seks "
                            "hexadecimale cifre), ikke 'blaa'"]
    (m / "samdrift.yaml").write_text(MINIMAL_SAMDRIFT + "dokumenter:\n  logo: logo.png\n", encoding="utf-8")
    r = samdrift("-C", m, "check")
    assert r.fejllinjer == ["samdrift.yaml:10:9: fejl: filen 'logo.png' findes ikke i samdrift-mappen"]
    # a real logo and colour: the PDF and the Word document carry them
    import typst

    (m / "logo.png").write_bytes(typst.compile(b"#set page(width: 3cm, height: 1cm, fill: blue)\n", format="png"))
    (m / "samdrift.yaml").write_text(MINIMAL_SAMDRIFT + "dokumenter:\n  logo: logo.png\n  farve: '#7a1f3d'\n", encoding="utf-8")
    r = samdrift("-C", m, "export", "--pdf", "--docx")
    assert r.kode == 0, r.stderr
    import docx

    d = docx.Document(str(m / "dokumenter" / "status.docx"))
    assert d.sections[0].header.part.related_parts  # the logo is an image of the header


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) er ikke installeret")
def test_siderne_kan_tegnes(dokumenter, tmp_path):
    for stamme in STAMMER:
        r = subprocess.run(["pdftoppm", "-png", "-r", "30", str(dokumenter / f"{stamme}.pdf"), str(tmp_path / stamme)],
                           capture_output=True)
        assert r.returncode == 0, r.stderr
    assert len(list(tmp_path.glob("*.png"))) >= len(STAMMER)


def test_opgavelister_viser_boksen_i_stedet_for_punkttegnet(tmp_path, samdrift):
    """'- [ ] Opgave 1' is a box where the bullet would be, not a bullet and a box; a note under it
    is indented after a dash, not a new bullet (the next milestone's, as the board status page shows it)."""
    import docx

    assert samdrift("init", tmp_path / "ny", "--navn", "Ny", "--afdeling", "Nord:10", "--afdeling", "Syd:20").kode == 0
    assert samdrift("-C", tmp_path / "ny", "export", "--pdf", "--docx").kode == 0
    dokumenter = tmp_path / "ny" / "dokumenter"
    status = _pdf_tekst(dokumenter / "status.pdf")
    assert "☐ Opgave 1: Udpegning af projektleder for samdriftsprocessen" in status
    assert "• ☐" not in status and "• –" not in status and "[ ]" not in status
    assert "– Projektlederen: navn, hvem der udpegede og dato mangler" in status
    afsnit = [p for p in docx.Document(str(dokumenter / "status.docx")).paragraphs if "Opgave 1: Udpegning" in p.text]
    assert afsnit[0].text.startswith("☐\tOpgave 1") and afsnit[0].paragraph_format.first_line_indent < 0


def test_word_skabelon_uden_overskrifts_og_listetypografier(tmp_path, samdrift):
    """A Word template made elsewhere (LibreOffice, an old Word) may lack the styles 'Heading 1',
    'Title', 'Table Grid' and 'List Bullet': the headings come from python-docx's own template, the
    list markers are written out, and nothing crashes."""
    import docx

    skabelon = docx.Document()
    for navn in ("Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Table Grid", "List Bullet",
                 "List Bullet 2", "List Number"):
        skabelon.styles.element.remove(skabelon.styles[navn].element)
    mappe = tmp_path / "m"
    shutil.copytree(EKSEMPEL, mappe)
    skabelon.save(mappe / "brevpapir.docx")
    with open(mappe / "samdrift.yaml", "a", encoding="utf-8") as f:
        f.write("\ndokumenter:\n  word_skabelon: brevpapir.docx\n")
    r = samdrift("-C", mappe, "export", "--docx", tmp_path / "ud")
    assert r.kode == 0, r.stderr
    oplaeg = docx.Document(str(tmp_path / "ud" / "oplaeg.docx"))
    assert any(p.style.name == "Heading 1" for p in oplaeg.paragraphs)
    assert any(p.text.startswith("•\t") for p in oplaeg.paragraphs)  # a bullet list, its marker written out


def test_korte_kolonner_orddeles_ikke_og_lange_tekster_faar_pladsen(dokumenter):
    """A column of short texts is as wide as its longest ('Opfyldt', 'Ansvarlig' whole, not
    'Op-fyldt'); the columns of long texts share the rest by their length."""
    import pdfplumber

    ord_ = set(_pdf_tekst(dokumenter / "evalueringsskema.pdf").split()) | set(_pdf_tekst(dokumenter / "implementeringsplan.pdf").split())
    assert {"Opfyldt", "Retvisende", "Ansvarlig", "Status", "gennemført", "Konto"} <= ord_
    with pdfplumber.open(dokumenter / "implementeringsplan.pdf") as pdf:
        side = pdf.pages[1]
        hoved = {w["text"]: w for w in side.extract_words() if w["text"] in ("Aktivitet", "Vedrører", "Status")}
    # 'Aktivitet og formål' is the widest column: its header starts far left of 'Vedrører'
    assert hoved["Vedrører"]["x0"] - hoved["Aktivitet"]["x0"] > 0.4 * (side.width - 2 * 70)
    # a long header over short names ('Boligafdeling som bidrager med aktivet ved opstart') does not
    # take the width from the column of texts beside it
    aftale = _pdf_tekst(dokumenter / "aftale.pdf").splitlines()
    assert any(linje.endswith("140.000,00 kr. Forbliver i samdriften") for linje in aftale), aftale[:30]


def test_datoer_deles_ikke_og_word_tabellerne_holder_sig_inden_for_margenen(dokumenter):
    """A date in a table is set whole ('31. december 2025', never '31. de-cember'), in PDF and Word;
    Word hyphenates in Danish rather than cutting a word that is wider than its column, and a table
    of amounts is no wider than the page's text."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Cm

    assert "31. december 2025" in _pdf_tekst(dokumenter / "samdriftsmodel.pdf")
    for stamme in STAMMER:
        doc = docx.Document(str(dokumenter / f"{stamme}.docx"))
        assert doc.settings.element.find(qn("w:autoHyphenation")) is not None, stamme
        for t in doc.tables:
            sektion_bredde = max(s.page_width - s.left_margin - s.right_margin for s in doc.sections)
            assert sum(c.width for c in t.columns) <= sektion_bredde + Cm(0.1), (stamme, t.rows[0].cells[0].text)
    model = docx.Document(str(dokumenter / "samdriftsmodel.docx"))
    assert "31.\u00a0december\u00a02025" in {c.text for t in model.tables for r in t.rows for c in r.cells}
    # a column of dates under a long header ('Skal afsluttes senest') is as wide as its dates (about
    # 0.024 cm a character a point), not a share of the width that cuts '20. december 20|24'
    plan = docx.Document(str(dokumenter / "implementeringsplan.docx"))
    for t in plan.tables:
        hoved = [c.text for c in t.rows[0].cells]
        if "Skal afsluttes senest" in hoved:
            k = hoved.index("Skal afsluttes senest")
            laengst = max(len(r.cells[k].text) for r in t.rows[1:])
            assert t.columns[k].width >= Cm(0.024 * (8 if len(hoved) >= 5 else 9.5) * laengst), (hoved, t.columns[k].width)


def test_en_ny_samdrifts_statusdokument_er_til_en_bestyrelse(tmp_path, samdrift):
    """At most three pages: the next milestone's gaps in sentences, the later ones 'Ikke begyndt', no YAML keys (#26)."""
    import re

    import pdfplumber

    assert samdrift("init", tmp_path / "ny", "--navn", "Ny", "--afdeling", "Nord:10", "--afdeling", "Syd:20").kode == 0
    assert samdrift("-C", tmp_path / "ny", "export", "--pdf").kode == 0
    with pdfplumber.open(tmp_path / "ny" / "dokumenter" / "status.pdf") as pdf:
        assert len(pdf.pages) <= 3
        tekst = "\n".join(s.extract_text() or "" for s in pdf.pages)
    assert tekst.count("Ikke begyndt.") == 11 and tekst.count("Mangler:") <= 6
    assert not re.findall(r"\b[a-z]+_[a-z_]+\b", tekst), re.findall(r"\b[a-z]+_[a-z_]+\b", tekst)


def test_vurderingen_laves_en_gang_pr_kommando(tmp_path, samdrift, monkeypatch):
    import shutil

    from samdrift_cli.milepaele import regler

    m = tmp_path / "eksempel"
    shutil.copytree(EKSEMPEL, m)
    kald = []
    rigtig = regler.vurder
    monkeypatch.setattr(regler, "vurder", lambda *a, **k: kald.append(1) or rigtig(*a, **k))
    assert samdrift("-C", m, "export", "--xlsx", "--md", "--pdf", "--docx").kode == 0
    assert len(kald) == 1


def test_afdelingernes_navne_orddeles_aldrig(dokumenter):
    """'Æblegården', never 'Æble-gården' or 'Pæ-rebakken', in any PDF (#26)."""
    import re

    for stamme in STAMMER:
        tekst = _pdf_tekst(dokumenter / f"{stamme}.pdf")
        for navn in ("Æblegården", "Pærebakken"):
            for i in range(2, len(navn) - 1):
                assert not re.search(re.escape(navn[:i]) + r"[-\u00ad]\s*\n\s*" + re.escape(navn[i:]), tekst), (stamme, navn)


def test_danske_anfoerselstegn(dokumenter):
    """»…«, as Danish quotes, never the French «…» (#26)."""
    import re

    assert not any(re.search(r"«[^«»]+»", _pdf_tekst(dokumenter / f"{s}.pdf")) for s in STAMMER)
    assert "»Forslag til samdriftsmodel«" in _pdf_tekst(dokumenter / "aftale.pdf")
