"""Rendering of the commands: text with rich, or one JSON document. Returns exit codes."""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from typing import TYPE_CHECKING

from samdrift_cli.fund import Fund, SamdriftFejl, Udfald, har_fejl

if TYPE_CHECKING:
    from samdrift_cli.indlaesning.loader import Samdriftsmappe


def _e(tekst) -> str:
    """User text in rich output: never markup."""
    from rich.markup import escape

    return escape(str(tekst)) if tekst is not None else ""


def _konsol(stderr: bool = False):
    from rich.console import Console

    k = Console(stderr=stderr, highlight=False, soft_wrap=True)
    if not k.is_terminal:  # piped or redirected: wide enough that no amount is ever cut
        k = Console(stderr=stderr, highlight=False, soft_wrap=True, width=200)
    return k


def _beloebskolonne(t, navn: str) -> None:
    t.add_column(navn, justify="right", no_wrap=True)


def skriv_fund(fund: list[Fund], praefiks: str = "") -> None:
    for f in fund:
        sys.stderr.write(f.formater(praefiks) + "\n")


def vis_udfald(udfald: Udfald) -> int:
    """What a writing command did: its lines on stdout, its warnings on stderr; exit code 0."""
    for linje in udfald.linjer:
        sys.stdout.write(linje + "\n")
    skriv_fund(udfald.advarsler)
    return 0


def skriv_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def gyldig_mappe(sti: Path) -> "Samdriftsmappe":
    """Load; stop with exit 2 on errors; print warnings to stderr."""
    mappe = _gyldig(sti)
    skriv_fund(mappe.fund)
    return mappe


def _gyldig(sti: Path) -> "Samdriftsmappe":
    from samdrift_cli.indlaesning.loader import indlaes

    mappe = indlaes(sti)
    if har_fejl(mappe.fund):
        raise SamdriftFejl(mappe.fund)
    return mappe


# -- check ------------------------------------------------------------------------


def check_resultat(sti: Path) -> tuple[str | None, list[str], list[Fund], dict | None]:
    """Name, files read, findings and how the time registration was read, of a folder."""
    from samdrift_cli.indlaesning.loader import indlaes
    from samdrift_cli.indlaesning.tidsregistrering import find_fil

    mappe = indlaes(sti)
    reg = find_fil(sti)
    filer = sorted(mappe.dokumenter) + ([reg.name] if reg is not None else [])
    t = mappe.tidsregistrering
    om_reg = {"fil": t.navn, "tegnsaet": t.tegnsaet, "raekker": t.antal_raekker} if t is not None else None
    return mappe.samdrift.navn if mappe.samdrift else None, filer, mappe.fund, om_reg


def check(sti: Path, som_json: bool) -> int:
    navn, filer, fund, om_reg = check_resultat(sti)
    fejl = [f for f in fund if f.er_fejl]
    advarsler = [f for f in fund if not f.er_fejl]
    kode = 2 if fejl else (1 if advarsler else 0)
    skriv_fund(fund)
    if som_json:
        skriv_json({
            "mappe": str(sti),
            "gyldig": not fejl,
            "fejl": len(fejl),
            "advarsler": len(advarsler),
            "filer": filer,
            "tidsregistrering": om_reg,
            "fund": [f.som_json() for f in fund],
        })
    elif not fejl:
        navn = navn or str(sti)
        ekstra = f", {len(advarsler)} advarsel{'er' if len(advarsler) != 1 else ''}" if advarsler else ""
        sys.stdout.write(f"{navn}: {len(filer)} fil{'er' if len(filer) != 1 else ''} gyldige{ekstra}\n")
    return kode


@dataclass
class Vurderet:
    """What `status` and `check milepael` show of a valid folder: its name, afdelinger, warnings
    and the judgement of all 12 milestones."""

    navn: str
    boligorganisation: str | None
    afdelinger: list[tuple[str, int]]  # (navn, lejemål)
    fund: list[Fund]  # warnings only; a folder with errors is never judged
    status: list


