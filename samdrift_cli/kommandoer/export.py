"""`samdrift export --xlsx [FIL] --md [MAPPE]`."""

from __future__ import annotations

import sys
from pathlib import Path

from samdrift_cli.fund import Fund, SamdriftFejl
from samdrift_cli.kommandoer.mappe import gyldig
from samdrift_cli.visning import terminal


def export(sti: Path, xlsx: str | None, md: str | None, pdf: str | None, docx: str | None, overskriv: bool) -> int:
    if xlsx is None and md is None and pdf is None and docx is None:
        raise SamdriftFejl([Fund("export", None, None, "fejl", "vælg --xlsx [FIL], --md [MAPPE], --pdf [MAPPE] og/eller --docx [MAPPE]")])
    ind = gyldig(sti)
    terminal.skriv_fund(ind.fund)
    if xlsx is not None:
        from samdrift_cli.eksport.xlsx import skriv_xlsx

        fil = skriv_xlsx(ind.mappe, ind.fordeling, sti / xlsx if xlsx else None, overskriv)
        sys.stdout.write(f"skrev {fil}\n")
    if md is not None:
        from samdrift_cli.eksport.md import skriv_md

        filer = skriv_md(ind.mappe, ind.fordeling, sti / md if md else None, overskriv)
        sys.stdout.write(f"skrev {len(filer)} dokumenter i {filer[0].parent if filer else md}\n")
    for art, maal in (("pdf", pdf), ("docx", docx)):
        if maal is not None:
            from samdrift_cli.eksport.dokumenter import skriv_dokumenter

            filer = skriv_dokumenter(ind.mappe, ind.fordeling, sti / maal if maal else None, art, overskriv)
            sys.stdout.write(f"skrev {len(filer)} {art.upper()}-dokumenter i {filer[0].parent}\n")
    return 0
