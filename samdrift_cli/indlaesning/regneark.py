"""Reading an Excel workbook (.xlsx) a user hands over, within limits: budgets, regnskaber, hours.

openpyxl reads the workbook; before it does, the zip is checked (its parts, their uncompressed size,
no DTD in an XML part), so a small hostile file (a zip bomb, a sheet declaring ``A1:XFD1048576``, an
entity bomb) is told in a second instead of taking gigabytes. Rows are read lazily, each sheet with
its declared dimension reset, and never more rows or columns than the caller's limits. Every error
openpyxl can raise on a damaged file becomes one Danish finding: the message never is English.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any, Iterator

from samdrift_cli.beloeb import dansk_heltal
from samdrift_cli.fund import Fund, SamdriftFejl, synlig

MAKS_DELE = 2_000  # parts in the zip; a workbook has a few dozen
MAKS_UDPAKKET = 60 * 1024 * 1024  # bytes, all parts together, unpacked (250.000 rows of hours are 50 MB)
MAKS_KOLONNER = 100  # columns read of a row; a budget or a time registration has fewer than 20
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def _fejl(navn: str, besked: str) -> SamdriftFejl:
    return SamdriftFejl([Fund(navn, None, None, "fejl", besked)])


def tjek_zip(raa: bytes, navn: str, art: str = "Excel-projektmappe (.xlsx)") -> zipfile.ZipFile:
    """The zip of an Office file, checked before any part of it is parsed: a zip at all, at most
    :data:`MAKS_DELE` parts and :data:`MAKS_UDPAKKET` bytes unpacked, no DTD in an XML part."""
    try:
        z = zipfile.ZipFile(io.BytesIO(raa))
        dele = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _fejl(navn, f"filen er ikke en {art}: en sådan er en zip-fil, og det er denne ikke (er den gemt i et "
                          "andet format, fx .xls eller .csv, eller er den beskadiget?)")
    if len(dele) > MAKS_DELE:
        raise _fejl(navn, f"filen har {len(dele)} dele; en {art} har højst {MAKS_DELE}")
    udpakket = sum(d.file_size for d in dele)
    if udpakket > MAKS_UDPAKKET:
        raise _fejl(navn, f"filen fylder {dansk_heltal(udpakket // (1024 * 1024))} MB udpakket; højst "
                          f"{MAKS_UDPAKKET // (1024 * 1024)} MB læses (en zip-bombe?)")
    for d in dele:
        if d.filename.endswith((".xml", ".rels")):
            try:
                with z.open(d) as f:
                    start = f.read(4096)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
                raise _fejl(navn, f"delen {synlig(d.filename)} af filen kan ikke pakkes ud; filen er beskadiget")
            if _DTD.search(start):
                raise _fejl(navn, f"delen {synlig(d.filename)} af filen har en DTD (<!DOCTYPE>), som en {art} aldrig har; "
                                  "samdrift læser den ikke")
    return z


@dataclass
class Ark:
    titel: str
    synligt: bool
    ws: Any


class Regneark:
    """A workbook opened for reading values (``formler``: the formulas instead, as openpyxl's data_only=False)."""

    def __init__(self, raa: bytes, navn: str, formler: bool = False):
        from openpyxl import load_workbook

        self.navn = navn
        tjek_zip(raa, navn)
        try:
            self.bog = load_workbook(io.BytesIO(raa), read_only=True, data_only=not formler, keep_links=False)
            self.ark = [Ark(ws.title, getattr(ws, "sheet_state", "visible") == "visible", ws) for ws in self.bog.worksheets]
        except SamdriftFejl:
            raise
        except Exception:  # openpyxl raises many kinds on a damaged file; each is a file it cannot read
            raise _fejl(navn, "filen kan ikke læses som Excel-projektmappe (.xlsx); den er beskadiget eller ikke lavet af "
                              "et regneark (åbn og gem den i Excel eller LibreOffice, og prøv igen)")
        if not self.ark:
            raise _fejl(navn, "projektmappen har ingen ark")

    def raekker(self, ark: Ark, maks_raekker: int, maks_kolonner: int = MAKS_KOLONNER) -> Iterator[list]:
        """The rows of ``ark`` as lists of values, lazily; a finding when there are more than
        ``maks_raekker`` rows (counted with the empty ones) or a cell cannot be read."""
        ws = ark.ws
        try:
            ws.reset_dimensions()  # the declared dimension may claim a million rows and columns
            for i, r in enumerate(ws.iter_rows(min_row=1, max_row=maks_raekker + 1, max_col=maks_kolonner,
                                                values_only=True)):
                if i >= maks_raekker:
                    raise _fejl(self.navn, f"arket '{synlig(ark.titel)}' har mere end {dansk_heltal(maks_raekker)} rækker; "
                                           f"højst {dansk_heltal(maks_raekker)} læses")
                yield list(r)
        except SamdriftFejl:
            raise
        except Exception:  # a cell openpyxl cannot convert ('abc' as a number, a reference 'ZZZZ1'), broken XML
            raise _fejl(self.navn, f"arket '{synlig(ark.titel)}' kan ikke læses: en celle eller rækken efter række "
                                   f"{i + 1 if 'i' in locals() else 1} er beskadiget (åbn og gem filen i Excel eller "
                                   "LibreOffice, og prøv igen)")

    def luk(self) -> None:
        try:
            self.bog.close()
        except Exception:  # pragma: no cover - closing a read-only workbook
            pass
