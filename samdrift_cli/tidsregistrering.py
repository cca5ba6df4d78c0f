"""tidsregistrering.csv: staff hours per afdeling, streamed and aggregated once.

Contract (design.md §3.3): header with ``dato``, ``medarbejder``, ``afdeling``, ``timer`` and
optional ``opgave`` (any case, any order); delimiter ``;`` or ``,``; UTF-8 with or without
BOM; LF or CRLF; ``timer`` may use a decimal comma; ``dato`` is ``YYYY-MM-DD`` or
``DD-MM-YYYY``; ``afdeling`` is an afdeling's id or navn.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .fund import Fund

FILNAVN = "tidsregistrering.csv"
KOLONNER = ("dato", "medarbejder", "afdeling", "timer")
MAKS_FEJL = 100  # per file; a systematic error in 200.000 rows is told once per row up to this
MAKS_TIMER_PR_RAEKKE = Decimal(24 * 31)

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DK = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$")
_TIMER = re.compile(r"^\d+(?:[.,]\d+)?$")


@dataclass
class Tidsregistrering:
    navn: str
    har_opgave: bool = False
    # (afdeling id, dato, opgave casefolded) -> hours
    poster: dict[tuple[str, dt.date, str], Decimal] = field(default_factory=dict)
    opgavenavne: dict[str, str] = field(default_factory=dict)  # casefolded -> as first written
    antal_raekker: int = 0

    def timer(
        self,
        afdelinger: set[str] | None = None,
        fra: dt.date | None = None,
        til: dt.date | None = None,
        opgaver: set[str] | None = None,
    ) -> dict[str, Decimal]:
        opg = {o.strip().casefold() for o in opgaver} if opgaver else None
        ud: dict[str, Decimal] = {}
        for (afd, dato, opgave), t in self.poster.items():
            if afdelinger is not None and afd not in afdelinger:
                continue
            if fra is not None and dato < fra:
                continue
            if til is not None and dato > til:
                continue
            if opg is not None and opgave not in opg:
                continue
            ud[afd] = ud.get(afd, Decimal(0)) + t
        return ud

    @property
    def periode(self) -> tuple[dt.date, dt.date] | None:
        if not self.poster:
            return None
        datoer = [k[1] for k in self.poster]
        return min(datoer), max(datoer)


def _dato(tekst: str, cache: dict) -> dt.date | str:
    d = cache.get(tekst)
    if d is not None:
        return d
    s = tekst.strip()
    m = _ISO.match(s)
    try:
        if m:
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        else:
            m = _DK.match(s)
            if not m:
                return f"datoen '{s}' skal skrives ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ"
            d = dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return f"datoen '{s}' findes ikke i kalenderen"
    cache[tekst] = d
    return d


def laes_tidsregistrering(
    sti: Path, afdeling_opslag: dict[str, str], navn: str = FILNAVN
) -> tuple[Tidsregistrering | None, list[Fund]]:
    """Read and aggregate. ``afdeling_opslag`` maps casefolded id and navn to the afdeling's id."""
    if sti.is_dir():
        return None, [Fund(navn, None, None, "fejl", f"{navn} er en mappe, men skal være en fil")]
    try:
        fil = open(sti, encoding="utf-8-sig", newline="")
    except OSError as e:
        return None, [Fund(navn, None, None, "fejl", f"filen kan ikke læses: {e.strerror}")]
    with fil:
        return _laes(fil, navn, afdeling_opslag)


