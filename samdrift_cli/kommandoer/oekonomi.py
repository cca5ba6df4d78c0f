"""`samdrift opfoelgning` and `samdrift export --bogfoering`: the economy over the years."""

from __future__ import annotations

from pathlib import Path

from samdrift_cli.fund import Fund, SamdriftFejl
from samdrift_cli.visning import terminal
from samdrift_cli.visning.jsonvisning import opfoelgning_json, skriv_json


def aarenes_opfoelgning(sti: Path, aar: int | None):
    """The folder's allocation and the follow-up of ``aar`` (None: of every year with a regnskab)."""
    from samdrift_cli.fordeling.opfoelgning import opfoelg, regnskabsaarene
    from samdrift_cli.kommandoer.fordeling import fordelingen

    ind = fordelingen(sti)
    aarene = [aar] if aar is not None else regnskabsaarene(ind.mappe)
    if not aarene:
        raise SamdriftFejl([Fund("model.yaml", None, None, "fejl",
                                 "ingen konti har et regnskab endnu; hent det ind med 'samdrift import regnskab FIL --aar ÅÅÅÅ'")])
    ud, fejl = [], []
    for a in aarene:
        o = opfoelg(ind.mappe, ind.fordeling, a)
        if isinstance(o, list):
            fejl += [Fund("model.yaml", None, None, "fejl", besked) for besked in o]
        else:
            ud.append(o)
    if fejl:
        raise SamdriftFejl(fejl)
    return ind, ud


def opfoelgning(sti: Path, aar: int | None, som_json: bool) -> int:
    ind, aarene = aarenes_opfoelgning(sti, aar)
    terminal.skriv_fund(ind.fund)
    if som_json:
        # one year: its document (design.md §4); every year: the latest year's, and all of them in 'aarene'
        data = opfoelgning_json(aarene[-1])
        if aar is None:
            data["aarene"] = [opfoelgning_json(o) for o in aarene]
        skriv_json(data)
    else:
        for o in aarene:
            terminal.opfoelgning(o)
    return 0


def bogfoering(sti: Path, ud: str | None, aar: int | None, tegnsaet: str, overskriv: bool) -> int:
    """One CSV per afdeling of the year's budget as allocated, for the administration system (design.md §4)."""
    import sys

    from samdrift_cli.atomisk import skriv_filer
    from samdrift_cli.eksport.bogfoering import bogfoeringsfiler
    from samdrift_cli.kommandoer.fordeling import fordelingen
    from samdrift_cli.kommandoer.mappe import indfiler

    ind = fordelingen(sti)
    terminal.skriv_fund(ind.fund)
    mappe = Path(ud) if ud else sti / "dokumenter" / "bogfoering"
    filer = bogfoeringsfiler(ind.mappe, ind.fordeling, mappe, aar, tegnsaet)
    skriv_filer(filer, sti, overskriv, indfiler(sti), opret_mapper=True)
    sys.stdout.write(f"skrev {len(filer)} bogføringsfiler ({tegnsaet}) i {mappe}\n")
    return 0
