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


from samdrift_cli.beloeb import dansk_heltal
from samdrift_cli.fund import Fund
from samdrift_cli.identitet import normaliser
from samdrift_cli.indlaesning.tekstfil import TOTALRAEKKE, UTF16Fil, csv_tekst

FILNAVN = "tidsregistrering.csv"
XLSX_FILNAVN = "tidsregistrering.xlsx"
KOLONNER = ("dato", "medarbejder", "afdeling", "timer")
MAKS_FEJL = 100  # per file; a systematic error in 200.000 rows is told once per row up to this
MAKS_TIMER_PR_RAEKKE = Decimal(24 * 31)
MAKS_DECIMALER = 20  # more than any export writes (a float 1/60 is 0,016666666666666666)
MAKS_STOERRELSE = 200 * 1024 * 1024  # a year of hours for a large samdrift is ~10 MB
MAKS_FELT = 200  # characters of a date or an amount of hours, checked before they are parsed
MAKS_LINJER = 1_000_000  # lines, blank ones included: a year of hours for 40 afdelinger is about 200.000
MAKS_XLSX_STOERRELSE = 50 * 1024 * 1024  # bytes of tidsregistrering.xlsx (250.000 rows are about 5 MB)
MAKS_XLSX_RAEKKER = 250_000  # rows of tidsregistrering.xlsx: openpyxl reads about 30.000 a second

MAKS_TITELLINJER = 10  # lines above the header (a title, a period, a blank line) that are passed over
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_DK = re.compile(r"([0-9]{1,2})[-./]([0-9]{1,2})[-./]([0-9]{4})")
_TIMER = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
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
    oversprungne: dict[str, int] = field(default_factory=dict)  # lines passed over: titellinjer, totaler

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
    raa, fund = laes_raa(sti, navn, MAKS_XLSX_STOERRELSE if sti.suffix.lower() == ".xlsx" else MAKS_STOERRELSE)
    if raa is None:
        return None, fund
    if sti.suffix.lower() == ".xlsx":
        try:
            raekker = _Ark(raa, navn)
        except _Ulaeselig as e:
            return None, [Fund(navn, e.linje, None, "fejl", e.besked)]
        tegnsaet = "xlsx"
    else:
        try:
            tekst, tegnsaet = csv_tekst(raa)
        except UTF16Fil as e:
            return None, [Fund(navn, None, None, "fejl", str(e))]
        skilletegn = _skilletegn(tekst)
        raekker = _csv_raekker(tekst, skilletegn)
    return _summer(raekker, navn, tegnsaet, afdeling_opslag, skilletegn if tegnsaet != "xlsx" else None)


class _Ulaeselig(Exception):
    """A file that is no table at all; its message is the finding."""

    def __init__(self, linje: int | None, besked: str):
        super().__init__(besked)
        self.linje, self.besked = linje, besked


def _skilletegn(tekst: str) -> str:
    """The delimiter, as the header line tells it."""
    foerste = tekst.split("\n", 1)[0]
    return ";" if foerste.count(";") >= foerste.count(",") else ","


def _csv_raekker(tekst: str, skilletegn: str):
    """The rows of the CSV: the csv module's reader (its ``line_num`` is the last line read)."""
    return csv.reader(io.StringIO(tekst, newline=""), delimiter=skilletegn, strict=False)


class _Ark:
    """The rows of the workbook's first visible sheet as text, with ``line_num`` as the csv reader has it."""

    def __init__(self, raa: bytes, navn: str):
        from samdrift_cli.fund import SamdriftFejl
        from samdrift_cli.indlaesning.regneark import Regneark

        try:
            bog = Regneark(raa, navn)
            ark = next((a for a in bog.ark if a.synligt), bog.ark[0])
            self._raekker = bog.raekker(ark, MAKS_XLSX_RAEKKER)
        except SamdriftFejl as e:
            raise _Ulaeselig(None, e.fund[0].besked) from None
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self) -> list[str]:
        from samdrift_cli.fund import SamdriftFejl

        try:
            raekke = next(self._raekker)
        except SamdriftFejl as e:
            raise _Ulaeselig(self.line_num + 1, e.fund[0].besked) from None
        self.line_num += 1
        return [_celletekst(v) for v in raekke]


def _csv_fejl(e: csv.Error, start: int, naaet: int) -> _Ulaeselig:
    if "field larger than field limit" in str(e):
        graense = csv.field_size_limit()
        if naaet > start:
            return _Ulaeselig(start, f"et anførselstegn (\") på linjen afsluttes ikke: værdien fortsætter til linje "
                                     f"{naaet} og bliver længere end de {graense} tegn, en værdi må have")
        return _Ulaeselig(start, f"en værdi er længere end de {graense} tegn, en værdi må have")
    return _Ulaeselig(start, f"linjen kan ikke læses som CSV ({e})")


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


