"""`samdrift export --xlsx`: the workbook economy staff open, change and mail on.

Written with XlsxWriter because every formula cell must also carry its computed value
(``write_formula(..., value=)``), which openpyxl cannot store. The allocation formulas reproduce
the øre rule of design.md §3.4 with integer arithmetic in doubles:

    N = ROUND(ABS(budget)*100, 0)            the amount in øre
    gulv_j = INT(N*b_j/T)                    b_j integer basis, T = Σb (exact while N*b_j < 2^53)
    rest_j = N*b_j - gulv_j*T
    R = N - Σ gulv_j                         øre left over
    rang_j = COUNTIF(rest, ">"&rest_j) + COUNTIF(earlier rest, rest_j)
    fordeling_j = SIGN(budget)*(gulv_j + IF(rang_j < R, 1, 0))/100

(INT of the quotient rather than MOD: Excel's MOD fails with #NUM! on large quotients.)
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from samdrift_cli.beloeb import dansk_beloeb, fra_oere, pr_enhed, til_oere
from samdrift_cli.indlaesning import projektmappe
from samdrift_cli.fund import Fund, SamdriftFejl, synlig

if TYPE_CHECKING:
    from samdrift_cli.fordeling.beregning import Fordelingsresultat
    from samdrift_cli.indlaesning.samdriftsmappe import Samdriftsmappe

GRAENSE = 2**53


def _celle_tal(v) -> float:
    """A spreadsheet number is a binary double. Values are computed exactly (øre, Decimal, Fraction)
    and converted only here, at the cell, where Excel would store the same double."""
    return float(v)


FORMEL_START = ("=", "+", "-", "@", "\t", "\r")


def _ref(ark: str, raekke: int, kol: int, abs_: bool = True) -> str:
    """Cell reference on another sheet (row/col 0-based)."""
    from xlsxwriter.utility import xl_rowcol_to_cell

    return f"'{ark}'!{xl_rowcol_to_cell(raekke, kol, row_abs=abs_, col_abs=abs_)}"


def _celle(raekke: int, kol: int, abs_: bool = False) -> str:
    from xlsxwriter.utility import xl_rowcol_to_cell

    return xl_rowcol_to_cell(raekke, kol, row_abs=abs_, col_abs=abs_)


def _skala(vaerdier) -> int:
    """Decimal places needed to make every basis value an integer."""
    k = 0
    for v in vaerdier:
        d = Decimal(v)
        if d != d.to_integral_value():
            k = max(k, -d.normalize().as_tuple().exponent)
    return k


def standard_filnavn(mappe: "Samdriftsmappe") -> Path:
    from samdrift_cli.identitet import filnavn

    return Path(filnavn(mappe.samdrift.navn, ".xlsx"))


class _Bog:
    def __init__(self, wb, fmt: dict, citeret: dict):
        self.wb = wb
        self.fmt = fmt
        self._citeret = {id(fmt[navn]): f for navn, f in citeret.items()}
        self._citeret[id(None)] = citeret["tekst"]
        self._bredder: dict = {}  # per sheet: the width of each column set

    def ark(self, navn: str):
        ws = self.wb.add_worksheet(navn)
        self._bredder[ws] = {}
        return ws

    def kolonner(self, ws, k1: int, k2: int, bredde: float, skjult: bool = False) -> None:
        """Columns k1 to k2 as wide as ``bredde`` characters (remembered for the notes that span them)."""
        ws.set_column(k1, k2, bredde, None, {"level": 1, "hidden": True} if skjult else None)
        self._bredder[ws].update({k: 0 if skjult else bredde for k in range(k1, k2 + 1)})

    def tekst(self, ws, r: int, k: int, v, fmt=None) -> None:
        """User text is always text: never a formula, quotePrefix when it looks like one."""
        if v is None:
            ws.write_blank(r, k, None, fmt or self.fmt["tekst"])
            return
        s = str(v)
        if s.startswith(FORMEL_START):
            ws.write_string(r, k, s, self._citeret.get(id(fmt), self.fmt["citeret"]))
        else:
            ws.write_string(r, k, s, fmt or self.fmt["tekst"])

    def note(self, ws, r: int, k1: int, k2: int, tekst: str, fmt: str = "note") -> None:
        """An explanatory note (or, with ``fmt``, any text), wrapped within the columns k1 to k2."""
        if k2 > k1:
            ws.merge_range(r, k1, r, k2, tekst, self.fmt[fmt])
        else:
            ws.write_string(r, k1, tekst, self.fmt[fmt])
        # as many lines as the text needs in the columns it spans (a hidden column takes no room;
        # one not set is Excel's standard 8.43)
        plads = sum(self._bredder[ws].get(k, 8.43) for k in range(k1, k2 + 1))
        ws.set_row(r, 15 * _linjer(tekst, plads))

    def dato(self, ws, r: int, k: int, d: dt.date | None) -> None:
        if d is None:
            ws.write_blank(r, k, None, self.fmt["dato"])
        else:
            ws.write_datetime(r, k, dt.datetime(d.year, d.month, d.day), self.fmt["dato"])


def maalfil(mappe: "Samdriftsmappe", fil: Path | None) -> Path:
    """The workbook's file: ``fil`` (with .xlsx added when it has another ending), or the samdrift's name."""
    fil = fil if fil is not None else mappe.sti / standard_filnavn(mappe)
    if fil.suffix.lower() != ".xlsx":
        fil = fil.with_suffix(fil.suffix + ".xlsx") if fil.suffix else fil.with_suffix(".xlsx")
    return fil


def lav_xlsx(mappe: "Samdriftsmappe", fordeling: "Fordelingsresultat | None", status=None) -> bytes:
    """The workbook of a folder and its allocation (None: no model.yaml to allocate)."""
    import xlsxwriter

    import io

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                   "strings_to_urls": False})
    from samdrift_cli.milepaele.regler import vurder

    status = status if status is not None else vurder(mappe)
    from samdrift_cli.milepaele.status import dokumentdato

    stempel = dokumentdato(status)
    wb.set_properties({"title": mappe.samdrift.navn, "subject": "Samdrift mellem almene boligafdelinger",
                       "author": "samdrift", "company": mappe.samdrift.boligorganisation or "", "created": stempel})
    wb.set_calc_mode("auto")
    if fordeling is not None:
        wb.set_custom_property(AFTRYK, _modellens_aftryk(fordeling))
    wb.set_custom_property(projektmappe.AFTRYK, projektmappe.aftryk(_modellens_grundlag(mappe, fordeling)))
    specs = {
        "tekst": {"text_wrap": False, "valign": "top"},
        "ombryd": {"text_wrap": True, "valign": "top"},
        "citeret": {"quote_prefix": True, "valign": "top"},
        "kr": {"num_format": '#,##0.00 "kr."', "valign": "top"},
        "kr_fed": {"num_format": '#,##0.00 "kr."', "bold": True, "top": 1},
        "pct": {"num_format": "0.0000%", "valign": "top"},
        "pct2": {"num_format": "0.00%"},
        "tal": {"num_format": "#,##0.##", "valign": "top"},
        "heltal": {"num_format": "0", "valign": "top"},
        "dato": {"num_format": "dd-mm-yyyy", "valign": "top"},
        "hoved": {"bold": True, "bg_color": "#DDEBF7", "bottom": 1, "text_wrap": True, "valign": "top"},
        "titel": {"bold": True, "font_size": 14},
        "fed": {"bold": True},
        "fed_top": {"bold": True, "top": 1},
        "lille": {"italic": True, "font_color": "#595959"},
        "note": {"italic": True, "font_color": "#595959", "text_wrap": True, "valign": "top"},
        "naaet": {"font_color": "#006100", "bg_color": "#C6EFCE"},
        "ikke": {"font_color": "#9C5700", "bg_color": "#FFEB9C"},
    }
    fmt = {navn: wb.add_format(spec) for navn, spec in specs.items()}
    # the same formats with quotePrefix, for user text that starts like a formula
    citeret = {navn: wb.add_format({**spec, "quote_prefix": True}) for navn, spec in specs.items()}
    bog = _Bog(wb, fmt, citeret)
    _oversigt(bog, mappe, status)
    afd_raekke = _afdelinger(bog, mappe)
    if fordeling is not None:
        noegle_celler = _noegler(bog, mappe, fordeling, afd_raekke)
        konto_celler = _konti(bog, mappe, fordeling, noegle_celler)
        if fordeling.har_nuvaerende:
            _maal_oekonomi(bog, mappe, fordeling, konto_celler, afd_raekke)
        _regnskaber(bog, mappe, fordeling, noegle_celler, konto_celler)
    if mappe.model is not None and mappe.model.organisationsplan is not None:
        _organisationsplan(bog, mappe)
    if mappe.interessenter is not None:
        _interessenter(bog, mappe)
    if mappe.implementeringsplan is not None:
        _implementeringsplan(bog, mappe)
    if mappe.evaluering is not None:
        _evaluering(bog, mappe)
    for ws in wb.worksheets():
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        ws.fit_to_pages(1, 0)
        ws.set_footer("&L&A&R&P/&N")
        # a konto number is text ('119.9', '0114'); Excel is not to mark each with a green triangle
        ws.ignore_errors({"number_stored_as_text": "A1:XFD1048576"})
    wb.close()
    return buf.getvalue()


def tjek_rettelser(fil: Path, mappe: "Samdriftsmappe", fordeling) -> None:
    """A workbook samdrift wrote and someone has changed since may be replaced only when its edits
    are in samdrift.yaml and model.yaml already: otherwise the export refuses, saying which cells
    changed and how to bring them in."""
    import shlex

    aendret = _aendringer(fil, mappe, fordeling)
    if aendret:
        raise SamdriftFejl([Fund(str(fil), None, None, "fejl",
                                 f"projektmappen er ændret, siden samdrift skrev den ({aendret}); brug --overskriv for at kassere "
                                 f"ændringerne, eller hent dem ind med: samdrift import budget {shlex.quote(fil.name)}")])


AFTRYK = "samdrift-budgetter"  # custom document property: the budgets as written, to notice edits


def budgetaftryk(linjer) -> str:
    """A hash of the budget lines of the Konti sheet (konto, navn, amount), as written or as read."""
    import hashlib

    tekst = "\n".join(f"{k}\t{n or ''}\t{b:.2f}" for k, n, b in linjer)
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


def _modellens_aftryk(fordeling) -> str | None:
    """The fingerprint of model.yaml's budgets, as the Konti sheet shows them."""
    return budgetaftryk((k.konto, k.navn, fra_oere(k.beloeb)) for k in fordeling.konti) if fordeling else None


