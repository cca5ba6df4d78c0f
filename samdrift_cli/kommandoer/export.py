"""`samdrift export --xlsx [FIL] --md --pdf --docx [MAPPE]`: the exporters make the files, one writer writes them."""

from __future__ import annotations

import sys
from pathlib import Path

from samdrift_cli.atomisk import ejer, skriv_filer
from samdrift_cli.fund import Fund, SamdriftFejl
from samdrift_cli.kommandoer.mappe import gyldig, indfiler
from samdrift_cli.visning import terminal


def export(sti: Path, xlsx: str | None, md: str | None, pdf: str | None, docx: str | None, overskriv: bool) -> int:
    if xlsx is None and md is None and pdf is None and docx is None:
        raise SamdriftFejl([Fund("export", None, None, "fejl", "vælg --xlsx [FIL], --md [MAPPE], --pdf [MAPPE] og/eller --docx [MAPPE]")])
    from samdrift_cli.milepaele.regler import vurder

    ind = gyldig(sti)
    terminal.skriv_fund(ind.fund)
    beskyttede = indfiler(sti)
    status = vurder(ind.mappe)  # the judgement, once for every format
    if xlsx is not None:
        from samdrift_cli.eksport.xlsx import lav_xlsx, maalfil, tjek_rettelser

        fil = maalfil(ind.mappe, Path(xlsx) if xlsx else None)
        tillad = overskriv
        if not overskriv and ejer(fil) == "aendret":  # samdrift's workbook, edited since
            tjek_rettelser(fil, ind.mappe, ind.fordeling)
            tillad = True
        skriv_filer({fil: lav_xlsx(ind.mappe, ind.fordeling, status)}, sti, tillad, beskyttede)
        sys.stdout.write(f"skrev {fil}\n")
    if md is not None:
        from samdrift_cli.eksport.md import lav_md

        filer, gamle = lav_md(ind.mappe, ind.fordeling, Path(md) if md else None, status)
        skriv_filer(filer, sti, overskriv, beskyttede, opret_mapper=True, fjern=gamle)
        sys.stdout.write(f"skrev {len(filer)} dokumenter i {next(iter(filer)).parent}\n")
    for art, maal in (("pdf", pdf), ("docx", docx)):
        if maal is not None:
            from samdrift_cli.eksport.dokumenter import lav_dokumenter

            filer = lav_dokumenter(ind.mappe, ind.fordeling, Path(maal) if maal else None, art, status)
            skriv_filer(filer, sti, overskriv, beskyttede, opret_mapper=True)
            sys.stdout.write(f"skrev {len(filer)} {art.upper()}-dokumenter i {next(iter(filer)).parent}\n")
    return 0
