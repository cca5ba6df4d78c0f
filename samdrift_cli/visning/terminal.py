"""What the commands show in the terminal: findings on stderr, tables and lists with rich on stdout.

Renderers only render: they take results (findings, judgements, allocations) and print them.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from samdrift_cli.beloeb import dansk_beloeb, dansk_decimal, pr_enhed
from samdrift_cli.fund import Fund, Udfald, synlig, synlig_linjer

if TYPE_CHECKING:
    from samdrift_cli.fordeling.beregning import Fordelingsresultat, Timesammenligning
    from samdrift_cli.fordeling.sammenligning import Sammenligning
    from samdrift_cli.milepaele.status import Milepaelsstatus, Skridt


def e(tekst) -> str:
    """User text in rich output: never markup, and never a control character or an escape sequence
    that would move the cursor, colour the screen or set the terminal's title (fund.synlig)."""
    from rich.markup import escape

    return escape(synlig(str(tekst))) if tekst is not None else ""


def konsol(stderr: bool = False):
    from rich.console import Console

    import os

    # emoji=False: a user's ':ok:' or ':smile:' stays the text it is, as everything a user wrote does
    k = Console(stderr=stderr, highlight=False, soft_wrap=True, emoji=False)
    if not k.is_terminal:  # piped or redirected: COLUMNS if set, else wide enough that no amount is cut
        bredde = os.environ.get("COLUMNS", "")
        k = Console(stderr=stderr, highlight=False, soft_wrap=True, emoji=False,
                    width=int(bredde) if bredde.isdigit() and int(bredde) >= 40 else 200)
    return k


def linje(k, indryk: str, tekst: str, haeng: int | None = None, markup: bool = False, altid: bool = False) -> None:
    """A line of prose after ``indryk`` (a bullet, a label). On a terminal it is wrapped at the
    terminal's width, the following lines under its text (or ``haeng`` columns in); piped or
    redirected it stays one line, whole for grep and for an editor's fil:linje. With ``markup``
    both parts are rich markup. With ``altid`` it is wrapped piped too (a table shown as a list, which
    keeps within the width as a table does)."""
    from rich.text import Text

    if not markup:
        indryk, tekst = synlig(indryk), synlig(tekst)
    helt = indryk + tekst
    if not (k.is_terminal or altid) or (Text.from_markup(helt) if markup else Text(helt)).cell_len <= k.width:
        k.print(helt, markup=markup, soft_wrap=True)
    elif markup:  # the text in a column of its own beside the indent, wrapped by rich
        from rich.table import Table

        g = Table.grid()
        g.add_column(width=Text.from_markup(indryk).cell_len, no_wrap=True)
        g.add_column()
        g.add_row(indryk, tekst)
        k.print(g, soft_wrap=False)
    else:
        import textwrap

        k.print(textwrap.fill(tekst, width=k.width, initial_indent=indryk,
                              subsequent_indent=" " * (len(indryk) if haeng is None else haeng),
                              break_long_words=False, break_on_hyphens=False), markup=False, soft_wrap=True)


def _tabel(k, titel: str):
    """A table that fits the terminal: in a narrow one without vertical lines, which saves the
    space the account names need. Print it with ``soft_wrap=False``: the console's soft wrap (for
    prose) lets rich lay a table out one column wider than the terminal."""
    from rich import box
    from rich.table import Table

    smal = k.width < 120
    return Table(title=titel, title_justify="left", box=box.SIMPLE_HEAD if smal else box.HEAVY_HEAD,
                 padding=(0, 1) if not smal else (0, 0, 0, 1))


def _beloebskolonne(t, navn: str) -> None:
    t.add_column(navn, justify="right", no_wrap=True)


class Kol:
    """A column of :func:`tabel`: ``tal`` (an amount, a date, a number: right-aligned and never broken)
    or text (wrapped between words, never narrower than its longest word)."""

    def __init__(self, navn: str, tal: bool = False, hoejre: bool | None = None):
        self.navn, self.tal = navn, tal
        self.hoejre = tal if hoejre is None else hoejre


def _ren(tekst: str) -> str:
    from rich.text import Text

    return Text.from_markup(tekst).plain


