"""The board documents as PDF (Typst, compiled in-process) and Word (python-docx).

One source of truth per document: the Markdown that `export --md` writes (templates/md) is parsed with
markdown-it-py and rendered twice, to Typst and to Word, so the three formats cannot drift apart.
What Markdown cannot carry is added here: A4 pages with a header (the samdrift and the document) and
"Side X af Y", the version, Danish language, tables whose header repeats and that go on a landscape
page when wide, amounts that never break, the diagrams as pictures (diagrammer.py), signature blocks,
and the organisation's logo, colour and font from samdrift.yaml's ``dokumenter:``.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from samdrift_cli.eksport import diagrammer
from samdrift_cli.eksport.diagrammer import tekst as ts
from samdrift_cli.fund import Fund, SamdriftFejl
from samdrift_cli.idag import MAANEDER, dansk_dato

if TYPE_CHECKING:
    from samdrift_cli.fordeling.beregning import Fordelingsresultat
    from samdrift_cli.indlaesning.samdriftsmappe import Samdriftsmappe

STAMMER = ("status", "oplaeg", "interessentanalyse", "samdriftsmodel", "aftale", "implementeringsplan", "evalueringsskema")
STANDARDFARVE = "#1f4e79"
STANDARDSKRIFT = "Libertinus Serif"
BRED_TABEL = 7  # columns from which a table goes on a landscape page (from 5 it is set smaller)


def tabelskrift(b: "Blok") -> float:
    """The type size of a table, in points, in the PDF and in Word alike: smaller from 5 columns, and on
    a landscape page."""
    return 8.5 if len(b.hoved) >= 5 or paa_tvaers(b) else 9.5


def paa_tvaers(b: "Blok") -> bool:
    """Whether a table goes on a landscape page, in the PDF and in Word alike: many columns, or amounts
    (which never break) so wide together that the texts beside them would get less than a fifth of an
    upright A4 page's 16 cm each (the account names of Bilag 3's konti table)."""
    n = len(b.hoved)
    if n >= BRED_TABEL:
        return True
    hoejre = [(b.hoejre or [])[k] if k < len(b.hoejre or []) else False for k in range(n)]
    tekster = n - sum(hoejre)
    if tekster < 2:
        return False
    beloeb = sum(0.4 + 0.019 * 9 * max([len(_ren(h)) for h in b.hoved[k:k + 1]] + [len(_ren(r[k])) for r in b.raekker if k < len(r)])
                 for k in range(n) if hoejre[k])
    return sum(hoejre) >= 2 and (16 - beloeb) / tekster < 0.2 * 16


@dataclass
class Udseende:
    navn: str  # the samdrift
    version: str
    farve: str
    skrift: str
    logo: Path | None
    word_skabelon: Path | None
    rod: Path
    navne: tuple[str, ...] = ()  # the afdelinger's and the organisation's names: never hyphenated


def _version(mappe: "Samdriftsmappe") -> str:
    """The git commit and its date when the folder is in git, else the export date ("today")."""
    from samdrift_cli.idag import idag

    try:
        r = subprocess.run(["git", "-C", str(mappe.sti), "log", "-1", "--format=%h %cs", "--", "."],
                           capture_output=True, text=True, check=False, timeout=10)
        dele = r.stdout.split()
        if r.returncode == 0 and len(dele) == 2:
            return f"Version {dele[0]} af {dansk_dato(dt.date.fromisoformat(dele[1]))}"
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    return f"Udskrevet {dansk_dato(idag())}"


def udseende(mappe: "Samdriftsmappe") -> Udseende:
    d = mappe.samdrift.dokumenter
    logo = mappe.sti / d.logo if d and d.logo else None
    skabelon = mappe.sti / d.word_skabelon if d and d.word_skabelon else None
    s = mappe.samdrift
    navne = tuple(dict.fromkeys(n for n in [*(a.navn for a in s.afdelinger), s.boligorganisation] if n and len(n) <= 60))
    return Udseende(s.navn, _version(mappe), (d.farve if d and d.farve else STANDARDFARVE),
                    (d.skrifttype if d and d.skrifttype else STANDARDSKRIFT), logo, skabelon, mappe.sti, navne)


# -- Markdown in --------------------------------------------------------------------------------


def _tokens(md: str):
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table").parse(md)


@dataclass
class Stykke:
    """An inline run: text, bold or italic, a line break."""

    tekst: str
    fed: bool = False
    kursiv: bool = False
    brud: bool = False


def _inline(token) -> list[Stykke]:
    ud: list[Stykke] = []
    fed = kursiv = False
    for c in token.children or []:
        if c.type == "strong_open":
            fed = True
        elif c.type == "strong_close":
            fed = False
        elif c.type == "em_open":
            kursiv = True
        elif c.type == "em_close":
            kursiv = False
        elif c.type in ("text", "code_inline"):
            ud.append(Stykke(c.content, fed, kursiv))
        elif c.type in ("softbreak",):
            ud.append(Stykke(" ", fed, kursiv))
        elif c.type == "hardbreak" or (c.type == "html_inline" and c.content.lower().startswith("<br")):
            ud.append(Stykke("", brud=True))
    return ud


def _ren(stykker: list[Stykke]) -> str:
    return "".join(s.tekst for s in stykker)


@dataclass
class Listepunkt:
    """A list item: its level (0 at the top), a task box ('☑' or '☐', for '- [x] …' as GitHub shows
    it) that replaces the bullet, and its text."""

    niveau: int
    boks: str | None
    stykker: list[Stykke]


@dataclass
class Blok:
    art: str  # overskrift, afsnit, liste, tabel, diagram
    niveau: int = 0
    stykker: list[Stykke] | None = None
    punkter: list[Listepunkt] | None = None
    nummereret: bool = False
    hoved: list[list[Stykke]] | None = None
    raekker: list[list[list[Stykke]]] | None = None
    hoejre: list[bool] | None = None
    diagram: str | None = None  # the mermaid kind: flowchart, quadrantChart, gantt, xychart-beta


def blokke(md: str) -> list[Blok]:
    """The Markdown of one document as blocks."""
    tokens = _tokens(md)
    ud: list[Blok] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.type == "heading_open":
            ud.append(Blok("overskrift", niveau=int(t.tag[1]), stykker=_inline(tokens[i + 1])))
            i += 3
        elif t.type == "paragraph_open":
            ud.append(Blok("afsnit", stykker=_inline(tokens[i + 1])))
            i += 3
        elif t.type in ("bullet_list_open", "ordered_list_open"):
            luk = t.type.replace("_open", "_close")
            punkter, dybde, j = [], 0, i + 1
            while j < len(tokens) and not (tokens[j].type == luk and dybde == 0):
                if tokens[j].type in ("bullet_list_open", "ordered_list_open"):
                    dybde += 1
                elif tokens[j].type in ("bullet_list_close", "ordered_list_close"):
                    dybde -= 1
                elif tokens[j].type == "inline":
                    stykker, boks = _inline(tokens[j]), None
                    if stykker and stykker[0].tekst[:4] in ("[ ] ", "[x] "):
                        f = stykker[0]
                        boks = "☑" if f.tekst[1] == "x" else "☐"
                        stykker[0] = Stykke(f.tekst[4:], f.fed, f.kursiv)
                    punkter.append(Listepunkt(dybde, boks, stykker))
                j += 1
            ud.append(Blok("liste", punkter=punkter, nummereret=t.type.startswith("ordered")))
            i = j + 1
        elif t.type == "table_open":
            hoved, raekker, hoejre, j = [], [], [], i + 1
            i_hoved = True
            raekke: list = []
            while tokens[j].type != "table_close":
                tj = tokens[j]
                if tj.type == "tbody_open":
                    i_hoved = False
                elif tj.type == "tr_open":
                    raekke = []
                elif tj.type in ("th_open", "td_open"):
                    if i_hoved:
                        hoejre.append("text-align:right" in (tj.attrs.get("style") or ""))
                elif tj.type == "inline":
                    raekke.append(_inline(tj))
                elif tj.type == "tr_close":
                    (hoved.extend if i_hoved else raekker.append)(raekke)
                j += 1
            ud.append(Blok("tabel", hoved=hoved, raekker=raekker, hoejre=hoejre))
            i = j + 1
        elif t.type == "fence" and t.info.strip() == "mermaid":
            ud.append(Blok("diagram", diagram=(t.content.split() or [""])[0]))
            i += 1
        else:
            i += 1
    return ud


def _diagrammer(mappe, fordeling, farve: str) -> dict[str, str | None]:
    return {"flowchart": diagrammer.organisationsdiagram(mappe, farve),
            "quadrantChart": diagrammer.interessentkvadrant(mappe, farve),
            "gantt": diagrammer.gantt(mappe, farve),
            "xychart-beta": diagrammer.i_dag_og_samdrift(fordeling, farve)}


def _er_beloeb(tekst: str) -> bool:
    return bool(re.fullmatch(r"[-−]?[\d.]+(,\d+)?( kr\.| %)?", tekst.strip()))


_DATO = re.compile(rf"\d{{1,2}}\. (?:{'|'.join(MAANEDER)}) \d{{4}}")


def _er_dato(tekst: str) -> bool:
    """A date as the documents write it ('31. december 2025'): set whole, never '31. de-cember'."""
    return bool(_DATO.fullmatch(tekst.strip()))


# -- Typst --------------------------------------------------------------------------------------


def _typst_stykker(stykker: list[Stykke], beskyt: bool = False) -> str:
    ud = []
    for s in stykker:
        if s.brud:
            ud.append(" \\ ")
            continue
        if not s.tekst:
            continue
        kode = ts(s.tekst)
        if s.fed:
            kode = f"strong({kode})"
        if s.kursiv:
            kode = f"emph({kode})"
        if beskyt:  # an amount never breaks inside
            kode = f"box({kode})"
        ud.append(f"#{kode}")
    return "".join(ud)


def _typst_tabel(b: Blok, farve: str) -> str:
    n = len(b.hoved)
    if b.hoved and _ren(b.hoved[-1]) == "Underskrift":
        return _typst_underskrifter(b)
    hoejre = [b.hoejre[k] if k < len(b.hoejre) else False for k in range(n)]
    vaegte = _tekstvaegte(b)
    kolonner = ", ".join("auto" if hoejre[k] or not vaegte[k] else f"{vaegte[k]}fr" for k in range(n))
    celler = [f"table.header({', '.join(f'[{_typst_stykker(h)}]' for h in b.hoved)})"]
    for r in b.raekker:
        for k in range(n):
            c = r[k] if k < len(r) else []
            tekst = _ren(c)
            celler.append(f"[{_typst_stykker(c, beskyt=hoejre[k] or _er_beloeb(tekst) or _er_dato(tekst))}]")
    justering = ", ".join("right" if h else "left" for h in hoejre)
    tabel = (f"#table(columns: ({kolonner},), align: ({justering},), stroke: 0.4pt + luma(160), inset: 4pt,\n"
             f"  fill: (x, y) => if y == 0 {{ rgb(\"{farve}\").lighten(85%) }},\n  " + ",\n  ".join(celler) + ")")
    if paa_tvaers(b):
        return f"#page(flipped: true)[\n#set text(size: {tabelskrift(b)}pt)\n{tabel}\n]"
    return f"#[#set text(size: {tabelskrift(b)}pt)\n{tabel}\n]"


KORT_TEKST = 12  # characters: a column whose texts are all this short is as wide as the longest


def _tekstvaegte(b: Blok) -> list[int]:
    """How the text columns of a table share its width: by the mean length of their cells (header
    included), at most 40 characters, so a column of long texts is not as narrow as one of names
    and dates; and no less than its longest word. 0 for a column whose cells are short texts ('ja',
    'Mette Lund') or dates under a header that fits on two lines that wide ('Skal afsluttes
    senest'): it is as wide as its longest cell, so it is never hyphenated ('Op-fyldt', '31.
    de-cember 2025'). A long header over short cells ('Boligafdeling som bidrager med aktivet ved
    opstart') shares the width like a column of long texts."""
    vaegte = []
    for k in range(len(b.hoved)):
        hoved, celler = _ren(b.hoved[k]), [_ren(r[k]) for r in b.raekker if k < len(r)]
        tekster = [hoved] + celler
        laengste_ord = max((len(o) for x in tekster for o in x.split()), default=1)
        # the width the cells (or the header's longest word) need anyway, and the header on two lines in it
        bredde = max([KORT_TEKST, *map(len, celler), *map(len, hoved.split())])
        kort = all(len(x) <= KORT_TEKST or _er_dato(x) for x in celler) and _to_linjer(hoved) <= bredde
        vaegte.append(0 if kort else
                      max(laengste_ord + 2, min(40, round(sum(map(len, tekster)) / len(tekster)))))
    return vaegte


def _to_linjer(tekst: str) -> int:
    """The characters a line needs to hold ``tekst`` on two lines, wrapped between its words."""
    ord_ = tekst.split()
    return min((max(len(" ".join(ord_[:i])), len(" ".join(ord_[i:]))) for i in range(len(ord_) + 1)), default=0)


def _typst_liste(b: Blok) -> str:
    """A list; a task list as a box in front of each item, where the bullet would be (a nested item
    under it indented, after a dash)."""
    if not any(p.boks for p in b.punkter):
        tegn = "+" if b.nummereret else "-"
        return "\n".join(f"{'  ' * p.niveau}{tegn} {_typst_stykker(p.stykker)}" for p in b.punkter)
    celler = []
    for p in b.punkter:
        tekst = _typst_stykker(p.stykker)
        celler += [f"[{p.boks}]", f"[{tekst}]"] if p.niveau == 0 else \
                  ["[]", f"[#pad(left: {p.niveau - 1}em, grid(columns: (0.9em, 1fr), [–], [{tekst}]))]"]
    return "#grid(columns: (1.1em, 1fr), column-gutter: 0.25em, row-gutter: 0.65em, " + ", ".join(celler) + ")"


def _typst_underskrifter(b: Blok) -> str:
    """Signature blocks: for whom, the name and date recorded, and a line to sign on."""
    felter = []
    for r in b.raekker:
        hvem, navn, dato = (_typst_stykker(r[k]) if k < len(r) else "" for k in range(3))
        felter.append(f"block(breakable: false, width: 100%, inset: (y: 8pt))[#strong[{hvem}] \\ "
                      f"Navn: {navn or '#box(width: 6cm, repeat[.])'} \\ Dato: {dato or '#box(width: 3cm, repeat[.])'} "
                      f"#v(1.2cm) #line(length: 8cm, stroke: 0.5pt) #text(size: 8pt)[Underskrift]]")
    return "#v(0.5cm)\n" + "\n".join(f"#{f}" for f in felter)


def typst_kilde(titel: str, bloks: list[Blok], u: Udseende, billeder: dict[str, str | None]) -> str:
    logo = ""
    if u.logo is not None:
        logo = f"#place(top + right, dy: -0.6cm, image({ts(u.logo.relative_to(u.rod).as_posix())}, height: 0.9cm))"
    linjer = [
        f"#set document(title: {ts(titel)}, author: {ts(u.navn)}, keywords: (\"samdrift\",), date: none)",
        f"#set text(font: {ts(u.skrift)}, lang: \"da\", size: 10.5pt, hyphenate: true)",
        "#set par(justify: false, leading: 0.6em)",
        f"#set page(paper: \"a4\", margin: (x: 2.5cm, top: 2.8cm, bottom: 2.5cm),\n"
        f"  header: [#set text(size: 8pt, fill: luma(90)); #{ts(u.navn)} #h(1fr) #{ts(titel)} {logo}"
        f" #v(-4pt) #line(length: 100%, stroke: 0.4pt + rgb(\"{u.farve}\"))],\n"
        f"  footer: context [#set text(size: 8pt, fill: luma(90)); #{ts(u.version)} #h(1fr) "
        f"Side #counter(page).display() af #counter(page).final().first()])",
        f"#show heading: set text(fill: rgb(\"{u.farve}\"))",
        # a name is set whole: 'Æblegården', never 'Æble-gården' (#26)
        *(f"#show {ts(n)}: it => box(it)" for n in u.navne),
        "#show heading.where(level: 1): set text(size: 16pt)",
        "#show heading.where(level: 2): set text(size: 13pt)",
        "#show table.cell.where(y: 0): strong",
        "",
    ]
    for b in bloks:
        if b.art == "overskrift":
            linjer.append("=" * b.niveau + " " + _typst_stykker(b.stykker))
        elif b.art == "afsnit":
            linjer.append(_typst_stykker(b.stykker))
        elif b.art == "liste":
            linjer.append(_typst_liste(b))
        elif b.art == "tabel":
            linjer.append(_typst_tabel(b, u.farve))
        elif b.art == "diagram":
            kode = billeder.get(b.diagram)
            if kode:
                linjer.append(f"#align(center, block(breakable: false)[{kode}])")
        linjer.append("")
    return "\n".join(linjer)


def skriv_pdf(titel: str, bloks: list[Blok], u: Udseende, billeder: dict) -> bytes:
    import typst

    kilde = typst_kilde(titel, bloks, u, billeder)
    try:
        return typst.compile(kilde.encode("utf-8"), root=str(u.rod), format="pdf", ignore_system_fonts=True,
                             font_paths=[str(u.rod)])
    except Exception:  # typst's errors are one class per kind; check has told what it can foresee (logo, font)
        raise SamdriftFejl([Fund("samdrift.yaml", None, None, "fejl",
                                 f"PDF-dokumentet '{titel}' kunne ikke laves; tjek 'dokumenter:' i samdrift.yaml (logo, "
                                 "skrifttype), og kør 'samdrift check'")])


# -- Word ---------------------------------------------------------------------------------------


def _felt(paragraf, kode: str) -> None:
    """A Word field (PAGE, NUMPAGES) in a paragraph: python-docx has no API for fields, so the
    field characters are written as the OOXML elements Word itself writes."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for art, tekst in (("begin", None), (None, kode), ("separate", None), (None, "1"), ("end", None)):
        r = OxmlElement("w:r")
        if art is not None:
            f = OxmlElement("w:fldChar")
            f.set(qn("w:fldCharType"), art)
            r.append(f)
        elif tekst == kode:
            t = OxmlElement("w:instrText")
            t.set(qn("xml:space"), "preserve")
            t.text = f" {kode} "
            r.append(t)
        else:
            t = OxmlElement("w:t")
            t.text = tekst
            r.append(t)
        paragraf._p.append(r)


def _docx_stykker(paragraf, stykker: list[Stykke]) -> None:
    for s in stykker:
        if s.brud:
            paragraf.add_run().add_break()
            continue
        r = paragraf.add_run(s.tekst)
        r.bold = s.fed or None
        r.italic = s.kursiv or None


def _gentag_hoved(raekke) -> None:
    """The header row repeats on every page (w:tblHeader; python-docx has no API for it)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trPr = raekke._tr.get_or_add_trPr()
    e = OxmlElement("w:tblHeader")
    e.set(qn("w:val"), "true")
    trPr.append(e)
    kant = OxmlElement("w:cantSplit")
    trPr.append(kant)


def _sektion(doc, liggende: bool):
    from docx.enum.section import WD_ORIENT, WD_SECTION

    s = doc.add_section(WD_SECTION.NEW_PAGE)
    if liggende != (s.orientation == WD_ORIENT.LANDSCAPE):
        s.orientation = WD_ORIENT.LANDSCAPE if liggende else WD_ORIENT.PORTRAIT
        s.page_width, s.page_height = s.page_height, s.page_width
    return s


def _med_overskrifter(doc) -> set[str]:
    """The names of the document's styles, after adding the title, heading and table styles that a
    Word template made elsewhere (LibreOffice, an old Word) may lack, as python-docx's own template
    has them. List styles are not copied, since they refer to that template's numbering."""
    import copy

    import docx

    navne = {s.name for s in doc.styles}
    standard = docx.Document().styles
    for navn in ("Normal Table", "Table Grid", "Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        if navn not in navne:
            doc.styles.element.append(copy.deepcopy(standard[navn].element))
            navne.add(navn)
    return navne


def _kun_typografier(doc) -> None:
    """A Word template gives its styles and no more: its text is removed, and whatever it links to
    outside itself (an attached template on a server, a hyperlink, a linked picture) is dropped with
    every reference to it, so that nothing foreign travels into a board's document."""
    from docx.oxml.ns import qn

    krop = doc.element.body
    for barn in list(krop):
        if barn.tag != qn("w:sectPr"):
            krop.remove(barn)
    r_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    for del_ in list(doc.part.package.iter_parts()):
        eksterne = {rid for rid, rel in del_.rels.items() if rel.is_external}
        if not eksterne:
            continue
        element = getattr(del_, "element", None)  # XmlPart; andre dele har kun bytes
        if element is not None:
            for e in list(element.iter()):
                for a in [a for a in e.attrib if a.startswith(r_ns) and e.attrib[a] in eksterne]:
                    del e.attrib[a]
                if e.tag == qn("w:attachedTemplate"):
                    e.getparent().remove(e)
        for rid in eksterne:
            del_.rels.pop(rid)


def skriv_docx(titel: str, bloks: list[Blok], u: Udseende, billeder: dict, stempel: dt.datetime) -> bytes:
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    doc = docx.Document(str(u.word_skabelon)) if u.word_skabelon else docx.Document()
    if u.word_skabelon:
        _kun_typografier(doc)
    stilarter = _med_overskrifter(doc)
    farve = RGBColor.from_string(u.farve.lstrip("#").upper())
    # Danish everywhere: the language of the Normal style, which every other style is based on
    # (python-docx has no API for a style's language)
    rPr = doc.styles["Normal"].element.get_or_add_rPr()
    sprog = rPr.find(qn("w:lang"))
    if sprog is None:
        sprog = OxmlElement("w:lang")
        rPr.append(sprog)
    for a in ("w:val", "w:eastAsia", "w:bidi"):
        sprog.set(qn(a), "da-DK")
    # and Danish hyphenation, so that a word longer than its table column is hyphenated
    # ('Driftsbespa-relse') rather than cut ('Driftsbespa relse'); the schema puts it right after
    # defaultTabStop, which Word always writes (a template without it is left as it is)
    indstillinger = doc.settings.element
    tabstop = indstillinger.find(qn("w:defaultTabStop"))
    if tabstop is not None and indstillinger.find(qn("w:autoHyphenation")) is None:
        tabstop.addnext(OxmlElement("w:autoHyphenation"))
    if not u.word_skabelon:
        normal = doc.styles["Normal"]
        normal.font.size = Pt(10.5)
        for navn in ("Heading 1", "Heading 2", "Heading 3", "Title"):
            doc.styles[navn].font.color.rgb = farve
    doc.core_properties.title = titel
    doc.core_properties.author = "samdrift"
    doc.core_properties.language = "da-DK"
    doc.core_properties.created = stempel.replace(tzinfo=None)
    doc.core_properties.modified = stempel.replace(tzinfo=None)
    doc.core_properties.revision = 1
    sektion = doc.sections[0]
    sektion.page_width, sektion.page_height = Cm(21), Cm(29.7)
    for s in ("left_margin", "right_margin"):
        setattr(sektion, s, Cm(2.5))

    def sidehoved(sek) -> None:
        """Header and footer as in the PDF: small grey text, the header over a rule in the colour, on tab stops
        inside the A4 text width (python-docx's Header style has US Letter's 4680/9360 twips)."""
        from docx.enum.text import WD_TAB_ALIGNMENT
        from docx.shared import Twips

        bredde = sek.page_width - sek.left_margin - sek.right_margin
        sek.header.is_linked_to_previous = sek.footer.is_linked_to_previous = False  # a landscape page has its own
        h = sek.header.paragraphs[0]
        f = sek.footer.paragraphs[0]
        for afsnit in (h, f):
            afsnit.text = ""
            stop = afsnit.paragraph_format.tab_stops
            for gammel in (4680, 9360):
                stop.add_tab_stop(Twips(gammel), WD_TAB_ALIGNMENT.CLEAR)
            stop.add_tab_stop(bredde, WD_TAB_ALIGNMENT.RIGHT)  # one stop: the title at the right margin
        for tekst in (u.navn, "\t", titel):
            r = h.add_run(tekst)
            r.font.size, r.font.color.rgb = Pt(8), RGBColor(0x5A, 0x5A, 0x5A)
        if u.logo is not None and u.logo.suffix.lower() in (".png", ".jpg", ".jpeg"):
            h.add_run().add_picture(str(u.logo), height=Cm(0.8))
        kant = OxmlElement("w:pBdr")
        bund = OxmlElement("w:bottom")
        for a, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", u.farve.lstrip("#").upper())):
            bund.set(qn(a), v)
        kant.append(bund)
        h._p.get_or_add_pPr().append(kant)
        for tekst in (u.version, "\tSide "):
            r = f.add_run(tekst)
            r.font.size, r.font.color.rgb = Pt(8), RGBColor(0x5A, 0x5A, 0x5A)
        _felt(f, "PAGE")
        f.add_run(" af ")
        _felt(f, "NUMPAGES")
        for r in f.runs[2:]:
            r.font.size, r.font.color.rgb = Pt(8), RGBColor(0x5A, 0x5A, 0x5A)

    sidehoved(sektion)
    liggende = False
    for b in bloks:
        if liggende and b.art in ("overskrift", "afsnit", "liste"):  # after a table across the page: upright again
            sidehoved(_sektion(doc, False))
            liggende = False
        if b.art == "overskrift":
            p = doc.add_heading(level=min(b.niveau, 4))
            _docx_stykker(p, b.stykker)
        elif b.art == "afsnit":
            _docx_stykker(doc.add_paragraph(), b.stykker)
        elif b.art == "liste":
            opgaver = any(x.boks for x in b.punkter)
            nr = 0
            for punkt in b.punkter:
                stil = ("List Number" if b.nummereret else "List Bullet") + (f" {min(punkt.niveau + 1, 3)}" if punkt.niveau else "")
                nr += punkt.niveau == 0
                if opgaver or stil not in stilarter:
                    # the marker written out, the text hanging after it: a task's box where the bullet
                    # would be, or a list in a Word template without the list styles
                    afsnit = doc.add_paragraph()
                    afsnit.paragraph_format.left_indent = Cm(0.63 * (punkt.niveau + 1))
                    afsnit.paragraph_format.first_line_indent = Cm(-0.63)
                    afsnit.paragraph_format.tab_stops.add_tab_stop(Cm(0.63 * (punkt.niveau + 1)))
                    afsnit.add_run(f"{punkt.boks or ('–' if punkt.niveau else f'{nr}.' if b.nummereret else '•')}\t")
                else:
                    afsnit = doc.add_paragraph(style=stil)
                _docx_stykker(afsnit, punkt.stykker)
        elif b.art == "tabel" and b.hoved and _ren(b.hoved[-1]) == "Underskrift":
            for r in b.raekker:
                hvem, navn, dato = (_ren(r[k]) if k < len(r) else "" for k in range(3))
                p = doc.add_paragraph()
                p.paragraph_format.keep_with_next = True
                p.add_run(hvem).bold = True
                doc.add_paragraph(f"Navn: {navn or '_' * 30}").paragraph_format.keep_with_next = True
                doc.add_paragraph(f"Dato: {dato or '_' * 15}").paragraph_format.keep_with_next = True
                doc.add_paragraph("\n\n" + "_" * 40 + "\nUnderskrift")
        elif b.art == "tabel":
            n = len(b.hoved)
            bred = paa_tvaers(b)
            if bred != liggende:
                sidehoved(_sektion(doc, bred))
                liggende = bred
            t = doc.add_table(rows=1, cols=n)
            t.style = "Table Grid"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            hoejre = [b.hoejre[k] if k < len(b.hoejre) else False for k in range(n)]
            for k, h in enumerate(b.hoved):
                c = t.rows[0].cells[k]
                c.paragraphs[0].add_run(_ren(h)).bold = True
            _gentag_hoved(t.rows[0])
            for r in b.raekker:
                raekke = t.add_row()
                raekke._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row is never split over pages
                celler = raekke.cells
                for k in range(n):
                    stykker = r[k] if k < len(r) else []
                    p = celler[k].paragraphs[0]
                    tekst = _ren(stykker)
                    beloeb_her = hoejre[k]
                    if beloeb_her or _er_dato(tekst):
                        # an amount or a date never breaks: 'kr.' stays with its number
                        stykker = [Stykke(x.tekst.replace(" ", "\u00a0"), x.fed, x.kursiv, x.brud) for x in stykker]
                    if beloeb_her:
                        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                    _docx_stykker(p, stykker)
            # an amount column, and one of short texts, as wide as its longest; the others share the rest
            beloeb = hoejre  # the amount columns are those the Markdown right-aligns (a konto number is a short text)
            skrift = tabelskrift(b)
            # the cells whole, the header on two lines ('Med antal | lejemål')
            tegn = [max([_to_linjer(_ren(h)) for h in b.hoved[k:k + 1]]
                        + [len(_ren(r[k])) for r in b.raekker if k < len(r)], default=1) for k in range(n)]
            vaegte = _tekstvaegte(b)
            # about 0.024 cm a character a point of type (the bold header's letters are the widest), and the cell's margins
            # digits are half an em wide (0.0176 cm a point of type); the header's bold letters a little more
            bredder = [Cm(0.5 + (0.021 if beloeb[k] else 0.022) * skrift * tegn[k]) if beloeb[k] or not vaegte[k] else None
                       for k in range(n)]
            plads, fleksible = Cm(24.7 if bred else 16), bredder.count(None)
            fast = sum(x for x in bredder if x)
            if fast + fleksible * Cm(1.5) > plads:  # wider than the page: the fixed columns give way, in proportion
                bredder = [int(x * (plads - fleksible * Cm(1.5)) / fast) if x else None for x in bredder]
            # each of the others 1.5 cm, and what is left by their weights
            rest = plads - sum(x for x in bredder if x) - fleksible * Cm(1.5)
            i_alt = sum(vaegte[k] for k in range(n) if bredder[k] is None) or 1
            t.autofit = False
            for k in range(n):
                bredde = bredder[k] or Cm(1.5) + int(rest * vaegte[k] / i_alt)
                t.columns[k].width = bredde  # the table grid, which LibreOffice reads
                for c in t.columns[k].cells:
                    c.width = bredde  # each cell, which Word reads
            for raekke in t.rows:
                for c in raekke.cells:
                    for p in c.paragraphs:
                        for run in p.runs:
                            run.font.size = Pt(skrift)
            doc.add_paragraph()
        elif b.art == "diagram":
            kode = billeder.get(b.diagram)
            if kode:
                if liggende:
                    sidehoved(_sektion(doc, False))
                    liggende = False
                doc.add_picture(io.BytesIO(diagrammer.som_png(kode, u.farve)), width=Cm(16))
                doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    ud = io.BytesIO()
    doc.save(ud)
    return ud.getvalue()


# -- all documents ------------------------------------------------------------------------------


def lav_dokumenter(mappe: "Samdriftsmappe", fordeling: "Fordelingsresultat | None", ud: Path | None,
                   art: str, status=None) -> dict[Path, bytes]:
    """The documents as PDF (``art`` "pdf") or Word ("docx") in ``ud`` (default dokumenter/)."""
    from samdrift_cli.eksport.md import STANDARDMAPPE, render

    ud = ud if ud is not None else mappe.sti / STANDARDMAPPE
    if ud.exists() and not ud.is_dir():
        raise SamdriftFejl([Fund(str(ud), None, None, "fejl", "findes og er ikke en mappe")])
    from samdrift_cli.milepaele.regler import vurder
    from samdrift_cli.milepaele.status import dokumentdato

    status = status if status is not None else vurder(mappe)
    md = render(mappe, fordeling, status)
    u = udseende(mappe)
    billeder = _diagrammer(mappe, fordeling, u.farve)
    stempel = dokumentdato(status)
    indhold: dict[Path, bytes] = {}
    for stamme in STAMMER:
        tekst = md.get(f"{stamme}.md")
        if tekst is None:
            continue
        bloks = blokke(tekst)
        titel = next((_ren(b.stykker) for b in bloks if b.art == "overskrift"), stamme)
        indhold[ud / f"{stamme}.{art}"] = (skriv_pdf(titel, bloks, u, billeder) if art == "pdf"
                                           else skriv_docx(titel, bloks, u, billeder, stempel))
    return indhold
