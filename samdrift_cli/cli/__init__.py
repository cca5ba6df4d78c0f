"""The command line: typer app, Danish usage messages. Only parses, calls and renders."""

from samdrift_cli.cli.app import app, main

__all__ = ["app", "main"]
