"""`samdrift kalender [FIL]`: open frister and planned activities as iCalendar."""

from __future__ import annotations

import sys
from pathlib import Path

from samdrift_cli.fund import Udfald
from samdrift_cli.kommandoer.mappe import gyldig
from samdrift_cli.visning import terminal

STANDARDFIL = Path("dokumenter") / "kalender.ics"


def kalender(sti: Path, fil: Path | None, overskriv: bool = False) -> int:
    from samdrift_cli.atomisk import skriv_filer
    from samdrift_cli.kommandoer.mappe import indfiler
    from samdrift_cli.eksport.kalender import kalender as lav
    from samdrift_cli.idag import idag
    from samdrift_cli.milepaele.tidslinje import aabne_aktiviteter

    ind = gyldig(sti)
    terminal.skriv_fund(ind.fund)
    aktiviteter = aabne_aktiviteter(ind.mappe, idag())
    data = lav(ind.mappe, aktiviteter)
    if fil is not None and str(fil) == "-":
        sys.stdout.buffer.write(data)
        return 0
    maal = fil if fil is not None else sti / STANDARDFIL
    skriv_filer({maal: data}, sti, overskriv, indfiler(sti), opret_mapper=fil is None)
    antal = sum(1 for a in aktiviteter if a.start or a.frist)
    return terminal.vis_udfald(Udfald([f"skrev {maal}: {terminal.flertal(antal, 'aftale', 'aftaler')} i kalenderen"]))