def vurderet_mappe(sti: Path) -> Vurderet:
    """Load and judge a folder (exit 2 on errors; warnings printed)."""
    from samdrift_cli.milepaele.regler import vurder

    mappe = _gyldig(sti)
    s0 = mappe.samdrift
    v = Vurderet(s0.navn, s0.boligorganisation, [(a.navn, a.lejemaal) for a in s0.afdelinger], mappe.fund,
                 vurder(mappe))
    skriv_fund(v.fund)
    return v


def check_milepael(sti: Path, nr: int, som_json: bool) -> int:
    alle = vurderet_mappe(sti).status
    vist = alle[:nr]
    naaet = alle[nr - 1].naaet
    if som_json:
        skriv_json({"milepael": nr, "naaet": naaet, "milepaele": [s.som_json() for s in vist]})
        return 0 if naaet else 1
    k = _konsol()
    for s in vist:
        m = s.milepael
        maerke = "[green]✓ nået[/]" if s.naaet else ("[yellow]✗ ikke nået[/]" if not s.egen_opfyldt
                                                      else "[yellow]✗ ikke nået (en tidligere milepæl mangler)[/]")
        k.print(f"[bold]Milepæl {m.nr}[/] ({m.fase}): {m.titel} — {maerke}")
        for p in s.punkter:
            tegn = "[green]✓[/]" if p.opfyldt else "[red]✗[/]"
            dato = f" ({p.dato.isoformat()})" if p.dato else ""
            k.print(f"  {tegn} {p.art.capitalize()} {p.nr}: {p.titel}{dato}", markup=True)
            for x in p.mangler:
                k.print(f"      mangler: {x}", markup=False, soft_wrap=True)
            for x in p.advarsler:
                k.print(f"      advarsel: {x}", markup=False, soft_wrap=True)
    k.print()
    if naaet:
        k.print(f"[green]Milepæl {nr} er nået.[/]")
    else:
        foerste = next(s for s in alle if not s.naaet)
        k.print(f"Milepæl {nr} er [bold]ikke[/] nået. Næste: milepæl {foerste.milepael.nr}, {foerste.milepael.titel}.")
    return 0 if naaet else 1


# -- status -----------------------------------------------------------------------

STATUS_TEKST = {"naaet": "nået", "i_gang": "i gang", "ikke_startet": "ikke startet"}


def naeste_skridt(status) -> list[str]:
    for s in status:
        if not s.naaet:
            skridt = []
            for p in s.punkter:
                if not p.opfyldt:
                    skridt.extend(p.mangler)
            unikke: list[str] = []
            for x in skridt:
                if x not in unikke:
                    unikke.append(x)
            return [f"Milepæl {s.milepael.nr}: {x}" for x in unikke]
    return []


def status(sti: Path, som_json: bool) -> int:
    from samdrift_cli.milepaele.katalog import FASER
    from samdrift_cli.milepaele.status import aktuel_milepael

    v = vurderet_mappe(sti)
    alle = v.status
    skridt = naeste_skridt(alle)
    if som_json:
        skriv_json({
            "navn": v.navn,
            "aktuel_milepael": aktuel_milepael(alle),
            "milepaele": [s.som_json() for s in alle],
            "naeste_skridt": skridt,
        })
        return 0
    from rich.table import Table

    k = _konsol()
    lejemaal = sum(n for _, n in v.afdelinger)
    k.print(f"[bold]{_e(v.navn)}[/]" + (f" — {_e(v.boligorganisation)}" if v.boligorganisation else ""))
    k.print(f"{len(v.afdelinger)} afdelinger, {_tusind(lejemaal)} lejemål: " + ", ".join(_e(navn) for navn, _ in v.afdelinger))
    for fase in FASER:
        t = Table(title=fase, title_justify="left", show_lines=False)
        t.add_column("Nr", justify="right")
        t.add_column("Milepæl")
        t.add_column("Status")
        t.add_column("Åbne", justify="right")
        t.add_column("Dato")
        for s in alle:
            if s.milepael.fase != fase:
                continue
            aabne = sum(1 for p in s.punkter if not p.opfyldt)
            farve = {"naaet": "green", "i_gang": "yellow", "ikke_startet": "dim"}[s.status]
            t.add_row(str(s.milepael.nr), s.milepael.titel, f"[{farve}]{STATUS_TEKST[s.status]}[/]",
                      str(aabne) if aabne else "", s.dato.isoformat() if s.dato else "")
        k.print(t)
    if skridt:
        k.print("[bold]Næste skridt[/]")
        for x in skridt[:12]:
            k.print(f"  • {x}", markup=False, soft_wrap=True)
        if len(skridt) > 12:
            k.print(f"  … og {len(skridt) - 12} mere ('samdrift check milepael N' viser alt)")
    else:
        k.print("[green]Alle 12 milepæle er nået.[/] Samdriften er i drift; følg løbende op på mål og aftale.")
    return 0


