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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate, chain
from operator import itemgetter
from pathlib import Path

from .fund import Fund

FILNAVN = "tidsregistrering.csv"
KOLONNER = ("dato", "medarbejder", "afdeling", "timer")
MAKS_FEJL = 100  # per file; a systematic error in 200.000 rows is told once per row up to this
MAKS_TIMER_PR_RAEKKE = Decimal(24 * 31)
# more than any export writes (a float 1/60 is 0,016666666666666666); each more decimal makes the
# sums so far count in a finer unit, so an unbounded number would let a file make that quadratic
MAKS_DECIMALER = 20

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DK = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$")
_TIMER = re.compile(r"^\d+(?:[.,]\d+)?$")


@dataclass
class Tidsregistrering:
    """The hours of a tidsregistrering, summed per afdeling, opgave and day.

    ``serier`` holds, per (afdeling id, opgave casefolded), the days with hours as ordinals in
    increasing order and the running totals (``totaler[k]`` is the sum of the first ``k`` days,
    so ``totaler[0]`` is 0): the hours of any period are one subtraction, found by bisection.
    The totals are whole numbers of the unit 10^-``decimaler`` hours (with ``decimaler`` the most
    decimals any row has), so summing them is exact and cheap; :meth:`timer` gives Decimals.
    """

    navn: str
    har_opgave: bool = False
    serier: dict[tuple[str, str], tuple[list[int], list[int]]] = field(default_factory=dict)
    opgavenavne: dict[str, str] = field(default_factory=dict)  # casefolded -> as first written
    antal_raekker: int = 0
    decimaler: int = 0

    def timer(
        self,
        afdelinger: set[str] | None = None,
        fra: dt.date | None = None,
        til: dt.date | None = None,
        opgaver: set[str] | None = None,
    ) -> dict[str, Decimal]:
        """Hours per afdeling, from ``fra`` to ``til`` (both included), for the given opgaver.

        An afdeling is in the result when it has at least one registration that matches."""
        opg = {o.strip().casefold() for o in opgaver} if opgaver else None
        ud: dict[str, int] = {}
        for (afd, opgave), (datoer, totaler) in self.serier.items():
            if (afdelinger is not None and afd not in afdelinger) or (opg is not None and opgave not in opg):
                continue
            i = bisect_left(datoer, fra.toordinal()) if fra is not None else 0
            j = bisect_right(datoer, til.toordinal()) if til is not None else len(datoer)
            if j > i:
                ud[afd] = ud.get(afd, 0) + (totaler[j] - totaler[i])
        # from a string, so exact whatever the Decimal context's precision
        return {afd: Decimal(f"{n}E-{self.decimaler}") for afd, n in ud.items()}

    @property
    def periode(self) -> tuple[dt.date, dt.date] | None:
        if not self.serier:
            return None
        return (dt.date.fromordinal(min(d[0] for d, _ in self.serier.values())),
                dt.date.fromordinal(max(d[-1] for d, _ in self.serier.values())))


def _serier(dage: dict[tuple[str, str], dict[int, int]]) -> dict[tuple[str, str], tuple[list[int], list[int]]]:
    """{day: hours} per (afdeling, opgave) as the days in order and their running totals."""
    serier = {}
    for noegle in sorted(dage):
        pr_dag = dage[noegle]
        if pr_dag:
            datoer = sorted(pr_dag)
            serier[noegle] = (datoer, list(accumulate(map(pr_dag.__getitem__, datoer), initial=0)))
    return serier


def _dag(tekst: str) -> int | str:
    """The day of a date as an ordinal, or the Danish message for a bad date."""
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
    return d.toordinal()


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


def _ikke_utf8(fil) -> tuple[int, str]:
    """The line and message for the first byte of ``fil`` (opened as text) that is not UTF-8: the
    text layer decodes blocks of the file ahead of the line read, so its error cannot tell the line."""
    from .yamlkilde import bytested

    fil.buffer.seek(0)
    raa = fil.buffer.read()
    if raa.startswith(b"\xef\xbb\xbf"):
        raa = raa[3:]
    try:
        raa.decode("utf-8")
    except UnicodeDecodeError as e:
        return bytested(raa, e.start)[0], (f"filen er ikke gyldig UTF-8 (byten 0x{raa[e.start]:02X}); gem den med "
                                           "tegnsættet UTF-8 (i Excel: Gem som 'CSV UTF-8 (kommasepareret)')")
    return 1, "filen er ikke gyldig UTF-8; gem den med tegnsættet UTF-8"  # pragma: no cover - changed meanwhile


@dataclass
class _Hoved:
    """What the header line tells: the delimiter, the number of columns and where each one is."""

    skilletegn: str
    bredde: int
    linjer: int  # the lines it takes (a quoted name may run over two)
    i_dato: int
    i_med: int
    i_afd: int
    i_timer: int
    i_opg: int | None


