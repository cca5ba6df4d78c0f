"""A budget file as lines: an Excel workbook or a CSV file as the administration systems give it.

Read by `samdrift import budget` and by the export, which refuses to overwrite a workbook whose
budgets an economist has edited. A title row or two, a header with Danish names (Konto, Navn/Tekst,
Budget/Beløb), blank rows and a total row are expected; a formula without a stored value is an
error, never 0.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from samdrift_cli.beloeb import BeloebFejl, parse_beloeb
from samdrift_cli.fund import Fund, SamdriftFejl, synlig
from samdrift_cli.identitet import normaliser

HOVED_SOEGES = 30  # the header is found among the first rows
MAKS_RAEKKER = 100_000

# Danish column names, as normalised text (NFC, case folded, no punctuation at the ends)
KONTO = re.compile(r"^(konto|kontonr|kontonummer|konto ?nr|kontonr\.?)$")
NAVN = re.compile(r"^(navn|tekst|kontonavn|kontotekst|betegnelse|beskrivelse|konto ?navn)$")
BUDGET = re.compile(r"^(budget|beløb|beloeb|budget ?\d{4}(/\d{2,4})?|budgetbeløb|budget,? kr\.?|beløb,? kr\.?|budget i kr\.?)$")
TOTAL = re.compile(r"^(i alt|total|sum|i alt kr\.?|samlet|totalt)\b")


@dataclass
class Linje:
    sted: str  # "budget.csv:17" or "budget.xlsx:Budget!A17"
    fil: str
    linje: int
    konto: str
    navn: str | None
    beloeb: Decimal


def _kolonne(hoved: list[str], moenster: re.Pattern, valgt: str | None) -> int | None:
    if valgt is not None:
        m = normaliser(valgt)
        return next((i for i, h in enumerate(hoved) if h == m), None)
    return next((i for i, h in enumerate(hoved) if moenster.match(h)), None)


def _celle_tekst(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _beloeb(v, sted_fund) -> Decimal | None:
    """An amount from a cell: a number (a double from Excel, rounded to øre only when it is one) or
    Danish text."""
    if isinstance(v, bool):
        raise BeloebFejl("skal være et beløb, ikke sand/falsk")
    if isinstance(v, int):
        return parse_beloeb(v)
    if isinstance(v, float):
        d = Decimal(repr(v))
        rundet = d.quantize(Decimal("0.01"))
        if abs(d - rundet) > Decimal("0.000001"):
            raise BeloebFejl(f"beløbet {repr(v)} har mere end 2 decimaler; angiv det i hele øre")
        return parse_beloeb(rundet)
    return parse_beloeb(str(v))


def _raekker_csv(raa: bytes) -> list[list]:
    if raa.startswith(b"\xef\xbb\xbf"):
        raa = raa[3:]
    try:
        tekst = raa.decode("utf-8")
    except UnicodeDecodeError:
        tekst = raa.decode("cp1252", errors="replace")
    start = "\n".join(tekst.splitlines()[:HOVED_SOEGES])
    skilletegn = ";" if start.count(";") >= start.count(",") else ","
    return list(csv.reader(io.StringIO(tekst, newline=""), delimiter=skilletegn))


def _ark(bog, navn: str | None, fil: str):
    """The sheet to read: ``--ark``, else samdrift's own Konti sheet, else the first sheet."""
    if navn is not None:
        for ws in bog.worksheets:
            if normaliser(ws.title) == normaliser(navn):
                return ws
        raise SamdriftFejl([Fund(fil, None, None, "fejl",
                                 f"arket '{navn}' findes ikke; arkene er: {', '.join(ws.title for ws in bog.worksheets)}")])
    for ws in bog.worksheets:
        if ws.title == "Konti":
            return ws
    return bog.worksheets[0]


