"""The milestones judged: one rule per opgave and leverance (in forarbejdsfasen.py, udviklingsfasen.py and
etableringsfasen.py, on the machinery of regelvaerk.py) shows which facts in the folder show it done, and what is missing.

A rule is a small function from the loaded folder to a ``Vurdering`` (missing facts and
warnings). Decisions and approvals (godkendelser) live in milepaele.yaml; content lives in the
documents. ``vurder`` applies the playbook's gate: a milestone is reached only when every
earlier one is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from samdrift_cli.milepaele.katalog import FILER, GODKENDELSER, KATALOG, LEVERANCE_AF_OPGAVER
from samdrift_cli.milepaele.status import Mangel, Milepaelsstatus, Punkt, Vurdering
from samdrift_cli.milepaele.regelvaerk import Grundlag, REGLER, faktadato, godkendelse, kraever, registrering, saml
# the rules register themselves (regelvaerk.regel) when their phase is imported
from samdrift_cli.milepaele import etableringsfasen, forarbejdsfasen, udviklingsfasen  # noqa: F401

if TYPE_CHECKING:
    from samdrift_cli.indlaesning.samdriftsmappe import Samdriftsmappe


# -- all milestones ---------------------------------------------------------------


def _vurder_punkt(mappe, g: Grundlag, nr: int, art: str, i: int) -> Vurdering:
    """One opgave or leverance: the catalogue's data (an approval recorded, the opgaver a leverance
    sums up), then its rule function, if it has one."""
    dele = []
    krav = GODKENDELSER.get((nr, art, i))
    if krav is not None:
        dele.append(godkendelse(mappe, g.i_dag, nr, art, i, krav.hvad, krav.referat, krav.administrativ))
    if art == "leverance" and (nr, i) in LEVERANCE_AF_OPGAVER:
        dele.append(kraever(g.resultater, nr, *LEVERANCE_AF_OPGAVER[(nr, i)]))
    funktion = REGLER.get((nr, art, i))
    if funktion is not None:
        dele.append(funktion(mappe, g))
    return saml(*dele)


def vurder(mappe: "Samdriftsmappe", ugyldige: dict[str, str] | None = None, i_dag: dt.date | None = None) -> list[Milepaelsstatus]:
    """Judge all 12 milestones on the day ``i_dag`` (default: today, :func:`samdrift_cli.idag.idag`),
    from the folder alone: the rules read no clock. ``ugyldige``: the files with errors (file -> its
    first finding); a milestone judged from one of them "kan ikke vurderes" (samdrift.yaml must be valid)."""
    if i_dag is None:
        from samdrift_cli.idag import idag

        i_dag = idag()
    ugyldige = ugyldige or {}
    resultater: dict[tuple[int, str, int], Vurdering] = {}
    g = Grundlag(i_dag, resultater)
    ud: list[Milepaelsstatus] = []
    forrige_naaet = True
    for m in KATALOG:
        punkter: dict[str, list[Punkt]] = {"opgave": [], "leverance": []}
        for art, titler in (("opgave", m.opgaver), ("leverance", m.leverancer)):
            for i, titel in enumerate(titler, start=1):
                v = _vurder_punkt(mappe, g, m.nr, art, i)
                resultater[(m.nr, art, i)] = v
                r = registrering(mappe, m.nr, art, i)
                punkter[art].append(Punkt(art, i, titel, v.opfyldt, [placeret(mappe, x) for x in v.mangler],
                                          [placeret(mappe, x) for x in v.advarsler], r.dato if r else None))
        status = Milepaelsstatus(m, punkter["opgave"], punkter["leverance"], False, False, faktadato(mappe, m.nr))
        brudte = [f for f in FILER.get(m.nr, ()) if f in ugyldige]
        if brudte:
            status.kan_ikke_vurderes = [Mangel(f"kan ikke vurderes: {ugyldige[f]}") for f in brudte]
            for p in status.punkter:
                p.opfyldt, p.mangler = False, list(status.kan_ikke_vurderes)
        _tidslinje(status, ud, i_dag)
        status.egen_opfyldt = all(p.opfyldt for p in status.punkter)
        status.naaet = status.egen_opfyldt and forrige_naaet
        ud.append(status)
        forrige_naaet = status.naaet
    return ud


def placeret(mappe: "Samdriftsmappe", m: Mangel) -> Mangel:
    """The finding with the line and column of its place in the file (the key at ``sti``, or its
    nearest parent the file has), so that an editor can jump there; as it was when the file does not
    have it."""
    dok = mappe.dokumenter.get(m.fil) if m.fil else None
    sted = dok.sted(m.sti, paa_noegle=True, rod=False) if dok is not None else None
    if sted is None:  # the file has none of the path: no line to point at
        return m
    return replace(m, linje=sted[0] + 1, kolonne=sted[1] + 1)


def _tidslinje(s: Milepaelsstatus, tidligere: list[Milepaelsstatus], i_dag: dt.date) -> None:
    """The time line (design.md §5): evidence dated after today does not count, and a milestone whose
    evidence is dated before that of the milestones it rests on is not reached; the message names
    both dates. Told on the milestone's last leverance."""
    leverance = s.leverancer[-1]
    if s.faktadato is not None and s.faktadato > i_dag:
        leverance.mangler.append(Mangel(f"dokumenterne for milepæl {s.milepael.nr} er dateret {s.faktadato.isoformat()}, "
                                        f"efter i dag ({i_dag.isoformat()}); de tæller først fra den dag"))
    dato = s.dato
    foer = [(t.dato, t.milepael.nr) for t in tidligere if t.dato is not None]
    if dato is not None and foer and any(p.opfyldt or p.dato for p in s.punkter):
        seneste, nr = max(foer)
        if dato < seneste:
            leverance.mangler.append(Mangel(f"milepæl {s.milepael.nr} er dateret {dato.isoformat()}, før milepæl {nr}, som "
                                            f"den bygger på ({seneste.isoformat()}); ret datoerne, eller gør milepælen "
                                            "færdig igen"))
    leverance.opfyldt = not leverance.mangler
