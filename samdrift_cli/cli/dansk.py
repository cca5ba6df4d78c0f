"""Danish for the parts of typer that speak English: help pages and usage errors.

Only typer's public surface is used: the command classes are subclasses passed through ``cls=``
(they format the help page with click's documented ``format_*`` methods), the app runs with
``standalone_mode=False``, and every usage error is an exception derived from the public
``typer.TyperException``, turned into one Danish line from its attributes.
"""

from __future__ import annotations

import re
import sys

import typer
import typer.core

from samdrift_cli.identitet import translittereret

# English messages of typer's parser that carry no attribute to build Danish from
_OVERSAET = [
    (r"^Input should be less than or equal to (.*)$", "skal højst være {0}"),
    (r"^Input should be greater than or equal to (.*)$", "skal mindst være {0}"),
    (r"^Input should be a valid integer.*$", "skal være et heltal"),
    (r"^Input should be a valid boolean.*$", "skal være true eller false"),
    (r"^'(.*)' is not a valid integer( range)?\.?$", "'{0}' er ikke et heltal"),
    (r"^(.*) is not in the range (.*?)\.?$", "{0} ligger uden for det tilladte interval ({1})"),
    (r"^(?:dir|directory|file|path) '(.*)' is a file\.$", "'{0}' er en fil, ikke en mappe"),
    (r"^(?:dir|directory|file|path) '(.*)' is a directory\.$", "'{0}' er en mappe, ikke en fil"),
    (r"^(?:dir|directory|file|path) '(.*)' does not exist\.$", "'{0}' findes ikke"),
    (r"^'(.*)' is not one of (.*)\.$", "'{0}' skal være en af {1}"),
    (r"^Option '(.*)' requires an argument\.$", "tilvalget '{0}' kræver en værdi"),
    (r"^Option '(.*)' requires (\d+) arguments\.$", "tilvalget '{0}' kræver {1} værdier"),
    (r"^Option '(.*)' does not take a value\.$", "tilvalget '{0}' tager ingen værdi"),
    (r"^No such command '(.*)'\.\s*Did you mean (.*)\?$", "ukendt kommando '{0}'; mente du {1}?"),
    (r"^No such command '(.*)'\.$", "ukendt kommando '{0}'"),
    (r"^Missing command\.$", "der mangler en kommando"),
    (r"^Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", "uventet ekstra argument: {0}"),
    (r"^No such option: (.*)$", "ukendt tilvalg '{0}'"),
]


def oversaet(tekst: str) -> str:
    tekst = " ".join(tekst.split())
    for moenster, dansk in _OVERSAET:
        m = re.match(moenster, tekst, re.I)
        if m:
            return dansk.format(*m.groups())
    return tekst


# -- help pages --------------------------------------------------------------------

_TEKNISK = re.compile(r"\s*\[(?:[^\]]*(?:required|default|env var|<=|>=|x<|dynamic)[^\]]*)\]\s*$")


class _DanskHjaelp:
    """The help page of a command in Danish: usage, text, arguments, options, commands, examples."""

    def get_help_option(self, ctx):
        opt = super().get_help_option(ctx)
        if opt is not None:
            opt.help = "Vis denne hjælp og afslut."
        return opt

    def format_usage(self, ctx, formatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), "Brug: ")

    def format_options(self, ctx, formatter) -> None:
        argumenter, tilvalg = [], []
        for p in self.get_params(ctx):
            if getattr(p, "hidden", False):
                continue
            if p.param_type_name == "argument":
                argumenter.append((p.metavar or (p.name or "").upper(), getattr(p, "help", None) or ""))
            else:
                rec = p.get_help_record(ctx)
                if rec is not None:
                    # typer adds English brackets ('[required]', '[1<=x<=12]'); the Danish help says it
                    argumenter_ = _TEKNISK.sub("", rec[1])
                    tilvalg.append((rec[0], argumenter_))
        if argumenter:
            with formatter.section("Argumenter"):
                formatter.write_dl(argumenter)
        if tilvalg:
            with formatter.section("Tilvalg"):
                formatter.write_dl(tilvalg)
        if hasattr(self, "list_commands"):
            kommandoer = [(navn, self.get_command(ctx, navn)) for navn in self.list_commands(ctx)]
            kommandoer = [(n, k) for n, k in kommandoer if k is not None and not k.hidden]
            if kommandoer:
                graense = formatter.width - 6 - max(len(n) for n, _ in kommandoer)
                with formatter.section("Kommandoer"):
                    formatter.write_dl([(n, k.get_short_help_str(graense)) for n, k in kommandoer])

    def format_epilog(self, ctx, formatter) -> None:
        """The epilog is the command's examples, one command line a line, as written."""
        if self.epilog:
            with formatter.section("Eksempler"):
                for linje in self.epilog.strip("\n").splitlines():
                    formatter.write(" " * formatter.current_indent + linje.rstrip() + "\n")


