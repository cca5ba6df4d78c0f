"""`samdrift status`: the 12 milestones at a glance, and the judgement `check milepael N` shows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from samdrift_cli.kommandoer.mappe import gyldig
from samdrift_cli.milepaele.status import Milepaelsstatus
from samdrift_cli.milepaele.tidslinje import AabenAktivitet
from samdrift_cli.visning import terminal
from samdrift_cli.visning.dokumenter import skriv_json


@dataclass
class Vurderet:
    navn: str
    boligorganisation: str | None
    afdelinger: list[tuple[str, int]]  # (navn, lejemål)
    status: list[Milepaelsstatus]
    aktiviteter: list[AabenAktivitet]  # open activities of the plans, with "frist overskredet"
    efter_12: list[str]  # the next step once all 12 milestones are reached

    def milepael_json(self, s: Milepaelsstatus) -> dict:
        return {**s.som_json(), "aktiviteter": [a.som_json() for a in self.aktiviteter if s.milepael.nr in a.milepaele]}


def vurderet(sti: Path) -> Vurderet:
    """Load and judge a folder (exit 2 on errors; warnings printed)."""
    from samdrift_cli.idag import idag
    from samdrift_cli.milepaele.regler import vurder
    from samdrift_cli.milepaele.tidslinje import aabne_aktiviteter, efter_milepael_12

    ind = gyldig(sti)
    terminal.skriv_fund(ind.fund)
    s = ind.mappe.samdrift
    return Vurderet(s.navn, s.boligorganisation, [(a.navn, a.lejemaal) for a in s.afdelinger], vurder(ind.mappe),
                    aabne_aktiviteter(ind.mappe, idag()), efter_milepael_12(ind.mappe))


def status(sti: Path, som_json: bool) -> int:
    from samdrift_cli.idag import idag
    from samdrift_cli.milepaele.status import aktuel_milepael, naeste_milepael, naeste_skridt

    v = vurderet(sti)
    skridt = naeste_skridt(v.status) or v.efter_12
    if som_json:
        skriv_json({"navn": v.navn, "idag": idag().isoformat(),
                    "naaet_til": aktuel_milepael(v.status), "naeste": naeste_milepael(v.status),
                    "aktuel_milepael": aktuel_milepael(v.status),
                    "milepaele": [v.milepael_json(s) for s in v.status], "naeste_skridt": skridt,
                    "aktiviteter": [a.som_json() for a in v.aktiviteter]})
    else:
        terminal.status(v.navn, v.boligorganisation, v.afdelinger, v.status, skridt, v.aktiviteter,
                        alle_naaet=naeste_milepael(v.status) is None)
    return 0