# -- fordeling ----------------------------------------------------------------------


def _andel6(x: Fraction) -> str:
    from samdrift_cli.beloeb import afrund_brok

    return f"{afrund_brok(x, 6):.6f}"


def fordeling_json(r) -> dict:
    from samdrift_cli.beloeb import json_beloeb, pr_enhed as _pr

    lejemaal_i_alt = sum(r.lejemaal.values())
    sam = r.sammenligning() if r.har_nuvaerende else None
    afdelinger = []
    for a, navn in r.afdelinger:
        post = {"id": a, "navn": navn, "lejemaal": r.lejemaal[a],
                "areal_m2": None if r.areal[a] is None else str(r.areal[a]),
                "total": json_beloeb(r.total_fordeling[a]),
                "kr_pr_lejemaal": json_beloeb(_pr(r.total_fordeling[a], r.lejemaal[a]))}
        if r.areal[a]:
            post["kr_pr_m2"] = json_beloeb(_pr(r.total_fordeling[a], r.areal[a]))
        if sam:
            post["i_dag"] = json_beloeb(sam[a]["i_dag"])
            post["samdrift"] = json_beloeb(sam[a]["samdrift"])
            post["forskel"] = json_beloeb(sam[a]["forskel"])
            post["forskel_pr_lejemaal"] = json_beloeb(_pr(sam[a]["forskel"], r.lejemaal[a]))
        afdelinger.append(post)
    ud = {
        "afdelinger": afdelinger,
        "noegler": [{"id": n.id, "navn": n.navn, "grundlag": n.grundlag,
                     "basis": {a: _tal(v) for a, v in n.basis.items()},
                     "andele": {a: _andel6(s) for a, s in n.andele.items()}} for n in r.noegler],
        "konti": [{"konto": k.konto, "navn": k.navn, "noegle": k.noegle, "beloeb": json_beloeb(k.beloeb),
                   "fordeling": {a: json_beloeb(v) for a, v in k.fordeling.items()},
                   **({"nuvaerende": {a: json_beloeb(v) for a, v in k.nuvaerende.items()}} if k.nuvaerende else {})}
                  for k in r.konti],
        "total": {"beloeb": json_beloeb(r.total), "fordeling": {a: json_beloeb(v) for a, v in r.total_fordeling.items()},
                  "lejemaal": lejemaal_i_alt},
    }
    if sam:
        i_dag = sum(v["i_dag"] for v in sam.values())
        med = sum(v["samdrift"] for v in sam.values())
        ud["sammenligning"] = {"i_dag": json_beloeb(i_dag), "samdrift": json_beloeb(med),
                               "driftsbesparelse": json_beloeb(i_dag - med)}
    return ud