def laes_linjer(sti: Path, ark: str | None, kol_konto: str | None, kol_navn: str | None,
                kol_budget: str | None) -> tuple[list[Linje], bool, list[tuple[int, Fund]]]:
    """The budget lines of the file, whether it has a navn column, and the findings with their row."""
    from samdrift_cli.indlaesning.yamlkilde import laes_raa

    fil = sti.name
    raa, fund = laes_raa(sti, fil, 50 * 1024 * 1024)
    if raa is None:
        raise SamdriftFejl(fund)
    formler: dict[tuple[int, int], str] = {}
    if sti.suffix.lower() in (".xlsx", ".xlsm"):
        import zipfile

        from openpyxl import load_workbook

        try:
            vaerdier = load_workbook(io.BytesIO(raa), read_only=True, data_only=True)
            med_formler = load_workbook(io.BytesIO(raa), read_only=True, data_only=False)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
            raise SamdriftFejl([Fund(fil, None, None, "fejl", f"filen kan ikke læses som Excel-projektmappe (.xlsx): {e}")])
        ws = _ark(vaerdier, ark, fil)
        arknavn = ws.title
        raekker = [list(r) for r in ws.iter_rows(values_only=True)]
        for i, r in enumerate(med_formler[arknavn].iter_rows(values_only=True)):
            for k, v in enumerate(r):
                if isinstance(v, str) and v.startswith("="):
                    formler[(i, k)] = v
        vaerdier.close()
        med_formler.close()

        def sted(i: int, k: int) -> str:
            from openpyxl.utils import get_column_letter

            return f"{fil}:{arknavn}!{get_column_letter(k + 1)}{i + 1}"
    elif sti.suffix.lower() in (".csv", ".txt"):
        if ark is not None:
            raise SamdriftFejl([Fund("--ark", None, None, "fejl", "bruges kun med en Excel-projektmappe (.xlsx)")])
        raekker = _raekker_csv(raa)

        def sted(i: int, k: int) -> str:
            return f"{fil}:{i + 1}"
    else:
        raise SamdriftFejl([Fund(fil, None, None, "fejl", "filen skal være en Excel-projektmappe (.xlsx) eller en CSV-fil (.csv)")])
    if len(raekker) > MAKS_RAEKKER:
        raise SamdriftFejl([Fund(fil, None, None, "fejl", f"filen har {len(raekker)} rækker; højst {MAKS_RAEKKER} læses")])
    # the header: the first row among the first ones with a konto and a budget column
    for h, raekke in enumerate(raekker[:HOVED_SOEGES]):
        hoved = [normaliser(_celle_tekst(v)).strip(" :") for v in raekke]
        i_konto = _kolonne(hoved, KONTO, kol_konto)
        i_budget = _kolonne(hoved, BUDGET, kol_budget)
        if i_konto is not None and i_budget is not None:
            i_navn = _kolonne(hoved, NAVN, kol_navn)
            break
    else:
        valgt = [x for x in (kol_konto, kol_budget) if x]
        raise SamdriftFejl([Fund(fil, None, None, "fejl",
                                 "fandt ingen overskriftsrække med en kolonne for konto (Konto, Kontonr.) og en for budget "
                                 "(Budget, Beløb, Budget 2027) blandt de første rækker"
                                 + (f"; kolonnerne {', '.join(repr(v) for v in valgt)} findes ikke" if valgt else
                                    "; vælg dem med --kolonne-konto og --kolonne-budget"))])
    linjer: list[Linje] = []
    fund: list[tuple[int, Fund]] = []  # (row, finding): told in the order of the rows
    for i in range(h + 1, len(raekker)):
        r = raekker[i]
        celle = (lambda k: r[k] if k is not None and k < len(r) else None)
        konto, navn, budget = celle(i_konto), celle(i_navn), celle(i_budget)
        tekster = [normaliser(_celle_tekst(v)) for v in (konto, navn)]
        if any(TOTAL.match(t) for t in tekster if t):
            continue  # a total row
        if (i, i_budget) in formler and budget is None:
            fund.append((i, Fund(sted(i, i_budget), None, None, "fejl",
                             f"cellen har formlen '{formler[(i, i_budget)][:40]}', men ingen gemt værdi; åbn og gem filen "
                             "i Excel eller LibreOffice, så værdien beregnes, og importér igen")))
            continue
        if _celle_tekst(konto) == "" and _celle_tekst(budget) == "":
            continue  # a blank row (or a heading inside the table)
        if _celle_tekst(konto) and not any(c.isdigit() for c in _celle_tekst(konto)):
            continue  # no account number: a heading, a note or a per-lejemål row, not a konto
        if _celle_tekst(konto) == "":
            fund.append((i, Fund(sted(i, i_konto), None, None, "fejl", "rækken har et budget, men intet kontonummer")))
            continue
        if _celle_tekst(budget) == "":
            fund.append((i, Fund(sted(i, i_budget), None, None, "fejl",
                                 f"konto {synlig(_celle_tekst(konto))} har intet budget; skriv 0, hvis kontoen ikke har et")))
            continue
        try:
            beloeb = _beloeb(budget, None)
        except BeloebFejl as e:
            fund.append((i, Fund(sted(i, i_budget), None, None, "fejl", str(e))))
            continue
        linjer.append(Linje(sted(i, i_konto), fil, i + 1, _celle_tekst(konto), _celle_tekst(navn) or None, beloeb))
    return linjer, i_navn is not None, fund
