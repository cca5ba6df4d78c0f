"""The layers of design.md §8 hold: the import-linter contract in pyproject.toml, and no import cycle."""

from __future__ import annotations

import os

from conftest import ROD


def test_lagkontrakten_holder(monkeypatch, capsys):
    from importlinter.cli import lint_imports

    monkeypatch.chdir(ROD)
    kode = lint_imports()
    ud = capsys.readouterr().out
    assert kode == 0, ud
    assert "0 broken" in ud


def test_ingen_importkredse():
    # a cycle through lazy imports inside functions counts too: grimp sees every import statement
    import grimp

    graf = grimp.build_graph("samdrift_cli", cache_dir=None)
    kredse = set()
    for modul in sorted(graf.modules):
        for importeret in sorted(graf.find_modules_directly_imported_by(modul)):
            kaede = graf.find_shortest_chain(importer=importeret, imported=modul)
            if kaede and not importeret.startswith(modul + ".") and not modul.startswith(importeret + "."):
                kredse.add(" → ".join((modul, *kaede)))
    # a package's __init__ that re-exports from its own modules is no cycle of behaviour
    kredse = {k for k in kredse if not k.startswith("samdrift_cli.cli")}
    assert not kredse, "\n".join(sorted(kredse))


def test_intet_maskineri_i_pakken():
    # simplicity (#15): no pickle, no generated source, no persistent cache, no os._exit
    forbudt = ("import pickle", "os._exit", "pydantic.plugin", "typer._coercion", "__pydantic_core_schema__",
               "XDG_CACHE_HOME", "_prepare_formula")
    for sti in (ROD / "samdrift_cli").rglob("*.py"):
        tekst = sti.read_text(encoding="utf-8")
        for ord_ in forbudt:
            assert ord_ not in tekst, f"{os.path.relpath(sti, ROD)}: {ord_}"
