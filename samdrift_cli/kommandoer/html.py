"""`samdrift export --html [MAPPE]` and `samdrift oversigt [MAPPE] --html UD`: pages for a browser."""

from __future__ import annotations

import sys
from pathlib import Path

from samdrift_cli.fund import Fund, SamdriftFejl


def _side(sti: Path, ud: Path | None = None):
    """A samdrift folder's page data and the numbers of its portfolio row; raises SamdriftFejl with its
    findings when the folder cannot be judged."""
    from samdrift_cli.eksport.html import side_data
    from samdrift_cli.fordeling.opfoelgning import opfoelg, regnskabsaarene
    from samdrift_cli.idag import idag
    from samdrift_cli.kommandoer.mappe import gyldig
    from samdrift_cli.milepaele.regler import vurder
    from samdrift_cli.milepaele.status import naeste_skridt
    from samdrift_cli.milepaele.tidslinje import aabne_aktiviteter, efter_milepael_12

    ind = gyldig(sti)
    i_dag = idag()
    status = vurder(ind.mappe, i_dag=i_dag)
    aktiviteter = aabne_aktiviteter(ind.mappe, i_dag)
    opfoelgninger = []
    if ind.fordeling is not None:
        for aar in regnskabsaarene(ind.mappe):
            o = opfoelg(ind.mappe, ind.fordeling, aar)
            if not isinstance(o, list):
                opfoelgninger.append(o)
    side = side_data(ind.mappe, ind.fordeling, status, aktiviteter, naeste_skridt(status) or efter_milepael_12(ind.mappe),
                     opfoelgninger, ud)
    return ind, side, status, aktiviteter, opfoelgninger


def export_html(sti: Path, ud: str | None, overskriv: bool) -> int:
    from samdrift_cli.atomisk import skriv_filer
    from samdrift_cli.eksport.html import SIDE, render_side
    from samdrift_cli.kommandoer.mappe import indfiler
    from samdrift_cli.visning import terminal

    mappe = Path(ud) if ud else sti / "dokumenter"
    ind, side, *_ = _side(sti, mappe)
    terminal.skriv_fund(ind.fund)
    skriv_filer({mappe / SIDE: render_side(side)}, sti, overskriv, indfiler(sti), opret_mapper=True)
    sys.stdout.write(f"skrev {mappe / SIDE}\n")
    return 0


def _slug(tekst: str) -> str:
    from samdrift_cli.skrivning.opret import lav_id

    return lav_id(tekst.replace("/", "-")) or "samdrift"


def _raekke(args: tuple[Path, str]) -> tuple[dict, str | None]:
    """One samdrift of the portfolio: its row, and its page (None when the folder cannot be judged).
    A function of its own, so that a process pool can build the pages side by side."""
    from samdrift_cli.beloeb import dansk_beloeb
    from samdrift_cli.eksport.html import SIDE, render_side
    from samdrift_cli.milepaele.status import aktuel_milepael

    m, navn = args
    raekke: dict = {"mappe": navn, "navn": None, "fejl": [], "side": None}
    try:
        ind, side, status, aktiviteter, opfoelgninger = _side(m)
    except SamdriftFejl as e:
        raekke["fejl"] = [f.overskrift() for f in e.fund if f.er_fejl] or [e.fund[0].overskrift()]
        return raekke, None
    naeste = next((s for s in status if not s.naaet), None)
    raekke.update(navn=side.navn, afdelinger=", ".join(a["navn"] for a in side.afdelinger),
                  fase=(naeste or status[-1]).milepael.fase, milepael=aktuel_milepael(status),
                  naeste=f"{naeste.milepael.nr}. {naeste.milepael.titel}" if naeste else None,
                  overskredne=sum(1 for a in aktiviteter if a.overskredet), besparelse=None, besparelse_oere=None, mod_maal=None)
    if opfoelgninger:
        o = opfoelgninger[-1]
        raekke["besparelse_oere"] = o.besparelse
        raekke["besparelse"] = f"{dansk_beloeb(o.besparelse)} ({o.aar})"
        if o.maal is not None and o.maal.beloeb is not None:
            raekke["mod_maal"] = f"{'nået' if o.besparelse >= o.maal.beloeb else 'ikke nået'} (mål {dansk_beloeb(o.maal.beloeb)})"
    elif ind.fordeling is not None and ind.fordeling.har_nuvaerende:
        forventet = sum(v["i_dag"] - v["samdrift"] for v in ind.fordeling.sammenligning().values())
        raekke["besparelse_oere"] = forventet
        raekke["besparelse"] = f"{dansk_beloeb(forventet)} (forventet)"
    return raekke, render_side(side, tilbage=SIDE)


def oversigt_html(rod: Path, ud: Path, overskriv: bool) -> int:
    import os

    from samdrift_cli.atomisk import skriv_filer
    from samdrift_cli.eksport.html import SIDE, render_oversigt
    from samdrift_cli.kommandoer.portefoelje import find_samdrifter

    if not rod.is_dir():
        raise SamdriftFejl([Fund(str(rod), None, None, "fejl", "mappen findes ikke" if not rod.exists() else "er ikke en mappe")])
    mapper = [(m, str(m.relative_to(rod)) if m != rod else ".") for m in find_samdrifter(rod)]
    kerner = os.cpu_count() or 1
    if len(mapper) >= 8 and kerner > 1:  # the pages side by side, one process a core (the standard library's pool)
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=kerner) as pulje:
            resultater = list(pulje.map(_raekke, mapper, chunksize=max(1, len(mapper) // (4 * kerner))))
    else:
        resultater = [_raekke(x) for x in mapper]
    filer: dict[Path, str] = {}
    raekker = []
    brugt: set[str] = {"index"}
    for (m, navn), (raekke, side) in zip(mapper, resultater):
        if side is not None:
            grund = _slug(navn if navn != "." else m.resolve().name)
            slug, n = grund, 2
            while slug in brugt:
                slug, n = f"{grund}-{n}", n + 1
            brugt.add(slug)
            raekke["side"] = f"{slug}.html"
            filer[ud / raekke["side"]] = side
        raekker.append(raekke)
    filer[ud / SIDE] = render_oversigt(f"Samdrifter under {rod.resolve().name}", raekker)
    skriv_filer(filer, None, overskriv, opret_mapper=True)
    sys.stdout.write(f"skrev {ud / SIDE} og {len(filer) - 1} sider for {len(raekker)} samdrifter\n")
    return 0
