"""`samdrift status`: the 12 milestones at a glance, and the judgement `check milepael N` shows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from samdrift_cli.kommandoer.mappe import gyldig
from samdrift_cli.milepaele.status import Milepaelsstatus
from samdrift_cli.visning import terminal
from samdrift_cli.visning.dokumenter import skriv_json


@dataclass
class Vurderet:
    navn: str
    boligorganisation: str | None
    afdelinger: list[tuple[str, int]]  # (navn, lejemål)
    status: list[Milepaelsstatus]


def vurderet(sti: Path) -> Vurderet:
    """Load and judge a folder (exit 2 on errors; warnings printed)."""
    from samdrift_cli.milepaele.regler import vurder

    ind = gyldig(sti)
    terminal.skriv_fund(ind.fund)
    s = ind.mappe.samdrift
    return Vurderet(s.navn, s.boligorganisation, [(a.navn, a.lejemaal) for a in s.afdelinger], vurder(ind.mappe))


def status(sti: Path, som_json: bool) -> int:
    from samdrift_cli.milepaele.status import aktuel_milepael, naeste_skridt

    v = vurderet(sti)
    skridt = naeste_skridt(v.status)
    if som_json:
        skriv_json({"navn": v.navn, "aktuel_milepael": aktuel_milepael(v.status),
                    "milepaele": [s.som_json() for s in v.status], "naeste_skridt": skridt})
    else:
        terminal.status(v.navn, v.boligorganisation, v.afdelinger, v.status, skridt)
    return 0
