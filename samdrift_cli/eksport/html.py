"""`samdrift export --html` and `samdrift oversigt --html`: pages a direktion reads in a browser.

Static pages, built from the folders: one page per samdrift (where it stands in the 12 milestones,
what is missing in names and sentences, overskredne frister, the economy, the diagrams) and a
portfolio page with a row per samdrift. Each page is self-contained (design.md §4): ``lang="da"``, the
CSS inline, the diagrams inline SVG drawn by the same Typst code as the PDF, no ``src`` or ``href``
to another host, readable without JavaScript (a small inline script only sorts the portfolio's
table), printable on A4. Every user text is escaped by jinja2's HTML autoescape. Numbers are the
CLI's: the same results, formatted by the same functions.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from samdrift_cli.beloeb import dansk_beloeb, pr_enhed

if TYPE_CHECKING:
    from samdrift_cli.fordeling.beregning import Fordelingsresultat
    from samdrift_cli.indlaesning.samdriftsmappe import Samdriftsmappe

SIDE = "index.html"


def svg(kode: str | None) -> str | None:
    """A diagram's Typst code as an inline SVG element (None when there is nothing to draw)."""
    if not kode:
        return None
    import typst

    kilde = ("#set page(width: auto, height: auto, margin: 6pt, fill: white)\n"
             "#set text(font: \"Libertinus Serif\", lang: \"da\", size: 10pt)\n" + kode)
    tegning = typst.compile(kilde.encode("utf-8"), format="svg", ignore_system_fonts=True).decode("utf-8")
    tegning = re.sub(r"^<\?xml[^>]*>\s*", "", tegning)
    # scales with the page: the width of the text column, the height by the drawing's proportions
    return re.sub(r'^<svg ([^>]*?)width="[^"]*" height="[^"]*"', r'<svg \1width="100%" role="img" aria-hidden="false"',
                  tegning, count=1)


@dataclass
class Side:
    """What one samdrift's page shows."""

    navn: str
    boligorganisation: str | None
    afdelinger: list[dict]
    aktuel: int
    naeste: int | None
    faser: list[dict]
    naeste_skridt: list[str]
    overskredne: list[dict]
    oekonomi: dict | None
    opfoelgninger: list[dict]
    diagrammer: list[dict]
    links: list[dict] = field(default_factory=list)


def _fase_data(status) -> list[dict]:
    from samdrift_cli.milepaele.katalog import FASER
    from samdrift_cli.milepaele.status import MILEPAELSSTATUS_TEKST

    naeste = next((s.milepael.nr for s in status if not s.naaet), None)
    faser = []
    for fase in FASER:
        milepaele = []
        for s in status:
            if s.milepael.fase != fase:
                continue
            # the current and the next milestone with what is missing; later ones 'ikke begyndt'
            detaljer = naeste is not None and s.milepael.nr == naeste
            milepaele.append({
                "nr": s.milepael.nr, "titel": s.milepael.titel, "status": s.status, "status_tekst": MILEPAELSSTATUS_TEKST[s.status],
                "dato": s.dato, "detaljer": detaljer,
                "punkter": [{"titel": f"{p.art.capitalize()} {p.nr}: {p.titel}", "opfyldt": p.opfyldt,
                             "mangler": [m.til_bestyrelsen() for m in p.mangler]} for p in s.punkter] if detaljer else []})
        faser.append({"navn": fase, "milepaele": milepaele})
    return faser


def _oekonomi(r: "Fordelingsresultat | None") -> dict | None:
    if r is None:
        return None
    navne = r.afdelingsnavne
    ud: dict[str, Any] = {
        "total": dansk_beloeb(r.total),
        "afdelinger": [{"navn": navne[a], "lejemaal": r.lejemaal[a], "total": dansk_beloeb(r.total_fordeling[a]),
                        "pr_lejemaal": dansk_beloeb(pr_enhed(r.total_fordeling[a], r.lejemaal[a]))} for a in r.ids],
        "sammenligning": None,
    }
    if r.har_nuvaerende:
        sam = r.sammenligning()
        i_dag = sum(v["i_dag"] for v in sam.values())
        med = sum(v["samdrift"] for v in sam.values())
        ud["sammenligning"] = {
            "afdelinger": [{"navn": navne[a], "i_dag": dansk_beloeb(sam[a]["i_dag"]), "samdrift": dansk_beloeb(sam[a]["samdrift"]),
                            "forskel": dansk_beloeb(sam[a]["forskel"]),
                            "forskel_pr_lejemaal": dansk_beloeb(pr_enhed(sam[a]["forskel"], r.lejemaal[a]))} for a in r.ids],
            "i_dag": dansk_beloeb(i_dag), "samdrift": dansk_beloeb(med),
            "besparelse": dansk_beloeb(abs(i_dag - med)), "merudgift": i_dag - med < 0}
    return ud