def _laes(fil, navn: str, afdeling_opslag: dict[str, str]) -> tuple[Tidsregistrering | None, list[Fund]]:
    reg = Tidsregistrering(navn=navn)
    try:
        foerste = fil.readline()
    except UnicodeDecodeError as e:
        return None, [Fund(navn, 1, None, "fejl", f"filen er ikke gyldig UTF-8 (byten 0x{e.object[e.start]:02X}); "
                                                  "gem den med tegnsættet UTF-8")]
    if not foerste.strip():
        return None, [Fund(navn, 1, None, "fejl", "filen er tom; den skal mindst have en overskriftslinje: "
                                                  "dato;medarbejder;afdeling;timer;opgave")]
    skilletegn = ";" if foerste.count(";") >= foerste.count(",") else ","
    fil.seek(0)
    laeser = csv.reader(fil, delimiter=skilletegn)
    try:
        hoved = next(laeser)
    except csv.Error as e:
        return None, [Fund(navn, 1, None, "fejl", f"overskriftslinjen kan ikke læses som CSV ({e})")]
    hoved_norm = [h.strip().casefold() for h in hoved]
    mangler = [k for k in KOLONNER if k not in hoved_norm]
    if mangler:
        flertal = "kolonnerne" if len(mangler) > 1 else "kolonnen"
        return None, [Fund(navn, 1, None, "fejl",
                           f"overskriftslinjen mangler {flertal} {', '.join(repr(m) for m in mangler)}; "
                           f"forventet fx: dato{skilletegn}medarbejder{skilletegn}afdeling{skilletegn}timer{skilletegn}opgave")]
    dobbelte = sorted({h for h in hoved_norm if h and hoved_norm.count(h) > 1})
    if dobbelte:
        return None, [Fund(navn, 1, None, "fejl", f"kolonnen '{dobbelte[0]}' står to gange i overskriftslinjen")]
    i_dato, i_med, i_afd, i_timer = (hoved_norm.index(k) for k in KOLONNER)
    i_opg = hoved_norm.index("opgave") if "opgave" in hoved_norm else None
    reg.har_opgave = i_opg is not None
    bredde = len(hoved)
    datocache: dict = {}
    timercache: dict[str, Decimal] = {}
    poster = reg.poster
    fejl: list[Fund] = []
    antal_fejl = 0

    def meld(linje: int, besked: str) -> None:
        nonlocal antal_fejl
        antal_fejl += 1
        if antal_fejl <= MAKS_FEJL:
            fejl.append(Fund(navn, linje, None, "fejl", besked))

    # Every distinct raw value (date, afdeling, hours, opgave) is checked once and cached; the
    # loop per row is then only dictionary look-ups and one addition (200.000 rows a year).
    afd_cache: dict[str, str] = {}
    opg_cache: dict[str, str] = {}
    nul = Decimal(0)

    def dato(raa: str, linje: int):
        d = _dato(raa, datocache)
        if isinstance(d, str):
            meld(linje, d)
            return None
        return d

    def afdeling(raa: str, linje: int):
        tekst = raa.strip()
        afd = afdeling_opslag.get(tekst.casefold())
        if afd is None:
            meld(linje, f"ukendt afdeling '{tekst}'; brug en afdelings id eller navn fra samdrift.yaml")
            return None
        afd_cache[raa] = afd
        return afd

    def timer(raa: str, linje: int):
        tekst = raa.strip()
        if tekst.startswith("-"):
            meld(linje, f"negative timer ('{tekst}') er ikke tilladt; ret den oprindelige registrering")
            return None
        if not _TIMER.match(tekst):
            meld(linje, f"timer skal være et tal som 7,5 eller 7.5, ikke '{tekst}'")
            return None
        t = Decimal(tekst.replace(",", "."))
        if t > MAKS_TIMER_PR_RAEKKE:
            meld(linje, f"{tekst} timer i én registrering er urimeligt mange (højst {MAKS_TIMER_PR_RAEKKE})")
            return None
        timercache[raa] = t
        return t

    def opgave(raa: str) -> str:
        tekst = raa.strip()
        o = tekst.casefold()
        reg.opgavenavne.setdefault(o, tekst)
        opg_cache[raa] = o
        return o

    antal = 0
    try:
        for raekke in laeser:
            try:
                r_dato, r_afd, r_timer, r_med = raekke[i_dato], raekke[i_afd], raekke[i_timer], raekke[i_med]
                r_opg = raekke[i_opg] if i_opg is not None else ""
            except IndexError:
                if not raekke or (len(raekke) == 1 and not raekke[0].strip()):
                    continue
                meld(laeser.line_num, f"rækken har {len(raekke)} felter, men overskriften har {bredde}; "
                                      f"er skilletegnet '{skilletegn}' brugt i en værdi uden anførselstegn?")
                continue
            d = datocache.get(r_dato) or dato(r_dato, laeser.line_num)
            if d is None:
                continue
            afd = afd_cache.get(r_afd) or afdeling(r_afd, laeser.line_num)
            if afd is None:
                continue
            t = timercache.get(r_timer)
            if t is None:
                t = timer(r_timer, laeser.line_num)
                if t is None:
                    continue
            if not r_med or r_med.isspace():
                meld(laeser.line_num, "medarbejder mangler")
                continue
            opg = opg_cache.get(r_opg)
            if opg is None:
                opg = opgave(r_opg)
            noegle = (afd, d, opg)
            poster[noegle] = poster.get(noegle, nul) + t
            antal += 1
        reg.antal_raekker = antal
    except csv.Error as e:
        meld(laeser.line_num, f"linjen kan ikke læses som CSV ({e})")
    except UnicodeDecodeError as e:
        meld(laeser.line_num + 1, f"filen er ikke gyldig UTF-8 (byten 0x{e.object[e.start]:02X}); gem den med tegnsættet UTF-8")
    if antal_fejl > MAKS_FEJL:
        fejl.append(Fund(navn, None, None, "fejl",
                         f"… og {antal_fejl - MAKS_FEJL} fejl mere i filen (kun de første {MAKS_FEJL} er vist)"))
    if fejl:
        return None, fejl
    return reg, []
