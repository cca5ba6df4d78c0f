"""milepaele.yaml against the catalogue: each registration names a milestone's real opgave or leverance.

A cross-check like those of the loader (konsistens.py), kept here because it needs the catalogue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from samdrift_cli.fund import Fund
from samdrift_cli.indlaesning.konsistens import Tjek
from samdrift_cli.milepaele.katalog import KATALOG

if TYPE_CHECKING:
    from samdrift_cli.indlaesning.samdriftsmappe import Samdriftsmappe


def tjek_registreringer(mappe: "Samdriftsmappe") -> list[Fund]:
    """The findings for milepaele.yaml's registrations (none when the file is missing)."""
    t = Tjek(mappe)
    _tjek(t)
    return t.fund


def _tjek(t: Tjek) -> None:
    mp = t.filer.get("milepaele.yaml")
    if mp is None:
        return
    f = "milepaele.yaml"
    allerede_set: dict[int, int] = {}
    for i, m in enumerate(mp.milepaele):
        if m.nr in allerede_set:
            t.fejl(f, ("milepaele", i, "nr"), f"milepæl {m.nr} står allerede i listen (nr. {allerede_set[m.nr] + 1}); saml dem i én post")
        allerede_set[m.nr] = i
        kat = KATALOG[m.nr - 1]
        for felt, antal, hvad in (("opgaver", len(kat.opgaver), "opgave"), ("leverancer", len(kat.leverancer), "leverance")):
            set2: set[int] = set()
            for j, r in enumerate(getattr(m, felt)):
                if r.nr > antal:
                    t.fejl(f, ("milepaele", i, felt, j, "nr"),
                           f"milepæl {m.nr} har kun {antal} {hvad}{'r' if antal > 1 else ''}, ikke nr. {r.nr}")
                if r.nr in set2:
                    t.fejl(f, ("milepaele", i, felt, j, "nr"), f"{hvad} {r.nr} i milepæl {m.nr} står to gange")
                set2.add(r.nr)
