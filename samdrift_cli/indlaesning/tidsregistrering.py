"""tidsregistrering.csv (or .xlsx): staff hours per afdeling, summed per afdeling, opgave and day.

Contract (design.md §3.3): a header with ``dato``, ``medarbejder``, ``afdeling``, ``timer`` and
optional ``opgave`` (any case, any order); delimiter ``;`` or ``,``; UTF-8 with or without BOM, or
Windows-1252 (Excel's Danish CSV: valid UTF-8 is read as UTF-8, anything else as Windows-1252); LF
or CRLF; ``timer`` may use a decimal comma; ``dato`` is ``YYYY-MM-DD`` or ``DD-MM-YYYY``;
``afdeling`` is an afdeling's id or navn. Without a CSV, ``tidsregistrering.xlsx`` (first sheet,
same columns) is read with openpyxl.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Iterator

from samdrift_cli.fund import Fund
from samdrift_cli.identitet import normaliser

FILNAVN = "tidsregistrering.csv"
XLSX_FILNAVN = "tidsregistrering.xlsx"
KOLONNER = ("dato", "medarbejder", "afdeling", "timer")
MAKS_FEJL = 100  # per file; a systematic error in 200.000 rows is told once per row up to this
MAKS_TIMER_PR_RAEKKE = Decimal(24 * 31)
MAKS_DECIMALER = 20  # more than any export writes (a float 1/60 is 0,016666666666666666)
MAKS_STOERRELSE = 200 * 1024 * 1024  # a year of hours for a large samdrift is ~10 MB
MAKS_FELT = 200  # characters of a date or an amount of hours, checked before they are parsed

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DK = re.compile(r"(\d{1,2})[-./](\d{1,2})[-./](\d{4})")
_TIMER = re.compile(r"\d+(?:[.,]\d+)?")
# the sums are exact: at most 20 decimals and 744 hours a row, so 60 digits hold any real file
_PRAECIS = decimal.Context(prec=60, traps=[decimal.Inexact, decimal.InvalidOperation])


@dataclass
class Tidsregistrering:
    """The hours of a tidsregistrering: per (afdeling id, normalised opgave), hours per day."""

    navn: str
    tegnsaet: str = "utf-8"  # how the file was read: utf-8, windows-1252 or xlsx
    har_opgave: bool = False
    dage: dict[tuple[str, str], dict[dt.date, Decimal]] = field(default_factory=dict)
    opgavenavne: dict[str, str] = field(default_factory=dict)  # normalised -> as first written
    antal_raekker: int = 0

    def timer(
        self,
        afdelinger: set[str] | None = None,
        fra: dt.date | None = None,
        til: dt.date | None = None,
        opgaver: set[str] | None = None,
    ) -> dict[str, Decimal]:
        """Hours per afdeling, from ``fra`` to ``til`` (both included), for the given opgaver.

        An afdeling is in the result when it has at least one registration that matches."""
        opg = {normaliser(o) for o in opgaver} if opgaver else None
        ud: dict[str, Decimal] = {}
        for (afd, opgave), pr_dag in self.dage.items():
            if (afdelinger is not None and afd not in afdelinger) or (opg is not None and opgave not in opg):
                continue
            valgte = [t for d, t in pr_dag.items() if (fra is None or d >= fra) and (til is None or d <= til)]
            if valgte:
                ud[afd] = _PRAECIS.add(ud.get(afd, Decimal(0)), sum(valgte, Decimal(0)))
        return ud

    @property
    def periode(self) -> tuple[dt.date, dt.date] | None:
        dage = [d for pr_dag in self.dage.values() for d in pr_dag]
        return (min(dage), max(dage)) if dage else None


def find_fil(mappe: Path) -> Path | None:
    """The time registration of a folder: the CSV, else the workbook, else None."""
    for navn in (FILNAVN, XLSX_FILNAVN):
        if (mappe / navn).exists() or (mappe / navn).is_symlink():
            return mappe / navn
    return None


def laes_tidsregistrering(sti: Path, afdeling_opslag: dict[str, str]) -> tuple[Tidsregistrering | None, list[Fund]]:
    """Read and sum. ``afdeling_opslag`` maps normalised id and navn to the afdeling's id."""
    from samdrift_cli.indlaesning.yamlkilde import laes_raa

    navn = sti.name
    raa, fund = laes_raa(sti, navn, MAKS_STOERRELSE)
    if raa is None:
        return None, fund
    if sti.suffix.lower() == ".xlsx":
        raekker = _xlsx_raekker(raa, navn)
        tegnsaet = "xlsx"
    else:
        tekst, tegnsaet = _tekst(raa)
        skilletegn = _skilletegn(tekst)
        raekker = _csv_raekker(tekst, skilletegn)
    return _summer(raekker, navn, tegnsaet, afdeling_opslag, skilletegn if tegnsaet != "xlsx" else None)


