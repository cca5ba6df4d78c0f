"""What every command does first: load the folder, cross-check it against the catalogue, allocate.

One pipeline, read top to bottom: the loader reads and validates (indlaesning), the registrations
are checked against the milestone catalogue, and the allocation is computed when the files it
rests on are valid. A command judges only the files it reads (design.md §4): with ``kun`` the
errors of other files are told as warnings and do not stop it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from samdrift_cli.fund import Fund, SamdriftFejl, har_fejl, sorter
from samdrift_cli.indlaesning.loader import HOVEDFIL, Samdriftsmappe, indlaes
from samdrift_cli.indlaesning.tidsregistrering import FILNAVN as CSV_FILNAVN
from samdrift_cli.indlaesning.tidsregistrering import XLSX_FILNAVN

if TYPE_CHECKING:
    from samdrift_cli.fordeling.beregning import Fordelingsresultat

# the files the allocation rests on
FORDELINGENS_FILER = (HOVEDFIL, "model.yaml", CSV_FILNAVN, XLSX_FILNAVN)


def indfiler(sti: Path) -> list[Path]:
    """The samdrift's own input files: never the target of an export, not even with --overskriv."""
    from samdrift_cli.skemaer import FILNAVNE

    return [sti / navn for navn in (*FILNAVNE, CSV_FILNAVN, XLSX_FILNAVN)]


@dataclass
class Indlaest:
    mappe: Samdriftsmappe
    fordeling: "Fordelingsresultat | None"  # None without a valid samdrift.yaml and model.yaml
    fund: list[Fund]


def laes(sti: Path, kun: tuple[str, ...] | None = None, formaal: str = "") -> Indlaest:
    """Load ``sti`` and allocate; every finding in ``fund``. With ``kun``, an error in any other file
    becomes a warning that says it is not used for ``formaal`` (e.g. "fordelingen")."""
    from samdrift_cli.fordeling.beregning import beregn
    from samdrift_cli.milepaele.registreringer import tjek_registreringer

    mappe = indlaes(sti)
    fund = mappe.fund + tjek_registreringer(mappe)
    fordeling = None
    if mappe.samdrift is not None and mappe.model is not None and not har_fejl(
            [f for f in fund if f.fil in FORDELINGENS_FILER]):
        fordeling, fejl = beregn(mappe)
        fund += fejl
    if kun is not None:
        fund = [f if f.fil in kun or not f.er_fejl else
                Fund(f.fil, f.linje, f.kolonne, "advarsel", f"{f.besked} (bruges ikke af {formaal})", f.uddrag)
                for f in fund]
    return Indlaest(mappe, fordeling, sorter(fund))


def gyldig(sti: Path, kun: tuple[str, ...] | None = None, formaal: str = "") -> Indlaest:
    """:func:`laes`, stopping with every finding (exit 2) when there is an error."""
    ind = laes(sti, kun, formaal)
    if har_fejl(ind.fund):
        raise SamdriftFejl(ind.fund)
    return ind