class Kommando(_DanskHjaelp, typer.core.TyperCommand):
    pass


# the commands in the order of the process, as the help lists them
ORDEN = ("init", "check", "status", "vejledning", "afkryds", "fordeling", "import", "opfoelgning", "export", "kalender",
         "schema", "oversigt", "milepael", "budget", "regnskab")


class Gruppe(_DanskHjaelp, typer.core.TyperGroup):
    def list_commands(self, ctx) -> list[str]:
        navne = super().list_commands(ctx)
        return sorted(navne, key=lambda n: ORDEN.index(n) if n in ORDEN else len(ORDEN))

    def get_command(self, ctx, cmd_name: str):
        """A command by its name, or as Danish is written: 'milepæl' is 'milepael', 'opfølgning'
        'opfoelgning' (the one transliteration of the files)."""
        return super().get_command(ctx, cmd_name) or super().get_command(ctx, translittereret(cmd_name))


# -- usage errors ------------------------------------------------------------------


def _parameternavn(param) -> str:
    if param is None:
        return ""
    if param.param_type_name == "option":
        return param.opts[0]
    return param.metavar or (param.name or "").upper()


def dansk_fejl(e: typer.TyperException) -> str:
    """One Danish line for a usage error, from the exception's attributes."""
    art = type(e).__name__
    param = getattr(e, "param", None)
    if art == "NoSuchOption":
        besked = f"ukendt tilvalg '{e.option_name}'"
        if e.possibilities:
            besked += f"; mente du {' eller '.join(repr(p) for p in sorted(e.possibilities))}?"
        return besked
    if art == "MissingParameter":
        if param is None:
            return "der mangler et argument"
        return f"mangler {'tilvalget' if param.param_type_name == 'option' else 'argumentet'} {_parameternavn(param)}"
    if art == "BadParameter":
        hint = e.param_hint or _parameternavn(param)
        if isinstance(hint, (list, tuple)):
            hint = " / ".join(hint)
        return f"ugyldig værdi for {hint}: {oversaet(e.message)}"
    return oversaet(getattr(e, "message", None) or str(e))


def koer(app: typer.Typer, args: list[str]) -> int:
    """Run the app on ``args``; usage errors as one Danish line on stderr (exit 2)."""
    kommando = typer.main.get_command(app)
    try:
        kode = kommando.main(args=args, prog_name="samdrift", standalone_mode=False)
    except typer.Abort:
        sys.stderr.write("afbrudt\n")
        return 130
    except typer.TyperException as e:
        ctx = getattr(e, "ctx", None)
        if type(e).__name__ == "NoArgsIsHelpError" and ctx is not None:
            sys.stdout.write(ctx.get_help() + "\n")
            return 0
        sti = ctx.command_path if ctx is not None else "samdrift"
        if hasattr(e, "ctx"):  # a usage error: it points at the command's help
            sys.stderr.write(f"{sti}: fejl: {dansk_fejl(e)}\nSe '{sti} --help' for hjælp.\n")
            return 2
        sys.stderr.write(f"samdrift: fejl: {oversaet(e.format_message())}\n")
        return getattr(e, "exit_code", 1) or 1
    return kode if isinstance(kode, int) else 0


# -- the command line before typer sees it ------------------------------------------------

_VALGFRI_VAERDI = ("--xlsx", "--md", "--pdf", "--docx", "--bogfoering", "--html")


def normaliser_argv(args: list[str]) -> list[str]:
    """``export --xlsx [FIL]``, ``--md``, ``--pdf``, ``--docx [MAPPE]``: the value is optional, so a
    bare ``--xlsx`` becomes ``--xlsx=`` (the default name) and ``--xlsx FIL`` ``--xlsx=FIL``. Click
    has this (``is_flag=False, flag_value=""``), but typer 0.29's ``TyperOption`` takes no
    ``flag_value`` and always asks for the value, so it is done here, before typer sees argv."""
    ud: list[str] = []
    efter_export = False
    i = 0
    while i < len(args):
        a = args[i]
        if a == "export":
            efter_export = True
        if efter_export and a in _VALGFRI_VAERDI:
            naeste = args[i + 1] if i + 1 < len(args) else None
            if naeste is not None and not naeste.startswith("-"):
                ud.append(f"{a}={naeste}")
                i += 2
                continue
            ud.append(f"{a}=")
            i += 1
            continue
        ud.append(a)
        i += 1
    return ud