def _laes_hoved(fil, navn: str) -> _Hoved | Fund:
    """The header line of ``fil`` (the file is left after it), or the finding why it will not do."""
    try:
        foerste = fil.readline()
    except UnicodeDecodeError:
        linje, besked = _ikke_utf8(fil)
        return Fund(navn, linje, None, "fejl", besked)
    if not foerste.strip():
        return Fund(navn, 1, None, "fejl", "filen er tom; den skal mindst have en overskriftslinje: "
                                           "dato;medarbejder;afdeling;timer;opgave")
    skilletegn = ";" if foerste.count(";") >= foerste.count(",") else ","
    fil.seek(0)
    laeser = csv.reader(fil, delimiter=skilletegn)
    try:
        hoved = next(laeser)
    except csv.Error as e:
        return Fund(navn, 1, None, "fejl", f"overskriftslinjen kan ikke læses som CSV ({e})")
    hoved_norm = [h.strip().casefold() for h in hoved]
    mangler = [k for k in KOLONNER if k not in hoved_norm]
    if mangler:
        flertal = "kolonnerne" if len(mangler) > 1 else "kolonnen"
        return Fund(navn, 1, None, "fejl",
                    f"overskriftslinjen mangler {flertal} {', '.join(repr(m) for m in mangler)}; "
                    f"forventet fx: dato{skilletegn}medarbejder{skilletegn}afdeling{skilletegn}timer{skilletegn}opgave")
    dobbelte = sorted({h for h in hoved_norm if h and hoved_norm.count(h) > 1})
    if dobbelte:
        return Fund(navn, 1, None, "fejl", f"kolonnen '{dobbelte[0]}' står to gange i overskriftslinjen")
    return _Hoved(skilletegn, len(hoved), laeser.line_num, *(hoved_norm.index(k) for k in KOLONNER),
                  hoved_norm.index("opgave") if "opgave" in hoved_norm else None)


