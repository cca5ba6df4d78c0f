"""The command line: parses arguments, calls the core, renders. Nothing else.

Heavy modules (pydantic schemas, ruamel, rich tables, xlsxwriter, jinja2) are imported inside
the commands, so ``samdrift --help`` starts fast.
"""

import os
import sys
from pathlib import Path

from typing import Annotated, Optional

import typer

from samdrift_cli.cli import dansk as dansk_cli

dansk_cli.installer()

app = typer.Typer(
    name="samdrift",
    help="Samdrift mellem almene boligafdelinger: en mappe med YAML-filer pr. samdrift, tjek af milepæle, "
    "fordelingsnøgler til øren og eksport til Excel og Markdown. Bygger på fsb's drejebog.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    options_metavar="[TILVALG]",
    subcommand_metavar="KOMMANDO [ARGUMENTER]...",
    context_settings={"help_option_names": ["-h", "--help"]},
)

check_app = typer.Typer(help="Tjek filerne for fejl, eller om en milepæl er nået.", add_completion=False,
                        rich_markup_mode=None, options_metavar="[TILVALG]",
                        subcommand_metavar="[milepael NR]")
app.add_typer(check_app, name="check")

JsonTilvalg = Annotated[bool, typer.Option("--json", help="Skriv ét JSON-dokument til stdout.")]


def _mappe(ctx: typer.Context) -> Path:
    return ctx.obj["mappe"] if ctx.obj else Path.cwd()


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
    ctx.obj = {"mappe": (mappe if mappe is not None else Path.cwd())}


# -- init -----------------------------------------------------------------------


@app.command(options_metavar="[TILVALG]")
def init(
    ctx: typer.Context,
    mappe: Annotated[Optional[Path], typer.Argument(metavar="MAPPE", help="Den nye mappe (standard: den aktuelle, hvis den er tom).",
                                                    show_default=False)] = None,
    navn: Annotated[Optional[str], typer.Option("--navn", metavar="NAVN", help="Samdriftens navn, fx 'Samdrift Æblegården og Pærebakken'.",
                                                show_default=False)] = None,
    afdeling: Annotated[Optional[list[str]], typer.Option(
        "--afdeling", metavar="NAVN:LEJEMÅL[:AREAL]",
        help="En afdeling som 'Æblegården:100' eller med areal i m² 'Æblegården:100:6.500'; gentag for hver afdeling.",
        show_default=False)] = None,
    boligorganisation: Annotated[Optional[str], typer.Option("--boligorganisation", metavar="NAVN", help="Boligorganisationens navn.",
                                                             show_default=False)] = None,
    git: Annotated[bool, typer.Option("--git", help="Kør 'git init' og lav den første commit.")] = False,
) -> None:
    """Opret en ny samdrift-mappe med alle skabeloner (overskriver aldrig en eksisterende fil)."""
    from samdrift_cli.skrivning.opret import opret

    maal = _mappe(ctx) / mappe if mappe is not None else _mappe(ctx)
    kor(lambda: opret(maal, navn, afdeling or [], boligorganisation, git))


# -- check ----------------------------------------------------------------------


@check_app.callback(invoke_without_command=True)
def check(
    ctx: typer.Context,
    som_json: JsonTilvalg = False,
    alle: Annotated[bool, typer.Option("--alle", help="Tjek alle samdrift-mapper under mappen (en portefølje).")] = False,
    tillad_advarsler: Annotated[bool, typer.Option("--tillad-advarsler", help="Afslut med 0, når der kun er advarsler (fx i en pre-commit-krog).")] = False,
) -> None:
    """Tjek at alle filer er gyldige: syntaks, skema og krydshenvisninger."""
    if ctx.invoked_subcommand is not None:
        return
    from samdrift_cli.kommandoer import check as kommando

    def koer() -> int:
        kode = kommando.check_alle(_mappe(ctx), som_json) if alle else kommando.check(_mappe(ctx), som_json)
        return 0 if (kode == 1 and tillad_advarsler) else kode

    kor(koer)


@check_app.command("milepael", options_metavar="[TILVALG]")
def check_milepael(
    ctx: typer.Context,
    nr: Annotated[int, typer.Argument(help="Milepælens nummer, 1–12.", min=1, max=12, metavar="NR")],
    som_json: JsonTilvalg = False,
) -> None:
    """Er milepæl NR nået? Viser hver opgave og leverance og hvad der mangler (også for de tidligere milepæle)."""
    from samdrift_cli.kommandoer.check import check_milepael as kommando

    kor(lambda: kommando(_mappe(ctx.parent), nr, som_json))


# -- status ---------------------------------------------------------------------


@app.command(options_metavar="[TILVALG]")
def status(ctx: typer.Context, som_json: JsonTilvalg = False) -> None:
    """Alle 12 milepæle i 3 faser på én gang, og de næste skridt."""
    from samdrift_cli.kommandoer.status import status as kommando

    kor(lambda: kommando(_mappe(ctx), som_json))


# -- fordeling ------------------------------------------------------------------