def _summer(raekker, navn: str, tegnsaet: str,
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
    slut = 0  # the last line of the row read before
    try:
        # the header: the first line with the columns, after a title line or two as the exports write them
        titellinjer, foerste = 0, None
        while True:
            try:
                hoved_felter = next(raekker, None)
            except csv.Error as e:
                raise _csv_fejl(e, slut + 1, raekker.line_num)
            linje_nr, slut = slut + 1, raekker.line_num
            if foerste is None:
                foerste = (linje_nr, hoved_felter)
            felter = {normaliser(h) for h in (hoved_felter or [])}
            if hoved_felter is None or set(KOLONNER) <= felter or titellinjer >= MAKS_TITELLINJER:
                break
            if not any(f.strip() for f in hoved_felter) and linje_nr == 1:
                break  # an empty first line: the file is told empty below
            titellinjer += 1
        if hoved_felter is None or not set(KOLONNER) <= {normaliser(h) for h in hoved_felter}:
            titellinjer = 0  # no header found: the first line is the one whose columns are told
            linje_nr, hoved_felter = foerste
        hoved = (linje_nr, hoved_felter or [])
        reg.oversprungne = {"titellinjer": titellinjer} if titellinjer else {}
        if hoved_felter is None or not any(f.strip() for f in hoved[1]):
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
        # each distinct text of a date, an amount of hours, an afdeling and opgave is read once
        dage: dict[str, dt.date | str] = {}
        timer: dict[str, Decimal | str] = {}
        serier: dict[tuple[str, str], dict | str] = {}  # raw (afdeling, opgave) -> its days, or the message
        antal = 0
        try:
            for raekke in raekker:
                linje, slut = slut + 1, raekker.line_num
                if slut > MAKS_LINJER:
                    raise _Ulaeselig(None, f"filen har mere end {dansk_heltal(MAKS_LINJER)} linjer; højst "
                                           f"{dansk_heltal(MAKS_LINJER)} læses (del den op, eller fjern tomme linjer)")
                if len(raekke) != bredde:
                    if not raekke or (len(raekke) == 1 and not raekke[0].strip()):
                        continue  # a blank line
                    if len(raekke) < bredde or any(f.strip() for f in raekke[bredde:]):
                        besked = f"rækken har {len(raekke)} felter, men overskriften har {bredde}"
                        if skilletegn is not None:
                            besked += f"; er skilletegnet '{skilletegn}' brugt i en værdi uden anførselstegn?"
                            if skilletegn == "," and len(raekke) > bredde:
                                besked += ' Et decimaltal som 7,5 skal stå i anførselstegn: "7,5"'
                        meld(linje, besked)
                        continue
                r_dato = raekke[i_dato]
                if TOTALRAEKKE.match(normaliser(r_dato)) or TOTALRAEKKE.match(normaliser(raekke[i_afd])):
                    reg.oversprungne["totaler"] = reg.oversprungne.get("totaler", 0) + 1
                    continue  # an 'I alt' line of the export: no registration
                d = dage.get(r_dato)
                if d is None:
                    d = dage[r_dato] = _dag(r_dato)
                if d.__class__ is str:
                    meld(linje, d)
                    continue
                noegle = (raekke[i_afd], raekke[i_opg] if i_opg is not None else "")
                pr_dag = serier.get(noegle)
                if pr_dag is None:
                    pr_dag = serier[noegle] = _serie(reg, noegle, afdeling_opslag)
                if pr_dag.__class__ is str:
                    meld(linje, pr_dag)
                    continue
                r_timer = raekke[i_timer]
                t = timer.get(r_timer)
                if t is None:
                    t = timer[r_timer] = _timer(r_timer)
                if t.__class__ is str:
                    meld(linje, t)
                    continue
                if not raekke[i_med] or raekke[i_med].isspace():
                    meld(linje, "medarbejder mangler")
                    continue
                # exact: at most 20 decimals and 744 hours a row, and the context holds 60 digits
                pr_dag[d] = _PRAECIS.add(pr_dag[d], t) if d in pr_dag else t
                antal += 1
        except csv.Error as e:
            raise _csv_fejl(e, slut + 1, raekker.line_num)
        reg.antal_raekker = antal
    except _Ulaeselig as e:
        meld(e.linje, e.besked)
    if antal_fejl > MAKS_FEJL:
        fejl.append(Fund(navn, None, None, "fejl",
                         f"… og {antal_fejl - MAKS_FEJL} fejl mere i filen (kun de første {MAKS_FEJL} er vist)"))
    return (None, fejl) if fejl else (reg, [])


def _serie(reg: Tidsregistrering, noegle: tuple[str, str], afdeling_opslag: dict[str, str]) -> dict | str:
    """The days of one (afdeling, opgave) as written in the file, or the message for an unknown afdeling."""
    r_afd, r_opg = noegle
    afd = afdeling_opslag.get(normaliser(r_afd))
    if afd is None:
        return f"ukendt afdeling '{_vist(r_afd.strip())}'; brug en afdelings id eller navn fra samdrift.yaml"
    from samdrift_cli.fund import styretegn

    if reg.har_opgave and (besked := styretegn(r_opg)) is not None:
        return f"opgaven: {besked}"
    opgave = normaliser(r_opg) if reg.har_opgave else ""
    if reg.har_opgave:
        reg.opgavenavne.setdefault(opgave, r_opg.strip())
    return reg.dage.setdefault((afd, opgave), {})


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
