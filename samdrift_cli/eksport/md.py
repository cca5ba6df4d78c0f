"""`samdrift export --md`: one Markdown document per playbook template, a status page and an index.

Rendered with jinja2 from templates/md. Every ``{{ value }}`` is escaped for Markdown by default
(``finalize``), so user text never turns into markup, HTML or a broken table; prepared
fragments (tables, diagrams) are marked safe explicitly. Same folder, same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from samdrift_cli.beloeb import dansk_beloeb, dansk_decimal, til_oere
from samdrift_cli.fund import Fund, SamdriftFejl

if TYPE_CHECKING:
    from samdrift_cli.fordeling.beregning import Fordelingsresultat
    from samdrift_cli.indlaesning.samdriftsmappe import Samdriftsmappe

STANDARDMAPPE = "dokumenter"
ALLE_DOKUMENTER = ("README.md", "status.md", "oplaeg.md", "interessentanalyse.md", "samdriftsmodel.md", "aftale.md",
                   "implementeringsplan.md", "evalueringsskema.md")
MAERKE = "<!-- lavet af samdrift; ret i YAML-filerne, ikke her -->"  # for a reader of the file


def _md_inline(tekst) -> str:
    s = str(tekst)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]#|~!])", r"\\\1", s)


# what would begin a block at the start of a line: a list ('-', '+', '1.', '1)'), a heading's
# underline ('===', '---'), a quote or a heading (escaped everywhere already)
_LINJESTART = re.compile(r"^(?=[-+](?:\s|$))|^(?=-[-\s]*$)|^(?==+\s*$)|^([0-9]{1,9})(?=[.)](?:\s|$))")


def md(tekst) -> str:
    """User text as Markdown that reads back as exactly that text (CommonMark, as GitHub, pandoc and the
    PDF and Word export read it): nothing becomes markup or HTML, a line that begins like a list, a
    heading or a code block stays a line of text (its indentation kept as non-breaking spaces), each
    line break stays a line break, and a blank line parts paragraphs."""
    if tekst is None:
        return ""
    s = str(tekst).replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    afsnit = []
    for del_ in re.split(r"\n\s*\n", s):
        linjer = []
        for linje in del_.strip(" \t\n").split("\n"):
            linje = linje.rstrip()
            indryk = len(linje) - len(linje.lstrip(" \t"))
            linje = "&nbsp;" * indryk + _LINJESTART.sub(lambda m: (m[1] or "") + "\\", _md_inline(linje[indryk:]), count=1)
            linjer.append(linje)
        afsnit.append("\\\n".join(x for x in linjer))  # a hard line break: '\' at the end of the line
    return "\n\n".join(a for a in afsnit if a)


def celle(tekst) -> str:
    """Escape text for a table cell: one line, no pipes, its line breaks as <br>."""
    if tekst is None:
        return ""
    s = _md_inline(str(tekst).strip())
    return re.sub(r"\s*[\r\n]+\s*", "<br>", s)


def mermaid(tekst) -> str:
    """Text inside a Mermaid label."""
    if tekst is None:
        return ""
    s = " ".join(str(tekst).split())
    for a, b in (('"', "#quot;"), ("<", "#lt;"), (">", "#gt;"), ("`", "'")):
        s = s.replace(a, b)
    return s


def mermaid_navn(tekst) -> str:
    """Text where Mermaid allows no punctuation (gantt task, quadrant point)."""
    s = " ".join(str(tekst or "").split())
    s = " ".join(re.sub(r"[:;#,\[\]\"`<>{}|]", " ", s).split())
    if len(s) > 60:
        s = s[:59].rsplit(" ", 1)[0] + "…"
    return s or "uden navn"


def _dato(d: dt.date | None) -> str:
    from samdrift_cli.idag import dansk_dato

    return dansk_dato(d) if d else ""


def lav_md(mappe: "Samdriftsmappe", fordeling: "Fordelingsresultat | None",
           ud: Path | None, status=None) -> tuple[dict[Path, str], list[Path]]:
    """The documents as {path: Markdown} in ``ud`` (default dokumenter/), and the documents of files
    that are gone (removed by the writer when samdrift made them and they are unchanged)."""
    ud = ud if ud is not None else mappe.sti / STANDARDMAPPE
    if ud.suffix.lower() == ".md":
        raise SamdriftFejl([Fund(str(ud), None, None, "fejl", "--md tager en mappe, ikke en fil")])
    if ud.exists() and not ud.is_dir():
        raise SamdriftFejl([Fund(str(ud), None, None, "fejl", "findes og er ikke en mappe")])
    dokumenter = render(mappe, fordeling, status)
    return {ud / navn: tekst for navn, tekst in dokumenter.items()}, [ud / n for n in ALLE_DOKUMENTER if n not in dokumenter]


def render(mappe: "Samdriftsmappe", fordeling: "Fordelingsresultat | None", status=None) -> dict[str, str]:
    """All documents as {filename: Markdown} (``status``: the judgement of the milestones, when the command
    has made it already: it is made once per command)."""
    from markupsafe import Markup

    from samdrift_cli.milepaele.regler import vurder
    from samdrift_cli.milepaele.status import MILEPAELSSTATUS_TEKST, aktuel_milepael
    from samdrift_cli.skabeloner import jinja_miljoe
    from samdrift_cli.milepaele.tidslinje import AKTIVITETSSTATUS_TEKST
    from samdrift_cli.skemaer.evaluering import SVAR_TEKST
    from samdrift_cli.skemaer.implementeringsplan import TEMA_TITLER

    miljoe = jinja_miljoe("md", trim=True)
    miljoe.finalize = lambda v: v if isinstance(v, Markup) else ("" if v is None else md(v))
    miljoe.filters.update({"celle": lambda v: Markup(celle(v)), "dato": lambda d: Markup(md(_dato(d))), "kr": lambda v: Markup(md(_kr(v))),
                           "mermaid": lambda v: Markup(mermaid(v)), "mermaid_navn": lambda v: Markup(mermaid_navn(v)),
                           "ja_nej": lambda v: {True: "Ja", False: "Nej", None: ""}[v],
                           "ja_nej_tekst": lambda v: {True: "Ja", False: "Nej", None: "ikke udfyldt endnu"}[v], "pct": _pct,
                           "foerste": lambda xs: next(iter(xs), None), "tal": _tal,
                           "linje": lambda v: Markup(md(" ".join(str(v or "").split())))})
    status = status if status is not None else vurder(mappe)
    s = mappe.samdrift
    faelles = {"s": s, "navne": mappe.navne, "maerke": Markup(MAERKE), "status": status,
               "aktuel": aktuel_milepael(status), "naeste": next((x for x in status if not x.naaet), None), "tema_titler": TEMA_TITLER, "aktivitetsstatus": AKTIVITETSSTATUS_TEKST,
               "milepaelsstatus": MILEPAELSSTATUS_TEKST,
               "svar_tekst": SVAR_TEKST}
    dokumenter: list[tuple[str, str, str, dict]] = [("status.md", "status.md.j2", "Status på samdriftsprocessen", {})]
    if mappe.oplaeg is not None:
        dokumenter.append(("oplaeg.md", "oplaeg.md.j2", "Oplæg om muligheder og udfordringer ved samdrift (Bilag 1)",
                           {"o": mappe.oplaeg, "godkendelse": _registrering(mappe, 2, "opgave", 3)}))
    if mappe.interessenter is not None:
        dokumenter.append(("interessentanalyse.md", "interessentanalyse.md.j2", "Interessentanalyse (Bilag 2)",
                           {"ia": mappe.interessenter, "punkter": Markup(_kvadrantpunkter(mappe.interessenter))}))
    if mappe.model is not None:
        dokumenter.append(("samdriftsmodel.md", "samdriftsmodel.md.j2", "Forslag til samdriftsmodel (Bilag 3)",
                           {"m": mappe.model, "analyse": mappe.analyse, "fordeling": Markup(_fordelingstabel(fordeling)),
                            "noegler": Markup(_noegletabel(fordeling)), "org": Markup(_organisationsdiagram(mappe)),
                            "sammenligning": Markup(_sammenligning(fordeling)),
                            "soejler": Markup(_soejler(fordeling)),
                            "godkendelse": _registrering(mappe, 3, "opgave", 3)}))
    if mappe.aftale is not None:
        model = mappe.model
        revideret = max((r.dato for r in model.revisioner if r.dato), default=None) if model is not None else None
        dokumenter.append(("aftale.md", "aftale.md.j2", "Aftale om samdrift (Bilag 4)",
                           {"a": mappe.aftale, "model_revideret": revideret,
                            "model_godkendt": _registrering(mappe, 3, "opgave", 3)}))
    if mappe.implementeringsplan is not None:
        dokumenter.append(("implementeringsplan.md", "implementeringsplan.md.j2", "Implementeringsplan (Bilag 5)",
                           {"ip": mappe.implementeringsplan, "gantt": Markup(_gantt(mappe.implementeringsplan))}))
    if mappe.evaluering is not None:
        dokumenter.append(("evalueringsskema.md", "evalueringsskema.md.j2", "Evalueringsskema med implementeringstjekliste",
                           {"e": mappe.evaluering, "ip": mappe.implementeringsplan, "model": mappe.model,
                            "godkendelse": _registrering(mappe, 12, "opgave", 1),
                            "opfoelgning": Markup(_opfoelgningen(mappe, fordeling)),
                            "timer": Markup(_timer_mod_noegler(mappe, fordeling))}))
    ud: dict[str, str] = {}
    for filnavn, skabelon, titel, kontekst in dokumenter:
        ud[filnavn] = _normaliser(miljoe.get_template(skabelon).render(**faelles, **kontekst, titel=titel))
    indeks = miljoe.get_template("README.md.j2").render(**faelles, dokumenter=[(f, t) for f, _, t, _ in dokumenter])
    return {"README.md": _normaliser(indeks), **ud}


def _normaliser(tekst: str) -> str:
    # a heading always has a blank line before it (outside code blocks)
    linjer, i_kode = [], False
    for linje in tekst.split("\n"):
        if linje.startswith("```"):
            i_kode = not i_kode
        forrige = linjer[-1] if linjer else ""
        if not i_kode and forrige.strip():
            if linje.startswith("#"):
                linjer.append("")
            elif linje.startswith(("- ", "| ")) and not forrige.startswith((linje[0], "  ", "#")):
                linjer.append("")  # lists and tables need a blank line before them (pandoc)
        linjer.append(linje)
    tekst = "\n".join(linjer)
    tekst = re.sub(r"[ \t]+\n", "\n", tekst)
    tekst = re.sub(r"\n{3,}", "\n\n", tekst)
    return tekst.strip() + "\n"


def _registrering(mappe, nr, art, i):
    from samdrift_cli.milepaele.regelvaerk import registrering

    return registrering(mappe, nr, art, i)


def _kr(oere_eller_beloeb) -> str:
    from decimal import Decimal

    if oere_eller_beloeb is None:
        return ""
    if isinstance(oere_eller_beloeb, Decimal):
        return dansk_beloeb(til_oere(oere_eller_beloeb))
    return dansk_beloeb(oere_eller_beloeb)


def _tal(v):
    from decimal import Decimal

    from markupsafe import Markup

    if v is None:
        return ""
    d = Decimal(v)
    decimaler = max(0, -d.normalize().as_tuple().exponent)
    return Markup(md(dansk_decimal(d, decimaler)))


def _pct(x: Fraction) -> str:
    return f"{dansk_decimal(x * 100, 2)} %"


def _tabel(hoved: list[str], raekker: list[list[str]], hoejre: set[int] = frozenset()) -> str:
    linjer = ["| " + " | ".join(celle(h) for h in hoved) + " |",
              "|" + "|".join("---:" if i in hoejre else "---" for i in range(len(hoved))) + "|"]
    for r in raekker:
        linjer.append("| " + " | ".join(r) + " |")
    return "\n".join(linjer)


def _fordelingstabel(r: "Fordelingsresultat | None") -> str:
    if r is None or not r.konti:
        return "_Ingen konti indgår endnu i samdriften._"
    navne = r.afdelingsnavne
    hoved = ["Konto", "Navn", "Nøgle", "Budget"] + [navne[a] for a in r.ids]
    noegle_navne = r.noeglenavne
    raekker = [[celle(k.konto), celle(k.navn), celle(noegle_navne.get(k.noegle, k.noegle)), dansk_beloeb(k.beloeb)]
               + [dansk_beloeb(k.fordeling[a]) for a in r.ids] for k in r.konti]
    raekker.append(["**I alt**", "", "", f"**{dansk_beloeb(r.total)}**"] + [f"**{dansk_beloeb(r.total_fordeling[a])}**" for a in r.ids])
    from samdrift_cli.beloeb import pr_enhed as _pr

    raekker.append(["Pr. lejemål", "", "", ""] + [dansk_beloeb(_pr(r.total_fordeling[a], r.lejemaal[a])) for a in r.ids])
    return _tabel(hoved, raekker, set(range(3, len(hoved))))


def _noegletabel(r: "Fordelingsresultat | None") -> str:
    from samdrift_cli.fordeling.beregning import GRUNDLAG_TEKST

    if r is None or not r.noegler:
        return ""
    navne = r.afdelingsnavne
    hoved = ["Nøgle", "Fordeles efter"] + [navne[a] for a in r.ids]
    raekker = [[celle(n.visningsnavn), GRUNDLAG_TEKST[n.grundlag]] + [_pct(n.andele[a]) if a in n.andele else "–" for a in r.ids]
               for n in r.noegler]
    return _tabel(hoved, raekker, set(range(2, len(hoved))))


def _sammenligning(r: "Fordelingsresultat | None") -> str:
    if r is None or not r.har_nuvaerende:
        return ""
    from samdrift_cli.beloeb import pr_enhed as _pr

    sam = r.sammenligning()
    navne = r.afdelingsnavne
    raekker = [[celle(navne[a]), dansk_beloeb(sam[a]["i_dag"]), dansk_beloeb(sam[a]["samdrift"]),
                dansk_beloeb(sam[a]["forskel"]), dansk_beloeb(_pr(sam[a]["forskel"], r.lejemaal[a]))] for a in r.ids]
    i_dag = sum(v["i_dag"] for v in sam.values())
    med = sum(v["samdrift"] for v in sam.values())
    tabel = _tabel(["Afdeling", "I dag", "Med samdrift", "Forskel", "Forskel pr. lejemål"], raekker, {1, 2, 3, 4})
    hvad = "Total driftsbesparelse for perioden" if i_dag >= med else "Samlet merudgift for perioden"
    return tabel + f"\n\n**{hvad}:** {md(dansk_beloeb(abs(i_dag - med)))}"


def _opfoelgningen(mappe, r: "Fordelingsresultat | None") -> str:
    """Budget against regnskab per konto and per afdeling for each year with a regnskab, with the saving
    against today and the goal (the same numbers as 'samdrift opfoelgning')."""
    from samdrift_cli.fordeling.opfoelgning import opfoelg, regnskabsaarene

    if r is None or mappe.model is None:
        return ""
    dele = []
    for aar in regnskabsaarene(mappe):
        o = opfoelg(mappe, r, aar)
        if isinstance(o, list):
            continue
        konti = [[celle(k.konto), celle(k.navn), dansk_beloeb(k.budget), dansk_beloeb(k.regnskab), dansk_beloeb(k.afvigelse)]
                 for k in o.konti]
        konti.append(["**I alt**", "", f"**{dansk_beloeb(o.budget)}**", f"**{dansk_beloeb(o.regnskab)}**",
                      f"**{dansk_beloeb(o.afvigelse)}**"])
        afdelinger = [[celle(a.navn), dansk_beloeb(a.nuvaerende), dansk_beloeb(a.budget), dansk_beloeb(a.regnskab),
                       dansk_beloeb(a.afvigelse), dansk_beloeb(a.besparelse)] for a in o.afdelinger]
        afdelinger.append(["**I alt**", f"**{dansk_beloeb(o.nuvaerende)}**", f"**{dansk_beloeb(o.budget)}**",
                           f"**{dansk_beloeb(o.regnskab)}**", f"**{dansk_beloeb(o.afvigelse)}**", f"**{dansk_beloeb(o.besparelse)}**"])
        hvad = "Driftsbesparelse" if o.besparelse >= 0 else "Merudgift"
        linje = f"**{hvad} {aar}:** {md(dansk_beloeb(abs(o.besparelse)))} mod i dag ({md(dansk_beloeb(o.nuvaerende))})"
        if o.maal is not None and o.maal.beloeb is not None:
            linje += (f"; målet var {md(dansk_beloeb(o.maal.beloeb))}, og det er "
                      f"{'nået' if o.besparelse >= o.maal.beloeb else 'ikke nået'}")
        dele += [f"### Regnskabsåret {aar}", "",
                 _tabel(["Konto", "Navn", "Budget", "Regnskab", "Afvigelse"], konti, {2, 3, 4}), "",
                 _tabel(["Afdeling", "I dag", "Budget", "Regnskab", "Afvigelse", "Besparelse"], afdelinger, {1, 2, 3, 4, 5}), "",
                 linje + ".", ""]
    return "\n".join(dele)


def _timer_mod_noegler(mappe, r: "Fordelingsresultat | None") -> str:
    """The nøgler against the registered hours of the evaluated period (milepæl 10), as 'fordeling --mod-timer'."""
    from samdrift_cli.fordeling.beregning import GRUNDLAG_TEKST, mod_timer

    if r is None or mappe.tidsregistrering is None:
        return ""
    p = mappe.evaluering.periode if mappe.evaluering else None
    res = mod_timer(mappe, r, p.fra if p else None, p.til if p else None)
    if isinstance(res, str) or not res:
        return ""
    navne = r.afdelingsnavne
    dele = []
    for x in res:
        n = r.noegle(x.noegle)
        raekker = [[celle(navne[a]), dansk_decimal(x.timer[a], 2), _pct(x.andele[a]), _pct(x.timeandele[a]),
                    dansk_beloeb(x.kr_forskel[a])] for a in x.medlemmer]
        dele += [f"**{md(n.visningsnavn)}** (fordeles efter {GRUNDLAG_TEKST[n.grundlag]}):", "",
                 _tabel(["Afdeling", "Timer", "Nøglens andel", "Timernes andel", "Forskel, hvis nøglen fulgte timerne"],
                        raekker, {1, 2, 3, 4}), ""]
    return "\n".join(dele)


def _soejler(r: "Fordelingsresultat | None") -> str:
    """Today vs samdrift per afdeling as a Mermaid bar chart (a picture in PDF and Word)."""
    if r is None or not r.har_nuvaerende:
        return ""
    sam = r.sammenligning()
    navne = r.afdelingsnavne
    x = ", ".join(f'"{mermaid(navne[a])}"' for a in r.ids)
    i_dag = ", ".join(f"{sam[a]['i_dag'] // 100}" for a in r.ids)
    med = ", ".join(f"{sam[a]['samdrift'] // 100}" for a in r.ids)
    return "\n".join(["```mermaid", "xychart-beta", '    title "I dag og med samdrift (kr. pr. år)"', f"    x-axis [{x}]",
                      f"    bar [{i_dag}]", f"    bar [{med}]", "```"])


def _organisationsdiagram(mappe) -> str:
    o = mappe.model.organisationsplan
    if o is None or not o.stillinger:
        return ""
    linjer = ["```mermaid", "flowchart TD"]
    # a node per stilling by its place in the list: 'kontakt-a' and 'kontakt_a' stay two nodes
    knude = {s.id: f"n{i}" for i, s in reversed(list(enumerate(o.stillinger)))}
    for i, s in enumerate(o.stillinger):
        tekst = mermaid(s.stilling) + (f"<br/>{mermaid(s.navn)}" if s.navn else "")
        linjer.append(f'    n{i}["{tekst}"]')
    for i, s in enumerate(o.stillinger):
        if s.refererer_til in knude and knude[s.refererer_til] != f"n{i}":
            linjer.append(f"    {knude[s.refererer_til]} --> n{i}")
    linjer.append("```")
    return "\n".join(linjer)


def _mid(i: int) -> str:
    return f"a{i}"


def _kvadrantpunkter(ia) -> str:
    """Points of the interessent quadrant, spread deterministically inside their quadrant."""
    taeller: dict[str, int] = {}
    linjer = []
    for x in ia.interessenter:
        k = x.kvadrant
        if k is None:
            continue
        i = taeller.get(k, 0)
        taeller[k] = i + 1
        basis_x = 0.75 if x.indflydelse == "stor" else 0.25
        basis_y = 0.75 if x.deltagelse == "noedvendig" else 0.25
        dx = ((i % 3) - 1) * 0.15
        dy = ((i // 3) % 3 - 1) * 0.12
        linjer.append(f"    {mermaid_navn(x.navn)}: [{basis_x + dx:.2f}, {basis_y + dy:.2f}]")
    return "\n".join(linjer)


def _gantt(ip) -> str:
    from samdrift_cli.skemaer.implementeringsplan import TEMA_TITLER

    aktiviteter = [a for a in ip.aktiviteter if a.frist or a.start]
    if not aktiviteter:
        return ""
    linjer = ["```mermaid", "gantt", "    title Implementeringsplan", "    dateFormat YYYY-MM-DD", "    axisFormat %d-%m-%Y"]
    nr = {id(a): i for i, a in enumerate(aktiviteter)}
    for tema, titel in TEMA_TITLER.items():
        tema_akt = [a for a in aktiviteter if a.tema == tema]
        if not tema_akt:
            continue
        linjer.append(f"    section {mermaid_navn(titel)}")
        for a in tema_akt:
            status = {"gennemfoert": "done, ", "igang": "active, "}.get(a.status, "")
            navn = mermaid_navn(a.aktivitet)
            if a.start and a.frist:
                linjer.append(f"    {navn} :{status}{_mid(nr[id(a)])}, {a.start.isoformat()}, {a.frist.isoformat()}")
            else:
                d = (a.frist or a.start).isoformat()
                linjer.append(f"    {navn} :milestone, {status}{_mid(nr[id(a)])}, {d}, 0d")
    ep = ip.evalueringsperiode
    if ep and ep.fra and ep.til:
        linjer.append("    section Evaluering")
        linjer.append(f"    Evalueringsperiode :evalueringsperiode, {ep.fra.isoformat()}, {ep.til.isoformat()}")
    linjer.append("```")
    return "\n".join(linjer)
