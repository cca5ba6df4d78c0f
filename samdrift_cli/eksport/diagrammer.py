"""The documents' diagrams drawn with Typst itself: the organisationsdiagram, the interessent quadrant,
the implementeringsplan as a Gantt chart, and today vs samdrift per afdeling.

Each function returns Typst code for one picture (or None when there is nothing to draw). The PDF
embeds the code; the Word document gets the same code compiled to PNG by the ``typst`` package. One
drawing, two outputs, no other library; the layout is computed here, so the output is deterministic.
User text is always a Typst string literal (:func:`tekst`), never markup.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from samdrift_cli.fordeling.beregning import Fordelingsresultat
    from samdrift_cli.indlaesning.samdriftsmappe import Samdriftsmappe

BREDDE_CM = 16.0  # the text width of an A4 page with 2,5 cm margins


def tekst(v) -> str:
    """User text as a Typst string literal: every character literal, whatever it is."""
    s = "" if v is None else str(v)
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return '"' + "".join(c if c >= " " or c == "\\" else " " for c in s) + '"'


def _cm(x: float) -> str:
    return f"{x:.2f}cm"


def organisationsdiagram(mappe: "Samdriftsmappe", farve: str) -> str | None:
    """The organisationsplan as a tree: each stilling under the one it refers to."""
    m = mappe.model
    o = m.organisationsplan if m else None
    if o is None or not o.stillinger:
        return None
    efter_id = {s.id: s for s in o.stillinger}
    boern: dict[str | None, list] = {}
    for s in o.stillinger:
        foraelder = s.refererer_til if s.refererer_til in efter_id and s.refererer_til != s.id else None
        boern.setdefault(foraelder, []).append(s)
    # levels by depth, in file order; a cycle (a refers to b refers to a) is cut where it is met
    niveauer: list[list] = []
    allerede_set: set[str] = set()
    raekke = boern.get(None, [])
    while raekke:
        raekke = [s for s in raekke if s.id not in allerede_set]
        if not raekke:
            break
        niveauer.append(raekke)
        allerede_set.update(s.id for s in raekke)
        raekke = [b for s in raekke for b in boern.get(s.id, [])]
    rest = [s for s in o.stillinger if s.id not in allerede_set]
    if rest:
        niveauer.append(rest)
    bredest = max(len(n) for n in niveauer)
    kasse_b = min(3.6, (BREDDE_CM - 0.3 * (bredest - 1)) / bredest)
    kasse_h, luft = 1.5, 0.9
    pos: dict[str, tuple[float, float]] = {}
    dele = []
    for y_i, niveau in enumerate(niveauer):
        y = y_i * (kasse_h + luft)
        samlet = len(niveau) * kasse_b + (len(niveau) - 1) * 0.3
        x0 = (BREDDE_CM - samlet) / 2
        for x_i, s in enumerate(niveau):
            x = x0 + x_i * (kasse_b + 0.3)
            pos[s.id] = (x, y)
            indhold = f"#text(weight: \"bold\", {tekst(s.stilling)})" + (f" \\ #text(size: 7pt, {tekst(s.navn)})" if s.navn else "")
            dele.append(f"#place(dx: {_cm(x)}, dy: {_cm(y)}, rect(width: {_cm(kasse_b)}, height: {_cm(kasse_h)}, "
                        f"fill: rgb(\"{farve}\").lighten(85%), stroke: rgb(\"{farve}\"), radius: 3pt, inset: 4pt, "
                        f"align(center + horizon, text(size: 8pt)[{indhold}])))")
    for s in o.stillinger:
        f = s.refererer_til
        if f in pos and s.id in pos and f != s.id and pos[f][1] < pos[s.id][1]:
            (x1, y1), (x2, y2) = pos[f], pos[s.id]
            dele.append(f"#place(line(start: ({_cm(x1 + kasse_b / 2)}, {_cm(y1 + kasse_h)}), "
                        f"end: ({_cm(x2 + kasse_b / 2)}, {_cm(y2)}), stroke: 0.7pt + rgb(\"{farve}\")))")
    hoejde = len(niveauer) * (kasse_h + luft) - luft
    return f"#box(width: {_cm(BREDDE_CM)}, height: {_cm(hoejde)})[\n" + "\n".join(dele) + "\n]"


def interessentkvadrant(mappe: "Samdriftsmappe", farve: str) -> str | None:
    """The playbook's quadrant: indflydelse (ingen → stor) across, deltagelse (ikke nødvendig →
    nødvendig) up; each interessent named in its quadrant."""
    from samdrift_cli.skemaer.interessenter import KVADRANT_TITLER

    ia = mappe.interessenter
    if ia is None or not any(x.kvadrant for x in ia.interessenter):
        return None
    navne = {k: [x.navn for x in ia.interessenter if x.kvadrant == k] for k in KVADRANT_TITLER}

    def felt(k: str) -> str:
        punkter = ", ".join(f"[#{tekst(n)}]" for n in navne[k])
        liste = f"#list(tight: true, {punkter})" if navne[k] else "#text(fill: gray)[Ingen]"
        return (f"rect(width: 100%, height: 5.2cm, fill: rgb(\"{farve}\").lighten(90%), stroke: rgb(\"{farve}\"), inset: 6pt)"
                f"[#text(weight: \"bold\", {tekst(KVADRANT_TITLER[k])}) \\ #text(size: 8pt)[{liste}]]")

    # as wide as the text (in a box, like the other diagrams): alone on a picture for Word, the page
    # is as wide as its content, and columns of 1fr would have no width
    return (f"#box(width: {_cm(BREDDE_CM)})[#grid(columns: (1.2cm, 1fr, 1fr), rows: (5.2cm, 5.2cm, auto), gutter: 4pt,\n"
            f"  grid.cell(rowspan: 2, align(center + horizon, rotate(-90deg, reflow: true)[#text(size: 9pt)[Deltagelse: "
            f"ikke nødvendig #sym.arrow.r nødvendig]])),\n"
            f"  {felt('arbejdsbier')}, {felt('ressourcepersoner')},\n"
            f"  {felt('eksterne')}, {felt('graa_eminencer')},\n"
            f"  [], grid.cell(colspan: 2, align(center)[#text(size: 9pt)[Indflydelse: ingen #sym.arrow.r stor]]))]")


def _maanedsstart(d: dt.date) -> dt.date:
    return d.replace(day=1)


def gantt(mappe: "Samdriftsmappe", farve: str) -> str | None:
    """The implementeringsplan on a time line: a bar from start to frist, a diamond for a frist
    alone, grouped by tema; the evaluation period last."""
    from samdrift_cli.skemaer.implementeringsplan import TEMA_TITLER

    ip = mappe.implementeringsplan
    if ip is None:
        return None
    aktiviteter = [a for a in ip.aktiviteter if a.frist or a.start]
    ep = ip.evalueringsperiode
    datoer = [d for a in aktiviteter for d in (a.start, a.frist) if d] + ([ep.fra, ep.til] if ep and ep.fra and ep.til else [])
    if not aktiviteter:
        return None
    fra, til = _maanedsstart(min(datoer)), max(datoer) + dt.timedelta(days=1)
    dage = max((til - fra).days, 1)
    etiket, akse = 5.5, BREDDE_CM - 5.5
    x = (lambda d: etiket + akse * (d - fra).days / dage)
    raekker: list[tuple[str, str | None, dt.date | None, dt.date | None, str]] = []
    for tema, titel in TEMA_TITLER.items():
        tema_akt = [a for a in aktiviteter if a.tema == tema]
        if tema_akt:
            raekker.append(("tema", titel, None, None, ""))
            raekker += [("aktivitet", a.aktivitet, a.start, a.frist, a.status) for a in tema_akt]
    if ep and ep.fra and ep.til:
        raekker.append(("tema", "Evaluering", None, None, ""))
        raekker.append(("aktivitet", "Evalueringsperiode", ep.fra, ep.til, "evaluering"))
    h = 0.55
    dele = []
    # months across the top, every month a thin line, a label where there is room
    m = fra
    skridt = max(1, round(dage / 30 / 12))
    i = 0
    while m < til:
        dele.append(f"#place(dx: {_cm(x(m))}, dy: 0cm, line(start: (0cm, 0.5cm), end: (0cm, {_cm(0.6 + h * len(raekker))}), "
                    f"stroke: 0.3pt + luma(200)))")
        if i % skridt == 0:
            dele.append(f"#place(dx: {_cm(x(m) + 0.05)}, dy: 0cm, text(size: 6.5pt, fill: luma(90), "
                        f"{tekst(f'{m.month:02d}.{m.year % 100:02d}')}))")
        m = (m.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        i += 1
    for r, (art, navn, start, frist, status) in enumerate(raekker):
        y = 0.6 + r * h
        if art == "tema":
            dele.append(f"#place(dx: 0cm, dy: {_cm(y + 0.1)}, text(size: 7.5pt, weight: \"bold\", {tekst(navn)}))")
            continue
        kort = navn if len(navn) <= 42 else navn[:41] + "…"
        dele.append(f"#place(dx: 0.2cm, dy: {_cm(y + 0.1)}, box(width: {_cm(etiket - 0.3)}, clip: true, "
                    f"text(size: 7pt, {tekst(kort)})))")
        fyld = {"gennemfoert": f"rgb(\"{farve}\")", "igang": f"rgb(\"{farve}\").lighten(40%)",
                "evaluering": "luma(150)"}.get(status, f"rgb(\"{farve}\").lighten(70%)")
        if start and frist:
            x1, x2 = x(start), x(frist + dt.timedelta(days=1))
            dele.append(f"#place(dx: {_cm(x1)}, dy: {_cm(y + 0.1)}, rect(width: {_cm(max(x2 - x1, 0.08))}, "
                        f"height: {_cm(h - 0.2)}, fill: {fyld}, radius: 1.5pt))")
        else:
            d = frist or start
            dele.append(f"#place(dx: {_cm(x(d) - 0.15)}, dy: {_cm(y + 0.08)}, rotate(45deg, square(size: 0.28cm, "
                        f"fill: {fyld})))")
    forklaring = (f"#place(dx: 0cm, dy: {_cm(0.8 + h * len(raekker))}, text(size: 7pt)[#box(width: 0.4cm, height: 0.22cm, "
                  f"fill: rgb(\"{farve}\")) gennemført #h(0.4cm) #box(width: 0.4cm, height: 0.22cm, "
                  f"fill: rgb(\"{farve}\").lighten(40%)) i gang #h(0.4cm) #box(width: 0.4cm, height: 0.22cm, "
                  f"fill: rgb(\"{farve}\").lighten(70%)) planlagt #h(0.4cm) ◆ frist])")
    dele.append(forklaring)
    return f"#box(width: {_cm(BREDDE_CM)}, height: {_cm(1.4 + h * len(raekker))})[\n" + "\n".join(dele) + "\n]"


def i_dag_og_samdrift(r: "Fordelingsresultat | None", farve: str) -> str | None:
    """Per afdeling: today's costs and the costs with samdrift, on the konti with today's costs."""
    from samdrift_cli.beloeb import dansk_beloeb

    if r is None or not r.har_nuvaerende:
        return None
    sam = r.sammenligning()
    navne = r.afdelingsnavne
    stoerst = max(max(v["i_dag"], v["samdrift"]) for v in sam.values()) or 1
    hoejde, bund = 5.0, 0.9
    gruppe = BREDDE_CM / len(r.ids)
    soejle = min(1.6, gruppe / 3)
    dele = [f"#place(dx: 0cm, dy: {_cm(hoejde)}, line(length: {_cm(BREDDE_CM)}, stroke: 0.5pt))"]
    for i, a in enumerate(r.ids):
        x0 = i * gruppe + (gruppe - 2 * soejle - 0.2) / 2
        for j, (noegle, fyld) in enumerate((("i_dag", "luma(170)"), ("samdrift", f"rgb(\"{farve}\")"))):
            v = sam[a][noegle]
            h = max(hoejde * v / stoerst, 0.02) if v > 0 else 0.02
            x = x0 + j * (soejle + 0.2)
            dele.append(f"#place(dx: {_cm(x)}, dy: {_cm(hoejde - h)}, rect(width: {_cm(soejle)}, height: {_cm(h)}, fill: {fyld}))")
            dele.append(f"#place(dx: {_cm(x - 0.3)}, dy: {_cm(hoejde - h - 0.45)}, box(width: {_cm(soejle + 0.6)}, "
                        f"align(center, text(size: 6.5pt, {tekst(dansk_beloeb(v, False))}))))")
        dele.append(f"#place(dx: {_cm(i * gruppe)}, dy: {_cm(hoejde + 0.15)}, box(width: {_cm(gruppe)}, "
                    f"align(center, text(size: 8pt, weight: \"bold\", {tekst(navne[a])}))))")
    dele.append(f"#place(dx: 0cm, dy: {_cm(hoejde + bund)}, text(size: 7.5pt)[#box(width: 0.4cm, height: 0.22cm, "
                f"fill: luma(170)) I dag #h(0.5cm) #box(width: 0.4cm, height: 0.22cm, fill: rgb(\"{farve}\")) "
                f"Med samdrift (kr. pr. år)])")
    return f"#box(width: {_cm(BREDDE_CM)}, height: {_cm(hoejde + bund + 0.5)})[\n" + "\n".join(dele) + "\n]"


def som_png(kode: str, farve: str = "#1f4e79") -> bytes:
    """One diagram as a PNG picture (for Word), by the same Typst code the PDF embeds."""
    import typst

    kilde = ("#set page(width: auto, height: auto, margin: 6pt, fill: white)\n"
             "#set text(font: \"Libertinus Serif\", lang: \"da\", size: 10pt)\n" + kode)
    return typst.compile(kilde.encode("utf-8"), format="png", ppi=200, ignore_system_fonts=True)
