"""A boligorganisation's portfolio: every samdrift folder below a directory, one process."""

from __future__ import annotations

import os
from pathlib import Path

from samdrift_cli.indlaesning.loader import HOVEDFIL
from samdrift_cli.kommandoer.mappe import laes

SPRING_OVER = {".git", "node_modules", "__pycache__", ".venv", "venv", ".samdrift"}


def find_samdrifter(rod: Path) -> list[Path]:
    """Folders holding samdrift.yaml, sorted; a samdrift folder's subfolders are not searched."""
    ud: list[Path] = []
    for mappe, undermapper, filer in os.walk(rod):
        undermapper[:] = sorted(d for d in undermapper if d not in SPRING_OVER and not d.startswith("."))
        if HOVEDFIL in filer:
            ud.append(Path(mappe))
            undermapper[:] = []
    return sorted(ud)


def oversigt(rod: Path) -> list[dict]:
    """One line per samdrift folder below ``rod``."""
    return [{"mappe": str(m.relative_to(rod)) if m != rod else ".", **_linje(m)} for m in find_samdrifter(rod)]


def _linje(m: Path) -> dict:
    from samdrift_cli.fund import har_fejl
    from samdrift_cli.milepaele.regler import vurder
    from samdrift_cli.milepaele.status import aktuel_milepael

    ind = laes(m)
    mappe = ind.mappe
    fejl = sum(1 for f in ind.fund if f.er_fejl)
    linje = {
        "navn": mappe.samdrift.navn if mappe.samdrift else None,
        "afdelinger": len(mappe.samdrift.afdelinger) if mappe.samdrift else None,
        "lejemaal": sum(a.lejemaal for a in mappe.samdrift.afdelinger) if mappe.samdrift else None,
        "milepael": None,
        "naeste_skridt": None,
        "fejl": fejl,
        "advarsler": len(ind.fund) - fejl,
    }
    if not har_fejl(ind.fund):
        status = vurder(mappe)
        linje["milepael"] = aktuel_milepael(status)
        naeste = next((s for s in status if not s.naaet), None)
        if naeste is not None:
            aaben = next(p for p in naeste.punkter if not p.opfyldt)
            linje["naeste_skridt"] = f"{naeste.milepael.nr}: {aaben.titel}"
    else:
        foerste = next(f for f in ind.fund if f.er_fejl)
        linje["naeste_skridt"] = f"ret fejl: {foerste.overskrift()}"
    return linje


def vis_oversigt(rod: Path, som_json: bool) -> int:
    """`samdrift oversigt [MAPPE]`: one line per samdrift folder below ``rod``."""
    from samdrift_cli.fund import Fund, SamdriftFejl
    from samdrift_cli.visning import terminal
    from samdrift_cli.visning.jsonvisning import skriv_json

    if not rod.is_dir():
        raise SamdriftFejl([Fund(str(rod), None, None, "fejl", "mappen findes ikke" if not rod.exists() else "er ikke en mappe")])
    linjer = oversigt(rod)
    if som_json:
        skriv_json({"samdrifter": linjer})
        return 0
    terminal.oversigt(rod.resolve(), linjer)  # "under /home/x/samdrifter", not "under ."
    if not linjer:
        terminal.skriv_fund([Fund(str(rod), None, None, "advarsel", "ingen samdrift-mapper (med samdrift.yaml) fundet")])
    return 0
