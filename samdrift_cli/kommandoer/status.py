"""`samdrift status`: the 12 milestones at a glance, and the judgement `check milepael N` shows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from samdrift_cli.indlaesning.loader import HOVEDFIL
from samdrift_cli.kommandoer.mappe import laes
from samdrift_cli.milepaele.status import Milepaelsstatus, Skridt
from samdrift_cli.milepaele.tidslinje import AabenAktivitet
from samdrift_cli.visning import terminal
from samdrift_cli.visning.jsonvisning import skriv_json


@dataclass
class Vurderet:
    navn: str
    boligorganisation: str | None
    afdelinger: list[tuple[str, int]]  # (navn, lejemål)
    status: list[Milepaelsstatus]
    aktiviteter: list[AabenAktivitet]  # open activities of the plans, with "frist overskredet"
    efter_12: list["Skridt"]  # the next step once all 12 milestones are reached
    fejl: bool = False  # some files have errors: exit code 2, though what can be judged is shown

    def milepael_json(self, s: Milepaelsstatus) -> dict:
        return {**s.som_json(), "aktiviteter": [a.som_json() for a in self.aktiviteter if s.milepael.nr in a.milepaele]}


def vurderet(sti: Path) -> Vurderet:
    """Load and judge a folder (exit 2 on errors; warnings printed)."""
    from samdrift_cli.idag import idag
    from samdrift_cli.milepaele.regler import vurder
    from samdrift_cli.milepaele.tidslinje import aabne_aktiviteter, efter_milepael_12

    from samdrift_cli.fund import SamdriftFejl

    ind = laes(sti)
    fejl = [f for f in ind.fund if f.er_fejl]
    # with samdrift.yaml broken nothing can be judged; otherwise a milestone resting on a file with
    # errors "kan ikke vurderes", and the others are judged as usual
    if ind.mappe.samdrift is None or any(f.fil == HOVEDFIL for f in fejl):
        raise SamdriftFejl(ind.fund)
    terminal.skriv_fund(ind.fund)
    ugyldige: dict[str, str] = {}
    for f in fejl:
        ugyldige.setdefault(f.fil, f.overskrift())
    s = ind.mappe.samdrift
    i_dag = idag()  # one day for the whole judgement
    return Vurderet(s.navn, s.boligorganisation, [(a.navn, a.lejemaal) for a in s.afdelinger],
                    vurder(ind.mappe, ugyldige, i_dag), aabne_aktiviteter(ind.mappe, i_dag), efter_milepael_12(ind.mappe),
                    bool(fejl))


def status(sti: Path, som_json: bool) -> int:
    from samdrift_cli.idag import idag
    from samdrift_cli.milepaele.status import aktuel_milepael, naeste_milepael, naeste_skridt

    v = vurderet(sti)
    skridt = naeste_skridt(v.status) or v.efter_12
    if som_json:
        skriv_json({"navn": v.navn, "idag": idag().isoformat(),
                    "naaet_til": aktuel_milepael(v.status), "naeste": naeste_milepael(v.status),
                    "aktuel_milepael": aktuel_milepael(v.status),
                    "milepaele": [v.milepael_json(s) for s in v.status], "naeste_skridt": [x.til_redaktoer() for x in skridt],
                    "aktiviteter": [a.som_json() for a in v.aktiviteter]})
    else:
        terminal.status(v.navn, v.boligorganisation, v.afdelinger, v.status, skridt, v.aktiviteter,
                        alle_naaet=naeste_milepael(v.status) is None)
    return 2 if v.fejl else 0