@app.command(options_metavar="[TILVALG]")
def fordeling(
    ctx: typer.Context,
    som_json: JsonTilvalg = False,
    noegle: Annotated[Optional[str], typer.Option("--noegle", metavar="ID", help="Vis én nøgles grundlag og andele: hvorfor betaler afdelingen det, den betaler?",
                                                  show_default=False)] = None,
    mod_timer: Annotated[bool, typer.Option("--mod-timer", help="Milepæl 10: sammenlign nøglerne med de registrerede timer.")] = False,
    periode: Annotated[Optional[str], typer.Option("--periode", metavar="FRA:TIL", help="Periode for --mod-timer som FRA:TIL, fx 2026-01-01:2026-12-31.",
                                                   show_default=False)] = None,
) -> None:
    """Fordelingen på konti og afdelinger til øren: totaler, kroner pr. lejemål og sammenligning med i dag."""
    from samdrift_cli.kommandoer.fordeling import fordeling as kommando

    kor(lambda: kommando(_mappe(ctx), som_json, noegle, mod_timer, periode))


# -- afkryds --------------------------------------------------------------------


@app.command(options_metavar="[TILVALG]")
def afkryds(
    ctx: typer.Context,
    milepael: Annotated[int, typer.Argument(help="Milepælens nummer, 1–12.", min=1, max=12, metavar="MILEPAEL")],
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
    from samdrift_cli.skrivning.afkryds import afkryds as gør

    kor(lambda: gør(_mappe(ctx), milepael, opgave, leverance, dato, af, referat, beslutning, bemaerkning, fortryd))


# -- export, schema, oversigt ----------------------------------------------------


@app.command(options_metavar="[TILVALG]")
def export(
    ctx: typer.Context,
    xlsx: Annotated[Optional[str], typer.Option("--xlsx", help="Skriv Excel-projektmappen (FIL; standard: samdriftens navn).",
                                                show_default=False, metavar="[FIL]")] = None,
    md: Annotated[Optional[str], typer.Option("--md", help="Skriv Markdown-dokumenterne (MAPPE; standard: dokumenter/).",
                                              show_default=False, metavar="[MAPPE]")] = None,
    overskriv: Annotated[bool, typer.Option("--overskriv", help="Overskriv filer, som samdrift ikke selv har lavet.")] = False,
) -> None:
    """Eksportér projektmappen (--xlsx) og/eller dokumenterne (--md)."""
    from samdrift_cli.kommandoer.export import export as kommando

    kor(lambda: kommando(_mappe(ctx), xlsx, md, overskriv))


@app.command(options_metavar="[TILVALG]")
def schema(
    ctx: typer.Context,
    ud: Annotated[Optional[Path], typer.Option("--ud", metavar="MAPPE", help="Mappen skemaerne skrives i (standard: .samdrift/schemas i samdrift-mappen).",
                                               show_default=False)] = None,
) -> None:
    """Skriv JSON Schema (draft-07) for hver filtype, så editoren fuldender og tjekker nøgler."""
    from samdrift_cli.skemaer.jsonskema import skriv_skemaer

    kor(lambda: skriv_skemaer(ud if ud is not None else _mappe(ctx) / ".samdrift" / "schemas"))


@app.command(options_metavar="[TILVALG]")
def oversigt(
    ctx: typer.Context,
    mappe: Annotated[Optional[Path], typer.Argument(metavar="MAPPE", help="Mappen med samdrifter (standard: den aktuelle).", show_default=False)] = None,
    som_json: JsonTilvalg = False,
) -> None:
    """Én linje for hver samdrift-mappe under MAPPE: afdelinger, lejemål, milepæl, næste skridt, problemer."""
    from samdrift_cli.kommandoer.portefoelje import vis_oversigt

    rod = _mappe(ctx) / mappe if mappe is not None else _mappe(ctx)
    kor(lambda: vis_oversigt(rod, som_json))


# -- error handling: one place ----------------------------------------------------


def kor(handling) -> None:
    """Run a command; user errors become Danish findings on stderr and exit code 2."""
    from samdrift_cli.fund import SamdriftFejl, Udfald

    try:
        kode = handling()
        if isinstance(kode, Udfald):
            from samdrift_cli.visning.terminal import vis_udfald

            kode = vis_udfald(kode)
    except SamdriftFejl as e:
        from samdrift_cli.visning.terminal import skriv_fund

        skriv_fund(e.fund)
        raise typer.Exit(2)
    except KeyboardInterrupt:
        typer.echo("afbrudt", err=True)
        raise typer.Exit(130)
    raise typer.Exit(kode or 0)


def main(argv: list[str] | None = None) -> None:
    args = dansk_cli.normaliser_argv(list(sys.argv[1:] if argv is None else argv))
    try:
        kode = dansk_cli.kør(app, args)
    except BrokenPipeError:  # output piped into 'head' and the like
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except Exception as e:  # never a traceback for the user
        if os.environ.get("SAMDRIFT_DEBUG"):
            raise
        sys.stderr.write(f"samdrift: intern fejl: {type(e).__name__}: {e}\n"
                         "Det er en fejl i samdrift, ikke i dine filer. Kør igen med SAMDRIFT_DEBUG=1 for detaljer.\n")
        kode = 2
    sys.exit(kode)


if __name__ == "__main__":  # pragma: no cover
    main()