def _tusind(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _tal(v: Decimal) -> str:
    return format(v.normalize(), "f") if isinstance(v, Decimal) else str(v)


def _periode(tekst: str | None) -> tuple[dt.date | None, dt.date | None]:
    if not tekst:
        return None, None
    from samdrift_cli.skemaer.vaerdier import parse_dato

    try:
        fra, til = tekst.split(":", 1)
        fra, til = (parse_dato(fra) if fra else None), (parse_dato(til) if til else None)
    except Exception:
        raise SamdriftFejl([Fund("--periode", None, None, "fejl",
                                 f"'{tekst}' er ikke en periode; skriv FRA:TIL, fx 2026-01-01:2026-12-31")])
    if fra is not None and til is not None and til < fra:
        raise SamdriftFejl([Fund("--periode", None, None, "fejl",
                                 f"periodens slutning ({til.isoformat()}) ligger før dens begyndelse ({fra.isoformat()})")])
    return fra, til


def fordeling(sti: Path, som_json: bool, noegle: str | None, mod_timer: bool, periode: str | None) -> int:
    from samdrift_cli.beloeb import dansk_beloeb, dansk_decimal
    from samdrift_cli.beloeb import pr_enhed as _pr

    mappe = gyldig_mappe(sti)
    if mappe.model is None:
        raise SamdriftFejl([Fund("model.yaml", None, None, "fejl",
                                 "filen mangler; fordelingsnøgler og konti står i model.yaml")])
    r = mappe.fordeling
    if noegle is not None and noegle not in [n.id for n in r.noegler]:
        raise SamdriftFejl([Fund("--noegle", None, None, "fejl",
                                 f"ukendt nøgle '{noegle}'; nøglerne er: {', '.join(n.id for n in r.noegler)}")])
    fra, til = _periode(periode)
    if periode and not mod_timer:
        raise SamdriftFejl([Fund("--periode", None, None, "fejl",
                                 "bruges sammen med --mod-timer (nøglernes egen periode står i model.yaml)")])
    if mod_timer:
        return _mod_timer(mappe, r, fra, til, som_json)
    if som_json:
        data = fordeling_json(r)
        if noegle:
            data["noegler"] = [n for n in data["noegler"] if n["id"] == noegle]
            data["konti"] = [k for k in data["konti"] if k["noegle"] == noegle]
        skriv_json(data)
        return 0
    from rich.table import Table

    k = _konsol()
    navne = {a: _e(n) for a, n in r.afdelinger}
    if noegle:
        n = r.noegle(noegle)
        from samdrift_cli.fordeling.beregning import GRUNDLAG_TEKST

        k.print(f"[bold]Nøglen '{n.id}'[/]" + (f" ({_e(n.navn)})" if n.navn else "") + f": fordeles efter {GRUNDLAG_TEKST[n.grundlag]}")
        t = Table()
        t.add_column("Afdeling")
        t.add_column("Grundlag", justify="right")
        t.add_column("Andel", justify="right")
        for a in n.medlemmer:
            t.add_row(navne[a], dansk_decimal(n.basis[a], 2).rstrip("0").rstrip(","), f"{dansk_decimal(n.andele[a] * 100, 4)} %")
        t.add_row("I alt", dansk_decimal(sum(n.basis.values()), 2).rstrip("0").rstrip(","), "100 %")
        k.print(t)
        konti = [x for x in r.konti if x.noegle == noegle]
    else:
        konti = r.konti
    if not konti and not noegle:
        k.print("Ingen konti indgår i samdriften endnu. Sæt 'med: true', en 'noegle' og et 'budget' på "
                "kontiene i model.yaml.", markup=False)
        return 0
    t = Table(title="Fordeling pr. konto (kr. pr. regnskabsår)", title_justify="left")
    t.add_column("Konto", no_wrap=True)
    t.add_column("Navn")
    t.add_column("Nøgle")
    _beloebskolonne(t, "Beløb")
    for a in r.ids:
        _beloebskolonne(t, navne[a])
    for x in konti:
        t.add_row(_e(x.konto), _e(x.navn), x.noegle, dansk_beloeb(x.beloeb, False),
                  *[dansk_beloeb(x.fordeling[a], False) for a in r.ids])
    if not noegle:
        t.add_section()
        t.add_row("I alt", "", "", dansk_beloeb(r.total, False), *[dansk_beloeb(r.total_fordeling[a], False) for a in r.ids])
        t.add_row("Pr. lejemål", "", "", "", *[dansk_beloeb(_pr(r.total_fordeling[a], r.lejemaal[a]), False) for a in r.ids])
        if all(r.areal[a] for a in r.ids):
            t.add_row("Pr. m²", "", "", "", *[dansk_beloeb(_pr(r.total_fordeling[a], r.areal[a]), False) for a in r.ids])
    k.print(t)
    if r.har_nuvaerende and not noegle:
        sam = r.sammenligning()
        t = Table(title="I dag og med samdrift (konti med nuværende udgift)", title_justify="left")
        t.add_column("Afdeling")
        for kol in ("I dag", "Med samdrift", "Forskel", "Forskel pr. lejemål"):
            _beloebskolonne(t, kol)
        for a in r.ids:
            v = sam[a]
            farve = "red" if v["forskel"] > 0 else "green"
            t.add_row(navne[a], dansk_beloeb(v["i_dag"], False), dansk_beloeb(v["samdrift"], False),
                      f"[{farve}]{dansk_beloeb(v['forskel'], False)}[/]",
                      f"[{farve}]{dansk_beloeb(_pr(v['forskel'], r.lejemaal[a]), False)}[/]")
        k.print(t)
        i_dag = sum(v["i_dag"] for v in sam.values())
        besparelse = i_dag - sum(v["samdrift"] for v in sam.values())
        k.print(f"Total driftsbesparelse for perioden: [bold]{dansk_beloeb(besparelse)}[/]")
        for a in r.ids:
            if sam[a]["forskel"] > 0:
                sys.stderr.write(f"model.yaml: advarsel: {navne[a]} kommer til at betale "
                                 f"{dansk_beloeb(sam[a]['forskel'])} mere end i dag "
                                 f"({dansk_beloeb(_pr(sam[a]['forskel'], r.lejemaal[a]))} pr. lejemål); "
                                 "drejebogen peger på, at det er her konflikterne opstår\n")
    return 0


def _mod_timer(mappe, r, fra, til, som_json: bool) -> int:
    from samdrift_cli.beloeb import dansk_beloeb, dansk_decimal, json_beloeb
    from samdrift_cli.fordeling.beregning import mod_timer

    res = mod_timer(mappe, r, fra, til)
    if isinstance(res, str):
        raise SamdriftFejl([Fund("tidsregistrering.csv", None, None, "fejl", res)])
    if som_json:
        skriv_json({
            "periode": {"fra": fra.isoformat() if fra else None, "til": til.isoformat() if til else None},
            "noegler": [{
                "id": x.noegle, "grundlag": x.grundlag, "konti": x.konti,
                "timer": {a: _tal(v) for a, v in x.timer.items()},
                "andele": {a: _andel6(v) for a, v in x.andele.items()},
                "timeandele": {a: _andel6(v) for a, v in x.timeandele.items()},
                "forskel_procentpoint": {a: str(afr(x.timeandele[a] - x.andele[a])) for a in x.medlemmer},
                "forskel_kr": {a: json_beloeb(v) for a, v in x.kr_forskel.items()},
                "foreslaaet_fast": {a: f"{v:.2f}" for a, v in x.foreslaaet_fast.items()},
            } for x in res],
        })
        return 0
    from rich.table import Table

    k = _konsol()
    navne = {a: _e(n) for a, n in r.afdelinger}
    hvor = f" {fra or '…'} til {til or '…'}" if (fra or til) else " (hele tidsregistreringen)"
    k.print(f"[bold]Er fordelingsnøglerne retvisende?[/] Sammenlignet med de registrerede timer{hvor}.")
    for x in res:
        t = Table(title=f"Nøglen '{x.noegle}' ({x.grundlag})" + (f", konti {', '.join(x.konti)}" if x.konti else ", bruges ikke af nogen konto"),
                  title_justify="left")
        for kol in ("Afdeling", "Timer", "Nøglens andel", "Timernes andel", "Forskel (point)", "Forskel i kr.", "Foreslået fast"):
            t.add_column(kol, justify="left" if kol == "Afdeling" else "right")
        for a in x.medlemmer:
            t.add_row(navne[a], dansk_decimal(x.timer[a], 2), f"{dansk_decimal(x.andele[a] * 100, 2)} %",
                      f"{dansk_decimal(x.timeandele[a] * 100, 2)} %",
                      dansk_decimal((x.timeandele[a] - x.andele[a]) * 100, 2),
                      dansk_beloeb(x.kr_forskel[a], False), f"{dansk_decimal(x.foreslaaet_fast[a], 2)} %")
        k.print(t)
    k.print("Forskel i kr.: hvad afdelingen ville betale mere (+) eller mindre (−), hvis nøglen fulgte timerne.")
    return 0


def afr(x: Fraction) -> Decimal:
    from samdrift_cli.beloeb import afrund_brok

    return afrund_brok(x * 100, 4)


# -- export, portfolio ---------------------------------------------------------------


def export(sti: Path, xlsx: str | None, md: str | None, overskriv: bool) -> int:
    if xlsx is None and md is None:
        raise SamdriftFejl([Fund("export", None, None, "fejl", "vælg --xlsx [FIL] og/eller --md [MAPPE]")])
    mappe = gyldig_mappe(sti)
    if xlsx is not None:
        from samdrift_cli.eksport.xlsx import skriv_xlsx

        fil = skriv_xlsx(mappe, sti / xlsx if xlsx else None, overskriv)
        sys.stdout.write(f"skrev {fil}\n")
    if md is not None:
        from samdrift_cli.eksport.md import skriv_md

        filer = skriv_md(mappe, sti / md if md else None, overskriv)
        sys.stdout.write(f"skrev {len(filer)} dokumenter i {filer[0].parent if filer else md}\n")
    return 0


def check_alle(rod: Path, som_json: bool) -> int:
    from samdrift_cli.kommandoer.portefoelje import find_samdrifter

    mapper = find_samdrifter(rod)
    resultater = []
    kode = 0
    for m in mapper:
        fund = check_resultat(m)[2]
        navn = str(m.relative_to(rod)) if m != rod else "."
        skriv_fund(fund, praefiks=f"{navn}/" if navn != "." else "")
        fejl = sum(1 for f in fund if f.er_fejl)
        adv = len(fund) - fejl
        kode = max(kode, 2 if fejl else (1 if adv else 0))
        resultater.append({"mappe": navn, "gyldig": not fejl, "fejl": fejl, "advarsler": adv,
                           "fund": [f.som_json() for f in fund]})
    if som_json:
        skriv_json({"mapper": resultater, "gyldige": sum(r["gyldig"] for r in resultater), "i_alt": len(resultater)})
    else:
        for r in resultater:
            sys.stdout.write(f"{'✓' if r['gyldig'] else '✗'} {r['mappe']}"
                             + (f": {r['fejl']} fejl" if r["fejl"] else "") + (f", {r['advarsler']} advarsler" if r["advarsler"] else "") + "\n")
        sys.stdout.write(f"{sum(r['gyldig'] for r in resultater)} af {len(resultater)} samdrifter er gyldige\n")
    if not mapper:
        sys.stderr.write(f"{rod}: advarsel: ingen samdrift-mapper (med samdrift.yaml) fundet\n")
        return 1
    return kode


def oversigt(rod: Path, som_json: bool) -> int:
    from samdrift_cli.kommandoer.portefoelje import oversigt as lav

    linjer = lav(rod)
    if som_json:
        skriv_json({"samdrifter": linjer})
        return 0
    from rich.table import Table

    t = Table(title=f"Samdrifter under {_e(rod)}", title_justify="left")
    for kol in ("Mappe", "Navn", "Afd.", "Lejemål", "Milepæl", "Næste skridt", "Problemer"):
        t.add_column(kol, justify="right" if kol in ("Afd.", "Lejemål", "Milepæl") else "left")
    for x in linjer:
        t.add_row(_e(x["mappe"]), _e(x["navn"]), str(x["afdelinger"] or ""), str(x["lejemaal"] or ""),
                  str(x["milepael"]) if x["milepael"] is not None else "", _e(x["naeste_skridt"]),
                  f"{x['fejl']} fejl" if x["fejl"] else (f"{x['advarsler']} advarsler" if x["advarsler"] else ""))
    _konsol().print(t)
    if not linjer:
        sys.stderr.write(f"{rod}: advarsel: ingen samdrift-mapper (med samdrift.yaml) fundet\n")
    return 0