def _tekst(raa: bytes) -> tuple[str, str]:
    """The file as text: valid UTF-8 (a BOM allowed) is UTF-8, anything else Windows-1252."""
    if raa.startswith(b"\xef\xbb\xbf"):
        raa = raa[3:]
    try:
        return raa.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # the five bytes Windows-1252 leaves undefined are read as the control characters they
        # are in Latin-1, and then refused as the value they stand in (never a crash)
        return raa.decode("cp1252", errors="replace"), "windows-1252"


class _Ulaeselig(Exception):
    """A file that is no table at all; its message is the finding."""

    def __init__(self, linje: int | None, besked: str):
        super().__init__(besked)
        self.linje, self.besked = linje, besked


def _skilletegn(tekst: str) -> str:
    """The delimiter, as the header line tells it."""
    foerste = tekst.split("\n", 1)[0]
    return ";" if foerste.count(";") >= foerste.count(",") else ","


def _csv_raekker(tekst: str, skilletegn: str) -> Iterator[tuple[int, list[str]]]:
    """(line, fields) of each row, the header first."""
    laeser = csv.reader(io.StringIO(tekst, newline=""), delimiter=skilletegn, strict=False)
    linje = 1
    try:
        for raekke in laeser:
            yield linje, raekke
            linje = laeser.line_num + 1
    except csv.Error as e:
        if "field larger than field limit" in str(e):
            graense = csv.field_size_limit()
            if laeser.line_num > linje:
                raise _Ulaeselig(linje, f"et anførselstegn (\") på linjen afsluttes ikke: værdien fortsætter til linje "
                                        f"{laeser.line_num} og bliver længere end de {graense} tegn, en værdi må have") from None
            raise _Ulaeselig(linje, f"en værdi er længere end de {graense} tegn, en værdi må have") from None
        raise _Ulaeselig(linje, f"linjen kan ikke læses som CSV ({e})") from None


def _xlsx_raekker(raa: bytes, navn: str) -> Iterator[tuple[int, list[str]]]:
    """(row, fields as text) of the first sheet; dates as ISO dates, numbers as written."""
    import zipfile

    from openpyxl import load_workbook

    try:
        bog = load_workbook(io.BytesIO(raa), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise _Ulaeselig(None, f"filen kan ikke læses som Excel-projektmappe (.xlsx): {e}") from None
    try:
        ark = bog.worksheets[0]
        for nr, raekke in enumerate(ark.iter_rows(values_only=True), start=1):
            yield nr, [_celletekst(v) for v in raekke]
    finally:
        bog.close()


def _celletekst(v) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float):  # the shortest text that gives the same double: 7.5, not 7.4999…
        return repr(v)
    return str(v)


