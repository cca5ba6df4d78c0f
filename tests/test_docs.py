"""docs/ cannot drift: generated pages are current, every command and milestone is documented."""

from __future__ import annotations

import re

import pytest

import dokumentation
from conftest import ROD


@pytest.mark.parametrize("navn", sorted(dokumentation.SIDER))
def test_genererede_sider_er_opdaterede(navn):
    forventet = dokumentation.side(navn)
    assert (ROD / "docs" / navn).read_text(encoding="utf-8") == forventet, "kør: python tests/dokumentation.py"


def test_alle_kommandoer_er_dokumenterede():
    from samdrift_cli.cli.app import app

    navne = {c.name or c.callback.__name__ for c in app.registered_commands} | {g.name for g in app.registered_groups}
    dokumenteret = {k[0] for k in dokumentation.KOMMANDOER if k}
    assert navne == dokumenteret


def test_links_i_docs_findes():
    for fil in (ROD / "docs").glob("*.md"):
        for link in re.findall(r"\]\(([^)#:]+\.md)\)", fil.read_text(encoding="utf-8")):
            assert (fil.parent / link).exists(), (fil.name, link)
    readme = (ROD / "README.md").read_text(encoding="utf-8")
    for link in re.findall(r"\]\((docs/[^)]+)\)", readme):
        assert (ROD / link).exists(), link


def test_readme_har_praecis_to_opsaetningskommandoer():
    readme = (ROD / "README.md").read_text(encoding="utf-8")
    blokke = re.findall(r"```sh\n(.*?)```", readme, re.S)
    installation = [b for b in blokke if "pip install" in b]
    assert [b.strip() for b in installation] == [
        "pip install . && samdrift -C examples/aeblegaarden_paerebakken status",
        'pip install ".[test]" && python -m pytest -q',
    ]
    ci = (ROD / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install ".[test]" && python -m pytest -q' in ci
