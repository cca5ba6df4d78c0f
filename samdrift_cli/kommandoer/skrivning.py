"""The commands that write the samdrift's own files (`init`, `afkryds`, `import budget|regnskab`,
`schema`): each does its work in ``skrivning`` (or ``skemaer``) and tells what it did."""

from __future__ import annotations

from pathlib import Path

from samdrift_cli.visning.terminal import vis_udfald


def init(maal: Path, navn: str | None, afdelinger: list[str], boligorganisation: str | None, git: bool) -> int:
    from samdrift_cli.skrivning.opret import opret

    return vis_udfald(opret(maal, navn, afdelinger, boligorganisation, git))


def afkryds(mappe: Path, *args, **kwargs) -> int:
    from samdrift_cli.skrivning.afkryds import afkryds as registrer

    return vis_udfald(registrer(mappe, *args, **kwargs))


def importer(mappe: Path, *args, **kwargs) -> int:
    """`import budget` and `import regnskab` (``art``)."""
    from samdrift_cli.skrivning.budget import importer_budget

    return vis_udfald(importer_budget(mappe, *args, **kwargs))


def schema(ud: Path, rod: Path, overskriv: bool) -> int:
    from samdrift_cli.skemaer.jsonskema import skriv_skemaer

    return vis_udfald(skriv_skemaer(ud, rod, overskriv))
