"""`samdrift vejledning N`: the playbook's guidance for a milestone, where the user looks."""

from __future__ import annotations

from samdrift_cli.milepaele.katalog import milepael, vejledning as tekster
from samdrift_cli.visning import terminal


def vejledning(nr: int) -> int:
    terminal.vejledning(milepael(nr), tekster())
    return 0
