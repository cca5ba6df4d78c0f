"""The command line: parses arguments, calls a command, renders its errors. Nothing else.

Heavy modules (pydantic schemas, ruamel, rich tables, xlsxwriter, jinja2) are imported inside
the commands, so ``samdrift --help`` starts fast. Commands are listed in the order of the process.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from samdrift_cli.cli import dansk
from samdrift_cli.cli.dansk import Gruppe, Kommando

app = typer.Typer(
    name="samdrift",
    cls=Gruppe,
    help="Samdrift mellem almene boligafdelinger: en mappe med YAML-filer pr. samdrift, tjek af milepæle, "
    "fordelingsnøgler til øren og eksport til Excel, Markdown, PDF, Word og sider til en browser. Bygger på fsb's "
    "drejebog. En kommando arbejder på den nærmeste mappe opad, der har en samdrift.yaml, som git finder sit repo; "
    "med -C MAPPE på den mappe, og stier i argumenterne er da relative til MAPPE, som med git -C.",
    epilog="samdrift init min-samdrift --navn \"Samdrift Nord\" \\\n"
           "    --afdeling Æblegården:100 --afdeling Pærebakken:500\n"
           "samdrift -C min-samdrift check milepael 1\n"
           "samdrift status",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    options_metavar="[TILVALG]",
    subcommand_metavar="KOMMANDO [ARGUMENTER]...",
    context_settings={"help_option_names": ["-h", "--help"]},
)

check_app = typer.Typer(cls=Gruppe, help="Tjek filerne for fejl, eller om en milepæl er nået.",
                        short_help="Tjek filerne, eller om en milepæl er nået.", add_completion=False,
                        rich_markup_mode=None, options_metavar="[TILVALG]", subcommand_metavar="[milepael NR]",
                        epilog="samdrift check\nsamdrift check milepael 6\nsamdrift check --alle --json")
import_app = typer.Typer(cls=Gruppe, help="Hent data ind i samdrift-mappen fra andre programmer.",
                         short_help="Hent budgetter og regnskaber fra Excel eller CSV.", add_completion=False,
                         rich_markup_mode=None, options_metavar="[TILVALG]", subcommand_metavar="budget|regnskab FIL",
                         epilog="samdrift import budget budget2027.xlsx --vis\nsamdrift import budget budget.csv\n"
                                "samdrift import regnskab regnskab2025.xlsx --aar 2025")

JsonTilvalg = Annotated[bool, typer.Option("--json", help="Skriv ét JSON-dokument til stdout.")]


def _grundlag(ctx: typer.Context) -> Path:
    """Where relative paths in the arguments start: the -C folder, as with git -C, else the current one."""
    while ctx.parent is not None and not ctx.obj:
        ctx = ctx.parent
    return ctx.obj["mappe"] if ctx.obj else Path.cwd()


def _mappe(ctx: typer.Context) -> Path:
    """The samdrift folder a command works on: the nearest folder from :func:`_grundlag` upward that
    holds samdrift.yaml, as git finds its repository (the folder itself when none does, so that the
    message names what is missing there)."""
    grundlag = _grundlag(ctx)
    for kandidat in (grundlag, *grundlag.parents):
        if (kandidat / "samdrift.yaml").exists():
            return kandidat
    return grundlag


def _sti(ctx: typer.Context, sti: Path) -> Path:
    """A path from the arguments: absolute, or relative to :func:`_grundlag`."""
    sti = sti.expanduser()
    return sti if sti.is_absolute() else _grundlag(ctx) / sti


def _vis_version(vis: bool) -> None:
    if vis:
        from samdrift_cli import __version__

        typer.echo(f"samdrift {__version__}")
        raise typer.Exit(0)


@app.callback()
def hoved(
    ctx: typer.Context,
    mappe: Annotated[
        Optional[Path],
        typer.Option("-C", "--mappe", help="Kør kommandoen på denne mappe i stedet for den aktuelle (som git -C).", metavar="MAPPE",
                     file_okay=False, show_default=False),
    ] = None,
    version: Annotated[bool, typer.Option("--version", help="Vis versionen og afslut.", is_eager=True,
                                          callback=_vis_version)] = False,
) -> None:
    ctx.obj = {"mappe": Path.cwd() / mappe.expanduser() if mappe is not None else Path.cwd()}


# -- init -----------------------------------------------------------------------


@app.command(cls=Kommando, options_metavar="[TILVALG]", short_help="Opret en ny samdrift-mappe fra skabelonerne.",
             epilog="samdrift init min-samdrift --navn \"Samdrift Æblegården og Pærebakken\" \\\n"
                    "    --afdeling Æblegården:100:6500 --afdeling Pærebakken:500:42000 --git")
def init(
    ctx: typer.Context,
    mappe: Annotated[Optional[Path], typer.Argument(metavar="MAPPE", help="Den nye mappe (standard: den aktuelle, hvis den er tom).",
                                                    show_default=False)] = None,
    navn: Annotated[Optional[str], typer.Option("--navn", metavar="NAVN", help="Samdriftens navn, fx 'Samdrift Æblegården og Pærebakken'.",
                                                show_default=False)] = None,
    afdeling: Annotated[Optional[list[str]], typer.Option(
        "--afdeling", metavar="NAVN:LEJEMÅL[:AREAL]",
        help="En afdeling som 'Æblegården:100' eller med areal i m² 'Æblegården:100:6500'; gentag for hver afdeling.",
        show_default=False)] = None,
    boligorganisation: Annotated[Optional[str], typer.Option("--boligorganisation", metavar="NAVN", help="Boligorganisationens navn.",
                                                             show_default=False)] = None,
    git: Annotated[bool, typer.Option("--git", help="Kør 'git init', skriv en .gitignore og lav den første commit.")] = False,
) -> None:
    """Opret en ny samdrift-mappe med alle skabeloner (overskriver aldrig en eksisterende fil)."""
    from samdrift_cli.kommandoer.skrivning import init as kommando

    maal = _sti(ctx, mappe) if mappe is not None else _grundlag(ctx)
    koer_kommando(lambda: kommando(maal, navn, afdeling or [], boligorganisation, git))


# -- check ----------------------------------------------------------------------

app.add_typer(check_app, name="check")


@check_app.callback(invoke_without_command=True)
def check(
    ctx: typer.Context,
    som_json: JsonTilvalg = False,
    alle: Annotated[bool, typer.Option("--alle", help="Tjek alle samdrift-mapper under mappen (en portefølje).")] = False,
    tillad_advarsler: Annotated[bool, typer.Option("--tillad-advarsler", help="Afslut med 0, når der kun er advarsler (fx i en pre-commit-krog).")] = False,
) -> None:
    """Tjek at alle filer er gyldige: syntaks, skema og krydshenvisninger."""
    if ctx.invoked_subcommand is not None:  # 'check --json milepael 6': the option is the subcommand's too
        if alle or tillad_advarsler:
            raise typer.BadParameter("kan ikke bruges sammen med 'milepael NR'", ctx,
                                     param_hint="--alle" if alle else "--tillad-advarsler")
        return
    from samdrift_cli.kommandoer import check as kommando

    def koer() -> int:
        kode = kommando.check_alle(_grundlag(ctx), som_json) if alle else kommando.check(_mappe(ctx), som_json)
        return 0 if (kode == 1 and tillad_advarsler) else kode

    koer_kommando(koer)


@check_app.command("milepael", cls=Kommando, options_metavar="[TILVALG]",
                   short_help="Er milepæl NR nået? Hvad mangler?",
                   epilog="samdrift check milepael 6\nsamdrift check milepæl 6 --json")
def check_milepael(
    ctx: typer.Context,
    nr: Annotated[int, typer.Argument(help="Milepælens nummer, 1–12.", min=1, max=12, metavar="NR")],
    som_json: JsonTilvalg = False,
) -> None:
    """Er milepæl NR nået? Viser hver opgave og leverance og hvad der mangler (også for de tidligere
    milepæle), og hvem der gør hvad, med drejebogens værktøjer."""
    from samdrift_cli.kommandoer import check as kommando

    som_json = som_json or bool(ctx.parent and ctx.parent.params.get("som_json"))
    koer_kommando(lambda: kommando.check_milepael(_mappe(ctx), nr, som_json))


# -- status, vejledning, afkryds ----------------------------------------------------------


@app.command(cls=Kommando, options_metavar="[TILVALG]", short_help="Alle 12 milepæle på én gang og de næste skridt.",
             epilog="samdrift status\nSAMDRIFT_IDAG=2027-06-01 samdrift status --json")
def status(ctx: typer.Context, som_json: JsonTilvalg = False) -> None:
    """Alle 12 milepæle i 3 faser på én gang, og de næste skridt. "I dag" er systemets dato, eller
    SAMDRIFT_IDAG=ÅÅÅÅ-MM-DD."""
    from samdrift_cli.kommandoer import status as kommando

    koer_kommando(lambda: kommando.status(_mappe(ctx), som_json))


@app.command(cls=Kommando, options_metavar="[TILVALG]", short_help="Drejebogens vejledning til milepæl NR.",
             epilog="samdrift vejledning 6")
def vejledning(
    nr: Annotated[int, typer.Argument(help="Milepælens nummer, 1–12.", min=1, max=12, metavar="NR")],
) -> None:
    """Drejebogens formål, vejledning, roller, værktøjer og udfordringer for milepæl NR, og
    projektlederens råd, hvor de hører til."""
    from samdrift_cli.kommandoer.vejledning import vejledning as kommando

    koer_kommando(lambda: kommando(nr))


@app.command(cls=Kommando, options_metavar="[TILVALG]", short_help="Registrér en opgave, godkendelse eller beslutning.",
             epilog="samdrift afkryds 1 --opgave 1 --dato 2025-02-03 --af \"Direktionen\" \\\n"
                    "    --referat \"Direktionsmøde, pkt. 2\"\n"
                    "samdrift afkryds 2 --opgave 3 --fortryd")
def afkryds(
    ctx: typer.Context,
    milepael: Annotated[int, typer.Argument(help="Milepælens nummer, 1–12.", min=1, max=12, metavar="NR")],
    opgave: Annotated[Optional[int], typer.Option("--opgave", metavar="NR", help="Opgavens nummer i milepælens boks.", show_default=False)] = None,
    leverance: Annotated[Optional[int], typer.Option("--leverance", metavar="NR", help="Leverancens nummer i milepælens boks.", show_default=False)] = None,
    dato: Annotated[Optional[str], typer.Option("--dato", metavar="DATO", help="Dato som ÅÅÅÅ-MM-DD (standard: i dag).", show_default=False)] = None,
    af: Annotated[Optional[str], typer.Option("--af", metavar="NAVN", help="Hvem udførte eller godkendte, fx 'Direktionen'.", show_default=False)] = None,
    referat: Annotated[Optional[str], typer.Option("--referat", metavar="TEKST", help="Henvisning til referat.", show_default=False)] = None,
    beslutning: Annotated[Optional[str], typer.Option("--beslutning", metavar="TEKST", help="Beslutningen, der blev truffet.", show_default=False)] = None,
    bemaerkning: Annotated[Optional[str], typer.Option("--bemaerkning", metavar="TEKST", help="En bemærkning.", show_default=False)] = None,
    fortryd: Annotated[bool, typer.Option("--fortryd", help="Fjern afkrydsningen igen.")] = False,
) -> None:
    """Registrér en udført opgave, en godkendelse eller en beslutning i milepaele.yaml (bevarer kommentarer)."""
    from samdrift_cli.kommandoer.skrivning import afkryds as kommando

    koer_kommando(lambda: kommando(_mappe(ctx), milepael, opgave, leverance, dato, af, referat, beslutning, bemaerkning, fortryd))


# -- fordeling, import ----------------------------------------------------------------


@app.command(cls=Kommando, options_metavar="[TILVALG]", short_help="Fordelingen pr. konto og afdeling til øren.",
             epilog="samdrift fordeling\nsamdrift fordeling --noegle lejemaal\nsamdrift fordeling --mod-timer --periode 2026-01-01:2026-12-31\n"
                    "samdrift fordeling --sammenlign HEAD~1\nsamdrift fordeling --noegle-for 114=areal --json")
def fordeling(
    ctx: typer.Context,
    som_json: JsonTilvalg = False,
    noegle: Annotated[Optional[str], typer.Option("--noegle", metavar="ID", help="Vis én nøgles grundlag og andele: hvorfor betaler afdelingen det, den betaler?",
                                                  show_default=False)] = None,
    mod_timer: Annotated[bool, typer.Option("--mod-timer", help="Milepæl 10: sammenlign nøglerne med de registrerede timer.")] = False,
    periode: Annotated[Optional[str], typer.Option("--periode", metavar="FRA:TIL", help="Periode for --mod-timer som FRA:TIL, fx 2026-01-01:2026-12-31.",
                                                   show_default=False)] = None,
    sammenlign: Annotated[Optional[str], typer.Option("--sammenlign", metavar="KILDE",
                                                      help="Sammenlign med en git-revision (fx HEAD~1) eller en anden samdrift-mappe.",
                                                      show_default=False)] = None,
    noegle_for: Annotated[Optional[list[str]], typer.Option("--noegle-for", metavar="KONTO=NØGLE",
                                                            help="Hvad nu hvis kontoen fordeles med en anden nøgle? Ingen fil ændres; gentag for flere konti.",
                                                            show_default=False)] = None,
) -> None:
    """Fordelingen på konti og afdelinger til øren: totaler, kroner pr. lejemål og sammenligning med i dag."""
    from samdrift_cli.kommandoer.fordeling import fordeling as kommando

    if sammenlign is not None and _sti(ctx, Path(sammenlign)).is_dir():  # a folder, relative as every path
        sammenlign_mappe = _sti(ctx, Path(sammenlign))
    else:
        sammenlign_mappe = None
    koer_kommando(lambda: kommando(_mappe(ctx), som_json, noegle, mod_timer, periode, sammenlign, noegle_for or [], sammenlign_mappe))


app.add_typer(import_app, name="import")


@import_app.command("budget", cls=Kommando, options_metavar="[TILVALG]", short_help="Budgetter fra .xlsx eller .csv ind i model.yaml.",
                    epilog="samdrift import budget budget2027.xlsx --vis\nsamdrift import budget budget.xlsx --ark Budget --tilfoej\n"
                           "samdrift import budget budget.xlsx --aar 2027\n"
                           "samdrift import budget Samdrift.xlsx   # projektmappen fra 'export --xlsx'\n"
                           "samdrift import budget i-dag.xlsx --nuvaerende")
def import_budget(
    ctx: typer.Context,
    fil: Annotated[Path, typer.Argument(metavar="FIL", help="Budgettet som .xlsx eller .csv (UTF-8 eller Windows-1252).")],
    ark: Annotated[Optional[str], typer.Option("--ark", metavar="NAVN", help="Arket i projektmappen (standard: det første synlige med en konto-kolonne).",
                                               show_default=False)] = None,
    vis: Annotated[bool, typer.Option("--vis", help="Vis ændringerne uden at skrive.")] = False,
    tilfoej: Annotated[bool, typer.Option("--tilfoej", help="Tilføj ukendte konti med 'med: false'.")] = False,
    kolonne_konto: Annotated[Optional[str], typer.Option("--kolonne-konto", metavar="NAVN", help="Kolonnen med kontonummeret.", show_default=False)] = None,
    kolonne_navn: Annotated[Optional[str], typer.Option("--kolonne-navn", metavar="NAVN", help="Kolonnen med kontoens navn.", show_default=False)] = None,
    kolonne_budget: Annotated[Optional[str], typer.Option("--kolonne-budget", metavar="NAVN", help="Kolonnen med budgettet.", show_default=False)] = None,
    aar: Annotated[Optional[int], typer.Option("--aar", metavar="ÅÅÅÅ", min=1900, max=2200,
                                               help="Budgetåret: vælger kolonnen for det år, når filen har flere.", show_default=False)] = None,
    nuvaerende: Annotated[bool, typer.Option("--nuvaerende", help="Afdelingernes udgift i dag (nuvaerende) fra en kolonne eller "
                                                                  "et ark pr. afdeling.")] = False,
) -> None:
    """Sæt budgettet på konti i model.yaml fra et regneark eller en CSV-fil; kommentarer og alt andet bevares."""
    from samdrift_cli.kommandoer.skrivning import importer

    sti = _sti(ctx, fil)
    koer_kommando(lambda: importer(_mappe(ctx), sti, ark, vis, tilfoej, kolonne_konto, kolonne_navn, kolonne_budget, aar,
                                   art="nuvaerende" if nuvaerende else "budget"))


@import_app.command("regnskab", cls=Kommando, options_metavar="[TILVALG]",
                    short_help="Et regnskabsårs faktiske udgifter fra .xlsx eller .csv ind i model.yaml.",
                    epilog="samdrift import regnskab regnskab2025.xlsx --aar 2025\n"
                           "samdrift import regnskab regnskab.csv --aar 2025 --vis")
def import_regnskab(
    ctx: typer.Context,
    fil: Annotated[Path, typer.Argument(metavar="FIL", help="Regnskabet som .xlsx eller .csv (UTF-8 eller Windows-1252).")],
    aar: Annotated[int, typer.Option("--aar", metavar="ÅÅÅÅ", min=1900, max=2200, help="Regnskabsåret.", show_default=False)],
    ark: Annotated[Optional[str], typer.Option("--ark", metavar="NAVN", help="Arket i projektmappen (standard: det første synlige med en konto-kolonne).",
                                               show_default=False)] = None,
    vis: Annotated[bool, typer.Option("--vis", help="Vis ændringerne uden at skrive.")] = False,
    kolonne_konto: Annotated[Optional[str], typer.Option("--kolonne-konto", metavar="NAVN", help="Kolonnen med kontonummeret.", show_default=False)] = None,
    kolonne_navn: Annotated[Optional[str], typer.Option("--kolonne-navn", metavar="NAVN", help="Kolonnen med kontoens navn.", show_default=False)] = None,
    kolonne_regnskab: Annotated[Optional[str], typer.Option("--kolonne-regnskab", metavar="NAVN", help="Kolonnen med regnskabet.",
                                                            show_default=False)] = None,
) -> None:
    """Sæt et regnskabsårs faktiske udgift på konti i model.yaml (regnskab: {ÅÅÅÅ: beløb}); kommentarer og alt andet bevares."""
    from samdrift_cli.kommandoer.skrivning import importer

    sti = _sti(ctx, fil)
    koer_kommando(lambda: importer(_mappe(ctx), sti, ark, vis, False, kolonne_konto, kolonne_navn, kolonne_regnskab, aar,
                                art="regnskab"))


@app.command(cls=Kommando, options_metavar="[TILVALG]", short_help="Budget mod regnskab pr. konto og afdeling, og besparelsen.",
             epilog="samdrift opfoelgning --aar 2025\nsamdrift opfoelgning --json")
def opfoelgning(
    ctx: typer.Context,
    aar: Annotated[Optional[int], typer.Option("--aar", metavar="ÅÅÅÅ", min=1900, max=2200,
                                               help="Regnskabsåret (standard: hvert år med et regnskab).", show_default=False)] = None,
    som_json: JsonTilvalg = False,
) -> None:
    """Budget mod regnskab pr. konto og afdeling med afvigelse, og driftsbesparelsen mod i dag og mod målet."""
    from samdrift_cli.kommandoer.oekonomi import opfoelgning as kommando

    koer_kommando(lambda: kommando(_mappe(ctx), aar, som_json))


# -- export, kalender, schema, oversigt ----------------------------------------------------


@app.command(cls=Kommando, options_metavar="[TILVALG]", short_help="Projektmappen og dokumenterne (Excel, Markdown, PDF, Word).",
             epilog="samdrift export --xlsx\nsamdrift export --md dokumenter\nsamdrift export --pdf --docx\n"
                    "samdrift export --html\nsamdrift export --bogfoering --aar 2026")
def export(
    ctx: typer.Context,
    xlsx: Annotated[Optional[str], typer.Option("--xlsx", help="Skriv Excel-projektmappen (FIL; standard: samdriftens navn).",
                                                show_default=False, metavar="[FIL]")] = None,
    md: Annotated[Optional[str], typer.Option("--md", help="Skriv Markdown-dokumenterne (MAPPE; standard: dokumenter/).",
                                              show_default=False, metavar="[MAPPE]")] = None,
    pdf: Annotated[Optional[str], typer.Option("--pdf", help="Skriv dokumenterne som PDF (MAPPE; standard: dokumenter/).",
                                               show_default=False, metavar="[MAPPE]")] = None,
    docx: Annotated[Optional[str], typer.Option("--docx", help="Skriv dokumenterne som Word (MAPPE; standard: dokumenter/).",
                                                show_default=False, metavar="[MAPPE]")] = None,
    html: Annotated[Optional[str], typer.Option("--html", help="Skriv samdriftens side til en browser (MAPPE; standard: dokumenter/).",
                                                show_default=False, metavar="[MAPPE]")] = None,
    bogfoering: Annotated[Optional[str], typer.Option("--bogfoering", help="Skriv fordelingen som én CSV-fil pr. afdeling til "
                                                      "administrationssystemet (MAPPE; standard: dokumenter/bogfoering/).",
                                                      show_default=False, metavar="[MAPPE]")] = None,
    aar: Annotated[Optional[int], typer.Option("--aar", metavar="ÅÅÅÅ", min=1900, max=2200,
                                               help="Med --bogfoering: budgettet for dette år.", show_default=False)] = None,
    tegnsaet: Annotated[str, typer.Option("--tegnsaet", metavar="TEGNSÆT", help="Med --bogfoering: windows-1252 eller utf-8.")] = "windows-1252",
    overskriv: Annotated[bool, typer.Option("--overskriv", help="Overskriv filer, som samdrift ikke selv har lavet, eller en projektmappe med ændringer.")] = False,
) -> None:
    """Eksportér projektmappen (--xlsx), dokumenterne (--md, --pdf, --docx), siden til en browser (--html) og
    bogføringen (--bogfoering)."""
    from samdrift_cli.kommandoer.export import export as kommando

    def sti(v: str | None) -> str | None:  # '' is the default name; a path relative as every path
        return v if not v else str(_sti(ctx, Path(v)))

    def koer() -> int:
        kode = 0
        if any(x is not None for x in (xlsx, md, pdf, docx)) or (bogfoering is None and html is None):
            kode = kommando(_mappe(ctx), sti(xlsx), sti(md), sti(pdf), sti(docx), overskriv)
        if html is not None:  # after the PDFs and the workbook, so that the page links them
            from samdrift_cli.kommandoer.html import export_html

            kode = max(kode, export_html(_mappe(ctx), sti(html), overskriv))
        if bogfoering is not None:
            from samdrift_cli.kommandoer.oekonomi import bogfoering as bogfoer

            kode = max(kode, bogfoer(_mappe(ctx), sti(bogfoering), aar, tegnsaet, overskriv))
        return kode

    koer_kommando(koer)


@app.command(cls=Kommando, options_metavar="[TILVALG]", short_help="Åbne frister og planlagte aktiviteter som iCalendar.",
             epilog="samdrift kalender\nsamdrift kalender frister.ics")
def kalender(
    ctx: typer.Context,
    fil: Annotated[Optional[Path], typer.Argument(metavar="FIL", help="Filen (standard: dokumenter/kalender.ics i mappen; - for stdout).", show_default=False)] = None,
    overskriv: Annotated[bool, typer.Option("--overskriv", help="Overskriv en fil, som samdrift ikke selv har lavet.")] = False,
) -> None:
    """Skriv de åbne frister og planlagte aktiviteter som en iCalendar-fil (RFC 5545) til Outlook og andre kalendere."""
    from samdrift_cli.kommandoer.kalender import kalender as kommando

    if fil is not None and str(fil) != "-":  # '-' is standard output
        fil = _sti(ctx, fil)
    koer_kommando(lambda: kommando(_mappe(ctx), fil, overskriv))


@app.command(cls=Kommando, options_metavar="[TILVALG]", short_help="JSON Schema for editoren (VS Code).",
             epilog="samdrift schema\nsamdrift schema --ud skemaer")
def schema(
    ctx: typer.Context,
    ud: Annotated[Optional[Path], typer.Option("--ud", metavar="MAPPE", help="Mappen skemaerne skrives i (standard: .samdrift/schemas i samdrift-mappen).",
                                               show_default=False)] = None,
    overskriv: Annotated[bool, typer.Option("--overskriv", help="Overskriv skemafiler, som samdrift ikke selv har lavet.")] = False,
) -> None:
    """Skriv JSON Schema (draft-07) for hver filtype, så editoren fuldender og tjekker nøgler."""
    from samdrift_cli.kommandoer.skrivning import schema as kommando

    rod = _mappe(ctx)
    koer_kommando(lambda: kommando(_sti(ctx, ud) if ud is not None else rod / ".samdrift" / "schemas", rod, overskriv))


@app.command(cls=Kommando, options_metavar="[TILVALG]", short_help="Én linje for hver samdrift under MAPPE.",
             epilog="samdrift oversigt ~/samdrifter\nsamdrift oversigt --json\nsamdrift oversigt ~/samdrifter --html side")
def oversigt(
    ctx: typer.Context,
    mappe: Annotated[Optional[Path], typer.Argument(metavar="MAPPE", help="Mappen med samdrifter (standard: den aktuelle).", show_default=False)] = None,
    som_json: JsonTilvalg = False,
    html: Annotated[Optional[Path], typer.Option("--html", metavar="UD", help="Skriv porteføljen som sider til en browser i mappen UD "
                                                                            "(UD/index.html og en side pr. samdrift).",
                                                 show_default=False)] = None,
    overskriv: Annotated[bool, typer.Option("--overskriv", help="Med --html: overskriv filer, som samdrift ikke selv har lavet.")] = False,
) -> None:
    """Én linje for hver samdrift-mappe under MAPPE: afdelinger, lejemål, milepæl, næste skridt, problemer."""
    from samdrift_cli.kommandoer.portefoelje import vis_oversigt

    rod = _sti(ctx, mappe) if mappe is not None else _grundlag(ctx)
    if html is not None:
        from samdrift_cli.kommandoer.html import oversigt_html

        ud = _sti(ctx, html)
        koer_kommando(lambda: oversigt_html(rod, ud, overskriv))
        return
    koer_kommando(lambda: vis_oversigt(rod, som_json))


# -- error handling: one place ----------------------------------------------------


def koer_kommando(handling) -> None:
    """Run a command; user errors become Danish findings on stderr and exit code 2."""
    from samdrift_cli.fund import SamdriftFejl

    try:
        kode = handling()
    except SamdriftFejl as e:
        from samdrift_cli.visning.terminal import skriv_fund

        skriv_fund(e.fund)
        raise typer.Exit(2)
    except KeyboardInterrupt:
        sys.stderr.write("afbrudt\n")
        raise typer.Exit(130)
    raise typer.Exit(kode or 0)


def _sikre_stroemme() -> None:
    """Output the terminal or a redirect cannot encode (cp1252 on Windows, ASCII) is escaped, never
    a traceback; a stream that was closed before samdrift started (``>&-``) swallows what is written
    to it, and the exit code still tells the result."""
    for navn in ("stdout", "stderr"):
        if getattr(sys, navn) is None:
            setattr(sys, navn, open(os.devnull, "w", encoding="utf-8"))
    for stroem in (sys.stdout, sys.stderr):
        try:
            stroem.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass


def main(argv: list[str] | None = None) -> None:
    _sikre_stroemme()
    args = dansk.normaliser_argv(list(sys.argv[1:] if argv is None else argv))
    try:
        kode = dansk.koer(app, args)
        sys.stdout.flush()
    except BrokenPipeError:  # output piped into 'head' and the like
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except RecursionError:
        sys.stderr.write("samdrift: fejl: en fil er indlejret for dybt (fx aliasser, der henviser til sig selv)\n")
        kode = 2
    except Exception as e:  # never a traceback for the user
        if os.environ.get("SAMDRIFT_DEBUG"):
            raise
        try:
            sys.stderr.write(f"samdrift: intern fejl: {type(e).__name__}: {e}\n"
                             "Det er en fejl i samdrift, ikke i dine filer. Kør igen med SAMDRIFT_DEBUG=1 for detaljer.\n")
        except (OSError, ValueError):
            pass
        kode = 2
    sys.exit(kode)


if __name__ == "__main__":  # pragma: no cover
    main()
