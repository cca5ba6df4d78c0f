"""`samdrift export --bogfoering`: the fordeling posted back to the administration system.

One CSV file per afdeling, ``<afdeling-id>.csv``, with the header ``konto;tekst;beloeb`` and one row
per included konto line of model.yaml in its order: the afdeling's share of the year's budget by the
øre rule, with a decimal comma and no thousands separator (``491666,67``), as Danish administration
systems import it (design.md §4). For every row the afdelinger's amounts sum to the konto's beløb.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

from samdrift_cli.beloeb import til_oere
from samdrift_cli.fordeling.allokering import fordel_vaegte, vaegte_fra_andele
from samdrift_cli.fund import Fund, SamdriftFejl, synlig
from samdrift_cli.identitet import mente_du

if TYPE_CHECKING:
    from samdrift_cli.fordeling.beregning import Fordelingsresultat
    from samdrift_cli.indlaesning.samdriftsmappe import Samdriftsmappe

TEGNSAET = {"windows-1252": "cp1252", "utf-8": "utf-8"}


def beloeb_med_komma(oere: int) -> str:
    """'491666,67', '-85000,00': a decimal comma, no thousands separator."""
    fortegn = "-" if oere < 0 else ""
    kr, o = divmod(abs(oere), 100)
    return f"{fortegn}{kr},{o:02d}"


def bogfoeringsfiler(mappe: "Samdriftsmappe", r: "Fordelingsresultat", ud: Path, aar: int | None,
                     tegnsaet: str = "windows-1252") -> dict[Path, bytes]:
    from samdrift_cli.fordeling.opfoelgning import aarets_budget, budgetaar

    if tegnsaet not in TEGNSAET:
        raise SamdriftFejl([Fund("--tegnsaet", None, None, "fejl", f"'{synlig(tegnsaet)}' skal være windows-1252 eller utf-8"
                                                             f"{mente_du(tegnsaet, ['windows-1252', 'utf-8'], 0.5)}")])
    ids = r.ids
    vaegte = {n.id: vaegte_fra_andele(n.andele) for n in r.noegler}
    raekker: list[tuple[str, str, dict[str, int]]] = []
    mangler = []
    for k in mappe.model.konti:
        if not k.med:
            continue
        if aar is None:
            beloeb = k.budget
        else:
            beloeb = aarets_budget(k, aar, budgetaar(mappe))
            if beloeb is None:
                mangler.append(Fund("model.yaml", None, None, "fejl", f"konto {k.konto}{' ' + k.navn if k.navn else ''} har "
                                                                       f"intet budget for {aar}"))
                continue
        w, naevner = vaegte[k.noegle]
        raekker.append((str(k.konto), k.navn or "", fordel_vaegte(til_oere(beloeb), w, naevner, ids)))
    if mangler:
        raise SamdriftFejl(mangler)
    ud_filer: dict[Path, bytes] = {}
    fejl = []
    for a in ids:
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
        w.writerow(["konto", "tekst", "beloeb"])
        for konto, tekst, fordeling in raekker:
            w.writerow([konto, tekst, beloeb_med_komma(fordeling[a])])
        try:
            ud_filer[ud / f"{a}.csv"] = buf.getvalue().encode(TEGNSAET[tegnsaet])
        except UnicodeEncodeError as e:
            tegn = buf.getvalue()[e.start]
            fejl.append(Fund("model.yaml", None, None, "fejl", f"tegnet '{synlig(tegn)}' i en konto kan ikke skrives i "
                                                                "Windows-1252; brug --tegnsaet utf-8"))
            break
    if fejl:
        raise SamdriftFejl(fejl)
    return ud_filer