def _modellens_grundlag(mappe: "Samdriftsmappe", fordeling) -> "projektmappe.Grundlag":
    """Lejemål, areal and the fast nøgler's andele as the sheets Afdelinger and Fordelingsnøgler show them."""
    return projektmappe.fra_mappen(mappe.samdrift.afdelinger, fordeling.noegler if fordeling else [])


def _aendringer(fil: Path, mappe: "Samdriftsmappe", fordeling) -> str | None:
    """What of a workbook samdrift wrote has been edited since and is not yet in the folder: a
    budget, or a cell of lejemål, areal or andele; None when nothing, or not one of samdrift's workbooks."""
    import xml.etree.ElementTree as ET

    from samdrift_cli.indlaesning.budgetfil import MAKS_STOERRELSE, laes_linjer
    from samdrift_cli.indlaesning.regneark import Regneark, tjek_zip
    from samdrift_cli.indlaesning.yamlkilde import laes_raa

    raa, _ = laes_raa(fil, fil.name, MAKS_STOERRELSE)
    try:
        if raa is None:
            return "filen kan ikke læses"
        with tjek_zip(raa, fil.name) as z:
            egenskaber = {e.get("name"): (e[0].text or "") if len(e) else "" for e in ET.fromstring(z.read("docProps/custom.xml"))}
    except (SamdriftFejl, KeyError, OSError, ET.ParseError):
        return "filen kan ikke læses som projektmappe"
    if not egenskaber.get(AFTRYK):
        return "samdrifts aftryk af budgetterne mangler"
    try:
        laest = laes_linjer(fil, "Konti", None, None, None)
    except SamdriftFejl:
        return "Konti-arket kan ikke læses"
    if laest.fund:
        return f"{laest.fund[0][1].fil}: {laest.fund[0][1].besked}"
    aftryk = budgetaftryk((x.konto, x.navn, x.beloeb) for x in laest.linjer)
    rettet = [] if aftryk in (egenskaber[AFTRYK], _modellens_aftryk(fordeling)) else _rettede_budgetter(laest.linjer, fordeling)
    gemt = egenskaber.get(projektmappe.AFTRYK)
    if gemt:  # a workbook from before lejemål, areal and andele were read back has only budgets
        try:
            bog = Regneark(raa, fil.name)
            g = projektmappe.laes_grundlag(bog, fil.name)
            bog.luk()
        except SamdriftFejl:
            return "arkene Afdelinger og Fordelingsnøgler kan ikke læses"
        if g is None:
            return "arket Afdelinger mangler"
        if g.fund:
            return f"{g.fund[0].fil}: {g.fund[0].besked}"
        if projektmappe.aftryk(g) not in (gemt, projektmappe.aftryk(model := _modellens_grundlag(mappe, fordeling))):
            rettet += projektmappe.forskelle(g, model) or ["lejemål, areal eller andele"]
    return ("; ".join(rettet[:3]) + (f" og {len(rettet) - 3} mere" if len(rettet) > 3 else "")) or None


