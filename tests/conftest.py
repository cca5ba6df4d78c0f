"""Shared helpers: build a samdrift folder inline, run the CLI in-process."""

from __future__ import annotations

import json
import os
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

ROD = Path(__file__).resolve().parent.parent

# "today" for every test, in-process and in subprocesses: the results must not depend on the clock
os.environ["SAMDRIFT_IDAG"] = "2026-12-01"
EKSEMPEL = ROD / "examples" / "aeblegaarden_paerebakken"

MINIMAL_SAMDRIFT = """\
navn: Test
afdelinger:
  - id: a
    navn: Alfa
    lejemaal: 100
  - id: b
    navn: Beta
    lejemaal: 500
"""


def byg_mappe(rod: Path, filer: dict[str, str | bytes]) -> Path:
    """Write ``{filename: text}`` into ``rod`` (text is dedented); returns ``rod``."""
    rod.mkdir(parents=True, exist_ok=True)
    for navn, indhold in filer.items():
        sti = rod / navn
        sti.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(indhold, bytes):
            sti.write_bytes(indhold)
        else:
            sti.write_text(textwrap.dedent(indhold), encoding="utf-8")
    return rod


def arbejdsbog(sti: Path, ark: dict[str, list[list]], skjulte: tuple[str, ...] = (),
               flet: dict[str, list[str]] | None = None) -> Path:
    """An Excel workbook at ``sti``: ``{sheet: rows}``, in order; ``skjulte`` sheets hidden, ``flet`` cells merged."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for navn, raekker in ark.items():
        ws = wb.create_sheet(navn)
        for r in raekker:
            ws.append(r)
        for omraade in (flet or {}).get(navn, []):
            ws.merge_cells(omraade)
        if navn in skjulte:
            ws.sheet_state = "hidden"
    wb.save(sti)
    return sti


@dataclass
class Resultat:
    kode: int
    stdout: str
    stderr: str

    def json(self):
        return json.loads(self.stdout)

    @property
    def fejllinjer(self) -> list[str]:
        """The first line of each finding (excerpt lines are indented)."""
        return [l for l in self.stderr.splitlines() if l and not l.startswith(" ")]


@pytest.fixture
def samdrift(capsys, monkeypatch):
    """Run ``samdrift ARGS`` in-process; returns a Resultat."""
    monkeypatch.setenv("COLUMNS", "200")

    def koer(*args: str | Path, cwd: Path | None = None) -> Resultat:
        from samdrift_cli.cli.app import app
        from samdrift_cli.cli.dansk import koer as dansk_koer, normaliser_argv

        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        kode = dansk_koer(app, normaliser_argv([str(a) for a in args]))
        ud = capsys.readouterr()
        assert "Traceback" not in ud.err
        return Resultat(kode, ud.out, ud.err)

    return koer


@pytest.fixture
def eksempel(tmp_path) -> Path:
    """A fresh copy of the example folder."""
    kopi = tmp_path / "eksempel"
    shutil.copytree(EKSEMPEL, kopi)
    return kopi


def snapshot(mappe: Path) -> dict[str, bytes]:
    return {str(p.relative_to(mappe)): p.read_bytes() for p in sorted(mappe.rglob("*")) if p.is_file()}