def _summer(raekker: Iterable[tuple[int, list[str]]], navn: str, tegnsaet: str,
            afdeling_opslag: dict[str, str], skilletegn: str | None) -> tuple[Tidsregistrering | None, list[Fund]]:
    sk = skilletegn or ";"
    fejl: list[Fund] = []
    antal_fejl = 0

    def meld(linje: int | None, besked: str) -> None:
        nonlocal antal_fejl
        antal_fejl += 1
        if antal_fejl <= MAKS_FEJL:
            fejl.append(Fund(navn, linje, None, "fejl", besked))

    reg = Tidsregistrering(navn=navn, tegnsaet=tegnsaet)
    raekker = iter(raekker)
    try:
        hoved = next(raekker, None)
        if hoved is None or not any(f.strip() for f in hoved[1]):
            return None, [Fund(navn, 1, None, "fejl", "filen er tom; den skal mindst have en overskriftslinje: "
                                                      "dato;medarbejder;afdeling;timer;opgave")]
        kolonner = [normaliser(h) for h in hoved[1]]
        mangler = [k for k in KOLONNER if k not in kolonner]
        if mangler:
            flertal = "kolonnerne" if len(mangler) > 1 else "kolonnen"
            return None, [Fund(navn, hoved[0], None, "fejl",
                               f"overskriftslinjen mangler {flertal} {', '.join(repr(m) for m in mangler)}; "
                               f"forventet fx: dato{sk}medarbejder{sk}afdeling{sk}timer{sk}opgave")]
        dobbelte = sorted({h for h in kolonner if h and kolonner.count(h) > 1})
        if dobbelte:
            return None, [Fund(navn, hoved[0], None, "fejl", f"kolonnen '{dobbelte[0]}' står to gange i overskriftslinjen")]
        bredde = len(kolonner)
        i_dato, i_med, i_afd, i_timer = (kolonner.index(k) for k in KOLONNER)
        i_opg = kolonner.index("opgave") if "opgave" in kolonner else None
        reg.har_opgave = i_opg is not None
        # each distinct text of a date, an amount of hours or an afdeling is read once
        dage: dict[str, dt.date | str] = {}
        timer: dict[str, Decimal | str] = {}
        afdelinger: dict[str, str | None] = {}
        for linje, raekke in raekker:
            if not any(f.strip() for f in raekke):
                continue
            if len(raekke) < bredde or any(f.strip() for f in raekke[bredde:]):
                besked = f"rækken har {len(raekke)} felter, men overskriften har {bredde}"
                if skilletegn is not None:
                    besked += f"; er skilletegnet '{skilletegn}' brugt i en værdi uden anførselstegn?"
                    if skilletegn == "," and len(raekke) > bredde:
                        besked += ' Et decimaltal som 7,5 skal stå i anførselstegn: "7,5"'
                meld(linje, besked)
                continue
            d = dage.get(raekke[i_dato])
            if d is None:
                d = dage[raekke[i_dato]] = _dag(raekke[i_dato])
            if isinstance(d, str):
                meld(linje, d)
                continue
            r_afd = raekke[i_afd]
            if r_afd not in afdelinger:
                afdelinger[r_afd] = afdeling_opslag.get(normaliser(r_afd))
            afd = afdelinger[r_afd]
            if afd is None:
                meld(linje, f"ukendt afdeling '{_vist(r_afd.strip())}'; brug en afdelings id eller navn fra samdrift.yaml")
                continue
            t = timer.get(raekke[i_timer])
            if t is None:
                t = timer[raekke[i_timer]] = _timer(raekke[i_timer])
            if isinstance(t, str):
                meld(linje, t)
                continue
            if not raekke[i_med].strip():
                meld(linje, "medarbejder mangler")
                continue
            opgave = ""
            if i_opg is not None:
                opgave = normaliser(raekke[i_opg])
                reg.opgavenavne.setdefault(opgave, raekke[i_opg].strip())
            pr_dag = reg.dage.setdefault((afd, opgave), {})
            pr_dag[d] = _PRAECIS.add(pr_dag.get(d, Decimal(0)), t)
            reg.antal_raekker += 1
    except _Ulaeselig as e:
        meld(e.linje, e.besked)
    if antal_fejl > MAKS_FEJL:
        fejl.append(Fund(navn, None, None, "fejl",
                         f"… og {antal_fejl - MAKS_FEJL} fejl mere i filen (kun de første {MAKS_FEJL} er vist)"))
    return (None, fejl) if fejl else (reg, [])


def _vist(tekst: str) -> str:
    """A value as it is shown in a message: short, control characters escaped."""
    from samdrift_cli.fund import synlig

    return synlig(tekst if len(tekst) <= 60 else tekst[:59] + "…")


def _dag(tekst: str) -> dt.date | str:
    """The date, or the Danish message for a bad one."""
    s = tekst.strip()
    if len(s) > MAKS_FELT:
        return f"datoen '{_vist(s)}' skal skrives ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ"
    try:
        if m := _ISO.fullmatch(s):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DK.fullmatch(s):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return f"datoen '{s}' findes ikke i kalenderen"
    return f"datoen '{_vist(s)}' skal skrives ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ"


def _timer(tekst: str) -> Decimal | str:
    """The hours, or the Danish message for a bad value."""
    s = tekst.strip()
    if s.startswith("-"):
        return f"negative timer ('{_vist(s)}') er ikke tilladt; ret den oprindelige registrering"
    if len(s) > MAKS_FELT or not _TIMER.fullmatch(s):
        return f"timer skal være et tal som 7,5 eller 7.5, ikke '{_vist(s)}'"
    t = Decimal(s.replace(",", "."))
    if t > MAKS_TIMER_PR_RAEKKE:
        return f"{s} timer i én registrering er urimeligt mange (højst {MAKS_TIMER_PR_RAEKKE})"
    decimaler = len(s.replace(",", ".").partition(".")[2].rstrip("0"))
    if decimaler > MAKS_DECIMALER:
        vist = s if len(s) <= 40 else s[:39] + "…"
        return (f"timer med {decimaler} decimaler ('{vist}') er mere præcist, end en registrering kan være; "
                f"afrund til højst {MAKS_DECIMALER} decimaler")
    return t