def _opfoelgning(o) -> dict:
    maal = None
    if o.maal is not None and o.maal.beloeb is not None:
        maal = {"beloeb": dansk_beloeb(o.maal.beloeb), "naaet": o.besparelse >= o.maal.beloeb}
    return {"aar": o.aar, "nuvaerende": dansk_beloeb(o.nuvaerende), "budget": dansk_beloeb(o.budget),
            "regnskab": dansk_beloeb(o.regnskab), "afvigelse": dansk_beloeb(o.afvigelse),
            "besparelse": dansk_beloeb(abs(o.besparelse)), "merudgift": o.besparelse < 0, "maal": maal,
            "afdelinger": [{"navn": a.navn, "nuvaerende": dansk_beloeb(a.nuvaerende), "budget": dansk_beloeb(a.budget),
                            "regnskab": dansk_beloeb(a.regnskab), "afvigelse": dansk_beloeb(a.afvigelse),
                            "besparelse": dansk_beloeb(a.besparelse)} for a in o.afdelinger]}


def side_data(mappe: "Samdriftsmappe", fordeling: "Fordelingsresultat | None", status, aktiviteter, naeste_skridt: list,
              opfoelgninger: list, ud: Path | None = None) -> Side:
    from samdrift_cli.eksport import diagrammer
    from samdrift_cli.milepaele.status import aktuel_milepael, naeste_milepael

    s = mappe.samdrift
    farve = (s.dokumenter.farve if s.dokumenter and s.dokumenter.farve else "#1f4e79")
    tegninger = [("Organisationsdiagram", "Samdriftens ledelse og bemanding", diagrammer.organisationsdiagram(mappe, farve)),
                 ("Interessentanalyse", "Interessenterne efter indflydelse og deltagelse", diagrammer.interessentkvadrant(mappe, farve)),
                 ("Implementeringsplan", "Aktiviteterne på en tidslinje", diagrammer.gantt(mappe, farve)),
                 ("I dag og med samdrift", "Udgiften pr. afdeling i dag og med samdrift", diagrammer.i_dag_og_samdrift(fordeling, farve))]
    links = []
    if ud is not None:
        from samdrift_cli.eksport.dokumenter import STAMMER

        for stamme in STAMMER:
            for art in ("pdf", "docx"):
                if (ud / f"{stamme}.{art}").is_file():
                    links.append({"href": f"{stamme}.{art}", "tekst": f"{stamme.capitalize()} ({art.upper()})"})
        for fil in sorted(ud.glob("*.xlsx")):
            links.append({"href": fil.name, "tekst": f"Projektmappen ({fil.name})"})
    return Side(
        navn=s.navn, boligorganisation=s.boligorganisation,
        afdelinger=[{"navn": a.navn, "lejemaal": a.lejemaal} for a in s.afdelinger],
        aktuel=aktuel_milepael(status), naeste=naeste_milepael(status), faser=_fase_data(status),
        naeste_skridt=[x.til_bestyrelsen() for x in naeste_skridt[:12]],
        overskredne=[{"aktivitet": a.aktivitet, "frist": a.frist, "ansvarlig": a.ansvarlig} for a in aktiviteter if a.overskredet],
        oekonomi=_oekonomi(fordeling), opfoelgninger=[_opfoelgning(o) for o in opfoelgninger],
        diagrammer=[{"titel": t, "beskrivelse": b, "svg": svg(k)} for t, b, k in tegninger if k],
        links=links)


@functools.cache
def _miljoe():
    """The pages' jinja2 environment: one per process, as jinja2 means it to be used (it compiles each
    template once; made anew for each of 1.000 pages, compiling was a third of the portfolio's time)."""
    from markupsafe import Markup

    from samdrift_cli.idag import dansk_dato
    from samdrift_cli.skabeloner import jinja_miljoe

    m = jinja_miljoe("html", autoescape=True, trim=True)
    m.filters["dato"] = lambda d: dansk_dato(d) if d else ""
    m.filters["svg"] = lambda s: Markup(s) if s else ""  # our own drawing; the user text in it is Typst string literals
    return m


def render_side(side: Side, tilbage: str | None = None) -> str:
    """One samdrift's page (``tilbage``: a relative link back to the portfolio)."""
    return _miljoe().get_template("samdrift.html.j2").render(s=side, tilbage=tilbage)


def render_oversigt(titel: str, raekker: list[dict]) -> str:
    return _miljoe().get_template("oversigt.html.j2").render(titel=titel, raekker=raekker)