def _laes(fil, navn: str, afdeling_opslag: dict[str, str]) -> tuple[Tidsregistrering | None, list[Fund]]:
    hoved = _laes_hoved(fil, navn)
    if isinstance(hoved, Fund):
        return None, [hoved]
    skilletegn, bredde, i_opg = hoved.skilletegn, hoved.bredde, hoved.i_opg
    reg = Tidsregistrering(navn=navn, har_opgave=i_opg is not None)
    # Every distinct raw date, hours and (afdeling, opgave) is checked once, the first time it is
    # seen, and kept here: a row whose values are all known is then three look-ups and one integer
    # addition (200.000 rows a year). A row with a value not seen before, or a bad one, goes
    # through :func:`kontroller`, which checks it in full.
    dag_for: dict[str, int] = {}  # raw date -> day (ordinal)
    timer_for: dict[str, int] = {}  # raw hours -> whole units of 10^-decimaler hours
    serie_for: dict[tuple[str, str], dict[int, int]] = {}  # raw (afdeling, opgave) -> its days
    dage: dict[tuple[str, str], dict[int, int]] = {}  # (afdeling id, opgave) -> {day: units}
    decimaler = 0
    fejl: list[Fund] = []
    antal_fejl = 0

    def meld(linje: int, besked: str) -> None:
        nonlocal antal_fejl
        antal_fejl += 1
        if antal_fejl <= MAKS_FEJL:
            fejl.append(Fund(navn, linje, None, "fejl", besked))

    def dato(raa: str, linje: int) -> int | None:
        d = _dag(raa)
        if isinstance(d, str):
            meld(linje, d)
            return None
        dag_for[raa] = d
        return d

    def serie(raa_afd: str, raa_opg: str, linje: int) -> dict[int, int] | None:
        tekst = raa_afd.strip()
        afd = afdeling_opslag.get(tekst.casefold())
        if afd is None:
            meld(linje, f"ukendt afdeling '{tekst}'; brug en afdelings id eller navn fra samdrift.yaml")
            return None
        s = serie_for[raa_afd, raa_opg] = dage.setdefault((afd, opgave(raa_opg)), {})
        return s

    def timer(raa: str, linje: int) -> int | None:
        tekst = raa.strip()
        if tekst.startswith("-"):
            meld(linje, f"negative timer ('{tekst}') er ikke tilladt; ret den oprindelige registrering")
            return None
        if not _TIMER.match(tekst):
            meld(linje, f"timer skal være et tal som 7,5 eller 7.5, ikke '{tekst}'")
            return None
        tal = tekst.replace(",", ".")
        if Decimal(tal) > MAKS_TIMER_PR_RAEKKE:
            meld(linje, f"{tekst} timer i én registrering er urimeligt mange (højst {MAKS_TIMER_PR_RAEKKE})")
            return None
        heltal, _, brok = tal.partition(".")
        brok = brok.rstrip("0")
        if len(brok) > MAKS_DECIMALER:
            vist = tekst if len(tekst) <= 40 else tekst[:39] + "…"
            meld(linje, f"timer med {len(brok)} decimaler ('{vist}') er mere præcist, end en registrering kan "
                        f"være; afrund til højst {MAKS_DECIMALER} decimaler")
            return None
        if len(brok) > decimaler:
            finere_enhed(len(brok))
        t = timer_for[raa] = int(heltal + brok) * 10 ** (decimaler - len(brok))
        return t

    def finere_enhed(nye_decimaler: int) -> None:
        """Count in 10^-nye_decimaler hours from now on: what is summed so far is scaled up."""
        nonlocal decimaler
        faktor = 10 ** (nye_decimaler - decimaler)
        for raa in timer_for:
            timer_for[raa] *= faktor
        for pr_dag in dage.values():
            for d in pr_dag:
                pr_dag[d] *= faktor
        decimaler = nye_decimaler

    def opgave(raa: str) -> str:
        if i_opg is None:  # no opgave column: the getter below hands over the afdeling again
            return ""
        tekst = raa.strip()
        o = tekst.casefold()
        reg.opgavenavne.setdefault(o, tekst)
        return o

    felter = itemgetter(hoved.i_dato, hoved.i_afd, hoved.i_timer, hoved.i_med, hoved.i_afd if i_opg is None else i_opg)

    def forkert_bredde(raekke: list[str], linje: int) -> None:
        besked = (f"rækken har {len(raekke)} felter, men overskriften har {bredde}; "
                  f"er skilletegnet '{skilletegn}' brugt i en værdi uden anførselstegn?")
        if skilletegn == "," and len(raekke) > bredde:
            besked += " Et decimaltal som 7,5 skal stå i anførselstegn: \"7,5\""
        meld(linje, besked)

    def kontroller(raekke: list[str], linje: int) -> tuple[dict[int, int], int, int] | None:
        """A row checked in full, in the order its first problem is told: its fields, the date,
        the afdeling, the hours, the medarbejder. Its (days, day, hours), or None once told (or
        for an empty row)."""
        # more fields than the header: a delimiter in a value ('7,5' in a ','-file gives the
        # hours 7 and shifts the rest), unless the extra fields are empty (a trailing delimiter)
        if len(raekke) > bredde and any(f.strip() for f in raekke[bredde:]):
            forkert_bredde(raekke, linje)
            return None
        try:
            r_dato, r_afd, r_timer, r_med, r_opg = felter(raekke)
        except IndexError:
            if raekke and not (len(raekke) == 1 and not raekke[0].strip()):
                forkert_bredde(raekke, linje)
            return None
        d = dag_for.get(r_dato) or dato(r_dato, linje)
        if d is None:
            return None
        s = serie_for.get((r_afd, r_opg))
        if s is None:
            s = serie(r_afd, r_opg, linje)
            if s is None:
                return None
        t = timer_for.get(r_timer)
        if t is None:
            t = timer(r_timer, linje)
            if t is None:
                return None
        if not r_med or r_med.isspace():
            meld(linje, "medarbejder mangler")
            return None
        return s, d, t

    antal = 0
    linje_nr = hoved.linjer
    langt = csv.field_size_limit()
    start = linje_nr  # the first line of the row the csv module reads
    try:
        for linje in fil:
            linje_nr += 1
            if '"' in linje or len(linje) > langt:
                # quotes (a value may even run over several lines) or a value longer than the
                # csv module allows: it reads the row, with its rules and its errors
                post = csv.reader(chain((linje,), fil), delimiter=skilletegn)
                start = linje_nr
                try:
                    raekke = next(post)
                finally:
                    linje_nr += post.line_num - 1
            else:
                # without quotes a row is its line split at the delimiter, as the csv module reads
                # it, in a third of the time. The line end stays on the last value: every value is
                # stripped where it is checked, and only there (once per distinct value).
                raekke = linje.split(skilletegn)
            if len(raekke) == bredde:
                r_dato, r_afd, r_timer, r_med, r_opg = felter(raekke)
                s = serie_for.get((r_afd, r_opg))
                d = dag_for.get(r_dato)
                t = timer_for.get(r_timer)
                if s is not None and d is not None and t is not None and r_med and not r_med.isspace():
                    s[d] = s.get(d, 0) + t
                    antal += 1
                    continue
            kendt = kontroller(raekke, linje_nr)
            if kendt is not None:
                s, d, t = kendt
                s[d] = s.get(d, 0) + t
                antal += 1
        reg.antal_raekker = antal
        reg.decimaler = decimaler
        reg.serier = _serier(dage)
    except csv.Error as e:
        # the one error the csv module gives for text it can read at all
        if "field limit" not in str(e):
            meld(linje_nr, f"linjen kan ikke læses som CSV ({e})")
        elif start < linje_nr:
            meld(start, f"et anførselstegn (\") på linjen afsluttes ikke: værdien fortsætter til linje "
                        f"{linje_nr} og bliver længere end de {langt} tegn, en værdi må have")
        else:
            meld(linje_nr, f"en værdi er længere end de {langt} tegn, en værdi må have")
    except UnicodeDecodeError:
        meld(*_ikke_utf8(fil))
    if antal_fejl > MAKS_FEJL:
        fejl.append(Fund(navn, None, None, "fejl",
                         f"… og {antal_fejl - MAKS_FEJL} fejl mere i filen (kun de første {MAKS_FEJL} er vist)"))
    if fejl:
        return None, fejl
    return reg, []
