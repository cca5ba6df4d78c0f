"""Danish for the parts of typer/click that speak English: help headings and usage errors.

Usage errors are caught here and rewritten as one Danish line; help headings are set through
typer's own settings. Everything is defensive: an unknown typer version keeps working, only
less Danish.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import typer

# (pattern, flags, Danish); compiled only when a usage error is shown, not on every start
_OVERSAET = [
    (r"^Input should be less than or equal to (.*)$", 0, "skal højst være {0}"),
    (r"^Input should be greater than or equal to (.*)$", 0, "skal mindst være {0}"),
    (r"^Input should be a valid integer.*$", 0, "skal være et heltal"),
    (r"^Input should be a valid boolean.*$", 0, "skal være true eller false"),
    (r"^'(.*)' is not a valid integer( range)?\.?$", 0, "'{0}' er ikke et heltal"),
    (r"^(.*) is not in the range (.*?)\.?$", 0, "{0} ligger uden for det tilladte interval ({1})"),
    (r"^(?:dir|directory|file|path) '(.*)' is a file\.$", re.I, "'{0}' er en fil, ikke en mappe"),
    (r"^(?:dir|directory|file|path) '(.*)' is a directory\.$", re.I, "'{0}' er en mappe, ikke en fil"),
    (r"^(?:dir|directory|file|path) '(.*)' does not exist\.$", re.I, "'{0}' findes ikke"),
    (r"^'(.*)' is not one of (.*)\.$", 0, "'{0}' skal være en af {1}"),
    (r"^Option '(.*)' requires an argument\.$", 0, "tilvalget '{0}' kræver en værdi"),
    (r"^Option '(.*)' requires (\d+) arguments\.$", 0, "tilvalget '{0}' kræver {1} værdier"),
    (r"^Option '(.*)' does not take a value\.$", 0, "tilvalget '{0}' tager ingen værdi"),
    (r"^No such command '(.*)'\.$", 0, "ukendt kommando '{0}'"),
    (r"^Missing command\.$", 0, "der mangler en kommando"),
    (r"^Got unexpected extra arguments? \((.*)\)$", 0, "uventet ekstra argument: {0}"),
    (r"^No such option: (.*)$", 0, "ukendt tilvalg '{0}'"),
]


def oversaet(tekst: str) -> str:
    tekst = tekst.strip()
    for moenster, flag, dansk in _OVERSAET:
        m = re.match(moenster, tekst, flag)
        if m:
            return dansk.format(*m.groups())
    return tekst


_OVERSKRIFTER = {"Options": "Tilvalg", "Commands": "Kommandoer", "Arguments": "Argumenter"}
_GETTEXT = {**_OVERSKRIFTER, "required": "påkrævet", "default: {default}": "standard: {default}",
            "env var: {var}": "miljøvariabel: {var}", "(dynamic)": "(dynamisk)", "Aborted!": "Afbrudt!"}


def installer() -> None:
    """Danish headings in the (plain, fast) help pages. Rich is never imported for --help."""
    try:
        import typer.core as typer_core

        typer_core._ = lambda tekst: _GETTEXT.get(tekst, tekst)
    except Exception:  # pragma: no cover - other typer versions
        pass
    try:
        from typer._click import core, formatting

        original = formatting.HelpFormatter.write_usage
        if not getattr(original, "_dansk", False):
            def write_usage(self, prog, args="", prefix=None):
                return original(self, prog, args, "Brug: " if prefix is None else prefix)

            write_usage._dansk = True
            formatting.HelpFormatter.write_usage = write_usage

            original_overskrift = formatting.HelpFormatter.write_heading

            def write_heading(self, heading):
                return original_overskrift(self, _OVERSKRIFTER.get(heading, heading))

            formatting.HelpFormatter.write_heading = write_heading

        original_hjaelp = core.Command.get_help_option
        if not getattr(original_hjaelp, "_dansk", False):
            def get_help_option(self, ctx):
                opt = original_hjaelp(self, ctx)
                if opt is not None:
                    opt.help = "Vis denne hjælp og afslut."
                return opt

            get_help_option._dansk = True
            core.Command.get_help_option = get_help_option

        # typer writes an argument's Python type after its name in English ('MAPPE <path>',
        # 'NR <int range>'); samdrift's arguments have a metavar and a help text that says it in Danish
        typer_core.TyperArgument.display_type_rich = lambda self, ctx: None
    except Exception:  # pragma: no cover - other typer versions
        pass


def _undtagelser():
    try:
        from typer._click import exceptions as ex
    except ImportError:  # pragma: no cover - typer with click as a dependency
        import click.exceptions as ex  # type: ignore[no-redef]
    return ex


def _dansk_fejl(e) -> str:
    ex = _undtagelser()
    if isinstance(e, ex.NoSuchOption):
        besked = f"ukendt tilvalg '{e.option_name}'"
        if e.possibilities:
            besked += f"; mente du {' eller '.join(repr(p) for p in sorted(e.possibilities))}?"
        return besked
    if isinstance(e, ex.MissingParameter):
        param = e.param
        if param is not None:
            navn = (param.opts[0] if getattr(param, "param_type_name", "") == "option" else (param.name or "").upper())
            art = "tilvalget" if getattr(param, "param_type_name", "") == "option" else "argumentet"
            return f"mangler {art} {navn}"
        return "der mangler et argument"
    if isinstance(e, ex.BadParameter):
        param = e.param
        hint = e.param_hint or (param.opts[0] if param is not None and getattr(param, "param_type_name", "") == "option"
                                else (param.name.upper() if param is not None and param.name else ""))
        if isinstance(hint, (list, tuple)):
            hint = " / ".join(hint)
        return f"ugyldig værdi for {hint}: {oversaet(e.message)}"
    return oversaet(e.message)


def kør(app: typer.Typer, args: list[str]) -> int:
    ex = _undtagelser()
    kommando = typer.main.get_command(app)
    try:
        kode = kommando.main(args=args, prog_name="samdrift", standalone_mode=False)
    except ex.NoArgsIsHelpError as e:  # type: ignore[attr-defined]
        sys.stdout.write(e.ctx.get_help() + "\n")
        return 0
    except ex.UsageError as e:
        sti = e.ctx.command_path if e.ctx is not None else "samdrift"
        sys.stderr.write(f"{sti}: fejl: {_dansk_fejl(e)}\nSe '{sti} --help' for hjælp.\n")
        return 2
    except typer.Abort:
        sys.stderr.write("afbrudt\n")
        return 130
    except ex.ClickException as e:  # pragma: no cover
        sys.stderr.write(f"samdrift: fejl: {oversaet(e.format_message())}\n")
        return e.exit_code
    return kode if isinstance(kode, int) else 0


def normaliser_argv(args: list[str]) -> list[str]:
    """``export --xlsx [FIL]`` and ``--md [MAPPE]``: the value is optional.

    Bare ``--xlsx`` becomes ``--xlsx=`` (the default name); ``--xlsx FIL`` becomes ``--xlsx=FIL``.
    """
    if "export" not in args:
        return args
    ud: list[str] = []
    i = 0
    efter_export = False
    while i < len(args):
        a = args[i]
        if a == "export":
            efter_export = True
        if efter_export and a in ("--xlsx", "--md"):
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