def tabel(k, titel: str, kolonner: list[Kol], raekker: list[list[str]], fod: list[list[str]] = ()) -> None:
    """The one place that prints a table in the terminal. It never cuts a number, a name or a date:
    when the table is wider than the terminal, it is shown as one block per row instead (the first
    column as the block's heading, each other column a line 'navn: værdi'), and says so. Cells are
    rich markup (user text escaped with :func:`e`)."""
    from rich.measure import Measurement

    t = _tabel(k, titel)
    alle = [*raekker, *fod]
    naturlig, mindst = [], []
    for i, kol in enumerate(kolonner):
        celler = [_ren(r[i]) for r in alle if i < len(r)]
        linjer = [l for x in [*celler, kol.navn] for l in x.split("\n")]
        naturlig.append(max(map(len, linjer), default=1))
        # a number whole (its header may wrap between words); a text never narrower than its longest word
        ord_ = max((len(o) for l in linjer for o in l.split()), default=1)
        mindst.append(max([ord_, *(len(l) for x in celler for l in x.split("\n"))]) if kol.tal else ord_)
        t.add_column(kol.navn, justify="right" if kol.hoejre else "left", overflow="fold")
    for r in raekker:
        t.add_row(*r)
    if fod:
        t.add_section()
        for r in fod:
            t.add_row(*r)
    # rich shares out the width itself and may then crop a number; the widths are decided here instead:
    # the numbers whole, each text at least its longest word, the rest by how much each text needs
    for c in t.columns:
        c.width = 1
    ramme = Measurement.get(k, k.options.update_width(10_000), t).maximum - len(kolonner)
    plads = k.width - ramme - sum(mindst)
    if plads >= 0:
        behov = [n - m for n, m in zip(naturlig, mindst)]
        i_alt = sum(behov)
        bredder = [m + (b if i_alt <= plads else (b * plads) // i_alt) for m, b in zip(mindst, behov)]
        for c, b in zip(t.columns, bredder):
            c.width = b
        k.print(t, soft_wrap=False)
        return
    # too wide for the terminal: a block per row, so that nothing is cut
    linje(k, "", f"[bold]{titel}[/]", markup=True, altid=True)
    linje(k, "", f"(for bred til {k.width} kolonner, så vist som liste; intet er udeladt)", altid=True)
    for r in [*raekker, *fod]:
        hoved = r[0] if r and _ren(r[0]).strip() else (r[1] if len(r) > 1 else "")
        linje(k, "• ", hoved or "", markup=True, altid=True)
        for kol, celle in zip(kolonner, r):
            if celle is hoved or not _ren(celle).strip():
                continue
            navn = kol.navn.replace("\n", " ")
            linje(k, f"    {e(navn)}: ", celle, markup=True, altid=True)


def _skriv(k, tekst: str) -> None:
    """A message of lines: on a terminal its first line wrapped between words (an amount or a name is
    never split by the terminal), the next lines under it; an excerpt below it (indented, with its
    caret) and piped output as written."""
    foerste, *resten = synlig_linjer(tekst).split("\n")
    linje(k, "", foerste, haeng=2)
    for r in resten:
        k.print(r, markup=False, soft_wrap=True)


def skriv_fund(fund: list[Fund], praefiks: str = "") -> None:
    if not fund:
        return
    k = konsol(stderr=True)
    for f in fund:
        _skriv(k, f.formater(praefiks))


def vis_udfald(udfald: Udfald) -> int:
    """What a writing command did: its lines on stdout, its warnings on stderr; exit code 0."""
    k = konsol()
    for tekst in udfald.linjer:
        _skriv(k, tekst)
    skriv_fund(udfald.advarsler)
    return 0


def flertal(n: int, ental: str, flertal_: str) -> str:
    return f"{n} {ental if n == 1 else flertal_}"


def tusind(n: int) -> str:
    from samdrift_cli.beloeb import dansk_heltal

    return dansk_heltal(n)


# -- check ------------------------------------------------------------------------


def check_linje(navn: str, filer: list[str], advarsler: int) -> None:
    ekstra = f", {flertal(advarsler, 'advarsel', 'advarsler')}" if advarsler else ""
    sys.stdout.write(f"{navn}: {len(filer)} fil{'er' if len(filer) != 1 else ''} gyldige{ekstra}\n")


def portefoelje_linjer(resultater: list[dict]) -> None:
    for r in resultater:
        sys.stdout.write(f"{'✓' if r['gyldig'] else '✗'} {r['mappe']}"
                         + (f": {r['fejl']} fejl" if r["fejl"] else "")
                         + (f", {flertal(r['advarsler'], 'advarsel', 'advarsler')}" if r["advarsler"] else "") + "\n")
    sys.stdout.write(f"{sum(r['gyldig'] for r in resultater)} af {len(resultater)} samdrifter er gyldige\n")


def aktiviteter(k, aabne: list) -> None:
    """Open activities past their frist: 'frist overskredet'."""
    overskredne = [a for a in aabne if a.overskredet]
    if not overskredne:
        return
    k.print()
    linje(k, "", f"[bold]Frist overskredet[/] ({flertal(len(overskredne), 'aktivitet', 'aktiviteter')})", markup=True)
    for a in overskredne:
        linje(k, "  • ", f"{a.fil}: '{a.id}' {a.aktivitet} — frist {a.frist.isoformat()}"
                         + (f", ansvarlig {a.ansvarlig}" if a.ansvarlig else ""))


def milepaele(alle: list["Milepaelsstatus"], nr: int, aabne: list = ()) -> None:
    """`check milepael N`: milestones 1..N with each opgave and leverance, and what is missing."""
    k = konsol()
    for s in alle[:nr]:
        m = s.milepael
        maerke = "[green]✓ nået[/]" if s.naaet else ("[yellow]✗ ikke nået[/]" if not s.egen_opfyldt
                                                      else "[yellow]✗ ikke nået (en tidligere milepæl mangler)[/]")
        linje(k, "", f"[bold]Milepæl {m.nr}[/] ({m.fase}): {e(m.titel)} — {maerke}", markup=True)
        for p in s.punkter:
            tegn = "[green]✓[/]" if p.opfyldt else "[red]✗[/]"
            dato = f" ({p.dato.isoformat()})" if p.dato else ""
            linje(k, f"  {tegn} ", f"{p.art.capitalize()} {p.nr}: {e(p.titel)}{dato}", markup=True)
            for x in p.mangler:
                linje(k, "      - ", x.til_redaktoer())
            for x in p.advarsler:
                linje(k, "      advarsel: ", x.til_redaktoer(), haeng=8)
    m = alle[nr - 1].milepael
    aktiviteter(k, list(aabne))
    k.print()
    linje(k, "", f"[bold]Hvem gør hvad i milepæl {m.nr}[/] (mere i 'samdrift vejledning {m.nr}')", markup=True)
    roller_og_vaerktoejer(m, k)
    k.print()
    if alle[nr - 1].naaet:
        k.print(f"[green]Milepæl {nr} er nået.[/]")
    else:
        foerste = next(s for s in alle if not s.naaet)
        linje(k, "", f"Milepæl {nr} er [bold]ikke[/] nået. Næste: milepæl {foerste.milepael.nr}, "
                     f"{e(foerste.milepael.titel)}.", markup=True)


def roller_og_vaerktoejer(m, k=None) -> None:
    """Who does what for a milestone (beboervalgte, administration, lokal drift), and its tools."""
    from samdrift_cli.milepaele.katalog import ROLLE_TITLER

    k = k or konsol()
    for felt, titel in ROLLE_TITLER.items():
        for x in getattr(m.roller, felt):
            linje(k, f"  {titel}: ", x, haeng=4)
    if m.vaerktoejer:
        linje(k, "  Værktøjer: ", "; ".join(m.vaerktoejer), haeng=4)


def vejledning(m, tekster: dict) -> None:
    """`samdrift vejledning N`: formål, guidance per opgave, roles, tools, challenges, advice."""
    from rich.markup import escape

    from samdrift_cli.milepaele.katalog import ROLLE_TITLER

    k = konsol()
    linje(k, "", f"[bold]Milepæl {m.nr}: {escape(m.titel)}[/] ({m.fase})", markup=True)
    linje(k, "", m.formaal)
    for i, titel in enumerate(m.opgaver, start=1):
        k.print()
        linje(k, "", f"[bold]Opgave {i}: {escape(titel)}[/]", markup=True)
        # the playbook's text: paragraphs parted by a blank line, its bullets one to a line
        for del_ in (tekster["opgaver"].get(f"{m.nr}.{i}") or "").split("\n"):
            if not del_:
                k.print()
            elif del_.startswith("• "):
                linje(k, "  • ", del_[2:])
            else:
                linje(k, "", del_)
    k.print()
    k.print("[bold]Leverancer[/]")
    for i, titel in enumerate(m.leverancer, start=1):
        linje(k, f"  {i}. ", titel)
    k.print()
    k.print("[bold]Roller og ansvar[/]")
    for felt, titel in ROLLE_TITLER.items():
        for x in getattr(m.roller, felt):
            linje(k, f"  • {titel}: ", x, haeng=4)
    if m.vaerktoejer:
        k.print()
        k.print("[bold]Værktøjer[/]")
        for x in m.vaerktoejer:
            linje(k, "  • ", x)
    if m.udfordringer:
        k.print()
        k.print("[bold]Udfordringer[/]")
        for x in m.udfordringer:
            linje(k, "  • ", x)
    raad = [(int(n), tekster["raad"][int(n) - 1]) for n, mp in tekster["raad_til_milepaele"].items() if m.nr in mp]
    if raad:
        k.print()
        k.print("[bold]Projektlederens gode råd[/]")
        for n, x in raad:
            linje(k, f"  {n}. ", x)


# -- status -----------------------------------------------------------------------


def status(navn: str, boligorganisation: str | None, afdelinger: list[tuple[str, int]],
           alle: list["Milepaelsstatus"], skridt: list["Skridt"], aabne_aktiviteter: list = (),
           alle_naaet: bool = False) -> None:
    from samdrift_cli.milepaele.katalog import FASER
    from samdrift_cli.milepaele.status import MILEPAELSSTATUS_TEKST

    k = konsol()
    lejemaal = sum(n for _, n in afdelinger)
    linje(k, "", f"[bold]{e(navn)}[/]" + (f" — {e(boligorganisation)}" if boligorganisation else ""), markup=True)
    linje(k, "", f"{flertal(len(afdelinger), 'afdeling', 'afdelinger')}, {tusind(lejemaal)} lejemål: "
          + ", ".join(n for n, _ in afdelinger))
    for fase in FASER:
        raekker = []
        for s in alle:
            if s.milepael.fase != fase:
                continue
            aabne = sum(1 for p in s.punkter if not p.opfyldt)
            farve = {"naaet": "green", "i_gang": "yellow", "ikke_startet": "dim", "kan_ikke_vurderes": "red"}[s.status]
            raekker.append([str(s.milepael.nr), e(s.milepael.titel), f"[{farve}]{MILEPAELSSTATUS_TEKST[s.status]}[/]",
                            str(aabne) if aabne else "", s.dato.isoformat() if s.dato else ""])
        tabel(k, fase, [Kol("Nr", True), Kol("Milepæl"), Kol("Status"), Kol("Åbne", True), Kol("Dato", True)], raekker)
    aktiviteter(k, list(aabne_aktiviteter))
    if alle_naaet:
        linje(k, "", "[green]Alle 12 milepæle er nået.[/]" + ("" if skridt else " Samdriften er i drift; følg løbende op på "
                                                                   "mål og aftale."), markup=True)
    naeste = next((s for s in alle if not s.naaet), None)
    if naeste is not None:  # who does what in the milestone at hand (the playbook's roles)
        k.print()
        linje(k, "", f"[bold]Hvem gør hvad i milepæl {naeste.milepael.nr}[/] (mere i 'samdrift vejledning "
                     f"{naeste.milepael.nr}')", markup=True)
        roller_og_vaerktoejer(naeste.milepael, k)
    if skridt:
        k.print("[bold]Næste skridt[/]")
        for x in skridt[:12]:
            linje(k, "  • ", x.til_redaktoer())
        if len(skridt) > 12:
            linje(k, "", f"  … og {len(skridt) - 12} mere ('samdrift check milepael N' viser alt)", markup=True)


# -- fordeling ----------------------------------------------------------------------


def noegle(r: "Fordelingsresultat", id_: str) -> None:
    """One nøgle's basis and shares: why does each afdeling pay what it pays?"""
    from samdrift_cli.fordeling.beregning import GRUNDLAG_TEKST

    k = konsol()
    navne = {a: e(n) for a, n in r.afdelinger}
    n = r.noegle(id_)
    linje(k, "", f"[bold]Nøglen '{e(n.id)}'[/]" + (f" ({e(n.navn)})" if n.navn else "") + f": fordeles efter {GRUNDLAG_TEKST[n.grundlag]}", markup=True)
    tabel(k, "", [Kol("Afdeling"), Kol("Grundlag", True), Kol("Andel", True)],
          [[navne[a], dansk_decimal(n.basis[a], 2).rstrip("0").rstrip(","), f"{dansk_decimal(n.andele[a] * 100, 4)} %"]
           for a in n.medlemmer],
          [["I alt", dansk_decimal(sum(n.basis.values()), 2).rstrip("0").rstrip(","), "100 %"]])


def konti(r: "Fordelingsresultat", kun_noegle: str | None) -> None:
    """The allocation per konto and afdeling, totals, kr per lejemål, and today vs samdrift."""
    k = konsol()
    navne = {a: e(n) for a, n in r.afdelinger}
    valgte = [x for x in r.konti if kun_noegle is None or x.noegle == kun_noegle]
    if not valgte and kun_noegle is None:
        linje(k, "", "Ingen konti indgår i samdriften endnu. Sæt 'med: true', en 'noegle' og et 'budget' på "
                     "kontiene i model.yaml.")
        return
    noegle_navn = {i: e(n) for i, n in r.noeglenavne.items()}  # the nøgle by its name, as the documents say it
    # with many afdelinger, one table per group of them; each table changes shape when it still does not fit
    def bredde(a: str) -> int:  # an afdeling's column: its longest word or its largest amount, and a space
        tal = [len(dansk_beloeb(x.fordeling[a], False)) for x in valgte] + [len(dansk_beloeb(r.total_fordeling[a], False))]
        return max([*map(len, r.afdelinger[r.ids.index(a)][1].split()), *tal]) + 1

    fast = 6 + 24 + 12 + max(len(dansk_beloeb(r.total, False)), 6) + 4  # Konto, Navn, Nøgle, Beløb and the padding
    grupper: list[list[str]] = [[]]
    for a in r.ids:
        if grupper[-1] and fast + sum(map(bredde, grupper[-1])) + bredde(a) > k.width:
            grupper.append([])
        grupper[-1].append(a)
    if any(fast + bredde(a) > k.width for a in r.ids):  # not even one afdeling fits beside the konto: one list
        grupper = [list(r.ids)]
    foer = 0
    for ids in grupper:
        titel = "Fordeling pr. konto (kr. pr. regnskabsår)"
        if len(grupper) > 1:
            titel += f", afdeling {foer + 1}–{foer + len(ids)} af {len(r.ids)}"
        foer += len(ids)
        kolonner = [Kol("Konto"), Kol("Navn"), Kol("Nøgle"), Kol("Beløb", True), *[Kol(navne[a], True) for a in ids]]
        raekker = [[e(x.konto), e(x.navn), noegle_navn.get(x.noegle, e(x.noegle)), dansk_beloeb(x.beloeb, False),
                    *[dansk_beloeb(x.fordeling[a], False) for a in ids]] for x in valgte]
        fod = []
        if kun_noegle is None:
            fod.append(["", "I alt", "", dansk_beloeb(r.total, False), *[dansk_beloeb(r.total_fordeling[a], False) for a in ids]])
            fod.append(["", "Pr. lejemål", "", "", *[dansk_beloeb(pr_enhed(r.total_fordeling[a], r.lejemaal[a]), False) for a in ids]])
            if all(r.areal[a] for a in r.ids):
                fod.append(["", "Pr. m²", "", "", *[dansk_beloeb(pr_enhed(r.total_fordeling[a], r.areal[a]), False) for a in ids]])
        tabel(k, titel, kolonner, raekker, fod)
    if r.har_nuvaerende and kun_noegle is None:
        sam = r.sammenligning()
        raekker = []
        for a in r.ids:
            v = sam[a]
            farve = "red" if v["forskel"] > 0 else "green"
            raekker.append([navne[a], dansk_beloeb(v["i_dag"], False), dansk_beloeb(v["samdrift"], False),
                            f"[{farve}]{dansk_beloeb(v['forskel'], False)}[/]",
                            f"[{farve}]{dansk_beloeb(pr_enhed(v['forskel'], r.lejemaal[a]), False)}[/]"])
        tabel(k, "I dag og med samdrift (konti med nuværende udgift)",
              [Kol("Afdeling"), Kol("I dag", True), Kol("Med samdrift", True), Kol("Forskel", True), Kol("Forskel pr. lejemål", True)],
              raekker)
        i_dag = sum(v["i_dag"] for v in sam.values())
        besparelse = i_dag - sum(v["samdrift"] for v in sam.values())
        hvad = "Total driftsbesparelse for perioden" if besparelse >= 0 else "Samlet merudgift for perioden"
        linje(k, "", f"{hvad}: [bold]{dansk_beloeb(abs(besparelse))}[/]", markup=True)


def mod_timer(r: "Fordelingsresultat", res: list["Timesammenligning"], fra, til) -> None:
    from samdrift_cli.fordeling.beregning import GRUNDLAG_TEKST

    k = konsol()
    navne = {a: e(n) for a, n in r.afdelinger}
    hvor = f" {fra or '…'} til {til or '…'}" if (fra or til) else " (hele tidsregistreringen)"
    linje(k, "", f"[bold]Er fordelingsnøglerne retvisende?[/] Sammenlignet med de registrerede timer{hvor}.", markup=True)
    for x in res:
        noegle_navn = r.noegle(x.noegle).visningsnavn
        konti = list(dict.fromkeys(x.konti))
        titel = (f"{e(noegle_navn)} (fordeles efter {GRUNDLAG_TEKST[x.grundlag]})"
                 + (f", {'konto' if len(konti) == 1 else 'konti'} {', '.join(e(k_) for k_ in konti)}" if konti
                    else ", bruges ikke af nogen konto"))
        # the headers broken where they should be, so the table fits 80 columns without cutting a header
        kolonner = [Kol("Afdeling"), Kol("Timer", True), Kol("Nøglens\nandel", True), Kol("Timernes\nandel", True),
                    Kol("Forskel\n(pct.-point)", True), Kol("Forskel\ni kr.", True), Kol("Foreslået\nfast", True)]
        tabel(k, titel, kolonner, [[navne[a], dansk_decimal(x.timer[a], 2), f"{dansk_decimal(x.andele[a] * 100, 2)} %",
                                    f"{dansk_decimal(x.timeandele[a] * 100, 2)} %",
                                    dansk_decimal((x.timeandele[a] - x.andele[a]) * 100, 2),
                                    dansk_beloeb(x.kr_forskel[a], False), f"{dansk_decimal(x.foreslaaet_fast[a], 2)} %"]
                                   for a in x.medlemmer])
    linje(k, "", "Forskel i kr.: hvad afdelingen ville betale mere (+) eller mindre (−), hvis nøglen fulgte timerne.")


def sammenligning(s: "Sammenligning", efter: "Fordelingsresultat") -> None:
    """Before, after and the difference per afdeling, and the konto lines that changed."""
    k = konsol()
    hvad = (f"Hvad nu hvis: {e(s.kilde.removeprefix('noegle-for '))} (før = mappen, som den er)"
            if s.kilde.startswith("noegle-for ") else f"Mappen, som den er, mod {e(s.kilde)} (før)")
    linje(k, "", f"[bold]{hvad}[/]", markup=True)
    raekker = []
    for a in s.afdelinger:
        farve = "red" if a.forskel > 0 else ("green" if a.forskel < 0 else "")
        raekker.append([e(a.navn), dansk_beloeb(a.foer, False), dansk_beloeb(a.efter, False),
                        f"[{farve}]{dansk_beloeb(a.forskel, False)}[/]" if farve else dansk_beloeb(a.forskel, False),
                        dansk_beloeb(pr_enhed(a.forskel, a.lejemaal), False) if a.lejemaal else ""])
    tabel(k, "Pr. afdeling (kr. pr. regnskabsår)", [Kol("Afdeling"), Kol("Før", True), Kol("Efter", True), Kol("Forskel", True),
                                                    Kol("Forskel pr. lejemål", True)], raekker)
    if not s.konti:
        k.print("Ingen konti er ændret.")
        return
    navne_noegler = efter.noeglenavne
    samme_beloeb = all(x.beloeb_foer == x.beloeb_efter for x in s.konti)
    kolonner = [Kol("Konto"), Kol("Navn"), Kol("Nøgle"),
                *([Kol("Beløb", True)] if samme_beloeb else [Kol("Beløb\nfør", True), Kol("Beløb\nefter", True)]),
                *[Kol(e(a.navn), True) for a in s.afdelinger]]
    raekker = []
    for x in s.konti:
        foer_n, efter_n = (navne_noegler.get(n, n) if n else None for n in (x.noegle_foer, x.noegle_efter))
        noegle = e(efter_n or foer_n or "")
        if x.noegle_foer != x.noegle_efter:
            noegle = f"{e(foer_n or '–')} → {e(efter_n or '–')}"
        beloeb = [dansk_beloeb(x.beloeb_foer, False)] + ([] if samme_beloeb else [dansk_beloeb(x.beloeb_efter, False)])
        raekker.append([e(x.konto), e(x.navn), noegle, *beloeb, *[dansk_beloeb(x.forskel(a.id), False) for a in s.afdelinger]])
    tabel(k, "Ændrede konti: forskel pr. afdeling", kolonner, raekker)


# -- portfolio ---------------------------------------------------------------------


def oversigt(rod, linjer: list[dict]) -> None:
    k = konsol()
    kolonner = [Kol("Mappe"), Kol("Navn"), Kol("Afd.", True), Kol("Lejemål", True), Kol("Milepæl", True), Kol("Næste skridt"),
                Kol("Problemer")]
    tabel(k, f"Samdrifter under {e(rod)}", kolonner, [
        [e(x["mappe"]), e(x["navn"]), str(x["afdelinger"] or ""), str(x["lejemaal"] or ""),
         str(x["milepael"]) if x["milepael"] is not None else "", e(x["naeste_skridt"]),
         f"{x['fejl']} fejl" if x["fejl"] else (flertal(x["advarsler"], "advarsel", "advarsler") if x["advarsler"] else "")]
        for x in linjer])


# -- opfølgning -------------------------------------------------------------------------


def opfoelgning(o) -> None:
    """Budget against regnskab per konto and afdeling for one year, and the saving against today and the goal."""
    from samdrift_cli.visning.jsonvisning import afvigelse_pct

    k = konsol()

    def pct(afvigelse: int, budget: int) -> str:
        p = afvigelse_pct(afvigelse, budget)
        return "" if p is None else p.replace(".", ",") + " %"

    tabel(k, f"Budget og regnskab {o.aar} pr. konto (kr.)",
          [Kol("Konto"), Kol("Navn"), Kol("Budget", True), Kol("Regnskab", True), Kol("Afvigelse", True), Kol("%", True)],
          [[e(x.konto), e(x.navn), dansk_beloeb(x.budget, False), dansk_beloeb(x.regnskab, False),
            dansk_beloeb(x.afvigelse, False), pct(x.afvigelse, x.budget)] for x in o.konti],
          [["", "I alt", dansk_beloeb(o.budget, False), dansk_beloeb(o.regnskab, False), dansk_beloeb(o.afvigelse, False),
            pct(o.afvigelse, o.budget)]])
    tabel(k, f"Pr. afdeling {o.aar} (kr.)",
          [Kol("Afdeling"), Kol("I dag", True), Kol("Budget", True), Kol("Regnskab", True), Kol("Afvigelse", True),
           Kol("Besparelse", True)],
          [[e(a.navn), dansk_beloeb(a.nuvaerende, False), dansk_beloeb(a.budget, False), dansk_beloeb(a.regnskab, False),
            dansk_beloeb(a.afvigelse, False), dansk_beloeb(a.besparelse, False)] for a in o.afdelinger],
          [["I alt", dansk_beloeb(o.nuvaerende, False), dansk_beloeb(o.budget, False), dansk_beloeb(o.regnskab, False),
            dansk_beloeb(o.afvigelse, False), dansk_beloeb(o.besparelse, False)]])
    hvad = "Driftsbesparelse" if o.besparelse >= 0 else "Merudgift"
    tekst = f"{hvad} {o.aar}: {dansk_beloeb(abs(o.besparelse))} mod i dag ({dansk_beloeb(o.nuvaerende)})"
    if o.maal is not None and o.maal.beloeb is not None:
        naaet = "nået" if o.besparelse >= o.maal.beloeb else "ikke nået"
        tekst += f", mod målet {dansk_beloeb(o.maal.beloeb)}: {naaet}"
    linje(k, "", tekst + ".")
    linje(k, "", f"Afvigelse mod budgettet: {dansk_beloeb(o.afvigelse)} ({'mere' if o.afvigelse > 0 else 'mindre'} end "
                 "budgetteret)." if o.afvigelse else "Regnskabet svarer præcis til budgettet.")