def _rettede_budgetter(linjer, fordeling) -> list[str]:
    """The Konti sheet's budgets that are not model.yaml's, by cell: the sheet lists model.yaml's lines in order."""
    model = list(fordeling.konti) if fordeling else []
    if len(model) != len(linjer):
        return [f"Konti-arket har {len(linjer)} kontolinjer, model.yaml {len(model)}"]
    ud = []
    for ln, k in zip(linjer, model):
        hvad = f"konto {synlig(ln.konto)}{' ' + synlig(ln.navn) if ln.navn else ''}"
        if (ln.konto, ln.navn or None) != (k.konto, k.navn or None):
            ud.append(f"{ln.sted.split(':', 1)[1]}: {hvad} i stedet for konto {synlig(k.konto)}{' ' + synlig(k.navn) if k.navn else ''}")
        elif ln.beloeb != fra_oere(k.beloeb):
            ud.append(f"{ln.beloeb_sted.split(':', 1)[1]}: budget for {hvad} {dansk_beloeb(k.beloeb)} → "
                      f"{dansk_beloeb(til_oere(ln.beloeb))}")
    return ud or ["et budget i Konti-arket"]


# -- sheets -------------------------------------------------------------------------


def _linjer(v, bredde: int, fed: bool = False) -> int:
    """The lines a wrapped cell of ``bredde`` (Excel's width in characters) needs, about: the words
    laid out line by line, as the spreadsheet wraps them."""
    plads = bredde * (0.95 if fed else 1.1)  # letters are narrower than the digit '0' Excel's width counts
    linjer = 0
    for afsnit in str(v or "").split("\n"):
        linjer += 1
        brugt = 0
        for ord_ in afsnit.split():
            if brugt and brugt + 1 + len(ord_) > plads:
                linjer += 1 + int(len(ord_) // plads)
                brugt = len(ord_) % plads
            else:
                brugt += (1 if brugt else 0) + len(ord_)
    return linjer


def _tabel(bog: _Bog, ws, raekke: int, kolonner: list[tuple[str, int]], data: list[list], typer: list[str],
           navn: str | None = None) -> int:
    """A header and rows as an Excel table with filter; returns the row after the table.

    A column is at least as wide as the longest word of its header, a column of short texts (an id,
    a group) as its longest text up to 24. Excel and LibreOffice do not fit a row to wrapped text by
    themselves, so each row is as high as its longest wrapped cell."""
    def laengst(tekst, typ: str) -> int:  # what must fit on one line: a short text whole, a long one per word
        return max(map(len, str(tekst or "").split() if typ == "lang" else [str(tekst or "")]), default=0)

    kolonner = [(titel, max(bredde, laengst(titel, "lang") + 2,
                            min(max((laengst(r[k], typer[k]) + 1 for r in data), default=0), 24)
                            if typer[k] in ("", "lang") else 0))
                for k, (titel, bredde) in enumerate(kolonner)]
    for k, (_, bredde) in enumerate(kolonner):
        bog.kolonner(ws, k, k, bredde)
    ws.set_row(raekke, 15 * max(max(_linjer(titel, bredde, fed=True) for titel, bredde in kolonner), 2))
    if not data:
        for k, (titel, _) in enumerate(kolonner):
            bog.tekst(ws, raekke, k, titel, bog.fmt["hoved"])
        bog.tekst(ws, raekke + 1, 0, "(ingen)", bog.fmt["lille"])
        return raekke + 2
    for i, raekkedata in enumerate(data, start=raekke + 1):
        for k, (v, typ) in enumerate(zip(raekkedata, typer)):
            if typ == "dato":
                bog.dato(ws, i, k, v)
            elif typ in ("kr", "tal", "heltal", "pct2") and v is not None:
                ws.write_number(i, k, _celle_tal(v) if not isinstance(v, int) else v, bog.fmt[typ])
            else:
                bog.tekst(ws, i, k, v, bog.fmt["ombryd"] if typ == "lang" else None)
        ws.set_row(i, 15 * max([1] + [_linjer(v, b) for v, (_, b), typ in zip(raekkedata, kolonner, typer) if typ == "lang"]))
    kolonnehoveder = [{"header": t, "header_format": bog.fmt["hoved"]} for t, _ in kolonner]
    ws.add_table(raekke, 0, raekke + len(data), len(kolonner) - 1, {
        "name": navn, "style": "Table Style Light 9", "autofilter": True, "columns": kolonnehoveder} if navn else {
        "style": "Table Style Light 9", "columns": kolonnehoveder})
    ws.freeze_panes(raekke + 1, 0)
    ws.repeat_rows(raekke)
    return raekke + len(data) + 1


def _oversigt(bog: _Bog, mappe, status) -> None:
    from samdrift_cli.milepaele.status import aktuel_milepael
    from samdrift_cli.milepaele.status import MILEPAELSSTATUS_TEKST

    ws = bog.ark("Oversigt")
    s = mappe.samdrift
    bog.tekst(ws, 0, 0, s.navn, bog.fmt["titel"])
    bog.tekst(ws, 1, 0, s.boligorganisation or "")
    bog.tekst(ws, 2, 0, f"Nået milepæl: {aktuel_milepael(status)} af 12", bog.fmt["fed"])
    data = []
    for st in status:
        aabne = list(dict.fromkeys(x.til_bestyrelsen() for p in st.punkter if not p.opfyldt for x in p.mangler))
        data.append([st.milepael.nr, st.milepael.fase, st.milepael.titel, MILEPAELSSTATUS_TEKST[st.status], st.dato,
                     sum(1 for p in st.punkter if not p.opfyldt),
                     "\n".join(f"• {x}" for x in aabne[:5]) + (f"\n… og {len(aabne) - 5} mere" if len(aabne) > 5 else "")])
    kolonner = [("Nr", 5), ("Fase", 15), ("Milepæl", 36), ("Status", 10), ("Dato", 11), ("Åbne punkter", 8),
                ("Mangler", 50)]
    _tabel(bog, ws, 4, kolonner, data, ["heltal", "", "lang", "", "dato", "heltal", "lang"], "Milepaele")
    ws.conditional_format(5, 3, 16, 3, {"type": "cell", "criteria": "==", "value": '"nået"', "format": bog.fmt["naaet"]})
    ws.conditional_format(5, 3, 16, 3, {"type": "cell", "criteria": "!=", "value": '"nået"', "format": bog.fmt["ikke"]})


def _afdelinger(bog: _Bog, mappe) -> dict[str, int]:
    """Returns afdeling id -> 0-based row on the sheet Afdelinger."""
    ws = bog.ark("Afdelinger")
    # the long headers break at their hyphen, so the sheet prints on one A4 page across
    kolonner = [("Id", 14), ("Navn", 14), ("Lejemål", 9), ("Areal (m²)", 10), ("Afdelings- nummer", 10), ("Opført", 8),
                ("Boliger", 18), ("Beboer- sammensætning", 20), ("Ejendoms- funktionærer", 12), ("Adresse", 22)]
    data = [[a.id, a.navn, a.lejemaal, a.areal_m2, a.afdelingsnummer, a.opfoert, a.boliger, a.beboersammensaetning,
             a.ejendomsfunktionaerer, a.adresse] for a in mappe.samdrift.afdelinger]
    _tabel(bog, ws, 0, kolonner, data, ["", "lang", "heltal", "tal", "", "heltal", "lang", "lang", "heltal", "lang"], "Afdelinger")
    n = len(data)
    bog.tekst(ws, n + 2, 1, "I alt", bog.fmt["fed"])
    ws.write_formula(n + 2, 2, f"=SUM(C2:C{n + 1})", bog.fmt["fed"], sum(a.lejemaal for a in mappe.samdrift.afdelinger))
    bog.wb.define_name("Lejemaal_i_alt", f"=Afdelinger!$C${n + 3}")
    bog.note(ws, n + 4, 0, 3, "Ret lejemål eller areal her, så flytter andelene og fordelingen med; hent rettelserne "
                              "ind i mappen med samdrift import budget og denne fil.")
    return {a.id: i + 1 for i, a in enumerate(mappe.samdrift.afdelinger)}


def _noegler(bog: _Bog, mappe, r: "Fordelingsresultat", afd_raekke: dict[str, int]) -> dict[str, dict]:
    """Sheet Fordelingsnøgler; returns per nøgle the cells of its integer basis and total."""
    ws = bog.ark("Fordelingsnøgler")
    ids = r.ids
    navne = r.afdelingsnavne
    bog.tekst(ws, 0, 0, "Afdeling", bog.fmt["hoved"])
    bog.kolonner(ws, 0, 0, 20)
    hoejde = 2  # lines of the header row: the longest header, wrapped in its column
    total_raekke = len(ids) + 1
    for i, a in enumerate(ids, start=1):
        ws.write_formula(i, 0, f"={_ref('Afdelinger', afd_raekke[a], 1)}", None, navne[a])
    bog.tekst(ws, total_raekke, 0, "I alt", bog.fmt["fed_top"])
    celler: dict[str, dict] = {}
    for j, n in enumerate(r.noegler):
        k0 = 1 + 3 * j
        k = _skala(n.basis.values())
        from samdrift_cli.fordeling.beregning import GRUNDLAG_TEKST

        navn = n.visningsnavn
        grundlag = GRUNDLAG_TEKST[n.grundlag]  # 'Antal lejemål', not 'Antal lejemål: antal lejemål'
        hoveder = [navn if navn.casefold() == grundlag.casefold() else f"{navn}: {grundlag}",
                   f"{navn}: grundlag i hele tal", f"{navn}: andel"]
        bredde = max([14] + [len(ord_) + 2 for h in hoveder for ord_ in h.split()])
        for kk, h in enumerate(hoveder):
            bog.tekst(ws, 0, k0 + kk, h, bog.fmt["hoved"])
            if kk != 1:  # the integer basis column is hidden
                hoejde = max(hoejde, _linjer(h, bredde, fed=True))
        bog.kolonner(ws, k0, k0 + 2, bredde)
        bog.kolonner(ws, k0 + 1, k0 + 1, bredde, skjult=True)
        heltal: dict[str, int] = {}
        for i, a in enumerate(ids, start=1):
            medlem = a in n.basis
            v = n.basis.get(a, Decimal(0))
            if medlem and n.grundlag == "lejemaal":
                ws.write_formula(i, k0, f"={_ref('Afdelinger', afd_raekke[a], 2)}", bog.fmt["tal"], _celle_tal(v))
            elif medlem and n.grundlag == "areal":
                ws.write_formula(i, k0, f"={_ref('Afdelinger', afd_raekke[a], 3)}", bog.fmt["tal"], _celle_tal(v))
            else:
                ws.write_number(i, k0, _celle_tal(v), bog.fmt["tal"])
            heltal[a] = int(v * 10**k)
            ws.write_formula(i, k0 + 1, f"=ROUND({_celle(i, k0)}*{10**k},0)", bog.fmt["heltal"], heltal[a])
        T = _celle(total_raekke, k0 + 1, abs_=True)
        total = sum(heltal.values())
        for i, a in enumerate(ids, start=1):
            ws.write_formula(i, k0 + 2, f"=IF({T}=0,0,{_celle(i, k0 + 1)}/{T})", bog.fmt["pct"],
                             heltal[a] / total if total else 0)
        ws.write_formula(total_raekke, k0, f"=SUM({_celle(1, k0)}:{_celle(len(ids), k0)})", bog.fmt["fed_top"],
                         _celle_tal(sum(n.basis.values())))
        ws.write_formula(total_raekke, k0 + 1, f"=SUM({_celle(1, k0 + 1)}:{_celle(len(ids), k0 + 1)})", bog.fmt["fed_top"], total)
        ws.write_formula(total_raekke, k0 + 2, f"=SUM({_celle(1, k0 + 2)}:{_celle(len(ids), k0 + 2)})", bog.fmt["pct"], 1)
        beskrivelse = n.visningsnavn
        bog.tekst(ws, total_raekke + 2 + j, 0, f"{n.id}: {beskrivelse}", bog.fmt["lille"])
        celler[n.id] = {"heltal": {a: _ref("Fordelingsnøgler", i, k0 + 1) for i, a in enumerate(ids, start=1)},
                        "total": _ref("Fordelingsnøgler", total_raekke, k0 + 1), "vaerdier": heltal, "T": total}
    ws.set_row(0, 15 * hoejde)
    ws.freeze_panes(1, 1)
    bog.note(ws, total_raekke + 3 + len(r.noegler), 0, 3 * len(r.noegler),
             "Andelene beregnes af heltalsgrundlaget (areal, timer og procenter ganget med en potens af 10; "
             "skjult kolonne 'heltal'), så fordelingen i arket Konti er eksakt til øren.")
    return celler


def _konti(bog: _Bog, mappe, r: "Fordelingsresultat", noegle_celler: dict[str, dict], arknavn: str = "Konti",
           linjer=None, beloebsnavn: str = "Budget", budgetter: list | None = None) -> dict[int, dict]:
    """A sheet with the live øre formulas: Konti (the budgets), or with ``linjer`` (objects with konto,
    navn, noegle, beloeb, fordeling and indeks, as Kontoresultat) another amount per konto line, a
    regnskab; ``budgetter``: the year's budget per line (a cell reference or an amount in øre) for the
    columns Budget and Afvigelse. Returns per konto line the allocation cells."""
    ws = bog.ark(arknavn)
    ids = r.ids
    navne = r.afdelingsnavne
    n_afd = len(ids)
    konti_ark = linjer is None
    linjer = r.konti if linjer is None else linjer
    synlige = ["Konto", "Navn", "Nøgle", beloebsnavn] + [navne[a] for a in ids] + ["I alt", "Kontrol"]
    bredder = [8, 36, 12, 16] + [16] * n_afd + [16, 9]
    k_budget = 3
    k_afd0 = 4
    k_ialt = k_afd0 + n_afd
    k_kontrol = k_ialt + 1
    k_n = k_kontrol + (4 if budgetter is not None else 2)  # helpers after one empty column (and Budget, Afvigelse)
    k_rest_i_alt = k_n + 1
    k_gulv0 = k_rest_i_alt + 1
    k_r0 = k_gulv0 + n_afd
    k_rang0 = k_r0 + n_afd
    hjaelpere = (["Øre (N)", "Rest-øre (R)"] + [f"Gulv {navne[a]}" for a in ids] + [f"Rest {navne[a]}" for a in ids]
                 + [f"Rang {navne[a]}" for a in ids])
    ws.set_row(0, 30)
    for k, (titel, b) in enumerate(zip(synlige, bredder)):
        bog.tekst(ws, 0, k, titel, bog.fmt["hoved"])
        bog.kolonner(ws, k, k, b)
    for k, titel in enumerate(hjaelpere, start=k_n):
        bog.tekst(ws, 0, k, titel, bog.fmt["hoved"])
    bog.kolonner(ws, k_n, k_n + len(hjaelpere) - 1, 14, skjult=True)
    celler: dict[int, dict] = {}
    for i, x in enumerate(linjer, start=1):
        nc = noegle_celler[x.noegle]
        bog.tekst(ws, i, 0, x.konto)
        bog.tekst(ws, i, 1, x.navn)
        bog.tekst(ws, i, 2, r.noegle(x.noegle).visningsnavn)  # in words, as on every sheet
        budget = _celle_tal(fra_oere(x.beloeb))
        ws.write_number(i, k_budget, budget, bog.fmt["kr"])
        N_celle = _celle(i, k_n)
        N = abs(x.beloeb)
        ws.write_formula(i, k_n, f"=ROUND(ABS({_celle(i, k_budget)})*100,0)", bog.fmt["heltal"], N)
        T = nc["T"]
        gulv = {a: (N * nc["vaerdier"][a]) // T for a in ids}
        rest = {a: N * nc["vaerdier"][a] - gulv[a] * T for a in ids}
        R = N - sum(gulv.values())
        if max((N * v for v in nc["vaerdier"].values()), default=0) >= GRAENSE:
            raise SamdriftFejl([Fund("model.yaml", None, None, "fejl",
                                     f"konto {x.konto}: beløbet er for stort til at regneark kan fordele det eksakt til øren")])
        ws.write_formula(i, k_rest_i_alt, f"={N_celle}-SUM({_celle(i, k_gulv0)}:{_celle(i, k_gulv0 + n_afd - 1)})",
                         bog.fmt["heltal"], R)
        rest_omraade = f"{_celle(i, k_r0, abs_=False)}:{_celle(i, k_r0 + n_afd - 1, abs_=False)}"
        rang: dict[str, int] = {}
        for j, a in enumerate(ids):
            b = nc["heltal"][a]
            ws.write_formula(i, k_gulv0 + j, f"=INT({N_celle}*{b}/{nc['total']})", bog.fmt["heltal"], gulv[a])
            ws.write_formula(i, k_r0 + j, f"={N_celle}*{b}-{_celle(i, k_gulv0 + j)}*{nc['total']}", bog.fmt["heltal"], rest[a])
            rang[a] = sum(1 for c in ids if rest[c] > rest[a]) + sum(1 for c in ids[:j] if rest[c] == rest[a])
            formel = f'=COUNTIF({rest_omraade},">"&{_celle(i, k_r0 + j)})'
            if j > 0:
                formel += f"+COUNTIF({_celle(i, k_r0)}:{_celle(i, k_r0 + j - 1)},{_celle(i, k_r0 + j)})"
            ws.write_formula(i, k_rang0 + j, formel, bog.fmt["heltal"], rang[a])
            oere = gulv[a] + (1 if rang[a] < R else 0)
            oere = -oere if x.beloeb < 0 else oere
            assert oere == x.fordeling[a], "regnearkets formel og fordelingsmotoren er uenige"
            ws.write_formula(i, k_afd0 + j,
                             f"=SIGN({_celle(i, k_budget)})*({_celle(i, k_gulv0 + j)}+IF({_celle(i, k_rang0 + j)}<{_celle(i, k_rest_i_alt)},1,0))/100",
                             bog.fmt["kr"], _celle_tal(fra_oere(oere)))
        ws.write_formula(i, k_ialt, f"=SUM({_celle(i, k_afd0)}:{_celle(i, k_afd0 + n_afd - 1)})", bog.fmt["kr"], budget)
        ws.write_formula(i, k_kontrol, f"=ROUND({_celle(i, k_ialt)}-{_celle(i, k_budget)},2)", bog.fmt["kr"], 0)
        celler[x.indeks] = {"raekke": i, "afd": {a: _ref(arknavn, i, k_afd0 + j) for j, a in enumerate(ids)},
                            "budget": _ref(arknavn, i, k_budget)}
    sidste = len(linjer)
    total = sum(x.beloeb for x in linjer)
    total_fordeling = {a: sum(x.fordeling[a] for x in linjer) for a in ids}
    t = sidste + 1
    bog.tekst(ws, t, 0, "I alt", bog.fmt["fed_top"])
    for k in (1, 2):
        ws.write_blank(t, k, None, bog.fmt["fed_top"])
    ws.write_formula(t, k_budget, f"=SUM({_celle(1, k_budget)}:{_celle(sidste, k_budget)})", bog.fmt["kr_fed"],
                     _celle_tal(fra_oere(total)))
    if konti_ark:
        bog.wb.define_name("Budget_i_alt", f"=Konti!{_celle(t, k_budget, abs_=True)}")
    for j, a in enumerate(ids):
        ws.write_formula(t, k_afd0 + j, f"=SUM({_celle(1, k_afd0 + j)}:{_celle(sidste, k_afd0 + j)})", bog.fmt["kr_fed"],
                         _celle_tal(fra_oere(total_fordeling[a])))
        if konti_ark:
            bog.wb.define_name(_defnavn(f"Total_{a}"), f"=Konti!{_celle(t, k_afd0 + j, abs_=True)}")
        lejemaal_celle = _ref("Afdelinger", 1 + j, 2)
        ws.write_formula(t + 1, k_afd0 + j, f"=ROUND({_celle(t, k_afd0 + j)}/{lejemaal_celle},2)", bog.fmt["kr"],
                         _celle_tal(fra_oere(pr_enhed(total_fordeling[a], r.lejemaal[a]))))
    ws.write_formula(t, k_ialt, f"=SUM({_celle(1, k_ialt)}:{_celle(sidste, k_ialt)})", bog.fmt["kr_fed"],
                     _celle_tal(fra_oere(total)))
    bog.tekst(ws, t + 1, 0, "Pr. lejemål", bog.fmt["fed"])
    hoejre = k_kontrol
    if budgetter is not None:  # the year's budget beside the regnskab, and the deviation as a formula
        k_b, k_afv = k_kontrol + 1, k_kontrol + 2
        hoejre = k_afv
        for k, titel in ((k_b, "Budget"), (k_afv, "Afvigelse")):
            bog.tekst(ws, 0, k, titel, bog.fmt["hoved"])
            bog.kolonner(ws, k, k, 16)
        for i, (x, b) in enumerate(zip(linjer, budgetter), start=1):
            vaerdi = _celle_tal(fra_oere(b[1]))
            if b[0]:
                ws.write_formula(i, k_b, f"={b[0]}", bog.fmt["kr"], vaerdi)
            else:
                ws.write_number(i, k_b, vaerdi, bog.fmt["kr"])
            ws.write_formula(i, k_afv, f"={_celle(i, k_budget)}-{_celle(i, k_b)}", bog.fmt["kr"],
                             _celle_tal(fra_oere(x.beloeb - b[1])))
        budget_i_alt = sum(b[1] for b in budgetter)
        ws.write_formula(t, k_b, f"=SUM({_celle(1, k_b)}:{_celle(sidste, k_b)})", bog.fmt["kr_fed"],
                         _celle_tal(fra_oere(budget_i_alt)))
        ws.write_formula(t, k_afv, f"={_celle(t, k_budget)}-{_celle(t, k_b)}", bog.fmt["kr_fed"],
                         _celle_tal(fra_oere(total - budget_i_alt)))
    bog.note(ws, t + 3, 0, hoejre,
             (f"Ret et beløb i kolonne D ({beloebsnavn.lower()}), så flytter fordelingen og totalerne med. " if not konti_ark
              else "Ret et budget i kolonne D, så flytter fordelingen og totalerne med. ")
             + "Fordelingen følger ørereglen: "
             "hver afdeling får sin andel rundet ned til hele øre, og de resterende øre går til de største rester "
             "(ved lighed den først nævnte afdeling). Hjælpekolonnerne til højre er skjult (klik + over kolonnerne).")
    ws.print_area(0, 0, t + 3, hoejre)
    ws.autofilter(0, 0, sidste, hoejre)
    ws.freeze_panes(1, 2)
    ws.repeat_rows(0)
    return celler


def _regnskaber(bog: _Bog, mappe, r: "Fordelingsresultat", noegle_celler: dict, konto_celler: dict) -> None:
    """A sheet 'Regnskab ÅÅÅÅ' per year with a regnskab: each konto line's regnskab allocated with the live
    øre formulas, as on Konti, and the year's budget beside it (a reference to Konti when it is the budget
    there) with the deviation."""
    from dataclasses import dataclass

    from samdrift_cli.beloeb import til_oere
    from samdrift_cli.fordeling.opfoelgning import aarets_budget, budgetaar, opfoelg, regnskabsaarene

    @dataclass
    class Linje:
        indeks: int
        konto: str
        navn: str | None
        noegle: str
        beloeb: int
        fordeling: dict

    konti = [(i, k) for i, k in enumerate(mappe.model.konti) if k.med]
    for aar in regnskabsaarene(mappe):
        o = opfoelg(mappe, r, aar)
        if isinstance(o, list):
            continue
        linjer, budgetter = [], []
        for (i, k), x in zip(konti, o.konti):
            linjer.append(Linje(i, x.konto, x.navn, x.noegle, x.regnskab, x.regnskab_fordeling))
            i_konti = budgetaar(mappe) in (None, aar) and not (k.budgetter and str(aar) in k.budgetter)
            budgetter.append((konto_celler[i]["budget"] if i_konti else None, til_oere(aarets_budget(k, aar, budgetaar(mappe)))))
        _konti(bog, mappe, r, noegle_celler, f"Regnskab {aar}", linjer, f"Regnskab {aar}", budgetter)


def _defnavn(navn: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", navn)


def _maal_oekonomi(bog: _Bog, mappe, r: "Fordelingsresultat", konto_celler: dict[int, dict], afd_raekke: dict[str, int]) -> None:
    ws = bog.ark("Mål for økonomien")
    ids = r.ids
    navne = r.afdelingsnavne
    regnskabsaar = mappe.model.oekonomi.regnskabsaar if mappe.model.oekonomi else None
    bog.tekst(ws, 0, 0, "1.1 Mål for økonomien" + (f" i regnskabsåret {regnskabsaar}" if regnskabsaar else ""), bog.fmt["titel"])
    hoved = ["Konto", "Navn", "I dag", "Forventet udgift", "Forventet ændring"]
    ws.set_row(2, 30)
    for k, h in enumerate(hoved):
        bog.tekst(ws, 2, k, h, bog.fmt["hoved"])
    bog.kolonner(ws, 0, 0, 10)
    bog.kolonner(ws, 1, 1, 36)
    bog.kolonner(ws, 2, 4 + 3 * len(ids), 16)
    raekke = 3
    i_dag_celler: dict[str, list[str]] = {a: [] for a in ids}
    med_celler: dict[str, list[str]] = {a: [] for a in ids}
    for x in r.konti:
        if not x.nuvaerende:
            continue
        bog.tekst(ws, raekke, 0, x.konto)
        bog.tekst(ws, raekke, 1, x.navn)
        i_dag = sum(x.nuvaerende.values())
        ws.write_number(raekke, 2, _celle_tal(fra_oere(i_dag)), bog.fmt["kr"])
        ws.write_formula(raekke, 3, f"={konto_celler[x.indeks]['budget']}", bog.fmt["kr"], _celle_tal(fra_oere(x.beloeb)))
        ws.write_formula(raekke, 4, f"={_celle(raekke, 3)}-{_celle(raekke, 2)}", bog.fmt["kr"],
                         _celle_tal(fra_oere(x.beloeb - i_dag)))
        for a in ids:
            if a in x.nuvaerende:
                i_dag_celler[a].append(_celle_tal(fra_oere(x.nuvaerende[a])))
                med_celler[a].append(konto_celler[x.indeks]["afd"][a])
        raekke += 1
    bog.tekst(ws, raekke, 0, "I alt", bog.fmt["fed_top"])
    ws.write_blank(raekke, 1, None, bog.fmt["fed_top"])
    sam = r.sammenligning()
    i_dag_total = sum(v["i_dag"] for v in sam.values())
    med_total = sum(v["samdrift"] for v in sam.values())
    ws.write_formula(raekke, 2, f"=SUM({_celle(3, 2)}:{_celle(raekke - 1, 2)})", bog.fmt["kr_fed"], _celle_tal(fra_oere(i_dag_total)))
    ws.write_formula(raekke, 3, f"=SUM({_celle(3, 3)}:{_celle(raekke - 1, 3)})", bog.fmt["kr_fed"], _celle_tal(fra_oere(med_total)))
    ws.write_formula(raekke, 4, f"={_celle(raekke, 3)}-{_celle(raekke, 2)}", bog.fmt["kr_fed"], _celle_tal(fra_oere(med_total - i_dag_total)))
    # a negative saving is a merudgift, as a board says it (the cell is the saving, so it moves with the budgets)
    bog.tekst(ws, raekke + 1, 0, "Total driftsbesparelse for perioden" if i_dag_total >= med_total
              else "Total driftsbesparelse for perioden (negativ: en merudgift)", bog.fmt["fed"])
    ws.write_formula(raekke + 1, 4, f"=-{_celle(raekke, 4)}", bog.fmt["kr_fed"], _celle_tal(fra_oere(i_dag_total - med_total)))
    bog.wb.define_name("Driftsbesparelse", f"='Mål for økonomien'!{_celle(raekke + 1, 4, abs_=True)}")
    # per afdeling
    start = raekke + 4
    ws.set_row(start, 30)
    for k, h in enumerate(["Afdeling", "Lejemål", "I dag", "Med samdrift", "Forskel", "Forskel pr. lejemål"]):
        bog.tekst(ws, start, k, h, bog.fmt["hoved"])
    for j, a in enumerate(ids):
        rr = start + 1 + j
        ws.write_formula(rr, 0, f"={_ref('Afdelinger', afd_raekke[a], 1)}", None, navne[a])
        ws.write_formula(rr, 1, f"={_ref('Afdelinger', afd_raekke[a], 2)}", bog.fmt["heltal"], r.lejemaal[a])
        ws.write_number(rr, 2, _celle_tal(fra_oere(sam[a]["i_dag"])), bog.fmt["kr"])
        formel = "=" + ("+".join(med_celler[a]) if med_celler[a] else "0")
        ws.write_formula(rr, 3, formel, bog.fmt["kr"], _celle_tal(fra_oere(sam[a]["samdrift"])))
        ws.write_formula(rr, 4, f"={_celle(rr, 3)}-{_celle(rr, 2)}", bog.fmt["kr"], _celle_tal(fra_oere(sam[a]["forskel"])))
        ws.write_formula(rr, 5, f"=ROUND({_celle(rr, 4)}/{_celle(rr, 1)},2)", bog.fmt["kr"],
                         _celle_tal(fra_oere(pr_enhed(sam[a]["forskel"], r.lejemaal[a]))))
    ws.conditional_format(start + 1, 4, start + len(ids), 5, {"type": "cell", "criteria": ">", "value": 0,
                                                              "format": bog.fmt["ikke"]})
    bog.note(ws, start + len(ids) + 2, 0, 5, "En positiv forskel betyder, at afdelingen betaler mere end i dag.")
    ws.freeze_panes(3, 0)


def _organisationsplan(bog: _Bog, mappe) -> None:
    ws = bog.ark("Organisationsplan")
    o = mappe.model.organisationsplan
    bog.tekst(ws, 0, 0, "3 Organisationsplan", bog.fmt["titel"])
    # as the organisation chart: each position by its title, whom it reports to by that one's title
    titler = {s.id: s.stilling for s in o.stillinger}
    slut = _tabel(bog, ws, 3, [("Stilling", 28), ("Navn", 18), ("Ansvarsområder", 50), ("Refererer til", 20), ("Årsværk", 9)],
                  [[s.stilling, s.navn, s.ansvar, titler.get(s.refererer_til, s.refererer_til), s.aarsvaerk]
                   for s in o.stillinger],
                  ["lang", "", "lang", "lang", "tal"], "Stillinger")
    if o.organisering:  # wrapped within the table's width, not running off the printed page
        bog.note(ws, 1, 0, 4, o.organisering, "ombryd")
    if o.aendringer:
        bog.tekst(ws, slut + 1, 0, "Ændringer ift. nuværende bemanding", bog.fmt["fed"])
        bog.tekst(ws, slut + 2, 0, "I årsværk")
        if o.aendringer.aarsvaerk is not None:
            ws.write_number(slut + 2, 1, _celle_tal(o.aendringer.aarsvaerk), bog.fmt["tal"])
        bog.tekst(ws, slut + 3, 0, "I kr. pr. regnskabsår")
        if o.aendringer.kr_pr_aar is not None:
            ws.write_number(slut + 3, 1, _celle_tal(o.aendringer.kr_pr_aar), bog.fmt["kr"])


def _interessenter(bog: _Bog, mappe) -> None:
    from samdrift_cli.skemaer.interessenter import GRUPPE_TITLER, KVADRANT_TITLER

    ws = bog.ark("Interessenter")
    # as the playbook's Bilag 2, on one A4 page across at a readable size: the long texts wrap
    _tabel(bog, ws, 0, [("Interessent", 20), ("Gruppe", 12), ("Kvadrant", 14), ("Holdning", 9),
                        ("Er interesseret i samdriftsprocessen fordi", 24), ("Kan påvirke samdriftsprocessen således", 24),
                        ("Bør inddrages/håndteres således", 24)],
           [[x.navn, GRUPPE_TITLER.get(x.gruppe or ""), KVADRANT_TITLER.get(x.kvadrant or ""), x.holdning,
             x.interesse, x.paavirkning, x.haandtering] for x in mappe.interessenter.interessenter],
           ["lang", "", "lang", "", "lang", "lang", "lang"], "InteressentTabel")


def _implementeringsplan(bog: _Bog, mappe) -> None:
    from samdrift_cli.milepaele.tidslinje import AKTIVITETSSTATUS_TEKST
    from samdrift_cli.skemaer.implementeringsplan import TEMA_TITLER

    ws = bog.ark("Implementeringsplan")
    ip = mappe.implementeringsplan
    # as the playbook's Bilag 5, on one A4 page across at a readable size
    slut = _tabel(bog, ws, 0, [("Tema", 18), ("Aktivitet", 30), ("Formål", 24), ("Vedrører", 16),
                               ("Ansvarlig", 12), ("Start", 11), ("Skal afsluttes senest", 11), ("Status", 11)],
                  [[TEMA_TITLER[a.tema], a.aktivitet, a.formaal, a.vedroerer, a.ansvarlig, a.start, a.frist,
                    AKTIVITETSSTATUS_TEKST.get(a.status, a.status)] for a in ip.aktiviteter],
                  ["lang", "lang", "lang", "lang", "lang", "dato", "dato", ""], "Aktiviteter")
    ep = ip.evalueringsperiode
    if ep:
        bog.tekst(ws, slut + 1, 0, "Evalueringsperiode", bog.fmt["fed"])
        bog.tekst(ws, slut + 2, 0, "Fra")
        bog.dato(ws, slut + 2, 1, ep.fra)
        bog.tekst(ws, slut + 3, 0, "Til")
        bog.dato(ws, slut + 3, 1, ep.til)
        bog.tekst(ws, slut + 4, 0, "Godkendt af")
        bog.tekst(ws, slut + 4, 1, ep.godkendt_af)


def _evaluering(bog: _Bog, mappe) -> None:
    from samdrift_cli.skemaer.evaluering import SVAR_TEKST

    ws = bog.ark("Evaluering")
    e = mappe.evaluering
    bog.tekst(ws, 0, 0, "Implementeringstjekliste", bog.fmt["titel"])
    # what the rows refer to by id, in words as in the evalueringsskema
    navne = mappe.navne
    svar = {**SVAR_TEKST, True: "Ja", False: "Nej"}
    slut = _tabel(bog, ws, 1, [("Aktivitet", 24), ("Gennemført", 11), ("Status", 28), ("Effekt", 28), ("Forklaring", 24),
                               ("Næste skridt", 24)],
                  [[navne.aktivitetstekst(p.aktivitet), svar.get(p.gennemfoert, p.gennemfoert), p.status, p.effekt,
                    p.forklaring, p.naeste_skridt] for p in e.tjekliste],
                  ["lang", "", "lang", "lang", "lang", "lang"], "Tjekliste")
    bog.tekst(ws, slut + 1, 0, "Opgørelse af opnåede mål", bog.fmt["titel"])
    slut = _tabel(bog, ws, slut + 2, [("Mål", 24), ("Opfyldt", 11), ("Resultat", 28), ("Årsag til afvigelse", 28),
                                      ("Forventning", 24)],
                  [[navne.maal(x.maal), svar.get(x.opfyldt, x.opfyldt), x.resultat, x.aarsag, x.forventning]
                   for x in e.maalopfoelgning],
                  ["lang", "", "lang", "lang", "lang"], "Maalopfoelgning")
    bog.tekst(ws, slut + 1, 0, "Er fordelingsnøglerne retvisende?", bog.fmt["titel"])
    _tabel(bog, ws, slut + 2, [("Nøgle", 24), ("Retvisende", 11), ("Vurdering", 28)],
           [[navne.noegle(x.noegle), svar.get(x.retvisende), x.vurdering] for x in e.noeglevurderinger],
           ["lang", "", "lang"], "Noeglevurderinger")
